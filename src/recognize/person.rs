//! People: honorific, rank or degree + name + roles; roles before a name; lists
//! ("các đồng chí: A, role; B, role"); role-only mentions ("đồng chí Bí thư Huyện ủy").
//!
//! The recognizer walks the tokens of one block with the lexicon's matches at hand.
//! A name is a run of capitalized syllables; with no honorific or title before it,
//! it must open with a known family name. Roles are a title from the lexicon plus
//! the organization that follows it (organizations, level nouns with their place
//! names, capitalized words), split at `,`, `-`, `/`.

use crate::lexicon::WordList;
use crate::lexicon::{EntryKind, HonorificKind, Lexicon, Match, Scan};
use crate::spelling::is_word_char;
use crate::word_bits::WordBits;
use std::cell::{Cell, RefCell};

/// A role as written around a mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleMention {
    /// Start of the role (the title, or its qualifier).
    pub start: usize,
    /// End of the role.
    pub end: usize,
    /// Start of the title (after a qualifier).
    pub title_start: usize,
    /// End of the title part.
    pub title_end: usize,
    /// "former" or "acting" (written before the title); "elected", "appointed" or
    /// "relieved" for an office the text says the person is elected or appointed to, or
    /// relieved of.
    pub qualifier: Option<&'static str>,
    /// The role with its abbreviations expanded, when it has any.
    pub expanded: Option<String>,
}

/// An honorific, rank or degree as written before a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Honorific {
    /// The form as listed in the lexicon ("đồng chí" for "Đ/c").
    pub canonical: String,
    /// What it is.
    pub kind: HonorificKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One mention of a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    /// Start of the whole mention (honorific, roles before, name, roles after).
    pub start: usize,
    /// End of the whole mention.
    pub end: usize,
    /// The name, when written.
    pub name: Option<(usize, usize)>,
    /// Honorifics, ranks and degrees before the name.
    pub honorifics: Vec<Honorific>,
    /// Roles.
    pub roles: Vec<RoleMention>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// A word that does not open with a capital letter.
    Word,
    /// A word that opens with a capital letter (`char::is_uppercase`), told when
    /// tokenizing so that the walk need not decode it again.
    Cap,
    Punct(char),
}

impl Tok {
    /// A word, capitalized or not.
    #[inline]
    fn is_word(self) -> bool {
        matches!(self, Tok::Word | Tok::Cap)
    }
}

/// A token: its byte range (32-bit: texts are at most `lexicon::MAX_TEXT_BYTES`) and
/// kind, twelve bytes.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: u32,
    end: u32,
    kind: Tok,
}

impl Token {
    fn new(s: usize, e: usize, kind: Tok) -> Token {
        Token { start: s as u32, end: e as u32, kind }
    }
    /// First byte.
    #[inline]
    fn s(&self) -> usize {
        self.start as usize
    }
    /// One past the last byte.
    #[inline]
    fn e(&self) -> usize {
        self.end as usize
    }
}

/// Everything the recognizer needs about the document.
pub struct Ctx<'a> {
    /// Normalized text.
    pub text: &'a str,
    /// Its key.
    pub key: &'a str,
    /// Offsets of the spaces that stand for a column gap of the input (sorted): a
    /// name stops there ("Ông A B C          Chức vụ: …").
    pub gaps: &'a [u32],
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// Person-side matches of the whole text, sorted.
    pub person: &'a [Match],
    /// Organization-side matches of the whole text, sorted.
    pub org: &'a [Match],
    /// Cue matches of the whole text, sorted.
    pub cues: &'a [Match],
    /// The text is typed without diacritics.
    pub ascii: bool,
    /// The word characters of the text ([`Scan::words`]).
    pub words: &'a WordBits,
}

/// What [`Walker::org_capital`] says of a capitalized word.
enum OrgStep {
    /// The organization ends at this token.
    Stop(usize),
    /// The word is part of it.
    Go,
}

/// What [`Walker::extend_org`] took last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Took {
    Nothing,
    /// A level noun with its place ("huyện Hàm Yên").
    Unit,
    /// A whole organization from the lexicon ("Bộ Công an").
    Org,
    /// An organization head noun ("Hội đồng", "Ban").
    Head,
    /// A capitalized word.
    Cap,
    /// The lower-case second syllable of a capitalized compound ("Công an").
    Compound,
    /// A term ("khóa XIV"): "… đơn vị thành phố Đà Nẵng" may follow.
    Term,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Honorific(HonorificKind),
    Title { standalone: bool, needs_org: bool },
    Org { head: bool },
    Unit,
}

/// The tokens of one block (words, and punctuation marks one character each), made by
/// [`Tokens::fill`] (words and their ends read off the text's [`WordBits`], capitals
/// and other characters classified by their first byte, [`lead`]). A short
/// block is tokenized at once; a long one as the walk reaches its tokens (a few,
/// [`LAZY_BATCH`], ahead), which are dropped once the walk is past them: the walker
/// looks back at most [`LOOKBACK`] tokens and ahead as far as one mention runs, so
/// memory stays bounded by that rather than by the block (a block of a megabyte of
/// "((((" took 24 bytes a byte).
enum Tokens<'a> {
    All(Vec<Token>),
    /// `text` ends where the block does.
    Lazy {
        text: &'a str,
        words: &'a WordBits,
        w: RefCell<Window>,
    },
}

/// At most this many honorifics, ranks and degrees before one name, and at most this
/// many roles chained in one mention. Real mentions have a handful ("PGS TS BS",
/// "Ủy viên Bộ Chính trị, Bí thư Thành ủy, …": at most 3 and 4 in the corpus, the dev
/// set and the 5 653 bulk documents); a longer run ("Đ/c Đ/c Đ/c …" over a megabyte) goes on as the next
/// mentions, so a mention and the token window under it stay small.
const MAX_HONORIFICS: usize = 8;
const MAX_ROLES: usize = 8;

/// Blocks up to this many bytes are tokenized at once.
const EAGER_BLOCK: usize = 8 << 10;

/// A long block is tokenized this many tokens ahead of the furthest one asked for.
const LAZY_BATCH: usize = 16;

/// How far behind the walk a look-up may reach, in tokens: the tokens of a long block
/// are dropped only this far behind it. (The farthest is [`Walker::in_company_name`]'s,
/// six tokens before a name; a name's place context and a list's "và" look one to
/// three back.)
const LOOKBACK: usize = 16;

#[derive(Default)]
struct Window {
    /// Index of `buf[0]`.
    base: usize,
    buf: Vec<Token>,
    /// Where tokenizing goes on.
    pos: usize,
    /// Start of the last token dropped (checks that no look-up needs it again).
    dropped_s: Option<usize>,
}

impl<'a> Tokens<'a> {
    /// The tokens of `text[start..end]`; `words`: the word characters of `text`.
    fn new(text: &'a str, words: &'a WordBits, start: usize, end: usize) -> Self {
        // (Cut at the block's end: no word runs past it.)
        let text = &text[..end];
        let mut w = Window { pos: start, ..Window::default() };
        if end - start <= EAGER_BLOCK {
            // About a token per 5 bytes of Vietnamese text: room for most blocks at once.
            w.buf.reserve((end - start) / 5 + 4);
            Self::fill(text, words, &mut w, usize::MAX);
            return Tokens::All(w.buf);
        }
        Tokens::Lazy { text, words, w: RefCell::new(w) }
    }

    /// Tokenize `text[w.pos..]` until `w.buf` holds `len` tokens; false when the text
    /// ended first. (A word ends where `words` says, or at the end of `text`.)
    fn fill(text: &str, words: &WordBits, w: &mut Window, len: usize) -> bool {
        // (The buffer out of the window while tokenizing: its length stays in a register.)
        let mut buf = std::mem::take(&mut w.buf);
        let b = text.as_bytes();
        let mut i = w.pos;
        let full = loop {
            if buf.len() >= len {
                break true;
            }
            if i >= b.len() {
                break false;
            }
            // A word, told by its bit (a two-way branch that the alternation of words and
            // spaces predicts well, where a match on the first byte's class jumped).
            let cap = if words.is_word(i) {
                Some(capital(text, i))
            } else {
                match lead(text, i) {
                    Lead::Space(n) => {
                        i += n;
                        None
                    }
                    Lead::Punct(c) => {
                        let e = i + c.len_utf8();
                        buf.push(Token::new(i, e, Tok::Punct(c)));
                        i = e;
                        None
                    }
                    // (Not met: a word character has its bit.)
                    Lead::Word(cap) => Some(cap),
                }
            };
            if let Some(cap) = cap {
                // (At least one character: `i` is a word character.)
                let e = words.word_end(i).min(b.len()).max(i + 1);
                buf.push(Token::new(i, e, if cap { Tok::Cap } else { Tok::Word }));
                // (The usual one space after a word.)
                i = if b.get(e) == Some(&b' ') { e + 1 } else { e };
            }
        };
        w.buf = buf;
        w.pos = i;
        full
    }

    #[inline]
    fn get(&self, i: usize) -> Option<Token> {
        match self {
            Tokens::All(v) => v.get(i).copied(),
            Tokens::Lazy { text, words, w } => Self::get_lazy(text, words, w, i),
        }
    }

    #[inline(never)]
    fn get_lazy(text: &str, words: &WordBits, w: &RefCell<Window>, i: usize) -> Option<Token> {
        {
            let w = w.borrow();
            if let Some(t) = i.checked_sub(w.base).and_then(|k| w.buf.get(k)) {
                return Some(*t);
            }
        }
        let mut w = w.borrow_mut();
        if w.base + w.buf.len() <= i {
            // (A few tokens more than asked for: the walk goes on to them.)
            let len = i + 1 - w.base + LAZY_BATCH;
            Self::fill(text, words, &mut w, len);
        }
        debug_assert!(i >= w.base, "token {i} was dropped (window starts at {})", w.base);
        w.buf.get(i.checked_sub(w.base)?).copied()
    }

    /// Index of the first token that starts at or after byte `pos`.
    fn at_or_after(&self, pos: usize) -> usize {
        let (text, words, w) = match self {
            Tokens::All(v) => return v.partition_point(|t| t.s() < pos),
            Tokens::Lazy { text, words, w } => (text, words, w),
        };
        let mut w = w.borrow_mut();
        while w.buf.last().is_none_or(|t| t.s() < pos) {
            let len = w.buf.len() + LAZY_BATCH;
            if !Self::fill(text, words, &mut w, len) {
                break;
            }
        }
        debug_assert!(w.dropped_s.is_none_or(|s| s < pos), "a dropped token starts at or after {pos}");
        w.base + w.buf.partition_point(|t| t.s() < pos)
    }

    /// The first token from `i` on that [`Walker::inert`]'s short cut does not step over,
    /// given `first`, the first start of a lexicon match at or after the walk's cursors:
    /// a word that opens with a capital, or one whose next token starts at or after
    /// `first`, or the last token. (Of a long block, only the tokens already in the
    /// window are stepped over: the walk drops them behind it as it goes.)
    #[inline]
    fn skip_inert(&self, i: usize, first: usize) -> usize {
        let skip = |v: &[Token], mut k: usize| {
            while let (Some(t), Some(n)) = (v.get(k), v.get(k + 1)) {
                if t.kind == Tok::Cap || n.s() >= first {
                    break;
                }
                k += 1;
            }
            k
        };
        match self {
            Tokens::All(v) => skip(v, i),
            Tokens::Lazy { w, .. } => {
                let w = w.borrow();
                i.checked_sub(w.base).map_or(i, |k| w.base + skip(&w.buf, k))
            }
        }
    }

    /// Drop the tokens before index `i` (in batches).
    fn drop_before(&self, i: usize) {
        let Tokens::Lazy { w, .. } = self else { return };
        let mut w = w.borrow_mut();
        if i >= w.base + 64 {
            let n = (i - w.base).min(w.buf.len());
            if n > 0 {
                w.dropped_s = Some(w.buf[n - 1].s());
            }
            w.buf.drain(..n);
            w.base += n;
        }
    }
}

/// What the tokenizer finds at a character: [`lead`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// White space of this many bytes: skipped.
    Space(usize),
    /// A character that is neither a word character nor white space: a token of its own.
    Punct(char),
    /// A word character: a word starts; `true` when it is a capital letter.
    Word(bool),
}

