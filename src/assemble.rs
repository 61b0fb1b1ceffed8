//! Assemble: mentions to the typed [`Document`].
//!
//! One [`Person`] per individual (named mentions merged by name; role-only mentions
//! attached to the one person who holds that role); the meeting's date, organizer,
//! chairs, attendees, groups, speeches and tasks chosen by cue phrases in the same
//! sentence; captions, byline and footer from the layout. All offsets are turned
//! into input offsets through the normalization map here, and only here.
//!
//! The words checked here (the verb inside an organizing cue, footer labels, title
//! headings …) are word lists of `lexicon/data/words.tsv`, read through
//! [`Lexicon::words`]; only separators (",", ";", ":") are written in the code.

use crate::key;
use crate::layout::{BlockKind, Layout, is_plain_name, sentences};
use crate::lexicon::HonorificKind;
use crate::lexicon::{Lexicon, Scan, WordList};
use crate::model::*;
use crate::normalize::Normalized;
use crate::recognize::date::{DateMention, PeriodKind, PeriodMention};
use crate::recognize::list::{EnumList, MarkerStyle};
use crate::recognize::person::PersonMention;
use crate::recognize::{Cue, Mentions};
use crate::span::Span;
use std::collections::HashMap;

/// Options that steer assembly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssembleOptions {
    /// Reference date (year, month, day) for year-less dates when the text gives no
    /// year: the meeting is taken to be on or before it.
    pub reference: Option<(i32, u8, u8)>,
}

struct Asm<'a, 'l> {
    norm: &'a Normalized<'a>,
    text: &'a str,
    key: &'a str,
    layout: &'a Layout,
    scan: &'a Scan,
    lex: &'l Lexicon,
    m: &'a Mentions,
    /// Sentence ranges of every block, in order, with their block index (`u32`: kept
    /// through assembly, a sentence every hundred bytes).
    sents: Vec<(u32, u32, u32)>,
    diagnostics: Vec<Diagnostic>,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn name_key(s: &str) -> String {
    squash(&key::key(s))
}

/// Role key: case, tone and spacing folded, separators unified.
fn role_key(s: &str) -> String {
    squash(&key::key(s).replace(['-', '.'], " "))
}

impl<'a, 'l> Asm<'a, 'l> {
    fn span(&self, s: usize, e: usize) -> Span {
        let (a, b) = self.norm.to_input(s, e);
        Span::new(a, b)
    }
    fn text_of(&self, s: usize, e: usize) -> Text {
        Text { text: self.text[s..e].to_string(), span: self.span(s, e) }
    }
    fn block_kind_at(&self, pos: usize) -> Option<BlockKind> {
        let i = self.layout.blocks.partition_point(|b| b.end <= pos);
        self.layout.blocks.get(i).filter(|b| b.start <= pos).map(|b| b.kind)
    }
    fn sentence_of(&self, pos: usize) -> Option<(usize, usize, usize)> {
        let i = self.sents.partition_point(|s| s.1 as usize <= pos);
        self.sents.get(i).map(|&(s, e, b)| (s as usize, e as usize, b as usize)).filter(|s| s.0 <= pos)
    }
    /// Every cue phrase and meeting kind, in order.
    fn cues(&self) -> impl Iterator<Item = Cue<'l>> + use<'a, 'l> {
        crate::recognize::cues(&self.scan.cues, self.lex)
    }
    /// The cues that start in `s..e`.
    fn cues_in(&self, s: usize, e: usize) -> impl Iterator<Item = Cue<'l>> + use<'a, 'l> {
        crate::recognize::cues_in(&self.scan.cues, self.lex, s, e)
    }
    fn body(&self, pos: usize) -> bool {
        matches!(self.block_kind_at(pos), Some(BlockKind::Paragraph | BlockKind::Caption))
    }
}

