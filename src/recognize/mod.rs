//! Recognizers: independent passes over the normalized text and its key, each
//! returning mentions with byte offsets into the normalized text.
//!
//! - [`person`]: people with honorifics, names and roles;
//! - [`date`]: dates, times of day, clock times, periods;
//! - [`list`]: enumerated lists;
//! - [`count`]: contribution counts;
//! - cue phrases and meeting kinds come straight from the lexicon's matches ([`cues`]).

pub mod count;
pub mod date;
pub mod list;
pub mod person;

use crate::layout::{BlockKind, Layout};
use crate::lexicon::{Lexicon, Match, Scan};

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

/// The cue phrases and meeting kinds of the cue matches `ms` (sorted by start), one per
/// lexicon entry a match stands for, in order.
///
/// Built on the fly from [`Scan::cues`] rather than kept as a list: a document has a
/// cue every few words, and a list of them beside the matches cost more than the text.
pub fn cues<'a, 'l>(ms: &'a [Match], lex: &'l Lexicon) -> impl Iterator<Item = Cue<'l>> + use<'a, 'l> {
    ms.iter().flat_map(move |m| {
        let (start, end) = (m.start(), m.end());
        lex.cue_entries(m).map(move |c| Cue { start, end, name: c.name.as_str(), meeting: c.meeting })
    })
}

/// The cues of [`cues`] that start in `start..end`.
pub fn cues_in<'a, 'l>(
    ms: &'a [Match],
    lex: &'l Lexicon,
    start: usize,
    end: usize,
) -> impl Iterator<Item = Cue<'l>> + use<'a, 'l> {
    let i = ms.partition_point(|m| m.start() < start);
    let j = i + ms[i..].partition_point(|m| m.start() < end);
    cues(&ms[i..j], lex)
}

/// Everything the recognizers found, in normalized-text offsets. (Cue phrases are read
/// from the lexicon's matches with [`cues`].)
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    /// Person mentions with the index of their block.
    pub people: Vec<(usize, person::PersonMention)>,
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

impl Recognizers {
    /// The recognizers with the word lists of `lex`.
    pub fn new(lex: &Lexicon) -> Self {
        Recognizers {
            dates: date::DateRecognizer::with_lexicon(lex),
            lists: list::ListRecognizer::with_lexicon(lex),
            counts: count::CountRecognizer::with_lexicon(lex),
        }
    }
}

/// `v` without the room it grew into (the lists are kept to the end of the parse).
fn fit<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// Run every recognizer over the document.
pub fn recognize(text: &str, key: &str, layout: &Layout, lex: &Lexicon, scan: &Scan, r: &Recognizers) -> Mentions {
    // Lists first: the list recognizer's working lists (a line record every line) are
    // then not on top of the people found.
    let lists = fit(r.lists.lists(text, key));
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
    people.shrink_to_fit();
    Mentions {
        people,
        dates: fit(r.dates.dates(key)),
        periods: fit(r.dates.periods(key)),
        lists,
        counts: fit(r.counts.counts(key)),
    }
}
