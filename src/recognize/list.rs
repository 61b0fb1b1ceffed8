//! Enumerated lists and their items.
//!
//! Vietnamese government texts enumerate their conclusions, decisions and tasks with a
//! small set of markers: Roman sections `I.`/`I-`/`I/`, numbered items
//! `1.`/`1-`/`1/`/`1)`/`(1)`, decimal sub-items `1.1.`, lettered points `a)`/`a.`/`a/`,
//! bullets `-`/`+`/`•`, and the ordinal words *Thứ nhất, Thứ hai, …* and *Một là, Hai
//! là, …*. [`ListRecognizer::lists`] finds such lists in a normalized text and returns
//! every item with its marker, its number, its text span and its place in the nesting.
//!
//! Two kinds of list are found:
//!
//! * **Block lists**: markers at the start of lines (after optional Markdown `#` heading
//!   marks or `*`/`**` emphasis). An item runs up to the next item of its list or of an
//!   outer list; the last item of a list ends with its line (plus wrapped lines that
//!   continue a sentence in lower case). A different marker style under an item opens a
//!   sub-list (`I.` → `1.` → `a)` → `-` → `+`, `1-` → `-` → `+`, `1.` → `1.1.`); a
//!   style already open at an outer level closes the inner ones. A sub-list opens only
//!   with a style that usually sits deeper (`-` then `1)` is a new list, not a sub-list),
//!   and only within two non-marker lines of its parent; bullets continue across at most
//!   three. A `Nơi nhận` line (distribution block) ends every open list. The first item
//!   may sit at the end of a line after a colon ("… bao gồm: *Thứ nhất* là …") when the
//!   next items start lines.
//! * **Inline lists**: markers inside one line, as scraped news glues them:
//!   `… sau: (1)Tăng cường …; (2) Đổi mới …, (3) …`. Markers must follow the line start,
//!   a space or `: ; , .` (`1.`, `1-`, ordinal words and ` - `/` + ` sub-items need a
//!   clause end before them); reference words ("Điều 1.", "điểm a)", "mục (2)") do not
//!   count. At least two markers in sequence are needed, sub-lists need two items too,
//!   and the separator before the next marker is not part of an item. A number glued
//!   to a plain word ("… nghiên cứu 2. Đạo đức") may continue an open list but never
//!   starts one.
//!
//! Numbered items must run in sequence (1, 2, 3 / a, b, c, with the Vietnamese `đ` and
//! without `f`, `j`, `w` accepted / I, II, III); a gap ends the list and a restart at 1
//! begins a new one. A list needs two top-level items; a list whose only top-level item
//! is a heading over a sub-list is replaced by that sub-list. Which list holds the tasks
//! is the caller's decision: the intro span
//! ([`EnumList::intro_start`]..[`EnumList::intro_end`]) is there to help it.
//!
//! The scan is linear: one pass over the lines, one regex pass for the ordinal words,
//! constant look-behind per candidate marker, and a nesting stack bounded by the number
//! of marker styles.

use std::ops::Range;

use crate::lexicon::{Lexicon, WordList};
use regex::Regex;
use serde::Serialize;

/// How the items of a list are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerStyle {
    /// `(1)`
    ParenNumber,
    /// `1)`
    NumberParen,
    /// `1.`
    NumberDot,
    /// `1-` (Party documents)
    NumberDash,
    /// `1/`
    NumberSlash,
    /// `1.1.`, `1.2`, `1.1.1.`
    DecimalDot,
    /// `a)`
    LetterParen,
    /// `a.`
    LetterDot,
    /// `a/`
    LetterSlash,
    /// `I.`, `II.`
    RomanDot,
    /// `I-`
    RomanDash,
    /// `I/`
    RomanSlash,
    /// `-` (en and em dashes are folded to `-` by normalization)
    Dash,
    /// `+`
    Plus,
    /// `•`, `●`, `▪`, `*`, `✓` and the Symbol-font private-use bullets
    Bullet,
    /// `Thứ nhất`, `Thứ hai`, … `Thứ mười`
    OrdinalWord,
    /// `Một là`, `Hai là`, …
    CountWord,
}

impl MarkerStyle {
    fn is_bullet(self) -> bool {
        matches!(self, Self::Dash | Self::Plus | Self::Bullet)
    }

    fn is_letter(self) -> bool {
        matches!(self, Self::LetterParen | Self::LetterDot | Self::LetterSlash)
    }

    fn is_word(self) -> bool {
        matches!(self, Self::OrdinalWord | Self::CountWord)
    }
}

/// One item of an [`EnumList`]. All offsets are byte offsets into the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListItem {
    /// Start of the marker (see [`ListItem::marker`]).
    pub marker_start: usize,
    /// End of the marker.
    pub marker_end: usize,
    /// The item's number: 1 for `(1)`, `1.`, `a)`, `I.`, `Thứ nhất`, `Một là`; the last
    /// component for `1.2.`; `None` for bullets.
    pub number: Option<u32>,
    /// Start of the item text: after the marker and after a following `,`/`:`/space.
    /// A linking "là" after an ordinal word is kept.
    pub start: usize,
    /// End of the item text (trimmed): up to the next item at the same or an outer level;
    /// the last item of a list ends with its line (block lists) or before the marker that
    /// ended the list, else at the end of its line (inline lists). A parent's span covers
    /// its sub-items. For inline items the separator (`;` `,` `.`) before the next marker
    /// is excluded.
    pub end: usize,
    /// Nesting depth: 0 for the top level of the list, 1 for its sub-items, …
    pub level: u8,
    /// Index in [`EnumList::items`] of the enclosing item.
    pub parent: Option<usize>,
}

impl ListItem {
    /// The marker as written in `text` (the text the list was found in), without
    /// Markdown emphasis: `"(1)"`, `"1."`, `"a)"`, `"-"`, `"Thứ nhất"`, `"Một là"`. Not
    /// kept as a string of its own: a document has thousands of items.
    pub fn marker<'t>(&self, text: &'t str) -> &'t str {
        &text[self.marker_start..self.marker_end]
    }
}

/// An enumerated list. All offsets are byte offsets into the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnumList {
    /// Style of the top-level items.
    pub style: MarkerStyle,
    /// `true` when the items sit inside one line (paragraph) of running text.
    pub inline: bool,
    /// Start of the text that introduces the list: for an inline list (or a list whose
    /// first item starts inside a line) the sentence or clause before the first marker in
    /// the same line; otherwise, or when that is empty, the preceding non-empty line.
    pub intro_start: usize,
    /// End of the intro (trimmed). Equal to `intro_start` when there is none.
    pub intro_end: usize,
    /// Start of the first marker.
    pub start: usize,
    /// End of the last item.
    pub end: usize,
    /// Top-level and nested items, in text order.
    pub items: Vec<ListItem>,
}

/// Finds enumerated lists. Build it once ([`ListRecognizer::new`]) and share it: it is
/// immutable, `Send` and `Sync`.
#[derive(Clone, Debug)]
pub struct ListRecognizer {
    /// "thứ" and an ordinal word, matched on the key.
    ordinals: Regex,
    /// " là", after which a counting word is looked for back ([`ListRecognizer::counting_at`]):
    /// the words themselves ("hai", "ba", "năm") open half the words of a text, " là"
    /// few. ([`ListRecognizer::word_matches`] merges the two searches as the one pattern
    /// "thứ (ordinals)|(counting) là" would find them.)
    la: memchr::memmem::Finder<'static>,
    /// The word lists of lists.tsv.
    vocab: ListWords,
}

/// The words of lists.tsv the recognizer reads (see [`WordList`]).
#[derive(Clone, Debug)]
struct ListWords {
    /// Words that make a following `(1)`, `1)` or `a)` a reference rather than a marker.
    reference: Vec<String>,
    /// Nouns a number counts: a number after them is no marker.
    counted: Vec<String>,
    /// Ordinal words after "thứ", with their numbers.
    ordinal: Vec<(String, u32)>,
    /// Number words before "là", with their numbers.
    number: Vec<(String, u32)>,
}

impl ListWords {
    fn new(lex: &Lexicon) -> Self {
        let valued = |l: WordList| -> Vec<(String, u32)> {
            lex.word_list(l).entries().filter_map(|(w, v)| Some((w.to_string(), v.trim().parse().ok()?))).collect()
        };
        ListWords {
            reference: lex.word_list(WordList::ReferenceWord).forms().to_vec(),
            counted: lex.word_list(WordList::CountedWord).forms().to_vec(),
            ordinal: valued(WordList::OrdinalWord),
            number: valued(WordList::NumberWord),
        }
    }

    /// The pattern of the ordinal words after "thứ": "thứ nhất" (the words in table order,
    /// so a phrase listed before one it starts with is preferred).
    fn ordinal_pattern(&self) -> String {
        format!("thứ (?:{})", alternation(&self.ordinal))
    }

    /// The longest counting word, in bytes.
    fn longest_number(&self) -> usize {
        self.number.iter().map(|(w, _)| w.len()).max().unwrap_or(0)
    }
}

/// The words of `ws` as a regex alternation, in table order; a group that matches nothing
/// for an empty list.
fn alternation(ws: &[(String, u32)]) -> String {
    let alts: Vec<String> = ws.iter().map(|(w, _)| regex::escape(w)).collect();
    if alts.is_empty() { super::count::NEVER.to_string() } else { alts.join("|") }
}

impl Default for ListRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

/// How deep the salvage of a one-item list may recurse (bounded anyway by the number of
/// distinct marker styles).
const GUARD: u8 = 40;
/// Non-marker lines allowed between a bullet and the next bullet of the same list.
const BULLET_GAP: u32 = 3;
/// Non-marker lines allowed between an item and the first item of its sub-list.
const NEST_GAP: u32 = 2;
/// Lines of a wrapped paragraph that may follow the last item's line.
const WRAP_LINES: usize = 64;
/// Bullet characters (besides `-`, `+` and `* `).
const BULLETS: &[char] = &[
    '•', '●', '▪', '✓', '✔', '◦', '■', '►', '➢', '➤', '○', '❖', '·', '\u{F0B7}', '\u{F02D}', '\u{F0A7}', '\u{F076}',
    '\u{F0D8}', '\u{F0FC}', '\u{F0A8}',
];
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Inline,
    Block,
}

/// A candidate marker.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    style: MarkerStyle,
    /// Refines the style for nesting: decimal depth, bullet character.
    sub: u32,
    /// Number; the letter for lettered styles; 0 for bullets.
    val: u32,
    /// Leading components of a decimal marker.
    prefix: u32,
    /// Start including leading Markdown emphasis.
    outer_start: usize,
    /// Where the marker itself starts ("(1)", "a)", "-").
    marker_start: usize,
    /// One past the marker's last byte.
    marker_end: usize,
    /// Where the item text starts.
    text_start: usize,
    line: usize,
    /// Non-empty non-marker lines since the previous line with a block marker.
    gap: u32,
    at_line_start: bool,
    /// An inline number after a plain word ("… nghiên cứu 2. Đạo đức …"): it may only
    /// continue an open list, never start or nest one.
    weak: bool,
}

impl Candidate {
    fn is_start(&self) -> bool {
        if self.style.is_bullet() {
            true
        } else if self.style.is_letter() {
            self.val == 'a' as u32
        } else {
            self.val == 1
        }
    }
}

