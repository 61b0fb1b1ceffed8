//! # vanban
//!
//! Reads Vietnamese government texts about meetings (news reports of conferences,
//! minutes, conclusion notices, plans) and returns a typed model of them: who met,
//! when, who chaired, who attended in which positions, what was concluded and which
//! tasks were set. Every extracted item carries its span in the input.
//!
//! ```
//! let doc = vanban::parse(
//!     "HỘI NGHỊ SƠ KẾT\n\nChiều ngày 05/7/2019, Ban Dân vận Huyện ủy tổ chức Hội nghị sơ kết. \
//!      Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND huyện chủ trì Hội nghị.",
//! );
//! let m = doc.meeting.as_ref().unwrap();
//! assert_eq!(m.date.as_ref().map(|d| (d.year, d.month, d.day)), Some((Some(2019), 7, 5)));
//! assert_eq!(doc.people[0].name, "Nguyễn Văn An");
//! assert_eq!(doc.people[m.chairs[0]].roles[0].text, "Phó Chủ tịch UBND huyện");
//! ```
//!
//! ## The pipeline
//! One direction, each stage a plain function of the previous stage's output, each in
//! its own private module: bytes → decode → normalize → key → scan → layout → recognize
//! → assemble → [`Document`]. README "Design" says where each lives. The
//! vocabulary lives in data tables ([`lexicon`]), which a [`LexiconBuilder`] extends.
//! A [`Parser`] holds the compiled lexicon and recognizers; build it once and share it
//! (it is `Send + Sync`).
//!
//! ## The public API
//! [`parse`], [`parse_bytes`], [`Parser`] and [`ParserBuilder`]; [`Lexicon`] and
//! [`LexiconBuilder`]; [`Error`]; the model ([`Document`] and the types it holds, which
//! serialize to the JSON contract and read back from it); [`matching_key`]; and the
//! first two stages on their own, [`decode::decode`] (bytes in a legacy encoding, with a
//! map back to the input) and [`normalize::normalize`]; and [`render`], what a person
//! reads of a document (a text summary, an HTML page, spreadsheet rows).
//!
//! ```
//! let doc = vanban::parse(
//!     "Sáng 8/7/2024, UBND xã tổ chức hội nghị sơ kết. \
//!      Đồng chí Nguyễn Văn An - Chủ tịch UBND xã chủ trì hội nghị.",
//! );
//! let json = serde_json::to_string(&doc).unwrap();
//! let back: vanban::Document = serde_json::from_str(&json).unwrap();
//! assert_eq!(back, doc);
//! assert_eq!(doc.kind.to_string(), "news_report");
//! assert_eq!(doc.chairs().next().unwrap().name, "Nguyễn Văn An");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod assemble;
pub mod decode;
mod error;
mod key;
mod layout;
pub mod lexicon;
mod model;
pub mod normalize;
mod recognize;
pub mod render;
mod span;
mod spelling;
mod swar;
mod word_bits;

pub use error::Error;
pub use lexicon::{Lexicon, LexiconBuilder};
pub use model::*;
pub use normalize::ToneStyle;
pub use span::Span;

use std::sync::{Arc, LazyLock};

/// Default limit on the input size: 64 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;

/// Builds a [`Parser`].
///
/// ```
/// let parser = vanban::Parser::builder()
///     .tone_style(vanban::ToneStyle::New)
///     .reference_year(2024)
///     .build();
/// let doc = parser.parse("Sáng 8/7, UBND tỉnh tổ chức hội nghị giao ban.");
/// assert_eq!(doc.meeting.unwrap().date.unwrap().year, Some(2024));
/// ```
#[derive(Clone, Debug)]
pub struct ParserBuilder {
    tone: ToneStyle,
    reference: Option<(i32, u8, u8)>,
    max_input_bytes: usize,
    lexicon: Option<Arc<Lexicon>>,
}

impl Default for ParserBuilder {
    fn default() -> Self {
        ParserBuilder {
            tone: ToneStyle::Keep,
            reference: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            lexicon: None,
        }
    }
}

