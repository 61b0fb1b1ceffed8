//! Code-page tables: CP1252 (0x80..=0x9F), TCVN3, VNI-Windows and CP1258, as
//! byte → character tables and the reverse look-ups the encoders use.

use super::vowels::*;

/// Windows-1252, 0x80..=0x9F. The five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) map to
/// the C1 controls of the same value, as in Latin-1. Checked against Python's `cp1252`
/// codec and GNU libiconv's `cp1252.h` (tests `cp1258_and_cp1252_tables_match_*`).
pub(crate) const CP1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// 0x80..=0xFF: CP1252 below 0xA0, Latin-1 above, then `overrides` (byte, char).
pub(crate) const fn high_table(overrides: &[(u8, char)]) -> [char; 128] {
    let mut t = ['\0'; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = if i < 32 {
            CP1252_C1[i]
        } else {
            match char::from_u32(0x80 + i as u32) {
                Some(c) => c,
                None => '\u{FFFD}',
            }
        };
        i += 1;
    }
    let mut k = 0;
    while k < overrides.len() {
        t[(overrides[k].0 - 0x80) as usize] = overrides[k].1;
        k += 1;
    }
    t
}

/// TCVN3 (TCVN 5712:1993), bytes 0x80..=0xFF.
///
/// Layout: VN3, the subset the `.VnTime` fonts use: letters only in 0xA1..=0xFF (67
/// lower-case letters and the 7 untoned capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1..=0xA7; toned
/// capitals have no code). The 21 extra positions of VN2 (toned capitals at 0xAF, 0xBA,
/// 0xBF, 0xC0..=0xC5, 0xCD, 0xD9..=0xDB, 0xE0, 0xF0, 0xFF and the combining tones at
/// 0xB0..=0xB4) are decoded as VN2 assigns them, since VN2 is a superset of VN3. VN1's
/// capitals in the C0 range (0x01..=0x17) and in 0x80..=0x9F are NOT decoded: in
/// `.VnTime` documents 0x80..=0x9F carries Windows punctuation (“ ” – …), decoded here
/// as CP1252; C0 bytes stay control characters.
///
/// Checked against two independent public tables: GNU libiconv's `tcvn.h` (the full
/// TCVN 5712 table, positions 0xA0..=0xFF) and the TCVN3→Unicode character lists of the
/// `ConvertVNI` tool in the public `backupvietsoft/HRM` repository (the 67 + 7 VN3
/// letters), with Wikipedia's VSCII article for the VN3/VN2 split. The conformance file
/// `tests/data/decode_conformance.tsv` was generated from an independently typed table.
pub(crate) const TCVN3_HIGH: [char; 128] = high_table(&[
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xAF, 'Ằ'),
    (0xB0, '\u{300}'),
    (0xB1, '\u{309}'),
    (0xB2, '\u{303}'),
    (0xB3, '\u{301}'),
    (0xB4, '\u{323}'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBA, 'Ẳ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xBF, 'Ẵ'),
    (0xC0, 'Ắ'),
    (0xC1, 'Ầ'),
    (0xC2, 'Ẩ'),
    (0xC3, 'Ẫ'),
    (0xC4, 'Ấ'),
    (0xC5, 'Ề'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCD, 'Ể'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xD9, 'Ễ'),
    (0xDA, 'Ế'),
    (0xDB, 'Ồ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE0, 'Ổ'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF0, 'Ỗ'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
    (0xFF, 'Ố'),
]);

/// Whether each TCVN3 byte 0x80..=0xFF is a lower-case letter.
pub(crate) const fn tcvn3_lower_letters() -> [bool; 128] {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = TCVN3_HIGH[b];
        t[b] = c as u32 == 'đ' as u32 || matches!(vowel_info_const(c), Some((_, _, false)));
        b += 1;
    }
    t
}
pub(crate) static TCVN3_IS_LOWER: [bool; 128] = tcvn3_lower_letters();

/// Tone index of the VN2 combining bytes 0xB0..=0xB4 (grave, hook, tilde, acute, dot).
pub(crate) const TCVN3_COMBINING_TONE: [usize; 5] = [1, 3, 4, 2, 5];