/// People, merged. Returns persons and, for every person mention index, its person id.
fn merge_people(a: &mut Asm<'_, '_>) -> (Vec<Person>, Vec<Option<usize>>) {
    let mut people: Vec<Person> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut ids = vec![None; a.m.people.len()];
    let mut single: Vec<usize> = Vec::new();
    // Named mentions, full names first so given-name-only mentions can find them.
    for (mi, (bi, p)) in a.m.people.iter().enumerate() {
        if a.layout.blocks[*bi].kind == BlockKind::Title {
            continue;
        }
        let Some((ns, ne)) = p.name else { continue };
        let name = squash(&a.text[ns..ne]);
        if !name.contains(' ') {
            single.push(mi);
            continue;
        }
        let k = name_key(&name);
        let id = *by_name.entry(k).or_insert_with(|| {
            people.push(Person {
                id: people.len(),
                name: name.clone(),
                honorifics: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
            people.len() - 1
        });
        ids[mi] = Some(id);
    }
    for mi in single {
        let (_, p) = &a.m.people[mi];
        let (ns, ne) = p.name.unwrap_or_default();
        let k = name_key(&a.text[ns..ne]);
        let found: Vec<usize> =
            people.iter().filter(|x| name_key(&x.name).rsplit(' ').next() == Some(k.as_str())).map(|x| x.id).collect();
        let id = if found.len() == 1 {
            found[0]
        } else {
            *by_name.entry(k).or_insert_with(|| {
                let name = squash(&a.text[ns..ne]);
                people.push(Person {
                    id: people.len(),
                    name,
                    honorifics: Vec::new(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                });
                people.len() - 1
            })
        };
        ids[mi] = Some(id);
    }
    // Roles, honorifics and mentions of named mentions.
    for (mi, (_, p)) in a.m.people.iter().enumerate() {
        let Some(id) = ids[mi] else { continue };
        add_mention(a, &mut people[id], p);
    }
    // Role-only mentions: the one person who holds every role named.
    for (mi, (bi, p)) in a.m.people.iter().enumerate() {
        if p.name.is_some() || a.layout.blocks[*bi].kind == BlockKind::Title {
            continue;
        }
        let keys: Vec<String> = p.roles.iter().map(|r| role_key(&a.text[r.title_start..r.end])).collect();
        let holders: Vec<usize> = people
            .iter()
            .filter(|x| {
                keys.iter().all(|k| {
                    x.roles.iter().any(|r| {
                        same_role(a.lex, &role_key(&r.text), k)
                            || same_role(a.lex, &strip_qualifier_key(a.lex, &r.text), k)
                    })
                })
            })
            .map(|x| x.id)
            .collect();
        if holders.len() == 1 {
            ids[mi] = Some(holders[0]);
            let span = a.span(p.start, p.end);
            people[holders[0]].mentions.push(span);
        } else {
            let roles: Vec<&str> = p.roles.iter().map(|r| &a.text[r.start..r.end]).collect();
            a.diagnostics.push(Diagnostic {
                code: "role_only_unresolved",
                message: format!("{} people hold the role(s) {:?}", holders.len(), roles),
                span: Some(a.span(p.start, p.end)),
            });
        }
    }
    for p in &mut people {
        p.mentions.sort();
        p.mentions.dedup();
    }
    (people, ids)
}

/// The same role, or the same role with and without its level noun ("HĐND" / "HĐND huyện").
fn same_role(lex: &Lexicon, a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || long.strip_prefix(short).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|l| lex.unit_level(l).is_some())
}

/// Role key without a leading "former" or "acting" word (cues.tsv: "nguyên", "quyền").
fn strip_qualifier_key(lex: &Lexicon, s: &str) -> String {
    let k = role_key(s);
    match k.split_once(' ') {
        Some((w, rest)) if lex.is_word_cue(w, "former", false) || lex.is_word_cue(w, "acting", false) => {
            rest.to_string()
        }
        _ => k,
    }
}

fn add_mention(a: &Asm<'_, '_>, person: &mut Person, p: &PersonMention) {
    person.mentions.push(a.span(p.start, p.end));
    for h in &p.honorifics {
        if !person.honorifics.iter().any(|x| key::key(x) == key::key(&h.canonical)) {
            person.honorifics.push(h.canonical.clone());
        }
        // Ranks and academic titles are also roles, as written ("Đại tá", "PGS.TS").
        if matches!(h.kind, HonorificKind::Rank | HonorificKind::Degree) {
            let text = a.text[h.start..h.end].trim_end_matches('.').to_string();
            if !person.roles.iter().any(|r| role_key(&r.text) == role_key(&text)) {
                person.roles.push(Role {
                    title: text.clone(),
                    text,
                    organization: None,
                    expanded: None,
                    qualifier: None,
                    confidence: 1.0,
                    span: a.span(h.start, h.start + a.text[h.start..h.end].trim_end_matches('.').len()),
                });
            }
        }
    }
    for r in &p.roles {
        let text = squash(a.text[r.start..r.end].trim_end_matches([',', '.', ' ', '-', ';']));
        let title = squash(&a.text[r.title_start..r.title_end]);
        let org = squash(a.text[r.title_end..r.end].trim_matches([' ', ',', '-']));
        let role = Role {
            text: text.clone(),
            title,
            organization: (!org.is_empty()).then_some(org),
            expanded: r.expanded.as_deref().map(squash),
            qualifier: r.qualifier.map(str::to_string),
            confidence: 1.0,
            span: a.span(r.start, r.end),
        };
        let k = role_key(&text);
        if let Some(i) = person.roles.iter().position(|x| same_role(a.lex, &role_key(&x.text), &k)) {
            if role_key(&person.roles[i].text).len() < k.len() {
                person.roles[i] = role;
            }
        } else {
            person.roles.push(role);
        }
    }
}

/// Score a date as the meeting's date.
fn date_score(a: &Asm<'_, '_>, d: &DateMention, first_para: Option<usize>) -> Option<i32> {
    d.day?;
    d.month?;
    if !matches!(a.block_kind_at(d.start), Some(BlockKind::Paragraph | BlockKind::Title)) {
        return None;
    }
    let mut s = 0;
    if d.time_of_day.is_some() {
        s += 3;
    }
    if d.relative {
        s += 1;
    }
    if let Some((ss, se, _)) = a.sentence_of(d.start) {
        if a.cues_in(ss, se).any(|c| c.meeting || matches!(c.name, "organize" | "chair" | "co_chair" | "attend")) {
            s += 2;
        }
        if Some(ss) == first_para {
            s += 2;
        }
        // "Hôm qua, ngày 8/6, Văn phòng Chính phủ đã có thông báo kết luận …": the date of
        // the document that reports the meeting.
        if a.cues_in(ss, se).any(|c| c.name == "publication") {
            s -= 4;
        }
    }
    // A document's date ("Nghị định … ngày", "số … ngày", "ký ngày") or a deadline
    // ("trước ngày 30/9", "đến 5/7") right before the date: lexicon cues.
    let window = a.key[..d.start].char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let near = a.key[..d.start].char_indices().rev().nth(9).map_or(0, |(i, _)| i);
    for c in a.cues_in(window, d.start) {
        match c.name {
            "date_reference" => s -= 4,
            "deadline" if c.start >= near => s -= 4,
            _ => {}
        }
    }
    Some(s)
}

fn choose_date(
    a: &mut Asm<'_, '_>,
    opts: &AssembleOptions,
) -> Option<(MeetingDate, &'static str, Option<TimeOfDay>, Option<String>)> {
    let first_para = a
        .layout
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .and_then(|b| a.sents.iter().map(|s| s.0 as usize).find(|&s| s >= b.start));
    let mut best: Option<(i32, &DateMention)> = None;
    for d in &a.m.dates {
        if let Some(sc) = date_score(a, d, first_para) {
            if sc >= -1 && best.is_none_or(|(b, _)| sc > b) {
                best = Some((sc, d));
            }
        }
    }
    let (_, d) = best?;
    let mut year = d.year;
    let mut inferred = false;
    if year.is_none() {
        let (m, dd) = (d.month.unwrap_or(0), d.day.unwrap_or(0));
        let from_ref = opts.reference.map(|(y, rm, rd)| if (m, dd) > (rm, rd) { y - 1 } else { y });
        year = year_from_context(a).map(|y| {
            // A review of a whole year ("tổng kết công tác năm 2023") held in its first
            // months is held in the next year.
            let reviewed = a.m.periods.iter().any(|p| {
                matches!(p.kind, PeriodKind::Year | PeriodKind::LastMonths) && p.year == Some(y) && p.end_year.is_none()
            });
            let review = a.cues().any(|c| c.name == "tong_ket");
            if reviewed && review && (1..=3).contains(&m) { y + 1 } else { y }
        });
        year = year.or(from_ref);
        if year.is_some() {
            inferred = true;
            a.diagnostics.push(Diagnostic {
                code: "year_from_context",
                message: format!("the meeting date has no year; {} taken from the context", year.unwrap_or_default()),
                span: Some(a.span(d.start, d.end)),
            });
        }
    }
    let time = d.hour.map(|h| format!("{:02}:{:02}", h, d.minute.unwrap_or(0)));
    Some((
        MeetingDate {
            year,
            month: d.month.unwrap_or(0),
            day: d.day.unwrap_or(0),
            year_inferred: inferred,
            text: a.text[d.start..d.end].to_string(),
            span: a.span(d.start, d.end),
        },
        "",
        d.time_of_day,
        time,
    ))
}

/// A year for year-less dates: the title's period or date, else any written year.
fn year_from_context(a: &Asm<'_, '_>) -> Option<i32> {
    let in_title = |pos: usize| a.block_kind_at(pos) == Some(BlockKind::Title);
    let period_year = |p: &PeriodMention| p.year.or(p.end_year);
    a.m.periods
        .iter()
        .filter(|p| in_title(p.start))
        .find_map(period_year)
        .or_else(|| a.m.dates.iter().filter(|d| a.body(d.start) || in_title(d.start)).find_map(|d| d.year))
        .or_else(|| {
            a.m.periods
                .iter()
                .filter(|p| {
                    matches!(
                        p.kind,
                        PeriodKind::FirstMonths
                            | PeriodKind::LastMonths
                            | PeriodKind::Year
                            | PeriodKind::Quarter
                            | PeriodKind::Months
                    )
                })
                .find_map(period_year)
        })
        .or_else(|| {
            // A congress opens its term: "Đại hội đại biểu …, nhiệm kỳ 2025-2030" is held in 2025.
            a.m.periods.iter().filter(|p| p.kind == PeriodKind::Term).find_map(|p| {
                let (ss, se, _) = a.sentence_of(p.start)?;
                a.cues_in(ss, se).any(|c| c.name == "dai_hoi").then_some(p.year?)
            })
        })
}

fn choose_period(a: &Asm<'_, '_>, date_year: Option<i32>) -> Option<Period> {
    // Where the period under review is named: the headline and the lead sentence.
    let lead = a.layout.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).map(|b| {
        let (s, e) = sentences(a.text, b.start, b.end).first().copied().unwrap_or((b.start, b.end));
        (s, e)
    });
    let in_scope = |p: &PeriodMention| {
        a.block_kind_at(p.start) == Some(BlockKind::Title) || lead.is_some_and(|(s, e)| p.start >= s && p.end <= e)
    };
    let rank = |k: PeriodKind| match k {
        PeriodKind::FirstMonths | PeriodKind::LastMonths | PeriodKind::Quarter => 4,
        PeriodKind::Months => 3,
        PeriodKind::Year | PeriodKind::SchoolYear => 2,
        // A term, stage or course ("nhiệm kỳ 2020-2025", "giai đoạn 2021-2025", "khóa XX")
        // when nothing narrower is named.
        PeriodKind::Term | PeriodKind::Stage | PeriodKind::Course => 1,
        // "tháng 11" is most often part of a date.
        PeriodKind::Month => 0,
    };
    let mut best: Option<&PeriodMention> = None;
    for p in a.m.periods.iter().filter(|p| in_scope(p) && rank(p.kind) > 0) {
        if best.is_none_or(|b| rank(p.kind) > rank(b.kind)) {
            best = Some(p);
        }
    }
    let p = best?;
    // A year-less "6 tháng cuối năm" takes the year of the headline or lead, else of the meeting.
    let relative =
        matches!(p.kind, PeriodKind::FirstMonths | PeriodKind::LastMonths | PeriodKind::Months | PeriodKind::Quarter);
    let year = p.year.or_else(|| {
        if !relative {
            return None;
        }
        a.m.periods.iter().filter(|q| in_scope(q)).find_map(|q| q.year.filter(|_| q.end_year.is_none())).or(date_year)
    });
    let p = &PeriodMention { year, ..p.clone() };
    Some(Period {
        kind: p.kind,
        year: p.year,
        end_year: p.end_year,
        months: p.months,
        quarter: p.quarter,
        term: p.term,
        text: a.text[p.start..p.end].to_string(),
        span: a.span(p.start, p.end),
    })
}

/// Start of the clause that ends at `end`, within the sentence starting at `ss`.
fn clause_start(text: &str, ss: usize, end: usize) -> usize {
    let seg = &text[ss..end];
    seg.rfind(", ").map_or(ss, |p| ss + p + 2)
}

/// True when the key `k` starts with the word or phrase `w` followed by a space.
fn starts_with_word(k: &str, w: &str) -> bool {
    k.strip_prefix(w).is_some_and(|rest| rest.starts_with(' '))
}

fn ends_with_word(k: &str, w: &str) -> bool {
    k.strip_suffix(w).is_some_and(|rest| rest.ends_with(' '))
}

/// Where the text after the first of `words` that stands between spaces in the key `k`
/// starts (after the space that follows it).
fn after_word(k: &str, words: &[String]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| {
            k.match_indices(w.as_str())
                .find(|&(p, _)| p > 0 && k[..p].ends_with(' ') && k[p + w.len()..].starts_with(' '))
                .map(|(p, _)| p + w.len() + 1)
        })
        .min()
}