impl ParserBuilder {
    /// Tone placement of the text fields in the output (`Keep` by default). What is
    /// extracted does not depend on it.
    pub fn tone_style(mut self, tone: ToneStyle) -> Self {
        self.tone = tone;
        self
    }
    /// The year for a year-less date when the text itself gives none.
    pub fn reference_year(mut self, year: i32) -> Self {
        self.reference = Some((year, 12, 31));
        self
    }
    /// A reference date (usually the publication date) for year-less dates when the
    /// text gives no year: the meeting is taken to be on or before it, so "Sáng 28/12"
    /// with a reference of 2021-01-05 is 2020-12-28.
    ///
    /// ```
    /// let p = vanban::Parser::builder().reference_date(2021, 1, 5).build();
    /// let d = p.parse("Sáng 28/12, Huyện ủy tổ chức hội nghị tổng kết.").meeting.unwrap().date.unwrap();
    /// assert_eq!((d.year, d.month, d.day), (Some(2020), 12, 28));
    /// ```
    pub fn reference_date(mut self, year: i32, month: u8, day: u8) -> Self {
        self.reference = Some((year, month, day));
        self
    }
    /// Largest input accepted by [`Parser::parse_bytes`] (default 64 MiB, at most 4 GiB:
    /// offsets inside the parser are 32-bit, and a larger limit is lowered to
    /// [`lexicon::MAX_TEXT_BYTES`]). Text given to [`Parser::parse`] beyond it is cut at
    /// the limit, with a diagnostic.
    pub fn max_input_bytes(mut self, n: usize) -> Self {
        self.max_input_bytes = n.min(lexicon::MAX_TEXT_BYTES);
        self
    }
    /// Use a custom lexicon (see [`lexicon::LexiconBuilder`]).
    pub fn lexicon(mut self, lex: Arc<Lexicon>) -> Self {
        self.lexicon = Some(lex);
        self
    }
    /// Compile everything.
    pub fn build(self) -> Parser {
        let lexicon: Arc<Lexicon> = self.lexicon.unwrap_or_default();
        Parser {
            recognizers: recognize::Recognizers::new(&lexicon),
            lexicon,
            norm: normalize::NormalizeOptions { tone: self.tone },
            asm: assemble::AssembleOptions { reference: self.reference },
            max_input_bytes: self.max_input_bytes,
        }
    }
}

/// A reusable parser: the compiled lexicon and recognizers plus options.
#[derive(Debug)]
pub struct Parser {
    lexicon: Arc<Lexicon>,
    recognizers: recognize::Recognizers,
    norm: normalize::NormalizeOptions,
    asm: assemble::AssembleOptions,
    max_input_bytes: usize,
}

impl Default for Parser {
    fn default() -> Self {
        ParserBuilder::default().build()
    }
}

impl Parser {
    /// Start building a parser.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// Parse text. Total: never panics, always returns a document.
    ///
    /// Text that was mis-decoded before it reached us (UTF-8 read as cp1252,
    /// "Nguyá»…n"; TCVN3 or VNI bytes read as Latin-1, "Uû ban nh©n d©n") is repaired
    /// first ([`decode::repair`]); spans still point into `input`, and
    /// `input.encoding` names the repair.
    pub fn parse(&self, input: &str) -> Document {
        self.parse_decoded(input, None)
    }

    /// Parse `input` (as given, or as `decoded` from the caller's `bytes` bytes) within
    /// the size limit, repaired when it had been mis-decoded.
    fn parse_decoded(&self, input: &str, decoded: Option<(&decode::Decoded, usize)>) -> Document {
        let (input, cut) = if input.len() > self.max_input_bytes {
            (&input[..spelling::offset_map::floor_boundary(input, self.max_input_bytes)], true)
        } else {
            (input, false)
        };
        let repaired = if may_need_repair(input) { decode::repair(input) } else { None };
        let source = assemble::Source {
            bytes: decoded.map_or(input.len(), |(_, bytes)| bytes),
            decoded: decoded.map(|(d, _)| d),
            repaired: repaired.as_ref(),
            cut_at: cut.then_some(self.max_input_bytes),
        };
        self.parse_text(repaired.as_ref().map_or(input, |r| &r.text), &source)
    }

