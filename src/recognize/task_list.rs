//! Which enumerated lists hold tasks: the list that holds a meeting's conclusions or
//! tasks (scored by the cue phrases of the sentence that introduces it), and the
//! numbered body of a formal document (a notice's or plan's tasks). Only these lists'
//! items are read for agencies and deadlines ([`super::formal::tasks`]).

use super::context::Context;
use super::list::{EnumList, MarkerStyle};
use crate::layout::BlockKind;
use crate::lexicon::WordList;

/// The lists that may hold tasks, as indices in the list mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaskLists {
    /// The list that holds the meeting's conclusions or tasks: of the lists of the body
    /// with a positive score, the last best-scored.
    pub meeting: Option<usize>,
    /// In a formal document (a header or signature block), the first list of the body
    /// with two numbered top-level items or more: the body of a notice or plan, read as
    /// tasks when the meeting has none.
    pub body: Option<usize>,
}

impl TaskLists {
    /// The lists to read items of, in order, without repeats.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (a, b) = (self.meeting, self.body);
        let (first, second) = match (a, b) {
            (Some(x), Some(y)) if y < x => (Some(y), Some(x)),
            (Some(x), Some(y)) if x == y => (Some(x), None),
            _ => (a, b),
        };
        first.into_iter().chain(second)
    }
}

/// Find the lists of `lists` that may hold tasks.
pub(crate) fn task_lists(cx: &Context<'_, '_>, lists: &[EnumList]) -> TaskLists {
    let mut best: Option<(i32, usize)> = None;
    for (li, l) in lists.iter().enumerate().filter(|(_, l)| cx.body(l.start)) {
        let score = score(cx, l);
        if score > 0 && best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, li));
        }
    }
    let formal = cx.layout.blocks.iter().any(|b| matches!(b.kind, BlockKind::Header | BlockKind::Signature));
    let body = formal
        .then(|| {
            lists.iter().position(|l| {
                cx.body(l.start) && l.items.iter().filter(|it| it.level == 0 && it.number.is_some()).count() >= 2
            })
        })
        .flatten();
    TaskLists { meeting: best.map(|(_, li)| li), body }
}

/// How strongly the sentence that introduces the list `l` announces tasks or
/// conclusions (cues before it), rather than an enumeration.
fn score(cx: &Context<'_, '_>, l: &EnumList) -> i32 {
    let intro = (l.intro_start, l.intro_end.max(l.intro_start));
    let lead_start = cx.sentence_of(l.intro_start).map_or(intro.0, |s| s.0.min(intro.0));
    let intro_key = cx.key[lead_start..l.start.max(lead_start)].trim_end();
    // Nouns that announce directions: "8 trọng tâm chỉ đạo, điều hành bao gồm:".
    let directions = cx.cues_in(lead_start, l.start.max(lead_start)).any(|c| c.name == "task_noun");
    let mut score = 0;
    for c in cx.cues_in(lead_start, l.start.max(intro.1)) {
        match c.name {
            "task_intro" | "conclusion" | "directive" => score += 2,
            "not_task_intro" if !directions => score -= 3,
            _ => {}
        }
    }
    if directions {
        score += 1;
    }
    let enumerates = cx.lex.words(WordList::EnumerationIntro).iter().any(|w| intro_key.ends_with(w.as_str()));
    if enumerates && !directions {
        score -= 3;
    }
    // "Thứ nhất … Thứ hai", "Một là … Hai là": the style of conclusions and directions.
    if matches!(l.style, MarkerStyle::OrdinalWord | MarkerStyle::CountWord) && directions {
        score += 1;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::context::mentions_of;

    #[test]
    fn conclusions_are_the_meeting_tasks() {
        let text = "Sáng 8/7/2024, UBND xã tổ chức hội nghị. Đồng chí Chủ tịch UBND xã kết luận, \
                    giao các ngành thực hiện các nhiệm vụ sau: (1) Rà soát hộ nghèo; (2) Hoàn thành \
                    thu thuế trước ngày 30/9/2024.";
        let m = mentions_of(text);
        assert_eq!(m.task_lists.meeting, Some(0));
        let items: Vec<_> = m.tasks.iter().map(|t| (t.list, t.item)).collect();
        assert!(items.contains(&(0, 1)), "the deadline of item 2 was read: {items:?}");
    }

    #[test]
    fn an_enumeration_is_not_a_task_list() {
        let text = "Sáng 8/7/2024, UBND xã tổ chức hội nghị. Tham dự có các thành phần gồm: \
                    (1) Ban Thường trực; (2) các ban ngành; (3) trưởng các thôn.";
        let m = mentions_of(text);
        assert_eq!(m.task_lists.meeting, None);
        assert!(m.tasks.is_empty());
    }

    #[test]
    fn indices_in_order_without_repeats() {
        let both = |meeting, body| TaskLists { meeting, body }.indices().collect::<Vec<_>>();
        assert_eq!(both(Some(3), Some(1)), [1, 3]);
        assert_eq!(both(Some(2), Some(2)), [2]);
        assert_eq!(both(None, Some(4)), [4]);
        assert!(both(None, None).is_empty());
    }
}
