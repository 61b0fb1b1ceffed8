//! The text summary: one labelled line per field, in the order a reader looks for them.

use super::labels::{self, Labels};
use super::{Lang, doc_date, line_of, meeting_date, name_of, one_line, roles_of, signers};
use crate::model::{Document, Meeting, Minutes, Signature, Task, Vote};
use std::fmt::Write;

/// The document as labelled lines of text: the kind and title, the formal header, the
/// minutes' fields, the meeting (time, place, organizer, chair, attendees, speeches and
/// every task whole with its agency and deadline), each person once with their roles,
/// the signature and recipients, and each distinct diagnostic once with a count.
///
/// Dates are shown as written and as ISO (`Chiều ngày 05/7/2019 → 2019-07-05`), a
/// missing year said in words. `input` is the text the spans point into (used to give
/// the line of a diagnostic).
///
/// ```
/// use vanban::render::{text, Lang};
/// let input = "Sáng 8/7, UBND xã tổ chức hội nghị giao ban.";
/// let out = text(&vanban::parse(input), input, Lang::Vi);
/// assert!(out.contains("Thời gian: Sáng 8/7 → ngày 8/7, không rõ năm"), "{out}");
///
/// let input = "Sáng 8/7/2024, UBND xã tổ chức hội nghị. Chủ tịch UBND xã kết luận:\n\
///     - Thu ngân sách:\n+ Rà soát nguồn thu.\n+ Đôn đốc nợ đọng.\n- Giải ngân vốn đầu tư công.\n";
/// let out = text(&vanban::parse(input), input, Lang::En);
/// assert!(out.contains("Tasks (4):\n    - Thu ngân sách:\n      + Rà soát nguồn thu."), "{out}");
/// assert!(!out.contains("Some("), "{out}");
/// ```
pub fn text(doc: &Document, input: &str, lang: Lang) -> String {
    let l = labels::of(lang);
    let mut o = Out::default();
    o.field(0, l.document, labels::document_kind(doc.kind, lang));
    if let Some(t) = &doc.title {
        o.field(0, l.title, &one_line(&t.text));
    }
    if doc.input.encoding != "utf-8" {
        let conf = decimal(f64::from(doc.input.encoding_confidence), 2, lang);
        o.field(0, l.encoding, &format!("{} ({} {conf})", doc.input.encoding, l.confidence));
    }
    if let Some(d) = &doc.published {
        o.field(0, l.published, &doc_date(d, lang));
    }
    if doc.header.is_some() {
        o.gap();
    }
    header(&mut o, doc, l, lang);
    if let Some(m) = &doc.minutes {
        o.gap();
        minutes(&mut o, doc, m, l, lang);
    }
    o.gap();
    match &doc.meeting {
        Some(m) => meeting(&mut o, doc, m, l, lang),
        // A formal document need not report a meeting; a news text is expected to.
        None if doc.header.is_none() => o.field(0, l.meeting, l.no_meeting),
        None => {}
    }
    o.gap();
    people(&mut o, doc, l, lang);
    o.gap();
    if let Some(s) = &doc.signature {
        for s in std::iter::once(s).chain(&s.co_signers) {
            o.field(0, l.signer, &signature_line(s));
        }
    }
    if !doc.recipients.is_empty() {
        o.heading(0, l.recipients, None);
        for r in &doc.recipients {
            let archive = if r.archive { format!(" ({})", l.archive) } else { String::new() };
            o.item(1, &format!("{}{archive}", one_line(&r.text)));
        }
    }
    o.gap();
    if !doc.captions.is_empty() {
        o.heading(0, l.captions, None);
        for c in &doc.captions {
            o.item(1, &one_line(&c.text));
        }
    }
    if let Some(a) = &doc.author {
        o.field(0, l.author, &one_line(&a.text));
    }
    if let Some(p) = &doc.publisher {
        if let Some(a) = &p.agency {
            o.field(0, l.publisher, &one_line(&a.text));
        }
        if let Some(r) = &p.responsible {
            let role = p.responsible_role.as_ref().map(|r| format!(" ({})", one_line(&r.text))).unwrap_or_default();
            o.field(0, l.responsible, &format!("{}{role}", one_line(&r.text)));
        }
    }
    o.gap();
    notes(&mut o, doc, input, l, lang);
    let mut out = o.0;
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The output being written, line by line.
#[derive(Default)]
struct Out(String);

impl Out {
    /// `label: value`, indented by `level` steps.
    fn field(&mut self, level: usize, label: &str, value: &str) {
        let _ = writeln!(self.0, "{}{label}: {value}", "  ".repeat(level));
    }
    /// An empty line between two parts (none at the start).
    fn gap(&mut self) {
        if !self.0.is_empty() && !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
    }
    /// `label:` or `label (n):`, the start of a list.
    fn heading(&mut self, level: usize, label: &str, count: Option<usize>) {
        let count = count.map(|n| format!(" ({n})")).unwrap_or_default();
        let _ = writeln!(self.0, "{}{label}{count}:", "  ".repeat(level));
    }
    /// `- item`.
    fn item(&mut self, level: usize, item: &str) {
        let _ = writeln!(self.0, "{}- {item}", "  ".repeat(level));
    }
}

fn header(o: &mut Out, doc: &Document, l: &Labels, lang: Lang) {
    let Some(h) = &doc.header else { return };
    if let Some(i) = &h.issuer {
        let parent = h.parent_issuer.as_ref().map(|p| format!(" ({} {})", l.under, one_line(&p.text)));
        o.field(0, l.issuer, &format!("{}{}", one_line(&i.text), parent.unwrap_or_default()));
    }
    if let Some(n) = &h.number {
        let party =
            if n.form == crate::model::NumberForm::Party { format!(" ({})", l.party_form) } else { String::new() };
        o.field(0, l.number, &format!("{}{party}", n.text));
    }
    if let Some(d) = &h.date {
        let place = h.place.as_ref().map(|p| format!("{}, ", one_line(&p.text))).unwrap_or_default();
        o.field(0, l.dated, &format!("{place}{}", doc_date(d, lang)));
    }
    if let Some(a) = &h.abstract_ {
        o.field(0, l.abstract_, &one_line(&a.text));
    }
    if let Some(a) = &h.addressee {
        o.field(0, l.addressee, &one_line(&a.text));
    }
}

fn minutes(o: &mut Out, doc: &Document, m: &Minutes, l: &Labels, lang: Lang) {
    o.heading(0, l.minutes, None);
    for (label, t) in [(l.started, &m.started), (l.ended, &m.ended)] {
        if let Some(t) = t {
            o.field(1, label, &format!("{} → {}", one_line(&t.text), t.time));
        }
    }
    if let Some(p) = &m.place {
        o.field(1, l.place, &one_line(&p.text));
    }
    if let Some(a) = &m.attendance {
        let counts = match (a.present, a.total) {
            (Some(p), Some(t)) => format!(" → {p}/{t}"),
            (Some(p), None) => format!(" → {p}"),
            _ => String::new(),
        };
        o.field(1, l.present, &format!("{}{counts}", one_line(&a.text)));
    }
    for (label, f) in [(l.chair, &m.chair), (l.secretary, &m.secretary)] {
        if let Some(f) = f {
            // The name once: the person's roles are listed with the people.
            let who = f.person.and_then(|id| name_of(doc, id)).map_or_else(|| one_line(&f.text), str::to_string);
            o.field(1, label, &who);
        }
    }
    if !m.agenda.is_empty() {
        o.heading(1, l.agenda, Some(m.agenda.len()));
        for a in &m.agenda {
            o.item(2, &one_line(&a.text));
        }
    }
    for v in &m.votes {
        o.field(1, l.votes, &vote(v, l, lang));
    }
}

/// A vote as written, then its counts.
fn vote(v: &Vote, l: &Labels, lang: Lang) -> String {
    let mut counts = Vec::new();
    for (label, n) in
        [(l.ballots, v.total), (l.vote_for, v.for_), (l.vote_against, v.against), (l.vote_other, v.abstain)]
    {
        if let Some(n) = n {
            counts.push(format!("{label} {n}"));
        }
    }
    if let Some(p) = v.percent {
        counts.push(format!("{}%", decimal(p, 1, lang)));
    }
    if counts.is_empty() { one_line(&v.text) } else { format!("{} → {}", one_line(&v.text), counts.join(", ")) }
}

fn meeting(o: &mut Out, doc: &Document, m: &Meeting, l: &Labels, lang: Lang) {
    match &m.name {
        Some(n) => o.field(0, l.meeting, &one_line(&n.text)),
        None => o.heading(0, l.meeting, None),
    }
    if let Some(k) = &m.kind {
        o.field(1, l.kind, &labels::meeting_kind(k, lang));
    }
    let mut when = Vec::new();
    if let Some(d) = &m.date {
        when.push(meeting_date(d, lang));
    }
    if let Some(t) = &m.time {
        when.push(t.clone());
    }
    if let Some(t) = m.time_of_day {
        let word = labels::time_of_day(t, lang);
        // "Chiều ngày 05/7/2019" says it already.
        if !m.date.as_ref().is_some_and(|d| d.text.to_lowercase().contains(word)) {
            when.push(format!("({word})"));
        }
    }
    if !when.is_empty() {
        o.field(1, l.time, &when.join(" "));
    }
    if let Some(p) = &m.period {
        o.field(1, l.period, &one_line(&p.text));
    }
    if let Some(p) = &m.location {
        o.field(1, l.place, &one_line(&p.text));
    }
    if let Some(p) = &m.organizer {
        o.field(1, l.organizer, &one_line(&p.text));
    }
    let names = |ids: &[usize]| ids.iter().filter_map(|&id| name_of(doc, id)).collect::<Vec<_>>().join(", ");
    if !m.chairs.is_empty() {
        o.field(1, l.chair, &names(&m.chairs));
    }
    if !m.attendees.is_empty() {
        o.field(1, l.attendees, &names(&m.attendees));
    }
    if !m.groups.is_empty() {
        o.heading(1, l.groups, None);
        for g in &m.groups {
            o.item(2, &one_line(&g.text));
        }
    }
    if let Some(c) = &m.contributions {
        o.field(1, l.contributions, &format!("{} → {}", one_line(&c.text), c.count));
        for t in &c.topics {
            o.item(2, &one_line(&t.text));
        }
    }
    if !m.speeches.is_empty() {
        o.heading(1, l.speeches, None);
        for s in &m.speeches {
            let who = name_of(doc, s.speaker).unwrap_or("?");
            o.item(2, &format!("{}: {who}", labels::speech_kind(s.kind, lang)));
        }
    }
    if !m.tasks.is_empty() {
        let n = m.tasks.iter().map(|t| t.flatten().len()).sum();
        o.heading(1, l.tasks, Some(n));
        for t in &m.tasks {
            task(o, t, 2, l, lang);
        }
    }
}

/// A task whole, with its agency, partners and deadline, then its sub-tasks.
fn task(o: &mut Out, t: &Task, level: usize, l: &Labels, lang: Lang) {
    let pad = "  ".repeat(level);
    let _ = writeln!(o.0, "{pad}{} {}", t.marker, one_line(&t.text));
    let detail = "  ".repeat(level + 1);
    if let Some(a) = &t.agency {
        let _ = writeln!(o.0, "{detail}{}: {}", l.agency, one_line(&a.text));
    }
    if !t.partners.is_empty() {
        let p: Vec<String> = t.partners.iter().map(|p| one_line(&p.text)).collect();
        let _ = writeln!(o.0, "{detail}{}: {}", l.partners, p.join("; "));
    }
    if let Some(d) = &t.deadline {
        let mut v = one_line(&d.text);
        if let Some(date) = &d.date {
            let _ = write!(v, " → {}", super::iso_date(date.year, date.month, date.day, lang));
        }
        if d.recurring {
            let _ = write!(v, " ({})", l.recurring);
        }
        let _ = writeln!(o.0, "{detail}{}: {v}", l.deadline);
    }
    for s in &t.subtasks {
        task(o, s, level + 1, l, lang);
    }
}

/// Each person once: name, roles, and what they did here.
fn people(o: &mut Out, doc: &Document, l: &Labels, lang: Lang) {
    if doc.people.is_empty() {
        return;
    }
    o.heading(0, l.people, Some(doc.people.len()));
    let signers = signers(doc);
    let secretary = doc.minutes.as_ref().and_then(|m| m.secretary.as_ref()?.person);
    for p in &doc.people {
        let mut did: Vec<String> = Vec::new();
        if let Some(m) = &doc.meeting {
            if m.chairs.contains(&p.id) {
                did.push(l.chair.to_lowercase());
            }
            if m.attendees.contains(&p.id) && !m.chairs.contains(&p.id) {
                did.push(l.attended.to_string());
            }
            for s in m.speeches.iter().filter(|s| s.speaker == p.id) {
                let k = labels::speech_kind(s.kind, lang).to_string();
                if !did.contains(&k) {
                    did.push(k);
                }
            }
        }
        if secretary == Some(p.id) {
            did.push(l.secretary.to_lowercase());
        }
        if signers.contains(&p.id) {
            did.push(l.signed.to_string());
        }
        let roles = roles_of(p);
        let mut line = p.name.clone();
        if !roles.is_empty() {
            let _ = write!(line, " — {roles}");
        }
        if !did.is_empty() {
            let _ = write!(line, " [{}]", did.join(", "));
        }
        o.item(1, &line);
    }
}

/// "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An".
fn signature_line(s: &Signature) -> String {
    let mut parts: Vec<String> = s.authorities.iter().map(|a| one_line(&format!("{} {}", a.prefix, a.body))).collect();
    parts.extend([&s.title, &s.name].into_iter().flatten().map(|t| one_line(&t.text)));
    parts.join(" / ")
}

/// Each distinct diagnostic once, in the order first met, with a count.
fn notes(o: &mut Out, doc: &Document, input: &str, l: &Labels, lang: Lang) {
    let mut seen: Vec<(&crate::model::Diagnostic, usize)> = Vec::new();
    for d in &doc.diagnostics {
        match seen.iter_mut().find(|(s, _)| s.code == d.code && s.message == d.message) {
            Some((_, n)) => *n += 1,
            None => seen.push((d, 1)),
        }
    }
    if seen.is_empty() {
        return;
    }
    o.heading(0, l.notes, Some(doc.diagnostics.len()));
    for (d, n) in seen {
        let at = d.span.and_then(|s| line_of(input, s.start)).map(|n| format!(" ({} {n})", l.line)).unwrap_or_default();
        let times = if n > 1 { format!(" ×{n}") } else { String::new() };
        o.item(1, &format!("{}: {}{at}{times}", labels::diagnostic(d.code, lang), d.message));
    }
}

/// `x` with `places` decimals, a decimal comma in Vietnamese.
fn decimal(x: f64, places: usize, lang: Lang) -> String {
    let s = format!("{x:.places$}");
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}