    /// Run the pipeline on `input` (repaired and within the size limit already); `source`
    /// says how it was made from the caller's input.
    fn parse_text(&self, input: &str, source: &assemble::Source<'_>) -> Document {
        let mut norm = normalize::normalize(input, &self.norm);
        // Repair and normalization may lengthen a text a little: offsets must stay 32-bit.
        let cut = norm.truncate(lexicon::MAX_TEXT_BYTES);
        // The column gaps of the input: read by the line joiner and the person recognizer.
        let gaps = norm.column_gaps(input);
        let mut key = key::key(&norm.text);
        // Hard-wrapped lines joined into their sentences (byte for byte: offsets stay), in
        // the text and its key alike.
        let breaks = layout::unwrap_lines(&norm.text, &key, &self.lexicon, &gaps);
        if !breaks.is_empty() {
            layout::join_lines(norm.text.to_mut(), &breaks);
            layout::join_lines(&mut key, &breaks);
        }
        // Text typed without diacritics ("Pho Chu tich UBND"): match the accent-free lexicon.
        let ascii = recognize::script::lacks_diacritics(&norm.text, &self.lexicon);
        let mut scan = self.lexicon.scan(&norm.text, &key, ascii);
        // Kept to the end of the parse: without the room they grew into.
        scan.person.shrink_to_fit();
        scan.org.shrink_to_fit();
        scan.cues.shrink_to_fit();
        let layout = layout::layout(&norm.text, &key, &self.lexicon, &scan);
        let mentions = recognize::recognize(&norm.text, &key, &gaps, &layout, &self.lexicon, &scan, &self.recognizers);
        drop(gaps);
        let formal = recognize::formal::recognize(&recognize::formal::FormalText {
            input,
            norm: &norm,
            text: &norm.text,
            key: &key,
            layout: &layout,
            lex: &self.lexicon,
            ascii: scan.ascii,
        });
        // The person-side matches and the word bits have been read (layout, people,
        // dates); assembly does not need them.
        scan.person = Vec::new();
        scan.words = Default::default();
        let stages = assemble::Stages {
            norm: &norm,
            key: &key,
            layout: &layout,
            scan: &scan,
            lex: &self.lexicon,
            mentions: &mentions,
            text_cut: cut,
            source,
        };
        assemble::assemble(&stages, formal, &self.asm)
    }

    /// Parse bytes in any encoding Vietnamese text arrives in: UTF-8 (with or without
    /// a byte-order mark), UTF-16 with a BOM, TCVN3 (ABC), VNI, VIQR or Windows-1258,
    /// detected by [`decode::decode`]. Spans are byte offsets into `bytes` as given;
    /// `input.encoding` names the encoding found.
    ///
    /// Bytes that are UTF-8 but for a few broken ones are refused with the offset of
    /// the first; binary data (an executable, image, archive or PDF) is refused as
    /// [`Error::Binary`] before any encoding is tried; bytes that no encoding reads as
    /// Vietnamese, or several read equally well, are refused naming the candidates
    /// ([`Error::UnknownEncoding`], [`Error::AmbiguousEncoding`]).
    ///
    /// ```
    /// // "Uỷ ban nhân dân huyện" in TCVN3 (ABC).
    /// let bytes = vanban::decode::encode_tcvn3("Đồng chí Nguyễn Văn An - Chủ tịch Uỷ ban nhân dân huyện phát biểu.");
    /// let doc = vanban::parse_bytes(&bytes).unwrap();
    /// assert_eq!(doc.input.encoding, "tcvn3");
    /// assert_eq!(doc.people[0].name, "Nguyễn Văn An");
    /// ```
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Document, Error> {
        if bytes.len() > self.max_input_bytes {
            return Err(Error::TooLarge { size: bytes.len(), limit: self.max_input_bytes });
        }
        let decoded = decode::decode(bytes)?;
        // Control characters in quantity mean binary data, whatever decoded it.
        let (chars, controls) = control_chars(&decoded.text, 1 << 16);
        if controls * 20 > chars {
            return Err(Error::Binary { signature: None, control_bytes: controls, sampled: chars });
        }
        let doc = self.parse_decoded(&decoded.text, Some((&decoded, bytes.len())));
        Ok(doc)
    }
}