/// Skeleton of a capital a TCVN3 converter writes before a lower-case toned code
/// ("A¸" = Á, "¢Ê" = Ấ), or `NO_INFO`.
pub(crate) const fn tcvn3_capital_skeletons() -> [u8; 256] {
    let mut t = [NO_INFO; 256];
    t[b'A' as usize] = SKELETON_A as u8;
    t[0xA1] = SKELETON_AW as u8;
    t[0xA2] = SKELETON_AA as u8;
    t[b'E' as usize] = SKELETON_E as u8;
    t[0xA3] = SKELETON_EE as u8;
    t[b'I' as usize] = SKELETON_I as u8;
    t[b'O' as usize] = SKELETON_O as u8;
    t[0xA4] = SKELETON_OO as u8;
    t[0xA5] = SKELETON_OW as u8;
    t[b'U' as usize] = SKELETON_U as u8;
    t[0xA6] = SKELETON_UW as u8;
    t[b'Y' as usize] = SKELETON_Y as u8;
    t
}
pub(crate) static TCVN3_CAPITAL: [u8; 256] = tcvn3_capital_skeletons();

/// TCVN3 code of each lower-case vowel letter `[skeleton][tone]` (VN3 positions only).
pub(crate) const fn tcvn3_lower_codes() -> [[u8; 6]; 12] {
    let mut t = [[0u8; 6]; 12];
    let mut s = 0;
    while s < 12 {
        t[s][0] = VOWELS[0][s][0] as u8; // plain a e i o u y (ASCII); fixed below
        s += 1;
    }
    let mut b = 0x20;
    while b < 128 {
        if let Some((s, k, false)) = vowel_info_const(TCVN3_HIGH[b]) {
            t[s][k] = 0x80 + b as u8;
        }
        b += 1;
    }
    t
}
pub(crate) static TCVN3_LOWER: [[u8; 6]; 12] = tcvn3_lower_codes();
/// Untoned capital per skeleton: A ¡ ¢ E £ I O ¤ ¥ U ¦ Y.
pub(crate) const TCVN3_CAPITAL_CODE: [u8; 12] =
    [b'A', 0xA1, 0xA2, b'E', 0xA3, b'I', b'O', 0xA4, 0xA5, b'U', 0xA6, b'Y'];

/// VNI-Windows, bytes 0x80..=0xFF as single characters: CP1252 below 0xA0, Latin-1
/// above, except the letters VNI codes in one byte: ñ Ñ = đ Đ, ô Ô = ơ Ơ, ö Ö = ư Ư,
/// ì í æ ó ò = ì í ỉ ĩ ị (and capitals Ì Í Æ Ó Ò), î Î = ỵ Ỵ. Accent bytes after a base
/// letter are handled by `VNI_ACCENT`; alone they stay Latin-1.
///
/// Checked against two independent public tables: `vni.h` of the xvnkb keyboard driver
/// (public `lamdao/xvnkb` repository) and the `VNI_WINDOWS_TABLE` of the VBKey converter
/// (public `khiemdoan/VBKey`, `mdlCodeTable.bas`, which lists the same bytes as they
/// appear when read as MacRoman).
pub(crate) const VNI_HIGH: [char; 128] = high_table(&[
    (0xD1, 'Đ'),
    (0xF1, 'đ'),
    (0xD4, 'Ơ'),
    (0xF4, 'ơ'),
    (0xD6, 'Ư'),
    (0xF6, 'ư'),
    (0xCC, 'Ì'),
    (0xEC, 'ì'),
    (0xCD, 'Í'),
    (0xED, 'í'),
    (0xC6, 'Ỉ'),
    (0xE6, 'ỉ'),
    (0xD3, 'Ĩ'),
    (0xF3, 'ĩ'),
    (0xD2, 'Ị'),
    (0xF2, 'ị'),
    (0xCE, 'Ỵ'),
    (0xEE, 'ỵ'),
]);

/// Whether the map's VNI rule gives one byte to the character of each single byte
/// (false for the Latin-1 vowels à á â ã è é ê ò ó õ ù ú ý … standing alone, which the
/// rule expects from two bytes).
pub(crate) const fn vni_high_unit() -> [bool; 128] {
    let mut t = [true; 128];
    let mut b = 0;
    while b < 128 {
        if let Some((s, k, _)) = vowel_info_const(VNI_HIGH[b]) {
            let accent = k > 0 || s == SKELETON_AW || s == SKELETON_AA || s == SKELETON_EE || s == SKELETON_OO;
            let single = s == SKELETON_I || (s == SKELETON_Y && k == TONE_DOT);
            if accent && !single {
                t[b] = false;
            }
        }
        b += 1;
    }
    t
}
pub(crate) static VNI_HIGH_UNIT: [bool; 128] = vni_high_unit();

pub(crate) const VNI_TONE_ONLY: u8 = 1;
pub(crate) const VNI_CIRC: u8 = 2;
pub(crate) const VNI_BREVE: u8 = 3;

