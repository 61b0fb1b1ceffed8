//! The vocabulary of formal documents, read from `lexicon/data/formal.tsv`: the
//! motto and the Party's name, type headings and codes, signing prefixes, labels. Read
//! by the layout's formal regions and by the formal recognizers (which re-export it as
//! `recognize::formal::vocab`); it sits beside the lexicon so that neither stage
//! reaches into the other for it.

use std::sync::LazyLock;

/// One entry of `formal.tsv`: phrase (as a key), category, value (the `extra` column is
/// documentation: the state type code of a heading).
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub phrase: String,
    pub category: String,
    pub value: String,
}

/// All entries, longest phrase first (so "không tán thành" is tried before "tán thành").
pub(crate) static VOCAB: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let mut v: Vec<Entry> = include_str!("lexicon/data/formal.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            let phrase = crate::key::key(c.next()?.trim());
            let category = c.next()?.trim().to_string();
            let value = c.next().unwrap_or("").trim().to_string();
            Some(Entry { phrase, category, value })
        })
        .collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.phrase.len()));
    v
});

/// The entries of each category, in [`VOCAB`]'s order (longest phrase first).
static BY_CATEGORY: LazyLock<Vec<(&'static str, Vec<&'static Entry>)>> = LazyLock::new(|| {
    let mut v: Vec<(&'static str, Vec<&'static Entry>)> = Vec::new();
    for e in VOCAB.iter() {
        match v.iter_mut().find(|(c, _)| *c == e.category) {
            Some((_, list)) => list.push(e),
            None => v.push((e.category.as_str(), vec![e])),
        }
    }
    v
});

/// Entries of one category.
pub(crate) fn of(category: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    BY_CATEGORY.iter().find(|(c, _)| *c == category).into_iter().flat_map(|(_, list)| list.iter().copied())
}

/// The longest entry of `category` that `key` starts with, ending at a word boundary.
pub(crate) fn prefix(category: &str, key: &str) -> Option<&'static Entry> {
    of(category).find(|e| {
        key.starts_with(e.phrase.as_str())
            && (e.phrase.ends_with(['.', ',', ')', '/'])
                || key[e.phrase.len()..].chars().next().is_none_or(|c| !crate::key::is_word_char(c)))
    })
}

/// Does `key` contain an entry of `category` (at a word start)? Returns its byte offset.
pub(crate) fn find(category: &str, key: &str) -> Option<(usize, &'static Entry)> {
    let mut best: Option<(usize, &'static Entry)> = None;
    for e in of(category) {
        let mut from = 0;
        while let Some(p) = key[from..].find(e.phrase.as_str()).map(|p| p + from) {
            let before_ok = key[..p].chars().next_back().is_none_or(|c| !crate::key::is_word_char(c));
            let after_ok = key[p + e.phrase.len()..].chars().next().is_none_or(|c| !crate::key::is_word_char(c))
                || e.phrase.ends_with(['.', ',', ')', '/']);
            if before_ok && after_ok {
                if best.is_none_or(|(b, _)| p < b) {
                    best = Some((p, e));
                }
                break;
            }
            from = p + key[p..].chars().next().map_or(1, char::len_utf8);
        }
    }
    best
}
