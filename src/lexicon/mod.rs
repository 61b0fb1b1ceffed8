//! Vocabulary tables and the matchers built from them.
//!
//! The words live in tab-separated files under `src/lexicon/data/` (embedded with
//! `include_str!`), one entry a line, `#` for comments; each file's header says what
//! its columns are. A Vietnamese speaker can extend them without reading Rust, and a
//! caller can add entries at run time through [`LexiconBuilder`].
//!
//! Entries are folded to the matching key ([`crate::key`]) when loaded, so case and
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
//! figures) are looked up by key, and the named word lists of `words.tsv` (the verb
//! inside an organizing cue, the words trimmed around an organizer, footer labels,
//! document-kind headings …) are read by the assembly stage at known places through
//! [`Lexicon::words`]: adding a phrase there adds no cue match to the text.
//!
//! ```
//! let lex = vanban::Lexicon::default();
//! let text = "Phó Chủ tịch UBND huyện";
//! let key = vanban::key::key(text);
//! let m = lex.person_matches(text, &key);
//! assert_eq!(&text[m[0].start()..m[0].end()], "Phó Chủ tịch");
//! ```

use crate::key;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The hash of rustc (FxHash) for the word sets, looked up for every capitalized word:
/// the sets are fixed once built, so SipHash's resistance to chosen keys buys nothing.
#[derive(Clone, Copy, Default)]
struct FxHasher(u64);

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

type WordSet = HashSet<String, BuildHasherDefault<FxHasher>>;
type WordMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;
use std::fmt;
use std::sync::OnceLock;

/// Kind of word before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HonorificKind {
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
pub enum EntryKind {
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
pub enum Level {
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
pub struct Entry {
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
pub struct CueEntry {
    /// The phrase as listed.
    pub form: String,
    /// `cue:<name>` or `meeting:<kind>` name, e.g. `chair`, `so_ket`.
    pub name: String,
    /// True for meeting kinds.
    pub meeting: bool,
}

/// Flags of a family name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SurnameInfo {
    /// Also an ordinary word or place syllable (Lại, Từ, Hà, Mai).
    pub word: bool,
    /// Rare.
    pub rare: bool,
}

/// A lexicon match: a byte range of the text and the entries it stands for.
///
/// Eight bytes: a document has a match every twenty bytes or so (every five in
/// "Đ/c Đ/c …"), kept to the end of the parse. The start is a `u32` (texts are at most
/// [`MAX_TEXT_BYTES`]); the length (forms are at most [`MAX_FORM_BYTES`]), the
/// accent-free flag and the pattern index (at most [`MAX_ENTRIES`]) share the other
/// `u32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
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
    pub fn new(start: usize, end: usize, pattern: usize, ascii: bool) -> Match {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let len = end.saturating_sub(start as usize).min(MAX_FORM_BYTES) as u32;
        let pattern = pattern.min(Self::PATTERN as usize) as u32;
        Match { start, id: len << 24 | if ascii { Self::ASCII } else { 0 } | pattern }
    }
    /// First byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// One past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.start as usize + (self.id >> 24) as usize
    }
    /// Index of the pattern in its automaton.
    #[inline]
    pub fn pattern(&self) -> u32 {
        self.id & Self::PATTERN
    }
    /// Found by the accent-free automata (text typed without diacritics).
    #[inline]
    pub fn ascii(&self) -> bool {
        self.id & Self::ASCII != 0
    }
}

/// Every lexicon match of a document, one pass per automaton, sorted by start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Honorifics, ranks, degrees, titles.
    pub person: Vec<Match>,
    /// Organizations and administrative units.
    pub org: Vec<Match>,
    /// Cue phrases and meeting kinds.
    pub cues: Vec<Match>,
    /// Matched accent-free (text typed without diacritics).
    pub ascii: bool,
}

impl Scan {
    /// The matches of `ms` that lie inside `start..end`.
    pub fn within(ms: &[Match], start: usize, end: usize) -> &[Match] {
        let a = ms.partition_point(|m| m.start() < start);
        let b = a + ms[a..].partition_point(|m| m.end() <= end);
        &ms[a..b]
    }
}

