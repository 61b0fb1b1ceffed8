//! What a person sees of a [`Document`]: a text summary in Vietnamese or English
//! ([`text`]), a self-contained HTML page that highlights what was found in the original
//! text ([`html`]), and flat rows for a spreadsheet ([`table`]).
//!
//! Pure functions of the document and the input it was parsed from, with no dependency
//! beyond the standard library: the `parse` example and the `vanban` command print what
//! they return. `input` is the text the spans point into (for [`crate::parse`], the text
//! given; for [`crate::parse_bytes`] of UTF-8 bytes, those bytes as text). A span that
//! does not slice `input` is left out of what needs it, never a panic.
//!
//! ```
//! use vanban::render::{self, Lang};
//! let input = "Sáng 8/7/2024, UBND xã tổ chức hội nghị sơ kết. \
//!              Đồng chí Nguyễn Văn An - Chủ tịch UBND xã chủ trì hội nghị.";
//! let doc = vanban::parse(input);
//! let vi = render::text(&doc, input, Lang::Vi);
//! assert!(vi.contains("Chủ trì: Nguyễn Văn An"));
//! assert!(vi.contains("2024-07-08"));
//! let en = render::text(&doc, input, Lang::En);
//! assert!(en.contains("Chair: Nguyễn Văn An"));
//! let page = render::html(&doc, input);
//! assert!(page.contains(r#"data-kind="chair""#));
//! ```

mod html;
mod labels;
pub mod table;
mod text;

pub use html::html;
pub use text::text;

use crate::Parser;
use crate::model::{DocDate, Document, MeetingDate, Person};

/// The language of the labels in [`text`] (the extracted text is always as written).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// Vietnamese ("Cuộc họp", "Thời gian", "Chủ trì"): the default.
    #[default]
    Vi,
    /// English ("Meeting", "Time", "Chair").
    En,
}

impl std::str::FromStr for Lang {
    type Err = String;
    /// `"vi"` or `"en"` (any case).
    ///
    /// ```
    /// assert_eq!("EN".parse::<vanban::render::Lang>(), Ok(vanban::render::Lang::En));
    /// assert!("fr".parse::<vanban::render::Lang>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(format!("unknown language {s:?} (vi or en)")),
        }
    }
}

/// The document parsed from `bytes` with `parser`, and the text its spans point into,
/// for the renderers. UTF-8 bytes are that text as they are; bytes in another encoding
/// (TCVN3, VNI, UTF-16, …) are decoded and the text parsed again, so that the spans
/// point into the decoded text (the `input` facts stay those of the bytes).
///
/// ```
/// let parser = vanban::Parser::default();
/// let bytes = vanban::decode::encode_tcvn3("Đồng chí Nguyễn Văn An - Chủ tịch UBND xã phát biểu.");
/// let doc = parser.parse_bytes(&bytes).unwrap();
/// let (doc, text) = vanban::render::readable(&parser, doc, &bytes);
/// assert_eq!(doc.input.encoding, "tcvn3");
/// assert!(doc.people[0].mentions[0].slice(&text).unwrap().contains("Nguyễn Văn An"));
/// ```
pub fn readable(parser: &Parser, doc: Document, bytes: &[u8]) -> (Document, String) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (doc, s.to_string());
    }
    match crate::decode::decode(bytes) {
        Ok(d) => {
            let mut again = parser.parse(&d.text);
            again.input = doc.input;
            (again, d.text)
        }
        // Not reached for a document `parse_bytes` returned; the spans then slice nothing.
        Err(_) => (doc, String::new()),
    }
}

/// A date as ISO 8601 (`2019-07-05`, or `2024-12` without a day), or in words when the
/// year is missing ("ngày 21/4, không rõ năm" / "21 April, year not given").
///
/// ```
/// use vanban::render::{iso_date, Lang};
/// assert_eq!(iso_date(Some(2019), Some(7), Some(5), Lang::Vi), "2019-07-05");
/// assert_eq!(iso_date(None, Some(4), Some(21), Lang::Vi), "ngày 21/4, không rõ năm");
/// assert_eq!(iso_date(None, Some(4), Some(21), Lang::En), "21 April, year not given");
/// assert_eq!(iso_date(Some(2024), Some(12), None, Lang::En), "2024-12");
/// ```
pub fn iso_date(year: Option<i32>, month: Option<u8>, day: Option<u8>, lang: Lang) -> String {
    let l = labels::of(lang);
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        (None, Some(m), Some(d)) => match lang {
            Lang::Vi => format!("ngày {d}/{m}, {}", l.no_year),
            Lang::En => format!("{d} {}, {}", labels::month_en(m), l.no_year),
        },
        (None, Some(m), None) => match lang {
            Lang::Vi => format!("tháng {m}, {}", l.no_year),
            Lang::En => format!("{}, {}", labels::month_en(m), l.no_year),
        },
        (None, None, _) => l.no_date.to_string(),
    }
}

/// A meeting date as written and as ISO: `"Chiều ngày 05/7/2019" → 2019-07-05`.
fn meeting_date(d: &MeetingDate, lang: Lang) -> String {
    let l = labels::of(lang);
    let iso = iso_date(d.year, Some(d.month), Some(d.day), lang);
    let inferred = if d.year_inferred { format!(" ({})", l.year_inferred) } else { String::new() };
    format!("{} → {iso}{inferred}", one_line(&d.text))
}

/// A formal document's date as written and as ISO.
fn doc_date(d: &DocDate, lang: Lang) -> String {
    format!("{} → {}", one_line(&d.text), iso_date(d.year, d.month, d.day, lang))
}

/// Whitespace (line breaks included) folded to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name of person `id`, or nothing for an id the document does not hold.
fn name_of(doc: &Document, id: usize) -> Option<&str> {
    doc.person(id).map(|p| p.name.as_str())
}

/// A person's roles as written, joined.
fn roles_of(p: &Person) -> String {
    p.roles.iter().map(|r| one_line(&r.text)).collect::<Vec<_>>().join("; ")
}

/// The people who sign the document (the signer and the co-signers).
fn signers(doc: &Document) -> Vec<usize> {
    let Some(s) = &doc.signature else { return Vec::new() };
    std::iter::once(s).chain(&s.co_signers).filter_map(|s| s.signer).collect()
}

/// 1-based line number of byte offset `at` in `input`, if it is in it.
fn line_of(input: &str, at: usize) -> Option<usize> {
    let before = input.as_bytes().get(..at)?;
    Some(before.iter().filter(|&&b| b == b'\n').count() + 1)
}
