//! Encoders (for tests and fixtures): Unicode text to TCVN3, VNI, VIQR, CP1258 bytes,
//! or to CP1252 mojibake.

use unicode_normalization::UnicodeNormalization;

use super::viqr::VIQR_MARKS;
use crate::spelling::code_pages::*;
use crate::spelling::vowels::*;

/// Encode text as TCVN3 (VN3), for tests and fixtures. Toned capitals, which VN3 lacks,
/// become the untoned capital followed by the lower-case toned code ("Á" → "A¸", "Ấ" →
/// "¢Ê"), the form converters write and [`decode`](super::decode) reads back as one capital. CP1252
/// punctuation (“ ” – …) keeps its byte; other characters VN3 cannot hold become `?`.
///
/// ```
/// assert_eq!(vanban::decode::encode_tcvn3("Hà Nội"), b"H\xb5 N\xe9i");
/// assert_eq!(vanban::decode::encode_tcvn3("ĐẢNG"), b"\xa7A\xb6NG");
/// ```
pub fn encode_tcvn3(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some((sk, t, up)) = vowel_info(c) {
            if up {
                out.push(TCVN3_CAPITAL_CODE[sk]);
                if t > 0 {
                    out.push(TCVN3_LOWER[sk][t]);
                }
            } else {
                out.push(TCVN3_LOWER[sk][t]);
            }
        } else {
            out.push(match c {
                'đ' => 0xAE,
                'Đ' => 0xA7,
                '\u{A0}' => 0xA0,
                _ => CP1252_C1.iter().position(|&x| x == c && (x as u32) >= 0x100).map_or(b'?', |i| 0x80 + i as u8),
            });
        }
    }
    out
}

/// Encode text as VNI-Windows, for tests and fixtures: base letter + accent byte(s),
/// single bytes for toned i, ỵ, đ, ơ, ư. Latin-1 characters that are no VNI letter or
/// accent keep their byte; others become `?`.
///
/// ```
/// assert_eq!(vanban::decode::encode_vni("Xin chào"), b"Xin cha\xf8o");
/// assert_eq!(vanban::decode::encode_vni("Ấ"), b"A\xc1");
/// ```
pub fn encode_vni(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + s.len() / 4);
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        if let Some((sk, t, up)) = vowel_info(c) {
            let u = up as usize;
            let base = |b: u8| if up { b.to_ascii_uppercase() } else { b };
            match sk {
                SKELETON_I => out.push(VNI_I_BYTES[u][t]),
                SKELETON_Y if t == TONE_DOT => out.push(if up { 0xCE } else { 0xEE }),
                SKELETON_AA | SKELETON_EE | SKELETON_OO | SKELETON_AW => {
                    out.push(base(match sk {
                        SKELETON_AA | SKELETON_AW => b'a',
                        SKELETON_EE => b'e',
                        _ => b'o',
                    }));
                    out.push(if sk == SKELETON_AW { VNI_BREVE_BYTES[u][t] } else { VNI_CIRC_BYTES[u][t] });
                }
                _ => {
                    out.push(match sk {
                        SKELETON_OW => [0xF4, 0xD4][u],
                        SKELETON_UW => [0xF6, 0xD6][u],
                        _ => base(VOWELS[0][sk][0] as u8),
                    });
                    if t > 0 {
                        out.push(VNI_TONE_BYTES[u][t]);
                    }
                }
            }
            continue;
        }
        let b = match c {
            'đ' => 0xF1,
            'Đ' => 0xD1,
            _ => match table_byte(&VNI_HIGH, c) {
                Some(b)
                    if b >= 0x80
                        && VNI_ACCENT[(b - 0x80) as usize] == NO_INFO
                        && VNI_HIGH[(b - 0x80) as usize] == c =>
                {
                    b
                }
                _ => b'?',
            },
        };
        out.push(b);
    }
    out
}