/// Where the text after the last of `words` that stands as a word in the key `k`
/// (after a space or at the start, before a space) starts.
fn after_last_word(k: &str, words: &[String]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| {
            k.rmatch_indices(w.as_str())
                .find(|&(p, _)| (p == 0 || k[..p].ends_with(' ')) && k[p + w.len()..].starts_with(' '))
                .map(|(p, _)| p + w.len() + 1)
        })
        .max()
}

fn trim_words<'t>(s: &'t str, lead: &[String], trail: &[String]) -> &'t str {
    let mut s = s.trim_matches([' ', ',', '-']);
    loop {
        let lower = key::key(s);
        let mut changed = false;
        for w in lead {
            if starts_with_word(&lower, w) {
                s = s[w.len()..].trim_start();
                changed = true;
                break;
            }
        }
        let lower = key::key(s);
        for w in trail {
            if ends_with_word(&lower, w) {
                s = s[..s.len() - w.len()].trim_end();
                changed = true;
                break;
            }
        }
        if !changed {
            return s;
        }
    }
}

/// Organizer, meeting name and kind from the "X tổ chức Hội nghị …" sentence.
fn organizer(a: &Asm<'_, '_>) -> (Option<Text>, Option<Text>, Option<&'static str>) {
    // The organizing verb, or a meeting phrase that opens with it ("… Huyện ủy họp giao ban").
    let w = |list| a.lex.words(list);
    let (meet_verb, organize_verb, agent) = (w(WordList::MeetVerb), w(WordList::OrganizeVerb), w(WordList::Agent));
    let (subject_lead, subject_trail, person_lead) =
        (w(WordList::SubjectLead), w(WordList::SubjectTrail), w(WordList::PersonLead));
    let organizes = |c: &Cue<'_>| {
        (c.name == "organize" || c.meeting && meet_verb.iter().any(|v| starts_with_word(&a.key[c.start..c.end], v)))
            && a.block_kind_at(c.start) == Some(BlockKind::Paragraph)
    };
    for c in a.cues().filter(organizes) {
        let Some((ss, se, _)) = a.sentence_of(c.start) else { continue };
        // The verb proper ("tổ chức" in a cue such as "tổ chức hội nghị"); a meeting
        // word must follow it closely in the same sentence.
        let cue_key = &a.key[c.start..c.end];
        let verb_end =
            organize_verb.iter().find_map(|v| cue_key.find(v.as_str()).map(|p| c.start + p + v.len())).unwrap_or(c.end);
        let name_start = verb_end + (a.text[verb_end..se].len() - a.text[verb_end..se].trim_start().len());
        let meeting_in_cue = verb_end < c.end;
        let near = a
            .cues_in(c.end, se)
            .find(|x| x.meeting)
            .filter(|mk| a.text[c.end..mk.start].split_whitespace().count() <= 3);
        // "Ban Bí thư đã họp", "Quốc hội họp phiên …": a body meeting in session needs no
        // meeting word, but only in a dated sentence or the lead.
        let meets = meet_verb.iter().any(|v| cue_key.ends_with(v.as_str()));
        let dated = a.m.dates.iter().any(|d| d.start >= ss && d.end <= se);
        let lead = a
            .layout
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .is_some_and(|b| ss >= b.start && se <= b.end);
        if !(meeting_in_cue || near.is_some() || meets && (dated || lead)) {
            continue;
        }
        let mut start = clause_start(a.text, ss, c.start);
        // "Bộ Chính trị, Ban Bí thư tổ chức …": earlier comma-separated parts that are
        // whole organizations belong to the subject.
        while start >= ss + 2 && a.text[..start].ends_with(", ") {
            let prev = clause_start(a.text, ss, start - 2);
            let whole_org =
                Scan::within(&a.scan.org, prev, start - 2).iter().any(|m| m.start() == prev && m.end() == start - 2);
            // "Ban Chỉ huy Phòng, chống thiên tai …": a comma inside a name, before a
            // lower-case word that goes on with it.
            let inner_comma = a.text[start..].chars().next().is_some_and(char::is_lowercase)
                && a.text[prev..].chars().next().is_some_and(char::is_uppercase)
                && a.text[prev..start].split_whitespace().count() <= 6
                && !a.lex.is_word_cue(a.key[start..].split(' ').next().unwrap_or(""), "function_word", a.scan.ascii);
            if !whole_org && !inner_comma {
                break;
            }
            start = prev;
        }
        // "Chiều ngày 26/12 UBND Huyện tổ chức …": the subject starts after the date.
        if let Some(d) = a.m.dates.iter().rfind(|d| d.start >= start && d.end <= c.start) {
            start =
                d.end + (a.text[d.end..c.start].len() - a.text[d.end..c.start].trim_start_matches([' ', ',']).len());
        }
        // "Nêu rõ đây là lần đầu tiên Đảng Đoàn Quốc hội … tổ chức": the subject is the
        // organization, not the lower-case words of the main clause before it.
        if let Some(m) = Scan::within(&a.scan.org, start, c.start).first() {
            if a.text[start..m.start()].split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase)) {
                start = m.start();
            }
        }
        let seg_key = &a.key[start..c.start];
        if let Some(p) = after_last_word(seg_key, agent) {
            start += p;
        }
        let subj = trim_words(&a.text[start..c.start], subject_lead, subject_trail);
        // A short alias in brackets after the name: "Chi đoàn Trung tâm … (Trung tâm)".
        let subj = match subj.rfind(" (") {
            Some(p) if subj.ends_with(')') && subj[p..].split_whitespace().count() <= 4 => subj[..p].trim_end(),
            _ => subj,
        };
        let subj_key = key::key(subj);
        // Not the meeting itself ("Hội nghị lần thứ năm … đã họp"), nor a person.
        let is_meeting =
            a.cues_in(start, c.start).any(|x| x.meeting && x.start == start + a.text[start..].find(subj).unwrap_or(0));
        let is_person = a.m.people.iter().any(|(_, p)| p.start >= start && p.end <= c.start && p.name.is_some());
        let names_org = Scan::within(&a.scan.org, start, c.start).iter().next().is_some();
        // "thôn Đồng Xuân tổ chức …": a level noun opens a lower-case subject.
        let unit_first = subj_key.split(' ').next().is_some_and(|w| a.lex.unit_level(w).is_some());
        let ok = (subj.chars().next().is_some_and(char::is_uppercase) || unit_first)
            && !subj.contains(':')
            && (names_org || !meets)
            && subj.split_whitespace().count() <= if meets { 10 } else { 16 }
            && !(meets && (is_meeting || is_person || person_lead.iter().any(|w| subj_key.starts_with(w.as_str()))))
            && !a.m.dates.iter().any(|d| d.start >= start && d.end <= c.start);
        // The meeting's name runs from after the verb to the end of the clause.
        let name_end = a.text[name_start..se].find([';', '.', '(']).map_or(se, |p| name_start + p);
        // "… giao ban công tác dân vận quý I dưới sự chủ trì của …": the chair is not in the name.
        let name_end = a
            .cues_in(name_start, name_end)
            .find(|x| matches!(x.name, "chair" | "co_chair") && x.start > name_start)
            .map_or(name_end, |x| x.start);
        let name_end = name_start + a.text[name_start..name_end].trim_end_matches([',', ' ']).len();
        let name = (name_end > name_start).then(|| a.text_of(name_start, name_end));
        if ok {
            let s0 = start
                + (a.text[start..c.start].len() - a.text[start..c.start].trim_start_matches([' ', ',', '-']).len());
            let s0 = a.text[s0..c.start].find(subj).map_or(s0, |p| s0 + p);
            return (Some(a.text_of(s0, s0 + subj.len())), name, None);
        }
        if meets {
            // "phòng họp", "họp báo" …: not a body in session; look further.
            continue;
        }
        return (None, name, None);
    }
    (None, None, None)
}

