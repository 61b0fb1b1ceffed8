//! Recognizers: independent passes over the normalized text and its key, each
//! returning mentions with byte offsets into the normalized text.
//!
//! - [`person`]: people with honorifics, names and roles;
//! - [`date`]: dates, times of day, clock times, periods;
//! - [`list`]: enumerated lists;
//! - [`count`]: contribution counts;
//! - cue phrases and meeting kinds come straight from the lexicon ([`Cue`]).

pub mod count;
pub mod date;
pub mod list;
pub mod person;

use crate::layout::{BlockKind, Layout};
use crate::lexicon::{Lexicon, Scan};

/// A cue phrase ("chủ trì", "tham dự") or meeting kind ("sơ kết") found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue<'l> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Cue or meeting-kind name from the lexicon (`chair`, `so_ket`).
    pub name: &'l str,
    /// True for meeting kinds.
    pub meeting: bool,
}

/// Everything the recognizers found, in normalized-text offsets.
#[derive(Clone, Debug, Default)]
pub struct Mentions<'l> {
    /// Person mentions with the index of their block.
    pub people: Vec<(usize, person::PersonMention)>,
    /// Cue phrases and meeting kinds, sorted.
    pub cues: Vec<Cue<'l>>,
    /// Dates and times.
    pub dates: Vec<date::DateMention>,
    /// Periods.
    pub periods: Vec<date::PeriodMention>,
    /// Enumerated lists.
    pub lists: Vec<list::EnumList>,
    /// Contribution counts.
    pub counts: Vec<count::CountMention>,
}

/// The compiled recognizers (built once per [`crate::Parser`]).
#[derive(Debug, Default)]
pub struct Recognizers {
    /// Dates and periods.
    pub dates: date::DateRecognizer,
    /// Lists.
    pub lists: list::ListRecognizer,
    /// Counts.
    pub counts: count::CountRecognizer,
}

/// Run every recognizer over the document.
pub fn recognize<'l>(
    text: &str,
    key: &str,
    layout: &Layout,
    lex: &'l Lexicon,
    scan: &Scan,
    r: &Recognizers,
) -> Mentions<'l> {
    let ctx = person::Ctx { text, key, lex, person: &scan.person, org: &scan.org, cues: &scan.cues, ascii: scan.ascii };
    let mut people = Vec::new();
    for (bi, b) in layout.blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::Metadata | BlockKind::Byline) {
            continue;
        }
        for p in person::find_people(&ctx, b.start, b.end) {
            people.push((bi, p));
        }
    }
    let mut cues = Vec::new();
    for m in &scan.cues {
        for c in lex.cue_entries(m) {
            cues.push(Cue { start: m.start, end: m.end, name: c.name.as_str(), meeting: c.meeting });
        }
    }
    Mentions {
        people,
        cues,
        dates: r.dates.dates(key),
        periods: r.dates.periods(key),
        lists: r.lists.lists(text, key),
        counts: r.counts.counts(key),
    }
}