/// An open nesting level.
#[derive(Clone, Copy)]
struct Level {
    style: MarkerStyle,
    sub: u32,
    val: u32,
    prefix: u32,
    num: u32,
    node: usize,
}

/// An item under construction.
#[derive(Clone, Copy, Debug)]
struct Node {
    candidate_index: usize,
    level: u8,
    parent: Option<usize>,
    num: Option<u32>,
}

#[derive(Clone, Copy)]
struct Line {
    content_start: usize,
    text_end: usize,
    /// Index of the previous non-empty line, or `usize::MAX`.
    prev: usize,
}

const NONE: usize = usize::MAX;

enum Act {
    Continue(usize),
    Restart(usize),
    Drop(usize),
    Nest(usize),
    Flush,
    Skip,
}

impl ListRecognizer {
    /// Compile the recognizer with the crate's word lists.
    #[must_use]
    pub fn new() -> Self {
        Self::with_lexicon(crate::lexicon::bundled())
    }

    /// Compile the recognizer with the word lists of `lex` (lists.tsv: reference words,
    /// counted nouns, ordinal and counting words).
    #[must_use]
    pub fn with_lexicon(lex: &Lexicon) -> Self {
        let vocab = ListWords::new(lex);
        // Escaped words in a fixed frame: always a valid pattern.
        let ordinals =
            Regex::new(&vocab.ordinal_pattern()).unwrap_or_else(|_| Regex::new(super::count::NEVER).expect("valid"));
        Self { ordinals, la: memchr::memmem::Finder::new(" là").into_owned(), vocab }
    }

    /// The first match of "(counting words) là" in `key` that starts at or after `pos`, as
    /// the regex would find it: the leftmost start, and there the first counting word (in
    /// table order) followed by " là". Each " là" is looked back from; the search ends
    /// once a " là" lies too far after the best start for any word to reach back to it.
    fn counting_at(&self, key: &str, pos: usize) -> Option<(usize, usize)> {
        let kb = key.as_bytes();
        let longest = self.vocab.longest_number();
        let mut best: Option<usize> = None;
        for h in self.la.find_iter(kb.get(pos..)?).map(|h| pos + h) {
            if best.is_some_and(|b| h > b + longest) {
                break;
            }
            for (w, _) in &self.vocab.number {
                if let Some(s) = h.checked_sub(w.len()).filter(|&s| s >= pos) {
                    if best.is_none_or(|b| s < b) && kb[s..h] == *w.as_bytes() {
                        best = Some(s);
                    }
                }
            }
        }
        let s = best?;
        // At that start, the first word in table order that " là" follows.
        let w = self
            .vocab
            .number
            .iter()
            .map(|(w, _)| w.as_bytes())
            .find(|w| kb[s..].starts_with(w) && kb[s + w.len()..].starts_with(" là".as_bytes()))?;
        Some((s, s + w.len() + " là".len()))
    }

    /// The ordinal and counting words of `key` as the one pattern "ordinals|counting"
    /// would find them: left to right, not overlapping, at a start where both match the
    /// ordinal one. Each pattern's next match is looked for again only when an earlier
    /// match went past its start.
    fn word_matches<'k>(&'k self, key: &'k str) -> impl Iterator<Item = (usize, usize)> + 'k {
        let mut pos = 0;
        let ordinal_at = |pos: usize| self.ordinals.find_at(key, pos).map(|m| (m.start(), m.end()));
        let (mut ord, mut count) = (ordinal_at(0), self.counting_at(key, 0));
        std::iter::from_fn(move || {
            if ord.is_some_and(|m| m.0 < pos) {
                ord = ordinal_at(pos);
            }
            if count.is_some_and(|m| m.0 < pos) {
                count = self.counting_at(key, pos);
            }
            let m = match (ord, count) {
                (Some(o), Some(c)) if c.0 < o.0 => c,
                (Some(o), _) => o,
                (None, c) => c?,
            };
            // (Neither pattern matches the empty string; were one to, the walk would still
            // move on, by a character.)
            pos = if m.1 > m.0 { m.1 } else { m.1 + key[m.1..].chars().next().map_or(1, char::len_utf8) };
            Some(m)
        })
    }

    /// Find the enumerated lists of `text`, in text order.
    ///
    /// `key` is `text` lower-cased with tone placement folded: the same byte length and
    /// the same char boundaries (if its length differs, `text` is used instead).
    #[must_use]
    pub fn lists(&self, text: &str, key: &str) -> Vec<EnumList> {
        let owned;
        let key = if key.len() == text.len() {
            key
        } else {
            owned = simple_key(text);
            owned.as_str()
        };
        let b = text.as_bytes();
        let kb = key.as_bytes();

        let mut words: Vec<Candidate> = Vec::new();
        for (ms, me) in self.word_matches(key) {
            if let Some(c) = word_candidate(&self.vocab, text, kb, ms, me) {
                words.push(c);
            }
        }

        let mut w = Work::default();
        let mut segs: Vec<Range<usize>> = Vec::new();
        let mut seg_start = 0;
        let mut prev = NONE;
        let mut wi = 0;
        let mut pos = 0;
        loop {
            let line_end = memchr::memchr(b'\n', &b[pos..]).map_or(text.len(), |k| pos + k);
            let mut content_start = pos;
            while content_start < line_end && is_sp(b[content_start]) {
                content_start += 1;
            }
            let mut text_end = line_end;
            while text_end > content_start && is_sp(b[text_end - 1]) {
                text_end -= 1;
            }
            let li = w.lines.len();
            w.lines.push(Line { content_start, text_end, prev });
            let w0 = wi;
            while wi < words.len() && words[wi].marker_start < line_end {
                words[wi].line = li;
                words[wi].at_line_start = words[wi].outer_start == content_start;
                wi += 1;
            }
            if content_start < text_end {
                prev = li;
                if is_terminator(kb, content_start, text_end) {
                    segs.push(seg_start..w.block.len());
                    seg_start = w.block.len();
                    w.gap = 0;
                } else {
                    self.read_line(text, kb, li, &words[w0..wi], &mut w);
                }
            }
            if line_end >= text.len() {
                break;
            }
            pos = line_end + 1;
        }
        segs.push(seg_start..w.block.len());

        let Work { mut out, lines, mut block, mut found, .. } = w;
        ocr_roman_one(text, &lines, &mut block);
        for seg in segs {
            found.clear();
            build(&block, seg, None, Mode::Block, GUARD, &mut found);
            for list in &found {
                out.push(block_list(text, &block, &list.nodes, &lines));
            }
        }
        out.sort_by_key(|l| l.start);
        out
    }

    /// One line `li` that is no terminator, with the ordinal and counting words `lw` on
    /// it: its inline lists go to `w.out`, its block candidates to `w.block`.
    fn read_line(&self, text: &str, kb: &[u8], li: usize, lw: &[Candidate], w: &mut Work) {
        let b = text.as_bytes();
        let line = w.lines[li];
        let (content_start, text_end) = (line.content_start, line.text_end);
        w.inline_candidates.clear();
        scan_inline(&self.vocab, text, kb, content_start, text_end, li, &mut w.inline_candidates);
        for c in lw {
            if c.at_line_start || before_strict(b, content_start, c.outer_start) {
                w.inline_candidates.push(*c);
            }
        }
        w.inline_candidates.sort_by_key(|c| c.marker_start);
        let bc = parse_block(text, line, li, lw);
        w.found.clear();
        if w.inline_candidates.len() >= 2 {
            build(&w.inline_candidates, 0..w.inline_candidates.len(), None, Mode::Inline, GUARD, &mut w.found);
        }
        let mut drop_block = false;
        for (k, list) in w.found.iter().enumerate() {
            let ns = &list.nodes;
            let first = &w.inline_candidates[ns[0].candidate_index];
            if first.outer_start == content_start {
                drop_block = true;
            }
            let lo = if k == 0 {
                content_start
            } else {
                w.inline_candidates[w.found[k - 1].nodes[0].candidate_index].outer_start
            };
            // The last item ends before the marker that ended the list.
            let hi = list.stop.map_or(text_end, |s| cut_sep(b, w.inline_candidates[s].outer_start, content_start));
            w.out.push(inline_list(text, &w.inline_candidates, ns, lo, hi, &w.lines));
        }
        let mut n_here = 0u32;
        if let Some(mut c) = bc.filter(|_| !drop_block) {
            c.gap = w.gap;
            w.block.push(c);
            n_here += 1;
        }
        if w.found.is_empty() {
            let tail = w.inline_candidates.iter().rev().find(|c| {
                !c.at_line_start
                    && !c.style.is_bullet()
                    && c.is_start()
                    && (c.style.is_word() || after_colon(b, content_start, c.outer_start))
            });
            if let Some(t) = tail {
                let mut c = *t;
                c.gap = if n_here > 0 { 0 } else { w.gap };
                w.block.push(c);
                n_here += 1;
            }
        }
        w.gap = if n_here > 0 {
            0
        } else if wraps_or_page_number(text, &w.lines, li) {
            w.gap
        } else {
            w.gap.saturating_add(1)
        };
    }
}

/// OCR reads the Roman "I-" of a section heading as "1-" ("1- MỤC ĐÍCH, YÊU CẦU" …
/// "II- NHIỆM VỤ"): a block marker "1-" (or "1.") at a line's start over a heading in
/// capitals, whose next marker of that kind (number or Roman, same separator) is the
/// Roman "II", is the Roman "I".
fn ocr_roman_one(text: &str, lines: &[Line], block: &mut [Candidate]) {
    use MarkerStyle as S;
    let b = text.as_bytes();
    for i in 0..block.len() {
        let c = block[i];
        let roman = match c.style {
            S::NumberDash => S::RomanDash,
            S::NumberDot => S::RomanDot,
            _ => continue,
        };
        if c.val != 1 || !c.at_line_start || c.marker_end != c.marker_start + 2 || b[c.marker_start] != b'1' {
            continue;
        }
        let Some(line) = lines.get(c.line) else { continue };
        let heading = text.get(c.text_start..line.text_end).unwrap_or("");
        let mut letters = heading.chars().filter(|ch| ch.is_alphabetic()).peekable();
        if letters.peek().is_none() || !letters.all(char::is_uppercase) {
            continue;
        }
        let next = block[i + 1..].iter().find(|d| d.at_line_start && (d.style == c.style || d.style == roman));
        if next.is_some_and(|d| d.style == roman && d.val == 2) {
            block[i].style = roman;
        }
    }
}

/// Is line `li` no line of its own for the gaps of a list: a line that a converter
/// wrapped (the line right above it ends no sentence: pdftotext's columns), or a page
/// number between two parts of a sentence?
fn wraps_or_page_number(text: &str, lines: &[Line], li: usize) -> bool {
    let line = lines[li];
    let own = &text[line.content_start..line.text_end];
    if own.len() <= 3 && own.bytes().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let Some(prev) = li.checked_sub(1).filter(|&p| lines[li].prev == p) else { return false };
    let above = text[lines[prev].content_start..lines[prev].text_end].trim_end();
    !above.is_empty() && !above.ends_with(['.', ':', ';', '!', '?', '"', '”', ')'])
}

