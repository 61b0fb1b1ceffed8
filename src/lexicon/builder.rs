//! Reading the tables: [`LexiconBuilder`] collects the lines of the TSV files (the
//! bundled ones and a caller's), then compiles a [`Lexicon`].

use super::scan::{MAX_ENTRIES, MAX_FORM_BYTES, Matchers};
use super::{
    CueEntry, Entry, EntryKind, FormalEntry, FormalList, HonorificKind, KeyMap, KeySet, Level, Lexicon, SurnameInfo,
    WordList, formal, words,
};
use crate::key;
use std::collections::HashSet;
use std::sync::OnceLock;

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
    /// words.tsv, dates.tsv, lists.tsv: phrase, list ([`WordList`]'s snake_case name),
    /// optional value. Word lists that the stages read at known places (see
    /// [`Lexicon::words`]); not scanned for in the text.
    Words,
    /// formal.tsv: phrase, category ([`FormalList`]'s snake_case name), value, extra. The
    /// vocabulary of formal documents (see [`Lexicon::formal`]).
    Formal,
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
            Table::Formal => "formal",
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
    (Table::Words, include_str!("data/dates.tsv")),
    (Table::Words, include_str!("data/lists.tsv")),
    (Table::Formal, include_str!("data/formal.tsv")),
];

/// Collects entries, then compiles a [`Lexicon`].
///
/// ```
/// use std::sync::Arc;
/// use vanban::lexicon::{LexiconBuilder, Table};
/// let lex = LexiconBuilder::with_defaults()
///     .add_table(Table::Titles, "Giám đốc Quỹ\t\t\n")
///     .unwrap()
///     .build();
/// let parser = vanban::Parser::builder().lexicon(Arc::new(lex)).build();
/// let doc = parser.parse("Ông Nguyễn Văn An - Giám đốc Quỹ phát biểu tại hội nghị.");
/// assert_eq!(doc.people[0].roles[0].title, "Giám đốc Quỹ");
/// ```
#[derive(Clone, Debug, Default)]
pub struct LexiconBuilder {
    person: Vec<Entry>,
    org: Vec<Entry>,
    cues: Vec<CueEntry>,
    surnames: KeyMap<SurnameInfo>,
    middles: KeySet,
    not_names: KeySet,
    historical: Vec<String>,
    /// The word lists: (list, phrase as written, value), in file order.
    words: Vec<(WordList, String, String)>,
    /// formal.tsv, in file order.
    formal: Vec<FormalEntry>,
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

/// A person-side or organization-side entry, `exact` from its flags, not ambiguous.
fn entry(form: String, expansion: Option<String>, kind: EntryKind, flags: &HashSet<&str>) -> Entry {
    Entry { form, expansion, kind, exact: flags.contains("exact"), ambiguous: false }
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

    /// The crate's word lists and formal vocabulary, without the scanned tables.
    pub(super) fn bundled_words() -> Lexicon {
        let mut b = Self::new();
        for (t, text) in DEFAULT_TABLES.iter().filter(|(t, _)| matches!(t, Table::Words | Table::Formal)) {
            if let Err(e) = b.add_table_mut(*t, text) {
                debug_assert!(false, "{e}");
            }
        }
        b.build()
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
            self.add_line(table, &cols(line)).map_err(|reason| TableError {
                table: table.name().to_string(),
                line: i + 1,
                reason,
            })?;
        }
        Ok(())
    }

