//! Vocabulary tables and the matchers built from them.
//!
//! The words live in tab-separated files under `src/lexicon/data/` (embedded with
//! `include_str!`), one entry a line, `#` for comments; each file's header says what
//! its columns are. A Vietnamese speaker can extend them without reading Rust, and a
//! caller can add entries at run time through [`LexiconBuilder`].
//!
//! Entries are folded to the matching key ([`crate::matching_key`]) when loaded, so case and
//! tone placement never need listing twice. Entries flagged `exact` (abbreviations in
//! capitals such as `PCT`, `HU`) match only as written, case included.
//!
//! The lexicon has three tables: person-side words (honorifics, ranks, degrees,
//! titles), organization-side words (organizations, administrative units), and cue
//! phrases and meeting kinds. Their forms compile into one Aho-Corasick automaton (each
//! pattern knows the entries of each table it stands for), built once and shared, and
//! walked once at every word start. A [`Lexicon`] is immutable, `Send + Sync` and cheap
//! to share behind an `Arc`.
//!
//! Besides the scanned tables, word sets (family and middle names, not-names, historical
//! figures) are looked up by key, and named word lists are read at known places, never
//! scanned for (adding a phrase there adds no match to the text). Each is a variant of
//! [`WordList`] (a misspelt name does not compile; a table line naming no list is a
//! [`TableError`]), found by index ([`Lexicon::words`], [`Lexicon::word_list`]):
//!
//! - `words.tsv`: the assembly stage's lists (the verb inside an organizing cue, the
//!   words trimmed around an organizer, footer labels, document-kind headings …), and
//!   lists ready for the layout stage (date-line openers, state headers, bare syllables);
//! - `dates.tsv`: the date recognizer's cue words, month and weekday names, parts of the
//!   day, relative days, lead words, ordinal heads;
//! - `lists.tsv`: the list recognizer's reference words, counted nouns, ordinal and
//!   counting words (its regex is built from them) and the count recognizer's
//!   contribution phrases.
//!
//! A list line may carry a value (a month's number, a weekday's). The recognizers match
//! the phrases as written ([`WordSet::forms`]); the assembly stage matches them folded to
//! the key ([`WordSet::phrases`]).
//!
//! The vocabulary of formal documents (`formal.tsv`: header lines, document types,
//! signing prefixes, field labels, deadlines …) is a table of the lexicon as well, its
//! categories named by [`FormalList`] ([`Lexicon::formal`], [`Lexicon::formal_prefix`],
//! [`Lexicon::formal_find`]).
//!
//! The module: `builder` reads the tables ([`LexiconBuilder`], [`Table`]), `scan` holds
//! the automaton and the scan of a text (private: the pipeline's first matching stage),
//! `words` the word lists, `formal` the formal vocabulary.
//!
//! ```
//! use vanban::lexicon::{FormalList, WordList};
//! let lex = vanban::Lexicon::default();
//! assert_eq!(lex.expansion("HĐND"), Some("Hội đồng nhân dân"));
//! assert!(lex.is_in(WordList::OrganizeVerb, "tổ chức"));
//! assert!(lex.formal_prefix(FormalList::SignPrefix, "tm. ủy ban nhân dân").is_some());
//! ```