/// Errors in a user-supplied table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("lexicon table {table}, line {line}: {reason}")]
pub struct TableError {
    /// Table name.
    pub table: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Tables a builder accepts, named as the data files are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// honorifics.tsv: form, kind (address|rank|degree|honorary), expansion, flags (exact).
    Honorifics,
    /// titles.tsv: form, expansion, flags (exact, standalone, ambiguous).
    Titles,
    /// organizations.tsv: form, expansion, kind, flags (exact, head, body).
    Organizations,
    /// units.tsv: form, level (nation|province|district|commune|village).
    Units,
    /// surnames.tsv: form, flags (word, rare).
    Surnames,
    /// middle_names.tsv: form.
    MiddleNames,
    /// meeting_kinds.tsv: phrase, kind.
    MeetingKinds,
    /// cues.tsv: phrase, cue.
    Cues,
    /// not_names.tsv: form.
    NotNames,
    /// historical.tsv: form.
    Historical,
    /// words.tsv: phrase, list. Word lists that the assembly stage reads at known places
    /// (see [`Lexicon::words`]); not scanned for in the text.
    Words,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Honorifics => "honorifics",
            Table::Titles => "titles",
            Table::Organizations => "organizations",
            Table::Units => "units",
            Table::Surnames => "surnames",
            Table::MiddleNames => "middle_names",
            Table::MeetingKinds => "meeting_kinds",
            Table::Cues => "cues",
            Table::NotNames => "not_names",
            Table::Historical => "historical",
            Table::Words => "words",
        }
    }
}

const DEFAULT_TABLES: &[(Table, &str)] = &[
    (Table::Honorifics, include_str!("data/honorifics.tsv")),
    (Table::Titles, include_str!("data/titles.tsv")),
    (Table::Organizations, include_str!("data/organizations.tsv")),
    (Table::Units, include_str!("data/units.tsv")),
    (Table::Surnames, include_str!("data/surnames.tsv")),
    (Table::MiddleNames, include_str!("data/middle_names.tsv")),
    (Table::MeetingKinds, include_str!("data/meeting_kinds.tsv")),
    (Table::Cues, include_str!("data/cues.tsv")),
    (Table::NotNames, include_str!("data/not_names.tsv")),
    (Table::Historical, include_str!("data/historical.tsv")),
    (Table::Words, include_str!("data/words.tsv")),
];

/// Collects entries, then compiles a [`Lexicon`].
///
/// ```
/// use vanban::lexicon::{LexiconBuilder, Table};
/// let lex = LexiconBuilder::with_defaults()
///     .add_table(Table::Titles, "Giám đốc Quỹ\t\t\n")
///     .unwrap()
///     .build();
/// let key = vanban::key::key("Giám đốc Quỹ");
/// assert_eq!(lex.person_matches("Giám đốc Quỹ", &key)[0].end(), "Giám đốc Quỹ".len());
/// ```
#[derive(Clone, Debug, Default)]
pub struct LexiconBuilder {
    person: Vec<Entry>,
    org: Vec<Entry>,
    cues: Vec<CueEntry>,
    surnames: WordMap<SurnameInfo>,
    middles: WordSet,
    not_names: WordSet,
    historical: Vec<String>,
    /// words.tsv: (list, phrase key), in file order.
    words: Vec<(String, String)>,
}

fn cols(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn flags<'a>(s: Option<&&'a str>) -> HashSet<&'a str> {
    s.map(|f| f.split(',').map(str::trim).filter(|x| !x.is_empty()).collect()).unwrap_or_default()
}

