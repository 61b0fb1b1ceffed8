//! Assemble: mentions to the typed [`Document`]. Nothing is searched for in the text
//! here: the recognizers ([`crate::recognize`]) found everything; assembly merges and
//! chooses among what they found.
//!
//! - [`people`]: one [`Person`] per individual (named mentions merged by name;
//!   role-only mentions attached to the one person who holds that role);
//! - [`meeting`]: the meeting's date, period, place, organizer and contributions;
//! - [`roles`]: chairs, attendees, groups and speeches, by cue phrases in the same sentence;
//! - [`tasks`]: the list that holds the meeting's conclusions or tasks, as a tree;
//! - this file: the title, captions, byline and footer, and the document.
//!
//! All offsets are turned into input offsets through the normalization map here, and
//! only here ([`Assembly::span`]).

pub(crate) mod formal;
mod meeting;
mod notes;
mod people;
mod roles;
mod source;
mod tasks;

use crate::layout::{BlockKind, Layout};
use crate::lexicon::{Lexicon, Scan};
use crate::model::*;
use crate::normalize::Normalized;
use crate::recognize::Mentions;
use crate::recognize::context::Context;
use crate::recognize::formal::FormalMentions;
use crate::recognize::publisher::Responsible;
use crate::span::Span;
pub use source::Source;
use std::ops::Deref;

/// Options that steer assembly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssembleOptions {
    /// Reference date (year, month, day) for year-less dates when the text gives no
    /// year: the meeting is taken to be on or before it.
    pub reference: Option<(i32, u8, u8)>,
}

/// The earlier stages' output, as [`assemble`] and [`formal::assemble_formal`] take it:
/// the normalized text with its map to the input, its key, the blocks, the lexicon's
/// matches, the recognizers' mentions, and what was done to the caller's input.
#[derive(Clone, Copy)]
pub struct Stages<'a, 'l> {
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
    /// Whether the normalized text was cut at [`crate::lexicon::MAX_TEXT_BYTES`].
    pub text_cut: bool,
    /// What was done to the caller's input before the pipeline ran on it.
    pub source: &'a Source<'a>,
}

/// An assembly in progress: what the recognizers read (through [`Deref`] to the
/// [`Context`]), their mentions, the map to input offsets and the diagnostics so far.
struct Assembly<'a, 'l> {
    /// Text, key, blocks, matches, sentences.
    cx: Context<'a, 'l>,
    /// Normalized text and its map to the input.
    norm: &'a Normalized<'a>,
    /// Recognizer output.
    mentions: &'a Mentions,
    /// Diagnostics, in the order they were raised.
    diagnostics: Vec<Diagnostic>,
}

impl<'a, 'l> Deref for Assembly<'a, 'l> {
    type Target = Context<'a, 'l>;
    fn deref(&self) -> &Context<'a, 'l> {
        &self.cx
    }
}

impl Assembly<'_, '_> {
    /// The input span of the normalized range `start..end`.
    fn span(&self, start: usize, end: usize) -> Span {
        self.norm.input_span(start, end)
    }
    /// The text of the normalized range `start..end` with its input span.
    fn text_of(&self, start: usize, end: usize) -> Text {
        Text { text: self.cx.text[start..end].to_string(), span: self.span(start, end) }
    }
    /// True when `pos` is in a headline that reads as the lead sentence of the article (a
    /// page whose headline is missing or glued to chrome): a day and month open a clause
    /// in it ("Sáng 25/10, … chủ trì hội nghị …").
    fn lead_in_title(&self, pos: usize) -> bool {
        let asm = self;
        let i = asm.layout.blocks.partition_point(|b| b.end <= pos);
        let Some(b) = asm.layout.blocks.get(i).filter(|b| b.start <= pos && b.kind == BlockKind::Title) else {
            return false;
        };
        asm.mentions.dates.iter().any(|d| {
            d.start >= b.start
                && d.end < pos
                && d.day.is_some()
                && d.month.is_some()
                && asm.text[d.end..b.end].trim_start().starts_with(',')
        })
    }
    /// [`Assembly::text_of`] of an optional range.
    fn text_at(&self, range: Option<(usize, usize)>) -> Option<Text> {
        range.map(|(s, e)| self.text_of(s, e))
    }
}

/// `s` with every run of white space made one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Build the document from the earlier stages' output and the formal parts the formal
/// recognizers found (`None` for a text without a formal header or tail).
pub fn assemble(stages: &Stages<'_, '_>, formal: Option<FormalMentions>, opts: &AssembleOptions) -> Document {
    let mut doc = assemble_mentions(stages, opts);
    formal::assemble_formal(stages, formal, &mut doc);
    notes::add_text_notes(stages, &mut doc);
    source::to_callers_input(stages.source, &mut doc);
    doc
}