/// VNI accent bytes, 0x80..=0xFF → `kind << 3 | tone`, or `NO_INFO`. Lower-case font:
/// ø ù û õ ï = grave acute hook tilde dot; â á à å ã ä = circumflex alone / with acute
/// grave hook tilde dot; ê é è ú ü ë = breve alone / with acute grave hook tilde dot.
/// Upper-case font: Ø Ù Û Õ Ï, Â Á À Å Ã Ä, Ê É È Ú Ü Ë.
pub(crate) const fn vni_accents() -> [u8; 128] {
    let mut t = [NO_INFO; 128];
    // (lower byte, upper byte, kind, tone)
    let list: [(u8, u8, u8, u8); 17] = [
        (0xF8, 0xD8, VNI_TONE_ONLY, 1),
        (0xF9, 0xD9, VNI_TONE_ONLY, 2),
        (0xFB, 0xDB, VNI_TONE_ONLY, 3),
        (0xF5, 0xD5, VNI_TONE_ONLY, 4),
        (0xEF, 0xCF, VNI_TONE_ONLY, 5),
        (0xE2, 0xC2, VNI_CIRC, 0),
        (0xE0, 0xC0, VNI_CIRC, 1),
        (0xE1, 0xC1, VNI_CIRC, 2),
        (0xE5, 0xC5, VNI_CIRC, 3),
        (0xE3, 0xC3, VNI_CIRC, 4),
        (0xE4, 0xC4, VNI_CIRC, 5),
        (0xEA, 0xCA, VNI_BREVE, 0),
        (0xE8, 0xC8, VNI_BREVE, 1),
        (0xE9, 0xC9, VNI_BREVE, 2),
        (0xFA, 0xDA, VNI_BREVE, 3),
        (0xFC, 0xDC, VNI_BREVE, 4),
        (0xEB, 0xCB, VNI_BREVE, 5),
    ];
    let mut k = 0;
    while k < list.len() {
        let (lo, up, kind, tone) = list[k];
        t[(lo - 0x80) as usize] = (kind << 3) | tone;
        t[(up - 0x80) as usize] = (kind << 3) | tone;
        k += 1;
    }
    t
}
pub(crate) static VNI_ACCENT: [u8; 128] = vni_accents();

/// VNI base letters that take accent bytes → `upper << 7 | skeleton`, or `NO_INFO`.
pub(crate) const fn vni_bases() -> [u8; 256] {
    let mut t = [NO_INFO; 256];
    let lower: [(u8, usize); 8] = [
        (b'a', SKELETON_A),
        (b'e', SKELETON_E),
        (b'i', SKELETON_I),
        (b'o', SKELETON_O),
        (b'u', SKELETON_U),
        (b'y', SKELETON_Y),
        (0xF4, SKELETON_OW),
        (0xF6, SKELETON_UW),
    ];
    let upper: [(u8, usize); 8] = [
        (b'A', SKELETON_A),
        (b'E', SKELETON_E),
        (b'I', SKELETON_I),
        (b'O', SKELETON_O),
        (b'U', SKELETON_U),
        (b'Y', SKELETON_Y),
        (0xD4, SKELETON_OW),
        (0xD6, SKELETON_UW),
    ];
    let mut k = 0;
    while k < 8 {
        t[lower[k].0 as usize] = lower[k].1 as u8;
        t[upper[k].0 as usize] = 0x80 | upper[k].1 as u8;
        k += 1;
    }
    t
}
pub(crate) static VNI_BASE: [u8; 256] = vni_bases();

pub(crate) const VNI_TONE_BYTES: [[u8; 6]; 2] = [[0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF], [0, 0xD8, 0xD9, 0xDB, 0xD5, 0xCF]];
pub(crate) const VNI_CIRC_BYTES: [[u8; 6]; 2] =
    [[0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4], [0xC2, 0xC0, 0xC1, 0xC5, 0xC3, 0xC4]];
pub(crate) const VNI_BREVE_BYTES: [[u8; 6]; 2] =
    [[0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB], [0xCA, 0xC8, 0xC9, 0xDA, 0xDC, 0xCB]];
pub(crate) const VNI_I_BYTES: [[u8; 6]; 2] =
    [[b'i', 0xEC, 0xED, 0xE6, 0xF3, 0xF2], [b'I', 0xCC, 0xCD, 0xC6, 0xD3, 0xD2]];

