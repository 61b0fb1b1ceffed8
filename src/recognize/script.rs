//! How the text is written, as a whole: typed without diacritics ("Pho Chu tich UBND",
//! matched accent-free at lower confidence), or with diacritics deliberately scrambled
//! ("KẾT LỦẬN … CỦÀ BỘ CHÍNH TRỊ", seen on republishing sites). Both are read off the
//! normalized text before the lexicon scan, which needs the first answer.

use crate::lexicon::{FxHasher, Lexicon, WordList};
use crate::spelling;
use crate::spelling::syllable::is_combining_mark;
use crate::spelling::syllable::{Stats, analyze, score_of};
use crate::spelling::vowels::is_viet_letter;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The diacritics of a text, scored: see [`toned_words`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Script {
    /// Share of valid Vietnamese syllables among the words with diacritics scored.
    pub valid_share: f32,
    /// How many words with diacritics were scored.
    pub toned_words: usize,
    /// Whether the text holds a Vietnamese letter with a diacritic at all ("ư", "ộ",
    /// "đ"): not an empty or white-space-only text, nor one of ASCII letters only.
    pub diacritics: bool,
}

/// [`toned_word_score`] and [`has_diacritics`] as a [`Script`].
pub(crate) fn toned_words(text: &str, memo: &SyllableMemo) -> Script {
    let (valid_share, toned_words) = toned_word_score(text, memo);
    Script { valid_share, toned_words, diacritics: has_diacritics(text) }
}

/// The syllable statistics ([`analyze`]) of the words of the lexicon's phrases with
/// diacritics, as listed, in lower case and capitalized, computed once with the
/// recognizers: most words of a sample are among them (two in three of the bulk news'),
/// and a look-up costs a tenth of the analysis. Other words are analyzed as they come.
#[derive(Debug, Default)]
pub struct SyllableMemo(HashMap<Box<str>, Stats, BuildHasherDefault<FxHasher>>);

impl SyllableMemo {
    /// The statistics of the words of `lex`'s phrases.
    pub fn new(lex: &Lexicon) -> Self {
        let mut memo: HashMap<Box<str>, Stats, BuildHasherDefault<FxHasher>> = HashMap::default();
        for phrase in lex.phrases() {
            for w in words(phrase) {
                // (A word met before has had its forms analyzed.)
                if w.is_ascii() || memo.contains_key(w) {
                    continue;
                }
                let mut cs = w.chars();
                let capitalized: String = cs.next().into_iter().flat_map(char::to_uppercase).chain(cs).collect();
                for v in [w.to_string(), w.to_lowercase(), capitalized] {
                    if !memo.contains_key(v.as_str()) {
                        let stats = analyze(&v);
                        memo.insert(v.into_boxed_str(), stats);
                    }
                }
            }
        }
        SyllableMemo(memo)
    }

    /// [`analyze`] of `w`, looked up when known.
    fn stats(&self, w: &str) -> Stats {
        self.0.get(w).copied().unwrap_or_else(|| analyze(w))
    }
}

/// True when `text` holds a Vietnamese letter beyond ASCII ("ư", "ộ", "đ") or a
/// combining tone or vowel mark; stops at the first.
pub(crate) fn has_diacritics(text: &str) -> bool {
    text.chars().any(|c| !c.is_ascii() && (is_viet_letter(c) || is_combining_mark(c)))
}

/// Share of valid Vietnamese syllables among the words that carry diacritics, on the
/// first [`TONED_SAMPLE`] of them in the first 8 KiB, and how many were scored.
pub(crate) fn toned_word_score(text: &str, memo: &SyllableMemo) -> (f32, usize) {
    let end = spelling::offset_map::floor_boundary(text, 1 << 13);
    let (mut toned, mut total) = (0usize, Stats::default());
    // (The statistics of the words joined with spaces are the sums of the words': a space
    // is neither a letter nor a suspect symbol.)
    for w in words(&text[..end]).filter(|w| !w.is_ascii()).take(TONED_SAMPLE) {
        toned += 1;
        let st = memo.stats(w);
        total.words += st.words;
        total.valid += st.valid;
        total.words_na += st.words_na;
        total.valid_na += st.valid_na;
        total.glued += st.glued;
    }
    (score_of(total), toned)
}

/// The words of `text` (runs of word characters), as
/// `text.split(|c| !is_word_char(c)).filter(|w| !w.is_empty())` gives them, each word's
/// end found by [`spelling::word_end`]'s byte classes.
fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            let e = spelling::word_end(text, i);
            if e > i {
                let w = &text[i..e];
                i = e;
                return Some(w);
            }
            // A character that is no word character.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Words with diacritics scored for the scrambled-diacritics check: scrambling is done
/// to a whole text, so a sample tells. Real text scores about 0.95 (a standard error of
/// 0.03 on 64 words, the threshold 7 of them away); scrambled text 0.3 to 0.6. Scoring
/// every word cost a tenth of a parse.
const TONED_SAMPLE: usize = 64;

/// True when the text is Vietnamese typed without diacritics: letters are (almost) all
/// ASCII and common Vietnamese syllables written bare make up a good share of the words.
pub(crate) fn lacks_diacritics(text: &str, lex: &Lexicon) -> bool {
    let bare_syllables = lex.words(WordList::BareSyllable);
    let (mut ascii, mut other) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        if c.is_ascii() {
            ascii += usize::from(c.is_ascii_alphabetic());
        } else if spelling::is_alphabetic(c) {
            other += 1;
            // Even if every byte left were an ASCII letter, there would be too few.
            if other * 200 > ascii + (text.len() - i) {
                return false;
            }
        }
    }
    if ascii < 20 || other * 200 > ascii {
        return false;
    }
    let (mut words, mut bare) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).take(5000) {
        words += 1;
        if bare_syllables.iter().any(|b| w.eq_ignore_ascii_case(b)) {
            bare += 1;
        }
    }
    bare * 100 >= words * 15
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lacks_diacritics(text: &str) -> bool {
        super::lacks_diacritics(text, &Lexicon::default())
    }

    #[test]
    fn diacritics_seen() {
        for (text, seen) in [
            ("", false),
            ("  \n\t \r\n", false),
            ("UBND xa to chuc hoi nghi", false),
            ("12/7/2024 - 15:30", false),
            ("Đ", true),
            ("ủy ban", true),
            ("Uy ban nha\u{302}n", true),
        ] {
            assert_eq!(has_diacritics(text), seen, "{text:?}");
            assert_eq!(toned_words(text, &SyllableMemo::default()).diacritics, seen, "{text:?}");
        }
    }

    #[test]
    fn text_without_diacritics() {
        assert!(lacks_diacritics(
            "Sang nay, dong chi Nguyen Van An, Pho Chu tich UBND huyen chu tri hoi nghi cong tac dan van cua tinh."
        ));
        assert!(!lacks_diacritics(
            "Sáng nay, đồng chí Nguyễn Văn An, Phó Chủ tịch UBND huyện chủ trì hội nghị công tác dân vận của tỉnh."
        ));
        // English is ASCII too, but not Vietnamese written bare.
        assert!(!lacks_diacritics("The committee met this morning to review the work of the first six months."));
        assert!(!lacks_diacritics("UBND xa"));
    }

    proptest::proptest! {
        /// The word walk yields the words splitting at every non-word character yields.
        #[test]
        fn words_match_split(s in "[a-zA-Z0-9 .,\\-ĐđÀàẾếỗƯư×÷\u{300}-\u{303}\u{2013}\u{a0}]{0,32}") {
            let want: Vec<&str> = s.split(|c: char| !spelling::is_word_char(c)).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(words(&s).collect::<Vec<_>>(), want);
        }
    }

    /// The memo of the bundled lexicon, built once for the property test below.
    fn memo() -> &'static SyllableMemo {
        static MEMO: std::sync::OnceLock<SyllableMemo> = std::sync::OnceLock::new();
        MEMO.get_or_init(|| SyllableMemo::new(&Lexicon::default()))
    }

    proptest::proptest! {
        /// Looking the words up gives the score analyzing every word gives: on mixes of
        /// known syllables (as written, in capitals, scrambled), unknown ones and junk.
        #[test]
        fn memo_scores_as_analysis(parts in proptest::collection::vec(proptest::sample::select(vec![
            "hội", "Hội", "HỘI", "nghị", "ủy", "Uỷ", "ban", "nhân", "dân", "tỉnh", "huyện", "đồng", "chí", "trên",
            "này", "hộì", "côngg", "Đ", "đ", "ư", "nh©n", "2024", "x", " ", ", ", ".", "\n", "tr\u{AD}êng",
            "hoà", "hòa", "thuỷ", "Nguyễn", "gì", "quý", "UBND", "HĐND", "ñ", "e\u{301}",
        ]), 0..80)) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(
                toned_word_score(&text, memo()),
                toned_word_score(&text, &SyllableMemo::default()),
                "{:?}", text
            );
        }
    }

    #[test]
    fn memo_holds_the_lexicon_words() {
        for w in ["hội", "Hội", "nghị", "huyện", "Nguyễn"] {
            assert!(memo().0.contains_key(w), "{w}");
        }
    }

    #[test]
    fn scrambled_marks_score_low() {
        let real = "Hội nghị tổng kết công tác dân vận của hệ thống chính trị năm hai nghìn hai mươi tư đã thành công tốt đẹp. "
            .repeat(4);
        let (score, toned) = toned_word_score(&real, &SyllableMemo::default());
        assert!(toned >= 30 && score > 0.9, "{score} {toned}");
        let scrambled = "Hộì nghị tổng kết côngg tác dấn vận củà hệ thốnng chính trị nămm hải nghìn hảì mươì tư đã thànnh công tốt đẹpp. "
            .repeat(4);
        let (score, toned) = toned_word_score(&scrambled, &SyllableMemo::default());
        assert!(toned >= 30 && score < 0.75, "{score} {toned}");
    }
}
