//! The formal recognizers: the header, the tail (signature and "Nơi nhận") and the
//! fields of minutes of a formal document, read from the blocks
//! [`crate::layout::formal::regions`] marked. Each is a function of the text, its key,
//! the layout and the lexicon, and returns [`FormalMentions`]: model parts with spans
//! in normalized-text offsets, the person ids left for
//! `assemble::formal` to fill. Also the document number ([`number`]) and the
//! fields of a task ([`tasks`]).
//!
//! Text arrives as converters emit it: two columns flattened into one line with runs
//! of spaces or tabs (pdftotext), `|` table cells (antiword), form feeds, rule lines.
//! Normalization folds the runs of spaces, so the columns are found again in the
//! caller's input through the normalization map ([`FormalText`]'s cells). The
//! vocabulary (motto, type headings and codes, prefixes, labels) is
//! `lexicon/data/formal.tsv`, read from [`FormalText::lex`] ([`FormalList`]).

mod header;
mod minutes;
pub mod number;
mod references;
mod signature;
pub mod tasks;

use crate::key;
use crate::layout::formal::{is_rule, is_upper, sign_prefix};

use crate::layout::{BlockKind, Layout};
use crate::lexicon::{FormalList, Lexicon};
use crate::model::*;
use crate::normalize::Normalized;
use crate::span::Span;

pub use minutes::MinutesMention;

/// What the formal recognizers found, spans in normalized-text offsets.
#[derive(Clone, Debug, Default)]
pub struct FormalMentions {
    /// The header, without its type heading (the assembled title).
    pub header: Option<Header>,
    /// The signature block, signers not yet linked to people.
    pub signature: Option<Signature>,
    /// The "Nơi nhận" lines.
    pub recipients: Vec<Recipient>,
    /// The documents the text cites ("Căn cứ Nghị định số …", "thực hiện Kết luận số …").
    pub references: Vec<Reference>,
    /// The names written in the tail, as squashed keys.
    pub tail_names: Vec<String>,
    /// The fields of minutes (read whatever the kind; assembly keeps them for minutes).
    pub minutes: MinutesMention,
}

/// The text of a formal document as its recognizers read it: the input, its
/// normalization (text and offset map), the key, the layout and the lexicon.
pub struct FormalText<'a> {
    /// The text the document was parsed from.
    pub input: &'a str,
    /// Its normalization, with the map back to `input`.
    pub norm: &'a Normalized<'a>,
    /// The normalized text.
    pub text: &'a str,
    /// Its key.
    pub key: &'a str,
    /// The blocks, with the header and tail regions marked.
    pub layout: &'a Layout,
    /// The lexicon (family names, the formal vocabulary).
    pub lex: &'a Lexicon,
    /// True when the text is matched without diacritics.
    pub ascii: bool,
}

/// Read the formal parts of a document: `None` unless the layout marked a header or a
/// tail.
pub fn recognize(ft: &FormalText<'_>) -> Option<FormalMentions> {
    let formal = ft.layout.blocks.iter().any(|b| matches!(b.kind, BlockKind::Header | BlockKind::Signature));
    if !formal {
        return None;
    }
    let (signature, recipients, tail_names) = signature::tail(ft);
    Some(FormalMentions {
        header: header::header(ft),
        signature,
        recipients,
        references: references::references(ft),
        tail_names,
        minutes: minutes::minutes(ft),
    })
}

/// A cell of a line: a column of a flattened two-column line, or a `|` table cell.
#[derive(Clone, Copy, Debug)]
struct Cell {
    start: usize,
    end: usize,
    /// Column in the input line (characters; a tab counts 8).
    col: usize,
}

