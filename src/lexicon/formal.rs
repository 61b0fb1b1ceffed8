//! The vocabulary of formal documents (`formal.tsv`: header lines, document types and
//! their codes, signing prefixes, field labels of minutes, task agencies and deadlines),
//! a table of the [`Lexicon`] like the others, its categories named by [`FormalList`].

use super::Lexicon;
use crate::spelling;

named_lists! {
    /// A category of `formal.tsv`, named there by its snake_case name.
    pub enum FormalList {
        /// A fragment of the national name or motto (state layout).
        Motto = "motto",
        /// The Party header (Party layout).
        Party = "party",
        /// A type heading; value: the kind (snake_case `DocumentKind`).
        DocType = "doc_type",
        /// A type code of a number; value: the kind.
        TypeCode = "type_code",
        /// The subject label of an official letter ("V/v").
        Subject = "subject",
        /// The addressee label ("Kính gửi").
        Addressee = "addressee",
        /// A signing-authority prefix; value: the authority.
        SignPrefix = "sign_prefix",
        /// The head of a signer's column in minutes or a contract, naming the party
        /// represented ("ĐẠI DIỆN" over "CÔNG TY …"); value: the authority.
        SignParty = "sign_party",
        /// The heading of an annex after the signature ("PHỤ LỤC"): the tail ends there.
        Annex = "annex",
        /// A line of the signature block that is no part of it ("(đã ký)").
        SignSkip = "sign_skip",
        /// A signer's title in minutes, where no prefix is written.
        SignerTitle = "signer_title",
        /// The label of the distribution list.
        Recipients = "recipients",
        /// The archive line of the distribution list ("Lưu").
        Archive = "archive",
        /// A field label of minutes; value: the field.
        Minutes = "minutes",
        /// A word of a vote; value: the part.
        Vote = "vote",
        /// A verb phrase that names the agency in charge; value: `before` or `after`.
        Agency = "agency",
        /// A verb that ends the agency's name in a task ("chủ trì").
        AgencyEnd = "agency_end",
        /// A phrase before the agencies that work with it.
        Partners = "partners",
        /// A deadline phrase; value: `date`, `period` or `recurring`.
        Deadline = "deadline",
        /// A section heading word of minutes.
        Section = "section",
        /// A Roman-numbered section whose items are the tasks ("Nhiệm vụ").
        TaskSection = "task_section",
        /// A section whose items are aims, not tasks ("Mục đích, yêu cầu").
        PurposeSection = "purpose_section",
        /// A label of an item that informs (time, place, participants), not a task
        /// ("Thời gian:", "Địa điểm:", "Thành phần:").
        InfoLabel = "info_label",
        /// The type word of a cited document ("nghị định", "luật", "kết luận").
        Cited = "cited",
        /// A level noun that continues the issuer's name on the next line ("tỉnh").
        IssuerContinuation = "issuer_continuation",
        /// A line opening so gives the legal basis ("Căn cứ"), whose date is no meeting date.
        LegalBasis = "legal_basis",
    }
}

/// One entry of `formal.tsv`: the phrase (as a key), its category and value (the
/// `extra` column is documentation: the state type code of a heading).
#[derive(Clone, Debug)]
pub struct FormalEntry {
    /// The phrase, folded to the key.
    pub phrase: String,
    /// Its category.
    pub category: FormalList,
    /// The value column (empty where none).
    pub value: String,
}

/// The entries of one category, longest phrase first, in file order among phrases of
/// one length (so "không tán thành" is tried before "tán thành"); and, for
/// [`Lexicon::formal_find`], the same entries grouped by their first byte.
#[derive(Clone, Debug)]
pub(super) struct Category {
    entries: Vec<FormalEntry>,
    /// Indices into `entries`, by first byte of the phrase (in `entries` order within
    /// one byte): those of byte `b` are `by_first[first[b]..first[b + 1]]`.
    by_first: Vec<u16>,
    first: [u16; 257],
    /// The bytes some phrase opens with.
    openers: Vec<u8>,
}

