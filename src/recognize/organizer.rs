//! The organizer and the meeting's name, from the sentence "X tổ chức Hội nghị …"
//! (or "X họp …" for a body in session): the subject before the organizing verb, the
//! name after it.
//!
//! The words read here (the organizing and meeting verbs, the words around a subject)
//! are word lists of `lexicon/data/words.tsv`.

use super::Cue;
use super::context::Context;
use super::date::DateMention;
use super::person::PersonMention;
use super::words::{after_last_word, clause_start, ends_with_word, starts_with_word, trim_words};
use crate::key;
use crate::layout::BlockKind;
use crate::lexicon::Scan;
use crate::lexicon::WordList;

/// What the organizing sentence says, in normalized-text offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Organizing {
    /// The organizer ("Ban Dân vận Huyện ủy").
    pub organizer: Option<(usize, usize)>,
    /// The meeting's name, from after the verb to the end of the clause ("Hội nghị sơ kết …").
    pub name: Option<(usize, usize)>,
}

/// The word lists a subject is read with.
struct SubjectWords<'l> {
    agent: &'l [String],
    lead: &'l [String],
    trail: &'l [String],
    person_lead: &'l [String],
    co_organizer: &'l [String],
    not_organizing: &'l [String],
    term: &'l [String],
    course: &'l [String],
}

/// The organizer and meeting name of the first organizing sentence of the body; an
/// organizer only where the subject is an organization (not a person, a date or the
/// meeting itself).
pub(crate) fn organizing(cx: &Context<'_, '_>, dates: &[DateMention], people: &[(usize, PersonMention)]) -> Organizing {
    // The organizing verb, or a meeting phrase that opens with it ("… Huyện ủy họp giao ban").
    let w = |list| cx.lex.words(list);
    let (meet_verb, organize_verb, agent) = (w(WordList::MeetVerb), w(WordList::OrganizeVerb), w(WordList::Agent));
    let (subject_lead, subject_trail, person_lead) =
        (w(WordList::SubjectLead), w(WordList::SubjectTrail), w(WordList::PersonLead));
    let words = SubjectWords {
        agent,
        lead: subject_lead,
        trail: subject_trail,
        person_lead,
        co_organizer: w(WordList::CoOrganizer),
        not_organizing: w(WordList::NotOrganizing),
        term: w(WordList::SubjectTerm),
        course: w(WordList::SubjectCourse),
    };
    let organizes = |c: &Cue<'_>| {
        (c.name == "organize" || c.meeting && meet_verb.iter().any(|v| starts_with_word(&cx.key[c.start..c.end], v)))
            && cx.block_kind_at(c.start) == Some(BlockKind::Paragraph)
    };
    for c in cx.cues().filter(organizes) {
        let Some((ss, se, _)) = cx.sentence_of(c.start) else { continue };
        // "Ban Tổ chức Hội nghị …": a capitalized verb inside a sentence is part of a
        // name, not the organizing verb.
        if c.name == "organize" && c.start > ss && cx.text[c.start..].starts_with(char::is_uppercase) {
            continue;
        }
        // "… hội nghị được tổ chức theo hình thức trực tuyến": a passive verb has no
        // organizer before it.
        let before = cx.key[ss..c.start].trim_end();
        let passive = c.name == "organize"
            && cx.lex.words(WordList::PassiveMark).iter().any(|p| {
                before.ends_with(p.as_str())
                    && before[..before.len() - p.len()].chars().next_back().is_none_or(|ch| !ch.is_alphanumeric())
            });
        // The verb proper ("tổ chức" in a cue such as "tổ chức hội nghị"); a meeting
        // word must follow it closely in the same sentence.
        let cue_key = &cx.key[c.start..c.end];
        let verb_end =
            organize_verb.iter().find_map(|v| cue_key.find(v.as_str()).map(|p| c.start + p + v.len())).unwrap_or(c.end);
        let meeting_in_cue = verb_end < c.end;
        let near = cx
            .cues_in(c.end, se)
            .find(|x| x.meeting)
            .filter(|mk| cx.text[c.end..mk.start].split_whitespace().count() <= 3);
        // "Ban Bí thư đã họp", "Quốc hội họp phiên …": a body meeting in session needs no
        // meeting word, but only in a dated sentence or the lead.
        let meets = meet_verb.iter().any(|v| cue_key.ends_with(v.as_str()));
        let dated = dates.iter().any(|d| d.start >= ss && d.end <= se);
        let lead = cx.lead().is_some_and(|b| ss >= b.start && se <= b.end);
        // "… tổ chức phát động phong trào …": an event named by its verb.
        let event = w(WordList::OrganizedEvent).iter().any(|v| starts_with_word(cx.key[c.end..se].trim_start(), v));
        if !(meeting_in_cue || near.is_some() || event || meets && (dated || lead)) {
            continue;
        }
        let name = meeting_name(cx, verb_end, se);
        if passive {
            return Organizing { organizer: None, name };
        }
        let organizer = subject(cx, &words, dates, people, (ss, c.start), meets);
        if organizer.is_some() {
            return Organizing { organizer, name };
        }
        if meets {
            // "phòng họp", "họp báo" …: not a body in session; look further.
            continue;
        }
        return Organizing { organizer: None, name };
    }
    Organizing::default()
}

