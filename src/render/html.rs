//! The HTML page: the original text with every extracted span highlighted by kind,
//! beside a summary card. One self-contained file: inline CSS, no script, no network.

use super::labels;
use super::{Lang, iso_date, name_of, one_line, roles_of, signers};
use crate::model::{Document, Task, Text};
use crate::span::Span;
use std::fmt::Write;

/// What a highlighted span is. The order is the nesting order for spans that start
/// together: a task holds the names and dates in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Task,
    Chair,
    Signer,
    Person,
    Role,
    Organization,
    Date,
}

impl Kind {
    const ALL: [Kind; 7] =
        [Kind::Person, Kind::Role, Kind::Organization, Kind::Date, Kind::Task, Kind::Chair, Kind::Signer];

    /// The `data-kind` value (and CSS class suffix).
    fn name(self) -> &'static str {
        match self {
            Kind::Task => "task",
            Kind::Chair => "chair",
            Kind::Signer => "signer",
            Kind::Person => "person",
            Kind::Role => "role",
            Kind::Organization => "organization",
            Kind::Date => "date",
        }
    }

    /// The short tag shown after the span, and the legend's words.
    fn label(self) -> (&'static str, &'static str) {
        match self {
            Kind::Task => ("NHIỆM VỤ", "nhiệm vụ (task)"),
            Kind::Chair => ("CHỦ TRÌ", "người chủ trì (chair)"),
            Kind::Signer => ("NGƯỜI KÝ", "người ký (signer)"),
            Kind::Person => ("NGƯỜI", "người (person)"),
            Kind::Role => ("CHỨC VỤ", "chức vụ (role)"),
            Kind::Organization => ("CƠ QUAN", "cơ quan, tổ chức (organization)"),
            Kind::Date => ("NGÀY", "ngày, giờ, kỳ (date)"),
        }
    }
}

/// A span to highlight.
#[derive(Clone, Debug)]
struct Mark {
    span: Span,
    kind: Kind,
    /// The hover text.
    note: String,
}

/// The document as one self-contained HTML page: the original text (`input`, the text
/// the spans point into) with each extracted span in a `<mark>` whose `data-kind` says
/// what it is (`person`, `chair`, `signer`, `role`, `organization`, `date`, `task`) and
/// whose `title` says what was read from it, beside a summary card with a legend and the
/// whole [`text`](super::text) summary. Inline CSS only: no script, nothing fetched.
///
/// Spans that overlap without nesting are split at the outer span's end, so every
/// character of a span stays highlighted.
///
/// ```
/// let input = "Sáng 8/7/2024, UBND xã tổ chức hội nghị. Đồng chí Nguyễn Văn An - Chủ tịch UBND xã chủ trì.";
/// let doc = vanban::parse(input);
/// let page = vanban::render::html(&doc, input);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"data-kind="date""#));
/// assert!(page.contains(r#"data-kind="chair""#) && page.contains(r#"data-kind="role""#));
/// assert!(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"));
/// ```
pub fn html(doc: &Document, input: &str) -> String {
    let marks = marks(doc, input);
    let mut counts = [0usize; 7];
    for m in &marks {
        counts[m.kind as usize] += 1;
    }
    let title = doc
        .title
        .as_ref()
        .or_else(|| doc.meeting.as_ref()?.name.as_ref())
        .map(|t| one_line(&t.text))
        .unwrap_or_else(|| labels::document_kind(doc.kind, Lang::Vi).to_string());
    let mut o = String::with_capacity(input.len() * 2 + 8192);
    o.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(o, "<title>{} — vanban</title>", esc(&title));
    o.push_str(STYLE);
    o.push_str("</head>\n<body>\n<main>\n<article class=\"source\" aria-label=\"Văn bản gốc\">\n<pre>");
    highlighted(&mut o, input, marks);
    o.push_str("</pre>\n</article>\n<aside class=\"card\">\n");
    card(&mut o, doc, &title);
    o.push_str("<h2>Chú giải</h2>\n<ul class=\"legend\">\n");
    for k in Kind::ALL {
        let _ = writeln!(
            o,
            "<li><mark class=\"k-{0}\" data-legend=\"{0}\">{1}</mark> {2}</li>",
            k.name(),
            k.label().1,
            counts[k as usize]
        );
    }
    o.push_str("</ul>\n<details>\n<summary>Toàn bộ kết quả</summary>\n<pre class=\"summary\">");
    o.push_str(&esc(&super::text(doc, input, Lang::Vi)));
    o.push_str("</pre>\n</details>\n</aside>\n</main>\n</body>\n</html>\n");
    o
}