impl Category {
    fn new(mut entries: Vec<FormalEntry>) -> Category {
        entries.sort_by_key(|e: &FormalEntry| std::cmp::Reverse(e.phrase.len()));
        // (A category holds a few dozen phrases, far below u16::MAX.)
        let mut by_first: Vec<u16> = (0..entries.len().min(usize::from(u16::MAX)) as u16).collect();
        let lead = |i: u16| entries[usize::from(i)].phrase.as_bytes().first().map_or(256, |&b| usize::from(b));
        // A stable sort: file order kept among the phrases of one byte. Empty phrases
        // (byte 256) go last and are never tried.
        by_first.sort_by_key(|&i| lead(i));
        let mut first = [0u16; 257];
        for (b, slot) in first.iter_mut().enumerate() {
            *slot = by_first.partition_point(|&i| lead(i) < b) as u16;
        }
        let openers = (0..=255u8).filter(|&b| first[usize::from(b)] < first[usize::from(b) + 1]).collect();
        Category { entries, by_first, first, openers }
    }

    /// The phrases of the category.
    pub(super) fn phrases(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries.iter().map(|e| e.phrase.as_str())
    }

    /// The entries whose phrase opens with byte `b`, in `entries` order.
    #[inline]
    fn opening_with(&self, b: u8) -> &[u16] {
        let b = usize::from(b);
        &self.by_first[usize::from(self.first[b])..usize::from(self.first[b + 1])]
    }
}

/// The categories, indexed by [`FormalList::index`].
pub(super) fn compile(entries: Vec<FormalEntry>) -> Vec<Category> {
    let mut by = vec![Vec::new(); FormalList::ALL.len()];
    for e in entries {
        by[e.category.index()].push(e);
    }
    by.into_iter().map(Category::new).collect()
}

/// A phrase ending so may be glued to the next word ("v/v", "(đã ký)").
fn ends_in_punctuation(phrase: &str) -> bool {
    phrase.ends_with(['.', ',', ')', '/'])
}

/// No word character before byte `p` of `key`.
fn starts_word(key: &str, p: usize) -> bool {
    key[..p].chars().next_back().is_none_or(|c| !spelling::is_word_char(c))
}

/// No word character at byte `p` of `key`.
fn ends_word(key: &str, p: usize) -> bool {
    key[p..].chars().next().is_none_or(|c| !spelling::is_word_char(c))
}

