//! Counts of contributions: "04 ý kiến tham luận", "18 ý kiến", "50 lượt ý kiến".

use crate::lexicon::{Lexicon, WordList};
use regex::Regex;

/// A stated number of contributions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountMention {
    /// First byte of the number.
    pub start: usize,
    /// End of the counted noun.
    pub end: usize,
    /// The number.
    pub count: u32,
}

/// A pattern that matches nothing.
pub(crate) const NEVER: &str = r"[^\s\S]";

/// Finds contribution counts; compiled once.
#[derive(Clone, Debug)]
pub struct CountRecognizer {
    re: Regex,
}

impl Default for CountRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl CountRecognizer {
    /// Compile the pattern with the crate's contribution phrases.
    pub fn new() -> Self {
        Self::with_lexicon(crate::lexicon::bundled())
    }

    /// Compile the pattern with the contribution phrases of `lex` (lists.tsv,
    /// [`WordList::ContributionPhrase`], tried in table order): a number of one to three
    /// digits, a space, a phrase.
    pub fn with_lexicon(lex: &Lexicon) -> Self {
        let phrases: Vec<String> =
            lex.word_list(WordList::ContributionPhrase).forms().iter().map(|p| regex::escape(p)).collect();
        // Escaped phrases in a fixed frame: always a valid pattern (none: no match).
        let pattern =
            if phrases.is_empty() { NEVER.to_string() } else { format!(r"(\d{{1,3}}) (?:{})", phrases.join("|")) };
        let re = Regex::new(&pattern).unwrap_or_else(|_| Regex::new(NEVER).expect("valid"));
        CountRecognizer { re }
    }

    /// Counts in `key` (lower-case matching key), in order.
    pub fn counts(&self, key: &str) -> Vec<CountMention> {
        self.re
            .captures_iter(key)
            .filter_map(|c| {
                let n = c.get(1)?;
                let whole = c.get(0)?;
                // The number must stand alone: not "1/2", "2.500", "15-20".
                let before = key[..n.start()].chars().next_back();
                if before.is_some_and(|ch| crate::spelling::is_alphanumeric(ch) || matches!(ch, '/' | '.' | ',' | '-'))
                {
                    return None;
                }
                let count = n.as_str().parse().ok()?;
                (count > 0).then_some(CountMention { start: n.start(), end: whole.end(), count })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    /// Formerly a doc example (the item is private since issue 11).
    #[test]
    fn counts_example() {
        let r = crate::recognize::count::CountRecognizer::new();
        let c = r.counts("tại hội nghị có 04 ý kiến tham luận, các ý kiến");
        assert_eq!(c[0].count, 4);
    }

    use super::*;

    #[test]
    fn counts_and_rejects() {
        let r = CountRecognizer::new();
        assert_eq!(r.counts("cử tri đã có 18 ý kiến")[0].count, 18);
        assert_eq!(r.counts("gần 50 lượt ý kiến")[0].count, 50);
        assert!(r.counts("1/2 ý kiến").is_empty());
        assert!(r.counts("các ý kiến tập trung").is_empty());
    }
}
