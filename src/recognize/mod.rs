//! Recognizers: independent passes over the normalized text and its key, each
//! returning mentions with byte offsets into the normalized text.
//!
//! - [`person`]: people with honorifics, names and roles;
//! - [`date`]: dates, times of day, clock times, periods;
//! - [`list`]: enumerated lists, and [`formal::tasks`]: what each of their items says as
//!   a task (its own text, the agency, partner and deadline);
//! - [`count`]: contribution counts, and [`topics`]: the topics listed after them;
//! - cue phrases and meeting kinds come straight from the lexicon's matches ([`cues`]).
//!
//! Then, reading those mentions, the recognizers of whole-document facts:
//! - [`organizer`]: the organizer and the meeting's name ("X tổ chức Hội nghị …");
//! - [`meeting_kind`]: the kind of meeting;
//! - [`location`]: the place named after each full date;
//! - [`attendance`]: the people and groups listed after each attending cue;
//! - [`publisher`]: the publisher's footer;
//! - [`published`]: the page's publish date (a timestamp line);
//! - [`byline`]: the author;
//! - [`document_kind`]: minutes, notice, plan or news report;
//! - [`formal`]: the header, signature, recipients, minutes fields and tasks of formal
//!   documents.
//!
//! They read the text through a [`context::Context`] (text, key, blocks, lexicon
//! matches and [`context::Sentences`]); the word helpers they share are in [`words`].

pub mod attendance;
pub mod byline;
pub mod context;
pub mod count;
pub mod date;
pub mod document_kind;
pub mod formal;
pub mod list;
pub mod location;
pub mod meeting_kind;
pub mod organizer;
pub mod person;
pub mod published;
pub mod publisher;
pub mod script;
pub mod task_list;
pub mod topics;
pub(crate) mod words;

use crate::layout::{BlockKind, Layout};
use crate::lexicon::{Lexicon, Match, Scan};
use crate::model::DocumentKind;
use context::{Context, Sentences};

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
    /// The lists that may hold tasks (the meeting's, a formal document's body).
    pub task_lists: task_list::TaskLists,
    /// What the items of the task lists say as tasks, when they say more than their text
    /// (in the order of `lists` and of their items).
    pub tasks: Vec<formal::tasks::ItemTask>,
    /// Contribution counts.
    pub counts: Vec<count::CountMention>,
    /// The topics listed after each count (in the order of `counts`).
    pub topics: Vec<Vec<(usize, usize)>>,
    /// The sentences of every block.
    pub sentences: Sentences,
    /// The organizer and meeting name of the organizing sentence.
    pub organizing: organizer::Organizing,
    /// The meeting kind (a meeting-kind name of the lexicon).
    pub meeting_kind: Option<String>,
    /// The places named after full dates.
    pub places: Vec<location::Place>,
    /// The people and groups listed after each attending cue of the body, in order.
    pub attendance: attendance::Attendance,
    /// The publisher's footer.
    pub publisher: Option<publisher::PublisherMention>,
    /// The author, from the byline.
    pub author: Option<(usize, usize)>,
    /// The page's publish date, from a timestamp line.
    pub published: Option<crate::layout::chrome::NumericDate>,
    /// The kind of document.
    pub document_kind: DocumentKind,
    /// How well the words with diacritics spell Vietnamese (scrambled marks score low).
    pub script: script::Script,
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
    /// The syllable statistics of the lexicon's words, for the scrambled-diacritics check.
    pub syllables: script::SyllableMemo,
}

impl Recognizers {
    /// The recognizers with the word lists of `lex`.
    pub fn new(lex: &Lexicon) -> Self {
        Recognizers {
            dates: date::DateRecognizer::with_lexicon(lex),
            lists: list::ListRecognizer::with_lexicon(lex),
            counts: count::CountRecognizer::with_lexicon(lex),
            syllables: script::SyllableMemo::new(lex),
        }
    }
}

/// `v` without the room it grew into (the lists are kept to the end of the parse).
fn fit<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// Run every recognizer over the document: first the mentions (lists, people, dates,
/// periods, counts), then the whole-document facts that read them.
///
/// `gaps`: the offsets of the spaces that stand for a column gap of the input
/// ([`crate::normalize::Normalized::column_gaps`]): a name does not run across one.
pub fn recognize(
    text: &str,
    key: &str,
    gaps: &[u32],
    layout: &Layout,
    lex: &Lexicon,
    scan: &Scan,
    r: &Recognizers,
) -> Mentions {
    // Lists first: the list recognizer's working lists (a line record every line) are
    // then not on top of the people found.
    let lists = fit(r.lists.lists(text, key));
    let people = people(text, key, gaps, layout, lex, scan);
    let (dates, periods) = r.dates.dates_and_periods(key, &scan.words);
    let (dates, periods, counts) = (fit(dates), fit(periods), fit(r.counts.counts(key)));
    let sentences = Sentences::new(text, layout);
    let cx = Context { text, key, layout, scan, lex, sentences: &sentences };
    let task_lists = task_list::task_lists(&cx, &lists);
    let tcx = formal::tasks::TaskCx { text, key, dates: &dates, periods: &periods, lex };
    let tasks = formal::tasks::tasks(&tcx, &lists, task_lists.indices());
    let organizing = organizer::organizing(&cx, &dates, &people);
    let meeting_kind = meeting_kind::meeting_kind(&cx, &dates, organizing.name);
    let places = location::places(&cx, &dates);
    let attendance = attendance::attendance(&cx, &people);
    let publisher = publisher::publisher(&cx, &people);
    let author = byline::author(&cx);
    let published = published::published(&cx);
    let topics = topics::topics(&cx, &counts);
    let document_kind = document_kind::document_kind(&cx);
    let script = script::toned_words(text, &r.syllables);
    Mentions {
        people,
        dates,
        periods,
        lists,
        task_lists,
        tasks,
        counts,
        topics,
        sentences,
        organizing,
        meeting_kind,
        places,
        attendance,
        publisher,
        author,
        published,
        document_kind,
        script,
    }
}

/// The people of every block but metadata and bylines, with their block index.
fn people(
    text: &str,
    key: &str,
    gaps: &[u32],
    layout: &Layout,
    lex: &Lexicon,
    scan: &Scan,
) -> Vec<(usize, person::PersonMention)> {
    let ctx = person::Ctx {
        text,
        key,
        gaps,
        lex,
        person: &scan.person,
        org: &scan.org,
        cues: &scan.cues,
        ascii: scan.ascii,
        words: &scan.words,
    };
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
    people
}