/// The summary card: the meeting, or the formal header, in a few lines.
fn card(o: &mut String, doc: &Document, title: &str) {
    let l = labels::of(Lang::Vi);
    let _ = writeln!(
        o,
        "<p class=\"kind\">{}</p>\n<h1>{}</h1>\n<dl>",
        labels::document_kind(doc.kind, Lang::Vi),
        esc(title)
    );
    let mut row = |k: &str, v: String| {
        if !v.is_empty() {
            let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v));
        }
    };
    let text = |t: Option<&Text>| t.map(|t| one_line(&t.text)).unwrap_or_default();
    if let Some(h) = &doc.header {
        row(l.issuer, text(h.issuer.as_ref()));
        row(l.number, h.number.as_ref().map(|n| n.text.clone()).unwrap_or_default());
        let date = h.date.as_ref().map(|d| iso_date(d.year, d.month, d.day, Lang::Vi));
        row(l.dated, [text(h.place.as_ref()), date.unwrap_or_default()].join(" ").trim().to_string());
        row(l.abstract_, text(h.abstract_.as_ref()));
    }
    if let Some(m) = &doc.meeting {
        row(l.meeting, text(m.name.as_ref()));
        if let Some(d) = &m.date {
            row(l.time, super::meeting_date(d, Lang::Vi));
        }
        row(l.place, text(m.location.as_ref()));
        row(l.organizer, text(m.organizer.as_ref()));
        let names = |ids: &[usize]| ids.iter().filter_map(|&id| name_of(doc, id)).collect::<Vec<_>>().join(", ");
        row(l.chair, names(&m.chairs));
        row(l.attendees, names(&m.attendees));
        let tasks: usize = m.tasks.iter().map(|t| t.flatten().len()).sum();
        row(l.tasks, if tasks > 0 { tasks.to_string() } else { String::new() });
    }
    if let Some(m) = &doc.minutes {
        let t = |c: &Option<crate::model::ClockTime>| c.as_ref().map(|c| c.time.clone()).unwrap_or_default();
        row(l.started, t(&m.started));
        row(l.ended, t(&m.ended));
        row(l.secretary, m.secretary.as_ref().map(|s| one_line(&s.text)).unwrap_or_default());
    }
    let signed: Vec<&str> = signers(doc).into_iter().filter_map(|id| name_of(doc, id)).collect();
    row(l.signer, signed.join(", "));
    if !doc.recipients.is_empty() {
        row(l.recipients, doc.recipients.len().to_string());
    }
    o.push_str("</dl>\n");
    if !doc.people.is_empty() {
        let _ = writeln!(o, "<h2>{} ({})</h2>\n<ul class=\"people\">", l.people, doc.people.len());
        for p in &doc.people {
            let roles = roles_of(p);
            let roles = if roles.is_empty() { String::new() } else { format!(" — {}", esc(&roles)) };
            let _ = writeln!(o, "<li><b>{}</b>{roles}</li>", esc(&p.name));
        }
        o.push_str("</ul>\n");
    }
}

