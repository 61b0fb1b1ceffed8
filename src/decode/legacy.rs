//! Decoders of the byte encodings: TCVN3, VNI-Windows, Windows-1258 and UTF-16.
//! Each returns the text and its offset map; none fails.

use unicode_normalization::UnicodeNormalization;

use crate::spelling::code_pages::*;
use crate::spelling::offset_map::{MapBuilder, OffsetMap, SPAN_CAP, UnitKind};
use crate::spelling::syllable::is_combining_mark;
use crate::spelling::vowels::*;

struct Sink {
    out: String,
    map: MapBuilder,
    /// ASCII bytes written to `out` but not yet told to the map.
    pending: usize,
    /// A lone combining mark was written: the text may not be NFC.
    denormal: bool,
}

impl Sink {
    fn new(n: usize, kind: UnitKind) -> Self {
        Sink {
            out: String::with_capacity(n),
            map: MapBuilder::new(kind, n / SPAN_CAP + 16),
            pending: 0,
            denormal: false,
        }
    }
    /// Bytes below 0x80, copied.
    #[inline]
    fn ascii(&mut self, b: &[u8]) {
        if b.len() >= 16 {
            // Long runs: the ASCII check of `from_utf8` is fast; it cannot fail here.
            self.out.push_str(std::str::from_utf8(b).unwrap_or_default());
        } else {
            for &x in b {
                self.out.push(char::from(x));
            }
        }
        self.pending += b.len();
    }
    #[inline(always)]
    fn flush(&mut self) {
        if self.pending > 0 {
            self.map.ascii(self.pending);
            self.pending = 0;
        }
    }
    /// A letter from `in_len` bytes; `unit` when `in_len` is what the map's kind
    /// expects for it (so it can join a unit run).
    #[inline(always)]
    fn letter(&mut self, c: char, in_len: usize, unit: bool) {
        self.flush();
        self.out.push(c);
        if unit {
            self.map.push_unit(c.len_utf8(), in_len);
        } else {
            self.map.unit(c.len_utf8(), in_len);
        }
    }
    /// Any character from `in_len` bytes (combining marks allowed).
    #[inline]
    fn char(&mut self, c: char, in_len: usize) {
        self.flush();
        self.out.push(c);
        self.map.push(c, in_len);
        if is_combining_mark(c) {
            self.denormal = true;
        }
    }
    fn finish(mut self, in_total: usize) -> (String, OffsetMap) {
        self.flush();
        let map = self.map.finish(in_total);
        if self.denormal { renormalize(self.out, map) } else { (self.out, map) }
    }
}

/// NFC for text with stray combining marks, keeping the map: each cluster (a starter and
/// the marks after it) that is not NFC is normalised as a whole; its first character
/// maps to the cluster's input bytes, the others to an empty range there.
fn renormalize(text: String, map: OffsetMap) -> (String, OffsetMap) {
    if unicode_normalization::is_nfc(&text) {
        return (text, map);
    }
    let mut out = String::with_capacity(text.len());
    let mut b = MapBuilder::default();
    // The current cluster: its text and each character's input range.
    let mut cluster = String::new();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let emit = |out: &mut String, b: &mut MapBuilder, cluster: &str, ranges: &[(usize, usize)]| {
        let (Some(&(start, _)), Some(&(_, end))) = (ranges.first(), ranges.last()) else {
            return;
        };
        if start > b.inp {
            b.skip(start - b.inp);
        }
        if unicode_normalization::is_nfc(cluster) {
            for (c, &(s, e)) in cluster.chars().zip(ranges) {
                if s > b.inp {
                    b.skip(s - b.inp);
                }
                out.push(c);
                b.unit(c.len_utf8(), e.saturating_sub(s));
            }
        } else {
            for (k, c) in cluster.nfc().enumerate() {
                out.push(c);
                b.unit(c.len_utf8(), if k == 0 { end - start } else { 0 });
            }
        }
    };
    for (_, c, s, e) in map.char_ranges(&text) {
        if !cluster.is_empty() && unicode_normalization::char::canonical_combining_class(c) == 0 {
            emit(&mut out, &mut b, &cluster, &ranges);
            cluster.clear();
            ranges.clear();
        }
        cluster.push(c);
        ranges.push((s, e));
    }
    emit(&mut out, &mut b, &cluster, &ranges);
    let m = b.finish(map.in_total);
    (out, m)
}

/// TCVN3 pair starting at `a`: a capital followed by the lower-case toned code of the
/// same vowel ("A¸" = Á), or a letter followed by a VN2 combining tone byte.
#[inline(always)]
fn tcvn3_pair(a: u8, b: u8) -> Option<char> {
    if b < 0x80 {
        return None;
    }
    if (0xB0..=0xB4).contains(&b) {
        let base = if a < 0x80 { a as char } else { TCVN3_HIGH[(a - 0x80) as usize] };
        return compose_tone(base, TCVN3_COMBINING_TONE[(b - 0xB0) as usize]);
    }
    let cap = TCVN3_CAPITAL[a as usize];
    if cap == NO_INFO {
        return None;
    }
    match vowel_info(TCVN3_HIGH[(b - 0x80) as usize]) {
        Some((s, t, false)) if t > 0 && s == cap as usize => Some(viet(s, t, true)),
        _ => None,
    }
}