impl Lexicon {
    /// The entries of a category of the formal vocabulary, longest phrase first.
    ///
    /// ```
    /// use vanban::lexicon::FormalList;
    /// let lex = vanban::Lexicon::default();
    /// assert!(lex.formal(FormalList::Party).any(|e| e.phrase == "đảng cộng sản việt nam"));
    /// ```
    pub fn formal(&self, category: FormalList) -> impl Iterator<Item = &FormalEntry> + '_ {
        self.formal[category.index()].entries.iter()
    }

    /// The longest entry of `category` that `key` starts with, ending at a word boundary
    /// (or with punctuation).
    ///
    /// ```
    /// use vanban::lexicon::FormalList;
    /// let lex = vanban::Lexicon::default();
    /// assert_eq!(lex.formal_prefix(FormalList::Addressee, "kính gửi: ubnd").unwrap().phrase, "kính gửi");
    /// ```
    pub fn formal_prefix(&self, category: FormalList, key: &str) -> Option<&FormalEntry> {
        self.formal(category).find(|e| {
            key.starts_with(e.phrase.as_str()) && (ends_in_punctuation(&e.phrase) || ends_word(key, e.phrase.len()))
        })
    }

    /// The first place where `key` holds an entry of `category` at a word start, and the
    /// entry (of the entries found there, the first in [`Lexicon::formal`]'s order).
    ///
    /// ```
    /// use vanban::lexicon::FormalList;
    /// let lex = vanban::Lexicon::default();
    /// let (at, _) = lex.formal_find(FormalList::Party, "ubnd tỉnh đảng cộng sản việt nam").unwrap();
    /// assert_eq!(at, "ubnd tỉnh ".len());
    /// ```
    pub fn formal_find(&self, category: FormalList, key: &str) -> Option<(usize, &FormalEntry)> {
        let cat = &self.formal[category.index()];
        // One pass over the key: only a byte that opens some entry is tried (an entry's
        // first byte is never a UTF-8 continuation byte, so every try is at a boundary),
        // and there only the entries opening with it.
        let bytes = key.as_bytes();
        let try_at = |p: usize| {
            if !starts_word(key, p) {
                return None;
            }
            let rest = &bytes[p..];
            cat.opening_with(bytes[p])
                .iter()
                .map(|&i| &cat.entries[usize::from(i)])
                .find(|e| {
                    rest.starts_with(e.phrase.as_bytes())
                        && (ends_word(key, p + e.phrase.len()) || ends_in_punctuation(&e.phrase))
                })
                .map(|e| (p, e))
        };
        // (SIMD byte search when the phrases open with three bytes or fewer.)
        match *cat.openers.as_slice() {
            [] => None,
            [a] => memchr::memchr_iter(a, bytes).find_map(try_at),
            [a, b] => memchr::memchr2_iter(a, b, bytes).find_map(try_at),
            [a, b, c] => memchr::memchr3_iter(a, b, c, bytes).find_map(try_at),
            _ => (0..bytes.len()).filter(|&p| !cat.opening_with(bytes[p]).is_empty()).find_map(try_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{LexiconBuilder, Table};
    use super::*;

    /// The plain search `formal_find` replaces: at every character boundary that starts a
    /// word, the first entry (longest first) that the rest starts with.
    fn find_plain<'l>(lex: &'l Lexicon, category: FormalList, key: &str) -> Option<(usize, &'l FormalEntry)> {
        key.char_indices().map(|(p, _)| p).filter(|&p| starts_word(key, p)).find_map(|p| {
            lex.formal(category)
                .find(|e| {
                    !e.phrase.is_empty()
                        && key[p..].starts_with(e.phrase.as_str())
                        && (ends_word(key, p + e.phrase.len()) || ends_in_punctuation(&e.phrase))
                })
                .map(|e| (p, e))
        })
    }

    proptest::proptest! {
        /// The grouped search finds what the plain one finds, in every category.
        #[test]
        fn formal_find_agrees_with_the_plain_search(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "cộng hoà xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc", "đảng cộng sản việt nam",
                "nơi nhận", "kính gửi", "tm.", "kt.", "số", "v/v", "căn cứ", "ủy ban", "quyết định", "thông báo",
                "biên bản", "(đã ký)", "x", " ", ":", "-", "ư", "\n",
            ]), 0..8),
        ) {
            let lex = super::super::bundled();
            let key: String = parts.concat();
            for &category in FormalList::ALL {
                let got = lex.formal_find(category, &key).map(|(p, e)| (p, e.phrase.clone()));
                let want = find_plain(lex, category, &key).map(|(p, e)| (p, e.phrase.clone()));
                proptest::prop_assert_eq!(got, want, "{:?} in {:?}", category, key);
            }
        }
    }

    #[test]
    fn formal_table_is_extensible() {
        let lex = LexiconBuilder::with_defaults().add_table(Table::Formal, "Kính trình\taddressee\n").unwrap().build();
        assert_eq!(lex.formal_prefix(FormalList::Addressee, "kính trình ubnd").unwrap().phrase, "kính trình");
        assert!(LexiconBuilder::new().add_table(Table::Formal, "x\tno_such_category\n").is_err());
    }

    #[test]
    fn longest_phrase_first() {
        let lex = Lexicon::default();
        let lens: Vec<usize> = lex.formal(FormalList::Vote).map(|e| e.phrase.len()).collect();
        assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{lens:?}");
        assert!(FormalList::ALL.iter().all(|&c| lex.formal(c).next().is_some()), "a category with no entry");
    }
}