/// The working lists of [`ListRecognizer::lists`].
#[derive(Default)]
struct Work {
    /// The lists found.
    out: Vec<EnumList>,
    /// Every line so far.
    lines: Vec<Line>,
    /// Block-marker candidates, in text order.
    block: Vec<Candidate>,
    /// Non-marker lines since the last block candidate.
    gap: u32,
    /// The inline candidates of the current line (reused).
    inline_candidates: Vec<Candidate>,
    /// Lists built from candidates (reused).
    found: Vec<Built>,
}

/// A lower-cased copy of `text` with the same byte length (used when no key is given).
fn simple_key(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            }
        })
        .collect()
}

/// The word after `p` (past spaces) is a number word: "một là một, hai là hai".
fn number_word_follows(numbers: &[(String, u32)], kb: &[u8], mut p: usize) -> bool {
    while p < kb.len() && kb[p] == b' ' {
        p += 1;
    }
    let rest = &kb[p..];
    numbers.iter().any(|(w, _)| {
        rest.starts_with(w.as_bytes()) && rest.get(w.len()).is_none_or(|&c| c.is_ascii() && !c.is_ascii_alphanumeric())
    })
}

/// The word at `p` (up to a space) contains a slash: "1-TB/HU" is a document number.
fn word_has_slash(b: &[u8], p: usize, e: usize) -> bool {
    b[p..e].iter().take_while(|&&c| !is_sp(c)).take(24).any(|&c| c == b'/')
}

#[inline]
fn is_sp(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r')
}

#[inline]
fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Move `pos` back over white space, not below `lo`.
fn trim_back(b: &[u8], mut pos: usize, lo: usize) -> usize {
    while pos > lo && is_ws(b[pos - 1]) {
        pos -= 1;
    }
    pos
}

/// End of an inline item before the marker at `pos`: white space and one separator out.
fn cut_sep(b: &[u8], pos: usize, lo: usize) -> usize {
    let mut e = trim_back(b, pos, lo);
    if e > lo && matches!(b[e - 1], b';' | b',' | b'.') {
        e = trim_back(b, e - 1, lo);
    }
    e
}

fn char_at(text: &str, p: usize) -> Option<char> {
    text.get(p..).and_then(|s| s.chars().next())
}

/// A list may not continue past the distribution block of a formal document.
fn is_terminator(kb: &[u8], content_start: usize, text_end: usize) -> bool {
    let mut p = content_start;
    while p < text_end && matches!(kb[p], b'*' | b'_') {
        p += 1;
    }
    kb[p..text_end].starts_with("nơi nhận".as_bytes())
}

/// Start of line, or white space after `: ; , . ! ?` (or after the start of line).
fn before_strict(b: &[u8], ls: usize, pos: usize) -> bool {
    if pos <= ls {
        return true;
    }
    if !is_sp(b[pos - 1]) {
        return false;
    }
    let mut q = pos - 1;
    while q > ls && is_sp(b[q - 1]) {
        q -= 1;
    }
    q == ls || matches!(b[q - 1], b':' | b';' | b',' | b'.' | b'!' | b'?')
}

/// Start of line, `: ; , .`, or a space not after a reference word ("Điều", "khoản", …).
fn before_loose(words: &ListWords, b: &[u8], kb: &[u8], ls: usize, pos: usize) -> bool {
    if pos <= ls {
        return true;
    }
    match b[pos - 1] {
        b':' | b';' | b',' | b'.' => true,
        b' ' | b'\t' => {
            let e = trim_back(b, pos, ls);
            let mut s = e;
            while s > ls && !is_ws(kb[s - 1]) && e - s <= 16 {
                s -= 1;
            }
            let w = &kb[s..e];
            !words.reference.iter().any(|r| r.as_bytes() == w)
        }
        _ => false,
    }
}

/// `pos` follows a space after a plain word: letters, not a reference or counting word.
fn after_plain_word(words: &ListWords, text: &str, kb: &[u8], ls: usize, pos: usize) -> bool {
    let b = text.as_bytes();
    if pos <= ls + 1 || b[pos - 1] != b' ' {
        return false;
    }
    let e = pos - 1;
    let mut s = e;
    while s > ls && !is_ws(kb[s - 1]) && e - s <= 16 {
        s -= 1;
    }
    let Some(w) = std::str::from_utf8(&kb[s..e]).ok() else {
        return false;
    };
    !w.is_empty()
        && w.chars().all(crate::spelling::is_alphabetic)
        && !words.reference.iter().any(|r| r == w)
        && !words.counted.iter().any(|r| r == w)
}

/// The marker at `pos` follows a colon (white space between).
fn after_colon(b: &[u8], ls: usize, pos: usize) -> bool {
    let q = trim_back(b, pos, ls);
    q > ls && b[q - 1] == b':'
}

/// An upper-case letter, or an opening quote or parenthesis, at `p`.
fn upper_at(text: &str, p: usize) -> bool {
    char_at(text, p).is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '('))
}

/// A letter, or an opening quote, parenthesis or emphasis, at `p`.
fn letter_at(text: &str, p: usize) -> bool {
    char_at(text, p).is_some_and(|c| crate::spelling::is_alphabetic(c) || matches!(c, '"' | '“' | '(' | '*'))
}

/// Parse 1 to `max` digits at `p` (a longer run is rejected).
fn digits(b: &[u8], p: usize, e: usize, max: usize) -> Option<(u32, usize)> {
    let mut q = p;
    let mut v = 0u32;
    while q < e && b[q].is_ascii_digit() {
        if q - p == max {
            return None;
        }
        v = v * 10 + u32::from(b[q] - b'0');
        q += 1;
    }
    (q > p).then_some((v, q))
}

/// Value of a canonical Roman numeral of I, V and X (1..=39).
fn roman(s: &[u8]) -> Option<u32> {
    const TENS: [&str; 4] = ["", "X", "XX", "XXX"];
    const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    (1..40u32).find(|&v| {
        let (t, o) = (TENS[(v / 10) as usize], ONES[(v % 10) as usize]);
        s.len() == t.len() + o.len() && s.starts_with(t.as_bytes()) && s.ends_with(o.as_bytes())
    })
}

/// `next` follows `prev` in a lettered list (Latin or Vietnamese alphabet).
fn letter_follows(prev: u32, next: u32) -> bool {
    const D: u32 = 'đ' as u32;
    let (a, z) = ('a' as u32, 'z' as u32);
    match (prev, next) {
        (p, D) => p == 'd' as u32,
        (D, n) => n == 'e' as u32,
        (p, n) if (a..=z).contains(&p) && (a..=z).contains(&n) => {
            n == p + 1
                || matches!(
                    (char::from_u32(p), char::from_u32(n)),
                    (Some('e'), Some('g')) | (Some('i'), Some('k')) | (Some('v'), Some('x'))
                )
        }
        _ => false,
    }
}

/// Skip the closing emphasis, spaces, and one `,`/`:` after a marker.
fn after_marker(b: &[u8], marker_end: usize, emph: Option<(u8, usize)>, lim: usize) -> usize {
    let mut p = marker_end;
    if let Some((ch, n)) = emph {
        if p + n <= lim && b[p..p + n].iter().all(|&x| x == ch) {
            p += n;
        }
    }
    while p < lim && is_sp(b[p]) {
        p += 1;
    }
    if p < lim && matches!(b[p], b',' | b':') {
        p += 1;
        while p < lim && is_sp(b[p]) {
            p += 1;
        }
    }
    p
}

/// A candidate of `style` numbered `val` on line `line`, its marker at `at`: (start
/// with emphasis, start, end, start of the item text). No sub-style, no prefix.
fn candidate_at(style: MarkerStyle, val: u32, at: (usize, usize, usize, usize), line: usize) -> Candidate {
    let (outer_start, marker_start, marker_end, text_start) = at;
    Candidate {
        style,
        sub: 0,
        val,
        prefix: 0,
        outer_start,
        marker_start,
        marker_end,
        text_start,
        line,
        gap: 0,
        at_line_start: false,
        weak: false,
    }
}

/// An ordinal or counting word matched on the key at `ms..me`.
fn word_candidate(words: &ListWords, text: &str, kb: &[u8], ms: usize, me: usize) -> Option<Candidate> {
    if !text.is_char_boundary(ms) || !text.is_char_boundary(me) {
        return None;
    }
    let b = text.as_bytes();
    if text[..ms].chars().next_back().is_some_and(crate::spelling::is_alphanumeric) {
        // Emphasis is not alphanumeric, so "*Thứ" passes and is handled below.
        return None;
    }
    let mut outer_start = ms;
    while outer_start > 0 && ms - outer_start < 3 && matches!(b[outer_start - 1], b'*' | b'_') {
        outer_start -= 1;
    }
    let emph = (outer_start < ms).then(|| (b[ms - 1], ms - outer_start));
    if outer_start < ms && text[..outer_start].chars().next_back().is_some_and(crate::spelling::is_alphanumeric) {
        return None;
    }
    let mut after = me;
    if let Some((ch, n)) = emph {
        if me + n <= b.len() && b[me..me + n].iter().all(|&x| x == ch) {
            after = me + n;
        }
    }
    if char_at(text, after).is_some_and(crate::spelling::is_alphanumeric) {
        return None;
    }
    let k = std::str::from_utf8(&kb[ms..me]).ok()?;
    let (style, w) = match k.strip_prefix("thứ ") {
        Some(w) => (MarkerStyle::OrdinalWord, w),
        None => (MarkerStyle::CountWord, k.strip_suffix(" là")?),
    };
    if style == MarkerStyle::CountWord && number_word_follows(&words.number, kb, after) {
        return None;
    }
    let table = if style == MarkerStyle::OrdinalWord { &words.ordinal } else { &words.number };
    let val = table.iter().find(|(x, _)| x == w)?.1;
    let lim = text[me..].find('\n').map_or(text.len(), |k| me + k);
    let text_start = after_marker(b, me, emph, lim);
    Some(candidate_at(style, val, (outer_start, ms, me, text_start), 0))
}

/// The block marker at the start of `line`, if any.
fn parse_block(text: &str, line: Line, li: usize, words: &[Candidate]) -> Option<Candidate> {
    use MarkerStyle as S;
    let b = text.as_bytes();
    let (s, e) = (line.content_start, line.text_end);
    // A Markdown heading: "### 1.1. Mục đích".
    let mut p = if b[s] == b'#' { after_heading_marks(b, s, e)? } else { s };
    let mut emph = None;
    if matches!(b[p], b'*' | b'_') {
        let ch = b[p];
        let mut n = 0;
        while p + n < e && b[p + n] == ch && n < 4 {
            n += 1;
        }
        if ch == b'*' && n == 1 && (p + 1 == e || is_sp(b[p + 1])) {
            let t = after_marker(b, p + 1, None, e);
            return Some(ok(Candidate { sub: '*' as u32, ..candidate_at(S::Bullet, 0, (s, p, p + 1, t), li) }));
        }
        if n > 3 || p + n >= e || is_sp(b[p + n]) {
            return None;
        }
        emph = Some((ch, n));
        p += n;
    }
    if let Some(w) = words.iter().find(|w| w.marker_start == p) {
        let mut c = *w;
        c.outer_start = s;
        return Some(ok(c));
    }
    let x = b[p];
    let (style, sub, val, prefix, marker_end) = match x {
        b'(' => {
            let (v, q) = digits(b, p + 1, e, 3)?;
            (v > 0 && q < e && b[q] == b')').then_some(())?;
            (S::ParenNumber, 0, v, 0, q + 1)
        }
        b'0'..=b'9' => number_marker(text, p, e)?,
        b'a'..=b'z' | 0xC4 => letter_marker(b, p, e)?,
        b'I' | b'V' | b'X' => roman_marker(text, p, e)?,
        b'-' | b'+' => {
            let r = p + 1;
            let fine = r >= e
                || is_sp(b[r])
                || char_at(text, r).is_some_and(|c| crate::spelling::is_alphabetic(c) || matches!(c, '"' | '('));
            let style = if x == b'-' { S::Dash } else { S::Plus };
            fine.then_some((style, 0, 0, 0, r))?
        }
        _ => {
            let c = char_at(text, p)?;
            BULLETS.contains(&c).then_some((S::Bullet, c as u32, 0, 0, p + c.len_utf8()))?
        }
    };
    let t = after_marker(b, marker_end, emph, e);
    Some(ok(Candidate { sub, prefix, ..candidate_at(style, val, (s, p, marker_end, t), li) }))
}