/// The meeting's name: from after the verb ending at `verb_end` to the end of the
/// clause, without a chairing phrase.
fn meeting_name(cx: &Context<'_, '_>, verb_end: usize, sentence_end: usize) -> Option<(usize, usize)> {
    let text = cx.text;
    let name_start = verb_end + (text[verb_end..sentence_end].len() - text[verb_end..sentence_end].trim_start().len());
    let name_end = text[name_start..sentence_end].find([';', '.', '(']).map_or(sentence_end, |p| name_start + p);
    // "… giao ban công tác dân vận quý I dưới sự chủ trì của …": the chair is not in the name.
    let name_end = cx
        .cues_in(name_start, name_end)
        .find(|x| matches!(x.name, "chair" | "co_chair") && x.start > name_start)
        .map_or(name_end, |x| x.start);
    let name_end = name_start + text[name_start..name_end].trim_end_matches([',', ' ']).len();
    (name_end > name_start).then_some((name_start, name_end))
}

/// Where the subject of the verb at `verb` starts, in the sentence starting at `ss`.
fn subject_start(
    cx: &Context<'_, '_>,
    words: &SubjectWords<'_>,
    dates: &[DateMention],
    ss: usize,
    verb: usize,
) -> usize {
    let text = cx.text;
    let mut start = clause_start(text, ss, verb);
    let mut joined = false;
    // "Bộ Chính trị, Ban Bí thư tổ chức …": earlier comma-separated parts that are
    // whole organizations belong to the subject.
    while start >= ss + 2 && text[..start].ends_with(", ") {
        let prev = clause_start(text, ss, start - 2);
        let whole_org =
            Scan::within(&cx.scan.org, prev, start - 2).iter().any(|m| m.start() == prev && m.end() == start - 2);
        // "Ban Chỉ huy Phòng, chống thiên tai …": a comma inside a name, before a
        // lower-case word that goes on with it.
        let inner_comma = text[start..].chars().next().is_some_and(char::is_lowercase)
            && text[prev..].chars().next().is_some_and(char::is_uppercase)
            && text[prev..start].split_whitespace().count() <= 6
            && !cx.lex.is_word_cue(cx.key[start..].split(' ').next().unwrap_or(""), "function_word", cx.scan.ascii);
        // "HĐND xã A khóa X, nhiệm kỳ 2021 - 2026", "UBND huyện A, tỉnh B": a term or a
        // province after the organizer.
        let k = &cx.key[start..verb];
        let term = words.term.iter().any(|w| starts_with_word(k, w));
        let province = k.split(' ').next().is_some_and(|w| cx.lex.unit_level(w).is_some())
            && text[start..verb]
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            && Scan::within(&cx.scan.org, prev, start - 2).last().is_some_and(|m| m.end() == start - 2);
        // "Trường Đại học A, Đại học B": a unit, then the body it belongs to, both named.
        // Both open with a capitalized organization word (not a place: "huyện A, tỉnh B"),
        // and the first is a bare name (no verb in it); only next to the verb's clause.
        let named = |a: usize, b: usize| {
            Scan::within(&cx.scan.org, a, b).first().is_some_and(|m| m.start() == a)
                && text[a..].chars().next().is_some_and(char::is_uppercase)
                && cx.key[a..b].split([' ', '.']).next().is_none_or(|w| cx.lex.unit_level(w).is_none())
                && text[a..b].split_whitespace().count() <= 8
        };
        let verb_cue =
            |c: &Cue<'_>| matches!(c.name, "organize" | "chair" | "co_chair" | "attend" | "speech" | "predicate");
        let parent = !joined
            && named(prev, start - 2)
            && named(start, verb)
            && !cx.cues_in(prev, start - 2).any(|c| verb_cue(&c));
        joined = true;
        if !whole_org && !inner_comma && !term && !province && !parent {
            break;
        }
        start = prev;
    }
    // "Chiều ngày 26/12 UBND Huyện tổ chức …": the subject starts after the date.
    if let Some(d) = dates.iter().rfind(|d| d.start >= start && d.end <= verb) {
        start = d.end + (text[d.end..verb].len() - text[d.end..verb].trim_start_matches([' ', ',']).len());
    }
    // "Nêu rõ đây là lần đầu tiên Đảng Đoàn Quốc hội … tổ chức": the subject is the
    // organization, not the lower-case words of the main clause before it.
    if let Some(m) = Scan::within(&cx.scan.org, start, verb).first() {
        if text[start..m.start()].split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase)) {
            start = m.start();
        }
    }
    if let Some(p) = after_last_word(&cx.key[start..verb], words.agent) {
        start += p;
    }
    start
}