fn nonempty(s: Option<&&str>) -> Option<String> {
    s.filter(|x| !x.is_empty()).map(|x| x.to_string())
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder holding the crate's own tables.
    pub fn with_defaults() -> Self {
        let mut b = Self::new();
        for (t, text) in DEFAULT_TABLES {
            // The bundled tables are checked by the test suite; a bad line cannot ship.
            if let Err(e) = b.add_table_mut(*t, text) {
                debug_assert!(false, "{e}");
            }
        }
        b
    }

    /// Add the lines of a table in the data-file format.
    pub fn add_table(mut self, table: Table, text: &str) -> Result<Self, TableError> {
        self.add_table_mut(table, text)?;
        Ok(self)
    }

    fn add_table_mut(&mut self, table: Table, text: &str) -> Result<(), TableError> {
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err =
                |reason: &str| TableError { table: table.name().to_string(), line: i + 1, reason: reason.to_string() };
            let c = cols(line);
            let form = c[0].to_string();
            if form.is_empty() {
                return Err(err("empty form"));
            }
            if form.len() > MAX_FORM_BYTES {
                return Err(err("form longer than 255 bytes"));
            }
            if self.person.len().max(self.org.len()).max(self.cues.len()).max(self.words.len()) >= MAX_ENTRIES {
                return Err(err("too many entries"));
            }
            match table {
                Table::Honorifics => {
                    let kind = match c.get(1).copied().unwrap_or("") {
                        "address" => HonorificKind::Address,
                        "rank" => HonorificKind::Rank,
                        "degree" => HonorificKind::Degree,
                        "honorary" => HonorificKind::Honorary,
                        _ => return Err(err("kind must be address, rank, degree or honorary")),
                    };
                    let exact = flags(c.get(3)).contains("exact");
                    self.person.push(Entry {
                        form,
                        expansion: nonempty(c.get(2)),
                        kind: EntryKind::Honorific(kind),
                        exact,
                        ambiguous: false,
                    });
                }
                Table::Titles => {
                    let f = flags(c.get(2));
                    self.person.push(Entry {
                        form,
                        expansion: nonempty(c.get(1)),
                        kind: EntryKind::Title {
                            standalone: f.contains("standalone"),
                            needs_org: f.contains("needs_org"),
                        },
                        exact: f.contains("exact"),
                        ambiguous: f.contains("ambiguous"),
                    });
                }
                Table::Organizations => {
                    let f = flags(c.get(3));
                    self.org.push(Entry {
                        form,
                        expansion: nonempty(c.get(1)),
                        kind: EntryKind::Org { head: f.contains("head") },
                        exact: f.contains("exact"),
                        ambiguous: f.contains("ambiguous"),
                    });
                }
                Table::Units => {
                    let level = match c.get(1).copied().unwrap_or("") {
                        "nation" => Level::Nation,
                        "province" => Level::Province,
                        "district" => Level::District,
                        "commune" => Level::Commune,
                        "village" => Level::Village,
                        _ => return Err(err("level must be nation, province, district, commune or village")),
                    };
                    let exact = flags(c.get(2)).contains("exact");
                    self.org.push(Entry {
                        form,
                        expansion: None,
                        kind: EntryKind::Unit(level),
                        exact,
                        ambiguous: false,
                    });
                }
                Table::Surnames => {
                    let f = flags(c.get(1));
                    self.surnames
                        .insert(key::key(&form), SurnameInfo { word: f.contains("word"), rare: f.contains("rare") });
                }
                Table::MiddleNames => {
                    self.middles.insert(key::key(&form));
                }
                Table::MeetingKinds | Table::Cues => {
                    let name = c.get(1).copied().unwrap_or("");
                    if name.is_empty() {
                        return Err(err("missing second column"));
                    }
                    self.cues.push(CueEntry { form, name: name.to_string(), meeting: table == Table::MeetingKinds });
                }
                Table::NotNames => {
                    self.not_names.insert(key::key(&form));
                }
                Table::Historical => self.historical.push(key::key(&form)),
                Table::Words => {
                    let list = c.get(1).copied().unwrap_or("");
                    if list.is_empty() {
                        return Err(err("missing second column"));
                    }
                    self.words.push((list.to_string(), key::key(&form)));
                }
            }
        }
        Ok(())
    }

    /// Compile the matchers.
    pub fn build(self) -> Lexicon {
        let main = Matchers::new(&self.person, &self.org, &self.cues, key::key);
        let mut historical = self.historical;
        historical.sort();
        historical.dedup();
        let strip_set = |set: &WordSet| set.iter().map(|k| key::strip_accents(k)).collect::<WordSet>();
        let surnames_ascii = self
            .surnames
            .iter()
            .map(|(k, v)| (key::strip_accents(k), *v))
            .filter(|(k, _)| !self.surnames.contains_key(k))
            .collect();
        let ascii_forms = |t: &[Entry]| t.iter().map(|e| key::strip_marks(&e.form)).collect();
        let name_syllables_ascii: WordSet =
            self.surnames.keys().chain(self.middles.iter()).map(|k| key::strip_accents(k)).collect();
        let units = self
            .org
            .iter()
            .filter_map(|e| match e.kind {
                EntryKind::Unit(l) => Some((key::key(&e.form), l)),
                _ => None,
            })
            .collect();
        let mut word_cues: WordMap<Vec<String>> = WordMap::default();
        let mut word_cues_ascii: WordMap<Vec<String>> = WordMap::default();
        for c in self.cues.iter().filter(|c| !c.meeting && !c.form.contains(' ')) {
            word_cues.entry(key::key(&c.form)).or_default().push(c.name.clone());
            word_cues_ascii.entry(key::strip_accents(&key::key(&c.form))).or_default().push(c.name.clone());
        }
        // A handful of lists: sorted by name, found by binary search.
        let mut words: Vec<(String, Vec<String>)> = Vec::new();
        for (list, k) in self.words {
            match words.binary_search_by(|(l, _)| l.as_str().cmp(&list)) {
                Ok(i) => words[i].1.push(k),
                Err(i) => words.insert(i, (list, vec![k])),
            }
        }
        let mut word_bits: WordMap<u64> = WordMap::default();
        for (i, (_, phrases)) in words.iter().enumerate().take(64) {
            for p in phrases {
                *word_bits.entry(p.clone()).or_default() |= 1 << i;
            }
        }
        Lexicon {
            words,
            word_bits,
            word_cues,
            word_cues_ascii,
            units,
            person_ascii_forms: ascii_forms(&self.person),
            org_ascii_forms: ascii_forms(&self.org),
            main,
            ascii: OnceLock::new(),
            person_table: self.person,
            org_table: self.org,
            cue_table: self.cues,
            middles_ascii: strip_set(&self.middles),
            surnames_ascii,
            surnames: self.surnames,
            middles: self.middles,
            // Without diacritics "Vụ" (a department) and "Vũ" (a family name) are one word:
            // an accent-free not-name that is also a family or middle name is dropped.
            not_names_ascii: strip_set(&self.not_names)
                .into_iter()
                .filter(|k| !name_syllables_ascii.contains(k))
                .collect(),
            not_names: self.not_names,
            historical_ascii: {
                let mut h: Vec<String> = historical.iter().map(|k| key::strip_accents(k)).collect();
                h.sort();
                h
            },
            historical,
        }
    }
}