/// A block marker's style, sub-style, value, prefix and end.
type Shape = (MarkerStyle, u32, u32, u32, usize);

/// Past the `#` marks of a Markdown heading at `p` and the spaces after them.
fn after_heading_marks(b: &[u8], p: usize, e: usize) -> Option<usize> {
    let mut q = p;
    while q < e && b[q] == b'#' && q - p < 6 {
        q += 1;
    }
    if q >= e || !is_sp(b[q]) {
        return None;
    }
    while q < e && is_sp(b[q]) {
        q += 1;
    }
    (q < e).then_some(q)
}

/// A numbered marker at `p` (a digit): "1.", "1.2.", "1.2.3", "1)", "1-", "1/".
fn number_marker(text: &str, p: usize, e: usize) -> Option<Shape> {
    use MarkerStyle as S;
    let b = text.as_bytes();
    let (v, q) = digits(b, p, e, 3)?;
    if v == 0 || q >= e {
        return None;
    }
    let r = q + 1;
    let free = |r: usize| r >= e || is_sp(b[r]);
    match b[q] {
        b'.' if r < e && b[r].is_ascii_digit() => {
            let (v2, mut q2) = digits(b, r, e, 2)?;
            let (mut last, mut prefix, mut depth) = (v2, v, 2);
            if q2 + 1 < e && b[q2] == b'.' && b[q2 + 1].is_ascii_digit() {
                let (v3, q3) = digits(b, q2 + 1, e, 2)?;
                (last, prefix, depth, q2) = (v3, v * 1000 + v2, 3, q3);
            }
            if q2 < e && b[q2] == b'.' {
                q2 += 1;
            }
            (free(q2) || letter_at(text, q2)).then_some((S::DecimalDot, depth, last, prefix, q2))
        }
        b'.' => (free(r) || letter_at(text, r)).then_some((S::NumberDot, 0, v, 0, r)),
        b')' => Some((S::NumberParen, 0, v, 0, r)),
        b'-' => (free(r) || (letter_at(text, r) && !word_has_slash(b, r, e))).then_some((S::NumberDash, 0, v, 0, r)),
        b'/' => (free(r) || upper_at(text, r)).then_some((S::NumberSlash, 0, v, 0, r)),
        _ => None,
    }
}

/// A lettered marker at `p`: "a)", "a.", "a/", "đ)".
fn letter_marker(b: &[u8], p: usize, e: usize) -> Option<Shape> {
    use MarkerStyle as S;
    let x = b[p];
    let (letter, q) =
        if x == 0xC4 { (p + 1 < e && b[p + 1] == 0x91).then_some(('đ', p + 2))? } else { (x as char, p + 1) };
    if q >= e {
        return None;
    }
    let r = q + 1;
    let style = match b[q] {
        b')' => S::LetterParen,
        b'.' if r < e && is_sp(b[r]) => S::LetterDot,
        b'/' if r < e && is_sp(b[r]) => S::LetterSlash,
        _ => return None,
    };
    Some((style, 0, letter as u32, 0, r))
}

/// A Roman section marker at `p`: "II.", "IV-", "X/".
fn roman_marker(text: &str, p: usize, e: usize) -> Option<Shape> {
    use MarkerStyle as S;
    let b = text.as_bytes();
    let mut q = p;
    while q < e && matches!(b[q], b'I' | b'V' | b'X') && q - p < 7 {
        q += 1;
    }
    let v = roman(&b[p..q])?;
    if q >= e {
        return None;
    }
    let r = q + 1;
    let free = r >= e || is_sp(b[r]);
    match b[q] {
        b'.' if free || upper_at(text, r) => Some((S::RomanDot, 0, v, 0, r)),
        b'-' if free || letter_at(text, r) => Some((S::RomanDash, 0, v, 0, r)),
        b'/' if free => Some((S::RomanSlash, 0, v, 0, r)),
        _ => None,
    }
}

/// Mark a line-start candidate.
fn ok(mut c: Candidate) -> Candidate {
    c.at_line_start = true;
    c
}

/// Inline markers of one line (`content_start..text_end`): `(1)`, `1)`, `a)`, `1.`, `1-`, and the
/// bullets ` - ` and ` + ` after a sentence or clause end.
fn scan_inline(w: &ListWords, text: &str, kb: &[u8], ls: usize, le: usize, li: usize, out: &mut Vec<Candidate>) {
    use MarkerStyle as S;
    let b = text.as_bytes();
    let line_start = |mut c: Candidate| {
        c.at_line_start = c.outer_start == ls;
        c
    };
    for i in (MarkBytes { b, i: ls, end: le }) {
        let x = b[i];
        // The digit run just before `i` (at most 3 digits, not part of a longer number).
        let mut k = i;
        while k > ls && b[k - 1].is_ascii_digit() && i - k < 4 {
            k -= 1;
        }
        let nd = i - k;
        let num = if (1..=3).contains(&nd) && !(k > ls && b[k - 1].is_ascii_digit()) {
            digits(b, k, i, 3).map(|(v, _)| v).filter(|&v| v > 0)
        } else {
            None
        };
        let t = |marker_end: usize| after_marker(b, marker_end, None, le);
        match x {
            b')' => {
                if let Some(v) = num {
                    if k > ls && b[k - 1] == b'(' {
                        if before_loose(w, b, kb, ls, k - 1) {
                            let c = candidate_at(S::ParenNumber, v, (k - 1, k - 1, i + 1, t(i + 1)), li);
                            out.push(line_start(c));
                        }
                    } else if before_loose(w, b, kb, ls, k) {
                        out.push(line_start(candidate_at(S::NumberParen, v, (k, k, i + 1, t(i + 1)), li)));
                    }
                } else if nd == 0 && i > ls {
                    let (lstart, letter) = if b[i - 1].is_ascii_lowercase() {
                        (i - 1, b[i - 1] as char)
                    } else if i >= ls + 2 && b[i - 2] == 0xC4 && b[i - 1] == 0x91 {
                        (i - 2, 'đ')
                    } else {
                        continue;
                    };
                    let fine = i + 1 >= le || is_sp(b[i + 1]) || letter_at(text, i + 1);
                    if fine && before_loose(w, b, kb, ls, lstart) {
                        let c = candidate_at(S::LetterParen, letter as u32, (lstart, lstart, i + 1, t(i + 1)), li);
                        out.push(line_start(c));
                    }
                }
            }
            b'.' | b'-' => {
                if let Some(v) = num {
                    let r = i + 1;
                    let fine = if x == b'.' {
                        (r < le && is_sp(b[r]) && r + 1 < le && !is_ws(b[r + 1]) && !b[r + 1].is_ascii_digit())
                            || (r < le && upper_at(text, r) && b[r] != b'(')
                    } else {
                        r < le && is_sp(b[r]) && upper_at(text, r + 1)
                    };
                    let style = if x == b'.' { S::NumberDot } else { S::NumberDash };
                    if fine && before_strict(b, ls, k) {
                        out.push(line_start(candidate_at(style, v, (k, k, r, t(r)), li)));
                    } else if v > 1
                        && r + 1 < le
                        && is_sp(b[r])
                        && char_at(text, r + 1).is_some_and(char::is_uppercase)
                        && after_plain_word(w, text, kb, ls, k)
                    {
                        let mut c = candidate_at(style, v, (k, k, r, t(r)), li);
                        c.weak = true;
                        out.push(c);
                    }
                } else if x == b'-' {
                    push_inline_bullet(text, ls, le, i, S::Dash, li, out);
                }
            }
            _ => push_inline_bullet(text, ls, le, i, S::Plus, li, out),
        }
    }
}

/// The offsets in `i..end` of the bytes an inline marker ends with: `)`, `.`, `-`, `+`.
///
/// Found eight bytes at a time: the four lie in `0x28..=0x2F` (with `( * , /`), so a
/// word is tested at once for a byte of that range, and only such bytes are looked at.
struct MarkBytes<'a> {
    b: &'a [u8],
    i: usize,
    end: usize,
}

impl Iterator for MarkBytes<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const LOW7: u64 = 0x7F * ONES;
        let end = self.end.min(self.b.len());
        while let Some(chunk) = self.b.get(self.i..(self.i + 8).min(end)).filter(|c| c.len() == 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            // A zero byte of `z` is a byte of 0x28..=0x2F; `hit` has its high bit set there
            // and nowhere else (the exact zero-byte test, no false positives).
            let z = (u64::from_le_bytes(word) & (0xF8 * ONES)) ^ (0x28 * ONES);
            let hit = !(((z & LOW7) + LOW7) | z | LOW7);
            if hit == 0 {
                self.i += 8;
                continue;
            }
            let j = self.i + (hit.trailing_zeros() / 8) as usize;
            self.i = j + 1;
            if matches!(self.b[j], b')' | b'.' | b'-' | b'+') {
                return Some(j);
            }
        }
        while self.i < end {
            let j = self.i;
            self.i += 1;
            if matches!(self.b[j], b')' | b'.' | b'-' | b'+') {
                return Some(j);
            }
        }
        None
    }
}

/// A ` - ` or ` + ` bullet at `i` after a sentence or clause end, before a capital.
fn push_inline_bullet(
    text: &str,
    ls: usize,
    le: usize,
    i: usize,
    style: MarkerStyle,
    li: usize,
    out: &mut Vec<Candidate>,
) {
    let b = text.as_bytes();
    if i > ls
        && i + 2 < le
        && b[i - 1] == b' '
        && b[i + 1] == b' '
        && before_strict(b, ls, i)
        && i > ls + 1
        && upper_at(text, i + 2)
    {
        let t = after_marker(b, i + 1, None, le);
        out.push(candidate_at(style, 0, (i, i, i + 1, t), li));
    }
}

/// The usual depth of a style: a sub-list uses a style of a higher rank than its parent's
/// (`-` then `1)` starts a new list, it does not nest).
fn rank(s: MarkerStyle) -> u8 {
    use MarkerStyle as S;
    match s {
        S::RomanDot | S::RomanDash | S::RomanSlash => 0,
        S::NumberDot | S::NumberDash | S::NumberSlash | S::OrdinalWord | S::CountWord => 1,
        S::ParenNumber | S::NumberParen | S::DecimalDot => 2,
        S::LetterParen | S::LetterDot | S::LetterSlash => 3,
        S::Dash | S::Bullet => 4,
        S::Plus => 5,
    }
}

