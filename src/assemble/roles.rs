//! Chairs, attendees, attending groups and speeches: the person mentions next to a
//! cue phrase ("chủ trì", "tham dự", "phát biểu chỉ đạo") in the same sentence.

use super::Assembly;
use crate::layout::BlockKind;
use crate::lexicon::WordList;
use crate::model::*;
use crate::recognize::Cue;
use std::collections::HashSet;

/// The people around the meeting, by person id.
pub(super) struct Roles {
    /// Who chaired, in order.
    pub chairs: Vec<usize>,
    /// Who attended, in order.
    pub attendees: Vec<usize>,
    /// Groups that attended, not named person by person ("đại diện các ban, ngành").
    pub groups: Vec<Text>,
    /// Who spoke, and how.
    pub speeches: Vec<Speech>,
    /// What is in `chairs`, `attendees` and `speeches` already, looked up rather than
    /// searched for (a large document has thousands).
    seen: HashSet<(Seen, usize)>,
}

/// Which list of [`Roles`] a person id is in.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Seen {
    Chair,
    Attendee,
    Speech(SpeechKind),
}

impl Roles {
    fn add_chair(&mut self, id: usize) {
        if self.seen.insert((Seen::Chair, id)) {
            self.chairs.push(id);
        }
    }
    fn add_attendee(&mut self, id: usize) {
        if self.seen.insert((Seen::Attendee, id)) {
            self.attendees.push(id);
        }
    }
}

/// A person mention with a person id.
struct PersonAt {
    start: usize,
    end: usize,
    id: usize,
}

/// The mentions with a person id that start in `start..end`, in order.
fn person_mentions_in(asm: &Assembly<'_, '_>, ids: &[Option<usize>], start: usize, end: usize) -> Vec<PersonAt> {
    // Mentions are in text order: binary-search the first one in range.
    let first = asm.mentions.people.partition_point(|(_, p)| p.start < start);
    asm.mentions
        .people
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, (_, p))| p.start < end)
        .filter_map(|(i, (_, p))| ids[i].map(|id| PersonAt { start: p.start, end: p.end, id }))
        .collect()
}

/// True when the text between a mention and its cue is short enough to join them.
fn gap_is_short(text: &str) -> bool {
    // A parenthesized aside does not count: "…, Phó Hiệu trưởng Trường X (Đại học Y) đồng chủ trì".
    let t = match (text.find('('), text.rfind(')')) {
        (Some(open), Some(close)) if open < close => format!("{}{}", &text[..open], &text[close + 1..]),
        _ => text.to_string(),
    };
    let t = t.trim();
    t.split_whitespace().count() <= 2 && !t.contains([';', '.'])
}

/// `id` at the end of `ids` unless `seen` has it already.
fn push_once(ids: &mut Vec<usize>, seen: &mut HashSet<usize>, id: usize) {
    if seen.insert(id) {
        ids.push(id);
    }
}

/// The speech a cue names, if it names one.
fn speech_kind(cue: &str) -> Option<SpeechKind> {
    Some(match cue {
        "directive" => SpeechKind::Directive,
        "conclusion" => SpeechKind::Conclusion,
        "opening" => SpeechKind::Opening,
        "closing" => SpeechKind::Closing,
        "report" => SpeechKind::Report,
        "contribution" => SpeechKind::Contribution,
        _ => return None,
    })
}

