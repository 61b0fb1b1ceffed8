//! Which enumerated lists hold tasks: the list that holds a meeting's conclusions or
//! tasks (scored by the cue phrases of the sentence that introduces it), and the
//! numbered body of a formal document (a notice's or plan's tasks). Only these lists'
//! items are read for agencies and deadlines ([`super::formal::tasks`]).

use super::context::Context;
use super::list::{EnumList, MarkerStyle};
use crate::layout::BlockKind;
use crate::lexicon::{FormalList, WordList};

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
    for (li, l) in lists
        .iter()
        .enumerate()
        .filter(|(_, l)| cx.body(l.start) && !is_outline(cx, l) && !under_purpose_heading(cx, l))
    {
        let score = score(cx, l);
        if score > 0 && best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, li));
        }
    }
    let formal = cx.layout.blocks.iter().any(|b| matches!(b.kind, BlockKind::Header | BlockKind::Signature));
    let body = formal
        .then(|| {
            lists.iter().position(|l| {
                cx.body(l.start)
                    && !under_purpose_heading(cx, l)
                    && l.items.iter().filter(|it| it.level == 0 && it.number.is_some()).count() >= 2
            })
        })
        .flatten();
    TaskLists { meeting: best.map(|(_, li)| li), body }
}

/// A document's outline rather than a list of tasks: every top-level item is Roman-numbered
/// and opens with a short label and a colon ("I. Thời gian và địa điểm: …", "II. Nội
/// dung:").
fn is_outline(cx: &Context<'_, '_>, l: &EnumList) -> bool {
    const MAX_LABEL_WORDS: usize = 6;
    let mut top = l.items.iter().filter(|it| it.level == 0).peekable();
    top.peek().is_some()
        && top.all(|it| {
            it.marker(cx.text).trim_end_matches(['.', ')', '/', '-']).chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
                && cx.text[it.start..it.end].find(':').is_some_and(|colon| {
                    cx.text[it.start..it.start + colon].split_whitespace().count() <= MAX_LABEL_WORDS
                })
        })
}

/// The list follows a heading of aims ("I. MỤC ĐÍCH, YÊU CẦU:"): its items are the
/// aims of a plan, not its tasks.
fn under_purpose_heading(cx: &Context<'_, '_>, l: &EnumList) -> bool {
    let intro = cx.key[l.intro_start..l.intro_end.max(l.intro_start)].trim();
    let heading = intro
        .trim_start_matches(|c: char| matches!(c, 'i' | 'v' | 'x' | '.' | ')' | ' ' | '-' | '/') || c.is_ascii_digit());
    cx.lex.formal_prefix(FormalList::PurposeSection, heading).is_some() && heading.len() < 60
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
    fn an_outline_is_not_a_task_list() {
        let text = "Sáng 8/7/2024, Thường trực HĐND xã tổ chức tiếp xúc cử tri với nội dung như sau:\n\
                    I. Thời gian và địa điểm: từ ngày 10/7/2024 tại nhà văn hóa thôn.\n\
                    II. Nội dung tiếp xúc: thông báo kết quả kỳ họp.";
        let m = mentions_of(text);
        assert_eq!(m.task_lists.meeting, None, "{:?}", m.lists.len());
    }

    #[test]
    fn aims_of_a_plan_are_not_its_tasks() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    Độc lập - Tự do - Hạnh phúc\nAn Hòa, ngày 10 tháng 7 năm 2024\nKẾ HOẠCH\nTổ chức đối thoại với nhân dân\n\
                    I. MỤC ĐÍCH, YÊU CẦU:\n1. Nâng cao hiệu quả tuyên truyền pháp luật.\n2. Nắm bắt tâm tư của nhân dân.\n";
        let m = mentions_of(text);
        assert_eq!(m.task_lists.body, None);
        let tasks = text.replace("MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ");
        assert!(mentions_of(&tasks).task_lists.body.is_some());
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