const GENERIC_KINDS: &[&str] = &["hoi_nghi", "cuoc_hop", "hop", "le", "truc_tuyen"];

fn meeting_kind(a: &Asm<'_, '_>, name: Option<&Text>) -> Option<String> {
    let mut found: Vec<&str> = Vec::new();
    let title = a.layout.blocks.iter().find(|b| b.kind == BlockKind::Title);
    let mut ranges: Vec<(usize, usize)> = title.map(|b| vec![(b.start, b.end)]).unwrap_or_default();
    if let Some(n) = name {
        if let Some(p) = a.text.find(&n.text) {
            ranges.push((p, p + n.text.len()));
        }
    }
    for (s, e) in ranges {
        found.extend(a.cues_in(s, e).filter(|c| c.meeting).map(|c| c.name));
    }
    if found.is_empty() {
        // The first meeting word in a sentence with an organizing or attending cue.
        let at = a.lex.word_list(WordList::SpokenAt);
        for c in a.cues().filter(|c| c.meeting && a.body(c.start)) {
            if let Some((ss, se, _)) = a.sentence_of(c.start) {
                // "Phát biểu tại lễ công bố": a speech at the event.
                let spoken_at = |x: &Cue<'_>| {
                    matches!(x.name, "speech" | "directive" | "opening" | "closing")
                        && x.end <= c.start
                        && match a.key[x.end..c.start].trim() {
                            "" => {
                                let k = &a.key[x.start..x.end];
                                at.phrases().iter().any(|w| ends_with_word(k, w))
                            }
                            gap => at.contains(gap),
                        }
                };
                if a.cues_in(ss, se).any(|x| matches!(x.name, "organize" | "chair" | "attend") || spoken_at(&x)) {
                    found.push(c.name);
                    break;
                }
            }
        }
    }
    if found.is_empty() {
        // A specific meeting word in a dated sentence of the lead: "Sáng 8/7, Tổ đại biểu …
        // tiếp xúc cử tri …", "Chiều 15/10, Ban Thường vụ … có buổi làm việc với …".
        let lead = a.layout.blocks.iter().find(|b| b.kind == BlockKind::Paragraph);
        if let Some(b) = lead {
            for c in a.cues_in(b.start, b.end).filter(|c| c.meeting && !GENERIC_KINDS.contains(&c.name)) {
                let Some((ss, se, _)) = a.sentence_of(c.start) else { continue };
                if a.m.dates.iter().any(|d| d.start >= ss && d.end <= se && d.day.is_some() && d.start < c.start) {
                    found.push(c.name);
                    break;
                }
            }
        }
    }
    // A specific kind first; of the generic ones, an online meeting ("điểm cầu") says most.
    found
        .iter()
        .find(|k| !GENERIC_KINDS.contains(k))
        .or_else(|| found.iter().find(|k| **k == "truc_tuyen"))
        .or(found.first())
        .map(|s| s.to_string())
}

