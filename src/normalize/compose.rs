//! The Vietnamese composer: decomposed vowels (base letter, vowel mark, tone mark in any
//! order) recomposed by the table of the Vietnamese vowels rather than the general NFC
//! algorithm, with the same result and one edit per vowel.

use super::*;

/// The Vietnamese combining marks, numbered so that a tone mark's number is its
/// tone index in [`VOWELS`]. Canonical combining classes: the horn 216, the dot
/// below 220, all others 230.
pub(super) const MK_DOT: u8 = 5;
pub(super) const MK_CIRCUMFLEX: u8 = 6;
pub(super) const MK_BREVE: u8 = 7;
pub(super) const MK_HORN: u8 = 8;

/// The Vietnamese mark encoded `CC b1` in UTF-8 (U+0300..U+033F), or 0.
#[inline]
pub(super) fn vi_mark(b1: u8) -> u8 {
    match b1 {
        0x80 => 1,             // U+0300 grave
        0x81 => 2,             // U+0301 acute
        0x89 => 3,             // U+0309 hook above
        0x83 => 4,             // U+0303 tilde
        0xA3 => MK_DOT,        // U+0323 dot below
        0x82 => MK_CIRCUMFLEX, // U+0302
        0x86 => MK_BREVE,      // U+0306
        0x9B => MK_HORN,       // U+031B
        _ => 0,
    }
}

/// Letter (a e i o u y as 0..6) and modifier mark (0, or the mark number of
/// the circumflex, breve or horn) of each form of [`VOWELS`].
pub(super) const FORM_PARTS: [(u8, u8); 12] = [
    (0, 0),
    (0, MK_BREVE),
    (0, MK_CIRCUMFLEX),
    (1, 0),
    (1, MK_CIRCUMFLEX),
    (2, 0),
    (3, 0),
    (3, MK_CIRCUMFLEX),
    (3, MK_HORN),
    (4, 0),
    (4, MK_HORN),
    (5, 0),
];

/// The form of [`VOWELS`] with the given letter and modifier, if Vietnamese has
/// it: `FORM_OF[letter][modifier - 5]` (modifier 0 in column 0), or 0xFF.
pub(super) const FORM_OF: [[u8; 4]; 6] = {
    let mut t = [[0xFF; 4]; 6];
    let mut form = 0;
    while form < FORM_PARTS.len() {
        let (letter, modifier) = FORM_PARTS[form];
        t[letter as usize][modifier.saturating_sub(5) as usize] = form as u8;
        form += 1;
    }
    t
};

/// A vowel taken apart into its canonical decomposition: a letter, then the
/// marks by combining class (horn, then dot below, then the marks above in
/// their order). A character with that decomposition exists when the marks
/// above are at most a modifier followed by a tone, and the whole has at most
/// one modifier and one tone that Vietnamese puts on that letter.
#[derive(Clone, Copy, Debug)]
pub(super) struct VowelParts {
    pub(super) letter: u8,
    pub(super) upper: bool,
    pub(super) horns: u8,
    pub(super) dots: u8,
    /// The marks above, four bits each, the first in the high bits.
    pub(super) above: u8,
    pub(super) n_above: u8,
}

impl VowelParts {
    /// The parts of `c`, if it is a Vietnamese vowel (toned or not).
    #[inline]
    pub(super) fn of(c: char) -> Option<VowelParts> {
        let (form, tone, upper) = vowel_info(c)?;
        let tone = tone as u8;
        let (letter, modifier) = FORM_PARTS[form];
        let mut p = VowelParts { letter, upper, horns: 0, dots: 0, above: 0, n_above: 0 };
        // NFD order: horn, dot below, the circumflex or breve, the tone above.
        for m in [modifier, tone] {
            if m != 0 {
                p.add(m);
            }
        }
        Some(p)
    }

    /// Add a combining mark; false when there are too many to make one vowel.
    #[inline]
    pub(super) fn add(&mut self, mark: u8) -> bool {
        match mark {
            MK_HORN => self.horns += 1,
            MK_DOT => self.dots += 1,
            _ if self.n_above == 2 => return false,
            _ => {
                self.above = (self.above << 4) | mark;
                self.n_above += 1;
            }
        }
        true
    }