    /// One line of `table`, split into its columns (the first one, the form, first).
    fn add_line(&mut self, table: Table, c: &[&str]) -> Result<(), String> {
        let form = c[0].to_string();
        if form.is_empty() {
            return Err("empty form".into());
        }
        if form.len() > MAX_FORM_BYTES {
            return Err("form longer than 255 bytes".into());
        }
        if self.person.len().max(self.org.len()).max(self.cues.len()).max(self.words.len()) >= MAX_ENTRIES {
            return Err("too many entries".into());
        }
        let second = || Some(c.get(1).copied().unwrap_or("")).filter(|s| !s.is_empty());
        match table {
            Table::Honorifics => {
                let kind = match c.get(1).copied().unwrap_or("") {
                    "address" => HonorificKind::Address,
                    "rank" => HonorificKind::Rank,
                    "degree" => HonorificKind::Degree,
                    "honorary" => HonorificKind::Honorary,
                    _ => return Err("kind must be address, rank, degree or honorary".into()),
                };
                let f = flags(c.get(3));
                self.person.push(entry(form, nonempty(c.get(2)), EntryKind::Honorific(kind), &f));
            }
            Table::Titles => {
                let f = flags(c.get(2));
                let kind =
                    EntryKind::Title { standalone: f.contains("standalone"), needs_org: f.contains("needs_org") };
                self.person
                    .push(Entry { ambiguous: f.contains("ambiguous"), ..entry(form, nonempty(c.get(1)), kind, &f) });
            }
            Table::Organizations => {
                let f = flags(c.get(3));
                let kind = EntryKind::Org { head: f.contains("head") };
                self.org
                    .push(Entry { ambiguous: f.contains("ambiguous"), ..entry(form, nonempty(c.get(1)), kind, &f) });
            }
            Table::Units => {
                let level = match c.get(1).copied().unwrap_or("") {
                    "nation" => Level::Nation,
                    "province" => Level::Province,
                    "district" => Level::District,
                    "commune" => Level::Commune,
                    "village" => Level::Village,
                    _ => return Err("level must be nation, province, district, commune or village".into()),
                };
                self.org.push(entry(form, None, EntryKind::Unit(level), &flags(c.get(2))));
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
                let name = second().ok_or("missing second column")?;
                self.cues.push(CueEntry { form, name: name.to_string(), meeting: table == Table::MeetingKinds });
            }
            Table::NotNames => {
                self.not_names.insert(key::key(&form));
            }
            Table::Historical => self.historical.push(key::key(&form)),
            Table::Words => {
                let name = second().ok_or("missing second column")?;
                let list = WordList::from_name(name).ok_or_else(|| format!("unknown word list {name}"))?;
                self.words.push((list, form, c.get(2).copied().unwrap_or("").to_string()));
            }
            Table::Formal => {
                let name = second().ok_or("missing second column")?;
                let category = FormalList::from_name(name).ok_or_else(|| format!("unknown category {name}"))?;
                let value = c.get(2).copied().unwrap_or("").to_string();
                self.formal.push(FormalEntry { phrase: key::key(&form), category, value });
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
        let strip_set = |set: &KeySet| set.iter().map(|k| key::strip_accents(k)).collect::<KeySet>();
        let surnames_ascii = self
            .surnames
            .iter()
            .map(|(k, v)| (key::strip_accents(k), *v))
            .filter(|(k, _)| !self.surnames.contains_key(k))
            .collect();
        let ascii_forms = |t: &[Entry]| t.iter().map(|e| key::strip_marks(&e.form)).collect();
        let name_syllables_ascii: KeySet =
            self.surnames.keys().chain(self.middles.iter()).map(|k| key::strip_accents(k)).collect();
        let units = self
            .org
            .iter()
            .filter_map(|e| match e.kind {
                EntryKind::Unit(l) => Some((key::key(&e.form), l)),
                _ => None,
            })
            .collect();
        let mut word_cues: KeyMap<Vec<String>> = KeyMap::default();
        let mut word_cues_ascii: KeyMap<Vec<String>> = KeyMap::default();
        for c in self.cues.iter().filter(|c| !c.meeting && !c.form.contains(' ')) {
            word_cues.entry(key::key(&c.form)).or_default().push(c.name.clone());
            word_cues_ascii.entry(key::strip_accents(&key::key(&c.form))).or_default().push(c.name.clone());
        }
        let (lists, word_bits) = words::compile(self.words);
        Lexicon {
            lists,
            word_bits,
            formal: formal::compile(self.formal),
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
    fn bad_user_table_is_an_error() {
        let e = LexiconBuilder::new().add_table(Table::Honorifics, "ông\tfoo\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