/// Classes of a character's first byte for [`lead`].
mod class {
    /// ASCII white space.
    pub const SPACE: u8 = 0;
    /// Other ASCII that is no letter or digit.
    pub const PUNCT: u8 = 1;
    /// ASCII lower-case letter or digit.
    pub const LOWER: u8 = 2;
    /// ASCII capital.
    pub const UPPER: u8 = 3;
    /// U+00C0..U+00FF: letters but × and ÷.
    pub const C3: u8 = 4;
    /// U+0100..U+013F: letters (Đ, đ, Ă, ă, Ĩ, ĩ among them).
    pub const C4: u8 = 5;
    /// U+0300..U+033F: combining marks, word characters that are no capital.
    pub const CC: u8 = 6;
    /// U+1000..U+1FFF: U+1E80..U+1EFF (lead byte E1, then BA or BB) are letters.
    pub const E1: u8 = 7;
    /// Anything else: decoded ([`super::lead_plain`]).
    pub const SLOW: u8 = 8;

    /// The class of every byte.
    pub const TABLE: [u8; 256] = {
        let mut t = [SLOW; 256];
        let mut i = 0;
        while i < 0x80 {
            let b = i as u8;
            t[i] = if b.is_ascii_uppercase() {
                UPPER
            } else if b.is_ascii_alphanumeric() {
                LOWER
            } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                SPACE
            } else {
                PUNCT
            };
            i += 1;
        }
        t[0xC3] = C3;
        t[0xC4] = C4;
        t[0xCC] = CC;
        t[0xE1] = E1;
        t
    };
}

/// [`lead`] by decoding the character at `text[i..]` and asking
/// [`is_word_char`], `char::is_whitespace` and `char::is_uppercase`.
fn lead_plain(text: &str, i: usize) -> Lead {
    let c = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
    if is_word_char(c) {
        Lead::Word(c.is_uppercase())
    } else if c.is_whitespace() {
        Lead::Space(c.len_utf8())
    } else {
        Lead::Punct(c)
    }
}

/// What the character at byte `i` of `text` (a character boundary before its end) is
/// to the tokenizer: [`lead_plain`], with fast paths on the class of its first byte
/// ([`class::TABLE`]) for what Vietnamese text is made of (ASCII, Latin-1 letters,
/// Đ and đ, combining marks, the letters U+1E80..U+1EFF); only other characters are
/// decoded.
#[inline]
fn lead(text: &str, i: usize) -> Lead {
    let b = text.as_bytes();
    let x = b[i];
    match class::TABLE[usize::from(x)] {
        class::SPACE => Lead::Space(1),
        class::PUNCT => Lead::Punct(char::from(x)),
        class::LOWER => Lead::Word(false),
        class::UPPER => Lead::Word(true),
        class::C3 => match b.get(i + 1) {
            Some(0x97) => Lead::Punct('×'),
            Some(0xB7) => Lead::Punct('÷'),
            // U+00C0..U+00DE are capitals (× aside), U+00DF..U+00FF are not.
            Some(&y) => Lead::Word(y <= 0x9E),
            None => lead_plain(text, i),
        },
        class::C4 => match b.get(i + 1) {
            Some(0x90) => Lead::Word(true),
            Some(0x91) => Lead::Word(false),
            _ => lead_plain(text, i),
        },
        class::CC => Lead::Word(false),
        class::E1 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(&y @ (0xBA | 0xBB)), Some(&z)) => {
                let cp = 0x1E00 | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F);
                // Capitals at even code points, but for the small letters U+1E96..U+1E9D.
                Lead::Word(cp % 2 == 0 && !(0x1E96..=0x1E9D).contains(&cp))
            }
            _ => lead_plain(text, i),
        },
        _ => lead_plain(text, i),
    }
}

/// Is the word character at byte `i` of `text` a capital? ([`lead`]'s answer, with
/// ASCII first.)
#[inline]
fn capital(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        x @ 0..0x80 => x.is_ascii_uppercase(),
        _ => matches!(lead(text, i), Lead::Word(true)),
    }
}

/// Has the capitalized word `w` the shape of a name syllable: at most 8 characters, no
/// digit, the letters after the first all in lower case (or a single capital)? On bytes
/// for ASCII, Latin-1 letters, Đ/đ, the combining marks U+0300..U+033F and the letters
/// U+1E80..U+1EFF; [`name_shape_plain`] for a word with any other character.
#[inline]
fn name_shape(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&x) = b.first() else { return false };
    // The first character is stepped over (its continuation bytes are not counted).
    let mut chars = 1;
    let mut i = 1;
    if x >= 0x80 {
        while b.get(i).is_some_and(|&y| y & 0xC0 == 0x80) {
            i += 1;
        }
    }
    while let Some(&x) = b.get(i) {
        let ok = match x {
            0..0x80 => !x.is_ascii_digit() && !x.is_ascii_uppercase(),
            0x80..0xC0 => {
                // A continuation byte: counted with its lead byte.
                i += 1;
                continue;
            }
            // U+00C0..U+00DE are capitals (× aside).
            0xC3 => b.get(i + 1).is_some_and(|&y| y == 0x97 || y >= 0x9F),
            0xC4 if b.get(i + 1) == Some(&0x90) => false,
            0xC4 if b.get(i + 1) == Some(&0x91) => true,
            0xCC => true,
            0xE1 if matches!(b.get(i + 1), Some(0xBA | 0xBB)) => {
                let cp = 0x1E00 | (u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b.get(i + 2).map_or(0, |z| z & 0x3F));
                // (A small letter: odd, or one of U+1E96..U+1E9D.)
                cp % 2 == 1 || (0x1E96..=0x1E9D).contains(&cp)
            }
            _ => return name_shape_plain(w),
        };
        chars += 1;
        if !ok || chars > 8 {
            return false;
        }
        i += 1;
    }
    true
}

/// [`name_shape`] character by character.
fn name_shape_plain(w: &str) -> bool {
    let mut cs = w.chars();
    if cs.next().is_none() {
        return false;
    }
    let (mut count, mut all_lower) = (1, true);
    for c in cs {
        count += 1;
        if count > 8 || c.is_ascii_digit() {
            return false;
        }
        all_lower &= !crate::spelling::is_alphabetic(c) || c.is_lowercase();
    }
    all_lower || count == 1
}

fn find_at(ms: &[Match], pos: usize) -> Option<&Match> {
    let i = ms.partition_point(|m| m.start() < pos);
    ms.get(i).filter(|m| m.start() == pos)
}

struct Walker<'a, 'c> {
    c: &'c Ctx<'a>,
    toks: Tokens<'a>,
    /// Where the last look-up in the person-side and organization matches ended: the
    /// walk asks about nearby positions, so look-ups start there.
    cursor: [Cell<usize>; 2],
    /// The last answers of [`Walker::name_syllable`], by token index modulo 16 (the
    /// capitalized-run checks ask about the same tokens again and again).
    name_memo: [Cell<(usize, bool)>; 16],
    /// The last answers of [`Walker::person_at`] and [`Walker::org_at`] (the match's
    /// index and kind), by token index modulo 16.
    match_memo: [[Cell<MatchMemo>; 16]; 2],
    /// The last answers of [`Walker::is_surname`] (whether the word is a family name,
    /// and if so whether it is also a common word), by token index modulo 16.
    surname_memo: [Cell<(usize, Option<bool>)>; 16],
    /// End of the block.
    end: usize,
    /// Take the walk's short cuts: step over runs of inert tokens at once
    /// ([`Tokens::skip_inert`]), count only office cues among the cue matches and whole
    /// organizations (not a head noun) among the organization matches that keep a token
    /// from being inert ([`Walker::relevant_at_or_after`]: a lower-case word where only
    /// another one starts is stepped over all the same) and answer
    /// [`Walker::at_bare_name`] for a capitalized word with none after it before its
    /// look-ups. Off only in the tests that compare
    /// the two walks.
    fast: bool,
}

/// The walk's cursors for [`Walker::inert`]: the index of the first person-side,
/// organization and cue match at or after the last token asked about, and whether an
/// organization or a cue match starts at that token.
#[derive(Default)]
struct Ahead {
    person: usize,
    org: usize,
    cues: usize,
    org_here: bool,
    cue_here: bool,
    /// A person-side match starts at the token, or at the next one.
    person_here: bool,
    person_next: bool,
    /// The first start among the matches at the three cursors (`usize::MAX` when none):
    /// no match starts between the last token asked about and it.
    first: usize,
}

/// A remembered look-up: the token index, and the match's index and kind if any.
type MatchMemo = (usize, Option<(u32, Kind)>);

/// [`find_at`] starting from `cursor` (a guess of where `pos` is), which is left where
/// the search ended: galloping from the guess, so a walk that moves forward pays O(1).
fn find_near<'m>(ms: &'m [Match], cursor: &Cell<usize>, pos: usize) -> Option<&'m Match> {
    let n = ms.len();
    let mut i = cursor.get().min(n);
    // Invariant sought: every match before i starts before pos, and ms[i] does not.
    if i < n && ms[i].start() < pos {
        let mut step = 1;
        let mut lo = i + 1;
        while lo + step <= n && ms[lo + step - 1].start() < pos {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(n);
        i = lo + ms[lo..hi].partition_point(|m| m.start() < pos);
    } else if i > 0 && ms[i - 1].start() >= pos {
        let mut step = 1;
        let mut hi = i - 1;
        while hi >= step && ms[hi - step].start() >= pos {
            hi -= step;
            step *= 2;
        }
        let lo = hi.saturating_sub(step);
        i = lo + ms[lo..hi].partition_point(|m| m.start() < pos);
    }
    cursor.set(i);
    ms.get(i).filter(|m| m.start() == pos)
}