/// A sub-list of style `child` may open under an item of style `parent`.
fn nests_under(child: MarkerStyle, parent: MarkerStyle) -> bool {
    let (c, p) = (rank(child), rank(parent));
    c > p || (c == 4 && p == 4)
}

fn continues(lv: &Level, c: &Candidate) -> bool {
    if c.style.is_bullet() {
        true
    } else if c.style.is_letter() {
        letter_follows(lv.val, c.val)
    } else {
        c.prefix == lv.prefix && c.val == lv.val + 1
    }
}

/// Open a level with `c` as its first item.
fn open(stack: &mut Vec<Level>, nodes: &mut Vec<Node>, i: usize, c: &Candidate, parent: Option<usize>) {
    let num = if c.style.is_bullet() {
        None
    } else if c.style.is_letter() {
        Some(1)
    } else {
        Some(c.val)
    };
    nodes.push(Node { candidate_index: i, level: stack.len() as u8, parent, num });
    stack.push(Level {
        style: c.style,
        sub: c.sub,
        val: c.val,
        prefix: c.prefix,
        num: num.unwrap_or(0),
        node: nodes.len() - 1,
    });
}

/// Add `c` (candidate `i`) as the next item of level `j`, closing the levels inside it.
fn cont(stack: &mut Vec<Level>, nodes: &mut Vec<Node>, j: usize, i: usize, c: &Candidate) {
    stack.truncate(j + 1);
    let parent = j.checked_sub(1).map(|p| stack[p].node);
    let lv = &mut stack[j];
    let num = if c.style.is_bullet() {
        None
    } else if c.style.is_letter() {
        Some(lv.num + 1)
    } else {
        Some(c.val)
    };
    nodes.push(Node { candidate_index: i, level: j as u8, parent, num });
    lv.val = c.val;
    lv.prefix = c.prefix;
    lv.num = num.unwrap_or(0);
    lv.node = nodes.len() - 1;
}

/// A list built from candidates: its items, and the candidate that ended it, if any.
struct Built {
    nodes: Vec<Node>,
    stop: Option<usize>,
}

/// Build the lists formed by `cands[range]` (in text order) into `out`; `stop` is the
/// candidate after the range that ended it, if any.
fn build(cands: &[Candidate], range: Range<usize>, stop: Option<usize>, mode: Mode, guard: u8, out: &mut Vec<Built>) {
    let block = mode == Mode::Block;
    let mut stack: Vec<Level> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut first = range.start;
    let mut i = range.start;
    while i < range.end {
        let c = &cands[i];
        if stack.is_empty() {
            if c.is_start() && (block || !c.style.is_bullet()) {
                first = i;
                nodes.clear();
                open(&mut stack, &mut nodes, i, c, None);
            }
            i += 1;
            continue;
        }
        let cont_ok = !block || !c.style.is_bullet() || c.gap <= BULLET_GAP;
        let nest_ok = c.is_start() && (!block || c.gap <= NEST_GAP);
        let found = stack.iter().rposition(|l| l.style == c.style && l.sub == c.sub);
        let act = match found {
            Some(j) if continues(&stack[j], c) && (cont_ok || c.weak) => Act::Continue(j),
            _ if c.weak => Act::Skip,
            Some(0) => Act::Flush,
            Some(j) if nest_ok => Act::Restart(j),
            Some(_) if block && c.is_start() => Act::Flush,
            Some(j) => Act::Drop(j),
            None => match stack.iter().rposition(|l| nests_under(c.style, l.style)) {
                Some(j) if nest_ok => Act::Nest(j),
                _ if block && c.is_start() => Act::Flush,
                // In running text an outer-rank marker ("3." after "a) … đ)") ends the list.
                None if !block && nests_under(stack[0].style, c.style) => Act::Flush,
                _ => Act::Skip,
            },
        };
        match act {
            Act::Continue(j) => cont(&mut stack, &mut nodes, j, i, c),
            Act::Restart(j) => {
                stack.truncate(j);
                let parent = stack.last().map(|l| l.node);
                open(&mut stack, &mut nodes, i, c, parent);
            }
            Act::Drop(j) => stack.truncate(j),
            Act::Nest(j) => {
                stack.truncate(j + 1);
                let parent = Some(stack[j].node);
                open(&mut stack, &mut nodes, i, c, parent);
            }
            Act::Flush => {
                flush(cands, first..i, Some(i), mode, guard, &mut nodes, out);
                stack.clear();
                continue; // look at `c` again with nothing open
            }
            Act::Skip => {}
        }
        i += 1;
    }
    if !stack.is_empty() {
        flush(cands, first..range.end, stop, mode, guard, &mut nodes, out);
    }
}

/// Emit the list in `nodes`, or, when it has one top-level item, rebuild without it.
fn flush(
    cands: &[Candidate],
    range: Range<usize>,
    stop: Option<usize>,
    mode: Mode,
    guard: u8,
    nodes: &mut Vec<Node>,
    out: &mut Vec<Built>,
) {
    let tops = nodes.iter().filter(|n| n.level == 0).count();
    if tops >= 2 {
        let mut ns = std::mem::take(nodes);
        if mode == Mode::Inline {
            prune_single_children(&mut ns);
        }
        out.push(Built { nodes: ns, stop });
    } else {
        nodes.clear();
        if guard > 0 && range.start + 1 < range.end {
            build(cands, range.start + 1..range.end, stop, mode, guard - 1, out);
        }
    }
}

/// Inline sub-lists need two items too: drop an only child (and what hangs under it).
fn prune_single_children(nodes: &mut Vec<Node>) {
    let n = nodes.len();
    let mut kids = vec![0u32; n];
    for nd in nodes.iter() {
        if let Some(p) = nd.parent {
            kids[p] += 1;
        }
    }
    let mut new_idx = vec![NONE; n];
    let mut kept = Vec::with_capacity(n);
    for (i, nd) in nodes.iter().enumerate() {
        let mut nd = *nd;
        if let Some(p) = nd.parent {
            if new_idx[p] == NONE || kids[p] < 2 {
                continue;
            }
            nd.parent = Some(new_idx[p]);
        }
        new_idx[i] = kept.len();
        kept.push(nd);
    }
    *nodes = kept;
}

/// For each node: the next node at the same or an outer level, and the next sibling.
fn links(ns: &[Node]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let n = ns.len();
    let mut next_any = vec![None; n];
    let mut sib = vec![None; n];
    let mut st: Vec<usize> = Vec::new();
    for k in 0..n {
        while let Some(&t) = st.last() {
            if ns[t].level < ns[k].level {
                break;
            }
            st.pop();
            next_any[t] = Some(k);
            if ns[t].level == ns[k].level {
                sib[t] = Some(k);
            }
        }
        st.push(k);
    }
    (next_any, sib)
}

/// The clause before `pos` in its line (not before `lo`): back to the previous `. ; ! ?`.
fn clause(b: &[u8], pos: usize, lo: usize) -> Option<(usize, usize)> {
    let e = trim_back(b, pos, lo);
    if e <= lo {
        return None;
    }
    let mut s = lo;
    let mut k = e - 1;
    while k > lo {
        k -= 1;
        if matches!(b[k], b'.' | b';' | b'!' | b'?') && is_ws(b[k + 1]) {
            s = k + 1;
            break;
        }
    }
    while s < e && is_ws(b[s]) {
        s += 1;
    }
    (s < e).then_some((s, e))
}

fn prev_line(lines: &[Line], li: usize) -> Option<(usize, usize)> {
    let p = lines[li].prev;
    (p != NONE).then(|| (lines[p].content_start, lines[p].text_end))
}

fn item(text: &str, c: &Candidate, nd: &Node, end: usize) -> ListItem {
    let b = text.as_bytes();
    let end = end.max(c.marker_end);
    let mut start = c.text_start.min(end);
    while start < end && is_ws(b[start]) {
        start += 1;
    }
    ListItem {
        marker_start: c.marker_start,
        marker_end: c.marker_end,
        number: nd.num,
        start,
        end,
        level: nd.level,
        parent: nd.parent,
    }
}

fn assemble(
    cands: &[Candidate],
    ns: &[Node],
    items: Vec<ListItem>,
    inline: bool,
    intro: Option<(usize, usize)>,
) -> EnumList {
    let c0 = &cands[ns[0].candidate_index];
    let (intro_start, intro_end) = intro.unwrap_or((c0.marker_start, c0.marker_start));
    let end = items.iter().map(|i| i.end).max().unwrap_or(c0.marker_end);
    EnumList { style: c0.style, inline, intro_start, intro_end, start: c0.marker_start, end, items }
}

/// An inline list of line `li`; the last item ends at `hi`, the intro not before `lo`.
fn inline_list(
    text: &str,
    inline_candidates: &[Candidate],
    ns: &[Node],
    lo: usize,
    hi: usize,
    lines: &[Line],
) -> EnumList {
    let b = text.as_bytes();
    let (_, sib) = links(ns);
    let mut ends = vec![0usize; ns.len()];
    let mut items = Vec::with_capacity(ns.len());
    for (i, nd) in ns.iter().enumerate() {
        let c = &inline_candidates[nd.candidate_index];
        let e = match (sib[i], nd.parent) {
            (Some(k), _) => cut_sep(b, inline_candidates[ns[k].candidate_index].outer_start, c.marker_end),
            (None, Some(p)) => ends[p],
            (None, None) => hi,
        };
        ends[i] = e.max(c.marker_end);
        items.push(item(text, c, nd, ends[i]));
    }
    let c0 = &inline_candidates[ns[0].candidate_index];
    let intro =
        clause(b, c0.outer_start, lo).or_else(|| if c0.at_line_start { prev_line(lines, c0.line) } else { None });
    assemble(inline_candidates, ns, items, true, intro)
}

/// The end of the last item of a group: its line, plus wrapped continuation lines.
fn own_end(text: &str, lines: &[Line], c: &Candidate, stop: usize) -> usize {
    let b = text.as_bytes();
    let mut l = c.line;
    let mut e = lines[l].text_end;
    while l + 1 < stop && l + 1 < lines.len() && l - c.line < WRAP_LINES {
        let nx = lines[l + 1];
        if nx.content_start >= nx.text_end || matches!(b[e - 1], b'.' | b';' | b':' | b'!' | b'?') {
            break;
        }
        if !char_at(text, nx.content_start).is_some_and(char::is_lowercase) {
            break;
        }
        l += 1;
        e = nx.text_end;
    }
    e
}