/// The vocabulary of one spelling (as written, folded to the key; or accent-free) in
/// one automaton: the union of the person, organization and cue forms, so that a word
/// start costs one walk, not three. A pattern stands for entries of any of the three
/// tables (`*_pat[p]`, empty where a table has none).
struct Matchers {
    nfa: NFA,
    /// The first word of every pattern (up to its first character that is no word
    /// character): a match starts at a word start and ends at a word end, so no pattern
    /// can start at a word that is not in here, and the walk is skipped.
    first_words: WordSet,
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
    fn new(person: &[Entry], org: &[Entry], cues: &[CueEntry], fold: fn(&str) -> String) -> Self {
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
        let first_words = c.patterns.iter().map(|p| first_word(p).to_string()).collect();
        let [person_pat, org_pat, cue_pat] = c.of;
        Matchers { nfa, first_words, person_pat, org_pat, cue_pat }
    }

    fn pats(&self) -> [&[Vec<u32>]; 3] {
        [&self.person_pat, &self.org_pat, &self.cue_pat]
    }
}

/// `s` up to its first character that is no word character.
fn first_word(s: &str) -> &str {
    &s[..key::word_end(s, 0)]
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
/// the longest [`MAX_CANDIDATES`] of each, longest last. `want[t]` false leaves table
/// `t` out.
#[inline]
fn candidates_at(m: &Matchers, key: &str, at: usize, want: [bool; 3], found: &mut [Candidates; 3]) {
    let nfa = &m.nfa;
    let pats = m.pats();
    let hay = key.as_bytes();
    found.iter_mut().for_each(|f| f.1 = 0);
    let Ok(mut sid) = nfa.start_state(Anchored::Yes) else {
        return;
    };
    for (i, &b) in hay.iter().enumerate().skip(at) {
        sid = nfa.next_state(Anchored::Yes, sid, b);
        if nfa.is_special(sid) {
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                // Match states also carry shorter patterns that start later: take the one
                // that starts at `at` (patterns are distinct, so there is one at most).
                let pid = (0..nfa.match_len(sid))
                    .map(|j| nfa.match_pattern(sid, j))
                    .find(|&pid| i + 1 - nfa.pattern_len(pid) == at);
                let end = i + 1;
                let on_boundary =
                    || key.get(end..).is_some_and(|r| r.chars().next().is_none_or(|c| !key::is_word_char(c)));
                if let Some(pid) = pid.filter(|_| on_boundary()) {
                    let p = pid.as_usize();
                    for t in 0..3 {
                        if want[t] && !pats[t][p].is_empty() {
                            let (list, n) = &mut found[t];
                            if *n == MAX_CANDIDATES {
                                list.rotate_left(1);
                                *n -= 1;
                            }
                            list[*n] = (p, end);
                            *n += 1;
                        }
                    }
                }
            }
        }
    }
}

