//! Spelling facts of Vietnamese, written once: what the decoders, the normalizer and
//! the matching key all rely on.
//!
//! * [`vowels`]: the 134 vowel letters by skeleton (a ă â e ê i o ô ơ u ư y), tone
//!   and case, and their reverse look-up;
//! * [`code_pages`]: the byte tables of CP1252, TCVN3, VNI-Windows and CP1258;
//! * [`syllable`]: the syllable validator (onsets, rimes, tone rules) and
//!   [`vietnamese_score`](syllable::vietnamese_score);
//! * [`offset_map`]: the map from byte offsets of a produced text back to the
//!   input it was made from;
//! * here: what a word character is.

pub(crate) mod code_pages;
pub(crate) mod offset_map;
pub(crate) mod syllable;
pub(crate) mod vowels;

/// True when `c` can be part of a word (letters, digits, combining marks).
#[inline]
pub fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Classes of a character's lead byte for [`word_end`].
mod lead {
    /// ASCII that is no letter or digit: the word ends.
    pub const STOP: u8 = 0;
    /// ASCII letter or digit.
    pub const ASCII: u8 = 1;
    /// U+0100..U+023F (lead bytes C4..C8) and U+0300..U+033F (CC): all word characters.
    pub const TWO: u8 = 2;
    /// U+00C0..U+00FF: word characters but × and ÷.
    pub const C3: u8 = 3;
    /// U+0340..U+037F: word characters up to U+036F.
    pub const CD: u8 = 4;
    /// U+1000..U+1FFF: U+1E80..U+1EFF are word characters.
    pub const E1: u8 = 5;
    /// Anything else: decode and ask [`super::is_word_char`].
    pub const SLOW: u8 = 6;

    /// The class of every byte.
    /// Bytes that go on a word whatever follows: ASCII letters and digits, the lead bytes
    /// of U+0100..U+023F (C4..C8) and of U+0300..U+033F (CC), and continuation bytes
    /// (which [`super::word_end`] meets only after a lead byte it took).
    pub const STEP: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 0x80 {
            if (i as u8).is_ascii_alphanumeric() {
                t[i] = 1;
            }
            i += 1;
        }
        let mut i = 0x80;
        while i <= 0xBF {
            t[i] = 1;
            i += 1;
        }
        let mut i = 0xC4;
        while i <= 0xC8 {
            t[i] = 1;
            i += 1;
        }
        t[0xCC] = 1;
        t
    };

    pub const CLASS: [u8; 256] = {
        let mut t = [SLOW; 256];
        let mut i = 0;
        while i < 0x80 {
            t[i] = if (i as u8).is_ascii_alphanumeric() { ASCII } else { STOP };
            i += 1;
        }
        let mut i = 0xC4;
        while i <= 0xC8 {
            t[i] = TWO;
            i += 1;
        }
        t[0xCC] = TWO;
        t[0xC3] = C3;
        t[0xCD] = CD;
        t[0xE1] = E1;
        t
    };
}

/// The end of the word of `text` that starts at `at`: its first character from `at` on
/// that is no word character (`at` itself when there is none).
#[inline]
pub(crate) fn word_end(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    // Fast paths for what Vietnamese text is made of (the ranges that `is_alphabetic`
    // calls letters), a byte at a time ([`lead::STEP`]): ASCII letters and digits, the
    // lead bytes of U+0100..U+023F and of the combining marks U+0300..U+033F, and
    // continuation bytes, which follow a lead byte already taken; then Latin-1 but × and
    // ÷, and U+1E80..U+1EFF by their first two bytes. Stepping by one byte rather than by
    // a character's length keeps the next load from waiting on the last, and two-way
    // tests rather than a match on a class avoid an indirect jump, which the alternating
    // lead bytes of Vietnamese mispredict. Any other character is decoded
    // ([`word_end_slow`]).
    while let Some(&x) = b.get(i) {
        if lead::STEP[usize::from(x)] != 0 {
            i += 1;
            continue;
        }
        match (x, b.get(i + 1)) {
            // (Their continuation bytes follow by [`lead::STEP`].)
            (0xC3, Some(&y)) if y != 0x97 && y != 0xB7 => i += 1,
            (0xE1, Some(0xBA | 0xBB)) => i += 1,
            (x, _) if x < 0x80 => return i,
            _ => return word_end_slow(text, i),
        }
    }
    i
}