/// The organizer: the subject in `ss..verb` (sentence start, organizing verb) when it
/// names an organizing body. `meets`: the verb is a meeting verb ("họp"), which asks
/// more of the subject.
fn subject(
    cx: &Context<'_, '_>,
    words: &SubjectWords<'_>,
    dates: &[DateMention],
    people: &[(usize, PersonMention)],
    (ss, verb): (usize, usize),
    meets: bool,
) -> Option<(usize, usize)> {
    let text = cx.text;
    // "X phối hợp với Y tổ chức …": the organizer is X.
    // Not after a comma: "giao Bộ A chủ trì, phối hợp với Bộ B tổ chức …" lists what A does.
    let verb = first_word(&cx.key[ss..verb], words.co_organizer)
        .filter(|&p| !cx.key[ss..ss + p].ends_with(','))
        .map_or(verb, |p| ss + p);
    // "xã Đoàn chỉ đạo tổ chức …", "… ban hành Kế hoạch tổ chức …": not the subject's own act.
    let before = trim_words(&cx.key[ss..verb], &[], words.trail);
    if words.not_organizing.iter().any(|w| before.ends_with(w.as_str()) && ends_with_word(before, w)) {
        return None;
    }
    let start = subject_start(cx, words, dates, ss, verb);
    let subj = trim_words(&text[start..verb], words.lead, words.trail);
    let subj = without_term(subj, words);
    let subj = without_province(cx, subj);
    // A short alias in brackets after the name: "Chi đoàn Trung tâm … (Trung tâm)", not
    // a place that locates it ("Hội Nông dân xã A (huyện B)").
    let subj = match subj.rfind(" (") {
        Some(p) if subj.ends_with(')') && subj[p..].split_whitespace().count() <= 4 && is_alias(subj, p) => {
            subj[..p].trim_end()
        }
        _ => subj,
    };
    let subj_key = key::key(subj);
    // Not the meeting itself ("Hội nghị lần thứ năm … đã họp"), nor a person.
    let is_meeting =
        cx.cues_in(start, verb).any(|x| x.meeting && x.start == start + text[start..].find(subj).unwrap_or(0));
    let is_person = people.iter().any(|(_, p)| p.start >= start && p.end <= verb && p.name.is_some());
    let names_org = Scan::within(&cx.scan.org, start, verb).iter().next().is_some();
    // "thôn Đồng Xuân tổ chức …": a level noun opens a lower-case subject.
    let unit_first = subj_key.split(' ').next().is_some_and(|w| cx.lex.unit_level(w).is_some());
    let ok = (subj.chars().next().is_some_and(char::is_uppercase) || unit_first)
        && !subj.contains(':')
        && (names_org || !meets)
        && subj.split_whitespace().count() <= if meets { 10 } else { 16 }
        && !(meets && (is_meeting || is_person || words.person_lead.iter().any(|w| subj_key.starts_with(w.as_str()))))
        && !dates.iter().any(|d| d.start >= start && d.end <= verb);
    if !ok {
        return None;
    }
    let s0 = start + (text[start..verb].len() - text[start..verb].trim_start_matches([' ', ',', '-']).len());
    let s0 = text[s0..verb].find(subj).map_or(s0, |p| s0 + p);
    let e0 = s0 + subj.len();
    // "Chủ tịch UBND xã tổ chức …": the body the head's office names organizes.
    let head = Scan::within(&cx.scan.person, s0, e0).first().filter(|t| t.start() == s0);
    if let Some(org) = head.and_then(|t| Scan::within(&cx.scan.org, s0 + 1, e0).iter().find(|o| o.start() < t.end())) {
        return Some((org.start(), e0));
    }
    Some((s0, e0))
}

/// Where the first of `words` that stands as a word in the key `k` starts.
fn first_word(k: &str, words: &[String]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| {
            k.match_indices(w.as_str())
                .find(|&(p, _)| p > 0 && k[..p].ends_with(' ') && k[p + w.len()..].starts_with(' '))
                .map(|(p, _)| p - 1)
        })
        .min()
}