impl<'a> Walker<'a, '_> {
    /// Token `i` (which must exist).
    fn tok(&self, i: usize) -> Token {
        self.toks.get(i).expect("a token the walk has seen")
    }
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.kind.is_word().then(|| &self.c.text[t.s()..t.e()])
    }
    fn wkey(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.kind.is_word().then(|| &self.c.key[t.s()..t.e()])
    }
    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Tok::Punct(c) => Some(c),
            Tok::Word | Tok::Cap => None,
        }
    }
    /// Token index at or after byte `pos`.
    fn tok_at(&self, pos: usize) -> usize {
        self.toks.at_or_after(pos)
    }
    fn person_kind(&self, m: &Match) -> Option<Kind> {
        let written = &self.c.text[m.start()..m.end()];
        self.c.lex.person_entries(m, written).next().map(|e| match e.kind {
            EntryKind::Honorific(h) => Kind::Honorific(h),
            EntryKind::Title { standalone, needs_org } => Kind::Title { standalone, needs_org },
            EntryKind::Org { head } => Kind::Org { head },
            EntryKind::Unit(_) => Kind::Unit,
        })
    }
    fn org_kind(&self, m: &Match) -> Option<Kind> {
        let written = &self.c.text[m.start()..m.end()];
        self.c.lex.org_entries(m, written).next().map(|e| match e.kind {
            EntryKind::Unit(_) => Kind::Unit,
            EntryKind::Org { head } => Kind::Org { head },
            EntryKind::Title { standalone, needs_org } => Kind::Title { standalone, needs_org },
            EntryKind::Honorific(h) => Kind::Honorific(h),
        })
    }
    /// A person-side match starting at token `i`.
    fn person_at(&self, i: usize) -> Option<(&'a Match, Kind)> {
        self.memo_at(0, i, |m| self.person_kind(m))
    }
    fn org_at(&self, i: usize) -> Option<(&'a Match, Kind)> {
        self.memo_at(1, i, |m| self.org_kind(m))
    }
    /// The match of side `side` (0 person, 1 organization) at token `i` and its kind,
    /// remembered by token (the walk asks about the same tokens several times).
    fn memo_at(&self, side: usize, i: usize, kind: impl Fn(&Match) -> Option<Kind>) -> Option<(&'a Match, Kind)> {
        let ms: &'a [Match] = if side == 0 { self.c.person } else { self.c.org };
        let slot = &self.match_memo[side][i % 16];
        let (at, found) = slot.get();
        if at == i {
            return found.map(|(k, kind)| (&ms[k as usize], kind));
        }
        let found = self.toks.get(i).and_then(|t| {
            let m = find_near(ms, &self.cursor[side], t.s())?;
            Some((m, kind(m)?))
        });
        // (A match's index: where the cursor was left.)
        slot.set((i, found.map(|(_, kind)| (self.cursor[side].get() as u32, kind))));
        found
    }
    fn is_title_at(&self, i: usize) -> bool {
        matches!(self.person_at(i), Some((_, Kind::Title { .. })))
    }
    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Tok::Cap)
    }
    /// Can token `i` be a syllable of a personal name?
    #[inline]
    fn name_syllable(&self, i: usize) -> bool {
        // (Only a capitalized word can be one: told by the token, before the memo.)
        self.cap(i) && self.name_syllable_memo(i)
    }
    fn name_syllable_memo(&self, i: usize) -> bool {
        let memo = &self.name_memo[i % 16];
        if memo.get().0 == i {
            return memo.get().1;
        }
        let v = self.name_syllable_uncached(i);
        memo.set((i, v));
        v
    }
    fn name_syllable_uncached(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i).filter(|t| t.kind == Tok::Cap) else { return false };
        if !name_shape(&self.c.text[t.s()..t.e()]) {
            return false;
        }
        let k = &self.c.key[t.s()..t.e()];
        if self.c.lex.is_not_name(k, self.c.ascii) {
            return false;
        }
        // A multi-word lexicon entry starting here is not a name (Ban Dân vận, Phó Chủ tịch).
        let is_surname = || self.c.lex.surname(k, self.c.ascii).is_some();
        for (ms, is_person, cursor) in [(self.c.person, true, &self.cursor[0]), (self.c.org, false, &self.cursor[1])] {
            if let Some(m) = find_near(ms, cursor, t.s()) {
                if m.end() > t.e() {
                    return false;
                }
                let written = &self.c.text[m.start()..m.end()];
                let abbr_or_title = if is_person {
                    self.c.lex.person_entries(m, written).any(|e| !matches!(e.kind, EntryKind::Honorific(_)))
                } else {
                    self.c
                        .lex
                        .org_entries(m, written)
                        .any(|e| e.exact || matches!(e.kind, EntryKind::Org { head: true }))
                };
                if abbr_or_title && !is_surname() {
                    return false;
                }
            }
        }
        true
    }
    /// A full name written in capitals at `i` ("NGUYỄN VĂN AN"): 2 to 5 all-capital
    /// syllables opening with a family name. Returns its length, or 0.
    fn upper_name_run(&self, i: usize) -> usize {
        let upper = |k: usize| {
            self.word(k).is_some_and(|w| {
                w.chars().count() >= 2
                    && w.chars().count() <= 8
                    && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
            })
        };
        let n = (0..5).take_while(|&d| upper(i + d) && (d == 0 || !self.gap_before(i + d))).count();
        let ok = (2..=5).contains(&n)
            && self.is_surname(i, true)
            && !self.cap(i + n)
            && (i + 1..i + n).all(|k| !self.wkey(k).is_some_and(|w| self.c.lex.is_not_name(w, self.c.ascii)));
        if ok { n } else { 0 }
    }

    /// Is there a column gap of the input between token `k - 1` and token `k`?
    fn gap_before(&self, k: usize) -> bool {
        if k == 0 || self.c.gaps.is_empty() {
            return false;
        }
        let (Some(a), Some(b)) = (self.toks.get(k - 1), self.toks.get(k)) else { return false };
        let p = self.c.gaps.partition_point(|&g| (g as usize) < a.e());
        self.c.gaps.get(p).is_some_and(|&g| (g as usize) < b.s())
    }

    /// Length (in tokens) of the run of name syllables at `i`, at most `max`; a column
    /// gap ends it ("Lê Văn Hùng        Đỗ Thị Lan": two signers' names).
    fn cap_run(&self, i: usize, max: usize) -> usize {
        let mut n = 0;
        while n < max {
            if n > 0 && self.gap_before(i + n) {
                break;
            }
            if self.name_syllable(i + n) || (n > 0 && self.word_in_name(i, n, max)) {
                n += 1;
            } else {
                break;
            }
        }
        n
    }
    /// Is token `i + n`, a capitalized common noun that is also a given name ("Lê Trường
    /// Sơn", "Trần Thị Phường", "Lê Bộ Lĩnh", "Hà Ban"), a syllable of the name that the
    /// family name at `i` opens? Only as the second or third syllable, where it ends the
    /// run (punctuation or a verb follows) or, second, a name syllable follows; never
    /// where a longer lexicon entry starts ("Ban Tổ chức", "Bộ Công an").
    fn word_in_name(&self, i: usize, n: usize, max: usize) -> bool {
        let k = i + n;
        // (The token's capital first: the family-name look-up costs more.)
        if n > 2 || !self.cap(k) || !self.is_surname(i, true) {
            return false;
        }
        let Some(w) = self.word(k) else { return false };
        let mut cs = w.chars();
        let first_upper = cs.next().is_some_and(char::is_uppercase);
        if !first_upper || w.chars().count() > 8 || !cs.all(|c| crate::spelling::is_alphabetic(c) && c.is_lowercase()) {
            return false;
        }
        let t = self.tok(k);
        // One space from the syllable before (a tab or a line break ends the name).
        if &self.c.text[self.tok(k - 1).e()..t.s()] != " " {
            return false;
        }
        for (ms, cursor) in [(self.c.person, &self.cursor[0]), (self.c.org, &self.cursor[1])] {
            if find_near(ms, cursor, t.s()).is_some_and(|m| m.end() > t.e()) {
                return false;
            }
        }
        // An organization or level noun by itself ("Trường", "Phường", "Bộ", "Ban", "Đoàn").
        if self.is_title_at(k) || self.org_at(k).is_none_or(|(m, _)| m.end() != t.e()) {
            return false;
        }
        let ends = match self.toks.get(k + 1) {
            None => true,
            // "Ông Trần Đức Phường          Chức vụ: …": a column follows.
            Some(_) if self.gap_before(k + 1) => true,
            Some(t) => match t.kind {
                Tok::Punct(c) => matches!(c, ',' | ';' | '.' | ')' | '-' | '–' | ':'),
                Tok::Cap => false,
                Tok::Word => self.name_ends(k + 1),
            },
        };
        ends || (n == 1 && n + 1 < max && self.name_syllable(k + 1))
    }
    fn is_surname(&self, i: usize, allow_word: bool) -> bool {
        let memo = &self.surname_memo[i % 16];
        let (at, known) = memo.get();
        let s = if at == i {
            known
        } else {
            let s = self.wkey(i).and_then(|k| self.c.lex.surname(k, self.c.ascii)).map(|s| s.word);
            memo.set((i, s));
            s
        };
        s.is_some_and(|word| allow_word || !word)
    }
    fn is_middle(&self, i: usize) -> bool {
        self.wkey(i).is_some_and(|k| self.c.lex.is_middle_name(k, self.c.ascii))
    }
    /// Does a run of `n` syllables at `i` look like a full personal name?
    fn looks_like_name(&self, i: usize, n: usize) -> bool {
        (2..=5).contains(&n)
            && (self.is_surname(i, n >= 3) || (n >= 3 && self.is_middle(i + 1)))
            && !self.historical(i, n)
    }
    fn historical(&self, i: usize, n: usize) -> bool {
        let (s, e) = (self.tok(i).s(), self.tok(i + n - 1).e());
        self.c.lex.is_historical(&self.c.key[s..e], self.c.ascii)
    }
    /// Where a person's name starts inside a capitalized run after a level noun
    /// ("huyện Hàm Yên Vũ Đình Hưng" → 2), if it holds one.
    fn person_split(&self, i: usize, n: usize) -> Option<usize> {
        let mut best: Option<(i32, usize)> = None;
        for k in 0..n {
            let len = n - k;
            if !(2..=4).contains(&len) || !self.is_surname(i + k, true) {
                continue;
            }
            let mut score = 0;
            if self.is_surname(i + k, false) {
                score += 3;
            }
            score += match len {
                3 => 2,
                2 | 4 => 1,
                _ => 0,
            };
            if self.is_middle(i + k + 1) {
                score += 1;
            }
            if k > 0 && self.is_surname(i, false) && k < 2 {
                score -= 1;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, k));
            }
        }
        best.filter(|&(s, _)| s >= 3).map(|(_, k)| k)
    }
    fn token_end(&self, i: usize) -> usize {
        self.tok(i).e()
    }
    /// A term cue with its number at token `i` ("khóa XIV", "nhiệm kỳ 2014-2019"): the
    /// token after it.
    fn term_at(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?;
        let m = find_at(self.c.cues, t.s())?;
        if !self.c.lex.cue_entries(m).any(|c| c.name == "term") {
            return None;
        }
        let j = self.tok_at(m.end());
        let numeral = |k: usize| {
            self.word(k).is_some_and(|w| {
                w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit())
                    || w.len() <= 6 && w.bytes().all(|b| b"IVXLC".contains(&b))
            })
        };
        if !numeral(j) {
            return None;
        }
        // "2014-2019", "2014 - 2019"
        if self.punct(j + 1) == Some('-') && numeral(j + 2) {
            return Some(j + 3);
        }
        Some(j + 1)
    }

    /// Is token `i` a one-word cue of cues.tsv named `name`?
    fn cue_is(&self, i: usize, name: &str) -> bool {
        self.wkey(i).is_some_and(|k| self.c.lex.is_word_cue(k, name, self.c.ascii))
    }
    /// "nguyên" (former), "quyền" (acting) before a title?
    fn qualifier_at(&self, i: usize) -> bool {
        self.cue_is(i, "former") || self.cue_is(i, "acting")
    }

    /// Extend an organization after a title, from token `i`. Returns the token after it.
    fn extend_org(&self, mut i: usize, before_name: bool) -> usize {
        let start = i;
        let mut took = Took::Nothing;
        loop {
            if let Some((m, kind)) = self.org_at(i) {
                let mut j = self.tok_at(m.end());
                took = match kind {
                    Kind::Org { head: true } => Took::Head,
                    Kind::Unit => Took::Unit,
                    _ => Took::Org,
                };
                if kind == Kind::Unit {
                    let n = self.cap_run(j, 7);
                    if n > 0 {
                        let take = if before_name { self.person_split(j, n).unwrap_or(n) } else { n };
                        j += take;
                        if take < n {
                            return j;
                        }
                    }
                }
                i = j;
                continue;
            }
            if self.is_title_at(i) && i > start {
                return i;
            }
            // "Quốc hội khóa XIV", "Ủy ban … nhiệm kỳ 2014-2019": the term belongs to the body.
            if i > start {
                if let Some(j) = self.term_at(i) {
                    i = j;
                    took = Took::Term;
                    continue;
                }
            }
            if let Some(w) = self.word(i) {
                if self.cap(i) {
                    match self.org_capital(i, took, before_name) {
                        OrgStep::Stop(k) => return k,
                        OrgStep::Go => {
                            i += 1;
                            took = Took::Cap;
                            continue;
                        }
                    }
                }
                if let Some((k, t)) = self.org_lower(i, start, w, took) {
                    (i, took) = (k, t);
                    continue;
                }
            }
            // "Ủy ban Tài chính, Ngân sách": a comma between two capitalized compound nouns
            // inside one name (a place or a person after the comma has no lower-case second
            // syllable).
            if self.punct(i) == Some(',') && i > start && self.word(i - 1).is_some() && self.compound_noun(i + 1) {
                i += 1;
                continue;
            }
            if self.punct(i) == Some('-') && i > start {
                // A hyphen glued on both sides joins parts of one name: "HĐND-UBND".
                let (a, b) = (self.tok(i - 1).e(), self.toks.get(i + 1).map(|t| t.s()));
                if a == self.tok(i).s() && b == Some(self.tok(i).e()) && self.word(i + 1).is_some() {
                    i += 1;
                    continue;
                }
            }
            return i;
        }
    }

    /// A capitalized word `i` inside the organization [`Walker::extend_org`] reads
    /// (`took` last): the organization ends before it (a name, a function word, an
    /// honorific) or takes it.
    fn org_capital(&self, i: usize, took: Took, before_name: bool) -> OrgStep {
        let n = self.cap_run(i, 5);
        if n >= 2 && self.looks_like_name(i, n) && self.is_surname(i, false) {
            return OrgStep::Stop(i);
        }
        if self.cue_is(i, "function_word") {
            // "… Bộ Công thương Trong thời gian …": a capitalized function word.
            return OrgStep::Stop(i);
        }
        // A place run on by a name: "Hải quan Việt Nam Mai Xuân Thành".
        if before_name && n >= 3 {
            if let Some(k) = self.person_split(i, n) {
                return OrgStep::Stop(i + k);
            }
        }
        // After a whole organization a name may open with a family name that is
        // also a word: "Bộ trưởng Bộ Công an Tô Lâm".
        if before_name
            && matches!(took, Took::Org | Took::Head)
            && (2..=4).contains(&n)
            && self.is_surname(i, true)
            && self.name_ends(i + n)
        {
            return OrgStep::Stop(i);
        }
        if self.person_at(i).is_some_and(|(_, k)| matches!(k, Kind::Honorific(_))) {
            return OrgStep::Stop(i);
        }
        OrgStep::Go
    }

    /// A lower-case word `w` at `i` inside the organization [`Walker::extend_org`] reads
    /// from `start` (`took` last): where the organization goes on and what it took, or
    /// `None` when the word is no part of it.
    fn org_lower(&self, i: usize, start: usize, w: &str, took: Took) -> Option<(usize, Took)> {
        // "Ủy ban Đối ngoại của Quốc hội": "của" before a whole organization.
        if self.cue_is(i, "of") && i > start && self.org_at(i + 1).is_some_and(|(_, k)| k != Kind::Unit) {
            return Some((i + 1, took));
        }
        if w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 2 && i == start && self.org_at(i + 1).is_some() {
            return Some((i + 1, took));
        }
        if took == Took::Cap && w.chars().all(char::is_lowercase) && !self.cue_is(i, "function_word") {
            // Second syllable of a capitalized compound ("Dân vận", "Tài chính").
            if self.person_at(i).is_none() && !self.cue_start(i) {
                return Some((i + 1, Took::Compound));
            }
        }
        // Lower-case words inside a name, between its head and a capitalized part:
        // "Hội đồng thành viên Tập đoàn …", "Trung tâm Đáp ứng khẩn cấp sự kiện Y tế …".
        if matches!(took, Took::Head | Took::Compound | Took::Term) {
            let lower = |k: usize| {
                self.word(k).is_some_and(|w| w.chars().all(char::is_lowercase))
                    && !self.cue_is(k, "function_word")
                    && self.person_at(k).is_none()
                    && self.org_at(k).is_none()
                    && !self.cue_start(k)
            };
            let n = (0..3).take_while(|&d| lower(i + d)).count();
            let k = i + n;
            let place = |k: usize| {
                let m = self.cap_run(k, 5);
                m >= 1 && !self.looks_like_name(k, m) && self.person_at(k).is_none() && self.name_ends(k + m)
            };
            let org_next = self.org_at(k).is_some_and(|(_, kd)| kd != Kind::Unit || took == Took::Term);
            if n > 0 && (org_next || self.compound_noun(k) || place(k)) {
                // A whole organization before the words still counts as one
                // ("Hội đồng thành viên Tập đoàn …" took "Hội đồng").
                return Some((k, if matches!(took, Took::Org | Took::Head) { Took::Org } else { Took::Nothing }));
            }
            // The lower-case last words of a name, where the role ends after them: "Khu di
            // tích", "Cục An ninh chính trị nội bộ", "Trung tâm … và thi đấu thể thao".
            let n = (0..4).take_while(|&d| lower(i + d)).count();
            let k = i + n;
            let role_end = match self.toks.get(k) {
                None => true,
                Some(t) => match t.kind {
                    Tok::Punct(c) => {
                        matches!(c, ',' | ';' | ')' | '.')
                            || matches!(c, '-' | '–')
                                && self.tok(k - 1).e() < t.s()
                                && self.toks.get(k + 1).is_some_and(|u| t.e() < u.s())
                    }
                    Tok::Word | Tok::Cap => self.cue_start(k),
                },
            };
            // (After a head noun, or a capitalized field right after one: "Cục An ninh …",
            // not "Becamex IDC cho rằng".)
            let after_head = took == Took::Head
                || took == Took::Compound
                    && i >= 3
                    && self.cap(i - 2)
                    && self.word(i - 2).is_some_and(|w| w.chars().skip(1).all(char::is_lowercase))
                    && (self.cue_is(i - 3, "list_and")
                        || self
                            .org_at(i - 3)
                            .is_some_and(|(m, kd)| kd == Kind::Org { head: true } && m.end() == self.tok(i - 3).e()));
            if n > 0 && after_head && role_end {
                return Some((k, Took::Nothing));
            }
            // A level after a field: "Ban Chỉ đạo bầu cử xã", "Tiểu ban Bảo vệ chính trị
            // nội bộ Trung ương".
            if n > 0 && matches!(took, Took::Head | Took::Compound) {
                if let Some((m, Kind::Unit)) = self.org_at(k) {
                    // (Not "xã" in "xã hội": a place, the end of the role or a verb follows.)
                    let u = self.tok_at(m.end());
                    let ends = self.toks.get(u).is_none_or(|t| !t.kind.is_word()) || self.cap(u) || self.cue_start(u);
                    if ends {
                        return Some((k, Took::Org));
                    }
                }
            }
        }
        if (self.cue_is(i, "list_and") || w == "&")
            && self.cap(i + 1)
            && !self.looks_like_name(i + 1, self.cap_run(i + 1, 5))
            && self.person_at(i + 1).is_none()
            && i > start
        {
            return Some((i + 1, took));
        }
        None
    }

    /// Is token `i` a capitalized compound noun inside a name ("Ngân sách", "Công nghệ"):
    /// a capitalized word that is no title or honorific, then a lower-case syllable that
    /// is no function word or verb cue?
    fn compound_noun(&self, i: usize) -> bool {
        self.cap(i)
            && self.cap_run(i, 2) == 1
            && self.person_at(i).is_none()
            && self.word(i + 1).is_some_and(|w| w.chars().all(char::is_lowercase))
            && self.person_at(i + 1).is_none()
            && !self.cue_start(i + 1)
            && !self.cue_is(i + 1, "function_word")
    }

    /// Does a name that ends before token `i` end there: punctuation, the end of the block,
    /// a verb cue or a function word?
    fn name_ends(&self, i: usize) -> bool {
        self.toks.get(i).is_none()
            || self.punct(i).is_some()
            || self.cue_start(i)
            || self.cue_is(i, "function_word")
            || self.person_at(i).is_some()
    }

    /// Does a verb that ends a role ("chủ trì", "phát biểu", …: lexicon cues) start at token `i`?
    fn cue_start(&self, i: usize) -> bool {
        let t = self.tok(i);
        find_at(self.c.cues, t.s()).is_some_and(|m| {
            self.c.lex.cue_entries(m).any(|c| {
                matches!(
                    c.name.as_str(),
                    "predicate"
                        | "chair"
                        | "co_chair"
                        | "attend"
                        | "directive"
                        | "conclusion"
                        | "opening"
                        | "closing"
                        | "report"
                        | "contribution"
                        | "speech"
                )
            })
        })
    }

    /// Parse a chain of roles starting at token `i`. Returns the roles and the next token.
    fn roles(&self, mut i: usize, before_name: bool) -> (Vec<RoleMention>, usize) {
        let mut out = Vec::new();
        loop {
            let start_i = i;
            let mut qualifier = None;
            if self.cue_is(i, "former") && self.is_title_at(i + 1) {
                qualifier = Some("former");
                i += 1;
            } else if self.cue_is(i, "acting") && self.is_title_at(i + 1) {
                qualifier = Some("acting");
                i += 1;
            }
            let Some((m, Kind::Title { standalone, needs_org })) = self.person_at(i) else {
                return (out, start_i);
            };
            let title_start = m.start();
            let mut title_end = m.end();
            // An organization that starts inside the title and runs on is the organization.
            let mut j = self.tok_at(m.end());
            let inner = self.c.org.partition_point(|o| o.start() <= m.start());
            // A qualifier-like organization word ("Thường trực", flagged ambiguous) that only
            // ends the title stays in the title: "Phó Bí thư Thường trực" + "Huyện ủy".
            let cut = self.c.org[inner..].iter().take_while(|o| o.start() < m.end()).find(|o| {
                o.end() > m.end()
                    || o.end() == m.end()
                        && !self.c.lex.org_entries(o, &self.c.text[o.start()..o.end()]).any(|e| e.ambiguous)
            });
            if let Some(o) = cut {
                title_end = self.c.text[..o.start()].trim_end().len();
                j = self.tok_at(o.start());
            }
            // A standalone title takes a level and its place: "đại biểu Quốc hội tỉnh Nam Định".
            let unit_next = matches!(self.org_at(self.tok_at(m.end())), Some((_, Kind::Unit)));
            let end_tok = if standalone && !unit_next { j } else { self.extend_org(j, before_name) };
            if needs_org && end_tok <= j {
                // A bare "Trưởng" with no organization after it is no role.
                return (out, start_i);
            }
            let end = if end_tok > 0 && end_tok > j { self.token_end(end_tok - 1) } else { m.end().max(title_end) };
            let start = self.tok(start_i).s();
            out.push(RoleMention { start, end, title_start, title_end, qualifier, expanded: self.expand(start, end) });
            i = end_tok.max(self.tok_at(end));
            if out.len() >= MAX_ROLES {
                return (out, i);
            }
            // Separator, then another role?
            let k = i;
            let sep = matches!(self.punct(k), Some(',' | '-' | '/'));
            let kiem = self.cue_is(k, "concurrent");
            if (sep || kiem) && (self.is_title_at(k + 1) || self.qualifier_at(k + 1) && self.is_title_at(k + 2)) {
                i = k + 1;
                continue;
            }
            // ", kiêm Chủ tịch Công đoàn phường"
            if sep && self.punct(k) == Some(',') && self.cue_is(k + 1, "concurrent") && self.is_title_at(k + 2) {
                i = k + 2;
                continue;
            }
            return (out, i);
        }
    }

    /// The role text with abbreviations replaced by their expansions.
    fn expand(&self, s: usize, e: usize) -> Option<String> {
        let mut out = String::new();
        let mut pos = s;
        let mut changed = false;
        // The matches inside `s..e`: a binary search in each sorted list, not a filter of
        // the whole document's (which made a text of many roles quadratic).
        let mut all: Vec<(&Match, bool)> = Scan::within(self.c.person, s, e)
            .iter()
            .map(|m| (m, true))
            .chain(Scan::within(self.c.org, s, e).iter().map(|m| (m, false)))
            .collect();
        all.sort_by_key(|(m, _)| (m.start(), std::cmp::Reverse(m.end())));
        for (m, is_person) in all {
            if m.start() < pos {
                continue;
            }
            let written = &self.c.text[m.start()..m.end()];
            let exp = if is_person {
                self.c.lex.person_entries(m, written).find_map(|en| en.expansion.clone())
            } else {
                self.c.lex.org_entries(m, written).find_map(|en| en.expansion.clone())
            };
            if let Some(x) = exp {
                out.push_str(&self.c.text[pos..m.start()]);
                out.push_str(&x);
                pos = m.end();
                changed = true;
            }
        }
        if !changed {
            return None;
        }
        out.push_str(&self.c.text[pos..e]);
        Some(out)
    }

    /// Honorifics at token `i` ("đồng chí", "Đại tá", "PGS.TS"), with the next token.
    fn honorifics(&self, mut i: usize) -> (Vec<Honorific>, usize) {
        let mut out = Vec::new();
        while let Some((m, Kind::Honorific(h))) = self.person_at(i).filter(|_| out.len() < MAX_HONORIFICS) {
            let written = &self.c.text[m.start()..m.end()];
            let canon = self
                .c
                .lex
                .person_entries(m, written)
                .next()
                .map(|e| e.expansion.clone().unwrap_or_else(|| e.form.clone()))
                .unwrap_or_default();
            let mut end = m.end();
            i = self.tok_at(m.end());
            // "PGS, TS." / "TS." : skip a dot or comma between degrees.
            if matches!(self.punct(i), Some('.' | ','))
                && matches!(self.person_at(i + 1), Some((_, Kind::Honorific(_))))
            {
                i += 1;
            } else if self.punct(i) == Some('.')
                && h == HonorificKind::Degree
                && !written.contains(' ')
                && written.len() <= 5
            {
                // The dot of an abbreviation ("TS."), not the end of a sentence ("… Bác sĩ. Lo sợ").
                end = self.tok(i).e();
                i += 1;
            }
            out.push(Honorific { canonical: canon, kind: h, start: m.start(), end });
        }
        (out, i)
    }

    /// Roles after a name: optional separator, then a chain.
    ///
    /// `in_list` is set after a name written after its roles ("Chủ nhiệm … A, Bộ trưởng … B"):
    /// there the next role may head the next name, even one whose family name is also a
    /// word ("Tô Lâm"); after a name written first ("A, Hiệu trưởng Trường … Nông Lâm")
    /// such a run belongs to the organization.
    fn roles_after(&self, i: usize, in_list: bool) -> (Vec<RoleMention>, usize) {
        let mut j = i;
        // "Mai Chiến Thắng (1970) - Phó trưởng Phòng …": a birth year before the roles.
        if self.punct(j) == Some('(')
            && self.word(j + 1).is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            && self.punct(j + 2) == Some(')')
        {
            j += 3;
        }
        if matches!(self.punct(j), Some(',' | '-' | '–' | ':' | '(' | '/')) {
            j += 1;
        }
        // A form's column: "Ông A          Chức vụ: Phó Giám đốc".
        if let Some(m) = self.toks.get(j).and_then(|t| find_at(self.c.cues, t.s())) {
            if self.c.lex.cue_entries(m).any(|c| c.name == "role_label") {
                j = self.tok_at(m.end());
            }
        }
        if self.qualifier_at(j) || self.is_title_at(j) {
            let (mut r, mut k) = self.roles(j, in_list);
            // A last role followed by ':' or by a name heads the next person, not this one:
            // "Tổng Bí thư A, nguyên Tổng Bí thư: B, C" / "…, Chủ tịch nước D".
            let heads_next = |k: usize| {
                let n = self.cap_run(k, 5);
                self.punct(k) == Some(':')
                    || self.looks_like_name(k, n)
                    || in_list
                        && (2..=4).contains(&n)
                        && self.is_surname(k, true)
                        && self.name_ends(k + n)
                        && !self.historical(k, n)
            };
            if !r.is_empty() && heads_next(k) && self.punct(i) != Some('(') {
                let last = r.pop().map_or(k, |x| self.tok_at(x.start));
                if r.is_empty() {
                    return (Vec::new(), i);
                }
                k = last.saturating_sub(1);
            }
            if !r.is_empty() {
                let k = if self.punct(i) == Some('(') && self.punct(k) == Some(')') { k + 1 } else { k };
                return (r, k);
            }
        }
        (Vec::new(), i)
    }

    fn span_of(&self, a: usize, b: usize) -> (usize, usize) {
        (self.tok(a).s(), self.tok(b - 1).e())
    }

    /// Name plus roles after it, at token `i` (for list items). `strict` needs a family name.
    fn named_item(&self, i: usize, strict: bool) -> Option<(PersonMention, usize)> {
        let (hons, mut j) = self.honorifics(i);
        // An item may carry its own role before the name: "…: Chủ tịch nước A, Thủ tướng B".
        let mut before = Vec::new();
        if self.is_title_at(j) || self.qualifier_at(j) && self.is_title_at(j + 1) {
            let (r, k) = self.roles(j, true);
            if !r.is_empty() {
                before = r;
                j = k;
            }
        }
        let n = self.cap_run(j, 5);
        let ok = if strict && hons.is_empty() && before.is_empty() {
            self.looks_like_name(j, n)
        } else {
            n >= 1 && (n >= 2 || !hons.is_empty())
        };
        if !ok || self.historical(j, n) {
            return None;
        }
        Some(self.mention(i, hons, before, j, n))
    }

    /// A named mention from token `start`: honorifics, roles written before the name,
    /// the name (`n` tokens at `name_tok`), and the roles after it. Returns the next token.
    fn mention(
        &self,
        start: usize,
        honorifics: Vec<Honorific>,
        mut roles: Vec<RoleMention>,
        name_tok: usize,
        n: usize,
    ) -> (PersonMention, usize) {
        let name = self.span_of(name_tok, name_tok + n);
        let (mut after, next) = self.roles_after(name_tok + n, !roles.is_empty());
        roles.append(&mut after);
        let end = roles.last().map_or(name.1, |r| r.end.max(name.1));
        (PersonMention { start: self.tok(start).s(), end, name: Some(name), honorifics, roles }, next)
    }

    /// A list after "các đồng chí:" or a shared title: "A, role; B, role" or "A, B và C".
    fn list(&self, i: usize, shared: &[RoleMention], out: &mut Vec<PersonMention>) -> usize {
        self.list_with(i, shared, &[], out)
    }

    /// [`Self::list`] with honorifics written once before the list ("Các ông: A, …; B, …"),
    /// given to every item that has none of its own.
    fn list_with(
        &self,
        mut i: usize,
        shared: &[RoleMention],
        hons: &[Honorific],
        out: &mut Vec<PersonMention>,
    ) -> usize {
        // When the first item carries its own title, every item does and the shared role
        // ("Các đồng chí Ủy viên Bộ Chính trị: Chủ tịch Quốc hội A; Phó Chủ tịch B") is all of theirs.
        let first_titled = {
            let (_, h) = self.honorifics(i);
            self.is_title_at(h) || self.qualifier_at(h)
        };
        loop {
            let Some((mut p, next)) = self.named_item(i, false) else { return i };
            // Shared roles go first: "các Phó Chủ tịch UBND tỉnh: A, B".
            let mut roles = shared.to_vec();
            roles.append(&mut p.roles);
            p.roles = roles;
            if p.honorifics.is_empty() {
                p.honorifics = hons.to_vec();
            }
            out.push(p);
            i = next;
            let sep = self.punct(i).is_some_and(|c| c == ';' || c == ',') || self.cue_is(i, "list_and");
            if !sep {
                return i;
            }
            let k = i + 1;
            let j = if self.cue_is(k, "list_and") { k + 1 } else { k };
            let (_, after_hon) = self.honorifics(j);
            let titled = self.is_title_at(after_hon) || self.qualifier_at(after_hon);
            // After ';' an item with its own title starts a new group: the shared role ends.
            if titled && !first_titled && !shared.is_empty() && self.punct(i) == Some(';') {
                return i;
            }
            let n = self.cap_run(after_hon, 5);
            if !titled && (n == 0 || (after_hon == j && n < 2)) {
                return i;
            }
            i = j;
        }
    }

    fn walk(&self, out: &mut Vec<PersonMention>) {
        let mut i = 0;
        // The last office read: where it ended, and the mentions it went to.
        let mut office: (usize, Vec<usize>) = (0, Vec::new());
        // (`first` 0: the first token looks the cursors up.)
        let mut ahead = Ahead::default();
        if let Some(t) = self.toks.get(0) {
            // (The block's first token: the matches before it belong to earlier blocks.)
            ahead.person = self.c.person.partition_point(|m| m.start() < t.s());
            ahead.org = self.c.org.partition_point(|m| m.start() < t.s());
            ahead.cues = self.c.cues.partition_point(|m| m.start() < t.s());
        }
        while let Some(t) = self.toks.get(i) {
            // Most tokens can start nothing: stepped over at the cost of three cursors.
            let t = match if self.fast { self.toks.skip_inert(i, ahead.first) } else { i } {
                k if k == i => t,
                k => {
                    i = k;
                    self.tok(i)
                }
            };
            if self.inert(i, t, &mut ahead) {
                i += 1;
                self.toks.drop_before(i.saturating_sub(LOOKBACK));
                continue;
            }
            // Inside a whole organization ("Ban Thường vụ Thành ủy") no mention starts: its
            // inner words are no title ("Thường vụ").
            // (`inert` has just said whether an organization or a cue starts here.)
            if ahead.org_here && !(ahead.person_here && self.person_at(i).is_some()) {
                if let Some((m, Kind::Org { head: false })) = self.org_at(i) {
                    if m.end() > self.tok(i).e() {
                        i = self.tok_at(m.end());
                        self.toks.drop_before(i.saturating_sub(LOOKBACK));
                        continue;
                    }
                }
            }
            if let Some((qualifier, j)) = ahead.cue_here.then(|| self.office_cue(i, &self.c.cues[ahead.cues])).flatten()
            {
                i = self.office(i, j, qualifier, &mut office, out).max(i + 1);
                self.toks.drop_before(i.saturating_sub(LOOKBACK));
                continue;
            }
            i = self.at(i, &ahead, out).max(i + 1);
            // (The look-ups go back at most LOOKBACK tokens.)
            self.toks.drop_before(i.saturating_sub(LOOKBACK));
        }
    }

    /// Can token `i` (`t`) start nothing, so that [`Walker::at`] would only step over it?
    /// It is punctuation or a word in lower case (no name syllable), no lexicon match
    /// (honorific, title, organization, cue; when the walk is [`Walker::fast`], of the
    /// organizations only a whole one the walk steps over, of the cues only an office cue:
    /// [`Walker::relevant_at_or_after`]) starts at it, and no
    /// title starts at the next token (it could be the title's qualifier). `ahead` keeps,
    /// for each side, the first match at or after the last token asked about: the walk
    /// asks in order.
    #[inline]
    fn inert(&self, i: usize, t: Token, ahead: &mut Ahead) -> bool {
        let next = self.toks.get(i + 1);
        // Short cut: no match of any side starts before the next token (`ahead.first`, the
        // first start at or after the cursors, is past it).
        if next.is_some_and(|n| n.s() < ahead.first) && t.s() < ahead.first {
            ahead.person_here = false;
            ahead.org_here = false;
            ahead.cue_here = false;
            ahead.person_next = false;
            return !self.capital(t);
        }
        let first_at = |ms: &[Match], k: &mut usize, pos: usize| {
            while ms.get(*k).is_some_and(|m| m.start() < pos) {
                *k += 1;
            }
            ms.get(*k).map(Match::start)
        };
        let p = first_at(self.c.person, &mut ahead.person, t.s());
        let o = if self.fast {
            self.relevant_at_or_after(self.c.org, &mut ahead.org, t.s(), |m| {
                matches!(self.org_kind(m), Some(Kind::Org { head: false }))
            })
        } else {
            first_at(self.c.org, &mut ahead.org, t.s())
        };
        let c = if self.fast {
            self.office_cue_at_or_after(&mut ahead.cues, t.s())
        } else {
            first_at(self.c.cues, &mut ahead.cues, t.s())
        };
        ahead.person_here = p == Some(t.s());
        ahead.org_here = o == Some(t.s());
        ahead.cue_here = c == Some(t.s());
        ahead.first = [p, o, c].map(|x| x.unwrap_or(usize::MAX)).into_iter().fold(usize::MAX, usize::min);
        // (Person-side matches from `ahead.person` on start at or after `t.s()`.)
        ahead.person_next = next.is_some_and(|next| {
            self.c.person[ahead.person..].iter().take_while(|m| m.start() <= next.s()).any(|m| m.start() == next.s())
        });
        !(ahead.person_here || ahead.org_here || ahead.cue_here || ahead.person_next || self.capital(t))
    }

    /// The start of the first cue match from index `*k` on that starts at or after `pos`
    /// and is an office cue ([`Walker::office_kind`]) that [`find_at`] would find (the
    /// first match at its start), `*k` left at it. Of the cue matches, only such a one
    /// makes the walk do anything at its token (a lower-case word that only a cue starts
    /// at is stepped over all the same, [`Walker::at`] finding nothing there), so
    /// [`Walker::inert`] steps over the others (each is looked at once).
    fn office_cue_at_or_after(&self, k: &mut usize, pos: usize) -> Option<usize> {
        self.relevant_at_or_after(self.c.cues, k, pos, |m| self.office_kind(m).is_some())
    }

    /// The start of the first match of `ms` from index `*k` on that starts at or after
    /// `pos`, is the first match at its start (the one [`find_at`] and [`find_near`] find)
    /// and of which `relevant` holds, or of the first match past the block's end (not
    /// looked at: the matches of the rest of the document are not scanned for each
    /// block); `*k` is left at it.
    #[inline]
    fn relevant_at_or_after(
        &self,
        ms: &[Match],
        k: &mut usize,
        pos: usize,
        relevant: impl Fn(&Match) -> bool,
    ) -> Option<usize> {
        while let Some(m) = ms.get(*k) {
            if m.start() >= self.end {
                // (Past the block: its tokens all start before; the rest are not looked at.)
                return Some(m.start());
            }
            let first_at_start = *k == 0 || ms[*k - 1].start() != m.start();
            if m.start() >= pos && first_at_start && relevant(m) {
                return Some(m.start());
            }
            *k += 1;
        }
        None
    }

    /// Is token `t` a word that opens with a capital letter?
    #[inline]
    fn capital(&self, t: Token) -> bool {
        t.kind == Tok::Cap
    }

    /// An office cue at token `i` ("được bầu giữ chức", "thôi giữ chức"): its qualifier
    /// ("elected", "appointed", "relieved"; `None` for a past period, "từng giữ chức") and
    /// the token after it. `m` is the first cue match that starts at the token (where the
    /// walk's cue cursor stands: no search).
    fn office_cue(&self, i: usize, m: &Match) -> Option<(Option<&'static str>, usize)> {
        let t = self.toks.get(i)?;
        debug_assert!(find_at(self.c.cues, t.s()).is_some_and(|f| std::ptr::eq(f, m)));
        if !t.kind.is_word() {
            return None;
        }
        let q = self.office_kind(m)?;
        Some((q, self.tok_at(m.end())))
    }

    /// The qualifier of the cue match `m` if it is an office cue: [`Walker::office_cue`].
    fn office_kind(&self, m: &Match) -> Option<Option<&'static str>> {
        self.c.lex.cue_entries(m).find_map(|c| match c.name.as_str() {
            "office_elected" => Some(Some("elected")),
            "office_appointed" => Some(Some("appointed")),
            "office_relieved" => Some(Some("relieved")),
            "office_past" => Some(None),
            _ => None,
        })
    }

    /// The office after the cue at token `i` (`j` after it) goes to the people named just
    /// before the cue in the same clause ("ông A và bà B được bầu giữ chức X"), or to those
    /// of the office before it in the same sentence ("thôi giữ chức X, … và bổ nhiệm giữ
    /// chức Y"); written without a trailing term (", nhiệm kỳ …", "khóa X"). Returns the
    /// token after the office.
    fn office(
        &self,
        i: usize,
        j: usize,
        qualifier: Option<&'static str>,
        last: &mut (usize, Vec<usize>),
        out: &mut [PersonMention],
    ) -> usize {
        let Some(qualifier) = qualifier else { return j };
        let (roles, next) = self.roles(j, false);
        if roles.is_empty() {
            return j;
        }
        let cue_s = self.tok(i).s();
        let text = self.c.text;
        // A bare "giữ chức" in a life story ("Từ năm 1973 đến năm 1976, đồng chí A giữ chức
        // vụ …") tells a past period, not a decision.
        let lex = self.c.lex;
        if self.word(i).is_some_and(|w| lex.is_in(WordList::HeldVerb, &w.to_lowercase())) {
            let sentence = &text[text[..cue_s].rfind([';', '\n']).map_or(0, |p| p + 1)..cue_s];
            let sentence = sentence.rfind(". ").map_or(sentence, |p| &sentence[p + 2..]);
            let lower = sentence.to_lowercase();
            if lex.words(WordList::LifeStoryMark).iter().any(|w| lower.contains(w.as_str())) {
                return j;
            }
        }
        // The people and the cue in one clause, with no group ("chúc mừng các đồng chí vừa
        // được bổ nhiệm …") nor another act between them.
        let clause = |a: usize, b: usize| {
            a <= b
                && b - a <= 240
                && !text[a..b].contains([';', '\n', '?', '!'])
                && !text[a..b].contains(". ")
                && !self.c.cues[self.c.cues.partition_point(|m| m.start() < a)..]
                    .iter()
                    .take_while(|m| m.start() < b)
                    .any(|m| {
                        self.c.lex.cue_entries(m).any(|c| {
                            matches!(
                                c.name.as_str(),
                                "group"
                                    | "plural"
                                    | "speech"
                                    | "directive"
                                    | "conclusion"
                                    | "opening"
                                    | "closing"
                                    | "report"
                                    | "chair"
                                    | "co_chair"
                                    | "attend"
                                    | "contribution"
                            )
                        })
                    })
        };
        let mut targets: Vec<usize> = out
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, p)| p.start >= last.0 && cue_s.saturating_sub(p.end) <= 400)
            .filter(|(_, p)| p.name.is_some() && clause(p.end, cue_s))
            .map(|(k, _)| k)
            .collect();
        if targets.is_empty() && clause(last.0, cue_s) {
            targets = std::mem::take(&mut last.1);
        }
        let mut end = cue_s;
        for mut r in roles {
            // A term inside the office ends it.
            let inner = self.c.cues.partition_point(|m| m.start() < r.title_end);
            if let Some(m) = self.c.cues[inner..]
                .iter()
                .take_while(|m| m.start() < r.end)
                .find(|m| self.c.lex.cue_entries(m).any(|c| c.name == "term"))
            {
                r.end = r.title_end.max(text[..m.start()].trim_end_matches([' ', ',', '-']).len());
                r.expanded = self.expand(r.start, r.end);
            }
            r.qualifier = Some(qualifier);
            end = end.max(r.end);
            for &k in &targets {
                if !out[k].roles.iter().any(|x| x.start == r.start) {
                    out[k].roles.push(r.clone());
                }
            }
        }
        *last = (end, targets);
        next
    }

    /// Try a mention at token `i`; push what is found and return the next token. (`ahead`:
    /// whether a person-side match starts at `i` and at `i + 1`, from [`Walker::inert`].)
    fn at(&self, i: usize, ahead: &Ahead, out: &mut Vec<PersonMention>) -> usize {
        // After "các"/"những": a list. (Asked only where a mention starts.)
        let plural = || i > 0 && self.cue_is(i - 1, "plural");
        // (The title first: a binary search, cheaper than the cue lookups.)
        let qualified_title = ahead.person_next && self.is_title_at(i + 1) && self.qualifier_at(i);
        let here = if qualified_title {
            self.person_at(i + 1)
        } else if ahead.person_here {
            self.person_at(i)
        } else {
            None
        };
        match here {
            Some((_, Kind::Honorific(_))) if !qualified_title => self.at_honorific(i, plural(), out),
            Some((_, Kind::Title { .. })) => self.at_title(i, plural, out),
            _ => self.at_bare_name(i, out),
        }
    }

    /// A mention that opens with honorifics at `i` ("đồng chí", "ông", a rank or a
    /// degree); `plural` after "các"/"những".
    fn at_honorific(&self, i: usize, plural: bool, out: &mut Vec<PersonMention>) -> usize {
        if self.place_context(i) && !plural {
            // "đường Ông Ích Khiêm": part of a street or place name.
            return i + 1;
        }
        let (hons, j) = self.honorifics(i);
        let address_only = hons.iter().all(|h| h.kind == HonorificKind::Address);
        // Address forms written once for a list: "Các ông: A, …; B, …", "Bà: C, …".
        let list_hons: &[Honorific] = if address_only { &hons } else { &[] };
        if plural || address_only && self.punct(j) == Some(':') {
            // "các đồng chí: A, …; B, …", "các đồng chí Phó Chủ tịch UBND tỉnh: A, B".
            if self.punct(j) == Some(':') {
                return self.list_with(j + 1, &[], list_hons, out);
            }
            if self.is_title_at(j) {
                return self.shared_role_list(j, out);
            }
            if self.cap_run(j, 5) >= 2 {
                return self.list(j, &[], out);
            }
            return j;
        }
        let mut n = self.cap_run(j, 5);
        if n == 0 {
            // "ông NGUYỄN VĂN AN": a name in capitals after an honorific.
            n = self.upper_name_run(j);
        }
        // A one-syllable given name after a capitalized "Ông"/"Bà" inside a sentence is
        // more likely a place ("Bà Rịa") than a person.
        let mid_sentence_cap =
            address_only && self.cap(i) && i > 0 && !matches!(self.punct(i - 1), Some('.' | ':' | '"' | '(' | '-'));
        // A given name alone needs an address form ("bà Tình", "Đ/c Thân") and two
        // letters at least; after a rank or a degree alone the name must look like one.
        let name_ok = if address_only || hons.iter().any(|h| h.kind == HonorificKind::Address) {
            n >= 1
                && !(n == 1 && self.word(j).is_some_and(|w| w.chars().count() > 7 || w.chars().count() < 2))
                && !(n == 1 && mid_sentence_cap && self.cue_is(i, "address_plain"))
        } else {
            // After a military or police rank, a two-syllable name whose family name is
            // also a word ("Đại tướng Tô Lâm") is a name when roles follow it.
            self.looks_like_name(j, n)
                || n == 2
                    && hons.iter().any(|h| h.kind == HonorificKind::Rank)
                    && self.is_surname(j, true)
                    && !self.historical(j, n)
                    && matches!(self.punct(j + n), Some('-' | '–' | ','))
                    && (self.is_title_at(j + n + 1) || self.qualifier_at(j + n + 1))
        };
        if name_ok && !self.historical(j, n) {
            let (p, k) = self.mention(i, hons, Vec::new(), j, n);
            out.push(p);
            return k;
        }
        if self.is_title_at(j) || self.qualifier_at(j) {
            let (roles, k) = self.roles(j, true);
            if roles.is_empty() {
                return j;
            }
            let n = self.cap_run(k, 5);
            let end = roles.last().map_or(0, |r| r.end);
            if n >= 1 && (self.looks_like_name(k, n) || n >= 2) && !self.historical(k, n) {
                // "Đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm".
                let (p, k2) = self.mention(i, hons, roles, k, n);
                out.push(p);
                return k2;
            }
            if address_only {
                out.push(PersonMention { start: self.tok(i).s(), end, name: None, honorifics: hons, roles });
            }
            return k;
        }
        j
    }

    /// Roles shared by a list at `i` ("các Phó Chủ tịch UBND tỉnh: A, B"): the list
    /// after them, or the token after the roles when no list follows.
    fn shared_role_list(&self, i: usize, out: &mut Vec<PersonMention>) -> usize {
        let (shared, k) = self.roles(i, true);
        if self.punct(k) == Some(':') {
            return self.list(k + 1, &shared, out);
        }
        let n = self.cap_run(k, 5);
        if self.looks_like_name(k, n) {
            return self.list(k, &shared, out);
        }
        k
    }

    /// A mention that opens with a title at `i` (role before the name); `plural` (asked
    /// only here: the cue look-up costs) after "các"/"những".
    fn at_title(&self, i: usize, plural: impl Fn() -> bool, out: &mut Vec<PersonMention>) -> usize {
        if plural() {
            return self.shared_role_list(i, out);
        }
        let (roles, k) = self.roles(i, true);
        if roles.is_empty() {
            return i + 1;
        }
        // Role before the name: "Phó Chủ tịch UBND tỉnh Nguyễn Văn A", also after ':'.
        // "Bí thư Huyện ủy Tháp Mười – Nguyễn Văn Vũ Minh": a dash between role and name.
        let k2 = if matches!(self.punct(k), Some(':' | '-' | '–')) { k + 1 } else { k };
        let (hons, k3) = self.honorifics(k2);
        let n = self.cap_run(k3, 5);
        // After a title a two-syllable name may open with a family name that is
        // also a word ("Tổng Bí thư Tô Lâm").
        let named = (self.looks_like_name(k3, n) || n == 2 && self.is_surname(k3, true) || !hons.is_empty() && n >= 1)
            && !self.historical(k3, n);
        if named {
            let (p, k4) = self.mention(i, hons, roles, k3, n);
            out.push(p);
            // "Phó Thủ tướng A, B" style lists share the role.
            if matches!(self.punct(k4), Some(',')) && self.looks_like_name(k4 + 1, self.cap_run(k4 + 1, 5)) {
                let shared: Vec<RoleMention> = out.last().map(|p| p.roles.clone()).unwrap_or_default();
                return self.list(k4 + 1, &shared, out);
            }
            return k4;
        }
        k
    }

    /// A bare name at `i`: needs a family name, and roles or length to be sure.
    fn at_bare_name(&self, i: usize, out: &mut Vec<PersonMention>) -> usize {
        // A bare name: needs a family name, and roles or length to be sure.
        // (Two syllables at least: with no capitalized word after it, the run at `i` is
        // one token long at most — `cap_run` takes only capitalized words — and no name,
        // whatever the look-ups below would say. Most capitalized words stop here.)
        if self.fast && !self.cap(i + 1) {
            return i + 1;
        }
        if !self.name_syllable(i) || (i > 0 && self.name_syllable(i - 1)) {
            return i + 1;
        }
        let n = self.cap_run(i, 5);
        if !self.looks_like_name(i, n) || !self.is_surname(i, true) || self.place_context(i) || self.in_company_name(i)
        {
            return i + n.max(1);
        }
        let (roles, k) = self.roles_after(i + n, false);
        let strong = n >= 3 && (self.is_surname(i, false) || self.is_middle(i + 1)) || !roles.is_empty();
        if !strong {
            return i + n;
        }
        let name = self.span_of(i, i + n);
        let end = roles.last().map_or(name.1, |r| r.end);
        out.push(PersonMention { start: name.0, end, name: Some(name), honorifics: Vec::new(), roles });
        k
    }

    /// Does the capitalized run at `i` end the name of an organization whose head
    /// noun is followed by a legal form or field in lower case or capitals ("Công ty
    /// cổ phần Khoáng sản …", "Công ty TNHH MTV …")? Only words lie between the head
    /// and the run: no punctuation, verb, function word, title or honorific.
    fn in_company_name(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..6 {
            if k == 0 {
                return false;
            }
            k -= 1;
            let Some(w) = self.word(k) else { return false };
            if let Some((m, Kind::Org { head: true })) = self.org_at(k) {
                if k + 2 > i || self.tok(k).s() != m.start() {
                    return false;
                }
                let next = self.tok_at(m.end());
                return next < i
                    && self.word(next).is_some_and(|n| {
                        n.chars().all(char::is_lowercase)
                            || n.chars().count() >= 2 && n.chars().all(|c| c.is_uppercase() || c == '&')
                    });
            }
            if self.cue_is(k, "function_word") || self.cue_start(k) || self.person_at(k).is_some() || w.is_empty() {
                return false;
            }
        }
        false
    }

    /// Is the capitalized run at `i` part of a place, street or organization name?
    fn place_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = i - 1;
        if self.cap(prev) && !self.cue_is(prev, "plural") && self.person_at(prev).is_none() {
            return true;
        }
        if self.org_at(prev).is_some() {
            return true;
        }
        // Any lexicon match (unit, org, place prefix) that ends right before the run.
        let s = self.tok(i).s();
        // (Matches are sorted by start: none from the first that starts at `s` on can end before it.)
        let ends_here = |ms: &[Match]| {
            ms.iter().take_while(|m| m.start() < s).any(|m| m.end() <= s && self.c.text[m.end()..s].trim().is_empty())
        };
        if ends_here(&self.c.org[self.c.org.partition_point(|m| m.end() + 40 < s)..]) {
            return true;
        }
        // A place prefix ("đường", "trường THPT"), a photo credit or a source label right before.
        let i_cue = self.c.cues.partition_point(|m| m.end() + 24 < s);
        self.c.cues[i_cue..].iter().take_while(|m| m.start() < s).any(|m| {
            m.end() <= s
                && self.c.text[m.end()..s].trim().trim_end_matches(':').is_empty()
                && self
                    .c
                    .lex
                    .cue_entries(m)
                    .any(|c| matches!(c.name.as_str(), "place_prefix" | "photo_credit" | "byline_label"))
        })
    }
}