fn tcvn3_char(b: u8) -> char {
    if b < 0x80 { b as char } else { TCVN3_HIGH[(b - 0x80) as usize] }
}

/// Whether the lower-case code at `i` sits in an all-capital word (".VnTimeH" headings
/// converted without their capital font: "HéI NGHÞ"): at least two capitals and no
/// ASCII lower-case letter.
fn tcvn3_in_caps_word(bytes: &[u8], i: usize) -> bool {
    let near_upper =
        (i > 0 && bytes[i - 1].is_ascii_uppercase()) || bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase);
    if !near_upper {
        return false;
    }
    let is_letter = |b: u8| {
        let c = tcvn3_char(b);
        c.is_alphabetic()
    };
    let mut a = i;
    while a > 0 && is_letter(bytes[a - 1]) {
        a -= 1;
    }
    let mut e = i + 1;
    while e < bytes.len() && is_letter(bytes[e]) {
        e += 1;
    }
    let (mut upper, mut lower) = (0, 0);
    for &b in &bytes[a..e] {
        let c = tcvn3_char(b);
        if c.is_uppercase() {
            upper += 1;
        } else if b.is_ascii_lowercase() {
            lower += 1;
        }
    }
    upper >= 2 && lower == 0
}

/// The loop the single-byte decoders share. ASCII runs are copied in one piece. At a
/// byte of 0x80 or more after ASCII, `starts_before(i)` may claim the ASCII byte before
/// it as the start of a sequence (a base letter and accent or tone bytes: the letter,
/// the bytes it used, whether the map's unit rule gives that many); otherwise
/// `decode_at(sink, i)` writes what starts at `i` and returns how many bytes it used.
#[inline(always)]
fn decode_single_byte(
    bytes: &[u8],
    mut sink: Sink,
    starts_before: impl Fn(usize) -> Option<(char, usize, bool)>,
    mut decode_at: impl FnMut(&mut Sink, usize) -> usize,
) -> (String, OffsetMap) {
    let n = bytes.len();
    let mut run = 0; // start of the pending ASCII run
    let mut i = 0;
    while i < n {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        if i > run {
            if let Some((c, used, unit)) = starts_before(i) {
                sink.ascii(&bytes[run..i - 1]);
                sink.letter(c, used, unit);
                i += used - 1;
                run = i;
                continue;
            }
            sink.ascii(&bytes[run..i]);
        }
        i += decode_at(&mut sink, i);
        run = i;
    }
    sink.ascii(&bytes[run..n]);
    sink.finish(n)
}

pub(super) fn decode_tcvn3(bytes: &[u8]) -> (String, OffsetMap) {
    let n = bytes.len();
    // The ASCII byte before `i` may pair with it ("A¸" = Á, "a" + combining tone).
    let starts_before = |i: usize| {
        let (a, b) = (bytes[i - 1], bytes[i]);
        if TCVN3_CAPITAL[a as usize] != NO_INFO || (0xB0..=0xB4).contains(&b) {
            tcvn3_pair(a, b).map(|c| (c, 2, false))
        } else {
            None
        }
    };
    let decode_at = |k: &mut Sink, i: usize| {
        let b = bytes[i];
        if let Some(&next) = bytes.get(i + 1) {
            if next >= 0x80 {
                if let Some(c) = tcvn3_pair(b, next) {
                    k.letter(c, 2, false);
                    return 2;
                }
            }
        }
        let c = TCVN3_HIGH[(b - 0x80) as usize];
        if (0xB0..=0xB4).contains(&b) {
            // A combining tone that did not compose: a mark after a letter, else the
            // Latin-1 symbol a font shows there ("25°C").
            if i > 0 && tcvn3_char(bytes[i - 1]).is_alphabetic() {
                k.char(c, 1);
            } else {
                k.letter(char::from(b), 1, true);
            }
        } else if TCVN3_IS_LOWER[(b - 0x80) as usize] && tcvn3_in_caps_word(bytes, i) {
            k.letter(c.to_uppercase().next().unwrap_or(c), 1, true);
        } else {
            k.letter(c, 1, true);
        }
        1
    };
    decode_single_byte(bytes, Sink::new(n + n / 2, UnitKind::One), starts_before, decode_at)
}

