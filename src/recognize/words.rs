//! Word-boundary helpers on the matching key (lower case, tone-folded; see
//! [`crate::key`]), shared by the recognizers and by assembly: whether a key starts or
//! ends with a word, where the text after a word starts, and trimming lead and trail
//! words off a phrase.

use crate::key;

/// Start of the clause that ends at `end`, within the sentence starting at `sentence_start`:
/// just after the last ", " before `end`.
pub(crate) fn clause_start(text: &str, sentence_start: usize, end: usize) -> usize {
    let seg = &text[sentence_start..end];
    seg.rfind(", ").map_or(sentence_start, |p| sentence_start + p + 2)
}

/// True when the key `k` starts with the word or phrase `w` followed by a space.
pub(crate) fn starts_with_word(k: &str, w: &str) -> bool {
    k.strip_prefix(w).is_some_and(|rest| rest.starts_with(' '))
}

/// True when the key `k` ends with the word or phrase `w` after a space.
pub(crate) fn ends_with_word(k: &str, w: &str) -> bool {
    k.strip_suffix(w).is_some_and(|rest| rest.ends_with(' '))
}

/// Where the text after the first of `words` that stands between spaces in the key `k`
/// starts (after the space that follows it).
pub(crate) fn after_word(k: &str, words: &[String]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| {
            k.match_indices(w.as_str())
                .find(|&(p, _)| p > 0 && k[..p].ends_with(' ') && k[p + w.len()..].starts_with(' '))
                .map(|(p, _)| p + w.len() + 1)
        })
        .min()
}

/// Where the text after the last of `words` that stands as a word in the key `k`
/// (after a space or at the start, before a space) starts.
pub(crate) fn after_last_word(k: &str, words: &[String]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| {
            k.rmatch_indices(w.as_str())
                .find(|&(p, _)| (p == 0 || k[..p].ends_with(' ')) && k[p + w.len()..].starts_with(' '))
                .map(|(p, _)| p + w.len() + 1)
        })
        .max()
}

/// `s` without separators at either end and without the words of `lead` at its start
/// and of `trail` at its end (compared on the key), repeatedly.
pub(crate) fn trim_words<'t>(s: &'t str, lead: &[String], trail: &[String]) -> &'t str {
    let mut s = s.trim_matches([' ', ',', '-']);
    loop {
        let lower = key::key(s);
        let mut changed = false;
        for w in lead {
            if starts_with_word(&lower, w) {
                s = s[w.len()..].trim_start();
                changed = true;
                break;
            }
        }
        let lower = key::key(s);
        for w in trail {
            if ends_with_word(&lower, w) {
                s = s[..s.len() - w.len()].trim_end();
                changed = true;
                break;
            }
        }
        if !changed {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn word_boundaries() {
        assert!(starts_with_word("tại hội trường", "tại"));
        assert!(!starts_with_word("tạii hội", "tại"));
        assert!(!starts_with_word("tại", "tại"));
        assert!(ends_with_word("họp tại xã", "xã"));
        assert!(!ends_with_word("họp tại thịxã", "xã"));
    }

    #[test]
    fn after_first_and_last_word() {
        let k = "họp tại xã an bình tại hội trường";
        assert_eq!(&k[after_word(k, &words(&["tại"])).unwrap_or(0)..], "xã an bình tại hội trường");
        assert_eq!(&k[after_last_word(k, &words(&["tại"])).unwrap_or(0)..], "hội trường");
        // At the very start: a word for after_last_word, not for after_word.
        assert_eq!(after_word("tại xã", &words(&["tại"])), None);
        assert_eq!(after_last_word("tại xã", &words(&["tại"])), Some("tại ".len()));
    }

    #[test]
    fn trims_lead_and_trail_words() {
        let s = trim_words(", Cùng các đồng chí lãnh đạo xã -", &words(&["cùng", "các"]), &words(&["xã"]));
        assert_eq!(s, "đồng chí lãnh đạo");
        assert_eq!(&"Sáng nay, UBND xã họp"[clause_start("Sáng nay, UBND xã họp", 0, 25)..], "UBND xã họp");
        assert_eq!(clause_start("UBND xã họp", 0, 14), 0);
    }
}