/// The organizer without a term after it: "HĐND xã A khóa X, nhiệm kỳ 2021 - 2026" is
/// "HĐND xã A" (a course alone stays: "Ban Chấp hành Đảng bộ khóa XVII").
fn without_term<'t>(subj: &'t str, words: &SubjectWords<'_>) -> &'t str {
    let k = key::key(subj);
    let Some(p) = first_word(&k, words.term) else { return subj };
    let s = subj[..p].trim_end_matches([',', ' ', '-']);
    // The course before the term: "… khóa X" (its number is one word).
    let ks = &k[..s.len()];
    let cut = ks.rfind(' ').and_then(|q| {
        let head = ks[..q].trim_end();
        words
            .course
            .iter()
            .any(|c| ends_with_word(head, c))
            .then(|| head.len() - words.course.iter().find(|c| ends_with_word(head, c)).map_or(0, |c| c.len()))
    });
    match cut {
        Some(c) => subj[..c].trim_end_matches([',', ' ']),
        None => s,
    }
}

/// The organizer without the province after it: "UBND huyện A, tỉnh B" is "UBND huyện A".
fn without_province<'t>(cx: &Context<'_, '_>, subj: &'t str) -> &'t str {
    let mut s = subj;
    while let Some(p) = s.rfind(", ") {
        let tail = &s[p + 2..];
        let k = key::key(tail);
        let level = k.split(' ').next().is_some_and(|w| cx.lex.unit_level(w).is_some());
        let named = tail.split_whitespace().nth(1).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !(level && named) || p == 0 {
            break;
        }
        s = &s[..p];
    }
    s
}

/// True when the brackets at `p` in `subj` hold an alias of the name (an abbreviation, a
/// short or foreign name), not a place.
fn is_alias(subj: &str, p: usize) -> bool {
    let inner = subj[p..].trim_matches([' ', '(', ')']);
    // A place: capitalized Vietnamese words ("Sơn Động"), or opening with a level ("tỉnh A").
    let words: Vec<&str> = inner.split_whitespace().collect();
    let acronym = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    let place = words.len() >= 2
        && !words.iter().any(acronym)
        && (words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) && !inner.is_ascii()
            || words[0].chars().next().is_some_and(char::is_lowercase));
    !place
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    fn organizer_and_name(text: &str) -> (Option<&str>, Option<&str>) {
        let o = mentions_of(text).organizing;
        (o.organizer.map(|(s, e)| &text[s..e]), o.name.map(|(s, e)| &text[s..e]))
    }

    #[test]
    fn organizer_before_the_verb_name_after_it() {
        let text = "TIN HOẠT ĐỘNG\n\nSáng ngày 12/3/2024, Ban Tuyên giáo Huyện ủy tổ chức Hội nghị sơ kết công tác quý I. \
                    Đồng chí Trần Văn Bình, Trưởng ban chủ trì Hội nghị.";
        assert_eq!(organizer_and_name(text), (Some("Ban Tuyên giáo Huyện ủy"), Some("Hội nghị sơ kết công tác quý I")));
    }

    #[test]
    fn the_chair_is_not_part_of_the_name() {
        let text = "Chiều 4/9, Hội Nông dân xã tổ chức hội nghị giao ban dưới sự chủ trì của đồng chí Lê Thị Hoa.";
        assert_eq!(organizer_and_name(text), (Some("Hội Nông dân xã"), Some("hội nghị giao ban")));
    }

    #[test]
    fn a_person_in_session_is_not_an_organizer() {
        let text = "Sáng 9/5, đồng chí Lê Văn Nam họp với các thôn.";
        assert_eq!(organizer_and_name(text).0, None);
    }

    #[test]
    fn a_unit_and_its_parent_body() {
        let text =
            "Tin\n\nChiều ngày 29/12/2025, Trường Đại học Khoa học, Đại học Huế đã tổ chức Hội nghị tổng kết năm 2025.";
        assert_eq!(organizer_and_name(text).0, Some("Trường Đại học Khoa học, Đại học Huế"));
    }

    #[test]
    fn a_plan_or_a_directive_names_no_organizer() {
        let text = "Tin\n\nNgày 3/5, UBND xã An Phú ban hành Kế hoạch tổ chức hội nghị đối thoại với nhân dân.";
        assert_eq!(organizer_and_name(text), (None, Some("hội nghị đối thoại với nhân dân")));
        let text = "Tin\n\nChiều ngày 8/12, xã Đoàn chỉ đạo tổ chức Đại hội Chi đoàn ấp Tân Lập.";
        assert_eq!(organizer_and_name(text).0, None);
    }

    #[test]
    fn no_organizing_sentence() {
        let text = "Xã Tân Phú có nhiều cánh đồng lúa rộng. Người dân chăm chỉ làm ăn.";
        assert_eq!(organizer_and_name(text), (None, None));
    }
}
