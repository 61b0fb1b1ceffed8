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

/// The lists after the attending cues, kept flat (they are kept to the end of the
/// parse): offsets and indices in `u32`, as [`super::context::Sentences`] keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    /// The attending cues, in order.
    pub cues: Vec<AttendanceCue>,
    /// The items of every cue's list, cue after cue.
    pub items: Vec<AttendanceItem>,
}

/// An attending cue ("tham dự") and where its items end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttendanceCue {
    /// Start of the cue.
    pub start: u32,
    /// End of the cue.
    pub end: u32,
    /// One past its last item in [`Attendance::items`] (its first is the previous cue's
    /// `items_end`).
    pub items_end: u32,
}

/// One ';'-separated item after a cue, kept when it holds a person mention or reads as
/// a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttendanceItem {
    /// The person mentions that start in the item: a range `first..last` of indices into
    /// [`super::Mentions::people`] (empty when none).
    pub people: (u32, u32),
    /// The item read as a group of attendees: its text without separators, leading
    /// `group_lead` words and a closing '.', when that holds two words or more and
    /// fewer than 300 bytes. Assembly takes it when no mention in the item names a
    /// person.
    pub group: Option<(u32, u32)>,
}

impl Attendance {
    /// The items after the cue `start..end` (empty when it is not an attending cue of
    /// the body).
    pub fn items_of(&self, start: usize, end: usize) -> &[AttendanceItem] {
        let i = self.cues.partition_point(|c| (c.start as usize) < start);
        let Some(c) = self.cues.get(i).filter(|c| c.start as usize == start && c.end as usize == end) else {
            return &[];
        };
        let from = if i == 0 { 0 } else { self.cues[i - 1].items_end as usize };
        &self.items[from..c.items_end as usize]
    }
}

/// The attendance list after every attending cue of the body that stands in a
/// sentence, in the order of the cues. `people` are the person mentions, sorted by
/// start.
pub(crate) fn attendance(cx: &Context<'_, '_>, people: &[(usize, PersonMention)]) -> Attendance {
    let mut found = Attendance::default();
    for c in cx.cues() {
        if c.meeting || c.name != "attend" || !cx.body(c.start) {
            continue;
        }
        let Some((_, se, _)) = cx.sentence_of(c.start) else { continue };
        // The same cue standing for two lexicon entries has one list.
        if found.cues.last().is_some_and(|l| l.start as usize == c.start && l.end as usize == c.end) {
            continue;
        }
        items(cx, people, c.end, se, &mut found.items);
        found.cues.push(AttendanceCue {
            start: c.start as u32,
            end: c.end as u32,
            items_end: found.items.len() as u32,
        });
    }
    found.cues.shrink_to_fit();
    found.items.shrink_to_fit();
    found
}

/// The items after a cue ending at `cue_end`, to the end `se` of its sentence, added to `out`.
fn items(
    cx: &Context<'_, '_>,
    people: &[(usize, PersonMention)],
    cue_end: usize,
    se: usize,
    out: &mut Vec<AttendanceItem>,
) {
    let group_lead = cx.lex.words(WordList::GroupLead);
    let body_start =
        after_word(&cx.key[cue_end..se], cx.lex.words(WordList::AttendeeIntro)).map_or(cue_end, |p| cue_end + p);
    let body_start = if cx.key[body_start..se].trim_start().starts_with(':') {
        body_start + cx.key[body_start..].find(':').map_or(0, |p| p + 1)
    } else {
        body_start
    };
    let mut pos = body_start;
    for item in cx.text[body_start..se].split(';') {
        let (is, ie) = (pos, pos + item.len());
        pos = ie + 1;
        let first = people.partition_point(|(_, p)| p.start < is);
        let last = first + people[first..].partition_point(|(_, p)| p.start < ie);
        let t = trim_words(item, group_lead, &[]).trim_end_matches(['.', ' ']);
        let group = (t.split_whitespace().count() >= 2 && t.len() < 300).then(|| {
            let off = is + item.find(t).unwrap_or(0);
            (off as u32, (off + t.len()) as u32)
        });
        if first < last || group.is_some() {
            out.push(AttendanceItem { people: (first as u32, last as u32), group });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    #[test]
    fn people_and_groups_after_the_cue() {
        let text = "Sáng 3/5, UBND xã tổ chức hội nghị sơ kết. Tham dự có đồng chí Nguyễn Văn An, Chủ tịch \
                    UBND huyện; đại diện các ban, ngành của huyện; cùng với lãnh đạo các xã.";
        let m = mentions_of(text);
        let a = &m.attendance;
        assert_eq!(a.cues.len(), 1, "{a:?}");
        let c = a.cues[0];
        assert!(text[c.start as usize..c.end as usize].to_lowercase().starts_with("tham dự"));
        let items = a.items_of(c.start as usize, c.end as usize);
        assert_eq!(items.len(), 3);
        let (first, last) = items[0].people;
        let named: Vec<&str> =
            m.people[first as usize..last as usize].iter().map(|(_, p)| &text[p.start..p.end]).collect();
        assert!(named.iter().any(|n| n.contains("Nguyễn Văn An")), "{named:?}");
        let groups: Vec<&str> = items[1..]
            .iter()
            .map(|it| {
                assert_eq!(it.people.0, it.people.1);
                it.group.map_or("", |(s, e)| &text[s as usize..e as usize])
            })
            .collect();
        assert_eq!(groups, ["đại diện các ban, ngành của huyện", "lãnh đạo các xã"]);
    }

    #[test]
    fn a_one_word_item_without_people_is_not_kept() {
        let text = "Sáng 3/5, UBND xã tổ chức hội nghị. Tham dự có: lãnh đạo huyện; xã.";
        let m = mentions_of(text);
        let c = m.attendance.cues[0];
        let items = m.attendance.items_of(c.start as usize, c.end as usize);
        let groups: Vec<_> = items.iter().map(|it| it.group.map(|(s, e)| &text[s as usize..e as usize])).collect();
        assert_eq!(groups, [Some("lãnh đạo huyện")]);
    }

    #[test]
    fn no_list_for_other_cues() {
        let m = mentions_of("Sáng 3/5, đồng chí Nguyễn Văn An chủ trì hội nghị.");
        assert!(m.attendance.cues.is_empty());
        assert!(m.attendance.items_of(0, 1).is_empty());
    }
}