struct Roles {
    chairs: Vec<usize>,
    attendees: Vec<usize>,
    groups: Vec<Text>,
    speeches: Vec<Speech>,
}

fn person_mentions_in(a: &Asm<'_, '_>, ids: &[Option<usize>], s: usize, e: usize) -> Vec<(usize, usize, usize)> {
    // Mentions are in text order: binary-search the first one in range.
    let first = a.m.people.partition_point(|(_, p)| p.start < s);
    a.m.people
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, (_, p))| p.start < e)
        .filter_map(|(i, (_, p))| ids[i].map(|id| (p.start, p.end, id)))
        .collect()
}

fn gap_is_short(text: &str) -> bool {
    // A parenthesized aside does not count: "…, Phó Hiệu trưởng Trường X (Đại học Y) đồng chủ trì".
    let t = match (text.find('('), text.rfind(')')) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b + 1..]),
        _ => text.to_string(),
    };
    let t = t.trim();
    t.split_whitespace().count() <= 2 && !t.contains([';', '.'])
}

fn roles_and_speeches(a: &Asm<'_, '_>, ids: &[Option<usize>]) -> Roles {
    let mut r = Roles { chairs: Vec::new(), attendees: Vec::new(), groups: Vec::new(), speeches: Vec::new() };
    let push = |v: &mut Vec<usize>, id: usize| {
        if !v.contains(&id) {
            v.push(id);
        }
    };
    let (mention_gap, chain_join, group_lead) =
        (a.lex.word_list(WordList::MentionGap), a.lex.word_list(WordList::ChainJoin), a.lex.words(WordList::GroupLead));
    let run_verb = a.lex.word_list(WordList::RunVerb);
    for c in a.cues() {
        if c.meeting || !a.body(c.start) {
            continue;
        }
        let Some((ss, se, _)) = a.sentence_of(c.start) else { continue };
        let ms = person_mentions_in(a, ids, ss, se);
        // "A, roles, thay mặt Bộ Chính trị điều hành phiên họp": acting on behalf of a body
        // does not part the person from the verb.
        let on_behalf = |m: &(usize, usize, usize)| {
            let gap = &a.text[m.1..c.start];
            a.cues_in(m.1, c.start)
                .any(|x| x.name == "on_behalf" && gap[..x.start - m.1].trim_matches([',', ' ']).is_empty())
                && !gap.contains([';', '.'])
                && gap.split_whitespace().count() <= 10
        };
        let before = ms.iter().rev().find(|m| m.1 <= c.start && (gap_is_short(&a.text[m.1..c.start]) || on_behalf(m)));
        let after: Vec<&(usize, usize, usize)> = {
            // The list right after the cue: mentions separated only by separators.
            let mut v = Vec::new();
            let mut pos = c.end;
            for m in ms.iter().filter(|m| m.0 >= c.end) {
                let gap = &a.key[pos..m.0];
                let words = gap
                    .split_whitespace()
                    .filter(|w| !(matches!(*w, ":" | ";" | ",") || mention_gap.contains(w)))
                    .count();
                if (v.is_empty() && words > 6) || (!v.is_empty() && words > 1) {
                    break;
                }
                v.push(m);
                pos = m.1;
            }
            v
        };
        // A bare "điều hành" (to run) chairs only a meeting or at the end of a clause: not in
        // "tham gia điều hành Công ty".
        let bare_run = c.name == "chair" && run_verb.contains(a.key[c.start..c.end].trim()) && {
            let rest = a.text[c.end..se].trim_start();
            let first = a.key[se - rest.len()..se].split(' ').next().unwrap_or("");
            !(rest.is_empty()
                || rest.starts_with(['.', ',', ';'])
                || a.lex.is_word_cue(first, "event_noun", a.scan.ascii)
                || a.cues_in(c.end, se).next().is_some_and(|x| x.meeting && a.text[c.end..x.start].trim().is_empty()))
        };
        match c.name {
            "chair" | "co_chair" if bare_run => {}
            "chair" | "co_chair" => {
                if let Some(m) = before {
                    // "A, role và B, role đồng chủ trì": walk back over mentions joined by "và", ",", ";".
                    let mut chain = vec![m.2];
                    let mut cur = m.0;
                    let earlier: Vec<_> = ms.iter().rev().filter(|p| p.1 <= m.0).collect();
                    for prev in earlier {
                        if prev.1 > cur {
                            continue;
                        }
                        let gap = a.key[prev.1..cur].trim();
                        if matches!(gap, "," | ";") || chain_join.contains(gap) {
                            chain.push(prev.2);
                            cur = prev.0;
                        } else {
                            break;
                        }
                    }
                    for id in chain.into_iter().rev() {
                        push(&mut r.chairs, id);
                    }
                } else {
                    for m in &after {
                        push(&mut r.chairs, m.2);
                    }
                }
            }
            "attend" => {
                let sent_start_cue = a.key[ss..c.start].split_whitespace().count() <= 3;
                if let Some(m) = before.filter(|_| !sent_start_cue) {
                    push(&mut r.attendees, m.2);
                    continue;
                }
                // Items after the cue, separated by ';': named people or groups.
                let body_start =
                    after_word(&a.key[c.end..se], a.lex.words(WordList::AttendeeIntro)).map_or(c.end, |p| c.end + p);
                let body_start = if a.key[body_start..se].trim_start().starts_with(':') {
                    body_start + a.key[body_start..].find(':').map_or(0, |p| p + 1)
                } else {
                    body_start
                };
                let mut pos = body_start;
                for item in a.text[body_start..se].split(';') {
                    let (is, ie) = (pos, pos + item.len());
                    pos = ie + 1;
                    let named: Vec<_> = ms.iter().filter(|m| m.0 >= is && m.0 < ie).collect();
                    if named.is_empty() {
                        let t = trim_words(item, group_lead, &[]).trim_end_matches(['.', ' ']);
                        if t.split_whitespace().count() >= 2 && t.len() < 300 {
                            let off = is + item.find(t).unwrap_or(0);
                            r.groups.push(a.text_of(off, off + t.len()));
                        }
                    } else {
                        for m in named {
                            push(&mut r.attendees, m.2);
                        }
                    }
                }
            }
            "directive" | "conclusion" | "opening" | "closing" | "report" | "contribution" => {
                if a.block_kind_at(c.start) != Some(BlockKind::Paragraph) {
                    continue;
                }
                let kind = match c.name {
                    "directive" => SpeechKind::Directive,
                    "conclusion" => SpeechKind::Conclusion,
                    "opening" => SpeechKind::Opening,
                    "closing" => SpeechKind::Closing,
                    "report" => SpeechKind::Report,
                    _ => SpeechKind::Contribution,
                };
                let speaker = before.map(|m| m.2).or_else(|| after.first().map(|m| m.2));
                if let Some(id) = speaker {
                    if !r.speeches.iter().any(|s| s.speaker == id && s.kind == kind) {
                        r.speeches.push(Speech {
                            speaker: id,
                            kind,
                            cue: a.text[c.start..c.end].to_string(),
                            span: a.span(ss, se),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    r
}

/// The list that holds the meeting's conclusions or tasks.
fn choose_tasks(a: &Asm<'_, '_>) -> Vec<Task> {
    let mut best: Option<(i32, &EnumList)> = None;
    for l in &a.m.lists {
        if !a.body(l.start) {
            continue;
        }
        let intro = (l.intro_start, l.intro_end.max(l.intro_start));
        let lead_start = a.sentence_of(l.intro_start).map_or(intro.0, |s| s.0.min(intro.0));
        let intro_key = a.key[lead_start..l.start.max(lead_start)].trim_end();
        // Nouns that announce directions: "8 trọng tâm chỉ đạo, điều hành bao gồm:".
        let directions = a.cues_in(lead_start, l.start.max(lead_start)).any(|c| c.name == "task_noun");
        let mut score = 0;
        for c in a.cues_in(lead_start, l.start.max(intro.1)) {
            match c.name {
                "task_intro" | "conclusion" | "directive" => score += 2,
                "not_task_intro" if !directions => score -= 3,
                _ => {}
            }
        }
        if directions {
            score += 1;
        }
        let enumerates = a.lex.words(WordList::EnumerationIntro).iter().any(|w| intro_key.ends_with(w.as_str()));
        if enumerates && !directions {
            score -= 3;
        }
        // "Thứ nhất … Thứ hai", "Một là … Hai là": the style of conclusions and directions.
        if matches!(l.style, MarkerStyle::OrdinalWord | MarkerStyle::CountWord) && directions {
            score += 1;
        }
        if score > 0 && best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, l));
        }
    }
    let Some((_, l)) = best else { return Vec::new() };
    // Every item, in document order, with its nesting level: "I." > "1." > "1.1." / "-" > "+".
    // An item's own text stops where its first sub-item starts.
    // Agency, partners and deadline of each item: crate::formal::tasks.
    let tcx = crate::formal::tasks::TaskCx {
        text: a.text,
        key: a.key,
        norm: a.norm,
        dates: &a.m.dates,
        periods: &a.m.periods,
    };
    let flat: Vec<Task> = l
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let end = match l.items.get(i + 1) {
                Some(n) if n.level > it.level && n.marker_start > it.start && n.marker_start < it.end => {
                    it.start + a.text[it.start..n.marker_start].trim_end().len()
                }
                _ => it.end,
            };
            let (agency, partners, deadline) = crate::formal::tasks::fields(&tcx, it.start, end);
            Task {
                marker: it.marker.clone(),
                number: it.number,
                text: a.text[it.start..end].to_string(),
                span: a.span(it.start, end),
                level: it.level,
                agency,
                partners,
                deadline,
                subtasks: Vec::new(),
            }
        })
        .collect();
    nest(&mut flat.into_iter().peekable(), None)
}

/// Tasks in document order to a tree: each item takes the deeper items that follow it.
/// `parent` is the level of the item whose sub-items are collected (`None`: the top).
fn nest(items: &mut std::iter::Peekable<std::vec::IntoIter<Task>>, parent: Option<u8>) -> Vec<Task> {
    let mut out = Vec::new();
    while let Some(mut t) = items.next_if(|t| parent.is_none_or(|p| t.level > p)) {
        t.subtasks = nest(items, Some(t.level));
        out.push(t);
    }
    out
}

fn contributions(a: &Asm<'_, '_>) -> Option<Contributions> {
    let c = a.m.counts.iter().find(|c| a.block_kind_at(c.start) == Some(BlockKind::Paragraph))?;
    let mut topics = Vec::new();
    if let Some((_, se, _)) = a.sentence_of(c.start) {
        let seg = &a.key[c.end..se];
        if let Some(p) = a.lex.words(WordList::TopicsIntro).iter().find_map(|w| seg.find(w.as_str())) {
            let from = c.end + p + seg[p..].find(':').unwrap_or(0) + 1;
            let mut pos = from;
            for item in a.text[from..se].split(';') {
                let t = item.trim().trim_end_matches('.');
                if !t.is_empty() {
                    let off = pos + item.find(t).unwrap_or(0);
                    topics.push(a.text_of(off, off + t.len()));
                }
                pos += item.len() + 1;
            }
        }
    }
    Some(Contributions {
        count: c.count,
        text: a.text[c.start..c.end].to_string(),
        span: a.span(c.start, c.end),
        topics,
    })
}

fn location(a: &Asm<'_, '_>, date: Option<&MeetingDate>) -> Option<Text> {
    let d = a.m.dates.iter().find(|d| date.is_some_and(|md| md.span == a.span(d.start, d.end)))?;
    let (_, se, _) = a.sentence_of(d.start)?;
    let seg = &a.key[d.end..se];
    let p = after_word(seg, a.lex.words(WordList::PlaceIntro))?;
    let from = d.end + p;
    let rest = &a.text[from..se];
    let end = rest.find([',', ';', '.', '(']).unwrap_or(rest.len());
    let t = rest[..end].trim_end();
    let starts_ok =
        t.chars().next().is_some_and(char::is_uppercase) || a.cues_in(from, from + 1).any(|c| c.name == "venue");
    (starts_ok && !t.is_empty() && t.split_whitespace().count() <= 14).then(|| a.text_of(from, from + t.len()))
}

fn publisher(a: &Asm<'_, '_>, people: &[Person], ids: &[Option<usize>]) -> Option<Publisher> {
    let footer: Vec<_> = a.layout.blocks.iter().filter(|b| b.kind == BlockKind::Footer).collect();
    let (first, last) = (footer.first()?, footer.last()?);
    let mut p = Publisher { span: a.span(first.start, last.end), ..Publisher::default() };
    for b in &footer {
        let mut pos = b.start;
        for part in a.text[b.start..b.end].split(';') {
            let (ps, pe) = (pos, pos + part.len());
            pos = pe + 1;
            let lower = key::key(part.trim_start());
            let lead = part.len() - part.trim_start().len();
            let value = |label_len: usize| -> Option<Text> {
                let vs = ps + lead + label_len;
                let raw = &a.text[vs..pe];
                let raw = raw.trim_start_matches([':', ' ']);
                let t = raw.trim_end_matches([' ', '.', ',']);
                let off = pe - raw.len();
                (!t.is_empty()).then(|| a.text_of(off, off + t.len()))
            };
            let label =
                |list: WordList| a.lex.words(list).iter().find(|l| lower.starts_with(l.as_str())).map(String::len);
            if let Some(n) = label(WordList::FooterAgency) {
                p.agency = value(n);
            } else if let Some(n) = label(WordList::FooterAddress) {
                p.address = value(n);
            } else if let Some(n) = label(WordList::FooterPhone) {
                p.phone = value(n);
            } else if let Some(n) = label(WordList::FooterFax) {
                p.fax = value(n);
            } else if let Some(n) = label(WordList::FooterEmail) {
                p.email = value(n);
            } else if let Some(n) = label(WordList::FooterDesigner) {
                p.designer = value(n);
            } else if let Some(n) = label(WordList::FooterResponsible) {
                let whole = value(n);
                let m = a.m.people.iter().enumerate().find(|(_, (_, m))| m.start >= ps && m.start < pe);
                if let Some((mi, (_, m))) = m {
                    if let (Some((ns, ne)), Some(id)) = (m.name, ids[mi]) {
                        p.responsible = Some(a.text_of(ns, ne));
                        p.responsible_person = Some(id);
                        if let Some(r) = m.roles.first() {
                            p.responsible_role = Some(a.text_of(r.start, m.roles.last().map_or(r.end, |x| x.end)));
                        }
                        let _ = &people[id];
                    }
                } else {
                    p.responsible = whole;
                }
            }
        }
    }
    Some(p)
}

fn author(a: &Asm<'_, '_>) -> Option<Text> {
    let b = a.layout.blocks.iter().find(|b| b.kind == BlockKind::Byline)?;
    // A label ("Tác giả:", "Tin, ảnh:", "Theo") is not part of the byline; a label that
    // names the author ("PV", "Ban Biên tập") is.
    let label_end = a
        .cues_in(b.start, b.start + 1)
        .filter(|c| c.name == "byline_label" && c.start == b.start)
        .map(|c| c.end)
        .filter(|&e| {
            let k = a.key[b.start..e].trim_end();
            k.ends_with([':', '-']) || a.lex.is_in(WordList::BylineBareLabel, k)
        })
        .max();
    let s = label_end.unwrap_or(b.start);
    let t = a.text[s..b.end].trim().trim_matches('*').trim();
    // "Nguyễn Văn Hòa - Văn phòng Huyện ủy": the name, without the role or office after it
    // (two names, "Hồng Nhung - Lê Anh", are two authors and stay).
    let t = match t.split_once(" - ").or_else(|| t.split_once(" – ")) {
        Some((name, rest)) if is_plain_name(name) && !is_plain_name(rest) => name,
        _ => t,
    };
    let off = s + a.text[s..b.end].find(t).unwrap_or(0);
    (!t.is_empty()).then(|| a.text_of(off, off + t.len()))
}

fn doc_kind(a: &Asm<'_, '_>) -> DocumentKind {
    for b in a.layout.blocks.iter().take(12) {
        let line = a.text[b.start..b.end].trim();
        let upper = line.chars().filter(|&c| crate::key::is_alphabetic(c)).all(char::is_uppercase);
        if !upper {
            continue;
        }
        let k = key::key(line);
        let heads = |list: WordList| a.lex.words(list).iter().any(|w| k.starts_with(w.as_str()));
        if heads(WordList::MinutesTitle) {
            return DocumentKind::Minutes;
        }
        if heads(WordList::NoticeTitle) {
            return DocumentKind::Notice;
        }
        if heads(WordList::PlanTitle) {
            return DocumentKind::Plan;
        }
    }
    if a.layout.blocks.iter().any(|b| b.kind == BlockKind::Paragraph) {
        DocumentKind::NewsReport
    } else {
        DocumentKind::Unknown
    }
}

/// The earlier stages' output, as [`assemble`] takes it.
#[derive(Clone, Copy)]
pub struct Stages<'a, 'l> {
    /// Length of the input in bytes.
    pub input_len: usize,
    /// Normalized text and its map to the input.
    pub norm: &'a Normalized<'a>,
    /// The matching key of the normalized text.
    pub key: &'a str,
    /// Blocks.
    pub layout: &'a Layout,
    /// Lexicon matches. (The parser has dropped the person-side ones by then: only the
    /// organization and cue matches are read here.)
    pub scan: &'a Scan,
    /// The lexicon.
    pub lex: &'l Lexicon,
    /// Recognizer output.
    pub mentions: &'a Mentions,
}

/// Build the document from the earlier stages' output.
pub fn assemble(st: &Stages<'_, '_>, opts: &AssembleOptions) -> Document {
    let Stages { input_len, norm, key, layout, scan, lex, mentions: m } = *st;
    let text = &*norm.text;
    let mut sents = Vec::new();
    for (bi, b) in layout.blocks.iter().enumerate() {
        for (s, e) in sentences(text, b.start, b.end) {
            // Offsets and block indices fit: texts are at most lexicon::MAX_TEXT_BYTES.
            sents.push((s as u32, e as u32, bi as u32));
        }
    }
    sents.shrink_to_fit();
    let mut a = Asm { norm, text, key, layout, scan, lex, m, sents, diagnostics: Vec::new() };
    let (people, ids) = merge_people(&mut a);
    // A headline broken over lines is joined with single spaces.
    let title_blocks: Vec<_> = layout.blocks.iter().filter(|b| b.kind == BlockKind::Title).collect();
    let title = match (title_blocks.first(), title_blocks.last()) {
        (Some(f), Some(l)) => Some(Text {
            text: title_blocks.iter().map(|b| squash(&text[b.start..b.end])).collect::<Vec<_>>().join(" "),
            span: a.span(f.start, l.end),
        }),
        _ => None,
    };
    let captions = layout
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| {
            let person = m
                .people
                .iter()
                .enumerate()
                .find(|(_, (_, p))| p.start >= b.start && p.start < b.end)
                .and_then(|(i, _)| ids[i]);
            Caption { text: text[b.start..b.end].to_string(), span: a.span(b.start, b.end), person }
        })
        .collect();
    let date = choose_date(&mut a, opts);
    let (organizer, name, _) = organizer(&a);
    let roles = roles_and_speeches(&a, &ids);
    let tasks = choose_tasks(&a);
    let contributions = contributions(&a);
    let kind = meeting_kind(&a, name.as_ref());
    let has_meeting = kind.is_some()
        && (organizer.is_some() || date.is_some() || !roles.chairs.is_empty() || !roles.attendees.is_empty())
        || !roles.chairs.is_empty()
        || !roles.attendees.is_empty();
    let meeting = has_meeting.then(|| {
        let (date, time_of_day, time) = match date {
            Some((d, _, tod, time)) => (Some(d), tod, time),
            None => (None, None, None),
        };
        let location = location(&a, date.as_ref());
        let period = choose_period(&a, date.as_ref().and_then(|d| d.year));
        Meeting {
            name,
            kind,
            date,
            time_of_day,
            time,
            period,
            location,
            organizer,
            chairs: roles.chairs,
            attendees: roles.attendees,
            groups: roles.groups,
            contributions,
            speeches: roles.speeches,
            tasks,
        }
    });
    let publisher = publisher(&a, &people, &ids);
    let author = author(&a);
    let kind = doc_kind(&a);
    Document {
        kind,
        title,
        meeting,
        people,
        captions,
        author,
        publisher,
        header: None,
        signature: None,
        recipients: Vec::new(),
        minutes: None,
        input: InputInfo {
            bytes: input_len,
            encoding: "utf-8".into(),
            encoding_confidence: 1.0,
            bom: false,
            normalized: !norm.is_identity(),
            diacritics: true,
        },
        diagnostics: a.diagnostics,
    }
}