/// An enum of named lists: its variants, their snake_case names in the data files, and
/// the index of each (the lists are stored in a `Vec` in declaration order).
macro_rules! named_lists {
    ($(#[$meta:meta])* pub enum $Enum:ident { $( $(#[$doc:meta])* $Var:ident = $name:literal, )* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $Enum {
            $( $(#[$doc])* $Var, )*
        }

        impl $Enum {
            /// Every list, in declaration order (the order of [`Self::index`]).
            pub const ALL: &'static [$Enum] = &[$($Enum::$Var),*];

            /// The name in the data files (ASCII snake_case).
            pub fn name(self) -> &'static str {
                match self {
                    $($Enum::$Var => $name,)*
                }
            }

            /// The list named `name` in the data files.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some($Enum::$Var),)*
                    _ => None,
                }
            }

            /// Its position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl std::fmt::Display for $Enum {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

mod builder;
mod formal;
mod scan;
mod words;

pub use builder::{LexiconBuilder, Table, TableError};
pub use formal::{FormalEntry, FormalList};
pub use scan::{MAX_ENTRIES, MAX_FORM_BYTES, MAX_TEXT_BYTES};
pub(crate) use scan::{Match, Scan};
use words::ListMask;
pub use words::{WordList, WordSet};

use scan::Matchers;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The hash of rustc (FxHash) for the word sets, looked up for every capitalized word:
/// the sets are fixed once built, so SipHash's resistance to chosen keys buys nothing.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of keys.
type KeySet = HashSet<String, BuildHasherDefault<FxHasher>>;
/// A map from keys.
type KeyMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;
use std::fmt;
use std::sync::OnceLock;

/// Kind of word before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum HonorificKind {
    /// đồng chí, Đ/c, ông, bà …
    Address,
    /// Military or police rank.
    Rank,
    /// Academic title or degree.
    Degree,
    /// State honorary title.
    Honorary,
}

/// What a person-side or organization-side lexicon entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntryKind {
    /// Honorific, rank, degree.
    Honorific(HonorificKind),
    /// Position title; `standalone` when it is a whole role without an organization,
    /// `needs_org` when it is no role without one (bare "Trưởng").
    Title {
        /// A whole role by itself (TVHU, Tỉnh ủy viên).
        standalone: bool,
        /// Only a role with an organization after it.
        needs_org: bool,
    },
    /// Organization; `head` for generic heads (Sở, Phòng) that take a name after them,
    /// `body` for complete bodies (Huyện ủy, HĐND).
    Org {
        /// Takes a proper name after it.
        head: bool,
    },
    /// Administrative level noun (tỉnh, huyện, xã).
    Unit(Level),
}

/// Administrative level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Level {
    /// Nation.
    Nation,
    /// Province.
    Province,
    /// District (abolished 2025).
    District,
    /// Commune.
    Commune,
    /// Village or residential group.
    Village,
}

/// One lexicon entry.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// The form as listed.
    pub form: String,
    /// Its expansion, for abbreviations.
    pub expansion: Option<String>,
    /// What it is.
    pub kind: EntryKind,
    /// Matches only as written (case-sensitive).
    pub exact: bool,
    /// Also has a common non-title meaning.
    pub ambiguous: bool,
}

/// A cue-side entry: a cue phrase or a meeting kind.
#[derive(Clone, Debug)]
pub(crate) struct CueEntry {
    /// The phrase as listed.
    pub form: String,
    /// `cue:<name>` or `meeting:<kind>` name, e.g. `chair`, `so_ket`.
    pub name: String,
    /// True for meeting kinds.
    pub meeting: bool,
}

/// Flags of a family name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SurnameInfo {
    /// Also an ordinary word or place syllable (Lại, Từ, Hà, Mai).
    pub word: bool,
    /// Rare.
    pub rare: bool,
}

/// The compiled vocabulary. Build once, share everywhere.
pub struct Lexicon {
    main: Matchers,
    /// Accent-free automata, built the first time a text without diacritics arrives.
    ascii: OnceLock<Matchers>,
    person_table: Vec<Entry>,
    person_ascii_forms: Vec<String>,
    org_table: Vec<Entry>,
    org_ascii_forms: Vec<String>,
    cue_table: Vec<CueEntry>,
    /// One-word cues by key: cue names (accent-free keys in the second map).
    word_cues: KeyMap<Vec<String>>,
    word_cues_ascii: KeyMap<Vec<String>>,
    surnames: KeyMap<SurnameInfo>,
    surnames_ascii: KeyMap<SurnameInfo>,
    middles: KeySet,
    middles_ascii: KeySet,
    not_names: KeySet,
    not_names_ascii: KeySet,
    historical: Vec<String>,
    historical_ascii: Vec<String>,
    units: KeyMap<Level>,
    /// The word lists, indexed by [`WordList::index`].
    lists: Vec<words::ListData>,
    /// Each phrase key of the word lists: the lists it is in, one bit per list.
    word_bits: KeyMap<ListMask>,
    /// formal.tsv: the entries of each category, indexed by [`FormalList::index`].
    formal: Vec<formal::Category>,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("person_entries", &self.person_table.len())
            .field("org_entries", &self.org_table.len())
            .field("accent_free_built", &self.ascii.get().is_some())
            .field("cues", &self.cue_table.len())
            .field("surnames", &self.surnames.len())
            .finish()
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        LexiconBuilder::with_defaults().build()
    }
}

