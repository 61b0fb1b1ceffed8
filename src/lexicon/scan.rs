//! The scan: one Aho-Corasick automaton over the person, organization and cue forms,
//! walked at every word start of a document, and the matches it yields. The word
//! starts and ends are read off the key's [`WordBits`], which the scan makes first and
//! hands on in its [`Scan`] (the person tokenizer and the date walk read them too).

use super::{CueEntry, Entry, EntryKind, HonorificKind, Lexicon};
use crate::key;
use crate::spelling;
use crate::swar::load8;
use crate::word_bits::WordBits;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use std::collections::HashMap;

/// A lexicon match: a byte range of the text and the entries it stands for.
///
/// Eight bytes: a document has a match every twenty bytes or so (every five in
/// "Đ/c Đ/c …"), kept to the end of the parse. The start is a `u32` (texts are at most
/// [`MAX_TEXT_BYTES`]); the length (forms are at most [`MAX_FORM_BYTES`]), the
/// accent-free flag and the pattern index (at most [`MAX_ENTRIES`]) share the other
/// `u32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    start: u32,
    /// Length in the top 8 bits, the accent-free flag in bit 23, the pattern below.
    id: u32,
}

/// Longest text the matches can point into: 4 GiB. (The parser cuts its text there.)
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;
/// Longest lexicon form, in bytes (the longest bundled one has 79).
pub const MAX_FORM_BYTES: usize = 255;
/// Most entries in a table of person-side, organization-side or cue-side words.
pub const MAX_ENTRIES: usize = 1 << 23;

impl Match {
    const ASCII: u32 = 1 << 23;
    const PATTERN: u32 = Self::ASCII - 1;

    /// A match of `pattern` over `start..end`; `ascii` when found by the accent-free
    /// automata. (Offsets past [`MAX_TEXT_BYTES`], lengths past [`MAX_FORM_BYTES`] and
    /// patterns past [`MAX_ENTRIES`] cannot come from a lexicon; they are clamped.)
    pub(crate) fn new(start: usize, end: usize, pattern: usize, ascii: bool) -> Match {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let len = end.saturating_sub(start as usize).min(MAX_FORM_BYTES) as u32;
        let pattern = pattern.min(Self::PATTERN as usize) as u32;
        Match { start, id: len << 24 | if ascii { Self::ASCII } else { 0 } | pattern }
    }
    /// First byte.
    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }
    /// One past the last byte.
    #[inline]
    pub(crate) fn end(&self) -> usize {
        self.start as usize + (self.id >> 24) as usize
    }
    /// Index of the pattern in its automaton.
    #[inline]
    pub(crate) fn pattern(&self) -> u32 {
        self.id & Self::PATTERN
    }
    /// Found by the accent-free automata (text typed without diacritics).
    #[inline]
    pub(crate) fn ascii(&self) -> bool {
        self.id & Self::ASCII != 0
    }
}

/// Every lexicon match of a document, one pass per automaton, sorted by start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    /// Honorifics, ranks, degrees, titles.
    pub person: Vec<Match>,
    /// Organizations and administrative units.
    pub org: Vec<Match>,
    /// Cue phrases and meeting kinds.
    pub cues: Vec<Match>,
    /// Matched accent-free (text typed without diacritics).
    pub ascii: bool,
    /// The word characters of the key (and of the text): where its words end.
    pub words: WordBits,
}

impl Scan {
    /// The matches of `ms` that lie inside `start..end`.
    pub(crate) fn within(ms: &[Match], start: usize, end: usize) -> &[Match] {
        let a = ms.partition_point(|m| m.start() < start);
        let b = a + ms[a..].partition_point(|m| m.end() <= end);
        &ms[a..b]
    }
}