/// The longest pattern of each table that starts at `at` and ends on a word boundary.
fn longest_at(m: &Matchers, key: &str, at: usize, want: [bool; 3]) -> [Option<(usize, usize)>; 3] {
    let mut found = [([(0, 0); MAX_CANDIDATES], 0); 3];
    candidates_at(m, key, at, want, &mut found);
    found.map(|(list, n)| n.checked_sub(1).map(|k| list[k]))
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
    word_cues: WordMap<Vec<String>>,
    word_cues_ascii: WordMap<Vec<String>>,
    surnames: WordMap<SurnameInfo>,
    surnames_ascii: WordMap<SurnameInfo>,
    middles: WordSet,
    middles_ascii: WordSet,
    not_names: WordSet,
    not_names_ascii: WordSet,
    historical: Vec<String>,
    historical_ascii: Vec<String>,
    units: WordMap<Level>,
    /// words.tsv: the phrase keys of each list, in file order; the lists sorted by name.
    words: Vec<(String, Vec<String>)>,
    /// Each phrase of words.tsv: the lists it is in, one bit per list of `words` (the
    /// first 64; later lists are searched).
    word_bits: WordMap<u64>,
}

/// One list of words.tsv: its phrases, in file order, and membership in one look-up.
/// From [`Lexicon::word_list`].
#[derive(Clone, Copy)]
pub struct WordList<'a> {
    phrases: &'a [String],
    /// The list's bit in the lexicon's phrase map (0: none, search `phrases`).
    bit: u64,
    bits: &'a WordMap<u64>,
}

impl fmt::Debug for WordList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.phrases).finish()
    }
}

impl<'a> WordList<'a> {
    /// The phrases (keys), in file order.
    pub fn phrases(&self) -> &'a [String] {
        self.phrases
    }

    /// True when the key `k` is one of the phrases.
    ///
    /// ```
    /// let lex = vanban::Lexicon::default();
    /// assert!(lex.word_list("group_lead").contains("cùng với"));
    /// assert!(!lex.word_list("group_lead").contains("Cùng với"));
    /// ```
    pub fn contains(&self, k: &str) -> bool {
        if self.bit == 0 {
            return self.phrases.iter().any(|w| w == k);
        }
        self.bits.get(k).is_some_and(|b| b & self.bit != 0)
    }
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

/// Leftmost-longest matches of each of the three tables in `key` that sit on word
/// boundaries, in one pass over the positions where a word may start (one walk of the
/// shared automaton there, none at a word that starts no pattern): a match that does not
/// end on a word boundary, or that `accept` refuses, is skipped and the search resumes
/// one character after its start. (The same matches as an unanchored leftmost-longest
/// search per table that resumes so; the anchored walks never enter a word.)
// (`first_words.get`, not `contains`: measured with callgrind, `contains` was left out of
// line on this, the hottest path, for 1% more instructions a parse.)
#[allow(clippy::unnecessary_get_then_check)]
fn find_words(
    m: &Matchers,
    key: &str,
    ascii: bool,
    accept: [&dyn Fn(usize, usize, usize) -> bool; 3],
) -> [Vec<Match>; 3] {
    let mut out: [Vec<Match>; 3] = Default::default();
    let mut found = [([(0, 0); MAX_CANDIDATES], 0); 3];
    // Where each table's next match may start.
    let mut next = [0usize; 3];
    // Walk from every word start and every character that is no word character,
    // skipping the inside of words.
    let mut s = 0;
    while s < key.len() {
        let e = key::word_end(key, s);
        let want = [next[0] <= s, next[1] <= s, next[2] <= s];
        if want.iter().any(|&w| w) && m.first_words.get(&key[s..e]).is_some() {
            candidates_at(m, key, s, want, &mut found);
            for k in 0..3 {
                // The longest that `accept` takes ("Phó trưởng CAQ": when "Phó Trưởng CA"
                // stops inside a word, "Phó trưởng" still matches).
                let (list, n) = &found[k];
                if let Some(&(p, end)) = list[..*n].iter().rev().find(|&&(p, end)| accept[k](p, s, end)) {
                    out[k].push(Match::new(s, end, p, ascii));
                    next[k] = end;
                }
            }
        }
        // After a word, its end (a character that is no word character) is no start:
        // the next start is the character after it.
        s = if e > s {
            e + key[e..].chars().next().map_or(0, char::len_utf8)
        } else {
            s + key[s..].chars().next().map_or(1, char::len_utf8)
        };
    }
    out
}

