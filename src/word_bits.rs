//! The word characters of a text, found once: one bit a byte.
//!
//! The lexicon scan, the date walk and the person tokenizer each go from word to word
//! over the same text (the matching key, or the text it was made from: both have the
//! same word characters at the same offsets, see [`crate::key`]). Finding where a word
//! ends a byte at a time costs each of them a branch the processor mispredicts at every
//! word's end; [`WordBits`] finds the word characters of the whole text once, sixteen
//! bytes at a time, and each walk then reads a word's end off a bit mask.
//!
//! A byte's bit is set when it belongs to a word character ([`spelling::is_word_char`]):
//! every byte of a character has the same bit. [`WordBits::word_end`] is
//! [`spelling::word_end`], read off the bits.

use crate::spelling;
use crate::swar::gather16;

/// The word bytes of a text: bit `i % 64` of `bits[i / 64]` is set when byte `i` belongs
/// to a word character. Past the end of the text every bit is clear.
///
/// Beside them, in the same pass, the bytes at which the date walk's coarser words end
/// ([`WordBits::date_stop`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WordBits {
    bits: Vec<u64>,
    /// The date walk's stops, one bit a byte as `bits`: ASCII bytes that are no letter
    /// or digit, and the lead bytes C2, E2 and E3 (Latin-1 punctuation, General
    /// Punctuation and the symbol blocks). That walk takes every other character for a
    /// word character; its cue words and numbers are ASCII and Vietnamese letters, which
    /// both notions agree on. Set past the end.
    date_stops: Vec<u64>,
    len: usize,
}

/// The bytes classified at a time: the width of the vector registers every x86-64 has
/// (SSE2), into which the compiler turns [`classify`]'s loop.
const BLOCK: usize = 16;

/// The word bytes of `b[..16]` (bit `j` for byte `j`), taking every byte of a character
/// of two or more bytes for one, and the lead bytes among them whose character may be
/// no word character: all but those of U+0100..U+023F (lead bytes C4..C8), the
/// combining marks U+0300..U+033F (CC), U+00C0..U+00FF but × and ÷ (C3), and
/// U+1E80..U+1EFF (E1 BA, E1 BB), told by their first two bytes (every letter
/// Vietnamese is written with). `b[16]` is the byte after them.
///
/// Third, the date walk's stops ([`WordBits::date_stops`]).
///
/// Written a byte at a time without branches, over arrays of sixteen: the compiler makes
/// it a few vector instructions.
#[inline(always)]
fn classify(b: &[u8; BLOCK + 1]) -> (u64, u64, u64) {
    let mut word = [0u8; BLOCK];
    let mut open = [0u8; BLOCK];
    let mut stop = [0u8; BLOCK];
    for j in 0..BLOCK {
        let (x, y) = (b[j], b[j + 1]);
        let alphanumeric = ((x | 0x20).wrapping_sub(b'a') < 26) | (x.wrapping_sub(b'0') < 10);
        let lead = x >= 0xC0;
        let sure = (x.wrapping_sub(0xC4) < 5)
            | (x == 0xCC)
            | ((x == 0xC3) & (y & 0xDF != 0x97))
            | ((x == 0xE1) & (y | 1 == 0xBB));
        word[j] = if alphanumeric | (x >= 0x80) { 0x80 } else { 0 };
        open[j] = if lead & !sure { 0x80 } else { 0 };
        let date_stop = ((x < 0x80) & !alphanumeric) | (x == 0xC2) | (x == 0xE2) | (x == 0xE3);
        stop[j] = if date_stop { 0x80 } else { 0 };
    }
    (gather16(&word), gather16(&open), gather16(&stop))
}

