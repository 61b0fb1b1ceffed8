//! The vocabulary of formal documents: `lexicon/data/formal.tsv`, now a table of the
//! [`Lexicon`](crate::lexicon::Lexicon) ([`crate::lexicon::FormalList`]). These functions
//! read the bundled table by category name until the call sites use
//! `Lexicon::formal`, `Lexicon::formal_prefix` and `Lexicon::formal_find`.

use crate::lexicon::{self, FormalList};

/// One entry of `formal.tsv`.
pub(crate) type Entry = lexicon::FormalEntry;

/// The category named `category` in formal.tsv.
fn category(category: &str) -> Option<FormalList> {
    let c = FormalList::from_name(category);
    debug_assert!(c.is_some(), "no formal category {category}");
    c
}

/// Entries of one category, longest phrase first.
pub(crate) fn of(name: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    category(name).into_iter().flat_map(|c| lexicon::bundled().formal(c))
}

/// The longest entry of `category` that `key` starts with, ending at a word boundary.
pub(crate) fn prefix(name: &str, key: &str) -> Option<&'static Entry> {
    lexicon::bundled().formal_prefix(category(name)?, key)
}

/// Does `key` contain an entry of `category` (at a word start)? Returns its byte offset.
pub(crate) fn find(name: &str, key: &str) -> Option<(usize, &'static Entry)> {
    lexicon::bundled().formal_find(category(name)?, key)
}
