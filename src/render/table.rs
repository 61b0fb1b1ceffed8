//! Flat rows for a spreadsheet: one row per person and role, per task, or per meeting,
//! each a `Vec<String>` in the order of its header (`PEOPLE`, `TASKS`, `MEETINGS`). The
//! first column is the name the caller gives the document (usually its file).
//!
//! ```
//! use vanban::render::table;
//! let doc = vanban::parse(
//!     "Sáng 8/7/2024, UBND xã tổ chức hội nghị sơ kết. \
//!      Đồng chí Nguyễn Văn An - Chủ tịch UBND xã chủ trì hội nghị.",
//! );
//! let rows = table::people(&doc, "a.txt");
//! assert_eq!(rows[0].len(), table::PEOPLE.len());
//! assert_eq!(rows[0][5], "Nguyễn Văn An");
//! assert_eq!(rows[0][10], "yes");
//! assert_eq!(table::meetings(&doc, "a.txt")[0][4], "2024-07-08");
//! ```

use super::{Lang, iso_date, one_line, signers};
use crate::model::{Document, Task};
use crate::span::Span;

/// Columns of [`people`].
pub const PEOPLE: &[&str] = &[
    "file",
    "published",
    "meeting_date",
    "meeting_kind",
    "organizer",
    "name",
    "role",
    "title",
    "organization",
    "qualifier",
    "chair",
    "signer",
    "span",
];

/// Columns of [`tasks`].
pub const TASKS: &[&str] = &["file", "meeting", "number", "marker", "level", "text", "agency", "partners", "deadline"];

/// Columns of [`meetings`].
pub const MEETINGS: &[&str] = &[
    "file",
    "document_kind",
    "published",
    "meeting",
    "date",
    "date_as_written",
    "time_of_day",
    "time",
    "meeting_kind",
    "period",
    "location",
    "organizer",
    "chairs",
    "attendees",
    "people",
    "tasks",
    "issuer",
    "number",
];

/// One row per person and role (a person with no role: one row with the role empty):
/// who held which office, in which document and meeting. `chair` and `signer` are
/// `yes` or `no`; `span` is `start-end` in bytes of the role (else the first mention).
pub fn people(doc: &Document, file: &str) -> Vec<Vec<String>> {
    let m = doc.meeting.as_ref();
    let published = doc.published.as_ref().map(|d| iso_date(d.year, d.month, d.day, Lang::En)).unwrap_or_default();
    let date = meeting_date(doc);
    let kind = m.and_then(|m| m.kind.clone()).unwrap_or_default();
    let organizer = m.and_then(|m| m.organizer.as_ref()).map(|o| one_line(&o.text)).unwrap_or_default();
    let signers = signers(doc);
    let mut rows = Vec::new();
    for p in &doc.people {
        let chair = yes_no(m.is_some_and(|m| m.chairs.contains(&p.id)));
        let signer = yes_no(signers.contains(&p.id));
        let common = |role: [String; 4], span: Option<Span>| {
            let [role, title, org, qualifier] = role;
            vec![
                file.to_string(),
                published.clone(),
                date.clone(),
                kind.clone(),
                organizer.clone(),
                p.name.clone(),
                role,
                title,
                org,
                qualifier,
                chair.to_string(),
                signer.to_string(),
                span.map(span_text).unwrap_or_default(),
            ]
        };
        if p.roles.is_empty() {
            rows.push(common(Default::default(), p.mentions.first().copied()));
        }
        for r in &p.roles {
            let role = [
                one_line(&r.text),
                one_line(&r.title),
                r.organization.as_deref().map(one_line).unwrap_or_default(),
                r.qualifier.clone().unwrap_or_default(),
            ];
            rows.push(common(role, Some(r.span)));
        }
    }
    rows
}

/// One row per task, sub-tasks included (depth first; `level` 0 at the top).
///
/// ```
/// let doc = vanban::parse("Sáng 8/7/2024, UBND xã tổ chức hội nghị. Chủ tịch UBND xã kết luận:\n\
///     1. Rà soát nguồn thu.\n2. Đôn đốc nợ đọng.\n");
/// let rows = vanban::render::table::tasks(&doc, "a.txt");
/// assert_eq!(rows.len(), 2);
/// assert_eq!(rows[1][2], "2");
/// ```
pub fn tasks(doc: &Document, file: &str) -> Vec<Vec<String>> {
    let Some(m) = &doc.meeting else { return Vec::new() };
    let meeting = m.name.as_ref().map(|n| one_line(&n.text)).unwrap_or_default();
    let row = |t: &Task| {
        vec![
            file.to_string(),
            meeting.clone(),
            t.number.map(|n| n.to_string()).unwrap_or_default(),
            t.marker.clone(),
            t.level.to_string(),
            one_line(&t.text),
            t.agency.as_ref().map(|a| one_line(&a.text)).unwrap_or_default(),
            t.partners.iter().map(|p| one_line(&p.text)).collect::<Vec<_>>().join("; "),
            t.deadline.as_ref().map(|d| one_line(&d.text)).unwrap_or_default(),
        ]
    };
    m.tasks.iter().flat_map(|t| t.flatten()).map(row).collect()
}

/// One row for the document's meeting (none when it reports no meeting). `chairs` holds
/// the chairs' names joined with "; ", `attendees`, `people` and `tasks` are counts.
pub fn meetings(doc: &Document, file: &str) -> Vec<Vec<String>> {
    let Some(m) = &doc.meeting else { return Vec::new() };
    let text = |t: Option<&crate::model::Text>| t.map(|t| one_line(&t.text)).unwrap_or_default();
    let chairs: Vec<&str> = doc.chairs().map(|p| p.name.as_str()).collect();
    let header = doc.header.as_ref();
    vec![vec![
        file.to_string(),
        doc.kind.to_string(),
        doc.published.as_ref().map(|d| iso_date(d.year, d.month, d.day, Lang::En)).unwrap_or_default(),
        text(m.name.as_ref()),
        meeting_date(doc),
        m.date.as_ref().map(|d| one_line(&d.text)).unwrap_or_default(),
        m.time_of_day.map(|t| super::labels::time_of_day(t, Lang::Vi).to_string()).unwrap_or_default(),
        m.time.clone().unwrap_or_default(),
        m.kind.clone().unwrap_or_default(),
        m.period.as_ref().map(|p| one_line(&p.text)).unwrap_or_default(),
        text(m.location.as_ref()),
        text(m.organizer.as_ref()),
        chairs.join("; "),
        m.attendees.len().to_string(),
        doc.people.len().to_string(),
        m.tasks.iter().map(|t| t.flatten().len()).sum::<usize>().to_string(),
        text(header.and_then(|h| h.issuer.as_ref())),
        header.and_then(|h| h.number.as_ref()).map(|n| n.text.clone()).unwrap_or_default(),
    ]]
}

/// The meeting's date as ISO (`2019-07-05`; `--07-05` without a year, the ISO 8601
/// form for a day of an unknown year), or empty.
fn meeting_date(doc: &Document) -> String {
    let Some(d) = doc.meeting.as_ref().and_then(|m| m.date.as_ref()) else { return String::new() };
    match d.year {
        Some(y) => format!("{y:04}-{:02}-{:02}", d.month, d.day),
        None => format!("--{:02}-{:02}", d.month, d.day),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn span_text(s: Span) -> String {
    format!("{}-{}", s.start, s.end)
}
