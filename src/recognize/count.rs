//! Counts of contributions: "04 ý kiến tham luận", "18 ý kiến", "50 lượt ý kiến".

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
    /// Compile the pattern.
    pub fn new() -> Self {
        let re = Regex::new(
            r"(\d{1,3}) (?:lượt ý kiến|ý kiến tham luận|bài tham luận|tham luận|lượt đại biểu phát biểu|ý kiến phát biểu|ý kiến thảo luận|ý kiến)",
        )
        .expect("static pattern");
        CountRecognizer { re }
    }

    /// Counts in `key` (lower-case matching key), in order.
    ///
    /// ```
    /// let r = vanban::recognize::count::CountRecognizer::new();
    /// let c = r.counts("tại hội nghị có 04 ý kiến tham luận, các ý kiến");
    /// assert_eq!(c[0].count, 4);
    /// ```
    pub fn counts(&self, key: &str) -> Vec<CountMention> {
        self.re
            .captures_iter(key)
            .filter_map(|c| {
                let n = c.get(1)?;
                let whole = c.get(0)?;
                // The number must stand alone: not "1/2", "2.500", "15-20".
                let before = key[..n.start()].chars().next_back();
                if before.is_some_and(|ch| crate::key::is_alphanumeric(ch) || matches!(ch, '/' | '.' | ',' | '-')) {
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