/// The bundled word lists and formal vocabulary alone (no scanned table), built once:
/// what the recognizers' `new` reads (a [`crate::Parser`] builds its recognizers from its
/// own lexicon).
pub(crate) fn bundled() -> &'static Lexicon {
    static BUNDLED: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(LexiconBuilder::bundled_words);
    &BUNDLED
}

impl Lexicon {
    /// Start building a lexicon with the crate's tables.
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::with_defaults()
    }

    /// Every phrase the lexicon lists, as listed or as its key: titles, honorifics and
    /// organizations, cues, the word lists, family and middle names, the words that are
    /// no name, and the formal phrases (for tables built once from the vocabulary, such as
    /// the scrambled-diacritics check's verdicts of known syllables).
    pub(crate) fn phrases(&self) -> impl Iterator<Item = &str> + '_ {
        let tables = self.person_table.iter().chain(&self.org_table).map(|e| e.form.as_str());
        let cues = self.cue_table.iter().map(|c| c.form.as_str());
        let lists = self.lists.iter().flat_map(|l| l.forms.iter().chain(&l.keys)).map(String::as_str);
        let names = self.surnames.keys().chain(self.middles.iter()).chain(self.not_names.iter()).map(String::as_str);
        let formal = self.formal.iter().flat_map(|c| c.phrases());
        tables.chain(cues).chain(lists).chain(names).chain(formal)
    }

    /// Family-name facts for a syllable key, if it is a family name (also written
    /// without diacritics: "nguyen").
    ///
    /// `ascii` (for text typed without diacritics) also accepts the accent-free forms.
    pub(crate) fn surname(&self, syllable_key: &str, ascii: bool) -> Option<SurnameInfo> {
        self.surnames
            .get(syllable_key)
            .copied()
            .or_else(|| ascii.then(|| self.surnames_ascii.get(syllable_key).copied()).flatten())
    }

    /// True when the one-word key is listed in cues.tsv under `name` ("nguyên" is
    /// `former`, "và" a `function_word`).
    ///
    /// `ascii` (for text typed without diacritics) also accepts the accent-free forms.
    pub(crate) fn is_word_cue(&self, word_key: &str, name: &str, ascii: bool) -> bool {
        let has = |m: &KeyMap<Vec<String>>| m.get(word_key).is_some_and(|v| v.iter().any(|n| n == name));
        has(&self.word_cues) || ascii && has(&self.word_cues_ascii)
    }

    /// True when the syllable key is a frequent middle name.
    pub(crate) fn is_middle_name(&self, syllable_key: &str, ascii: bool) -> bool {
        self.middles.contains(syllable_key) || ascii && self.middles_ascii.contains(syllable_key)
    }

    /// True when the word or phrase key is listed as never being a name.
    pub(crate) fn is_not_name(&self, k: &str, ascii: bool) -> bool {
        self.not_names.contains(k) || ascii && self.not_names_ascii.contains(k)
    }

    /// True when the name key is a historical figure.
    pub(crate) fn is_historical(&self, name_key: &str, ascii: bool) -> bool {
        let find = |v: &Vec<String>| v.binary_search_by(|h| h.as_str().cmp(name_key)).is_ok();
        find(&self.historical) || ascii && find(&self.historical_ascii)
    }

    /// The administrative level a level noun names ("huyện" → district), by its key.
    pub(crate) fn unit_level(&self, k: &str) -> Option<Level> {
        self.units.get(k).copied()
    }
}