/// Every span to highlight, sorted for nesting (start, then the longer first, then kind).
fn marks(doc: &Document, input: &str) -> Vec<Mark> {
    let mut v = Vec::new();
    let chairs: Vec<usize> = doc
        .meeting
        .iter()
        .flat_map(|m| m.chairs.iter().copied())
        .chain(doc.minutes.as_ref().and_then(|m| m.chair.as_ref()?.person))
        .collect();
    let signers = signers(doc);
    for p in &doc.people {
        let kind = if chairs.contains(&p.id) {
            Kind::Chair
        } else if signers.contains(&p.id) {
            Kind::Signer
        } else {
            Kind::Person
        };
        let roles = roles_of(p);
        let note = if roles.is_empty() { p.name.clone() } else { format!("{} — {roles}", p.name) };
        for &s in &p.mentions {
            v.push(Mark { span: s, kind, note: format!("{}: {note}", kind.label().1) });
        }
        for r in &p.roles {
            let read = r.expanded.as_deref().unwrap_or(&r.title);
            v.push(Mark {
                span: r.span,
                kind: Kind::Role,
                note: format!("Chức vụ của {}: {}", p.name, one_line(read)),
            });
        }
    }
    let org = |v: &mut Vec<Mark>, t: Option<&Text>, what: &str| {
        if let Some(t) = t {
            v.push(Mark { span: t.span, kind: Kind::Organization, note: format!("{what}: {}", one_line(&t.text)) });
        }
    };
    if let Some(m) = &doc.meeting {
        org(&mut v, m.organizer.as_ref(), "Đơn vị tổ chức");
    }
    if let Some(h) = &doc.header {
        org(&mut v, h.issuer.as_ref(), "Cơ quan ban hành");
        org(&mut v, h.parent_issuer.as_ref(), "Cơ quan chủ quản");
    }
    if let Some(p) = &doc.publisher {
        org(&mut v, p.agency.as_ref(), "Cơ quan chủ quản");
    }
    if let Some(s) = &doc.signature {
        for s in std::iter::once(s).chain(&s.co_signers) {
            if let Some(n) = &s.name {
                v.push(Mark { span: n.span, kind: Kind::Signer, note: format!("Người ký: {}", one_line(&n.text)) });
            }
        }
    }
    let date = |v: &mut Vec<Mark>, span: Span, note: String| v.push(Mark { span, kind: Kind::Date, note });
    if let Some(m) = &doc.meeting {
        if let Some(d) = &m.date {
            date(&mut v, d.span, format!("Ngày họp: {}", iso_date(d.year, Some(d.month), Some(d.day), Lang::Vi)));
        }
        if let Some(p) = &m.period {
            date(&mut v, p.span, format!("Kỳ: {}", one_line(&p.text)));
        }
    }
    if let Some(d) = &doc.published {
        date(&mut v, d.span, format!("Ngày đăng: {}", iso_date(d.year, d.month, d.day, Lang::Vi)));
    }
    if let Some(d) = doc.header.as_ref().and_then(|h| h.date.as_ref()) {
        date(&mut v, d.span, format!("Ngày ban hành: {}", iso_date(d.year, d.month, d.day, Lang::Vi)));
    }
    if let Some(m) = &doc.minutes {
        for (what, t) in [("Bắt đầu", &m.started), ("Kết thúc", &m.ended)] {
            if let Some(t) = t {
                date(&mut v, t.span, format!("{what}: {}", t.time));
            }
        }
    }
    for t in doc.meeting.iter().flat_map(|m| &m.tasks).flat_map(Task::flatten) {
        if let Some(d) = &t.deadline {
            date(&mut v, d.span, format!("Thời hạn: {}", one_line(&d.text)));
        }
        v.push(Mark { span: t.span, kind: Kind::Task, note: format!("Nhiệm vụ {}", t.marker) });
        if let Some(a) = &t.agency {
            v.push(Mark {
                span: a.span,
                kind: Kind::Organization,
                note: format!("Đơn vị thực hiện: {}", one_line(&a.text)),
            });
        }
        for p in &t.partners {
            v.push(Mark {
                span: p.span, kind: Kind::Organization, note: format!("Phối hợp: {}", one_line(&p.text))
            });
        }
    }
    // Only what slices the input; one mark per span and kind.
    v.retain(|m| !m.span.is_empty() && m.span.slice(input).is_some());
    v.sort_by_key(key);
    v.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    v
}

/// Nesting order: by start, the longer first, then by kind.
fn key(m: &Mark) -> (usize, std::cmp::Reverse<usize>, Kind) {
    (m.span.start, std::cmp::Reverse(m.span.end), m.kind)
}