/// The document of everything but the formal parts and the whole-text notes.
fn assemble_mentions(stages: &Stages<'_, '_>, opts: &AssembleOptions) -> Document {
    let Stages { norm, key, layout, scan, lex, mentions, source, .. } = *stages;
    let cx = Context { text: &norm.text, key, layout, scan, lex, sentences: &mentions.sentences };
    let mut asm = Assembly { cx, norm, mentions, diagnostics: Vec::new() };
    let (people, ids) = people::merge_people(&mut asm);
    let title = title(&asm);
    let captions = captions(&asm, &ids);
    let meeting = meeting::meeting(&mut asm, opts, &ids);
    let publisher = publisher(&asm, &ids);
    let author = asm.text_at(mentions.author);
    let published = mentions.published.map(|d| DocDate {
        year: Some(d.year),
        month: Some(d.month),
        day: Some(d.day),
        text: asm.cx.text[d.start..d.end].to_string(),
        span: asm.span(d.start, d.end),
    });
    Document {
        kind: mentions.document_kind,
        title,
        meeting,
        people,
        captions,
        author,
        published,
        publisher,
        header: None,
        signature: None,
        recipients: Vec::new(),
        references: Vec::new(),
        minutes: None,
        input: InputInfo {
            bytes: source.bytes,
            encoding: "utf-8".into(),
            encoding_confidence: 1.0,
            bom: false,
            normalized: !norm.is_identity(),
            // What was seen: false for a text without a letter with a diacritic (empty,
            // white space, ASCII only); notes.rs also sets it false for accent-free text.
            diacritics: mentions.script.diacritics,
        },
        diagnostics: asm.diagnostics,
    }
}

/// The headline: its blocks joined with single spaces (a headline broken over lines).
fn title(asm: &Assembly<'_, '_>) -> Option<Text> {
    let title_blocks: Vec<_> = asm.layout.blocks.iter().filter(|b| b.kind == BlockKind::Title).collect();
    let (first, last) = (title_blocks.first()?, title_blocks.last()?);
    Some(Text {
        text: title_blocks.iter().map(|b| squash(&asm.text[b.start..b.end])).collect::<Vec<_>>().join(" "),
        span: asm.span(first.start, last.end),
    })
}

/// The captions, each with the person of the first person mention in it.
fn captions(asm: &Assembly<'_, '_>, ids: &[Option<usize>]) -> Vec<Caption> {
    let mut captions = asm.layout.blocks.iter().filter(|b| b.kind == BlockKind::Caption).peekable();
    if captions.peek().is_none() {
        return Vec::new();
    }
    // The people by start (and index), so that each caption looks only at those that
    // start inside it: a scan of every person for every caption grew with the square
    // of a long document.
    let mut by_start: Vec<(usize, usize)> =
        asm.mentions.people.iter().enumerate().map(|(i, (_, p))| (p.start, i)).collect();
    by_start.sort_unstable();
    captions
        .map(|b| {
            // The first person in the list that starts inside the caption.
            let from = by_start.partition_point(|&(s, _)| s < b.start);
            let person =
                by_start[from..].iter().take_while(|&&(s, _)| s < b.end).map(|&(_, i)| i).min().and_then(|i| ids[i]);
            Caption { text: asm.text[b.start..b.end].to_string(), span: asm.span(b.start, b.end), person }
        })
        .collect()
}

/// The publisher from the footer, the responsible person linked to their person id.
fn publisher(asm: &Assembly<'_, '_>, ids: &[Option<usize>]) -> Option<Publisher> {
    let found = asm.mentions.publisher.as_ref()?;
    let mut p = Publisher {
        span: asm.span(found.start, found.end),
        agency: asm.text_at(found.agency),
        address: asm.text_at(found.address),
        phone: asm.text_at(found.phone),
        fax: asm.text_at(found.fax),
        email: asm.text_at(found.email),
        designer: asm.text_at(found.designer),
        ..Publisher::default()
    };
    for r in &found.responsible {
        match *r {
            Responsible::Person(mi) => {
                let (_, m) = &asm.mentions.people[mi];
                if let (Some((ns, ne)), Some(id)) = (m.name, ids[mi]) {
                    p.responsible = Some(asm.text_of(ns, ne));
                    p.responsible_person = Some(id);
                    if let Some(r) = m.roles.first() {
                        p.responsible_role = Some(asm.text_of(r.start, m.roles.last().map_or(r.end, |x| x.end)));
                    }
                }
            }
            Responsible::Written(value) => p.responsible = asm.text_at(value),
        }
    }
    Some(p)
}