/// The vocabulary of one spelling (as written, folded to the key; or accent-free) in
/// one automaton: the union of the person, organization and cue forms, so that a word
/// start costs one walk, not three. A pattern stands for entries of any of the three
/// tables (`*_pat[p]`, empty where a table has none).
pub(super) struct Matchers {
    nfa: NFA,
    /// The first word of every pattern (up to its first character that is no word
    /// character): a match starts at a word start and ends at a word end, so no pattern
    /// can start at a word that is not in here, and the walk is skipped.
    /// (`None` when the words do not fit its packing: every word start is walked.)
    first_words: Option<FirstWords>,
    /// The first two words of every pattern whose first word is followed by one space,
    /// as written ("ủy ban"): after a word and a space, a pattern can only go on if the
    /// text's next word is its second word (a match ends on a word boundary), so the
    /// walk resumes after that second word, or is not walked at all.
    /// (`None` as [`Matchers::first_words`].)
    pairs: Option<FirstWords>,
    /// For every pattern, the tables it stands for entries of (bit `t` for table `t`).
    tables: Vec<u8>,
    person_pat: Vec<Vec<u32>>,
    org_pat: Vec<Vec<u32>>,
    cue_pat: Vec<Vec<u32>>,
}

/// Address forms that, written without diacritics, are everyday words ("co" is also
/// "có", "chi" also "chỉ", "thay" also "thay"): left out of the accent-free automata.
const ASCII_AMBIGUOUS_ADDRESS: &[&str] = &["co", "chi", "em", "anh", "thay", "chau", "me", "cu", "bac", "ba con"];

/// The three tables, in the order of [`Matchers::pats`] and of [`Scan`]'s lists.
const PERSON: usize = 0;
const ORG: usize = 1;
const CUES: usize = 2;

impl Matchers {
    pub(super) fn new(person: &[Entry], org: &[Entry], cues: &[CueEntry], fold: fn(&str) -> String) -> Self {
        let mut c = Compiler::default();
        c.add(PERSON, person, |e| {
            let f = fold(&e.form);
            let skip = matches!(e.kind, EntryKind::Honorific(HonorificKind::Address))
                && ASCII_AMBIGUOUS_ADDRESS.contains(&f.as_str());
            // An empty form is left out of the automaton.
            if skip { String::new() } else { f }
        });
        c.add(ORG, org, |e| fold(&e.form));
        c.add(CUES, cues, |e| fold(&e.form));
        // Every search is anchored at a word start and walks a few bytes: a contiguous NFA
        // (a compact trie) stays in cache where a full DFA (many times larger)
        // missed it on most steps (measured 10.1 against 13.9 MB/s for the whole parse).
        let nfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&c.patterns)
            .or_else(|_| NFA::new(Vec::<String>::new()))
            .expect("an empty automaton always builds");
        let first_words = FirstWords::new(&nfa, c.patterns.iter().map(|p| first_word(p)));
        let pairs = FirstWords::new(&nfa, c.patterns.iter().filter_map(|p| first_pair(p)));
        let [person_pat, org_pat, cue_pat] = c.of;
        let tables = (0..c.patterns.len())
            .map(|p| {
                [&person_pat, &org_pat, &cue_pat]
                    .iter()
                    .enumerate()
                    .map(|(t, of)| u8::from(!of[p].is_empty()) << t)
                    .sum()
            })
            .collect();
        Matchers { nfa, first_words, pairs, tables, person_pat, org_pat, cue_pat }
    }
}

/// The first words of the patterns, each with the state of the anchored walk after it:
/// a word that is not in here starts no pattern, and the walk there is skipped; at one
/// that is, the walk resumes after the word instead of walking its bytes again.
///
/// An open-addressing table (linear probing, at most a quarter full) keyed by a hash of
/// the word's first eight bytes (and its last eight when it is longer), computed once
/// per word of the text. A slot keeps those first eight bytes, so that a word of at most
/// eight bytes (most of them) is compared in one step.
struct FirstWords {
    /// `mask + 1` slots (a power of two).
    slots: Vec<Slot>,
    /// A byte of each slot's hash, never 0; 0 for an empty slot. Most words of a text
    /// open no pattern, and their look-up ends in this small array (a byte a slot, in
    /// the first-level cache) without reading a slot of 24 bytes.
    tags: Vec<u8>,
    mask: usize,
    /// The slot of a hash is its top bits: `hash >> shift`.
    shift: u32,
    /// The words, one after another (`Slot::word` points here).
    words: String,
}

#[derive(Clone, Copy)]
struct Slot {
    /// The first eight bytes of the word, zero-padded ([`head`]).
    head: u64,
    /// Offset of the word in [`FirstWords::words`] (upper 24 bits) and its length;
    /// [`Slot::EMPTY`] for an empty slot.
    word: u32,
    /// The anchored walk's state after the word.
    state: StateID,
    /// The pattern that is the word itself, or [`NO_PATTERN`].
    pattern: u32,
}