/// VNI sequence at `i`: a base letter and one or two accent bytes → (letter, bytes
/// used, whether the map's VNI rule gives that many bytes).
#[inline(always)]
fn vni_seq(bytes: &[u8], i: usize) -> Option<(char, usize, bool)> {
    let base = VNI_BASE[bytes[i] as usize];
    if base == NO_INFO {
        return None;
    }
    let acc_byte = *bytes.get(i + 1)?;
    if acc_byte < 0x80 {
        return None;
    }
    let acc = VNI_ACCENT[(acc_byte - 0x80) as usize];
    if acc == NO_INFO {
        return None;
    }
    let (skel, upper) = ((base & 0x7F) as usize, base & 0x80 != 0);
    let (kind, mut tone) = (acc >> 3, (acc & 7) as usize);
    let skel = match (kind, skel) {
        (VNI_TONE_ONLY, s) => s,
        (VNI_CIRC, SKELETON_A) => SKELETON_AA,
        (VNI_CIRC, SKELETON_E) => SKELETON_EE,
        (VNI_CIRC, SKELETON_O) => SKELETON_OO,
        (VNI_BREVE, SKELETON_A) => SKELETON_AW,
        _ => return None,
    };
    let mut used = 2;
    if kind != VNI_TONE_ONLY && tone == 0 {
        // "a" + "â" + "ù": a separate tone byte after the circumflex or breve.
        if let Some(&b2) = bytes.get(i + 2) {
            if b2 >= 0x80 {
                let a2 = VNI_ACCENT[(b2 - 0x80) as usize];
                if a2 != NO_INFO && a2 >> 3 == VNI_TONE_ONLY {
                    tone = (a2 & 7) as usize;
                    used = 3;
                }
            }
        }
    }
    // The map's VNI rule: two bytes for such a letter, except toned i and ỵ.
    let unit = used == 2 && skel != SKELETON_I && !(skel == SKELETON_Y && tone == TONE_DOT);
    Some((viet(skel, tone, upper), used, unit))
}

pub(super) fn decode_vni(bytes: &[u8]) -> (String, OffsetMap) {
    let n = bytes.len();
    // An ASCII base letter followed by accent bytes.
    let starts_before = |i: usize| vni_seq(bytes, i - 1);
    let decode_at = |k: &mut Sink, i: usize| {
        if let Some((c, used, unit)) = vni_seq(bytes, i) {
            k.letter(c, used, unit);
            used
        } else {
            let b = (bytes[i] - 0x80) as usize;
            k.letter(VNI_HIGH[b], 1, VNI_HIGH_UNIT[b]);
            1
        }
    };
    decode_single_byte(bytes, Sink::new(n + n / 4, UnitKind::Vni), starts_before, decode_at)
}

pub(super) fn decode_cp1258(bytes: &[u8]) -> (String, OffsetMap) {
    let n = bytes.len();
    let ch = |b: u8| if b < 0x80 { b as char } else { CP1258_HIGH[(b - 0x80) as usize] };
    // A letter at `i` and a tone byte after it.
    let pair = |i: usize| -> Option<char> {
        let t = cp1258_tone(*bytes.get(i + 1)?);
        if t == 0 { None } else { compose_tone(ch(bytes[i]), t) }
    };
    let starts_before = |i: usize| pair(i - 1).map(|c| (c, 2, false));
    let decode_at = |k: &mut Sink, i: usize| {
        if let Some(c) = pair(i) {
            k.letter(c, 2, false);
            2
        } else {
            k.char(ch(bytes[i]), 1);
            1
        }
    };
    decode_single_byte(bytes, Sink::new(n + n / 2, UnitKind::One), starts_before, decode_at)
}

pub(super) fn decode_utf16(bytes: &[u8], le: bool) -> (String, OffsetMap) {
    let bom = bytes.len() >= 2 && if le { bytes[..2] == [0xFF, 0xFE] } else { bytes[..2] == [0xFE, 0xFF] };
    let unit = |i: usize| {
        if le { u16::from_le_bytes([bytes[i], bytes[i + 1]]) } else { u16::from_be_bytes([bytes[i], bytes[i + 1]]) }
    };
    let mut text = String::with_capacity(bytes.len() / 2 + 4);
    let mut map = MapBuilder::new(UnitKind::Utf16, bytes.len() / 256 + 4);
    let mut i = if bom { 2 } else { 0 };
    map.skip(i);
    while i + 1 < bytes.len() {
        let u = unit(i);
        if (0xD800..0xDC00).contains(&u) && i + 3 < bytes.len() {
            let u2 = unit(i + 2);
            if (0xDC00..0xE000).contains(&u2) {
                let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + ((u2 as u32) - 0xDC00);
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                text.push(c);
                map.push(c, 4);
                i += 4;
                continue;
            }
        }
        let c = char::from_u32(u as u32).unwrap_or('\u{FFFD}');
        text.push(c);
        map.push(c, 2);
        i += 2;
    }
    if i < bytes.len() {
        text.push('\u{FFFD}');
        map.unit(3, 1);
    }
    (text, map.finish(bytes.len()))
}