/// Chairs, attendees, groups and speeches from the cues of the body.
pub(super) fn roles_and_speeches(asm: &Assembly<'_, '_>, ids: &[Option<usize>]) -> Roles {
    let mut found = Roles {
        chairs: Vec::new(),
        attendees: Vec::new(),
        groups: Vec::new(),
        speeches: Vec::new(),
        seen: HashSet::new(),
    };
    let (mention_gap, chain_join) = (asm.lex.word_list(WordList::MentionGap), asm.lex.word_list(WordList::ChainJoin));
    let run_verb = asm.lex.word_list(WordList::RunVerb);
    for c in asm.cues() {
        let chair_cue = matches!(c.name, "chair" | "co_chair");
        // Only the cues of chairing, attending and speaking are read (most are others).
        if !chair_cue && c.name != "attend" && speech_kind(c.name).is_none() {
            continue;
        }
        if c.meeting || !(asm.body(c.start) || chair_cue && asm.lead_in_title(c.start)) {
            continue;
        }
        let Some((ss, se, block)) = asm.sentence_of(c.start) else { continue };
        let in_sentence = person_mentions_in(asm, ids, ss, se);
        // "A, roles, thay mặt Bộ Chính trị điều hành phiên họp": acting on behalf of a body
        // does not part the person from the verb.
        let on_behalf = |m: &PersonAt| {
            let gap = &asm.text[m.end..c.start];
            asm.cues_in(m.end, c.start)
                .any(|x| x.name == "on_behalf" && gap[..x.start - m.end].trim_matches([',', ' ']).is_empty())
                && !gap.contains([';', '.'])
                && gap.split_whitespace().count() <= 10
        };
        let before = in_sentence
            .iter()
            .rev()
            .find(|m| m.end <= c.start && (gap_is_short(&asm.text[m.end..c.start]) || on_behalf(m)));
        let after = mentions_after(asm, &in_sentence, c.end, |w| mention_gap.contains(w));
        match c.name {
            "chair" | "co_chair" if c.name == "chair" && bare_run(asm, &c, se, |k| run_verb.contains(k)) => {}
            "chair" | "co_chair" => match before {
                // "A, role và B, role đồng chủ trì": walk back over mentions joined by "và", ",", ";".
                Some(m) => chain_before(asm, &in_sentence, m, |gap| chain_join.contains(gap))
                    .into_iter()
                    .for_each(|id| found.add_chair(id)),
                None if after.is_empty() => {
                    bullets_after_heading(asm, ids, &c, block).into_iter().for_each(|id| found.add_chair(id))
                }
                None => after.iter().for_each(|m| found.add_chair(m.id)),
            },
            "attend" => {
                let sent_start_cue = asm.key[ss..c.start].split_whitespace().count() <= 3;
                if let Some(m) = before.filter(|_| !sent_start_cue) {
                    found.add_attendee(m.id);
                    continue;
                }
                attending(asm, ids, &c, &mut found);
            }
            name => {
                let Some(kind) = speech_kind(name) else { continue };
                if asm.block_kind_at(c.start) != Some(BlockKind::Paragraph) {
                    continue;
                }
                let speaker = before.map(|m| m.id).or_else(|| after.first().map(|m| m.id));
                if let Some(id) = speaker {
                    if found.seen.insert((Seen::Speech(kind), id)) {
                        found.speeches.push(Speech {
                            speaker: id,
                            kind,
                            cue: asm.text[c.start..c.end].to_string(),
                            span: asm.span(ss, se),
                        });
                    }
                }
            }
        }
    }
    found
}

/// The list right after a cue ending at `cue_end`: mentions separated only by
/// separators and the words `is_gap_word` accepts.
fn mentions_after<'m>(
    asm: &Assembly<'_, '_>,
    in_sentence: &'m [PersonAt],
    cue_end: usize,
    is_gap_word: impl Fn(&str) -> bool,
) -> Vec<&'m PersonAt> {
    let mut found = Vec::new();
    let mut pos = cue_end;
    for m in in_sentence.iter().filter(|m| m.start >= cue_end) {
        let gap = &asm.key[pos..m.start];
        let words = gap.split_whitespace().filter(|w| !(matches!(*w, ":" | ";" | ",") || is_gap_word(w))).count();
        if (found.is_empty() && words > 6) || (!found.is_empty() && words > 1) {
            break;
        }
        found.push(m);
        pos = m.end;
    }
    found
}

/// True for a bare "điều hành" (to run; `is_run_verb`) that does not chair: it chairs
/// only a meeting or at the end of a clause, not in "tham gia điều hành Công ty".
fn bare_run(asm: &Assembly<'_, '_>, c: &Cue<'_>, sentence_end: usize, is_run_verb: impl Fn(&str) -> bool) -> bool {
    let se = sentence_end;
    is_run_verb(asm.key[c.start..c.end].trim()) && {
        let rest = asm.text[c.end..se].trim_start();
        let first = asm.key[se - rest.len()..se].split(' ').next().unwrap_or("");
        !(rest.is_empty()
            || rest.starts_with(['.', ',', ';'])
            || asm.lex.is_word_cue(first, "event_noun", asm.scan.ascii)
            || asm.cues_in(c.end, se).next().is_some_and(|x| x.meeting && asm.text[c.end..x.start].trim().is_empty()))
    }
}

