//! Encoding detection: which legacy encoding, if any, decodes bytes into Vietnamese,
//! judged by the syllable validator on a prefix of the input.

use super::legacy::{decode_cp1258, decode_tcvn3, decode_utf16, decode_vni};
use super::viqr::decode_viqr;
use super::{DecodeError, Decoded, Encoding};
use crate::spelling::offset_map::{OffsetMap, floor_boundary};
use crate::spelling::syllable::analyze;

pub(super) const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
/// A candidate must be this far ahead of the next one.
const MARGIN: f32 = 0.15;
/// And at least this good.
const FLOOR: f32 = 0.5;
const QUICK_PREFIX: usize = 8 << 10;
pub(super) const SCORE_PREFIX: usize = 64 << 10;
pub(super) const LEGACY: [Encoding; 3] = [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258];

/// At most `max` bytes, cut after an ASCII space or newline where one is near the end.
pub(super) fn prefix(bytes: &[u8], max: usize) -> &[u8] {
    if bytes.len() <= max {
        return bytes;
    }
    let lo = max.saturating_sub(256);
    match bytes[lo..max].iter().rposition(|&b| b == b' ' || b == b'\n') {
        Some(p) => &bytes[..lo + p + 1],
        None => &bytes[..max],
    }
}

pub(super) fn str_prefix(s: &str, max: usize) -> &str {
    &s[..floor_boundary(s, max)]
}

pub(super) fn decode_raw(bytes: &[u8], enc: Encoding) -> (String, OffsetMap) {
    match enc {
        Encoding::Tcvn3 => decode_tcvn3(bytes),
        Encoding::Vni => decode_vni(bytes),
        Encoding::Windows1258 => decode_cp1258(bytes),
        Encoding::Utf16Le => decode_utf16(bytes, true),
        Encoding::Utf16Be => decode_utf16(bytes, false),
        Encoding::Utf8 | Encoding::Viqr => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let len = s.len();
            if enc == Encoding::Viqr { decode_viqr(&s) } else { (s, OffsetMap::identity(len)) }
        }
    }
}

pub(super) fn utf8_error(e: std::str::Utf8Error, shift: usize) -> DecodeError {
    DecodeError::InvalidUtf8 {
        offset: shift + e.valid_up_to(),
        reason: match e.error_len() {
            Some(n) => format!("{n} byte(s) that start no valid character"),
            None => "the input ends inside a character".to_string(),
        },
    }
}

/// (valid multi-byte UTF-8 characters, invalid bytes) in `bytes`.
fn utf8_profile(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut bad) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => return (valid + s.chars().filter(|c| !c.is_ascii()).count(), bad),
            Err(e) => {
                let ok = e.valid_up_to();
                valid += std::str::from_utf8(&bytes[..ok]).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                let skip = e.error_len().unwrap_or(bytes.len() - ok);
                bad += 1;
                bytes = &bytes[ok + skip..];
                if bytes.is_empty() {
                    return (valid, bad);
                }
            }
        }
    }
}

pub(super) fn text_confidence(text: &str) -> f32 {
    analyze(str_prefix(text, SCORE_PREFIX)).evidence().unwrap_or(1.0)
}

fn candidate_scores(bytes: &[u8], limit: usize) -> Vec<(Encoding, f32, u32)> {
    let p = prefix(bytes, limit);
    let mut v: Vec<(Encoding, f32, u32)> = LEGACY
        .iter()
        .map(|&e| {
            let stats = analyze(&decode_raw(p, e).0);
            (e, stats.evidence().unwrap_or(0.0), stats.words_na + stats.glued)
        })
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    v
}

pub(super) fn detect_legacy(bytes: &[u8], err: std::str::Utf8Error) -> Result<Decoded, DecodeError> {
    let (valid, bad) = utf8_profile(prefix(bytes, SCORE_PREFIX));
    let looks_utf8 = valid > 0 && valid >= bad;
    if valid >= 8 && bad * 20 <= valid {
        // Clearly UTF-8 with a few broken bytes: never guess a legacy encoding.
        return Err(utf8_error(err, 0));
    }
    let mut c = candidate_scores(bytes, QUICK_PREFIX);
    let clear = c[0].1 >= 0.9 && c[0].1 - c[1].1 >= 0.3 && c[0].2 >= 16;
    // Far below the floor on a prefix with plenty of evidence: noise, not text, and the
    // longer prefix would not lift it (this keeps garbage bytes fast to refuse).
    let hopeless = c[0].1 < FLOOR / 2.0 && c[0].2 >= 64;
    if bytes.len() > QUICK_PREFIX && !clear && !hopeless {
        c = candidate_scores(bytes, SCORE_PREFIX);
    }
    let (best, s1) = (c[0].0, c[0].1);
    if s1 < FLOOR {
        return Err(if looks_utf8 {
            utf8_error(err, 0)
        } else {
            DecodeError::Unknown { candidates: c.iter().map(|x| (x.0, x.1)).collect() }
        });
    }
    if s1 - c[1].1 < MARGIN {
        let candidates = c.iter().filter(|x| s1 - x.1 < MARGIN).map(|x| (x.0, x.1)).collect();
        return Err(DecodeError::Ambiguous { candidates });
    }
    let (text, map) = decode_raw(bytes, best);
    Ok(Decoded { text, encoding: best, confidence: s1, bom: false, map })
}