    /// The precomposed vowel with exactly this decomposition, if there is one:
    /// then it is the NFC of the letter and marks, whatever their order.
    #[inline]
    pub(super) fn compose(&self) -> Option<char> {
        if self.horns > 1 || self.dots > 1 {
            return None;
        }
        let is_modifier = |m: u8| m >= MK_CIRCUMFLEX;
        let (first, second) = (self.above >> 4, self.above & 0xF);
        let (mut modifier, mut tone) = match self.n_above {
            0 => (0, 0),
            1 if is_modifier(second) => (second, 0),
            1 => (0, second),
            2 if is_modifier(first) && !is_modifier(second) => (first, second),
            _ => return None,
        };
        if self.horns == 1 {
            if modifier != 0 {
                return None;
            }
            modifier = MK_HORN;
        }
        if self.dots == 1 {
            if tone != 0 {
                return None;
            }
            tone = MK_DOT;
        }
        let form = FORM_OF[usize::from(self.letter)][usize::from(modifier.saturating_sub(5))];
        let form = usize::from(form);
        if form >= VOWELS[0].len() {
            return None;
        }
        Some(VOWELS[usize::from(self.upper)][form][usize::from(tone)])
    }
}

/// Compose a vowel and the Vietnamese combining marks after it (`base` is the
/// character, `marks` the marks' code points): `Some` exactly when the NFC of
/// the whole is one Vietnamese vowel, which it returns.
#[cfg(test)]
#[inline]
pub(super) fn compose_vowel(base: char, marks: &[char]) -> Option<char> {
    let mut p = VowelParts::of(base)?;
    for &m in marks {
        let mut buf = [0u8; 4];
        let enc = m.encode_utf8(&mut buf).as_bytes();
        let k = if enc.len() == 2 && enc[0] == 0xCC { vi_mark(enc[1]) } else { 0 };
        if k == 0 || !p.add(k) {
            return None;
        }
    }
    p.compose()
}

/// The fast composer: recompose the whitespace-delimited token starting at `ts`
/// (after whitespace or at the text start), appending it to `out` and one map
/// segment per recomposed vowel to `map`. Returns the token's end.
///
/// Takes only tokens whose characters are quiet in the fast scan (for the keep
/// style) or a Vietnamese vowel followed by Vietnamese combining marks whose NFC
/// is one character ([`VowelParts`]); for those the slow path would output the
/// same text and the same segments. Returns `None` for any other token, having
/// written part of it: the caller undoes that.
#[inline]
pub(super) fn compose_token(input: &str, ts: usize, out: &mut String, map: &mut OffsetMap) -> Option<usize> {
    let bytes = input.as_bytes();
    let (mut k, mut copied) = (ts, ts);
    while let Some(&b) = bytes.get(k) {
        let w = if b < 0x80 {
            if ASCII_CLASS[usize::from(b)] != AsciiClass::Quiet {
                if is_ascii_ws(b) {
                    break;
                }
                return None;
            }
            1
        } else {
            // A combining mark here has no vowel before it.
            if b == 0xCC || b == 0xCD {
                return None;
            }
            let (quiet, w) = quiet_char(bytes, k, ToneStyle::Keep);
            if !quiet {
                return None;
            }
            w
        };
        let next = k + w;
        if !matches!(bytes.get(next), Some(0xCC | 0xCD)) {
            k = next;
            continue;
        }
        let base = if w == 1 { char::from(b) } else { decode_at(bytes, k).0 };
        let mut parts = VowelParts::of(base)?;
        let mut p = next;
        while let Some(&lead) = bytes.get(p) {
            if lead != 0xCC && lead != 0xCD {
                break;
            }
            let m = if lead == 0xCC { vi_mark(bytes[p + 1]) } else { 0 };
            if m == 0 || !parts.add(m) {
                return None;
            }
            p += 2;
        }
        let v = parts.compose()?;
        out.push_str(&input[copied..k]);
        let ns = out.len();
        out.push(v);
        map.push_edit(ns, out.len(), k, p);
        (k, copied) = (p, p);
    }
    out.push_str(&input[copied..k]);
    Some(k)
}
