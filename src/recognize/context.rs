//! What the recognizers of whole-document facts (organizer, meeting kind, place,
//! footer, byline, topics, document kind) read, and assembly reads after them: the
//! normalized text and its key, the blocks, the lexicon's matches, and the sentences
//! of every block ([`Sentences`]).

use crate::layout::{BlockKind, Layout, for_each_sentence};
use crate::lexicon::{Lexicon, Scan};
use crate::recognize::Cue;

/// The sentences of every block, in order, as `(start, end, block index)` (`u32`: kept
/// through assembly, a sentence every hundred bytes; offsets fit, texts are at most
/// [`crate::lexicon::MAX_TEXT_BYTES`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentences(Vec<(u32, u32, u32)>);

impl Sentences {
    /// The sentences of the blocks of `layout`.
    pub fn new(text: &str, layout: &Layout) -> Sentences {
        // (About a sentence every hundred bytes: room for most texts at once.)
        let mut all = Vec::with_capacity(text.len() / 100 + 4);
        for (block, b) in layout.blocks.iter().enumerate() {
            for_each_sentence(text, b.start, b.end, |s, e| all.push((s as u32, e as u32, block as u32)));
        }
        all.shrink_to_fit();
        Sentences(all)
    }

    /// The sentence `(start, end, block index)` that holds `pos`.
    pub fn of(&self, pos: usize) -> Option<(usize, usize, usize)> {
        let i = self.0.partition_point(|s| s.1 as usize <= pos);
        self.0.get(i).map(|&(s, e, b)| (s as usize, e as usize, b as usize)).filter(|s| s.0 <= pos)
    }

    /// Where each sentence starts, in order.
    pub fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|s| s.0 as usize)
    }
}

/// The earlier stages' output a recognizer reads, with the questions it asks of it.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a, 'l> {
    /// Normalized text.
    pub text: &'a str,
    /// Its matching key (same byte offsets).
    pub key: &'a str,
    /// Blocks.
    pub layout: &'a Layout,
    /// Lexicon matches (organizations and cues).
    pub scan: &'a Scan,
    /// The lexicon.
    pub lex: &'l Lexicon,
    /// Sentences of every block.
    pub sentences: &'a Sentences,
}

impl<'a, 'l> Context<'a, 'l> {
    /// The kind of the block that holds `pos`.
    pub fn block_kind_at(&self, pos: usize) -> Option<BlockKind> {
        let i = self.layout.blocks.partition_point(|b| b.end <= pos);
        self.layout.blocks.get(i).filter(|b| b.start <= pos).map(|b| b.kind)
    }
    /// The sentence `(start, end, block index)` that holds `pos`.
    pub fn sentence_of(&self, pos: usize) -> Option<(usize, usize, usize)> {
        self.sentences.of(pos)
    }
    /// Every cue phrase and meeting kind, in order.
    pub fn cues(&self) -> impl Iterator<Item = Cue<'l>> + use<'a, 'l> {
        crate::recognize::cues(&self.scan.cues, self.lex)
    }
    /// The cues that start in `start..end`.
    pub fn cues_in(&self, start: usize, end: usize) -> impl Iterator<Item = Cue<'l>> + use<'a, 'l> {
        crate::recognize::cues_in(&self.scan.cues, self.lex, start, end)
    }
    /// True when `pos` is in the body: a paragraph or a caption.
    pub fn body(&self, pos: usize) -> bool {
        matches!(self.block_kind_at(pos), Some(BlockKind::Paragraph | BlockKind::Caption))
    }
    /// The first paragraph (the lead), if any.
    pub fn lead(&self) -> Option<&'a crate::layout::Block> {
        self.layout.blocks.iter().find(|b| b.kind == BlockKind::Paragraph)
    }
}

/// Test support: the mentions of a short composed text, run through the default
/// lexicon and recognizers (the text is taken as normalized).
#[cfg(test)]
pub(crate) fn mentions_of(text: &str) -> super::Mentions {
    let lex = Lexicon::default();
    let key = crate::key::key(text);
    let scan = lex.scan(text, &key, false);
    let layout = crate::layout::layout(text, &key, &lex, &scan);
    super::recognize(text, &key, &[], &layout, &lex, &scan, &super::Recognizers::default())
}