/// File signatures of the binary formats a crawl or a folder most often holds by mistake.
const SIGNATURES: [(&[u8], &str); 10] = [
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (legacy Office) file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
];

/// `Some(DecodeError::Binary)` when `bytes` are binary data rather than text: a known
/// file signature at the start (the two-byte `MZ` only with a NUL in the first 64
/// bytes, as every PE header has), NULs over 1 in 1000 of the first 64 KiB, or NUL and
/// control bytes (but tab, line feed, carriage return, form feed, escape) over 1 in 20.
pub(super) fn binary(bytes: &[u8]) -> Option<DecodeError> {
    let sample = &bytes[..bytes.len().min(SCORE_PREFIX)];
    // Per byte: bit 0 a NUL, bit 1 a control byte (NUL included; not tab, line feed,
    // carriage return, form feed, escape); counted through a table, one load a byte.
    const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 0x20 {
            if !matches!(b, 0x09 | 0x0a | 0x0d | 0x0c | 0x1b) {
                t[b] = 2;
            }
            b += 1;
        }
        t[0] = 3;
        t[0x7f] = 2;
        t
    };
    let (mut nul, mut control) = (0usize, 0usize);
    let mut count = |bytes: &[u8]| {
        for &b in bytes {
            let c = CLASS[usize::from(b)];
            nul += usize::from(c & 1);
            control += usize::from(c >> 1);
        }
    };
    // Eight bytes at a time: most words of text have no byte under 0x20 and no DEL, and
    // are passed over whole (a byte under 0x20 borrows past its high bit when 0x20 is
    // taken from it; DEL is the byte that 0x01 added to takes to 0x80).
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = sample.chunks_exact(8);
    for w in &mut words {
        let v = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        let low = v.wrapping_sub(ONES * 0x20) & !v & HIGH;
        let del = (v ^ (ONES * 0x7f)).wrapping_sub(ONES) & !(v ^ (ONES * 0x7f)) & HIGH;
        if low | del != 0 {
            count(w);
        }
    }
    count(words.remainder());
    let signature = SIGNATURES
        .iter()
        .find(|(sig, _)| sample.starts_with(sig))
        .map(|&(_, name)| name)
        .filter(|&name| name != "Windows executable" || sample.iter().take(64).any(|&b| b == 0));
    let sampled = sample.len();
    (signature.is_some() || nul * 1000 > sampled || control * 20 > sampled).then_some(DecodeError::Binary {
        signature,
        control_bytes: control,
        sampled,
    })
}

#[cfg(test)]
mod binary_tests {
    use super::*;

    /// The word-at-a-time count is the byte-by-byte one.
    #[test]
    fn counts_as_byte_by_byte() {
        let naive = |s: &[u8]| {
            let s = &s[..s.len().min(SCORE_PREFIX)];
            let nul = s.iter().filter(|&&b| b == 0).count();
            let control = s
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b) || b == 0x7f)
                .count();
            (nul, control)
        };
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in [0usize, 1, 7, 8, 9, 63, 64, 65, 1000, 4099] {
            for density in [0u64, 1, 16, 255] {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        // Mostly text; now and then any byte (a control, DEL, NUL).
                        if x % 256 < density {
                            (x >> 8) as u8
                        } else {
                            b"Ung ban nhan dan \xc3\xa1\n\t"[(x >> 8) as usize % 20]
                        }
                    })
                    .collect();
                let (nul, control) = naive(&bytes);
                let sampled = bytes.len().min(SCORE_PREFIX);
                let want = nul * 1000 > sampled || control * 20 > sampled;
                match binary(&bytes) {
                    Some(DecodeError::Binary { control_bytes, signature: None, .. }) => {
                        assert!(want);
                        assert_eq!(control_bytes, control);
                    }
                    None => assert!(!want, "{len} {density}"),
                    other => panic!("{other:?}"),
                }
                // Each control and NUL byte counts wherever it is in a word.
                for at in 0..len.min(16) {
                    let mut b = vec![b'a'; len];
                    b[at] = 0x7f;
                    assert_eq!(binary(&b).is_some(), 20 > len, "DEL at {at} of {len}");
                }
            }
        }
    }
}