/// A block list built from `block` candidates.
fn block_list(text: &str, block: &[Candidate], ns: &[Node], lines: &[Line]) -> EnumList {
    let b = text.as_bytes();
    let n = ns.len();
    let (next_any, _) = links(ns);
    let mut ends = vec![0usize; n];
    for i in (0..n).rev() {
        let c = &block[ns[i].candidate_index];
        let e = match next_any[i] {
            Some(k) => {
                let ck = &block[ns[k].candidate_index];
                let cut = if ck.at_line_start { lines[ck.line].content_start } else { ck.outer_start };
                trim_back(b, cut, c.marker_end)
            }
            None => {
                let stop = block.get(ns[i].candidate_index + 1).map_or(lines.len(), |x| x.line);
                let own = own_end(text, lines, c, stop);
                if i + 1 < n { own.max(ends[n - 1]) } else { own }
            }
        };
        ends[i] = e.max(c.marker_end);
    }
    let items = ns.iter().zip(&ends).map(|(nd, &e)| item(text, &block[nd.candidate_index], nd, e)).collect();
    let c0 = &block[ns[0].candidate_index];
    let intro = if c0.at_line_start {
        prev_line(lines, c0.line)
    } else {
        clause(b, c0.outer_start, lines[c0.line].content_start).or_else(|| prev_line(lines, c0.line))
    };
    assemble(block, ns, items, false, intro)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The two patterns merged find what the one alternation "ordinals|counting" finds,
        /// on mixes of the list words, "thứ", "là", their neighbours and junk.
        #[test]
        fn word_matches_equal_the_one_alternation(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "thứ ", "thứ", " là", "là ", "là", "nhất", "hai", "ba", "tư", "năm", "một", "mười", "mười một",
                "khai", "bà", " ", "  ", ",", ".", "\n", "x", "ư", "2", "thứ hai là ", "một là hai là",
            ]), 0..12),
        ) {
            let r = super::ListRecognizer::new();
            let key: String = parts.concat();
            let (ord, count) = (r.vocab.ordinal_pattern(), format!("(?:{}) là", super::alternation(&r.vocab.number)));
            let one = regex::Regex::new(&format!("{ord}|{count}")).unwrap();
            let want: Vec<(usize, usize)> = one.find_iter(&key).map(|m| (m.start(), m.end())).collect();
            proptest::prop_assert_eq!(r.word_matches(&key).collect::<Vec<_>>(), want, "{:?}", key);
        }
    }

    /// Formerly a doc example (the item is private since issue 11).
    #[test]
    fn lists_example() {
        use crate::recognize::list::{ListRecognizer, MarkerStyle};

        let text = "Hội nghị thống nhất các nhiệm vụ sau: (1) Tăng cường tuyên truyền; \
                    (2) Đổi mới phương thức, (3) Chủ động tham mưu.\n\
                    \n\
                    Kết luận:\n\
                    1. Giao UBND xã rà soát.\n\
                    a) Hoàn thành trong tháng 7.\n\
                    b) Báo cáo kết quả.\n\
                    2. Giao Văn phòng theo dõi.";
        let key = text.to_lowercase(); // Vietnamese lower-casing keeps byte lengths
        let lists = ListRecognizer::new().lists(text, &key);
        assert_eq!(lists.len(), 2);

        let inline = &lists[0];
        assert!(inline.inline);
        assert_eq!(inline.style, MarkerStyle::ParenNumber);
        assert_eq!(&text[inline.intro_start..inline.intro_end], "Hội nghị thống nhất các nhiệm vụ sau:");
        let it = &inline.items[1];
        assert_eq!((it.marker(text), it.number), ("(2)", Some(2)));
        assert_eq!(&text[it.start..it.end], "Đổi mới phương thức");

        let block = &lists[1];
        assert_eq!(block.style, MarkerStyle::NumberDot);
        assert_eq!(&text[block.intro_start..block.intro_end], "Kết luận:");
        let tops: Vec<&str> = block.items.iter().filter(|i| i.level == 0).map(|i| &text[i.start..i.end]).collect();
        assert_eq!(tops[1], "Giao Văn phòng theo dõi.");
        assert_eq!(block.items[1].marker(text), "a)");
        assert_eq!(block.items[1].parent, Some(0));
    }

    use super::*;

    /// A key as the project builds it (lower case, same byte length); tone folding does
    /// not matter for these tests.
    fn key(s: &str) -> String {
        simple_key(s)
    }

    proptest::proptest! {
        /// The word-at-a-time scan finds exactly the marker bytes a byte loop finds.
        #[test]
        fn mark_bytes_matches_a_byte_loop(s in "[a-z0-9 ().,*/+\\-đĐ]{0,40}", a in 0usize..45, e in 0usize..45) {
            let b = s.as_bytes();
            let want: Vec<usize> =
                (a..e.min(b.len())).filter(|&i| matches!(b[i], b')' | b'.' | b'-' | b'+')).collect();
            let got: Vec<usize> = MarkBytes { b, i: a, end: e }.collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    fn run(text: &str) -> Vec<EnumList> {
        let k = key(text);
        assert_eq!(k.len(), text.len());
        ListRecognizer::new().lists(text, &k)
    }

    fn texts<'a>(text: &'a str, l: &EnumList, level: u8) -> Vec<&'a str> {
        l.items.iter().filter(|i| i.level == level).map(|i| &text[i.start..i.end]).collect()
    }

    fn intro<'a>(text: &'a str, l: &EnumList) -> &'a str {
        &text[l.intro_start..l.intro_end]
    }

    fn check_offsets(text: &str, lists: &[EnumList]) {
        for l in lists {
            assert!(l.intro_start <= l.intro_end && l.start <= l.end && l.end <= text.len());
            for (n, it) in l.items.iter().enumerate() {
                assert_eq!(&text[it.marker_start..it.marker_end], it.marker(text));
                assert!(it.marker_end <= it.start && it.start <= it.end, "{it:?}");
                assert!(it.end <= l.end);
                let s = &text[it.start..it.end];
                assert_eq!(s, s.trim(), "item not trimmed: {s:?}");
                if let Some(p) = it.parent {
                    assert!(p < n && l.items[p].level + 1 == it.level);
                } else {
                    assert_eq!(it.level, 0);
                }
            }
        }
    }

    #[test]
    fn seed_style_inline_paren_numbers() {
        let text = "Tiếp thu ý kiến của Thường trực. Kết luận hội nghị, đồng chí Trưởng ban \
                    đề nghị tập trung vào những nhiệm vụ trọng tâm sau: (1)Tăng cường công tác \
                    vận động quần chúng. Đẩy mạnh phong trào thi đua giữ gìn đường làng, ngõ xóm \
                    sáng, xanh, sạch, đẹp, (2) Đổi mới nội dung, phương thức hoạt động của các \
                    đoàn thể chính trị - xã hội, (3) Chủ động nắm tình hình tôn giáo phát sinh; \
                    (4) Tích cực tham mưu cho cấp ủy các giải pháp về công tác dân vận.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert!(l.inline);
        assert_eq!(l.style, MarkerStyle::ParenNumber);
        assert_eq!(l.items.len(), 4);
        let t = texts(text, l, 0);
        assert!(t[0].starts_with("Tăng cường công tác"));
        assert!(t[0].ends_with("sạch, đẹp"));
        assert_eq!(t[1], "Đổi mới nội dung, phương thức hoạt động của các đoàn thể chính trị - xã hội");
        assert_eq!(t[2], "Chủ động nắm tình hình tôn giáo phát sinh");
        assert!(t[3].starts_with("Tích cực") && t[3].ends_with("dân vận."));
        let nums: Vec<_> = l.items.iter().map(|i| i.number).collect();
        assert_eq!(nums, [Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(l.items[0].marker(text), "(1)");
        assert!(intro(text, l).starts_with("Kết luận hội nghị"));
        assert!(intro(text, l).ends_with("trọng tâm sau:"));
        assert_eq!(l.start, text.find("(1)").unwrap());
        assert_eq!(l.end, text.len());
    }

    #[test]
    fn block_numbers_with_letter_sub_items() {
        let text = "THÔNG BÁO\n\nChủ tịch UBND huyện kết luận như sau:\n\n\
                    1. Thống nhất giải thể 03 hội không còn hoạt động.\n\n\
                    Lý do, cụ thể như sau:\n\n\
                    a) Hội A: quá thời hạn đại hội nhiệm kỳ;\n\n\
                    b) Hội B: không báo cáo hoạt động.\n\n\
                    2. Yêu cầu các hội kiểm kê tài sản.\n\n\
                    Sau thời gian trên, Chủ tịch xem xét quyết định.\n\n\
                    3. Giao Phòng Nội vụ theo dõi, báo cáo./.\n\n\
                    Nơi nhận:\n- Như trên;\n- Lưu: VT.";
        let lists = run(text);
        check_offsets(text, &lists);
        let main: Vec<_> = lists.iter().filter(|l| l.style == MarkerStyle::NumberDot).collect();
        assert_eq!(main.len(), 1);
        let l = main[0];
        assert!(!l.inline);
        assert_eq!(intro(text, l), "Chủ tịch UBND huyện kết luận như sau:");
        let tops = texts(text, l, 0);
        assert_eq!(tops.len(), 3);
        assert!(tops[0].starts_with("Thống nhất giải thể"));
        assert!(tops[0].ends_with("không báo cáo hoạt động."));
        assert_eq!(tops[1], "Yêu cầu các hội kiểm kê tài sản.\n\nSau thời gian trên, Chủ tịch xem xét quyết định.");
        assert_eq!(tops[2], "Giao Phòng Nội vụ theo dõi, báo cáo./.");
        let subs: Vec<_> = l.items.iter().filter(|i| i.level == 1).collect();
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].marker(text), "a)");
        assert_eq!(subs[1].number, Some(2));
        assert_eq!(subs[0].parent, Some(0));
        assert_eq!(&text[subs[0].start..subs[0].end], "Hội A: quá thời hạn đại hội nhiệm kỳ;");
        assert_eq!(&text[subs[1].start..subs[1].end], "Hội B: không báo cáo hoạt động.");
        // The distribution list after "Nơi nhận:" is a list of its own.
        let dist: Vec<_> = lists.iter().filter(|l| l.style == MarkerStyle::Dash).collect();
        assert_eq!(dist.len(), 1);
        assert_eq!(intro(text, dist[0]), "Nơi nhận:");
    }

    #[test]
    fn dash_list_with_plus_sub_items() {
        let text = "Kết luận hội nghị, đồng chí Bí thư yêu cầu:\n\
                    - Các ngành bám sát chương trình công tác năm.\n\
                    + Phòng Kinh tế tham mưu kế hoạch sản xuất;\n\
                    + Phòng Tài chính cân đối nguồn vốn.\n\
                    - Các xã tập trung thu ngân sách.\n\
                    Hội nghị kết thúc lúc 11 giờ cùng ngày.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.style, MarkerStyle::Dash);
        assert_eq!(intro(text, l), "Kết luận hội nghị, đồng chí Bí thư yêu cầu:");
        let levels: Vec<_> = l.items.iter().map(|i| (i.marker(text), i.level, i.parent)).collect();
        assert_eq!(levels, [("-", 0, None), ("+", 1, Some(0)), ("+", 1, Some(0)), ("-", 0, None)]);
        assert!(l.items.iter().all(|i| i.number.is_none()));
        assert_eq!(texts(text, l, 0)[1], "Các xã tập trung thu ngân sách.");
        assert_eq!(texts(text, l, 1)[1], "Phòng Tài chính cân đối nguồn vốn.");
        assert!(texts(text, l, 0)[0].ends_with("cân đối nguồn vốn."));
    }

    #[test]
    fn roman_sections_numbers_and_decimals() {
        let text = "KẾ HOẠCH\n\
                    I. MỤC ĐÍCH, YÊU CẦU\n\
                    1. Mục đích\n\
                    1.1. Nâng cao nhận thức của cán bộ.\n\
                    1.2. Tạo chuyển biến trong thực hiện.\n\
                    2. Yêu cầu\n\
                    Triển khai nghiêm túc, hiệu quả.\n\
                    II. NHIỆM VỤ\n\
                    1. Tuyên truyền sâu rộng.\n\
                    2. Kiểm tra, giám sát.\n\
                    III. TỔ CHỨC THỰC HIỆN\n\
                    Giao Văn phòng theo dõi.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1, "{lists:#?}");
        let l = &lists[0];
        assert_eq!(l.style, MarkerStyle::RomanDot);
        assert_eq!(intro(text, l), "KẾ HOẠCH");
        let tops: Vec<_> = l.items.iter().filter(|i| i.level == 0).map(|i| i.number).collect();
        assert_eq!(tops, [Some(1), Some(2), Some(3)]);
        let shape: Vec<_> = l.items.iter().map(|i| (i.marker(text), i.level)).collect();
        assert_eq!(
            shape,
            [("I.", 0), ("1.", 1), ("1.1.", 2), ("1.2.", 2), ("2.", 1), ("II.", 0), ("1.", 1), ("2.", 1), ("III.", 0),]
        );
        let dec: Vec<_> = l.items.iter().filter(|i| i.level == 2).collect();
        assert_eq!(dec[1].number, Some(2));
        assert_eq!(dec[1].parent, Some(1));
        assert_eq!(&text[dec[1].start..dec[1].end], "Tạo chuyển biến trong thực hiện.");
        assert_eq!(texts(text, l, 1)[1], "Yêu cầu\nTriển khai nghiêm túc, hiệu quả.");
        assert_eq!(texts(text, l, 0)[2], "TỔ CHỨC THỰC HIỆN");
        assert_eq!(l.items[6].parent, Some(5));
    }

    #[test]
    fn party_number_dash_block() {
        let text = "Hội nghị Ban Chấp hành Đảng bộ tỉnh đã quyết nghị:\n\
                    1- Thông qua báo cáo kết quả thực hiện nghị quyết.\n\
                    - Giao Ban Thường vụ hoàn chỉnh văn bản.\n\
                    2- Tán thành tờ trình về công tác cán bộ.\n\
                    3- Giao Ủy ban Kiểm tra theo dõi thực hiện.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.style, MarkerStyle::NumberDash);
        assert_eq!(texts(text, l, 0).len(), 3);
        assert_eq!(l.items[0].marker(text), "1-");
        assert_eq!(l.items[1].marker(text), "-");
        assert_eq!(l.items[1].level, 1);
        assert_eq!(texts(text, l, 0)[2], "Giao Ủy ban Kiểm tra theo dõi thực hiện.");
    }

    #[test]
    fn party_number_dash_inline_with_nested_bullets() {
        let text = "Tại kỳ họp, Ủy ban Kiểm tra đã kết luận các nội dung sau: 1- Xem xét, thi \
                    hành kỷ luật đồng chí A, nguyên Phó Chủ tịch UBND huyện (2011-2016): - Ký \
                    văn bản trái quy định. - Kê khai tài sản không đầy đủ. 2- Về kiểm tra khi có \
                    dấu hiệu vi phạm đối với Ban Thường vụ Huyện ủy. 3- Xem xét báo cáo kết quả \
                    giám sát ngày 18-7.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1, "{lists:#?}");
        let l = &lists[0];
        assert!(l.inline);
        assert_eq!(l.style, MarkerStyle::NumberDash);
        let tops = texts(text, l, 0);
        assert_eq!(tops.len(), 3);
        assert!(tops[0].starts_with("Xem xét, thi hành kỷ luật"));
        assert_eq!(tops[1], "Về kiểm tra khi có dấu hiệu vi phạm đối với Ban Thường vụ Huyện ủy");
        let subs = texts(text, l, 1);
        assert_eq!(subs, ["Ký văn bản trái quy định", "Kê khai tài sản không đầy đủ"]);
        assert!(intro(text, l).ends_with("các nội dung sau:"));
    }

    #[test]
    fn ordinal_words_inline() {
        let text = "Phát biểu chỉ đạo, đồng chí Chủ tịch đề nghị. Thứ nhất, tập trung thu hoạch \
                    lúa hè thu; Thứ hai, chủ động phòng chống lụt bão; thứ ba, hoàn thành giải \
                    ngân vốn đầu tư công trước ngày 30/9.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert!(l.inline);
        assert_eq!(l.style, MarkerStyle::OrdinalWord);
        let m: Vec<_> = l.items.iter().map(|i| (i.marker(text), i.number)).collect();
        assert_eq!(m, [("Thứ nhất", Some(1)), ("Thứ hai", Some(2)), ("thứ ba", Some(3))]);
        assert_eq!(
            texts(text, l, 0),
            [
                "tập trung thu hoạch lúa hè thu",
                "chủ động phòng chống lụt bão",
                "hoàn thành giải ngân vốn đầu tư công trước ngày 30/9."
            ]
        );
        assert_eq!(intro(text, l), "Phát biểu chỉ đạo, đồng chí Chủ tịch đề nghị.");
    }

    #[test]
    fn count_words_inline() {
        let text = "Để hoàn thành nhiệm vụ, cần làm tốt ba việc: Một là, đổi mới tư duy lãnh đạo; \
                    Hai là, nâng cao năng lực cán bộ; Ba là, siết chặt kỷ luật, kỷ cương.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.style, MarkerStyle::CountWord);
        assert_eq!(l.items[1].marker(text), "Hai là");
        assert_eq!(
            texts(text, l, 0),
            ["đổi mới tư duy lãnh đạo", "nâng cao năng lực cán bộ", "siết chặt kỷ luật, kỷ cương."]
        );
        assert_eq!(intro(text, l), "Để hoàn thành nhiệm vụ, cần làm tốt ba việc:");
    }

    #[test]
    fn emphasised_ordinals_first_inline_then_blocks() {
        let text = "Năm 2021, Chính phủ xác định 8 trọng tâm bao gồm: *Thứ nhất* là chuẩn bị chu \
                    đáo, kỹ lưỡng cho Đại hội.\n\n\
                    *Thứ hai* là thực hiện hiệu quả mục tiêu kép.\n\n\
                    **Thứ ba** là hoàn thiện thể chế kinh tế thị trường.\n\n\
                    Ảnh: Minh họa";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1, "{lists:#?}");
        let l = &lists[0];
        assert!(!l.inline);
        assert_eq!(l.style, MarkerStyle::OrdinalWord);
        let m: Vec<_> = l.items.iter().map(|i| i.marker(text)).collect();
        assert_eq!(m, ["Thứ nhất", "Thứ hai", "Thứ ba"]);
        assert_eq!(
            texts(text, l, 0),
            [
                "là chuẩn bị chu đáo, kỹ lưỡng cho Đại hội.",
                "là thực hiện hiệu quả mục tiêu kép.",
                "là hoàn thiện thể chế kinh tế thị trường."
            ]
        );
        assert_eq!(intro(text, l), "Năm 2021, Chính phủ xác định 8 trọng tâm bao gồm:");
    }

    #[test]
    fn letters_inline() {
        let text = "Giao Sở Tài chính: a) Cân đối nguồn vốn cho dự án; b) Hướng dẫn thủ tục \
                    thanh toán; c) Báo cáo UBND tỉnh trước ngày 15/8.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.style, MarkerStyle::LetterParen);
        assert!(l.inline);
        let nums: Vec<_> = l.items.iter().map(|i| i.number).collect();
        assert_eq!(nums, [Some(1), Some(2), Some(3)]);
        assert_eq!(texts(text, l, 0)[1], "Hướng dẫn thủ tục thanh toán");
        assert_eq!(intro(text, l), "Giao Sở Tài chính:");
    }

    #[test]
    fn vietnamese_letter_sequence_with_d_stroke() {
        let text = "Các hội vi phạm:\nd) Hội D.\nđ) Hội Đ.\ne) Hội E.\n";
        // Starts at d): not a start, so no list.
        assert!(run(text).is_empty());
        let text = "Các hội vi phạm:\na) Hội A.\nb) Hội B.\nc) Hội C.\nd) Hội D.\nđ) Hội Đ.\ne) Hội E.\ng) Hội G.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let nums: Vec<_> = lists[0].items.iter().map(|i| i.number.unwrap()).collect();
        assert_eq!(nums, [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(lists[0].items[4].marker(text), "đ)");
    }

    #[test]
    fn bullets() {
        let text = "Nội dung chính:\n• Rà soát quy hoạch.\n• Đẩy nhanh giải phóng mặt bằng.\n\
                    \u{F0B7} Ký hiệu từ Word.\n";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1, "{lists:#?}");
        let l = &lists[0];
        assert_eq!(l.style, MarkerStyle::Bullet);
        // A different bullet character opens a sub-list.
        let shape: Vec<_> = l.items.iter().map(|i| (i.marker(text), i.level)).collect();
        assert_eq!(shape, [("•", 0), ("•", 0), ("\u{F0B7}", 1)]);
        assert_eq!(texts(text, l, 0)[0], "Rà soát quy hoạch.");
        assert_eq!(texts(text, l, 1)[0], "Ký hiệu từ Word.");

        let text = "Ý kiến:\n* Về thủ tục: bảo đảm.\n* Về hồ sơ: đầy đủ.";
        let lists = run(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].items[0].marker(text), "*");
    }

    #[test]
    fn restart_under_new_heading_gives_two_lists() {
        let text = "Kết quả đạt được:\n1. Thu ngân sách vượt dự toán.\n2. Giải ngân đạt 80%.\n\
                    Nhiệm vụ thời gian tới:\n1. Tập trung thu ngân sách.\n2. Đẩy nhanh giải ngân.\n\
                    3. Bảo đảm an sinh xã hội.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 2);
        assert_eq!(intro(text, &lists[0]), "Kết quả đạt được:");
        assert_eq!(intro(text, &lists[1]), "Nhiệm vụ thời gian tới:");
        assert_eq!(lists[0].items.len(), 2);
        assert_eq!(lists[1].items.len(), 3);
        // The first list's last item does not swallow the next heading.
        assert_eq!(texts(text, &lists[0], 0)[1], "Giải ngân đạt 80%.");
    }

    #[test]
    fn gap_in_numbers_ends_the_list() {
        let text = "Nội dung:\n1. Một.\n2. Hai.\n4. Bốn.\n5. Năm.";
        let lists = run(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].items.len(), 2);
    }

    #[test]
    fn ocr_one_for_roman_one() {
        // OCR read "I-" as "1-": the next section is "II-".
        let text = "1- MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hoá kết luận.\n2. Xác định trách nhiệm.\n\
                    II- NHIỆM VỤ\n1. Tăng cường sự lãnh đạo.\n2. Hoàn thiện thể chế.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists[0].style, MarkerStyle::RomanDash);
        assert_eq!(lists[0].items.iter().filter(|it| it.level == 0).count(), 2);
        // A Party document's own "1-" items, or a "1-" over lower-case text, stay numbers.
        for text in [
            "1- MỤC ĐÍCH\na) Cụ thể hoá.\n2- NHIỆM VỤ\na) Tăng cường.",
            "1- Các chi bộ báo cáo.\n2- Các đảng viên học tập.\nII- NHIỆM VỤ\n1. Tăng cường.",
        ] {
            let lists = run(text);
            assert!(lists.iter().any(|l| l.style == MarkerStyle::NumberDash), "{text}");
        }
    }

    #[test]
    fn agenda_list_is_returned() {
        let text = "Quốc hội đã nghe:\n- Báo cáo của Chính phủ về tình hình kinh tế.\n\
                    - Báo cáo thẩm tra của Ủy ban Kinh tế.\n\nChương trình kỳ họp:\n\
                    1) Khai mạc.\n2) Biểu quyết thông qua nghị quyết.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 2);
        assert_eq!(intro(text, &lists[0]), "Quốc hội đã nghe:");
        assert_eq!(lists[1].style, MarkerStyle::NumberParen);
        assert_eq!(intro(text, &lists[1]), "Chương trình kỳ họp:");
    }

    #[test]
    fn heading_with_one_item_is_replaced_by_its_sub_list() {
        let text = "I. NHIỆM VỤ TRỌNG TÂM\n1. Tăng cường kiểm tra.\n2. Nâng cao chất lượng.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.style, MarkerStyle::NumberDot);
        assert_eq!(intro(text, l), "I. NHIỆM VỤ TRỌNG TÂM");
        assert!(l.items.iter().all(|i| i.level == 0 && i.parent.is_none()));
    }

    #[test]
    fn slash_and_roman_variants() {
        let text = "BIÊN BẢN\nI/ Thành phần tham dự:\n1/ Chủ trì: ông A.\n2/ Thư ký: bà B.\n\
                    II/ Nội dung cuộc họp:\na/ Thông qua dự toán.\nb/ Bầu ban giám sát.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        let shape: Vec<_> = lists[0].items.iter().map(|i| (i.marker(text), i.level)).collect();
        assert_eq!(shape, [("I/", 0), ("1/", 1), ("2/", 1), ("II/", 0), ("a/", 1), ("b/", 1)]);
        let text = "QUY ĐỊNH\nI- QUY ĐỊNH CHUNG\n1- Phạm vi.\nII- QUY ĐỊNH CỤ THỂ\n1- Thể thức.";
        let lists = run(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].style, MarkerStyle::RomanDash);
        assert_eq!(lists[0].items.len(), 4);
    }

    #[test]
    fn no_space_after_paren_marker_and_mixed_separators() {
        let text = "Yêu cầu:(1)Rà soát hồ sơ; (2)Bổ sung tài liệu, (3) Nộp trước ngày 05/7/2019.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        assert_eq!(texts(text, &lists[0], 0), ["Rà soát hồ sơ", "Bổ sung tài liệu", "Nộp trước ngày 05/7/2019."]);
        assert_eq!(intro(text, &lists[0]), "Yêu cầu:");
    }

    #[test]
    fn negatives() {
        let text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
                    Số: 123/TB-UBND\nV/v chuẩn bị hội nghị\n\
                    Mỹ Lộc, ngày 05/7/2019. Chiều 18-7, lúc 8h30 và 14 giờ 00, tại Thị trấn Mỹ \
                    Lộc - huyện Mỹ Lộc, theo Thông báo 45-TB/HU, doanh thu 1.500.000 đồng, đạt \
                    95,5%, tăng 30.6 lần so với 6 tháng đầu năm. Căn cứ Điều 1. Quyết định và \
                    Điều 2. Quy chế. Các đoàn thể chính trị - xã hội tham gia. Điện thoại: (0228) \
                    3810724.\n\
                    Đ/c Hoàng Văn A - TVHU, Trưởng Ban Dân vận chủ trì.\n\
                    Hội nghị lần thứ nhất khóa XI. Hội nghị lần thứ hai khóa XII.\n\
                    6 tháng cuối năm.\n\
                    I\n\
                    ---------------\n\
                    - Một gạch đầu dòng đứng một mình.\n\
                    \n\
                    2019 - 2020, tháng 1/2004 - 5/2010, một là một, hai là hai.";
        let lists = run(text);
        assert!(lists.is_empty(), "{lists:#?}");
    }

    #[test]
    fn glued_numbers_after_words_continue_an_open_list() {
        let text = "Bộ quy tắc chia làm 3 nhóm: 1. Vấn đề nghiên cứu 2. Đạo đức và giá trị \
                    3. Các vấn đề dài hạn.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        assert_eq!(texts(text, &lists[0], 0), ["Vấn đề nghiên cứu", "Đạo đức và giá trị", "Các vấn đề dài hạn."]);
        // Such a number never starts a list, and counted nouns are not markers.
        assert!(run("Đội xếp thứ hạng 2. Trận sau đội thắng 3. Khán giả vui.").is_empty());
        let text = "Kết quả: 1. Đội A đứng thứ hạng 2. Đội B về nhì. 2. Đội C về ba.";
        let lists = run(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(texts(text, &lists[0], 0)[1], "Đội C về ba.");
    }

    #[test]
    fn outer_marker_ends_an_inline_list() {
        let text = "Phạm tội thuộc các trường hợp sau: a) Có tổ chức; b) Phạm tội nhiều lần. \
                    3. Phạm tội gây hậu quả nghiêm trọng.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        assert_eq!(texts(text, &lists[0], 0), ["Có tổ chức", "Phạm tội nhiều lần"]);
        assert!(text[..lists[0].end].ends_with("nhiều lần"));
        // A restart ends the first list before the new "(1)".
        let text = "Năm trước: (1) thu; (2) chi. Năm nay: (1) tăng thu; (2) giảm chi.";
        let lists = run(text);
        assert_eq!(lists.len(), 2);
        assert_eq!(texts(text, &lists[0], 0), ["thu", "chi. Năm nay:"]);
        assert_eq!(intro(text, &lists[1]), "Năm nay:");
    }

    #[test]
    fn references_are_not_inline_markers() {
        let text = "Theo quy định tại điểm a) khoản 1 và điểm b) khoản 2 Điều 5, mục (1) và mục (2).";
        assert!(run(text).is_empty());
    }

    #[test]
    fn inline_list_at_line_start_replaces_block_marker() {
        let text = "Các nhiệm vụ:\n(1) Tăng cường kiểm tra; (2) Đổi mới quản lý; (3) Cải cách thủ tục.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 1);
        assert!(lists[0].inline);
        assert_eq!(intro(text, &lists[0]), "Các nhiệm vụ:");
        assert_eq!(lists[0].items.len(), 3);
    }

    #[test]
    fn wrapped_last_item_keeps_its_continuation_lines() {
        let text = "Kết luận:\n1. Giao UBND xã rà soát\ncác hộ nghèo trên địa bàn.\n\
                    2. Giao Phòng Lao động tổng hợp\nbáo cáo kết quả.\nNguyễn Văn A";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(
            texts(text, &lists[0], 0),
            ["Giao UBND xã rà soát\ncác hộ nghèo trên địa bàn.", "Giao Phòng Lao động tổng hợp\nbáo cáo kết quả."]
        );
    }

    #[test]
    fn upper_case_ordinals_and_markdown_numbers() {
        let text = "Ý kiến:\nTHỨ NHẤT: bảo đảm tiến độ.\nTHỨ HAI: bảo đảm chất lượng.\n\n\
                    ## 1. Mục đích\n## 2. Yêu cầu\n\n\
                    Nội dung:\n**1.** Khai mạc.\n**2.** Thảo luận.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 3);
        assert_eq!(lists[0].items[1].marker(text), "THỨ HAI");
        assert_eq!(texts(text, &lists[0], 0)[0], "bảo đảm tiến độ.");
        assert_eq!(texts(text, &lists[1], 0), ["Mục đích", "Yêu cầu"]);
        assert_eq!(lists[1].items[0].marker(text), "1.");
        assert_eq!(lists[2].items[0].marker(text), "1.");
        assert_eq!(texts(text, &lists[2], 0)[1], "Thảo luận.");
    }

    #[test]
    fn far_bullets_do_not_join_an_old_list() {
        let text = "Yêu cầu:\n- Một.\n- Hai.\nĐoạn 1.\nĐoạn 2.\nĐoạn 3.\nĐoạn 4.\nSau đây:\n- Ba.\n- Bốn.";
        let lists = run(text);
        check_offsets(text, &lists);
        assert_eq!(lists.len(), 2);
        assert_eq!(intro(text, &lists[1]), "Sau đây:");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            "\n",
            "-",
            "(",
            "(1",
            "1",
            "1.",
            "a)",
            "I.",
            "*",
            "**",
            "***x",
            "Thứ nhất",
            "đ)",
            "\u{F0B7}",
            "1.1.",
            "(1)(2)(3)",
            " - + - ",
            "x\n\n\n",
        ] {
            let lists = run(t);
            check_offsets(t, &lists);
        }
        // A key of the wrong length falls back to the text.
        let lists = ListRecognizer::new().lists("Một là, A; Hai là, B.", "x");
        assert_eq!(lists.len(), 1);
    }

    #[test]
    fn linear_on_pathological_inputs() {
        let r = ListRecognizer::new();
        let mut s = String::from("Nội dung: ");
        for i in 1..=100_000 {
            s.push_str(&format!("({}) ", i % 1000));
        }
        let t = std::time::Instant::now();
        let lists = r.lists(&s, &s);
        assert!(!lists.is_empty());
        let s2 = "-".repeat(1_000_000);
        assert!(r.lists(&s2, &s2).is_empty());
        let s3 = "-\n".repeat(500_000);
        let l3 = r.lists(&s3, &s3);
        assert_eq!(l3.len(), 1);
        assert_eq!(l3[0].items.len(), 500_000);
        let s4 = "(1)".repeat(100_000);
        let _ = r.lists(&s4, &s4);
        let s5 = "1.\n".repeat(200_000) + &"a)\n".repeat(200_000);
        let _ = r.lists(&s5, &s5);
        assert!(t.elapsed().as_secs() < 20, "too slow: {:?}", t.elapsed());
    }

    #[test]
    fn random_token_soup_keeps_invariants() {
        const TOKENS: &[&str] = &[
            "(",
            ")",
            "1",
            "2",
            "3",
            "10",
            ".",
            "-",
            "+",
            " ",
            " ",
            "\n",
            "\n\n",
            "a",
            "b",
            "đ",
            "Thứ nhất",
            "thứ hai",
            "Một là",
            "Hai là",
            "*",
            "**",
            "_",
            "I",
            "II",
            "V",
            ":",
            ";",
            ",",
            "ầ",
            "•",
            "\u{F0B7}",
            "là",
            "Tăng",
            "cường",
            "Điều",
            "/",
            "\t",
            "Nơi nhận",
            "1.1",
            "XI",
            "\"",
        ];
        let r = ListRecognizer::new();
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..3000 {
            let mut t = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 60) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(TOKENS[(seed % TOKENS.len() as u64) as usize]);
            }
            let lists = r.lists(&t, &key(&t));
            check_offsets(&t, &lists);
            // A wrong key (same length, other bytes and boundaries) must not panic either.
            let mut bad: String = "một là thứ hai ".chars().cycle().take(t.len()).collect();
            while bad.len() > t.len() {
                bad.pop();
            }
            while bad.len() < t.len() {
                bad.push(' ');
            }
            let _ = r.lists(&t, &bad);
            let _ = r.lists(&t, &"x".repeat(t.len()));
        }
    }

    #[test]
    fn recognizer_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<ListRecognizer>();
    }
}
