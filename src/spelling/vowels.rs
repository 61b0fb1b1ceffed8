//! The Vietnamese vowel letters: 12 skeletons (a ă â e ê i o ô ơ u ư y) × 6 tones ×
//! 2 cases, the tone marks, and the reverse look-up from a letter to its parts.

use unicode_normalization::UnicodeNormalization;

pub(crate) const SKELETON_A: usize = 0;
pub(crate) const SKELETON_AW: usize = 1; // ă
pub(crate) const SKELETON_AA: usize = 2; // â
pub(crate) const SKELETON_E: usize = 3;
pub(crate) const SKELETON_EE: usize = 4; // ê
pub(crate) const SKELETON_I: usize = 5;
pub(crate) const SKELETON_O: usize = 6;
pub(crate) const SKELETON_OO: usize = 7; // ô
pub(crate) const SKELETON_OW: usize = 8; // ơ
pub(crate) const SKELETON_U: usize = 9;
pub(crate) const SKELETON_UW: usize = 10; // ư
pub(crate) const SKELETON_Y: usize = 11;

/// Tone indices: none, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot below (nặng).
pub(crate) const TONE_ACUTE: usize = 2;
pub(crate) const TONE_DOT: usize = 5;

/// The combining mark of each tone index (index 0 unused).
pub(crate) const TONE_MARKS: [char; 6] = ['\0', '\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// The 134 Vietnamese vowel letters: `VOWELS[upper][skeleton][tone]`. Typed from the
/// Unicode code charts; the test `vowel_table_matches_unicode_decomposition` checks
/// every entry against the canonical decomposition of `unicode-normalization`.
pub(crate) const VOWELS: [[[char; 6]; 12]; 2] = [
    [
        ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
        ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
        ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
        ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
        ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
        ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
        ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
        ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
        ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
        ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
        ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
        ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
    ],
    [
        ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
        ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
        ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
        ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
        ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
        ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
        ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
        ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
        ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
        ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
        ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
        ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
    ],
];

pub(crate) const NO_INFO: u8 = 0xFF;

/// Lookup table `code point - lo → upper<<7 | skeleton<<3 | tone` (or `NO_INFO`).
pub(crate) const fn build_vowel_info<const N: usize>(lo: u32) -> [u8; N] {
    let mut t = [NO_INFO; N];
    let mut up = 0;
    while up < 2 {
        let mut s = 0;
        while s < 12 {
            let mut k = 0;
            while k < 6 {
                let c = VOWELS[up][s][k] as u32;
                if c >= lo && c < lo + N as u32 {
                    t[(c - lo) as usize] = ((up << 7) | (s << 3) | k) as u8;
                }
                k += 1;
            }
            s += 1;
        }
        up += 1;
    }
    t
}

/// The packed look-up tables of [`vowel_info`]: U+0041..=U+01B0 and U+1EA0..=U+1EF9.
const VOWEL_INFO_LATIN: [u8; 0x170] = build_vowel_info(0x41);
const VOWEL_INFO_EXT: [u8; 0x5A] = build_vowel_info(0x1EA0);
/// The same tables, in memory once for the look-ups at run time.
static VOWEL_INFO_LATIN_STATIC: [u8; 0x170] = VOWEL_INFO_LATIN;
static VOWEL_INFO_EXT_STATIC: [u8; 0x5A] = VOWEL_INFO_EXT;

/// `(skeleton, tone, upper)` of a Vietnamese vowel letter (precomposed).
#[inline]
pub(crate) fn vowel_info(c: char) -> Option<(usize, usize, bool)> {
    look_up_vowel(&VOWEL_INFO_LATIN_STATIC, &VOWEL_INFO_EXT_STATIC, c)
}

/// [`vowel_info`] for the tables the code pages build at compile time.
pub(crate) const fn vowel_info_const(c: char) -> Option<(usize, usize, bool)> {
    look_up_vowel(&VOWEL_INFO_LATIN, &VOWEL_INFO_EXT, c)
}

#[inline]
const fn look_up_vowel(latin: &[u8; 0x170], ext: &[u8; 0x5A], c: char) -> Option<(usize, usize, bool)> {
    let u = c as u32;
    let v = if u >= 0x41 && u < 0x1B1 {
        latin[(u - 0x41) as usize]
    } else if u >= 0x1EA0 && u < 0x1EFA {
        ext[(u - 0x1EA0) as usize]
    } else {
        return None;
    };
    if v == NO_INFO { None } else { Some((((v & 0x7F) >> 3) as usize, (v & 7) as usize, v & 0x80 != 0)) }
}

#[inline]
pub(crate) fn viet(skel: usize, tone: usize, upper: bool) -> char {
    VOWELS[upper as usize][skel][tone]
}

/// `base` with tone `tone` (1..=5) composed, NFC. `None` when NFC keeps them apart.
pub(crate) fn compose_tone(base: char, tone: usize) -> Option<char> {
    if let Some((s, 0, up)) = vowel_info(base) {
        return Some(viet(s, tone, up));
    }
    if !base.is_alphabetic() {
        return None;
    }
    let s: String = [base, TONE_MARKS[tone]].iter().copied().nfc().collect();
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

pub(crate) fn is_viet_letter(c: char) -> bool {
    vowel_info(c).is_some() || matches!(c, 'đ' | 'Đ') || c.is_ascii_alphabetic()
}

/// A toned plain vowel a, e, o, u or y: (its lower-case base letter, tone 0..5 for
/// grave, acute, hook, tilde, dot below, upper case). `None` for anything else (ASCII,
/// `i`, untoned or modified vowels).
#[inline]
pub(crate) fn tone_of(c: char) -> Option<(char, usize, bool)> {
    if c.is_ascii() {
        return None;
    }
    let (skeleton, tone, upper) = vowel_info(c)?;
    let base = match skeleton {
        SKELETON_A => 'a',
        SKELETON_E => 'e',
        SKELETON_O => 'o',
        SKELETON_U => 'u',
        SKELETON_Y => 'y',
        _ => return None,
    };
    if tone == 0 { None } else { Some((base, tone - 1, upper)) }
}

/// `base` (a, e, o, u or y, lower case) with tone `tone` (0..5 as [`tone_of`] gives it)
/// in the given case; any other `base` is returned as it is.
#[inline]
pub(crate) fn with_tone(base: char, tone: usize, upper: bool) -> char {
    let skeleton = match base {
        'a' => SKELETON_A,
        'e' => SKELETON_E,
        'o' => SKELETON_O,
        'u' => SKELETON_U,
        'y' => SKELETON_Y,
        _ => return base,
    };
    viet(skeleton, tone + 1, upper)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn vowel_table_matches_unicode_decomposition() {
        // Expected NFD per skeleton and tone, typed from the Unicode code charts' names.
        let base =
            ["a", "a\u{306}", "a\u{302}", "e", "e\u{302}", "i", "o", "o\u{302}", "o\u{31b}", "u", "u\u{31b}", "y"];
        for (s, b) in base.iter().enumerate() {
            for t in 0..6 {
                let mut want = b.to_string();
                if t > 0 {
                    want.push(TONE_MARKS[t]);
                }
                let want: String = want.nfd().collect();
                let lower = VOWELS[0][s][t];
                assert_eq!(lower.to_string().nfd().collect::<String>(), want, "{lower}");
                assert_eq!(lower.to_uppercase().next(), Some(VOWELS[1][s][t]));
                assert_eq!(vowel_info(lower), Some((s, t, false)));
                assert_eq!(vowel_info(VOWELS[1][s][t]), Some((s, t, true)));
            }
        }
        assert_eq!(vowel_info('b'), None);
        assert_eq!(vowel_info('đ'), None);
    }
}
