//! Who attended, as a list after an attending cue: "Tham dự có đồng chí A, Chủ tịch
//! UBND huyện; đại diện các ban, ngành của huyện; cùng với lãnh đạo các xã." The
//! sentence after the cue (and after an "attendee_intro" word and a colon) is split at
//! ';' into items; each item holds person mentions or names a group of attendees
//! (without its leading "group_lead" words such as "cùng với").
//!
//! Which of these lists a meeting takes (a cue with an attendee just before it names
//! that one attendee instead) is decided in assembly (`assemble::roles`), which also
//! knows which person mentions name a person.

use super::context::Context;
use super::person::PersonMention;
use crate::lexicon::WordList;
use crate::recognize::words::{after_word, trim_words};
use std::ops::Range;

/// The items of the list after one attending cue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    /// Start of the cue ("tham dự").
    pub cue_start: usize,
    /// End of the cue.
    pub cue_end: usize,
    /// The ';'-separated items after it, in order.
    pub items: Vec<AttendanceItem>,
}

/// One ';'-separated item of an [`Attendance`] list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttendanceItem {
    /// The person mentions that start in the item: a range of indices into
    /// [`super::Mentions::people`].
    pub people: Range<usize>,
    /// The item read as a group of attendees: its text without separators, leading
    /// `group_lead` words and a closing '.', when that holds two words or more and
    /// fewer than 300 bytes. Assembly takes it when no mention in the item names a
    /// person.
    pub group: Option<(usize, usize)>,
}

/// The attendance list after every attending cue of the body that stands in a
/// sentence, in the order of the cues. `people` are the person mentions, sorted by
/// start.
pub(crate) fn attendance(cx: &Context<'_, '_>, people: &[(usize, PersonMention)]) -> Vec<Attendance> {
    let mut found = Vec::new();
    for c in cx.cues() {
        if c.meeting || c.name != "attend" || !cx.body(c.start) {
            continue;
        }
        let Some((_, se, _)) = cx.sentence_of(c.start) else { continue };
        found.push(Attendance { cue_start: c.start, cue_end: c.end, items: items(cx, people, c.end, se) });
    }
    found.shrink_to_fit();
    found
}

/// The items after a cue ending at `cue_end`, to the end `se` of its sentence.
fn items(cx: &Context<'_, '_>, people: &[(usize, PersonMention)], cue_end: usize, se: usize) -> Vec<AttendanceItem> {
    let group_lead = cx.lex.words(WordList::GroupLead);
    let body_start =
        after_word(&cx.key[cue_end..se], cx.lex.words(WordList::AttendeeIntro)).map_or(cue_end, |p| cue_end + p);
    let body_start = if cx.key[body_start..se].trim_start().starts_with(':') {
        body_start + cx.key[body_start..].find(':').map_or(0, |p| p + 1)
    } else {
        body_start
    };
    let mut items = Vec::new();
    let mut pos = body_start;
    for item in cx.text[body_start..se].split(';') {
        let (is, ie) = (pos, pos + item.len());
        pos = ie + 1;
        let first = people.partition_point(|(_, p)| p.start < is);
        let last = first + people[first..].partition_point(|(_, p)| p.start < ie);
        let t = trim_words(item, group_lead, &[]).trim_end_matches(['.', ' ']);
        let group = (t.split_whitespace().count() >= 2 && t.len() < 300).then(|| {
            let off = is + item.find(t).unwrap_or(0);
            (off, off + t.len())
        });
        items.push(AttendanceItem { people: first..last, group });
    }
    items.shrink_to_fit();
    items
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    #[test]
    fn people_and_groups_after_the_cue() {
        let text = "Sáng 3/5, UBND xã tổ chức hội nghị sơ kết. Tham dự có đồng chí Nguyễn Văn An, Chủ tịch \
                    UBND huyện; đại diện các ban, ngành của huyện; cùng với lãnh đạo các xã.";
        let m = mentions_of(text);
        assert_eq!(m.attendance.len(), 1, "{:?}", m.attendance);
        let a = &m.attendance[0];
        assert!(text[a.cue_start..a.cue_end].to_lowercase().starts_with("tham dự"));
        assert_eq!(a.items.len(), 3);
        let named: Vec<&str> = m.people[a.items[0].people.clone()].iter().map(|(_, p)| &text[p.start..p.end]).collect();
        assert!(named.iter().any(|n| n.contains("Nguyễn Văn An")), "{named:?}");
        let groups: Vec<&str> = a.items[1..]
            .iter()
            .map(|it| {
                assert!(it.people.is_empty());
                it.group.map_or("", |(s, e)| &text[s..e])
            })
            .collect();
        assert_eq!(groups, ["đại diện các ban, ngành của huyện", "lãnh đạo các xã"]);
    }

    #[test]
    fn a_one_word_item_is_no_group() {
        let text = "Sáng 3/5, UBND xã tổ chức hội nghị. Tham dự có: lãnh đạo huyện; xã.";
        let m = mentions_of(text);
        let items = &m.attendance[0].items;
        let groups: Vec<_> = items.iter().map(|it| it.group.map(|(s, e)| &text[s..e])).collect();
        assert_eq!(groups, [Some("lãnh đạo huyện"), None]);
    }

    #[test]
    fn no_list_outside_the_body_or_for_other_cues() {
        let m = mentions_of("Sáng 3/5, đồng chí Nguyễn Văn An chủ trì hội nghị.");
        assert!(m.attendance.is_empty());
    }
}