impl FormalText<'_> {
    /// The span of `s..e`, in normalized-text offsets (an end before the start is
    /// the start: the input range [`crate::normalize::Normalized::to_input`] gives).
    fn span(&self, s: usize, e: usize) -> Span {
        Span::new(s, e.max(s))
    }
    /// A span of [`Self::span`] in input offsets (to compare positions as the input has them).
    fn input_span(&self, sp: Span) -> Span {
        self.norm.input_span(sp.start, sp.end)
    }
    /// The text `s..e` with its span.
    fn text_of(&self, s: usize, e: usize) -> Text {
        Text { text: self.text[s..e].to_string(), span: self.span(s, e) }
    }
    /// The key of `s..e`.
    fn key(&self, s: usize, e: usize) -> &str {
        &self.key[s..e]
    }
    /// Column of the normalized offset `s` in its input line.
    fn col(&self, s: usize) -> usize {
        let i = self.norm.to_input_start(s).min(self.input.len());
        let line_start = self.input[..i].rfind(['\n', '\r', '\u{c}']).map_or(0, |p| p + 1);
        self.input[line_start..i].chars().map(|c| if c == '\t' { 8 } else { 1 }).sum()
    }
    /// The cells of the normalized range `s..e`: split at `|` and at a space that stands
    /// for a tab or three or more spaces in the input; then at a motto or Party header
    /// that follows other text on the line.
    fn cells(&self, s: usize, e: usize) -> Vec<Cell> {
        let mut out = Vec::new();
        let mut from = s;
        let push = |out: &mut Vec<Cell>, a: usize, b: usize| {
            let seg = cell_core(&self.text[a..b]);
            let lead = seg.as_ptr() as usize - self.text[a..b].as_ptr() as usize;
            let t = seg;
            if !t.is_empty() {
                let a = a + lead;
                out.push(Cell { start: a, end: a + t.len(), col: 0 });
            }
        };
        for (i, c) in self.text[s..e].char_indices() {
            let i = s + i;
            let gap = match c {
                '|' => true,
                // "ngày        tháng 12", "Số:      /TB-UBND": blanks left to fill in.
                ' ' if held_open(self.key(from, i), self.key(i + 1, e)) => false,
                ' ' => {
                    let a = self.norm.to_input_start(i);
                    let b = self.norm.to_input_start(i + 1);
                    let raw = self.input.get(a..b).unwrap_or("");
                    raw.contains('\t') || raw.chars().filter(|c| c.is_whitespace()).count() >= 3
                }
                _ => false,
            };
            if gap {
                push(&mut out, from, i);
                from = i + 1;
            }
        }
        push(&mut out, from, e);
        // Flattened with single spaces: cut before the motto or the Party header.
        let mut split = Vec::new();
        for c in out {
            let k = self.key(c.start, c.end);
            let cut = [FormalList::Motto, FormalList::Party]
                .iter()
                .filter_map(|&cat| self.lex.formal_find(cat, k))
                .map(|(p, _)| p)
                .filter(|&p| p > 0)
                .min()
                // "… VIỆT NAM Độc lập - Tự do": the national name and motto are one cell.
                .filter(|&p| self.lex.formal_find(FormalList::Motto, &k[..p]).is_none_or(|(q, _)| q != 0));
            match cut {
                Some(p) => {
                    let left = self.text[c.start..c.start + p].trim_end();
                    split.push(Cell { start: c.start, end: c.start + left.len(), col: 0 });
                    split.push(Cell { start: c.start + p, end: c.end, col: 0 });
                }
                None => split.push(c),
            }
        }
        for c in &mut split {
            c.col = self.col(c.start);
        }
        split
    }
}

/// A cell without its edges: `|` and spaces, markdown emphasis ("*Nơi nhận:*", "*Hà
/// Nội, ngày … *"; not a bullet "* Sở …") and a trailing rule ("VĂN PHÒNG CHÍNH PHỦ
/// -------").
fn cell_core(seg: &str) -> &str {
    let mut t = seg.trim_matches([' ', '|']);
    loop {
        let before = t;
        if let Some(r) = t.strip_prefix('*').filter(|r| r.starts_with(|c: char| !c.is_whitespace() && c != '*')) {
            t = r;
        }
        t = t.trim_end_matches('*').trim_end();
        // A rule of three or more marks after the text.
        let body = t.trim_end_matches(['-', '_', '=', '*']);
        if t.len() - body.len() >= 3 && body.ends_with(' ') {
            t = body.trim_end();
        }
        t = t.trim_matches([' ', '|']);
        if t == before {
            return t;
        }
    }
}

/// A gap that is a blank to fill in, not a column: after "Số:", "ngày", "tháng".
fn held_open(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    ["số:", "số", "ngày", "tháng", "năm"].iter().any(|w| b.ends_with(w) && !b[..b.len() - w.len()].ends_with(|c: char| c.is_alphabetic()))
        || after.starts_with("tháng")
        || after.starts_with("năm")
        // "Số: 779     /QĐ-UBND", "Số      -QC/ĐU".
        || after.starts_with(['/', '-']) && (b.ends_with(|c: char| c.is_ascii_digit()) || b.ends_with("số") || b.ends_with("số:"))
}

/// A part joined from lines: start, end, and the range of each line.
type Lines = (usize, usize, Vec<(usize, usize)>);

/// `s` with its runs of white space folded to one space.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value of a field line, after its colon, without a closing "." or ";".
fn value_after_colon(ft: &FormalText<'_>, s: usize, e: usize) -> Text {
    let seg = &ft.text[s..e];
    let from = seg.find(':').map_or(s, |p| s + p + 1);
    let v = ft.text[from..e].trim().trim_end_matches(['.', ';']);
    let off = from + ft.text[from..e].find(v).unwrap_or(0);
    ft.text_of(off, off + v.len())
}

/// A name line: two to five capitalized words, the first a family name.
fn is_name(ft: &FormalText<'_>, s: usize, e: usize) -> bool {
    let t = &ft.text[s..e];
    let words: Vec<&str> = t.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || is_upper(t) {
        return false;
    }
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(|x| x.is_alphabetic() && x.is_lowercase())
    };
    words.iter().all(|w| cap(w)) && ft.lex.surname(&key::key(words[0]), ft.ascii).is_some()
}