/// Encode text as VIQR (RFC 1456), for tests and fixtures: `a(` `a^` `e^` `o^` `o+`
/// `u+` `dd`/`DD`, then the tone (`` ` `` `'` `?` `~` `.`). Every literal mark character
/// (`( ^ + ' ` ? ~ .`) and every `\` is escaped with `\`, which puts [`decode_as`](super::decode_as) into
/// strict RFC mode, so the output reads back exactly whenever the text holds one of them
/// (any text with a full stop does). Other non-ASCII characters become `?`.
///
/// ```
/// assert_eq!(vanban::decode::encode_viqr("Việt Nam (2024)."), "Vie^.t Nam \\(2024)\\.");
/// ```
pub fn encode_viqr(s: &str) -> String {
    const TONES: [char; 6] = ['\0', '`', '\'', '?', '~', '.'];
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    let mut prev_letter = false;
    for c in s.nfc() {
        if let Some((sk, t, up)) = vowel_info(c) {
            let base = VOWELS[up as usize][match sk {
                SKELETON_AW | SKELETON_AA => SKELETON_A,
                SKELETON_EE => SKELETON_E,
                SKELETON_OO | SKELETON_OW => SKELETON_O,
                SKELETON_UW => SKELETON_U,
                x => x,
            }][0];
            out.push(base);
            match sk {
                SKELETON_AW => out.push('('),
                SKELETON_AA | SKELETON_EE | SKELETON_OO => out.push('^'),
                SKELETON_OW | SKELETON_UW => out.push('+'),
                _ => {}
            }
            if t > 0 {
                out.push(TONES[t]);
            }
            prev_letter = true;
        } else if c == 'đ' {
            out.push_str("dd");
            prev_letter = true;
        } else if c == 'Đ' {
            out.push_str("DD");
            prev_letter = true;
        } else if c == '\\' {
            out.push_str("\\\\");
            prev_letter = false;
        } else if c.is_ascii() {
            if VIQR_MARKS.contains(&(c as u8)) {
                out.push('\\');
            }
            out.push(c);
            prev_letter = c.is_ascii_alphabetic();
        } else {
            if prev_letter {
                out.push('\\');
            }
            out.push('?');
            prev_letter = false;
        }
    }
    out
}

/// Encode text as Windows-1258, for tests and fixtures: a precomposed byte where the
/// code page has one (à á â ă đ ơ ư …), else the base letter followed by a combining
/// tone byte (ả = `a` 0xD2). Characters it cannot hold become `?`.
///
/// ```
/// assert_eq!(vanban::decode::encode_cp1258("Việt"), b"Vi\xea\xf2t");
/// ```
pub fn encode_cp1258(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let one = |c: char| table_byte(&CP1258_HIGH, c).filter(|&b| b < 0x80 || CP1258_HIGH[(b - 0x80) as usize] == c);
    for c in s.nfc() {
        if let Some(b) = one(c) {
            out.push(b);
        } else if let Some((sk, t, up)) = vowel_info(c) {
            match one(viet(sk, 0, up)) {
                Some(b) => {
                    out.push(b);
                    out.push(CP1258_TONE_BYTES[t]);
                }
                None => out.push(b'?'),
            }
        } else {
            let mut d = String::new();
            d.extend(std::iter::once(c).nfd());
            let mut chars = d.chars();
            match (chars.next().and_then(one), chars.as_str()) {
                (Some(b), rest) if rest.chars().all(|m| TONE_MARKS[1..].contains(&m)) => {
                    out.push(b);
                    for m in rest.chars() {
                        let t = TONE_MARKS.iter().position(|&x| x == m).unwrap_or(0);
                        out.push(CP1258_TONE_BYTES[t]);
                    }
                }
                _ => out.push(b'?'),
            }
        }
    }
    out
}

/// The string a program shows when it reads the UTF-8 of `s` as Windows-1252, for tests
/// and fixtures ("Nguyễn" → "Nguyá»…n"); the five bytes CP1252 leaves undefined become
/// the C1 controls of the same value, as Latin-1 would show them.
///
/// ```
/// assert_eq!(vanban::decode::to_cp1252_mojibake("đường"), "Ä‘Æ°á»\u{9d}ng");
/// ```
pub fn to_cp1252_mojibake(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b < 0x80 {
                b as char
            } else if b < 0xA0 {
                CP1252_C1[(b - 0x80) as usize]
            } else {
                b as char
            }
        })
        .collect()
}