impl WordBits {
    /// The word bytes of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let mut bits = vec![0u64; b.len() / 64 + 1];
        let mut date_stops = vec![0u64; b.len() / 64 + 1];
        // Lead bytes whose character [`classify`] cannot tell: decoded after.
        let mut unsure = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let block: [u8; BLOCK + 1] = match b.get(i..i + BLOCK + 1).and_then(|s| s.try_into().ok()) {
                Some(s) => s,
                // (Zeros past the end: no word byte, no lead byte.)
                None => std::array::from_fn(|j| b.get(i + j).copied().unwrap_or(0)),
            };
            let (word, mut open, stop) = classify(&block);
            // (`i` is a multiple of sixteen: the bits fit in one word.)
            bits[i / 64] |= word << (i % 64);
            date_stops[i / 64] |= stop << (i % 64);
            while open != 0 {
                unsure.push(i + open.trailing_zeros() as usize);
                open &= open - 1;
            }
            i += BLOCK;
        }
        for at in unsure {
            match text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) if !spelling::is_word_char(c) => {
                    for k in at..at + c.len_utf8() {
                        bits[k / 64] &= !(1 << (k % 64));
                    }
                }
                _ => {}
            }
        }
        // (Every byte past the end stops the date walk; the zeros that `classify` was
        // given there are ASCII and no letter or digit, and stop it already.)
        let (k, r) = (b.len() / 64, b.len() % 64);
        date_stops[k] |= u64::MAX << r;
        WordBits { bits, date_stops, len: b.len() }
    }

    /// The length of the text.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Does byte `i` belong to a word character? (False past the end.)
    #[inline]
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
    }

    /// The first byte from `at` on that belongs to no word character (the end of the
    /// text when there is none): the end of the word that starts at `at`, or `at` when
    /// none does. [`spelling::word_end`] of the text.
    #[inline]
    pub(crate) fn word_end(&self, at: usize) -> usize {
        self.first_set(&self.bits, !0, at)
    }

    /// The first byte from `at` on at which the date walk's word ends: an ASCII byte that
    /// is no letter or digit, or a lead byte C2, E2 or E3 (the end of the text when there
    /// is none).
    #[inline]
    pub(crate) fn date_stop(&self, at: usize) -> usize {
        self.first_set(&self.date_stops, 0, at)
    }

    /// The first byte from `at` on whose bit in `set`, flipped by `flip` (all ones or
    /// none), is set; the end of the text when there is none.
    #[inline(always)]
    fn first_set(&self, set: &[u64], flip: u64, at: usize) -> usize {
        let mut k = at / 64;
        let mut rest = match set.get(k) {
            Some(w) => (w ^ flip) >> (at % 64) << (at % 64),
            None => return self.len,
        };
        loop {
            if rest != 0 {
                return (k * 64 + rest.trailing_zeros() as usize).min(self.len);
            }
            k += 1;
            match set.get(k) {
                Some(w) => rest = w ^ flip,
                None => return self.len,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bits of `text` against [`spelling::is_word_char`] of each character, and
    /// [`WordBits::word_end`] against [`spelling::word_end`] at every character.
    fn assert_agrees(text: &str) -> Result<(), TestCaseError> {
        let w = WordBits::new(text);
        prop_assert_eq!(w.len(), text.len());
        for (i, c) in text.char_indices() {
            for k in i..i + c.len_utf8() {
                prop_assert_eq!(w.is_word(k), spelling::is_word_char(c), "byte {} of {:?} in {:?}", k, c, text);
            }
            prop_assert_eq!(w.word_end(i), spelling::word_end(text, i), "at {} of {:?}", i, text);
        }
        prop_assert!(!w.is_word(text.len()));
        prop_assert_eq!(w.word_end(text.len()), text.len());
        // The date walk's stops, against the byte test it was written with.
        let b = text.as_bytes();
        for at in 0..=b.len() {
            let stop = (at..b.len())
                .find(|&k| (b[k] < 0x80 && !b[k].is_ascii_alphanumeric()) || matches!(b[k], 0xC2 | 0xE2 | 0xE3))
                .unwrap_or(b.len());
            prop_assert_eq!(w.date_stop(at), stop, "date stop from {} in {:?}", at, text);
        }
        Ok(())
    }

    #[test]
    fn every_character_up_to_u_3000_and_beyond_is_told_right() {
        // Each character between ASCII letters, at every offset modulo eight.
        let chars: Vec<char> =
            (0..0x3000).chain(0x1_F600..0x1_F610).chain(0xFF00..0xFF20).filter_map(char::from_u32).collect();
        for pad in 0..8 {
            let mut text = "a".repeat(pad);
            for &c in &chars {
                text.push(c);
                text.push(if c as u32 % 3 == 0 { ' ' } else { 'x' });
            }
            assert_agrees(&text).unwrap();
        }
    }

    #[test]
    fn vietnamese_text_and_its_key_have_the_same_word_bytes() {
        let text = "Đ/c Hoàng Thế Hòe - TVHU, Trưởng Ban Dân vận Huyện ủy; “Uỷ ban” – ÐOÀN × 3 ÷ 2…";
        assert_agrees(text).unwrap();
        let key = crate::key::key(text);
        let (a, b) = (WordBits::new(text), WordBits::new(&key));
        assert_eq!(a.bits, b.bits);
    }

    #[test]
    fn long_words_cross_the_words_of_bits() {
        let text = format!("{} {}", "ạ".repeat(70), "b".repeat(130));
        assert_agrees(&text).unwrap();
        assert_eq!(WordBits::new(&text).word_end(0), 210);
        assert_agrees("").unwrap();
    }

    proptest! {
        #[test]
        fn agrees_on_vietnamese(s in "[a-zA-Z0-9 .,/ĩĨðàÀâêôưốỐ×÷ÿẤấòóỏõọÒÓỎÕỌùúủũụđĐÐơƯăÂ\\u{300}-\\u{303}\\u{345}\\u{36f}\\u{370}ẠỹỸȿɐΩẞᾀ\\u{1dc0}中😀٣Ⅻǅŉ–…“”\\u{a0}°]{0,90}") {
            assert_agrees(&s)?;
        }

        #[test]
        fn agrees_on_any_string(s in ".{0,90}") {
            assert_agrees(&s)?;
        }
    }
}