/// [`word_end`] by the lead-byte classes of [`lead::CLASS`], decoding what they leave open.
fn word_end_slow(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    // Fast paths on the class of the lead byte (a table, [`lead::CLASS`]) for what
    // Vietnamese text is made of (the ranges that `is_alphabetic` calls letters): ASCII;
    // U+00C0..U+00FF but × and ÷; U+0100..U+023F; the combining marks U+0300..U+036F;
    // U+1E80..U+1EFF.
    while let Some(&x) = b.get(i) {
        let step = match lead::CLASS[usize::from(x)] {
            lead::ASCII => 1,
            lead::STOP => return i,
            lead::TWO => 2,
            lead::C3 if !matches!(b.get(i + 1), Some(0x97 | 0xB7)) => 2,
            lead::CD if b.get(i + 1).is_some_and(|&y| y <= 0xAF) => 2,
            lead::E1 if matches!(b.get(i + 1), Some(0xBA | 0xBB)) => 3,
            _ => {
                let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else { return i };
                if !is_word_char(c) {
                    return i;
                }
                c.len_utf8()
            }
        };
        i += step;
    }
    i
}

/// [`char::is_alphabetic`], with fast paths for ASCII, the Latin letters Vietnamese
/// uses and General Punctuation.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c {
        // Latin-1 letters, Latin Extended-A and -B, Latin Extended Additional: all letters.
        'À'..='ɏ' | '\u{1E00}'..='\u{1EFF}' => c != '×' && c != '÷',
        // Combining diacritical marks (those Vietnamese uses among them) are not letters.
        '\u{300}'..='\u{344}' | '\u{346}'..='\u{362}' => false,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], with the fast paths of [`is_alphabetic`].
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // No combining mark or General Punctuation character is a digit.
    is_alphabetic(c) || !matches!(c, '\u{300}'..='\u{36f}' | '\u{2000}'..='\u{206F}') && c.is_numeric()
}

/// True when `c` continues a word of text that is not normalized yet: letters, digits
/// and every combining mark of any script (`\p{M}`), since before NFC a mark belongs to
/// the letter before it whatever its script.
///
/// The normalizer groups words with it (for look-alike letters and tone placement).
/// It differs from [`is_word_char`], which the matching key and the recognizers use on
/// normalized text, only for combining marks outside U+0300..U+036F (U+0483, U+1AB0..,
/// U+1DC0.., U+20D0.., U+FE20.. and the marks of other scripts that are not
/// alphabetic): those continue a word here and end it there. Making the two one would
/// change which words the normalizer fixes or where the recognizers find word bounds.
#[inline]
pub(crate) fn is_raw_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => is_alphanumeric(c) || unicode_normalization::char::is_combining_mark(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `word_end`'s byte fast paths agree with `is_word_char` on every character.
    #[test]
    fn word_end_agrees_with_is_word_char() {
        let slow = |t: &str| t.find(|c: char| !is_word_char(c)).unwrap_or(t.len());
        for u in 0..=0x2FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            for t in [format!("{c}"), format!("a{c}b"), format!("{c}{c} x")] {
                assert_eq!(word_end(&t, 0), slow(&t), "U+{u:04X}");
                assert_eq!(word_end_slow(&t, 0), slow(&t), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn fast_classes_agree_with_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            let word = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
            };
            assert_eq!(is_word_char(c), word, "{c:?}");
        }
    }
}