/// Find person mentions in `text[start..end]` (one block).
pub fn find_people(c: &Ctx<'_>, start: usize, end: usize) -> Vec<PersonMention> {
    find_people_in(c, start, end, true)
}

/// [`find_people`], with the walk's short cuts (`fast`: see [`Walker::fast`]) or without.
fn find_people_in(c: &Ctx<'_>, start: usize, end: usize, fast: bool) -> Vec<PersonMention> {
    let w = Walker {
        fast,
        c,
        toks: Tokens::new(c.text, c.words, start, end),
        end,
        cursor: Default::default(),
        name_memo: std::array::from_fn(|_| Cell::new((usize::MAX, false))),
        surname_memo: std::array::from_fn(|_| Cell::new((usize::MAX, None))),
        match_memo: std::array::from_fn(|_| std::array::from_fn(|_| Cell::new((usize::MAX, None)))),
    };
    let mut out = Vec::new();
    w.walk(&mut out);
    // The lists grew by doubling (four at least): they are kept to the end of the parse.
    for p in &mut out {
        p.honorifics.shrink_to_fit();
        p.roles.shrink_to_fit();
        p.roles.iter_mut().filter_map(|r| r.expanded.as_mut()).for_each(String::shrink_to_fit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::key;

    /// Every mention in `text` (one block), with the default lexicon.
    fn mentions(text: &str) -> Vec<PersonMention> {
        mentions_with(text, true)
    }

    /// [`mentions`], with the walk's short cuts (skipping inert runs, …) or token by
    /// token with every look-up.
    fn mentions_with(text: &str, fast: bool) -> Vec<PersonMention> {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        let lex = LEX.get_or_init(Lexicon::default);
        let k = key(text);
        let scan = lex.scan(text, &k, false);
        let c = Ctx {
            text,
            key: &k,
            gaps: &[],
            lex,
            person: &scan.person,
            org: &scan.org,
            cues: &scan.cues,
            ascii: false,
            words: &scan.words,
        };
        find_people_in(&c, 0, text.len(), fast)
    }

    /// (name, [roles]) of every mention in `text`.
    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        mentions(text)
            .into_iter()
            .map(|p| {
                let name = p.name.map_or(String::new(), |(s, e)| text[s..e].to_string());
                (name, p.roles.iter().map(|r| text[r.start..r.end].to_string()).collect())
            })
            .collect()
    }

    /// The tokens of `text[start..end]` as the tokenizer first wrote them: every
    /// character decoded, `is_word_char`, then `word_end` on the text cut at `end`.
    fn tokens_plain(text: &str, start: usize, end: usize) -> Vec<Token> {
        let mut out = Vec::new();
        let mut i = start;
        while i < end {
            let c = text[i..end].chars().next().unwrap_or(' ');
            if is_word_char(c) {
                let e = crate::spelling::word_end(&text[..end], i);
                out.push(Token::new(i, e, if c.is_uppercase() { Tok::Cap } else { Tok::Word }));
                i = e;
            } else {
                if !c.is_whitespace() {
                    out.push(Token::new(i, i + c.len_utf8(), Tok::Punct(c)));
                }
                i += c.len_utf8();
            }
        }
        out
    }

    /// The tokens `Tokens` gives, read through `get` (eagerly or lazily by the length).
    fn tokens_fast(text: &str, start: usize, end: usize) -> Vec<Token> {
        let words = WordBits::new(text);
        let toks = Tokens::new(text, &words, start, end);
        (0..).map_while(|i| toks.get(i)).collect()
    }

    /// The last char boundary of `s` at or before `i`.
    fn floor(s: &str, i: usize) -> usize {
        (0..=i.min(s.len())).rev().find(|&k| s.is_char_boundary(k)).unwrap_or(0)
    }

    fn same_tokens(a: &[Token], b: &[Token]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x.start, x.end, x.kind) == (y.start, y.end, y.kind))
    }

    /// The fast paths of `lead` agree with decoding on every character, before a letter,
    /// a space and the end of the text.
    #[test]
    fn lead_agrees_with_decoding_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for tail in ["", "a", " "] {
                let s = format!("{c}{tail}");
                assert_eq!(lead(&s, 0), lead_plain(&s, 0), "{:04X}", u32::from(c));
            }
        }
    }

    /// `name_shape` agrees with the character loop on every character after a capital,
    /// and at the ninth place.
    #[test]
    fn name_shape_agrees_with_the_char_loop_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for w in [format!("A{c}"), format!("Ứ{c}a"), format!("Đabcdef{c}"), format!("Nabcdefg{c}"), format!("{c}")]
            {
                assert_eq!(name_shape(&w), name_shape_plain(&w), "{w:?}");
            }
        }
    }

    /// `name_shape` agrees with the character loop.
    #[test]
    fn name_shape_agrees_with_the_char_loop() {
        for w in ["A", "An", "AN", "Ab1", "Abcdefgh", "Abcdefghi", "Nguyễn", "NGUYỄN", "A\u{301}", "Đ", "Đa", "X2"]
        {
            assert_eq!(name_shape(w), name_shape_plain(w), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_with_the_plain_tokenizer(
            s in "[a-zA-Z0-9 .,;:()/\\-–“”…\t\nĩĨðàÀâêôưốỐ×÷ÿẤấẞẟẖòỏõọÒÓùủũỤĂăđĐÐơƯƠǅǆɐ\u{300}-\u{303}\u{345}\u{36F}\u{370}\u{A0}\u{2002}\u{2070}ªµ²ẠỹỸỺỻ]{0,60}",
            cut in 0usize..64,
        ) {
            let end = floor(&s, cut);
            let start = floor(&s, cut / 3).min(end);
            proptest::prop_assert!(same_tokens(&tokens_fast(&s, start, end), &tokens_plain(&s, start, end)));
        }
        #[test]
        fn tokens_agree_with_the_plain_tokenizer_on_any_string(s in ".{0,40}") {
            proptest::prop_assert!(same_tokens(&tokens_fast(&s, 0, s.len()), &tokens_plain(&s, 0, s.len())));
        }
        #[test]
        fn name_shape_agrees_with_the_char_loop_on_words(
            w in "[A-ZĐÀÁẠỸ×ẞ][a-zA-Z0-9đĐàÀáạẠỹỸẞẟẖ×÷ǅ\u{301}\u{345}\u{363}]{0,9}",
        ) {
            proptest::prop_assert_eq!(name_shape(&w), name_shape_plain(&w));
        }
    }

    /// Words that build mentions and the text between them, for the walk's tests.
    const SOUP: &[&str] = &[
        "Nguyễn",
        "Văn",
        "An",
        "Trần",
        "Thị",
        "Hoa",
        "Lê",
        "Tô",
        "Lâm",
        "Hà",
        "Nội",
        "Ban",
        "Trường",
        "đồng chí",
        "ông",
        "bà",
        "Ông",
        "Đ/c",
        "PGS.TS",
        "Đại tá",
        "các",
        "và",
        "nguyên",
        "kiêm",
        "Chủ tịch",
        "Phó Chủ tịch",
        "Bí thư",
        "Giám đốc",
        "UBND",
        "HĐND",
        "tỉnh",
        "huyện",
        "xã",
        "Sở Nội vụ",
        "Ban Tổ chức",
        "Tỉnh ủy",
        "Công ty",
        "cổ phần",
        "đường",
        "chủ trì",
        "phát biểu",
        "được bầu giữ chức",
        "thôi giữ chức",
        "từng giữ chức",
        "bổ nhiệm giữ chức",
        "khóa",
        "XIV",
        "2020",
        "hội nghị",
        "tại",
        "dự",
        "có",
        "Theo",
        "NGUYỄN",
        "VĂN",
        ",",
        ".",
        ";",
        ":",
        "-",
        "–",
        "(",
        ")",
        "\n",
        "  ",
        "×",
        "\u{301}",
        "Ủy ban",
        "nhân dân",
    ];

    proptest::proptest! {
        /// The walk's short cuts (skipping runs of inert tokens, the bare name's early
        /// answers) find what stepping token by token with every look-up finds.
        #[test]
        fn skipping_inert_runs_changes_nothing(words in proptest::collection::vec(0..SOUP.len(), 0..80)) {
            let text = words.iter().map(|&k| SOUP[k]).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(mentions_with(&text, true), mentions_with(&text, false), "{}", text);
        }
    }

    /// Each kind of office cue (the fast walk looks only for those among the cues) is
    /// read as the plain walk reads it.
    #[test]
    fn short_cuts_keep_every_office_cue() {
        for cue in ["được bầu giữ chức", "được bổ nhiệm giữ chức", "thôi giữ chức", "từng giữ chức", "nguyên là"]
        {
            let text =
                format!("Ông Nguyễn Văn An, Phó Bí thư Tỉnh ủy {cue} Bí thư Tỉnh ủy Hà Giang, nhiệm kỳ 2020-2025.");
            let found = mentions_with(&text, true);
            assert!(!found.is_empty(), "{text}");
            assert_eq!(found, mentions_with(&text, false), "{text}");
        }
    }

    /// A block with the matches of later blocks after it (the fast walk's cursors stop at
    /// the first past its end) reads as the plain walk reads it, and so does the next.
    #[test]
    fn short_cuts_stop_at_the_block_end() {
        let a = "Ông Nguyễn Văn An thôi giữ chức Bí thư Đảng ủy Bộ Công an";
        let b = "Bà Trần Thị Hoa được bầu giữ chức Chủ tịch UBND tỉnh, Ban Thường vụ Tỉnh ủy họp.";
        let text = format!("{a}\n{b}");
        let lex = Lexicon::default();
        let k = key(&text);
        let scan = lex.scan(&text, &k, false);
        let c = Ctx {
            text: &text,
            key: &k,
            gaps: &[],
            lex: &lex,
            person: &scan.person,
            org: &scan.org,
            cues: &scan.cues,
            ascii: false,
            words: &scan.words,
        };
        for (s, e) in [(0, a.len()), (a.len() + 1, text.len())] {
            let found = find_people_in(&c, s, e, true);
            assert!(!found.is_empty(), "{}", &text[s..e]);
            assert_eq!(found, find_people_in(&c, s, e, false), "{}", &text[s..e]);
        }
    }

    /// Over the lines of the real documents of the dev sets (when `../shared` is beside
    /// the repository), the walk's short cuts find what the plain walk finds.
    #[test]
    fn short_cuts_change_nothing_on_the_dev_sets() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let mut lines = 0;
        for set in ["devset", "devset-web"] {
            let Ok(dir) = std::fs::read_dir(root.join(set).join("docs")) else { continue };
            for f in dir.flatten() {
                let Ok(text) = std::fs::read_to_string(f.path()) else { continue };
                for line in text.lines().filter(|l| l.len() > 8) {
                    lines += 1;
                    assert_eq!(mentions_with(line, true), mentions_with(line, false), "{line}");
                }
            }
        }
        if lines == 0 {
            eprintln!("skipped: no dev set documents under {}", root.display());
        }
    }

    /// Skipping inert runs of a long block (within its token window) finds what stepping
    /// over them one by one finds.
    #[test]
    fn skipping_inert_runs_of_a_long_block_changes_nothing() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut text = String::new();
        while text.len() < EAGER_BLOCK * 3 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(SOUP[(x % SOUP.len() as u64) as usize]);
            text.push(' ');
        }
        let found = mentions_with(&text, true);
        assert!(found.len() > 10);
        assert_eq!(found, mentions_with(&text, false));
    }

    /// A long block (tokenized lazily) gives the tokens of the plain tokenizer.
    #[test]
    fn long_block_tokens_agree_with_the_plain_tokenizer() {
        let unit = "Ông Nguyễn Văn An – Phó Chủ tịch UBND tỉnh (× 2), Đ/c ĐỖ ỨNG ẞ\u{301}; ";
        let text = unit.repeat(EAGER_BLOCK / unit.len() + 40);
        let start = unit.len() * 3 + 1;
        assert!(text.len() - start > EAGER_BLOCK);
        let start = floor(&text, start);
        assert!(same_tokens(&tokens_fast(&text, start, text.len()), &tokens_plain(&text, start, text.len())));
    }

    /// A block longer than EAGER_BLOCK is tokenized as the walk goes, and its tokens are
    /// dropped behind it: never those a look-up reaches back to (a name's company check
    /// looks six tokens back; a fuzzer found the walk asking for a dropped one). Every
    /// spacing of the names against the batches of dropped tokens gives every name.
    #[test]
    fn long_block_keeps_the_tokens_looked_back_at() {
        let fillers = ["anh", "em", "xa", "gần", "từ", "lâu", "nay", "đã", "về", "quê"];
        for f in 0..fillers.len() {
            let unit = format!("{} Nguyễn Văn An nói ", fillers[..=f].join(" "));
            let reps = (EAGER_BLOCK * 2) / unit.len() + 1;
            let text = unit.repeat(reps);
            let found = people(&text);
            assert_eq!(found.len(), reps, "{f} fillers");
            assert!(found.iter().all(|(n, _)| n == "Nguyễn Văn An"), "{f} fillers");
        }
    }

    fn assert_people(text: &str, want: &[(&str, &[&str])]) {
        let got = people(text);
        let want: Vec<(String, Vec<String>)> =
            want.iter().map(|(n, r)| (n.to_string(), r.iter().map(|x| x.to_string()).collect())).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn honorific_name_dash_roles() {
        assert_people(
            "Đến dự có đồng chí Vũ Văn Minh - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện.",
            &[("Vũ Văn Minh", &["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện"])],
        );
    }

    #[test]
    fn comma_and_en_dash_separators() {
        assert_people(
            "đồng chí Trần Quốc Lâm, TVHU - Phó chủ tịch HĐND; đồng chí Lê Văn Hùng, TVHU - Phó chủ tịch UBND huyện",
            &[("Trần Quốc Lâm", &["TVHU", "Phó chủ tịch HĐND"]), ("Lê Văn Hùng", &["TVHU", "Phó chủ tịch UBND huyện"])],
        );
    }

    #[test]
    fn role_stops_before_a_verb() {
        assert_people(
            "Đ/c Hoàng Văn Hòa - TVHU, Trưởng Ban Dân vận Huyện ủy chủ trì Hội nghị",
            &[("Hoàng Văn Hòa", &["TVHU", "Trưởng Ban Dân vận Huyện ủy"])],
        );
    }

    #[test]
    fn glued_dash_and_place_after_level() {
        assert_people(
            "Đ/c Đoàn Văn Sáu-Phó bí thư Đảng ủy xã Tân Hưng",
            &[("Đoàn Văn Sáu", &["Phó bí thư Đảng ủy xã Tân Hưng"])],
        );
    }

    #[test]
    fn role_before_name() {
        assert_people(
            "Phó Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì hội nghị.",
            &[("Nguyễn Văn An", &["Phó Chủ tịch UBND tỉnh"])],
        );
        assert_people(
            "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Bùi Văn Châu phát biểu.",
            &[("Bùi Văn Châu", &["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"])],
        );
    }

    #[test]
    fn place_between_role_and_name() {
        assert_people(
            "Chủ tịch UBND huyện Hàm Yên Vũ Đình Hưng cho biết",
            &[("Vũ Đình Hưng", &["Chủ tịch UBND huyện Hàm Yên"])],
        );
    }

    #[test]
    fn comrades_list_with_semicolons() {
        assert_people(
            "Dự có các đồng chí: Lại Thế Nguyên, Phó Bí thư Thường trực Tỉnh ủy; Đỗ Minh Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
            &[
                ("Lại Thế Nguyên", &["Phó Bí thư Thường trực Tỉnh ủy"]),
                ("Đỗ Minh Tuấn", &["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
            ],
        );
    }

    #[test]
    fn shared_title_list() {
        assert_people(
            "cùng các Phó Chủ tịch UBND tỉnh: Nguyễn Văn Bình, Trần Thị Hoa.",
            &[("Nguyễn Văn Bình", &["Phó Chủ tịch UBND tỉnh"]), ("Trần Thị Hoa", &["Phó Chủ tịch UBND tỉnh"])],
        );
    }

    #[test]
    fn ranks_degrees_and_lower_case() {
        assert_people("thiếu tướng Lê Hồng Nam phát biểu", &[("Lê Hồng Nam", &[])]);
        assert_people(
            "Đại tá Trần Minh Trang, Giám đốc Công an tỉnh",
            &[("Trần Minh Trang", &["Giám đốc Công an tỉnh"])],
        );
        assert_people("PGS.TS Nguyễn Văn Khoa trình bày", &[("Nguyễn Văn Khoa", &[])]);
    }

    #[test]
    fn role_only_mention() {
        let got = people("đồng chí Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện yêu cầu");
        assert_eq!(
            got,
            vec![(String::new(), vec!["Phó Bí thư Thường trực Huyện ủy".into(), "Chủ tịch HĐND huyện".into()])]
        );
    }

    #[test]
    fn not_people() {
        for t in [
            "Đoàn TNCS Hồ Chí Minh tổ chức",
            "học tập và làm theo tư tưởng Hồ Chí Minh",
            "tại Trường THCS Lê Quý Đôn",
            "trên đường Nguyễn Văn Cừ",
            "vai trò MTTQ và các tổ chức thành viên",
            "Designed by VNPT Nam Định",
            "Ảnh: Nguyễn Văn Hải",
            "các đồng chí Phó Bí thư Thường trực Đảng ủy xã, thị trấn",
        ] {
            let got: Vec<_> = people(t).into_iter().filter(|p| !p.0.is_empty()).collect();
            assert!(got.is_empty(), "{t}: {got:?}");
        }
    }

    #[test]
    fn given_name_only_after_honorific() {
        assert_people("Đ/c Thân - PCT UBND huyện", &[("Thân", &["PCT UBND huyện"])]);
    }

    #[test]
    fn former_qualifier() {
        assert_people("ông Lê Văn Tâm, nguyên Bí thư Huyện ủy", &[("Lê Văn Tâm", &["nguyên Bí thư Huyện ủy"])]);
    }

    #[test]
    fn a_role_before_a_colon_heads_the_next_people() {
        assert_people(
            "có Tổng Bí thư Nguyễn Phú An, nguyên Tổng Bí thư: Lê Văn Phiêu, Nông Văn Mạnh; Chủ tịch nước Trần Văn Quang",
            &[
                ("Nguyễn Phú An", &["Tổng Bí thư"]),
                ("Lê Văn Phiêu", &["nguyên Tổng Bí thư"]),
                ("Nông Văn Mạnh", &["nguyên Tổng Bí thư"]),
                ("Trần Văn Quang", &["Chủ tịch nước"]),
            ],
        );
    }

    #[test]
    fn list_items_with_their_own_roles() {
        assert_people(
            "các Ủy viên Bộ Chính trị: Chủ tịch nước Lương Văn Cường, Thủ tướng Chính phủ Phạm Minh Chánh.",
            &[
                ("Lương Văn Cường", &["Ủy viên Bộ Chính trị", "Chủ tịch nước"]),
                ("Phạm Minh Chánh", &["Ủy viên Bộ Chính trị", "Thủ tướng Chính phủ"]),
            ],
        );
    }

    #[test]
    fn two_syllable_name_after_a_title() {
        assert_people("Tổng Bí thư Tô Lâm yêu cầu", &[("Tô Lâm", &["Tổng Bí thư"])]);
    }

    #[test]
    fn name_syllables_that_are_also_nouns() {
        assert_people(
            "Dự có Đại tá Ngô Đình Trường, Chỉ huy trưởng Bộ CHQS tỉnh; bà Trần Thị Phường, Chủ tịch Hội LHPN xã.",
            &[("Ngô Đình Trường", &["Chỉ huy trưởng Bộ CHQS tỉnh"]), ("Trần Thị Phường", &["Chủ tịch Hội LHPN xã"])],
        );
        assert_people(
            "Phó Tổng Thư ký Quốc hội Lê Bộ Khánh trình bày tờ trình.",
            &[("Lê Bộ Khánh", &["Phó Tổng Thư ký Quốc hội"])],
        );
        assert_people(
            "Dự có các đồng chí Vũ Minh An, Phó Chủ tịch tỉnh; Hà Ban, Phó Trưởng Ban Tổ chức T.Ư.",
            &[("Vũ Minh An", &["Phó Chủ tịch tỉnh"]), ("Hà Ban", &["Phó Trưởng Ban Tổ chức T.Ư"])],
        );
    }

    #[test]
    fn offices_elected_appointed_relieved() {
        let text = "Kết quả, ông Vũ Văn Tâm, Bí thư Đảng ủy xã được bầu giữ chức Chủ tịch HĐND xã khóa X; \
                    ông Lê Văn Bình và bà Ngô Thị Hoa tiếp tục được bầu giữ chức Phó Chủ tịch UBND xã. \
                    Đồng chí Trần Minh Đức thôi giữ chức Bí thư Huyện ủy, điều động và bổ nhiệm giữ chức Giám đốc Sở Nội vụ, nhiệm kỳ 2020-2025.";
        assert_people(
            text,
            &[
                ("Vũ Văn Tâm", &["Bí thư Đảng ủy xã", "Chủ tịch HĐND xã"]),
                ("Lê Văn Bình", &["Phó Chủ tịch UBND xã"]),
                ("Ngô Thị Hoa", &["Phó Chủ tịch UBND xã"]),
                ("Trần Minh Đức", &["Bí thư Huyện ủy", "Giám đốc Sở Nội vụ"]),
            ],
        );
        let q: Vec<Vec<Option<&str>>> =
            mentions(text).iter().map(|p| p.roles.iter().map(|r| r.qualifier).collect()).collect();
        assert_eq!(
            q,
            vec![
                vec![None, Some("elected")],
                vec![Some("elected")],
                vec![Some("elected")],
                vec![Some("relieved"), Some("appointed")]
            ]
        );
        // A past period is no office: "từng giữ chức".
        assert_people("Ông Lê Văn Bình từng giữ chức Chủ tịch UBND xã.", &[("Lê Văn Bình", &[])]);
        assert_people(
            "Từ năm 1973 đến năm 1976, đồng chí Lê Văn Bình giữ chức Phó Chủ tịch tỉnh.",
            &[("Lê Văn Bình", &[])],
        );
        // A group between the person and the office: not theirs.
        assert_people(
            "Ông Vũ Văn Tâm chúc mừng các đồng chí vừa được bổ nhiệm giữ chức vụ Phó Giám đốc Sở Nội vụ.",
            &[("Vũ Văn Tâm", &[])],
        );
    }

    #[test]
    fn roles_not_cut_short() {
        assert_people(
            "Đồng chí Lê Văn Bình – Đảng ủy viên, Phó Chủ tịch Ủy ban MTTQ Việt Nam phường, kiêm Chủ tịch Công đoàn phường, triển khai kế hoạch.",
            &[(
                "Lê Văn Bình",
                &["Đảng ủy viên", "Phó Chủ tịch Ủy ban MTTQ Việt Nam phường", "Chủ tịch Công đoàn phường"],
            )],
        );
        assert_people(
            "Ông Vũ Minh Tâm, Trưởng Ban Chỉ đạo bầu cử xã, phát biểu.",
            &[("Vũ Minh Tâm", &["Trưởng Ban Chỉ đạo bầu cử xã"])],
        );
        assert_people(
            "Ông Vũ Minh Tâm, Cục trưởng Cục An ninh chính trị nội bộ, dự.",
            &[("Vũ Minh Tâm", &["Cục trưởng Cục An ninh chính trị nội bộ"])],
        );
        assert_people(
            "Ông Vũ Minh Tâm, Tổng Thanh tra Chính phủ; ông Lê Văn Bình, Phó Hạt trưởng Hạt Kiểm lâm huyện.",
            &[("Vũ Minh Tâm", &["Tổng Thanh tra Chính phủ"]), ("Lê Văn Bình", &["Phó Hạt trưởng Hạt Kiểm lâm huyện"])],
        );
    }
}