/// `input` escaped, with `marks` (sorted by [`key`]) as properly nested `<mark>`s.
fn highlighted(o: &mut String, input: &str, mut marks: Vec<Mark>) {
    let mut pos = 0;
    // Ends of the open marks, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        let m = marks[i].clone();
        i += 1;
        while let Some(&end) = open.last() {
            if end > m.span.start {
                break;
            }
            o.push_str(&esc(&input[pos..end]));
            o.push_str("</mark>");
            pos = end;
            open.pop();
        }
        o.push_str(&esc(&input[pos..m.span.start]));
        pos = m.span.start;
        let mut end = m.span.end;
        if let Some(&outer) = open.last() {
            if end > outer {
                // Crosses the end of the mark it starts in: the rest becomes a mark of its
                // own, after that one closes (`outer` is a char boundary: a span's end).
                let rest = Mark { span: Span::new(outer, end), ..m.clone() };
                let at = i + marks[i..].partition_point(|x| key(x) <= key(&rest));
                marks.insert(at, rest);
                end = outer;
            }
        }
        let (tag, _) = m.kind.label();
        let _ = write!(
            o,
            "<mark class=\"k-{0}\" data-kind=\"{0}\" data-label=\"{1}\" title=\"{2}\">",
            m.kind.name(),
            tag,
            esc(&m.note)
        );
        open.push(end);
    }
    while let Some(end) = open.pop() {
        o.push_str(&esc(&input[pos..end]));
        o.push_str("</mark>");
        pos = end;
    }
    o.push_str(&esc(&input[pos..]));
}

/// Text escaped for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"<style>
:root { --person:#bfe3ff; --chair:#7fc4ff; --signer:#e1c4f5; --role:#ffe2b8; --organization:#c9efc9; --date:#ffc9dc; --task:#fff6bf; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 "Noto Serif", "DejaVu Serif", Georgia, serif; color: #1d1d1f; background: #f4f1ea; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr); gap: 1.5rem; padding: 1.5rem; max-width: 90rem; margin: auto; }
.source pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0; padding: 1.5rem 2rem; background: #fffdf8; border: 1px solid #e4dccb; border-radius: 6px; }
.card { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow: auto; padding: 1rem 1.25rem; background: #fff; border: 1px solid #e4dccb; border-radius: 6px; font-family: "Noto Sans", "DejaVu Sans", system-ui, sans-serif; font-size: 14px; }
.card h1 { font-size: 1.15rem; line-height: 1.35; margin: .2rem 0 .8rem; }
.card h2 { font-size: .95rem; margin: 1rem 0 .4rem; text-transform: uppercase; letter-spacing: .04em; color: #5b5346; }
.card .kind { margin: 0; color: #8a7f6a; text-transform: uppercase; font-size: .75rem; letter-spacing: .08em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; margin: 0; }
dt { font-weight: 600; color: #5b5346; } dd { margin: 0; }
ul { margin: 0; padding-left: 1.1rem; } .legend { list-style: none; padding: 0; } .legend li { margin: .2rem 0; }
.summary { white-space: pre-wrap; font-size: 12px; }
mark { padding: 0 .12em; border-radius: 3px; color: inherit; }
mark[data-kind]::after { content: attr(data-label); font: 600 9px/1 "DejaVu Sans", sans-serif; letter-spacing: .03em; margin-left: .3em; padding: 1px 3px; border-radius: 2px; background: rgba(0,0,0,.08); vertical-align: middle; }
mark.k-task[data-kind]::after { content: none; }
.k-person { background: var(--person); } .k-chair { background: var(--chair); font-weight: 600; } .k-signer { background: var(--signer); }
.k-role { background: var(--role); } .k-organization { background: var(--organization); } .k-date { background: var(--date); }
.k-task { background: var(--task); box-decoration-break: clone; -webkit-box-decoration-break: clone; border-bottom: 2px solid #e0c84a; }
mark[title]:hover { outline: 2px solid #333; }
@media (max-width: 60rem) { main { grid-template-columns: 1fr; } .card { position: static; max-height: none; } }
</style>
"#;