/// (characters, control characters but tab, line feed, carriage return and form feed)
/// among the first `limit` characters of `text`: read byte by byte (a character starts
/// at every byte but a continuation byte; the controls are C0, DEL and C1, U+0080 to
/// U+009F, which UTF-8 writes as 0xC2 0x80 to 0xC2 0x9F), eight bytes at a time where
/// no more than `limit` characters can be.
fn control_chars(text: &str, limit: usize) -> (usize, usize) {
    let b = text.as_bytes();
    // A control character starts at byte `j` (a continuation byte never matches).
    let control_at = |j: usize| match b[j] {
        x @ 0x00..=0x1F => !matches!(x, b'\t' | b'\n' | b'\r' | 0x0C),
        0x7F => true,
        0xC2 => matches!(b.get(j + 1), Some(0x80..=0x9F)),
        _ => false,
    };
    if b.len() > limit {
        let (mut chars, mut controls) = (0usize, 0usize);
        for (j, &x) in b.iter().enumerate() {
            if x & 0xC0 == 0x80 {
                continue;
            }
            if chars == limit {
                break;
            }
            chars += 1;
            controls += usize::from(control_at(j));
        }
        return (chars, controls);
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte equal to `byte` in the word (exact as a whole: no false negative).
    let has = |v: u64, byte: u64| {
        let x = v ^ (ONES * byte);
        x.wrapping_sub(ONES) & !x & HIGH != 0
    };
    let (mut continuation, mut controls, mut j) = (0usize, 0usize, 0usize);
    for w in b.chunks_exact(8) {
        let v = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // 10xxxxxx: bit 7 set, bit 6 clear.
        continuation += (v & HIGH & !((v << 1) & HIGH)).count_ones() as usize;
        if v.wrapping_sub(ONES * 0x20) & !v & HIGH != 0 || has(v, 0x7F) || has(v, 0xC2) {
            controls += (j..j + 8).filter(|&k| control_at(k)).count();
        }
        j += 8;
    }
    for (k, &x) in b.iter().enumerate().skip(j) {
        continuation += usize::from(x & 0xC0 == 0x80);
        controls += usize::from(control_at(k));
    }
    (b.len() - continuation, controls)
}

/// A cheap look for the marks of mis-decoded text, before the costlier
/// [`decode::repair`]: Latin-1 characters Vietnamese never uses ("Ä", "Æ", "©", "ø"),
/// C1 controls, or "á»"/"áº" (UTF-8 read as cp1252).
fn may_need_repair(text: &str) -> bool {
    let b = text.as_bytes();
    // Only at a 0xC2 or 0xC3 byte (U+0080..U+00FF): found by SIMD byte search.
    memchr::memchr2_iter(0xC2, 0xC3, b).any(|i| b.get(i + 1).is_some_and(|&x| suspicious_pair(b, i, b[i], x)))
}

/// Is the pair `lead`, `x` at byte `i` of `b` a mark of mis-decoded text (see
/// [`may_need_repair`])?
fn suspicious_pair(b: &[u8], i: usize, lead: u8, x: u8) -> bool {
    match [lead, x] {
        [0xC2, x] => {
            matches!(x, 0x80..=0x9F | 0xA4 | 0xA6..=0xAA | 0xAC | 0xAE | 0xAF | 0xB5 | 0xB6 | 0xB8..=0xBA | 0xBC | 0xBE | 0xBF)
        }
        // Ã itself, and the letters of Latin-1 that are not Vietnamese.
        [0xC3, x] => {
            matches!(x, 0x83 | 0x84..=0x87 | 0x8B | 0x8E | 0x8F | 0x91 | 0x96 | 0x98 | 0x9B | 0x9C | 0x9E | 0x9F)
                || matches!(x, 0xA4..=0xA7 | 0xAB | 0xAE | 0xAF | 0xB1 | 0xB6 | 0xB8 | 0xBB | 0xBC | 0xBE | 0xBF)
                || x == 0xA1 && matches!(b.get(i + 2..i + 4), Some([0xC2, 0xBA | 0xBB]))
        }
        _ => false,
    }
}

/// The key vanban matches on, for comparing names and roles as vanban does: the text
/// normalized ([`normalize::normalize`] with default options), then lower-cased, with the
/// new tone placement and `Ð` read as `đ`. Two spellings of one name have one key.
///
/// ```
/// assert_eq!(vanban::matching_key("Hoàng Thế HOÀ"), vanban::matching_key("hoàng thế hòa"));
/// assert_eq!(vanban::matching_key("Ủy ban"), vanban::matching_key("Uỷ ban"));
/// ```
pub fn matching_key(text: &str) -> String {
    key::key(&normalize::normalize(text, &normalize::NormalizeOptions::default()).text)
}

/// The default [`Parser`] of [`parse`] and [`parse_bytes`]: built on the first call (that
/// compiles the lexicon, some tens of milliseconds) and shared, read-only, by every later
/// call on any thread.
static DEFAULT_PARSER: LazyLock<Parser> = LazyLock::new(Parser::default);

/// Parse text with the default [`Parser`]. Total: never panics, always returns.
///
/// The default parser is built once, on the first call, and shared by every call after
/// it (on any thread), so calling `parse` in a loop costs what a reused [`Parser`] does.
/// Build your own [`Parser`] for other options (a reference date, a tone style, a
/// custom lexicon, a size limit).
///
/// ```
/// for text in ["Sáng 8/7/2024, UBND xã họp.", "Chiều 9/7/2024, Huyện ủy tổ chức hội nghị."] {
///     assert!(vanban::parse(text).meeting.is_some());
/// }
/// ```
pub fn parse(input: &str) -> Document {
    DEFAULT_PARSER.parse(input)
}

/// Parse bytes with the default [`Parser`] (built once, shared as for [`parse`]); see
/// [`Parser::parse_bytes`].
///
/// ```
/// let doc = vanban::parse_bytes("\u{feff}Sáng 8/7/2024, UBND xã họp.".as_bytes()).unwrap();
/// assert!(doc.input.bom);
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    DEFAULT_PARSER.parse_bytes(bytes)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The byte search finds a suspicious pair exactly where a walk over every byte does.
        #[test]
        fn may_need_repair_agrees_with_a_byte_walk(s in "[a-z ÀÁÂÃÄÅÆÇÈÉÊàáâãäåæçèéêđ©ø»º\u{80}-\u{9f}\u{a0}-\u{bf}ạảốồ]{0,40}") {
            let b = s.as_bytes();
            let walk = (0..b.len().saturating_sub(1)).any(|i| super::suspicious_pair(b, i, b[i], b[i + 1]));
            proptest::prop_assert_eq!(super::may_need_repair(&s), walk);
        }
    }

    /// The byte count of control characters is the character count's.
    #[test]
    fn control_chars_as_chars() {
        let by_chars = |t: &str, limit: usize| {
            t.chars().take(limit).fold((0usize, 0usize), |(n, c), ch| {
                (n + 1, c + usize::from(ch.is_control() && !matches!(ch, '\t' | '\n' | '\r' | '\u{c}')))
            })
        };
        let long = "Ủy ban nhân dân\u{85} tỉnh\u{0}\u{7f}\n\u{a0}\t©x\u{9f}".repeat(9);
        for t in [
            "",
            "abc",
            "\0\u{1}\t\n\r\u{c}\u{1b}\u{7f}",
            "Ủy ban\u{80}\u{9f}\u{a0}Đ\u{85}",
            "ư\u{2028}\u{feff}x\u{1f}",
            &long,
            &long[3..],
        ] {
            for limit in [0, 1, 3, 6, 17, 100, 1 << 16] {
                assert_eq!(super::control_chars(t, limit), by_chars(t, limit), "{t:?} {limit}");
            }
        }
    }
}

/// The README's examples, run as doctests so they cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