/// No pattern (in [`Slot::pattern`]).
const NO_PATTERN: u32 = u32::MAX;

impl Slot {
    /// The `word` of an empty slot (no word has this offset and length).
    const EMPTY: u32 = u32::MAX;
}

/// The first eight bytes of `b[s..e]`, little-endian, zero-padded.
#[inline]
fn head(b: &[u8], s: usize, e: usize) -> u64 {
    head_of(load8(b, s), e - s)
}

/// The tag of a hash in [`FirstWords::tags`]: a byte of it below the bits that choose
/// the slot (a table has at most 2^48 slots), never 0.
#[inline(always)]
fn tag(hash: u64) -> u8 {
    (hash >> 8) as u8 | 1
}

/// The first `len` (up to eight) of the bytes `v`.
#[inline(always)]
fn head_of(v: u64, len: usize) -> u64 {
    if len >= 8 { v } else { v & ((1u64 << (8 * len)) - 1) }
}

impl FirstWords {
    /// The table of `words` (duplicates are kept once), with the state of `nfa`'s
    /// anchored walk after each and the pattern that is the word itself. `None` when the
    /// words do not fit the packing of [`Slot::word`] (more than 16 MiB of words) or a
    /// word does not start a walk.
    fn new<'a>(nfa: &NFA, words: impl Iterator<Item = &'a str>) -> Option<Self> {
        let words: Vec<&str> = words.collect();
        let size = (words.len() * 4).next_power_of_two().max(16);
        let start = nfa.start_state(Anchored::Yes).ok()?;
        let empty = Slot { head: 0, word: Slot::EMPTY, state: start, pattern: NO_PATTERN };
        let mut f = FirstWords {
            slots: vec![empty; size],
            tags: vec![0; size],
            mask: size - 1,
            shift: 64 - size.trailing_zeros(),
            words: String::new(),
        };
        for w in words {
            let b = w.as_bytes();
            if f.get(b, 0, b.len()).is_some() {
                continue;
            }
            let state = b.iter().try_fold(start, |sid, &b| {
                let next = nfa.next_state(Anchored::Yes, sid, b);
                (!nfa.is_dead(next)).then_some(next)
            })?;
            // A match state also carries shorter patterns that start later: the one of
            // the whole word has its length.
            let pattern = if nfa.is_match(state) {
                (0..nfa.match_len(state))
                    .map(|j| nfa.match_pattern(state, j))
                    .find(|&pid| nfa.pattern_len(pid) == b.len())
                    .map_or(NO_PATTERN, |pid| pid.as_u32())
            } else {
                NO_PATTERN
            };
            let offset = u32::try_from(f.words.len()).ok().filter(|&o| o < (1 << 24) - 1)?;
            let len = u8::try_from(b.len()).ok()?;
            f.words.push_str(w);
            let hash = f.hash_of(head(b, 0, b.len()), b, 0, b.len());
            let mut i = f.home(hash);
            while f.slots[i].word != Slot::EMPTY {
                i = (i + 1) & f.mask;
            }
            f.slots[i] = Slot { head: head(b, 0, b.len()), word: offset << 8 | u32::from(len), state, pattern };
            f.tags[i] = tag(hash);
        }
        Some(f)
    }

    /// The hash of the word `b[s..e]` (`head` its first eight bytes): of its first eight
    /// bytes and, when it is longer, of its last eight and its length. Its top bits are
    /// the first slot to look at ([`FirstWords::home`]), a byte below them its tag
    /// ([`tag`]).
    #[inline]
    fn hash_of(&self, head: u64, b: &[u8], s: usize, e: usize) -> u64 {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let len = e - s;
        let tail = match b.get(e.wrapping_sub(8)..e) {
            Some(t) if len > 8 => u64::from_le_bytes(t.try_into().unwrap_or([0; 8])) ^ len as u64,
            _ => 0,
        };
        (head ^ tail.rotate_left(29)).wrapping_mul(K)
    }

    /// The first slot to look at for a word of hash `hash`.
    #[inline]
    fn home(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// The slot of the word `b[s..e]` when a pattern starts with it.
    fn get(&self, b: &[u8], s: usize, e: usize) -> Option<&Slot> {
        self.get_at(load8(b, s), b, s, e)
    }

    /// [`FirstWords::get`], given the eight bytes at `s` ([`load8`]).
    #[inline(always)]
    fn get_at(&self, v: u64, b: &[u8], s: usize, e: usize) -> Option<&Slot> {
        let len = e - s;
        let head = head_of(v, len);
        let hash = self.hash_of(head, b, s, e);
        let want = tag(hash);
        let mut i = self.home(hash);
        loop {
            let t = *self.tags.get(i)?;
            if t == 0 {
                return None;
            }
            if t == want {
                let slot = self.slots.get(i)?;
                if slot.head == head && (slot.word & 0xFF) as usize == len {
                    let offset = (slot.word >> 8) as usize;
                    if len <= 8 || self.words.as_bytes().get(offset..offset + len) == b.get(s..e) {
                        return Some(slot);
                    }
                }
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// `s` up to its first character that is no word character.
fn first_word(s: &str) -> &str {
    &s[..spelling::word_end(s, 0)]
}

/// `s` up to the end of its second word, when its first word is followed by a space.
fn first_pair(s: &str) -> Option<&str> {
    let e = spelling::word_end(s, 0);
    (s.as_bytes().get(e) == Some(&b' ')).then(|| &s[..spelling::word_end(s, e + 1)])
}

/// Folded forms, deduplicated, and the entries of each table every pattern stands for.
#[derive(Default)]
struct Compiler {
    index: HashMap<String, usize>,
    patterns: Vec<String>,
    of: [Vec<Vec<u32>>; 3],
}

impl Compiler {
    fn add<T>(&mut self, table: usize, entries: &[T], folded: impl Fn(&T) -> String) {
        for (i, e) in entries.iter().enumerate() {
            let k = folded(e);
            if k.is_empty() {
                continue;
            }
            let p = *self.index.entry(k.clone()).or_insert_with(|| {
                self.patterns.push(k);
                self.of.iter_mut().for_each(|v| v.push(Vec::new()));
                self.patterns.len() - 1
            });
            self.of[table][p].push(i as u32);
        }
    }
}

/// Patterns of one table that start at a position, longest last: (pattern, end).
type Candidates = ([(usize, usize); MAX_CANDIDATES], usize);

/// At most this many of the longest patterns per table are kept at a position.
const MAX_CANDIDATES: usize = 4;

/// The patterns of each table that start at `at` and end on a word boundary of `key`,
/// the longest [`MAX_CANDIDATES`] of each, longest last. `want` (bit `t` for table `t`)
/// leaves the other tables out. The anchored walk from `at` is resumed at `from`: the
/// state `sid` it is in after the bytes `at..from`, none of which ends a match on a word
/// boundary but those of `seeds` ((pattern, end), shortest first, each pattern
/// [`NO_PATTERN`] or one that is the whole of `at..end`, `end` a word end); `sid` is not
/// dead.
#[inline]
#[allow(clippy::too_many_arguments)]
fn candidates_at(
    m: &Matchers,
    key: &str,
    at: usize,
    (mut sid, from): (StateID, usize),
    seeds: [(u32, usize); 2],
    want: u8,
    found: &mut [Candidates; 3],
) {
    let nfa = &m.nfa;
    let hay = key.as_bytes();
    found.iter_mut().for_each(|f| f.1 = 0);
    for (p, end) in seeds {
        if p != NO_PATTERN {
            // `end` is the end of a word: on a word boundary.
            add_pattern(m, p as usize, end, want, found);
        }
    }
    for (i, &b) in (from..).zip(hay.get(from..).unwrap_or_default()) {
        sid = nfa.next_state(Anchored::Yes, sid, b);
        if nfa.is_special(sid) {
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                add_match(m, key, at, sid, i + 1, want, found);
            }
        }
    }
}

/// Adds to `found` the pattern of the match state `sid` that starts at `at` and ends at
/// `end`, when `end` is on a word boundary.
#[inline]
fn add_match(m: &Matchers, key: &str, at: usize, sid: StateID, end: usize, want: u8, found: &mut [Candidates; 3]) {
    let nfa = &m.nfa;
    // Match states also carry shorter patterns that start later: take the one that
    // starts at `at` (patterns are distinct, so there is one at most).
    let pid = (0..nfa.match_len(sid)).map(|j| nfa.match_pattern(sid, j)).find(|&pid| end - nfa.pattern_len(pid) == at);
    let on_boundary = || key.get(end..).is_some_and(|r| r.chars().next().is_none_or(|c| !spelling::is_word_char(c)));
    if let Some(pid) = pid.filter(|_| on_boundary()) {
        add_pattern(m, pid.as_usize(), end, want, found);
    }
}

/// Adds pattern `p`, ending at `end`, to the candidates of the tables of `want` it
/// stands for entries of.
#[inline]
fn add_pattern(m: &Matchers, p: usize, end: usize, want: u8, found: &mut [Candidates; 3]) {
    let tables = m.tables.get(p).map_or(0, |&t| t & want);
    for (t, (list, n)) in found.iter_mut().enumerate() {
        if tables & 1 << t != 0 {
            if *n == MAX_CANDIDATES {
                list.rotate_left(1);
                *n -= 1;
            }
            list[*n] = (p, end);
            *n += 1;
        }
    }
}

/// The longest pattern of each table that starts at `at` and ends on a word boundary.
fn longest_at(m: &Matchers, key: &str, at: usize, want: u8) -> [Option<(usize, usize)>; 3] {
    let mut found = [([(0, 0); MAX_CANDIDATES], 0); 3];
    if let Ok(start) = m.nfa.start_state(Anchored::Yes) {
        candidates_at(m, key, at, (start, at), [(NO_PATTERN, at); 2], want, &mut found);
    }
    found.map(|(list, n)| n.checked_sub(1).map(|k| list[k]))
}

/// Leftmost-longest matches of each of the three tables in `key` that sit on word
/// boundaries, in one pass over the positions where a word may start (one walk of the
/// shared automaton there, none at a word that starts no pattern nor after a word and a
/// space when the two start none, resumed after the two when they do): a match that does not
/// end on a word boundary, or that `accept` refuses, is skipped and the search resumes
/// one character after its start. (The same matches as an unanchored leftmost-longest
/// search per table that resumes so; the anchored walks never enter a word.)
fn find_words(
    m: &Matchers,
    key: &str,
    bits: &WordBits,
    ascii: bool,
    accept: [&dyn Fn(usize, usize, usize) -> bool; 3],
) -> [Vec<Match>; 3] {
    let mut out: [Vec<Match>; 3] = Default::default();
    let mut found = [([(0, 0); MAX_CANDIDATES], 0); 3];
    // Where each table's next match may start.
    let mut next = [0usize; 3];
    // Walk from every word start and every character that is no word character,
    // skipping the inside of words.
    let bytes = key.as_bytes();
    let start = m.nfa.start_state(Anchored::Yes).ok();
    // The least of `next`: no table wants a match that starts before it.
    let mut low = 0;
    // A word start and its end, found while looking at the word before.
    let mut ahead = (usize::MAX, 0);
    let mut s = 0;
    while s < key.len() {
        let v = load8(bytes, s);
        let e = if ahead.0 == s { ahead.1 } else { bits.word_end(s) };
        let from = match &m.first_words {
            _ if s < low => None,
            Some(words) => words.get_at(v, bytes, s, e).and_then(|slot| {
                let first = (slot.pattern, e);
                match &m.pairs {
                    // A space after the word: the pattern's next word must be the text's.
                    Some(pairs) if bytes.get(e) == Some(&b' ') => {
                        let s2 = e + 1;
                        let e2 = bits.word_end(s2);
                        ahead = (s2, e2);
                        match pairs.get_at(v, bytes, s, e2) {
                            Some(pair) => Some(((pair.state, e2), [first, (pair.pattern, e2)])),
                            // Only the word itself can match here: nothing to walk.
                            None => (slot.pattern != NO_PATTERN)
                                .then_some(((slot.state, key.len()), [first, (NO_PATTERN, e)])),
                        }
                    }
                    _ => Some(((slot.state, e), [first, (NO_PATTERN, e)])),
                }
            }),
            None => start.map(|sid| ((sid, s), [(NO_PATTERN, s); 2])),
        };
        if let Some((from, seeds)) = from {
            let want = u8::from(next[0] <= s) | u8::from(next[1] <= s) << 1 | u8::from(next[2] <= s) << 2;
            candidates_at(m, key, s, from, seeds, want, &mut found);
            for k in 0..3 {
                // The longest that `accept` takes ("Phó trưởng CAQ": when "Phó Trưởng CA"
                // stops inside a word, "Phó trưởng" still matches).
                let (list, n) = &found[k];
                if let Some(&(p, end)) = list[..*n].iter().rev().find(|&&(p, end)| accept[k](p, s, end)) {
                    out[k].push(Match::new(s, end, p, ascii));
                    next[k] = end;
                    low = next[0].min(next[1]).min(next[2]);
                }
            }
        }
        // After a word, its end (a character that is no word character) is no start:
        // the next start is the character after it.
        s = if e > s { e + bytes.get(e).map_or(0, |&b| utf8_len(b)) } else { s + utf8_len(bytes[s]) };
    }
    out
}

/// Length of the UTF-8 character whose first byte is `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0xBF => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
    }
}

impl Lexicon {
    fn matchers(&self, ascii: bool) -> &Matchers {
        if ascii {
            self.ascii
                .get_or_init(|| Matchers::new(&self.person_table, &self.org_table, &self.cue_table, key::strip_accents))
        } else {
            &self.main
        }
    }

    /// An `exact` entry matches only as written (or as written without diacritics); an
    /// ambiguous organization head ("Báo", "Ban", "Phòng") only when capitalized, as the
    /// head of a proper name ("Báo Phú Yên", not "báo cáo").
    fn written_ok(e: &Entry, ascii_form: &str, written: &str) -> bool {
        let capital_head = !(e.ambiguous && matches!(e.kind, EntryKind::Org { head: true }))
            || written.chars().next().is_some_and(char::is_uppercase);
        (!e.exact || e.form == written || ascii_form == written) && capital_head
    }

    /// All matches of the document: the one lexical pass that later stages share.
    /// With `ascii`, the accent-free automata run instead (for text typed without
    /// diacritics, whose key is plain lower-case ASCII).
    pub(crate) fn scan(&self, text: &str, key: &str, ascii: bool) -> Scan {
        let m = self.matchers(ascii);
        let person = |p: usize, s: usize, e: usize| {
            m.person_pat[p].iter().any(|&i| {
                let i = i as usize;
                Self::written_ok(&self.person_table[i], &self.person_ascii_forms[i], &text[s..e])
            })
        };
        let org = |p: usize, s: usize, e: usize| {
            m.org_pat[p].iter().any(|&i| {
                let i = i as usize;
                Self::written_ok(&self.org_table[i], &self.org_ascii_forms[i], &text[s..e])
            })
        };
        let words = WordBits::new(key);
        let [person, org, cues] = find_words(m, key, &words, ascii, [&person, &org, &|_, _, _| true]);
        Scan { person, org, cues, ascii, words }
    }

    /// Honorifics, ranks, degrees and titles in `text` (whose key is `key`).
    #[cfg(test)]
    pub(crate) fn person_matches(&self, text: &str, key: &str) -> Vec<Match> {
        self.scan(text, key, false).person
    }

    /// Organizations and administrative units in `text`.
    #[cfg(test)]
    pub(crate) fn org_matches(&self, text: &str, key: &str) -> Vec<Match> {
        self.scan(text, key, false).org
    }

    /// Cue phrases and meeting kinds in `key`.
    #[cfg(test)]
    pub(crate) fn cue_matches(&self, text: &str, key: &str) -> Vec<Match> {
        self.scan(text, key, false).cues
    }

    /// The person-side entries a match stands for (exact entries that do not fit `written` left out).
    pub(crate) fn person_entries<'a>(&'a self, m: &Match, written: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let pat = &self.matchers(m.ascii()).person_pat[m.pattern() as usize];
        Self::fitting(pat, &self.person_table, &self.person_ascii_forms, written)
    }

    /// The organization-side entries a match stands for.
    pub(crate) fn org_entries<'a>(&'a self, m: &Match, written: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let pat = &self.matchers(m.ascii()).org_pat[m.pattern() as usize];
        Self::fitting(pat, &self.org_table, &self.org_ascii_forms, written)
    }

    /// The entries `ids` of `table` (whose accent-free forms are `ascii_forms`) that fit
    /// `written`.
    #[inline]
    fn fitting<'a>(
        ids: &'a [u32],
        table: &'a [Entry],
        ascii_forms: &'a [String],
        written: &'a str,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        ids.iter()
            .map(|&i| i as usize)
            .filter(move |&i| Self::written_ok(&table[i], &ascii_forms[i], written))
            .map(move |i| &table[i])
    }

    /// The cue entries a match stands for.
    pub(crate) fn cue_entries(&self, m: &Match) -> impl Iterator<Item = &CueEntry> + '_ {
        self.matchers(m.ascii()).cue_pat[m.pattern() as usize].iter().map(|&i| &self.cue_table[i as usize])
    }

    /// Expansion of an abbreviation written as `written` (titles and organizations).
    pub fn expansion(&self, written: &str) -> Option<&str> {
        let k = key::key(written);
        let m = &self.main;
        let found = longest_at(m, &k, 0, 1 << PERSON | 1 << ORG);
        for (found, ids, table) in
            [(found[PERSON], &m.person_pat, &self.person_table), (found[ORG], &m.org_pat, &self.org_table)]
        {
            if let Some((p, end)) = found {
                if end == k.len() {
                    for &i in &ids[p] {
                        let e = &table[i as usize];
                        if (!e.exact || e.form == written) && e.expansion.is_some() {
                            return e.expansion.as_deref();
                        }
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{LexiconBuilder, Table};

    #[test]
    fn abbreviations_expand() {
        let lex = Lexicon::default();
        assert_eq!(lex.expansion("HĐND"), Some("Hội đồng nhân dân"));
        assert_eq!(lex.expansion("TVHU"), Some("Ủy viên Ban Thường vụ Huyện ủy"));
        assert_eq!(lex.expansion("hđnd"), None);
    }

    #[test]
    fn matches_fold_case_and_tone() {
        let lex = Lexicon::default();
        let text = "ỦY BAN NHÂN DÂN và Uỷ ban nhân dân";
        let k = key::key(text);
        let m = lex.org_matches(text, &k);
        assert_eq!(m.len(), 2, "{m:?}");
    }

    #[test]
    fn exact_entries_need_capitals() {
        let lex = Lexicon::default();
        let text = "PCT UBND huyện, pct ubnd";
        let k = key::key(text);
        let m = lex.person_matches(text, &k);
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn no_match_inside_words() {
        let lex = Lexicon::default();
        let text = "không";
        let k = key::key(text);
        assert!(lex.person_matches(text, &k).is_empty());
    }

    #[test]
    fn matches_pack_into_eight_bytes() {
        assert_eq!(std::mem::size_of::<Match>(), 8);
        let m = Match::new(1 << 31, (1 << 31) + 255, MAX_ENTRIES - 1, true);
        assert_eq!(
            (m.start(), m.end(), m.pattern() as usize, m.ascii()),
            (1 << 31, (1 << 31) + 255, MAX_ENTRIES - 1, true)
        );
        let m = Match::new(7, 9, 0, false);
        assert_eq!((m.start(), m.end(), m.pattern(), m.ascii()), (7, 9, 0, false));
        let long = "a".repeat(MAX_FORM_BYTES + 1) + "\t\t\n";
        assert!(LexiconBuilder::new().add_table(Table::Titles, &long).is_err());
    }

    /// Text of lexicon forms (as written, folded to the key, accent-free), their first
    /// words and pieces of them, mixed with punctuation, digits, capitals, combining
    /// marks and odd Unicode.
    fn soup_parts() -> Vec<String> {
        let lex = Lexicon::default();
        let forms = lex.person_table.iter().map(|e| &e.form).chain(lex.org_table.iter().map(|e| &e.form));
        let mut parts: Vec<String> = forms.chain(lex.cue_table.iter().map(|e| &e.form)).step_by(7).cloned().collect();
        for f in parts.clone() {
            parts.push(key::key(&f));
            parts.push(key::strip_accents(&f));
            parts.push(first_word(&key::key(&f)).to_string());
            parts.extend(f.char_indices().nth(2).map(|(i, _)| f[..i].to_string()));
        }
        for p in [
            " ", " ", " ", "  ", ",", ".", "/", "-", "(", ")", "\n", "5", "2019", "×", "÷", "\u{a0}", "–", "…",
            "\u{301}", "\u{345}", "\u{36f}", "\u{370}", "ȿ", "ɐ", "Ω", "ẞ", "ᾀ", "\u{1dc0}", "中", "😀", "٣", "Ⅻ", "ǅ",
            "ŉ", "Đ", "ð", "Ð",
        ] {
            parts.push(p.to_string());
        }
        parts
    }

    fn soup(parts: &[String], picks: &[usize]) -> String {
        picks.iter().map(|&i| parts[i % parts.len()].as_str()).collect()
    }

    /// The scan with its first-word table against the plain one that walks the
    /// automaton from every word start (and checks every match for a word boundary).
    fn assert_scan_agrees(
        fast: &Matchers,
        plain: &Matchers,
        text: &str,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let all: &dyn Fn(usize, usize, usize) -> bool = &|_, _, _| true;
        // Refuses some matches, so that shorter candidates are taken.
        let some: &dyn Fn(usize, usize, usize) -> bool = &|p, s, e| (p + s + e) % 3 != 0;
        for key in [key::key(text), key::strip_accents(text), text.to_string()] {
            for accept in [[all, all, all], [some, all, some]] {
                let want = find_words(plain, &key, &WordBits::new(&key), false, accept);
                proptest::prop_assert_eq!(
                    find_words(fast, &key, &WordBits::new(&key), false, accept),
                    want,
                    "{:?}",
                    key
                );
            }
        }
        Ok(())
    }

    fn both_matchers(lex: &Lexicon, ascii: bool) -> (Matchers, Matchers) {
        let fold = if ascii { key::strip_accents } else { key::key };
        let new = || Matchers::new(&lex.person_table, &lex.org_table, &lex.cue_table, fold);
        let (fast, mut plain) = (new(), new());
        assert!(fast.first_words.is_some() && fast.pairs.is_some());
        plain.first_words = None;
        (fast, plain)
    }

    /// The scan with the first-word table but without the table of first two words.
    fn without_pairs(lex: &Lexicon, ascii: bool) -> Matchers {
        let fold = if ascii { key::strip_accents } else { key::key };
        let mut m = Matchers::new(&lex.person_table, &lex.org_table, &lex.cue_table, fold);
        m.pairs = None;
        m
    }

    #[test]
    fn first_word_table_scan_equals_plain_scan() {
        use proptest::strategy::{Strategy, ValueTree};
        let lex = Lexicon::default();
        let parts = soup_parts();
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        for ascii in [false, true] {
            let (fast, plain) = both_matchers(&lex, ascii);
            let no_pairs = without_pairs(&lex, ascii);
            for f in parts.iter().take(400) {
                assert_scan_agrees(&fast, &plain, f).unwrap();
                assert_scan_agrees(&no_pairs, &plain, f).unwrap();
            }
            let picks = proptest::collection::vec(0..parts.len(), 0..24);
            for _ in 0..600 {
                let text = soup(&parts, &picks.new_tree(&mut runner).unwrap().current());
                assert_scan_agrees(&fast, &plain, &text).unwrap();
                assert_scan_agrees(&no_pairs, &plain, &text).unwrap();
            }
        }
    }

    #[test]
    fn first_words_find_only_their_words() {
        let lex = Lexicon::default();
        let words = lex.main.first_words.as_ref().unwrap();
        let mut n = 0;
        for slot in words.slots.iter().filter(|s| s.word != Slot::EMPTY) {
            let (offset, len) = ((slot.word >> 8) as usize, (slot.word & 0xFF) as usize);
            let w = &words.words.as_bytes()[offset..offset + len];
            let text = [b"x ", w, b" y"].concat();
            assert!(std::ptr::eq(words.get(&text, 2, 2 + len).unwrap(), slot));
            // A longer word with the same first eight bytes is another word.
            let longer = [w, b"q"].concat();
            assert!(words.get(&longer, 0, longer.len()).is_none_or(|s| (s.word & 0xFF) as usize == longer.len()));
            n += 1;
        }
        assert!(n > 100, "{n}");
        assert!(words.get(b"qqqqqqqqqqqqqqqqqqqqq", 0, 21).is_none());
    }
}