/// The person ids of the mention `m` and of the mentions before it joined to it by
/// separators or the words `is_join` accepts ("và"), in text order.
fn chain_before(
    asm: &Assembly<'_, '_>,
    in_sentence: &[PersonAt],
    m: &PersonAt,
    is_join: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let mut chain = vec![m.id];
    let mut cur = m.start;
    for prev in in_sentence.iter().rev().filter(|p| p.end <= m.start) {
        if prev.end > cur {
            continue;
        }
        let gap = asm.key[prev.end..cur].trim();
        if matches!(gap, "," | ";") || is_join(gap) || glued_tail_then_join(asm, prev.end, cur, &is_join) {
            chain.push(prev.id);
            cur = prev.start;
        } else {
            break;
        }
    }
    chain.reverse();
    chain
}

/// True when the text `end..next` between two mentions is a join ("và", ',') after a
/// fragment glued to the first mention's last word (the role it names ran on past where
/// the mention ends: "ông A - Chủ tịch UBND TP.HCM và ông B – …"): one token, no
/// space before it, not lower case.
fn glued_tail_then_join(asm: &Assembly<'_, '_>, end: usize, next: usize, is_join: impl Fn(&str) -> bool) -> bool {
    let text = &asm.text[end..next];
    if text.starts_with(char::is_whitespace) || text.contains([';', '(', ')']) {
        return false;
    }
    let key = asm.key[end..next].trim();
    let Some((frag, join)) = key.split_once(char::is_whitespace) else { return false };
    let join = join.trim();
    (matches!(join, "," | ";") || is_join(join))
        && !text.starts_with(char::is_lowercase)
        && !frag.ends_with(['.', ','])
        && frag.chars().any(char::is_alphanumeric)
}

/// The people a chair heading names in the '-' bullets under it: a line "Chủ trì:" (or
/// "Chủ trì hội nghị:") that ends at the cue, then lines "- Đồng chí A, role"; the first
/// mention of each bullet, when it opens the bullet.
fn bullets_after_heading(asm: &Assembly<'_, '_>, ids: &[Option<usize>], c: &Cue<'_>, block: usize) -> Vec<usize> {
    let (mut found, mut seen) = (Vec::new(), HashSet::new());
    let Some(b) = asm.layout.blocks.get(block) else { return found };
    if !asm.text[c.end..b.end].trim().trim_start_matches(':').trim().is_empty()
        || !asm.text[b.start..c.start].trim().is_empty()
    {
        return found;
    }
    for next in &asm.layout.blocks[block + 1..] {
        let t = &asm.text[next.start..next.end];
        let body = t.trim_start_matches(['-', '+', '•', '–', ' ']);
        if body.len() == t.len() || !asm.body(next.start) {
            break;
        }
        let opens = next.end - body.len();
        let first = person_mentions_in(asm, ids, next.start, next.end).into_iter().next();
        match first {
            Some(m) if asm.text[opens..m.start].split_whitespace().count() <= 2 => {
                push_once(&mut found, &mut seen, m.id)
            }
            _ => break,
        }
    }
    found
}

/// The items the attendance recognizer ([`crate::recognize::attendance`]) read after
/// the attending cue `c`: the mentions that name a person to the attendees; an item
/// without one to the groups, when it reads as a group.
fn attending(asm: &Assembly<'_, '_>, ids: &[Option<usize>], c: &Cue<'_>, found: &mut Roles) {
    for item in asm.mentions.attendance.items_of(c.start, c.end) {
        let (first, last) = (item.people.0 as usize, item.people.1 as usize);
        let named: Vec<usize> = (first..last).filter_map(|mi| ids[mi]).collect();
        if named.is_empty() {
            found.groups.extend(item.group.map(|(s, e)| asm.text_of(s as usize, e as usize)));
        } else {
            for id in named {
                found.add_attendee(id);
            }
        }
    }
}