/// Windows-1258, bytes 0x80..=0xFF. Undefined bytes (0x81 0x8A 0x8D 0x8E 0x8F 0x90 0x9A
/// 0x9D 0x9E) map to the C1 control of the same value (as WHATWG does). Checked against
/// two independent public tables: Python's built-in `cp1258` codec and GNU libiconv's
/// `cp1258.h` (tests `cp1258_and_cp1252_tables_match_*`, and the conformance file).
pub(crate) const CP1258_HIGH: [char; 128] = high_table(&[
    (0x8A, '\u{8A}'),
    (0x8E, '\u{8E}'),
    (0x9A, '\u{9A}'),
    (0x9E, '\u{9E}'),
    (0xC3, 'Ă'),
    (0xCC, '\u{300}'),
    (0xD0, 'Đ'),
    (0xD2, '\u{309}'),
    (0xD5, 'Ơ'),
    (0xDD, 'Ư'),
    (0xDE, '\u{303}'),
    (0xE3, 'ă'),
    (0xEC, '\u{301}'),
    (0xF0, 'đ'),
    (0xF2, '\u{323}'),
    (0xF5, 'ơ'),
    (0xFD, 'ư'),
    (0xFE, '₫'),
]);

/// Tone index of a CP1258 combining byte, 0 otherwise.
pub(crate) fn cp1258_tone(b: u8) -> usize {
    match b {
        0xCC => 1,
        0xEC => 2,
        0xD2 => 3,
        0xDE => 4,
        0xF2 => 5,
        _ => 0,
    }
}

pub(crate) const CP1258_TONE_BYTES: [u8; 6] = [0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2];

/// Byte of `c` in a single-byte table (`< 0x80` as itself).
pub(crate) fn table_byte(table: &[char; 128], c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    table.iter().position(|&t| t == c).map(|i| 0x80 + i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Python's cp1258 codec, 0x80..=0xFF (undefined bytes as the C1 control of the same value).
    const PY_CP1258: [u32; 128] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x008A, 0x2039, 0x0152, 0x008D,
        0x008E, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x009A, 0x203A,
        0x0153, 0x009D, 0x009E, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
        0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5,
        0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, 0x0110, 0x00D1, 0x0309, 0x00D3,
        0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, 0x00E0, 0x00E1,
        0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0,
        0x20AB, 0x00FF,
    ];
    /// Python's cp1252 codec, 0x80..=0x9F.
    const PY_CP1252: [u32; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ];

    /// GNU libiconv `cp1252.h` and `cp1258.h` (0xFFFD = undefined).
    const LIBICONV_CP1252: [u32; 32] = [
        0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
        0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
        0x0153, 0xfffd, 0x017e, 0x0178,
    ];
    const LIBICONV_CP1258_C0: [u32; 64] = [
        0x00c0, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x0300, 0x00cd,
        0x00ce, 0x00cf, 0x0110, 0x00d1, 0x0309, 0x00d3, 0x00d4, 0x01a0, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db,
        0x00dc, 0x01af, 0x0303, 0x00df, 0x00e0, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9,
        0x00ea, 0x00eb, 0x0301, 0x00ed, 0x00ee, 0x00ef, 0x0111, 0x00f1, 0x0323, 0x00f3, 0x00f4, 0x01a1, 0x00f6, 0x00f7,
        0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x01b0, 0x20ab, 0x00ff,
    ];

    #[test]
    fn cp1258_and_cp1252_tables_match_libiconv() {
        for (i, &cp) in LIBICONV_CP1252.iter().enumerate() {
            let want = if cp == 0xfffd { 0x80 + i as u32 } else { cp };
            assert_eq!(CP1252_C1[i] as u32, want, "cp1252 byte {:#x}", 0x80 + i);
            if cp != 0xfffd && cp != 0x02dc && cp != 0x0160 && cp != 0x017d && cp != 0x0161 && cp != 0x017e {
                // CP1258 shares CP1252's punctuation (not its Š Ž š ž).
                assert_eq!(CP1258_HIGH[i] as u32, cp, "cp1258 byte {:#x}", 0x80 + i);
            }
        }
        for (i, &cp) in LIBICONV_CP1258_C0.iter().enumerate() {
            assert_eq!(CP1258_HIGH[0x40 + i] as u32, cp, "cp1258 byte {:#x}", 0xC0 + i);
        }
    }

    #[test]
    fn cp1258_and_cp1252_tables_match_python() {
        for (i, &cp) in PY_CP1258.iter().enumerate() {
            assert_eq!(CP1258_HIGH[i] as u32, cp, "cp1258 byte {:#x}", 0x80 + i);
        }
        for (i, &cp) in PY_CP1252.iter().enumerate() {
            assert_eq!(CP1252_C1[i] as u32, cp, "cp1252 byte {:#x}", 0x80 + i);
        }
    }
}
