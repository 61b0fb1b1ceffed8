//! The kind of meeting ("so_ket", "giao_ban", "hoi_nghi" …): the lexicon's meeting
//! words in the headline and the meeting's name, else in a sentence that organizes,
//! chairs or attends it, else in a dated sentence of the lead.

use super::Cue;
use super::context::Context;
use super::date::DateMention;
use super::words::ends_with_word;
use crate::layout::BlockKind;
use crate::lexicon::WordList;

/// Meeting kinds that say little: a specific kind found beside them is taken instead.
const GENERIC_KINDS: &[&str] = &["hoi_nghi", "cuoc_hop", "hop", "le", "truc_tuyen"];

/// The kind of an event that is no meeting (a festival, a funeral).
const NOT_MEETING: &str = "not_meeting";

/// The meeting kind (a meeting-kind name of the lexicon). `name`: the meeting's name
/// from the organizing sentence ([`super::organizer`]).
pub(crate) fn meeting_kind(
    cx: &Context<'_, '_>,
    dates: &[DateMention],
    name: Option<(usize, usize)>,
) -> Option<String> {
    let mut found = in_title_and_name(cx, name);
    if found.is_empty() {
        found.extend(in_meeting_sentence(cx));
    }
    if found.is_empty() {
        found.extend(in_dated_lead(cx, dates));
    }
    // A festival or a funeral named first, with no specific meeting kind: no meeting.
    let not_meeting = found.first() == Some(&NOT_MEETING);
    found.retain(|k| *k != NOT_MEETING);
    if not_meeting && found.iter().all(|k| GENERIC_KINDS.contains(k)) {
        return None;
    }
    // A specific kind first; of the generic ones, an online meeting ("điểm cầu") says most.
    found
        .iter()
        .find(|k| !GENERIC_KINDS.contains(k))
        .or_else(|| found.iter().find(|k| **k == "truc_tuyen"))
        .or(found.first())
        .map(|s| s.to_string())
}

/// The meeting words of the first headline block and of the meeting's name.
fn in_title_and_name<'l>(cx: &Context<'_, 'l>, name: Option<(usize, usize)>) -> Vec<&'l str> {
    let title = cx.layout.blocks.iter().find(|b| b.kind == BlockKind::Title);
    let mut ranges: Vec<(usize, usize)> = title.map(|b| vec![(b.start, b.end)]).unwrap_or_default();
    if let Some((s, e)) = name {
        // The first place the name's words are written (as it always was read).
        let name = &cx.text[s..e];
        if let Some(p) = cx.text.find(name) {
            ranges.push((p, p + name.len()));
        }
    }
    let mut found = Vec::new();
    for (s, e) in ranges {
        found.extend(cx.cues_in(s, e).filter(|c| c.meeting).map(|c| c.name));
    }
    found
}

/// The first meeting word of the body in a sentence with an organizing, chairing or
/// attending cue, or a speech at the event ("Phát biểu tại lễ công bố").
fn in_meeting_sentence<'l>(cx: &Context<'_, 'l>) -> Option<&'l str> {
    let at = cx.lex.word_list(WordList::SpokenAt);
    for c in cx.cues().filter(|c| c.meeting && cx.body(c.start)) {
        if let Some((ss, se, _)) = cx.sentence_of(c.start) {
            let spoken_at = |x: &Cue<'_>| {
                matches!(x.name, "speech" | "directive" | "opening" | "closing")
                    && x.end <= c.start
                    && match cx.key[x.end..c.start].trim() {
                        "" => {
                            let k = &cx.key[x.start..x.end];
                            at.phrases().iter().any(|w| ends_with_word(k, w))
                        }
                        gap => at.contains(gap),
                    }
            };
            if cx.cues_in(ss, se).any(|x| matches!(x.name, "organize" | "chair" | "attend") || spoken_at(&x)) {
                return Some(c.name);
            }
        }
    }
    None
}

/// A specific meeting word after a full date in the same sentence of the lead: "Sáng
/// 8/7, Tổ đại biểu … tiếp xúc cử tri …", "Chiều 15/10, Ban Thường vụ … có buổi làm việc với …".
fn in_dated_lead<'l>(cx: &Context<'_, 'l>, dates: &[DateMention]) -> Option<&'l str> {
    let b = cx.lead()?;
    for c in cx.cues_in(b.start, b.end).filter(|c| c.meeting && !GENERIC_KINDS.contains(&c.name)) {
        let Some((ss, se, _)) = cx.sentence_of(c.start) else { continue };
        if dates.iter().any(|d| d.start >= ss && d.end <= se && d.day.is_some() && d.start < c.start) {
            return Some(c.name);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    #[test]
    fn specific_kind_of_the_title_first() {
        let m = mentions_of("HỘI NGHỊ SƠ KẾT 6 THÁNG\n\nSáng 5/7, Đảng ủy xã tổ chức hội nghị sơ kết.");
        assert_eq!(m.meeting_kind.as_deref(), Some("so_ket"));
    }

    #[test]
    fn generic_kind_in_an_organizing_sentence() {
        let m = mentions_of("Xã Tân Phú có nhiều tin vui.\n\nChiều 2/6, UBND xã tổ chức hội nghị với bà con.");
        assert_eq!(m.meeting_kind.as_deref(), Some("hoi_nghi"));
    }

    #[test]
    fn a_festival_or_a_funeral_is_no_meeting() {
        let m = mentions_of("Ngày 31/01, UBND xã đã khai mạc lễ hội mừng xuân.");
        assert_eq!(m.meeting_kind, None);
        let m = mentions_of("Chiều 15/6, tang lễ của đồng chí A được tổ chức theo nghi thức lễ tang cấp Nhà nước.");
        assert_eq!(m.meeting_kind, None);
        // Beside a specific kind, the festival is the occasion of the meeting.
        let m = mentions_of("Sáng 5/7, UBND huyện tổ chức hội nghị tổng kết lễ hội năm 2024.");
        assert_eq!(m.meeting_kind.as_deref(), Some("tong_ket"));
    }

    #[test]
    fn none_without_a_meeting_word() {
        let m = mentions_of("Người dân xã Tân Phú thu hoạch lúa.");
        assert_eq!(m.meeting_kind, None);
    }
}