impl Lexicon {
    /// Start building a lexicon with the crate's tables.
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::with_defaults()
    }

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
    pub fn scan(&self, text: &str, key: &str, ascii: bool) -> Scan {
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
        let [person, org, cues] = find_words(m, key, ascii, [&person, &org, &|_, _, _| true]);
        Scan { person, org, cues, ascii }
    }

    /// Honorifics, ranks, degrees and titles in `text` (whose key is `key`).
    pub fn person_matches(&self, text: &str, key: &str) -> Vec<Match> {
        self.scan(text, key, false).person
    }

    /// Organizations and administrative units in `text`.
    pub fn org_matches(&self, text: &str, key: &str) -> Vec<Match> {
        self.scan(text, key, false).org
    }

    /// Cue phrases and meeting kinds in `key`.
    pub fn cue_matches(&self, text: &str, key: &str) -> Vec<Match> {
        self.scan(text, key, false).cues
    }

    /// The person-side entries a match stands for (exact entries that do not fit `written` left out).
    pub fn person_entries<'a>(&'a self, m: &Match, written: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.matchers(m.ascii()).person_pat[m.pattern() as usize]
            .iter()
            .map(|&i| i as usize)
            .filter(move |&i| Self::written_ok(&self.person_table[i], &self.person_ascii_forms[i], written))
            .map(|i| &self.person_table[i])
    }

    /// The organization-side entries a match stands for.
    pub fn org_entries<'a>(&'a self, m: &Match, written: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.matchers(m.ascii()).org_pat[m.pattern() as usize]
            .iter()
            .map(|&i| i as usize)
            .filter(move |&i| Self::written_ok(&self.org_table[i], &self.org_ascii_forms[i], written))
            .map(|i| &self.org_table[i])
    }

    /// The cue entries a match stands for.
    pub fn cue_entries(&self, m: &Match) -> impl Iterator<Item = &CueEntry> + '_ {
        self.matchers(m.ascii()).cue_pat[m.pattern() as usize].iter().map(|&i| &self.cue_table[i as usize])
    }

    /// Family-name facts for a syllable key, if it is a family name (also written
    /// without diacritics: "nguyen").
    ///
    /// `ascii` (for text typed without diacritics) also accepts the accent-free forms.
    pub fn surname(&self, syllable_key: &str, ascii: bool) -> Option<SurnameInfo> {
        self.surnames
            .get(syllable_key)
            .copied()
            .or_else(|| ascii.then(|| self.surnames_ascii.get(syllable_key).copied()).flatten())
    }

    /// True when the one-word key is listed in cues.tsv under `name` ("nguyên" is
    /// `former`, "và" a `function_word`).
    ///
    /// `ascii` (for text typed without diacritics) also accepts the accent-free forms.
    pub fn is_word_cue(&self, word_key: &str, name: &str, ascii: bool) -> bool {
        let has = |m: &WordMap<Vec<String>>| m.get(word_key).is_some_and(|v| v.iter().any(|n| n == name));
        has(&self.word_cues) || ascii && has(&self.word_cues_ascii)
    }

    /// True when the syllable key is a frequent middle name.
    pub fn is_middle_name(&self, syllable_key: &str, ascii: bool) -> bool {
        self.middles.contains(syllable_key) || ascii && self.middles_ascii.contains(syllable_key)
    }

    /// True when the word or phrase key is listed as never being a name.
    pub fn is_not_name(&self, k: &str, ascii: bool) -> bool {
        self.not_names.contains(k) || ascii && self.not_names_ascii.contains(k)
    }

    /// True when the name key is a historical figure.
    pub fn is_historical(&self, name_key: &str, ascii: bool) -> bool {
        let find = |v: &Vec<String>| v.binary_search_by(|h| h.as_str().cmp(name_key)).is_ok();
        find(&self.historical) || ascii && find(&self.historical_ascii)
    }

    /// The phrases of a word list of words.tsv (folded to the key), in file order; empty
    /// for a list that has none. These lists are read at known places by the assembly
    /// stage (the verb inside an organizing cue, footer labels …), never scanned for.
    ///
    /// ```
    /// let lex = vanban::Lexicon::default();
    /// assert_eq!(lex.words("footer_phone"), ["điện thoại", "đt"]);
    /// assert!(lex.words("no_such_list").is_empty());
    /// ```
    pub fn words(&self, list: &str) -> &[String] {
        self.word_list(list).phrases()
    }

    /// True when `k` (a key) is one of the phrases of the word list `list`.
    ///
    /// ```
    /// let lex = vanban::Lexicon::default();
    /// assert!(lex.is_in("group_lead", "cùng với"));
    /// assert!(!lex.is_in("group_lead", "Cùng với"));
    /// ```
    pub fn is_in(&self, list: &str, k: &str) -> bool {
        self.word_list(list).contains(k)
    }

    /// A word list of words.tsv, to read or test many times ([`Lexicon::words`] and
    /// [`Lexicon::is_in`] find the list by name at each call).
    ///
    /// ```
    /// let lex = vanban::Lexicon::default();
    /// let gap = lex.word_list("mention_gap");
    /// assert!(gap.contains("và"));
    /// assert!(!gap.contains("hội nghị"));
    /// assert!(lex.word_list("no_such_list").phrases().is_empty());
    /// ```
    pub fn word_list(&self, list: &str) -> WordList<'_> {
        match self.words.binary_search_by(|(l, _)| l.as_str().cmp(list)) {
            Ok(i) => {
                WordList { phrases: &self.words[i].1, bit: if i < 64 { 1 << i } else { 0 }, bits: &self.word_bits }
            }
            Err(_) => WordList { phrases: &[], bit: 0, bits: &self.word_bits },
        }
    }

    /// The administrative level a level noun names ("huyện" → district), by its key.
    pub fn unit_level(&self, k: &str) -> Option<Level> {
        self.units.get(k).copied()
    }

    /// Expansion of an abbreviation written as `written` (titles and organizations).
    pub fn expansion(&self, written: &str) -> Option<&str> {
        let k = key::key(written);
        let m = &self.main;
        let found = longest_at(m, &k, 0, [true, true, false]);
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

    #[test]
    fn bundled_tables_parse() {
        let mut b = LexiconBuilder::new();
        for (t, text) in DEFAULT_TABLES {
            b.add_table_mut(*t, text).unwrap();
        }
        let lex = b.build();
        assert!(lex.person_table.len() > 100);
        assert!(lex.org_table.len() > 100);
        assert!(lex.surnames.len() > 100);
    }

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

    #[test]
    fn word_lists_keep_file_order_and_fold() {
        let lex = LexiconBuilder::with_defaults()
            .add_table(Table::Words, "Thiết Kế Website\tfooter_designer\nghi chú\tnote\n")
            .unwrap()
            .build();
        assert_eq!(lex.words("footer_designer"), ["designed by", "thiết kế bởi", "thiết kế", "thiết kế website"]);
        assert!(lex.is_in("note", "ghi chú"));
        // Word lists are no cues: nothing in the text matches them.
        let text = "ghi chú";
        assert!(lex.cue_matches(text, &key::key(text)).is_empty());
        assert!(LexiconBuilder::new().add_table(Table::Words, "đã\n").is_err());
    }

    #[test]
    fn bad_user_table_is_an_error() {
        let e = LexiconBuilder::new().add_table(Table::Honorifics, "ông\tfoo\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
