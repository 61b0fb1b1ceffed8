//! Bytes in any encoding Vietnamese text really arrives in → UTF-8 text, with a map
//! from every offset of the text back to the input bytes that produced it.
//!
//! Supported: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (with a BOM),
//! TCVN3 (TCVN 5712:1993, "ABC", the `.VnTime` fonts), VNI-Windows, VIQR (RFC 1456)
//! and Windows-1258. Legacy encodings are decoded to NFC: combining tone bytes are
//! composed with their base letter, and a base letter followed by an accent byte
//! becomes one precomposed letter.
//!
//! [`decode`] detects the encoding; [`decode_as`] forces one. [`repair`] fixes text that
//! was already mis-decoded into a string (UTF-8 read as CP1252 or Latin-1, or TCVN3 and
//! VNI bytes shown as Latin-1 characters). [`vietnamese_score`] is the syllable
//! validator both use.
//!
//! ```
//! use vanban::decode::{decode, encode_tcvn3, Encoding};
//!
//! let bytes = encode_tcvn3("Uỷ ban nhân dân tỉnh Bình Định tổ chức hội nghị.");
//! assert_eq!(&bytes[..15], b"U\xfb ban nh\xa9n d\xa9n");
//! let d = decode(&bytes).unwrap();
//! assert_eq!(d.encoding, Encoding::Tcvn3);
//! assert_eq!(d.text, "Uỷ ban nhân dân tỉnh Bình Định tổ chức hội nghị.");
//! // "nhân" is text bytes 9..14 and input bytes 7..11.
//! assert_eq!(d.to_input(9, 14), (7, 11));
//! ```
//!
//! The encoders ([`encode_tcvn3`], [`encode_vni`], [`encode_viqr`], [`encode_cp1258`],
//! [`to_cp1252_mojibake`]) exist for tests and fixtures.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

/// Largest input [`decode`], [`decode_as`] and [`repair`] accept: 1 GiB (offsets are
/// kept in 32 bits and a legacy byte can become three bytes of UTF-8).
pub const MAX_INPUT_BYTES: usize = 1 << 30;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// An encoding this module reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (recognised by [`decode`] only with a BOM).
    Utf16Le,
    /// UTF-16, big-endian (recognised by [`decode`] only with a BOM).
    Utf16Be,
    /// TCVN 5712:1993 ("ABC", `.VnTime` fonts), VN3 layout.
    Tcvn3,
    /// VNI-Windows (`VNI-Times` fonts): base letter followed by accent bytes.
    Vni,
    /// VIQR (RFC 1456): ASCII with mnemonic marks after the letter (`Vie^.t`).
    Viqr,
    /// Windows code page 1258, with combining tone bytes.
    Windows1258,
}

impl Encoding {
    /// The encoding's name: `"utf-8"`, `"utf-16le"`, `"utf-16be"`, `"tcvn3"`, `"vni"`,
    /// `"viqr"` or `"windows-1258"`.
    ///
    /// ```
    /// assert_eq!(vanban::decode::Encoding::Windows1258.name(), "windows-1258");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Windows1258 => "windows-1258",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Decoded text, the encoding it came in, and a map back to the input bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The text, UTF-8. NFC for legacy encodings; UTF-8 and UTF-16 input is kept as it
    /// came (minus the BOM).
    pub text: String,
    /// The encoding read.
    pub encoding: Encoding,
    /// 0..=1. For UTF-8, UTF-16 and plain ASCII 1.0. For the legacy encodings, the share
    /// of valid Vietnamese syllables among the words the encoding decides (words with a
    /// non-ASCII letter, plus symbols glued to letters), estimated on the first 64 KiB;
    /// 1.0 when no word depends on the encoding.
    pub confidence: f32,
    /// Whether the input started with a byte-order mark (not part of `text`).
    pub bom: bool,
    map: OffsetMap,
}

impl Decoded {
    /// Input byte offset of text offset `off` (floor: an offset inside a character
    /// maps to the start of the input bytes that produced it; past the end maps to the
    /// input's end).
    ///
    /// ```
    /// let d = vanban::decode::decode_as(b"ch\xb5o", vanban::decode::Encoding::Tcvn3).unwrap();
    /// assert_eq!(d.text, "chào");
    /// assert_eq!(d.to_input_start(2), 2); // "à" starts at input byte 2
    /// assert_eq!(d.to_input_start(3), 2); // inside "à"
    /// assert_eq!(d.to_input_start(4), 3); // "o"
    /// ```
    pub fn to_input_start(&self, off: usize) -> usize {
        self.map.start(&self.text, floor_boundary(&self.text, off))
    }

    /// Input byte offset where the character before text offset `off` ends (ceil: an
    /// offset inside a character maps to the end of that character's input bytes).
    ///
    /// ```
    /// let d = vanban::decode::decode_as(b"cha\xf8o", vanban::decode::Encoding::Vni).unwrap();
    /// assert_eq!(d.text, "chào");
    /// assert_eq!(d.to_input_end(4), 4); // "à" came from the two bytes 2..4
    /// assert_eq!(d.to_input_end(3), 4); // inside "à"
    /// ```
    pub fn to_input_end(&self, off: usize) -> usize {
        self.map.end(&self.text, ceil_boundary(&self.text, off))
    }

    /// Input byte range of text range `s..e`. An empty range maps to an empty range.
    pub fn to_input(&self, s: usize, e: usize) -> (usize, usize) {
        span_to_input(&self.map, &self.text, s, e)
    }

    /// Number of entries in the offset map (a measure of its size: each entry is 12
    /// bytes and covers up to a few hundred bytes of text, or a run of characters of one
    /// shape; UTF-8 input needs none).
    pub fn map_entries(&self) -> usize {
        self.map.runs.len()
    }
}

/// Why bytes could not be decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Looks like UTF-8 but is not: offset of the first bad byte and why.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte in the input (a BOM counted).
        offset: usize,
        /// What is wrong there.
        reason: String,
    },
    /// Two or more encodings decode it about equally well (each with its score).
    Ambiguous {
        /// The encodings within the margin of the best, best first.
        candidates: Vec<(Encoding, f32)>,
    },
    /// No supported encoding yields Vietnamese.
    Unknown {
        /// Every encoding tried, best first.
        candidates: Vec<(Encoding, f32)>,
    },
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn list(f: &mut fmt::Formatter<'_>, c: &[(Encoding, f32)]) -> fmt::Result {
            for (i, (e, s)) in c.iter().enumerate() {
                write!(f, "{}{} {:.2}", if i == 0 { "" } else { ", " }, e, s)?;
            }
            Ok(())
        }
        match self {
            DecodeError::InvalidUtf8 { offset, reason } => write!(f, "invalid UTF-8 at byte {offset}: {reason}"),
            DecodeError::Ambiguous { candidates } => {
                f.write_str("ambiguous encoding: ")?;
                list(f, candidates)
            }
            DecodeError::Unknown { candidates } => {
                f.write_str("no supported encoding yields Vietnamese (scores: ")?;
                list(f, candidates)?;
                f.write_str(")")
            }
            DecodeError::TooLarge { size, limit } => write!(f, "input of {size} bytes is over the limit of {limit}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Text repaired by [`repair`], what it was broken by, and a map back to the given string.
#[derive(Clone, Debug, PartialEq)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// What the broken parts were: `"cp1252-mojibake"`, `"latin1-mojibake"`, `"tcvn3"` or `"vni"`.
    pub from: &'static str,
    /// Share of valid Vietnamese syllables among the words with non-ASCII letters in
    /// the repaired text (0..=1).
    pub confidence: f32,
    map: OffsetMap,
}

impl Repaired {
    /// Byte offset in the given string of text offset `off` (floor, as [`Decoded::to_input_start`]).
    pub fn to_input_start(&self, off: usize) -> usize {
        self.map.start(&self.text, floor_boundary(&self.text, off))
    }
    /// Byte offset in the given string where the character before `off` ends (ceil).
    pub fn to_input_end(&self, off: usize) -> usize {
        self.map.end(&self.text, ceil_boundary(&self.text, off))
    }
    /// Range in the given string of text range `s..e`.
    ///
    /// ```
    /// let r = vanban::decode::repair("Ông Nguyá»…n VÄƒn An").unwrap();
    /// assert_eq!(r.text, "Ông Nguyễn Văn An");
    /// assert_eq!(r.from, "cp1252-mojibake");
    /// assert_eq!(r.to_input(5, 13), (5, 17)); // "Nguyễn" ← "Nguyá»…n"
    /// ```
    pub fn to_input(&self, s: usize, e: usize) -> (usize, usize) {
        span_to_input(&self.map, &self.text, s, e)
    }
}

/// `off` (at most `s.len()`), moved back to a character boundary of `s`.
pub(crate) fn floor_boundary(s: &str, off: usize) -> usize {
    let mut off = off.min(s.len());
    while !s.is_char_boundary(off) {
        off -= 1;
    }
    off
}

fn ceil_boundary(s: &str, off: usize) -> usize {
    let mut off = off.min(s.len());
    while !s.is_char_boundary(off) {
        off += 1;
    }
    off
}

fn span_to_input(map: &OffsetMap, text: &str, s: usize, e: usize) -> (usize, usize) {
    if e <= s {
        let a = map.start(text, floor_boundary(text, s));
        return (a, a);
    }
    let s = floor_boundary(text, s);
    let e = ceil_boundary(text, e);
    let a = map.start(text, s);
    if e <= s {
        return (a, a);
    }
    (a, map.end(text, e).max(a))
}

// ---------------------------------------------------------------------------
// Offset map: a sparse list of runs; identity between runs
// ---------------------------------------------------------------------------

/// A stretch of the text and where it came from. Three shapes:
/// * `out_len > 0`: `n` consecutive characters, each `out_len` text bytes made from
///   `in_len` input bytes (UTF-16 ASCII, VIQR "o+", TCVN3 "A¸" …);
/// * `out_len == 0`: `n` text bytes (at most `SPAN_CAP`) made from `in_len` input bytes,
///   each character from as many bytes as its [`UnitKind`] says (one per character for
///   TCVN3 and CP1258 text; VNI letters with accents from two). Looking up an offset
///   inside walks these few characters of the text;
/// * `n == 0` (with `out_len > 0`): an anchor that only moves the input position
///   (skipped bytes such as a BOM).
///
/// From the end of a run to the next one, text and input advance byte for byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    out: u32,
    inp: u32,
    n: u16,
    out_len: u8,
    in_len: u8,
}

/// Longest span (in text bytes) of a unit run: bounds the walk of a lookup.
const SPAN_CAP: usize = 192;

/// How many input bytes made each character of a unit run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum UnitKind {
    /// One (single-byte encodings).
    #[default]
    One,
    /// VNI: two for a vowel written with an accent byte, else one.
    Vni,
    /// UTF-16: two, four above U+FFFF.
    Utf16,
}

impl UnitKind {
    #[inline]
    fn in_len(self, c: char) -> usize {
        match self {
            UnitKind::One => 1,
            UnitKind::Vni => match vowel_info(c) {
                // Written with an accent byte: toned or modified vowels, except the
                // one-byte ơ ư, toned i and ỵ.
                Some((s, t, _)) if t > 0 || matches!(s, SK_AW | SK_AA | SK_EE | SK_OO) => {
                    if s == SK_I || (s == SK_Y && t == T_DOT) { 1 } else { 2 }
                }
                _ => 1,
            },
            UnitKind::Utf16 => {
                if (c as u32) > 0xFFFF {
                    4
                } else {
                    2
                }
            }
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct OffsetMap {
    runs: Vec<Run>,
    out_total: usize,
    in_total: usize,
    kind: UnitKind,
}

impl OffsetMap {
    fn identity(len: usize) -> Self {
        OffsetMap { runs: Vec::new(), out_total: len, in_total: len, kind: UnitKind::One }
    }

    /// Input range of the character that contains text byte `p` (`p < out_total`) of
    /// `text`, the text this map belongs to.
    fn char_at(&self, text: &str, p: usize) -> (usize, usize) {
        let i = self.runs.partition_point(|r| r.out as usize <= p);
        if i == 0 {
            return (p, p + 1);
        }
        let r = self.runs[i - 1];
        let (ro, ri, n, ol, il) = (r.out as usize, r.inp as usize, r.n as usize, r.out_len as usize, r.in_len as usize);
        if ol == 0 {
            let end = ro + n;
            if p < end {
                let (mut o, mut q) = (ro, ri);
                for c in text.get(ro..end).unwrap_or_default().chars() {
                    let (l, cl) = (c.len_utf8(), self.kind.in_len(c));
                    if p < o + l {
                        return (q, q + cl);
                    }
                    o += l;
                    q += cl;
                }
            }
            let q = ri + il + (p - end);
            return (q, q + 1);
        }
        let rel = p - ro;
        let span = n * ol;
        if rel < span {
            let k = rel / ol;
            (ri + k * il, ri + (k + 1) * il)
        } else {
            let q = ri + n * il + (rel - span);
            (q, q + 1)
        }
    }

    /// Input range of the character at `o` (whose length is `len`); the tests check
    /// [`OffsetMap::char_ranges`] against it.
    #[cfg(test)]
    fn range_of(&self, text: &str, o: usize, len: usize) -> (usize, usize) {
        (self.char_at(text, o).0, self.char_at(text, o + len - 1).1)
    }

    /// The input range of every character of `text`, in order: what `range_of` gives
    /// for each, in one walk over the runs (`range_of` alone re-walks a unit run of up
    /// to [`SPAN_CAP`] bytes for every character in it).
    fn char_ranges<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, char, usize, usize)> + 'a {
        let mut i = 0usize; // runs[..i] start at or before the current character
        let mut walk = (0usize, 0usize); // unit run i - 1 and the input offset of the next character in it
        text.char_indices().map(move |(o, c)| {
            while i < self.runs.len() && self.runs[i].out as usize <= o {
                i += 1;
            }
            let l = c.len_utf8();
            if i == 0 {
                return (o, c, o, o + l);
            }
            let r = self.runs[i - 1];
            let (ro, ri, n, ol, il) =
                (r.out as usize, r.inp as usize, r.n as usize, r.out_len as usize, r.in_len as usize);
            if ol == 0 {
                if o < ro + n {
                    // Inside a unit run: go on from the previous character of the run.
                    if walk.0 != i {
                        walk = (i, ri);
                    }
                    let cl = self.kind.in_len(c);
                    let q = walk.1;
                    walk.1 += cl;
                    return (o, c, q, q + cl);
                }
                let q = ri + il + (o - ro - n);
                return (o, c, q, q + l);
            }
            let rel = o - ro;
            let span = n * ol;
            if rel < span {
                let k = rel / ol;
                let last = (rel + l - 1) / ol;
                (o, c, ri + k * il, ri + (last + 1) * il)
            } else {
                let q = ri + n * il + (rel - span);
                (o, c, q, q + l)
            }
        })
    }

    fn start(&self, text: &str, off: usize) -> usize {
        if off >= self.out_total { self.in_total } else { self.char_at(text, off).0 }
    }

    fn end(&self, text: &str, off: usize) -> usize {
        let off = off.min(self.out_total);
        if off == 0 { self.start(text, 0) } else { self.char_at(text, off - 1).1 }
    }
}

#[derive(Default)]
struct MapBuilder {
    runs: Vec<Run>,
    out: usize,
    inp: usize,
    kind: UnitKind,
}

impl MapBuilder {
    fn new(kind: UnitKind, capacity: usize) -> Self {
        MapBuilder { runs: Vec::with_capacity(capacity), out: 0, inp: 0, kind }
    }

    /// `n` bytes copied unchanged (any UTF-8).
    #[inline]
    fn ident(&mut self, n: usize) {
        self.out += n;
        self.inp += n;
    }

    /// `n` ASCII characters, one input byte each: joins an open unit run when it fits.
    #[inline]
    fn ascii(&mut self, n: usize) {
        if let Some(r) = self.runs.last_mut() {
            if r.out_len == 0
                && r.out as usize + r.n as usize == self.out
                && r.inp as usize + r.in_len as usize == self.inp
                && r.n as usize + n <= SPAN_CAP
                && r.in_len as usize + n <= u8::MAX as usize
                && self.kind != UnitKind::Utf16
            {
                r.n += n as u16;
                r.in_len += n as u8;
            }
        }
        self.out += n;
        self.inp += n;
    }

    /// Character `c` made from `in_len` input bytes.
    #[inline]
    fn push(&mut self, c: char, in_len: usize) {
        if in_len == self.kind.in_len(c) {
            self.push_unit(c.len_utf8(), in_len);
        } else {
            self.unit(c.len_utf8(), in_len);
        }
    }

    /// A character of `ol` text bytes from `in_len` input bytes, where `in_len` is what
    /// the map's kind gives that character.
    #[inline]
    fn push_unit(&mut self, ol: usize, in_len: usize) {
        if let Some(r) = self.runs.last_mut() {
            if r.out_len == 0
                && r.out as usize + r.n as usize == self.out
                && r.inp as usize + r.in_len as usize == self.inp
                && r.n as usize + ol <= SPAN_CAP
                && r.in_len as usize + in_len <= u8::MAX as usize
            {
                r.n += ol as u16;
                r.in_len += in_len as u8;
                self.out += ol;
                self.inp += in_len;
                return;
            }
        }
        self.runs.push(Run {
            out: self.out as u32,
            inp: self.inp as u32,
            n: ol as u16,
            out_len: 0,
            in_len: in_len as u8,
        });
        self.out += ol;
        self.inp += in_len;
    }

    /// One character of `out_len` text bytes made from `in_len` input bytes.
    #[inline]
    fn unit(&mut self, out_len: usize, in_len: usize) {
        if out_len == 1 && in_len == 1 {
            self.out += 1;
            self.inp += 1;
            return;
        }
        if in_len > u8::MAX as usize {
            // Pathological (hundreds of combining marks): map to the first 255 bytes.
            self.unit(out_len, u8::MAX as usize);
            self.skip(in_len - u8::MAX as usize);
            return;
        }
        if let Some(r) = self.runs.last_mut() {
            if r.n > 0
                && r.n < u16::MAX
                && r.out_len as usize == out_len
                && r.in_len as usize == in_len
                && r.out as usize + r.n as usize * out_len == self.out
                && r.inp as usize + r.n as usize * in_len == self.inp
            {
                r.n += 1;
                self.out += out_len;
                self.inp += in_len;
                return;
            }
        }
        self.runs.push(Run {
            out: self.out as u32,
            inp: self.inp as u32,
            n: 1,
            out_len: out_len as u8,
            in_len: in_len as u8,
        });
        self.out += out_len;
        self.inp += in_len;
    }

    /// `n` input bytes that produce no text.
    fn skip(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        self.inp += n;
        self.anchor();
    }

    fn anchor(&mut self) {
        match self.runs.last_mut() {
            Some(r) if r.n == 0 && r.out as usize == self.out => r.inp = self.inp as u32,
            _ => self.runs.push(Run { out: self.out as u32, inp: self.inp as u32, n: 0, out_len: 1, in_len: 1 }),
        }
    }

    fn finish(mut self, in_total: usize) -> OffsetMap {
        if self.inp != in_total {
            self.inp = in_total;
            self.anchor();
        }
        self.runs.shrink_to_fit();
        OffsetMap { runs: self.runs, out_total: self.out, in_total, kind: self.kind }
    }
}

// ---------------------------------------------------------------------------
// Vietnamese letters
// ---------------------------------------------------------------------------

const SK_A: usize = 0;
const SK_AW: usize = 1; // ă
const SK_AA: usize = 2; // â
const SK_E: usize = 3;
const SK_EE: usize = 4; // ê
const SK_I: usize = 5;
const SK_O: usize = 6;
const SK_OO: usize = 7; // ô
const SK_OW: usize = 8; // ơ
const SK_U: usize = 9;
const SK_UW: usize = 10; // ư
const SK_Y: usize = 11;

/// Tone indices: none, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot below (nặng).
const T_ACUTE: usize = 2;
const T_DOT: usize = 5;

/// The combining mark of each tone index (index 0 unused).
const TONE_MARKS: [char; 6] = ['\0', '\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// The 134 Vietnamese vowel letters: `VOWELS[upper][skeleton][tone]`. Typed from the
/// Unicode code charts; the test `vowel_table_matches_unicode_decomposition` checks
/// every entry against the canonical decomposition of `unicode-normalization`.
const VOWELS: [[[char; 6]; 12]; 2] = [
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

const NO_INFO: u8 = 0xFF;

/// Lookup table `code point - lo → upper<<7 | skeleton<<3 | tone` (or `NO_INFO`).
const fn build_vowel_info<const N: usize>(lo: u32) -> [u8; N] {
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

static VOWEL_INFO_LATIN: [u8; 0x170] = build_vowel_info(0x41); // U+0041..=U+01B0
static VOWEL_INFO_EXT: [u8; 0x5A] = build_vowel_info(0x1EA0); // U+1EA0..=U+1EF9

/// `(skeleton, tone, upper)` of a Vietnamese vowel letter (precomposed).
#[inline]
fn vowel_info(c: char) -> Option<(usize, usize, bool)> {
    let u = c as u32;
    let v = if (0x41..0x1B1).contains(&u) {
        VOWEL_INFO_LATIN[(u - 0x41) as usize]
    } else if (0x1EA0..0x1EFA).contains(&u) {
        VOWEL_INFO_EXT[(u - 0x1EA0) as usize]
    } else {
        return None;
    };
    if v == NO_INFO { None } else { Some((((v & 0x7F) >> 3) as usize, (v & 7) as usize, v & 0x80 != 0)) }
}

#[inline]
fn viet(skel: usize, tone: usize, upper: bool) -> char {
    VOWELS[upper as usize][skel][tone]
}

/// `base` with tone `tone` (1..=5) composed, NFC. `None` when NFC keeps them apart.
fn compose_tone(base: char, tone: usize) -> Option<char> {
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

fn is_viet_letter(c: char) -> bool {
    vowel_info(c).is_some() || matches!(c, 'đ' | 'Đ') || c.is_ascii_alphabetic()
}

// ---------------------------------------------------------------------------
// Syllable validator and scoring
// ---------------------------------------------------------------------------

// Letter units of the validator: ASCII consonants and plain vowels as themselves, the
// modified vowels and đ as digits.
const U_AW: u8 = b'1';
const U_AA: u8 = b'2';
const U_EE: u8 = b'3';
const U_OO: u8 = b'4';
const U_OW: u8 = b'5';
const U_UW: u8 = b'6';
const U_DD: u8 = b'7';
const SKEL_UNIT: [u8; 12] = [b'a', U_AW, U_AA, b'e', U_EE, b'i', b'o', U_OO, U_OW, b'u', U_UW, b'y'];

fn is_vowel_unit(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'1'..=b'6')
}

fn is_modified_unit(b: u8) -> bool {
    matches!(b, b'1'..=b'6')
}

const K_OPEN: u16 = 1;
const K_C: u16 = 2;
const K_CH: u16 = 4;
const K_M: u16 = 8;
const K_N: u16 = 16;
const K_NG: u16 = 32;
const K_NH: u16 = 64;
const K_P: u16 = 128;
const K_T: u16 = 256;
const K_STOPS: u16 = K_C | K_CH | K_P | K_T;

/// Codas a vowel nucleus (including glides) takes; 0 when it is not a nucleus.
fn nucleus_codas(v: &[u8]) -> u16 {
    const ALL: u16 = K_OPEN | K_C | K_CH | K_M | K_N | K_NG | K_NH | K_P | K_T;
    const CMNP: u16 = K_C | K_M | K_N | K_NG | K_P | K_T;
    match v {
        [b'a'] | [b'o', b'a'] => ALL,
        [U_AW] | [U_AA] | [b'o', U_AW] | [U_UW, U_OW] | [b'i', U_EE] => CMNP,
        [b'e'] | [b'o'] | [U_OO] | [b'u'] => K_OPEN | CMNP,
        [U_EE] | [b'i'] => K_OPEN | K_CH | K_M | K_N | K_NH | K_P | K_T,
        [U_OW] => K_OPEN | K_M | K_N | K_P | K_T,
        [U_UW] => K_OPEN | K_C | K_M | K_N | K_NG | K_T,
        [b'o', b'e'] => K_OPEN | K_N | K_T,
        [b'o', b'o'] => K_C | K_NG,
        [b'u', U_AA] => K_N | K_NG | K_T,
        [b'u', U_EE] => K_OPEN | K_CH | K_N | K_NH,
        [b'u', b'y'] => K_OPEN | K_CH | K_N | K_NH | K_P | K_T,
        [b'u', U_OO] => K_C | K_M | K_N | K_NG | K_T,
        [b'y', U_EE] => K_M | K_N | K_T,
        [b'u', b'y', U_EE] => K_N | K_T,
        [b'u', b'y', b'a'] => K_OPEN,
        [b'y']
        | [b'a', b'i']
        | [b'a', b'o']
        | [b'a', b'u']
        | [b'a', b'y']
        | [U_AA, b'u']
        | [U_AA, b'y']
        | [b'e', b'o']
        | [U_EE, b'u']
        | [b'i', b'a']
        | [b'i', b'u']
        | [b'o', b'i']
        | [U_OO, b'i']
        | [U_OW, b'i']
        | [b'u', b'i']
        | [U_UW, b'i']
        | [U_UW, b'u']
        | [b'u', b'a']
        | [U_UW, b'a']
        | [b'u', U_OW]
        | [b'o', b'a', b'i']
        | [b'o', b'a', b'o']
        | [b'o', b'a', b'y']
        | [b'o', b'e', b'o']
        | [b'u', U_AA, b'y']
        | [b'u', U_OO, b'i']
        | [b'u', b'y', b'u']
        | [U_UW, U_OW, b'i']
        | [U_UW, U_OW, b'u']
        | [b'i', U_EE, b'u']
        | [b'y', U_EE, b'u'] => K_OPEN,
        _ => 0,
    }
}

/// Initial consonants ("q" only as "qu"; "gi" is also tried as "g" + "i…").
const ONSETS: [&[u8]; 27] = [
    b"ngh", b"ng", b"nh", b"ch", b"gh", b"gi", b"kh", b"ph", b"qu", b"th", b"tr", b"b", b"c", b"d", b"7", b"g", b"h",
    b"k", b"l", b"m", b"n", b"p", b"r", b"s", b"t", b"v", b"x",
];

fn rime_valid(r: &[u8], tone: usize, tpos: usize) -> bool {
    let k = r.iter().take_while(|&&b| is_vowel_unit(b)).count();
    if k == 0 || k > 3 {
        return false;
    }
    let coda = match &r[k..] {
        [] => K_OPEN,
        b"c" => K_C,
        b"ch" => K_CH,
        b"m" => K_M,
        b"n" => K_N,
        b"ng" => K_NG,
        b"nh" => K_NH,
        b"p" => K_P,
        b"t" => K_T,
        _ => return false,
    };
    let v = &r[..k];
    if nucleus_codas(v) & coda == 0 {
        return false;
    }
    // Syllables closed by a stop take only the acute or the dot below.
    if coda & K_STOPS != 0 && tone != T_ACUTE && tone != T_DOT {
        return false;
    }
    if tone == 0 {
        return true;
    }
    // "khuya" takes no tone.
    if v == [b'u', b'y', b'a'] {
        return false;
    }
    if tpos >= k {
        return false;
    }
    // Where the tone may sit (old and new placement both accepted).
    if v.iter().any(|&b| is_modified_unit(b)) {
        return is_modified_unit(v[tpos]);
    }
    if coda != K_OPEN {
        return tpos == k - 1;
    }
    match k {
        1 => true,
        2 => tpos == 0 || matches!(v, [b'o', b'a'] | [b'o', b'e'] | [b'u', b'y'] | [b'o', b'o']),
        _ => tpos == 1,
    }
}

/// The [`ONSETS`] that start with `b`.
fn onsets_from(b: u8) -> &'static [&'static [u8]] {
    match b {
        b'n' => &[b"ngh", b"ng", b"nh", b"n"],
        b'g' => &[b"gh", b"gi", b"g"],
        b'c' => &[b"ch", b"c"],
        b'k' => &[b"kh", b"k"],
        b'p' => &[b"ph", b"p"],
        b't' => &[b"th", b"tr", b"t"],
        b'q' => &[b"qu"],
        _ => match ONSETS.iter().position(|o| o.len() == 1 && o[0] == b) {
            Some(i) => &ONSETS[i..=i],
            None => &[],
        },
    }
}

fn syllable_units_valid(u: &[u8], tone: usize, tpos: usize) -> bool {
    if rime_valid(u, tone, tpos) {
        return true;
    }
    // Only the onsets that start with the word's first letter can match.
    let onsets = u.first().map_or(&[][..], |&b| onsets_from(b));
    onsets.iter().any(|o| {
        u.len() > o.len()
            && u.starts_with(o)
            && (tone == 0 || tpos >= o.len())
            && rime_valid(&u[o.len()..], tone, tpos.wrapping_sub(o.len()))
    })
}

/// Whether the word (letters only, NFC) is a valid Vietnamese syllable; `None` for an
/// upper-case ASCII acronym that is not one ("UBND", "HĐND") and for a single letter
/// that is not one ("đ", initials), which scoring skips.
fn word_verdict(w: &str) -> Option<bool> {
    let mut units = [0u8; 8];
    let (mut n, mut tone, mut tpos, mut count) = (0usize, 0usize, 0usize, 0usize);
    let mut ok = true;
    let mut acronym = true;
    for c in w.chars() {
        count += 1;
        let unit = if c.is_ascii_alphabetic() {
            if c.is_ascii_lowercase() {
                acronym = false;
            }
            c.to_ascii_lowercase() as u8
        } else if matches!(c, 'đ' | 'ð') {
            acronym = false;
            U_DD
        } else if matches!(c, 'Đ' | 'Ð') {
            U_DD
        } else if let Some((s, t, _)) = vowel_info(c) {
            acronym = false;
            if t > 0 {
                if tone > 0 {
                    ok = false;
                }
                tone = t;
                tpos = n;
            }
            SKEL_UNIT[s]
        } else {
            ok = false;
            acronym = false;
            0
        };
        if n < units.len() {
            units[n] = unit;
            n += 1;
        } else {
            ok = false;
        }
    }
    let valid = ok && syllable_units_valid(&units[..n], tone, tpos);
    // Skipped: acronyms ("UBND") and single letters ("đ" for đồng, initials, "a)").
    if !valid && ((acronym && count >= 2) || count == 1) { None } else { Some(valid) }
}

fn word_is_valid(w: &str) -> bool {
    word_verdict(w) == Some(true)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Stats {
    words: u32,
    valid: u32,
    /// Words with a non-ASCII letter.
    words_na: u32,
    valid_na: u32,
    /// Non-ASCII symbols glued to letters ("nh©n", "tr\u{AD}êng").
    glued: u32,
}

impl Stats {
    /// Share of valid syllables among the words an encoding decides; `None` without any.
    fn evidence(&self) -> Option<f32> {
        let d = self.words_na + self.glued;
        if d == 0 { None } else { Some(self.valid_na as f32 / d as f32) }
    }
    fn invalid(&self) -> u32 {
        self.words - self.valid + self.glued
    }
}

fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// 0 = not suspect, 1 = suspect next to a letter, 2 = suspect only between letters.
fn glue_class(c: char) -> u8 {
    match c {
        '“' | '”' | '‘' | '’' | '„' | '‚' | '–' | '—' | '…' | '•' | '′' | '″' | '€' | '₫' | '™' | '°' | '²' | '³' => {
            0
        }
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => 0, // invisible format characters
        '«' | '»' | '‹' | '›' => 2,
        _ if c.is_ascii() || crate::key::is_alphabetic(c) || c.is_whitespace() || is_combining_mark(c) => 0,
        _ => 1,
    }
}

fn analyze(s: &str) -> Stats {
    let mut st = Stats::default();
    let mut word: Option<(usize, bool, bool)> = None; // (start, has non-ASCII, has combining)
    let mut prev_alpha = false;
    fn finish(st: &mut Stats, w: &str, na: bool, comb: bool) {
        let verdict = if comb { word_verdict(&w.nfc().collect::<String>()) } else { word_verdict(w) };
        if let Some(v) = verdict {
            st.words += 1;
            st.valid += v as u32;
            if na {
                st.words_na += 1;
                st.valid_na += v as u32;
            }
        }
    }
    // A single word of letters (what the scrambled-diacritics check passes): one verdict.
    if !s.is_empty() && s.chars().all(crate::key::is_alphabetic) {
        finish(&mut st, s, !s.is_ascii(), false);
        return st;
    }
    for (i, c) in s.char_indices() {
        let alpha = crate::key::is_alphabetic(c);
        if alpha || (word.is_some() && is_combining_mark(c)) {
            let w = word.get_or_insert((i, false, false));
            w.1 |= !c.is_ascii();
            w.2 |= !alpha;
        } else {
            if let Some((ws, na, comb)) = word.take() {
                finish(&mut st, &s[ws..i], na, comb);
            }
            let class = glue_class(c);
            if class != 0 {
                let next_alpha = s[i + c.len_utf8()..].chars().next().is_some_and(crate::key::is_alphabetic);
                if (class == 1 && (prev_alpha || next_alpha)) || (class == 2 && prev_alpha && next_alpha) {
                    st.glued += 1;
                }
            }
        }
        prev_alpha = alpha;
    }
    if let Some((ws, na, comb)) = word {
        finish(&mut st, &s[ws..], na, comb);
    }
    st
}

/// Share of word tokens (runs of letters, lower-case folded) that are valid Vietnamese
/// syllables, 0..=1: initial consonant cluster + vowel nucleus (with glides) + final
/// consonant, with legal tone placement and only the acute or dot-below tone after a
/// final stop (c, ch, p, t). Upper-case acronyms and single letters that are not
/// syllables ("UBND", "đ") are skipped; a non-ASCII symbol glued to a letter ("nh©n")
/// counts as one invalid token. 0.0 when there is no word.
///
/// ```
/// use vanban::decode::vietnamese_score;
/// assert_eq!(vietnamese_score("Hội nghị sơ kết công tác dân vận"), 1.0);
/// assert_eq!(vietnamese_score("Héi nghÞ s¬ kÕt"), 0.0);
/// assert!(vietnamese_score("The quick brown fox") < 0.3);
/// ```
pub fn vietnamese_score(s: &str) -> f32 {
    score_of(analyze(s))
}

fn score_of(st: Stats) -> f32 {
    let d = st.words + st.glued;
    if d == 0 { 0.0 } else { st.valid as f32 / d as f32 }
}

/// [`vietnamese_score`] of `words` joined with spaces, without joining them: a space
/// is neither a letter nor a suspect symbol, so the statistics of the joined text are
/// the sums of the words'.
pub(crate) fn vietnamese_score_of_words<'a>(words: impl IntoIterator<Item = &'a str>) -> f32 {
    let mut total = Stats::default();
    for w in words {
        let st = analyze(w);
        total.words += st.words;
        total.valid += st.valid;
        total.words_na += st.words_na;
        total.valid_na += st.valid_na;
        total.glued += st.glued;
    }
    score_of(total)
}

// ---------------------------------------------------------------------------
// Byte tables
// ---------------------------------------------------------------------------

/// Windows-1252, 0x80..=0x9F. The five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) map to
/// the C1 controls of the same value, as in Latin-1. Checked against Python's `cp1252`
/// codec and GNU libiconv's `cp1252.h` (tests `cp1258_and_cp1252_tables_match_*`).
const CP1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// 0x80..=0xFF: CP1252 below 0xA0, Latin-1 above, then `overrides` (byte, char).
const fn high_table(overrides: &[(u8, char)]) -> [char; 128] {
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
const TCVN3_HIGH: [char; 128] = high_table(&[
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
const fn tcvn3_lower_letters() -> [bool; 128] {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = TCVN3_HIGH[b] as u32;
        t[b] = c == 'đ' as u32;
        let mut s = 0;
        while s < 12 {
            let mut k = 0;
            while k < 6 {
                if VOWELS[0][s][k] as u32 == c {
                    t[b] = true;
                }
                k += 1;
            }
            s += 1;
        }
        b += 1;
    }
    t
}
static TCVN3_IS_LOWER: [bool; 128] = tcvn3_lower_letters();

/// Tone index of the VN2 combining bytes 0xB0..=0xB4 (grave, hook, tilde, acute, dot).
const TCVN3_COMBINING_TONE: [usize; 5] = [1, 3, 4, 2, 5];

/// Skeleton of a capital a TCVN3 converter writes before a lower-case toned code
/// ("A¸" = Á, "¢Ê" = Ấ), or `NO_INFO`.
const fn tcvn3_capital_skeletons() -> [u8; 256] {
    let mut t = [NO_INFO; 256];
    t[b'A' as usize] = SK_A as u8;
    t[0xA1] = SK_AW as u8;
    t[0xA2] = SK_AA as u8;
    t[b'E' as usize] = SK_E as u8;
    t[0xA3] = SK_EE as u8;
    t[b'I' as usize] = SK_I as u8;
    t[b'O' as usize] = SK_O as u8;
    t[0xA4] = SK_OO as u8;
    t[0xA5] = SK_OW as u8;
    t[b'U' as usize] = SK_U as u8;
    t[0xA6] = SK_UW as u8;
    t[b'Y' as usize] = SK_Y as u8;
    t
}
static TCVN3_CAPITAL: [u8; 256] = tcvn3_capital_skeletons();

/// TCVN3 code of each lower-case vowel letter `[skeleton][tone]` (VN3 positions only).
const fn tcvn3_lower_codes() -> [[u8; 6]; 12] {
    let mut t = [[0u8; 6]; 12];
    let mut s = 0;
    while s < 12 {
        t[s][0] = VOWELS[0][s][0] as u8; // plain a e i o u y (ASCII); fixed below
        s += 1;
    }
    let mut b = 0;
    while b < 128 {
        let c = TCVN3_HIGH[b] as u32;
        let mut s = 0;
        while s < 12 {
            let mut k = 0;
            while k < 6 {
                if VOWELS[0][s][k] as u32 == c && b >= 0x20 {
                    t[s][k] = 0x80 + b as u8;
                }
                k += 1;
            }
            s += 1;
        }
        b += 1;
    }
    t
}
static TCVN3_LOWER: [[u8; 6]; 12] = tcvn3_lower_codes();
/// Untoned capital per skeleton: A ¡ ¢ E £ I O ¤ ¥ U ¦ Y.
const TCVN3_CAPITAL_CODE: [u8; 12] = [b'A', 0xA1, 0xA2, b'E', 0xA3, b'I', b'O', 0xA4, 0xA5, b'U', 0xA6, b'Y'];

/// VNI-Windows, bytes 0x80..=0xFF as single characters: CP1252 below 0xA0, Latin-1
/// above, except the letters VNI codes in one byte: ñ Ñ = đ Đ, ô Ô = ơ Ơ, ö Ö = ư Ư,
/// ì í æ ó ò = ì í ỉ ĩ ị (and capitals Ì Í Æ Ó Ò), î Î = ỵ Ỵ. Accent bytes after a base
/// letter are handled by `VNI_ACCENT`; alone they stay Latin-1.
///
/// Checked against two independent public tables: `vni.h` of the xvnkb keyboard driver
/// (public `lamdao/xvnkb` repository) and the `VNI_WINDOWS_TABLE` of the VBKey converter
/// (public `khiemdoan/VBKey`, `mdlCodeTable.bas`, which lists the same bytes as they
/// appear when read as MacRoman).
const VNI_HIGH: [char; 128] = high_table(&[
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
const fn vni_high_unit() -> [bool; 128] {
    let mut t = [true; 128];
    let mut b = 0;
    while b < 128 {
        let c = VNI_HIGH[b] as u32;
        let mut up = 0;
        while up < 2 {
            let mut s = 0;
            while s < 12 {
                let mut k = 0;
                while k < 6 {
                    let accent = k > 0 || s == SK_AW || s == SK_AA || s == SK_EE || s == SK_OO;
                    let single = s == SK_I || (s == SK_Y && k == T_DOT);
                    if VOWELS[up][s][k] as u32 == c && accent && !single {
                        t[b] = false;
                    }
                    k += 1;
                }
                s += 1;
            }
            up += 1;
        }
        b += 1;
    }
    t
}
static VNI_HIGH_UNIT: [bool; 128] = vni_high_unit();

const VNI_TONE_ONLY: u8 = 1;
const VNI_CIRC: u8 = 2;
const VNI_BREVE: u8 = 3;

/// VNI accent bytes, 0x80..=0xFF → `kind << 3 | tone`, or `NO_INFO`. Lower-case font:
/// ø ù û õ ï = grave acute hook tilde dot; â á à å ã ä = circumflex alone / with acute
/// grave hook tilde dot; ê é è ú ü ë = breve alone / with acute grave hook tilde dot.
/// Upper-case font: Ø Ù Û Õ Ï, Â Á À Å Ã Ä, Ê É È Ú Ü Ë.
const fn vni_accents() -> [u8; 128] {
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
static VNI_ACCENT: [u8; 128] = vni_accents();

/// VNI base letters that take accent bytes → `upper << 7 | skeleton`, or `NO_INFO`.
const fn vni_bases() -> [u8; 256] {
    let mut t = [NO_INFO; 256];
    let lower: [(u8, usize); 8] = [
        (b'a', SK_A),
        (b'e', SK_E),
        (b'i', SK_I),
        (b'o', SK_O),
        (b'u', SK_U),
        (b'y', SK_Y),
        (0xF4, SK_OW),
        (0xF6, SK_UW),
    ];
    let upper: [(u8, usize); 8] = [
        (b'A', SK_A),
        (b'E', SK_E),
        (b'I', SK_I),
        (b'O', SK_O),
        (b'U', SK_U),
        (b'Y', SK_Y),
        (0xD4, SK_OW),
        (0xD6, SK_UW),
    ];
    let mut k = 0;
    while k < 8 {
        t[lower[k].0 as usize] = lower[k].1 as u8;
        t[upper[k].0 as usize] = 0x80 | upper[k].1 as u8;
        k += 1;
    }
    t
}
static VNI_BASE: [u8; 256] = vni_bases();

const VNI_TONE_BYTES: [[u8; 6]; 2] = [[0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF], [0, 0xD8, 0xD9, 0xDB, 0xD5, 0xCF]];
const VNI_CIRC_BYTES: [[u8; 6]; 2] = [[0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4], [0xC2, 0xC0, 0xC1, 0xC5, 0xC3, 0xC4]];
const VNI_BREVE_BYTES: [[u8; 6]; 2] = [[0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB], [0xCA, 0xC8, 0xC9, 0xDA, 0xDC, 0xCB]];
const VNI_I_BYTES: [[u8; 6]; 2] = [[b'i', 0xEC, 0xED, 0xE6, 0xF3, 0xF2], [b'I', 0xCC, 0xCD, 0xC6, 0xD3, 0xD2]];

/// Windows-1258, bytes 0x80..=0xFF. Undefined bytes (0x81 0x8A 0x8D 0x8E 0x8F 0x90 0x9A
/// 0x9D 0x9E) map to the C1 control of the same value (as WHATWG does). Checked against
/// two independent public tables: Python's built-in `cp1258` codec and GNU libiconv's
/// `cp1258.h` (tests `cp1258_and_cp1252_tables_match_*`, and the conformance file).
const CP1258_HIGH: [char; 128] = high_table(&[
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
fn cp1258_tone(b: u8) -> usize {
    match b {
        0xCC => 1,
        0xEC => 2,
        0xD2 => 3,
        0xDE => 4,
        0xF2 => 5,
        _ => 0,
    }
}

const CP1258_TONE_BYTES: [u8; 6] = [0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2];

/// Byte of `c` in a single-byte table (`< 0x80` as itself).
fn table_byte(table: &[char; 128], c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    table.iter().position(|&t| t == c).map(|i| 0x80 + i as u8)
}

// ---------------------------------------------------------------------------
// Decoders. Each returns (text, map); none fails.
// ---------------------------------------------------------------------------

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

fn decode_tcvn3(bytes: &[u8]) -> (String, OffsetMap) {
    let n = bytes.len();
    let mut k = Sink::new(n + n / 2, UnitKind::One);
    let mut run = 0; // start of the pending ASCII run
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if i > run {
            // The run's last byte may pair with this one ("A¸" = Á, "a" + combining tone).
            let a = bytes[i - 1];
            if TCVN3_CAPITAL[a as usize] != NO_INFO || (0xB0..=0xB4).contains(&b) {
                if let Some(c) = tcvn3_pair(a, b) {
                    k.ascii(&bytes[run..i - 1]);
                    k.letter(c, 2, false);
                    i += 1;
                    run = i;
                    continue;
                }
            }
            k.ascii(&bytes[run..i]);
        }
        if let Some(&next) = bytes.get(i + 1) {
            if next >= 0x80 {
                if let Some(c) = tcvn3_pair(b, next) {
                    k.letter(c, 2, false);
                    i += 2;
                    run = i;
                    continue;
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
        i += 1;
        run = i;
    }
    k.ascii(&bytes[run..n]);
    k.finish(n)
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
        (VNI_CIRC, SK_A) => SK_AA,
        (VNI_CIRC, SK_E) => SK_EE,
        (VNI_CIRC, SK_O) => SK_OO,
        (VNI_BREVE, SK_A) => SK_AW,
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
    let unit = used == 2 && skel != SK_I && !(skel == SK_Y && tone == T_DOT);
    Some((viet(skel, tone, upper), used, unit))
}

fn decode_vni(bytes: &[u8]) -> (String, OffsetMap) {
    let n = bytes.len();
    let mut k = Sink::new(n + n / 4, UnitKind::Vni);
    let mut run = 0; // start of the pending ASCII run
    let mut i = 0;
    while i < n {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        if i > run {
            // An ASCII base letter followed by accent bytes.
            if let Some((c, used, unit)) = vni_seq(bytes, i - 1) {
                k.ascii(&bytes[run..i - 1]);
                k.letter(c, used, unit);
                i += used - 1;
                run = i;
                continue;
            }
            k.ascii(&bytes[run..i]);
        }
        if let Some((c, used, unit)) = vni_seq(bytes, i) {
            k.letter(c, used, unit);
            i += used;
        } else {
            let b = (bytes[i] - 0x80) as usize;
            k.letter(VNI_HIGH[b], 1, VNI_HIGH_UNIT[b]);
            i += 1;
        }
        run = i;
    }
    k.ascii(&bytes[run..n]);
    k.finish(n)
}

fn decode_cp1258(bytes: &[u8]) -> (String, OffsetMap) {
    let n = bytes.len();
    let mut k = Sink::new(n + n / 2, UnitKind::One);
    let ch = |b: u8| if b < 0x80 { b as char } else { CP1258_HIGH[(b - 0x80) as usize] };
    let pair = |i: usize| -> Option<char> {
        let t = cp1258_tone(*bytes.get(i + 1)?);
        if t == 0 { None } else { compose_tone(ch(bytes[i]), t) }
    };
    let mut run = 0;
    let mut i = 0;
    while i < n {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        if i > run {
            if let Some(c) = pair(i - 1) {
                k.ascii(&bytes[run..i - 1]);
                k.letter(c, 2, false);
                i += 1;
                run = i;
                continue;
            }
            k.ascii(&bytes[run..i]);
        }
        if let Some(c) = pair(i) {
            k.letter(c, 2, false);
            i += 2;
        } else {
            k.char(ch(bytes[i]), 1);
            i += 1;
        }
        run = i;
    }
    k.ascii(&bytes[run..n]);
    k.finish(n)
}

fn decode_utf16(bytes: &[u8], le: bool) -> (String, OffsetMap) {
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

/// VIQR mark characters: breve, circumflex, horn, then the tones acute, grave, hook,
/// tilde, dot below.
const VIQR_MARKS: &[u8] = b"(^+'`?~.";

fn viqr_tone(b: u8) -> usize {
    match b {
        b'`' => 1,
        b'\'' => 2,
        b'?' => 3,
        b'~' => 4,
        b'.' => 5,
        _ => 0,
    }
}

fn viqr_modifier(skel: usize, b: u8) -> Option<usize> {
    match (skel, b) {
        (SK_A, b'(') => Some(SK_AW),
        (SK_A, b'^') => Some(SK_AA),
        (SK_E, b'^') => Some(SK_EE),
        (SK_O, b'^') => Some(SK_OO),
        (SK_O, b'+') => Some(SK_OW),
        (SK_U, b'+') => Some(SK_UW),
        _ => None,
    }
}

fn ascii_vowel_skel(b: u8) -> Option<usize> {
    match b.to_ascii_lowercase() {
        b'a' => Some(SK_A),
        b'e' => Some(SK_E),
        b'i' => Some(SK_I),
        b'o' => Some(SK_O),
        b'u' => Some(SK_U),
        b'y' => Some(SK_Y),
        _ => None,
    }
}

/// VIQR (RFC 1456) → text.
///
/// Rules: a mark applies when it can combine with the letter before it (modifiers `(`
/// `^` `+` on a/e/o/u as RFC 1456 lists them, then one tone per word); `dd`, `DD`, `Dd`
/// at the start of a word and `DD` anywhere ("QDD" = QĐ) are đ/Đ; `\` before a mark
/// character or another `\` makes it literal. Text that contains any such escape is read
/// strictly by the RFC: every mark that can combine does. Otherwise (writers rarely
/// escape) a tone mark at the end of a word must yield a valid syllable, and `.` or `?`
/// there followed by a space, a line end or the end, or `..`/`?!` is punctuation — unless
/// the sentence visibly goes on (a lower-case word after the dot, any word after `?`, an
/// upper-case word inside an all-capital heading). So "Vie^.t Nam." ends with a full
/// stop, "Anh bi. ddau" is "Anh bị đau" and "Thu? DDu+'c" is Thủ Đức; a `.` or `?`
/// followed by another mark (`o+?.`, `a.,`) is a tone.
fn decode_viqr(s: &str) -> (String, OffsetMap) {
    let b = s.as_bytes();
    let n = b.len();
    let strict = b.windows(2).any(|w| w[0] == b'\\' && (VIQR_MARKS.contains(&w[1]) || w[1] == b'\\'));
    let mut out = String::with_capacity(n);
    let mut map = MapBuilder::default();
    let mut word_start: Option<usize> = None;
    let mut word_toned = false;
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c >= 0x80 {
            let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
            out.push(ch);
            map.ident(ch.len_utf8());
            i += ch.len_utf8();
            if ch.is_alphabetic() {
                word_start.get_or_insert(out.len() - ch.len_utf8());
            } else {
                word_start = None;
                word_toned = false;
            }
            continue;
        }
        if c == b'\\' && i + 1 < n && (VIQR_MARKS.contains(&b[i + 1]) || b[i + 1] == b'\\') {
            out.push(b[i + 1] as char);
            map.unit(1, 2);
            i += 2;
            word_start = None;
            word_toned = false;
            continue;
        }
        let dd = i + 1 < n
            && ((word_start.is_none() && matches!((c, b[i + 1]), (b'd', b'd') | (b'D', b'D' | b'd')))
                || (c == b'D' && b[i + 1] == b'D'));
        if dd {
            if word_start.is_none() {
                word_start = Some(out.len());
                word_toned = false;
            }
            out.push(if c == b'D' { 'Đ' } else { 'đ' });
            map.unit(2, 2);
            i += 2;
            continue;
        }
        if let Some(skel0) = ascii_vowel_skel(c) {
            let upper = c.is_ascii_uppercase();
            let ws = *word_start.get_or_insert(out.len());
            let mut j = i + 1;
            let mut skel = skel0;
            if let Some(m) = b.get(j).and_then(|&m| viqr_modifier(skel0, m)) {
                skel = m;
                j += 1;
            }
            let mut tone = 0;
            if j < n && !word_toned {
                let t = viqr_tone(b[j]);
                if t > 0 && viqr_tone_applies(b, j, strict, &out[ws..], viet(skel, t, upper)) {
                    tone = t;
                    j += 1;
                }
            }
            let ch = viet(skel, tone, upper);
            out.push(ch);
            map.unit(ch.len_utf8(), j - i);
            word_toned |= tone > 0;
            i = j;
            continue;
        }
        out.push(c as char);
        map.ident(1);
        if c.is_ascii_alphabetic() {
            word_start.get_or_insert(out.len() - 1);
        } else {
            word_start = None;
            word_toned = false;
        }
        i += 1;
    }
    (out, map.finish(n))
}

/// Whether the tone mark at `b[j]` applies to the vowel before it (see `decode_viqr`).
fn viqr_tone_applies(b: &[u8], j: usize, strict: bool, word_so_far: &str, toned: char) -> bool {
    let at_end = !b.get(j + 1).is_some_and(|&x| x.is_ascii_alphabetic() || x >= 0x80);
    if !at_end || strict {
        return true;
    }
    let mut w = String::with_capacity(word_so_far.len() + 4);
    w.push_str(word_so_far);
    w.push(toned);
    if !word_is_valid(&w) {
        return false;
    }
    if !matches!(b[j], b'.' | b'?') {
        return true;
    }
    match b.get(j + 1) {
        None | Some(b'!' | b'?' | b'\r' | b'\n') => false,
        Some(b'.') => b[j] == b'?', // "o+?." is a hook; "i.." an ellipsis
        Some(b' ' | b'\t') => {
            // Punctuation unless the sentence visibly goes on: a lower-case word after a
            // dot, any word after a hook, an upper-case word inside an all-capital heading.
            let mut k = j + 1;
            while k < b.len() && (b[k] == b' ' || b[k] == b'\t') {
                k += 1;
            }
            let caps = !word_so_far.is_empty()
                && word_so_far.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
                && toned.is_uppercase();
            match b.get(k) {
                Some(c) if b[j] == b'.' => c.is_ascii_lowercase() || (caps && c.is_ascii_uppercase()),
                Some(c) => c.is_ascii_alphabetic(),
                None => false,
            }
        }
        Some(_) => true, // a quote, bracket or clause mark follows: the mark was no punctuation
    }
}

/// Counts VIQR marks (a modifier, a tone inside a word or `` ` `` `'` `~` at its end,
/// `dd` opening a word) and words, for deciding whether ASCII text is VIQR.
fn viqr_marks(s: &[u8]) -> (usize, usize) {
    let (mut marks, mut words) = (0, 0);
    let mut in_word = false;
    for i in 0..s.len() {
        let c = s[i];
        let letter = c.is_ascii_alphabetic();
        if letter && !in_word {
            words += 1;
            if matches!(c, b'd' | b'D') && matches!(s.get(i + 1), Some(b'd' | b'D')) {
                marks += 1;
            }
        }
        if let Some(skel) = ascii_vowel_skel(c) {
            let mut j = i + 1;
            if s.get(j).is_some_and(|&m| viqr_modifier(skel, m).is_some()) {
                marks += 1;
                j += 1;
            }
            if let Some(&t) = s.get(j) {
                let mid = s.get(j + 1).is_some_and(u8::is_ascii_alphabetic);
                if viqr_tone(t) > 0 && (mid || matches!(t, b'`' | b'\'' | b'~')) {
                    marks += 1;
                }
            }
        }
        // A mark character keeps the word going ("Vie^.t").
        in_word = letter || (in_word && VIQR_MARKS.contains(&c));
    }
    (marks, words)
}

// ---------------------------------------------------------------------------
// decode / decode_as
// ---------------------------------------------------------------------------

const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
/// A candidate must be this far ahead of the next one.
const MARGIN: f32 = 0.15;
/// And at least this good.
const FLOOR: f32 = 0.5;
const QUICK_PREFIX: usize = 8 << 10;
const SCORE_PREFIX: usize = 64 << 10;
const LEGACY: [Encoding; 3] = [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258];

/// At most `max` bytes, cut after an ASCII space or newline where one is near the end.
fn prefix(bytes: &[u8], max: usize) -> &[u8] {
    if bytes.len() <= max {
        return bytes;
    }
    let lo = max.saturating_sub(256);
    match bytes[lo..max].iter().rposition(|&b| b == b' ' || b == b'\n') {
        Some(p) => &bytes[..lo + p + 1],
        None => &bytes[..max],
    }
}

fn str_prefix(s: &str, max: usize) -> &str {
    &s[..floor_boundary(s, max)]
}

fn decode_raw(bytes: &[u8], enc: Encoding) -> (String, OffsetMap) {
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

fn utf8_error(e: std::str::Utf8Error, shift: usize) -> DecodeError {
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

fn text_confidence(text: &str) -> f32 {
    analyze(str_prefix(text, SCORE_PREFIX)).evidence().unwrap_or(1.0)
}

/// Decode `bytes`, detecting the encoding.
///
/// UTF-8 with a BOM, UTF-16 with a BOM, and valid UTF-8 are taken as such (pure ASCII
/// is tested for VIQR only when it is dense with VIQR marks). Anything else is decoded
/// with TCVN3, VNI and Windows-1258 (first 8 KiB, then 64 KiB unless a winner is
/// clear) and each result is scored with the syllable validator on the words that
/// depend on the encoding. The best is taken when it scores at least 0.5 and 0.15 more
/// than the next; a closer race is [`DecodeError::Ambiguous`]; when all score low, input
/// that looked like UTF-8 is [`DecodeError::InvalidUtf8`], other input
/// [`DecodeError::Unknown`].
///
/// ```
/// use vanban::decode::{decode, Encoding};
/// let d = decode(b"Xin cha\xf8o ca\xf9c ba\xefn, ho\xe2m nay tr\xf4\xf8i \xf1e\xefp.").unwrap();
/// assert_eq!(d.encoding, Encoding::Vni);
/// assert_eq!(d.text, "Xin chào các bạn, hôm nay trời đẹp.");
/// assert_eq!(decode(b"Viet Nam").unwrap().encoding, Encoding::Utf8);
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    if bytes.starts_with(&UTF8_BOM) {
        return decode_as(bytes, Encoding::Utf8);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return decode_as(bytes, Encoding::Utf16Le);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_as(bytes, Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            if s.is_ascii() {
                let (marks, words) = viqr_marks(prefix(bytes, SCORE_PREFIX));
                if marks >= 2 && marks * 2 >= words {
                    let (text, map) = decode_viqr(s);
                    let st = analyze(str_prefix(&text, SCORE_PREFIX));
                    if st.valid_na >= 2 && st.evidence().unwrap_or(0.0) >= 0.8 {
                        let confidence = st.evidence().unwrap_or(1.0);
                        return Ok(Decoded { text, encoding: Encoding::Viqr, confidence, bom: false, map });
                    }
                }
            }
            Ok(Decoded {
                text: s.to_owned(),
                encoding: Encoding::Utf8,
                confidence: 1.0,
                bom: false,
                map: OffsetMap::identity(bytes.len()),
            })
        }
        Err(e) => detect_legacy(bytes, e),
    }
}

fn candidate_scores(bytes: &[u8], limit: usize) -> Vec<(Encoding, f32, u32)> {
    let p = prefix(bytes, limit);
    let mut v: Vec<(Encoding, f32, u32)> = LEGACY
        .iter()
        .map(|&e| {
            let st = analyze(&decode_raw(p, e).0);
            (e, st.evidence().unwrap_or(0.0), st.words_na + st.glued)
        })
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    v
}

fn detect_legacy(bytes: &[u8], err: std::str::Utf8Error) -> Result<Decoded, DecodeError> {
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

/// Decode `bytes` as `enc`.
///
/// UTF-8 and VIQR input must be valid UTF-8 (a leading BOM is skipped and noted), else
/// [`DecodeError::InvalidUtf8`]. UTF-16 skips a matching BOM and replaces unpaired
/// surrogates with U+FFFD. TCVN3, VNI and Windows-1258 never fail: every byte means
/// something in them.
///
/// ```
/// use vanban::decode::{decode_as, Encoding};
/// let d = decode_as(b"Vie^.t Nam\\.", Encoding::Viqr).unwrap();
/// assert_eq!(d.text, "Việt Nam.");
/// let d = decode_as(b"Vi\xea\xf2t Nam", Encoding::Windows1258).unwrap();
/// assert_eq!(d.text, "Việt Nam");
/// assert_eq!(d.to_input(1, 5), (1, 4)); // "iệ" ← "i", "ê", dot-below byte
/// ```
pub fn decode_as(bytes: &[u8], enc: Encoding) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    match enc {
        Encoding::Utf8 | Encoding::Viqr => {
            let bom = bytes.starts_with(&UTF8_BOM);
            let shift = if bom { 3 } else { 0 };
            let s = std::str::from_utf8(&bytes[shift..]).map_err(|e| utf8_error(e, shift))?;
            let (text, map) = if enc == Encoding::Viqr {
                decode_viqr(s)
            } else {
                let mut b = MapBuilder::default();
                b.skip(shift);
                b.ident(s.len());
                (s.to_owned(), b.finish(bytes.len()))
            };
            let (text, map) = if bom && enc == Encoding::Viqr {
                // decode_viqr mapped offsets into `s`: shift them past the BOM.
                let mut b = MapBuilder::default();
                b.skip(3);
                let mut prev_end = 0;
                for (_, c, s0, e0) in map.char_ranges(&text) {
                    if s0 > prev_end {
                        b.skip(s0 - prev_end);
                    }
                    b.unit(c.len_utf8(), e0 - s0);
                    prev_end = e0;
                }
                (text, b.finish(bytes.len()))
            } else {
                (text, map)
            };
            let confidence = if enc == Encoding::Viqr { text_confidence(&text) } else { 1.0 };
            Ok(Decoded { text, encoding: enc, confidence, bom, map })
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = enc == Encoding::Utf16Le;
            let bom = bytes.len() >= 2 && if le { bytes[..2] == [0xFF, 0xFE] } else { bytes[..2] == [0xFE, 0xFF] };
            let (text, map) = decode_utf16(bytes, le);
            Ok(Decoded { text, encoding: enc, confidence: 1.0, bom, map })
        }
        Encoding::Tcvn3 | Encoding::Vni | Encoding::Windows1258 => {
            let (text, map) = decode_raw(bytes, enc);
            let confidence = text_confidence(&text);
            Ok(Decoded { text, encoding: enc, confidence, bom: false, map })
        }
    }
}

// ---------------------------------------------------------------------------
// repair
// ---------------------------------------------------------------------------

/// A character's byte when text was shown through CP1252 or Latin-1: Latin-1 code
/// points as themselves, the CP1252 letters and punctuation of 0x80..=0x9F as theirs.
fn reverse_cp1252(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    CP1252_C1.iter().position(|&x| x == c).map(|i| 0x80 + i as u8)
}

fn is_cp1252_special(c: char) -> bool {
    (c as u32) >= 0x100 && CP1252_C1.contains(&c)
}

/// Bytes lost when UTF-8 went through CP1252 (undefined there, so often dropped).
const LOST_BYTES: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
const LOST: u16 = 0x100;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reading {
    Mojibake,
    Tcvn3,
    Vni,
}

/// Decoded characters of a chunk with their unit ranges (`units` index = char index).
type Pieces = Vec<(char, usize, usize)>;

/// A chunk re-read: (start, end, pieces, strong evidence).
struct ChunkFix {
    start: usize,
    end: usize,
    pieces: Pieces,
    strong: bool,
    /// The re-reading has only valid syllables.
    valid: bool,
}

/// UTF-8 read back from reversed units, with a lost last continuation byte (dropped or
/// shown as U+FFFD) recovered when one of the five undefined CP1252 bytes completes a
/// Vietnamese letter; the choice among several is made for the best chunk quality.
/// Also says whether a sequence was strong evidence of mojibake, a Vietnamese letter from
/// three bytes ("á»‡"), or from two with a lead other than Â/Ã ("Æ°"), or from Â/Ã and
/// a Latin-1 symbol ("Ã³"): valid text can hold "NGÃ" + U+00A0 or "NGÃ”", never these.
fn unmojibake(units: &[u16], orig: &[char]) -> (Pieces, bool) {
    let n = units.len();
    let mut out: Pieces = Vec::with_capacity(n);
    let mut alts: Vec<(usize, Vec<char>)> = Vec::new(); // (index in out, alternatives)
    let mut strong = false;
    // Â/Ã followed by 0x80..=0xA0 or a guillemet can be valid text ("NGÃ”", "Ô»").
    let is_strong = |seq: &[u16], len: usize| {
        len > 2
            || !matches!(seq[0], 0xC2 | 0xC3)
            || seq.get(1).is_some_and(|&c| (0xA1..=0xBF).contains(&c) && c != 0xAB && c != 0xBB)
    };
    let mut i = 0;
    while i < n {
        let u = units[i];
        let len = match u {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if len == 0 {
            out.push((orig[i], i, i + 1));
            i += 1;
            continue;
        }
        // Gather continuation units; a LOST unit or a missing last byte is a wildcard.
        let mut seq: Vec<u16> = vec![u];
        let mut j = i + 1;
        while seq.len() < len && j < n && ((0x80..=0xBF).contains(&units[j]) || units[j] == LOST) {
            seq.push(units[j]);
            j += 1;
        }
        let missing = len - seq.len();
        let wild = seq.iter().filter(|&&x| x == LOST).count() + missing;
        if wild == 0 {
            let bytes: Vec<u8> = seq.iter().map(|&x| x as u8).collect();
            if let Some(c) = std::str::from_utf8(&bytes).ok().and_then(|s| s.chars().next()) {
                // A combining mark only after a letter (decomposed text: "aÌ\u{81}" = a + U+0301).
                let after_letter = out.last().is_some_and(|p| p.0.is_alphabetic() || is_combining_mark(p.0));
                if !c.is_control() && (!is_combining_mark(c) || after_letter) {
                    // Clear evidence: a Vietnamese letter or tone mark, or punctuation from
                    // three bytes ("â€œ", "â€¦").
                    let viet_mark = matches!(
                        c,
                        '\u{300}' | '\u{301}' | '\u{302}' | '\u{303}' | '\u{306}' | '\u{309}' | '\u{31B}' | '\u{323}'
                    );
                    let punct = len == 3 && matches!(c, '\u{2000}'..='\u{206F}' | '€' | '₫');
                    strong |= (is_strong(&seq, len) && (is_viet_letter(c) || viet_mark)) || punct;
                    out.push((c, i, j));
                    i = j;
                    continue;
                }
            }
        } else if wild == 1 && missing <= 1 {
            let mut cands = Vec::new();
            for lb in LOST_BYTES {
                let mut bytes: Vec<u8> = seq.iter().map(|&x| if x == LOST { lb } else { x as u8 }).collect();
                if missing == 1 {
                    bytes.push(lb);
                }
                if let Some(c) = std::str::from_utf8(&bytes).ok().and_then(|s| s.chars().next()) {
                    if is_viet_letter(c) && !c.is_ascii() {
                        cands.push(c);
                    }
                }
            }
            if !cands.is_empty() {
                strong |= len > 2 || seq[0] != 0xC3;
                alts.push((out.len(), cands.clone()));
                out.push((cands[0], i, j));
                i = j;
                continue;
            }
        }
        out.push((orig[i], i, i + 1));
        i += 1;
    }
    // Choose among alternatives, one position at a time.
    for (pos, cands) in alts {
        if cands.len() < 2 {
            continue;
        }
        let mut best = (cands[0], i64::MIN);
        for c in cands {
            out[pos].0 = c;
            let s: String = out.iter().map(|p| p.0).collect();
            let st = analyze(&s);
            let q = st.valid as i64 * 2 - st.invalid() as i64;
            if q > best.1 {
                best = (c, q);
            }
        }
        out[pos].0 = best.0;
    }
    (out, strong)
}

fn pieces_of(text: &str, map: &OffsetMap) -> Pieces {
    map.char_ranges(text).map(|(_, c, s, e)| (c, s, e)).collect()
}

/// A character that betrays TCVN3 or VNI bytes shown as Latin-1: the Latin-1 reading of
/// a byte that is a letter (TCVN3) or a letter or accent (VNI) there, when it is no
/// Vietnamese letter itself ("©", "¸", soft hyphen; "ø", "ï", "ñ"). Plain "ô" or "è"
/// is no evidence: Unicode text has them, and typos like "Môt" would turn into "Mụt".
fn is_telltale(strat: Reading, c: char) -> bool {
    let u = c as u32;
    if !(0xA0..=0xFF).contains(&u) || is_viet_letter(c) {
        return false;
    }
    let i = (u - 0x80) as usize;
    match strat {
        Reading::Tcvn3 => TCVN3_HIGH[i].is_alphabetic(),
        Reading::Vni => VNI_ACCENT[i] != NO_INFO || VNI_HIGH[i] != c,
        Reading::Mojibake => false,
    }
}

/// Re-reading of one whitespace-free chunk with one strategy, when it is no worse than
/// the chunk; `strong` when it is clear evidence for the strategy (mojibake: a strong
/// UTF-8 sequence; TCVN3/VNI: a telltale character, and only valid syllables left where
/// there were invalid words).
fn repair_chunk(chunk: &str, strat: Reading) -> Option<(Pieces, bool, bool)> {
    // Most chunks of Vietnamese text hold a letter no single byte stands for ("ộ", "ư"):
    // refused before anything is allocated.
    if !chunk.chars().all(|c| reverse_cp1252(c).is_some() || c == '\u{FFFD}' && strat == Reading::Mojibake) {
        return None;
    }
    let orig: Vec<char> = chunk.chars().collect();
    let mut units: Vec<u16> = Vec::with_capacity(orig.len());
    for &c in &orig {
        match reverse_cp1252(c) {
            Some(b) => units.push(b as u16),
            None if c == '\u{FFFD}' && strat == Reading::Mojibake => units.push(LOST),
            None => return None,
        }
    }
    let (pieces, seq_strong) = match strat {
        Reading::Mojibake => unmojibake(&units, &orig),
        Reading::Tcvn3 | Reading::Vni => {
            let bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
            let (t, m) = if strat == Reading::Tcvn3 { decode_tcvn3(&bytes) } else { decode_vni(&bytes) };
            (pieces_of(&t, &m), false)
        }
    };
    let new: String = pieces.iter().map(|p| p.0).collect();
    if new == chunk {
        return None;
    }
    let (o, r) = (analyze(chunk), analyze(&new));
    let valid = r.invalid() == 0;
    match strat {
        Reading::Mojibake => (r.invalid() <= o.invalid()).then_some((pieces, seq_strong, valid)),
        _ if valid && o.invalid() > 0 && orig.iter().any(|&c| is_telltale(strat, c)) => Some((pieces, true, valid)),
        _ if r.invalid() <= o.invalid() => Some((pieces, false, valid)),
        _ => None,
    }
}

/// Repair text that was mis-decoded into a string: UTF-8 read as CP1252 or Latin-1
/// ("Nguyá»…n"), or TCVN3 / VNI bytes shown as Latin-1 characters ("Uû ban nh©n d©n",
/// "Xin chaøo").
///
/// Works per whitespace-separated chunk: a chunk whose characters all map back to single
/// bytes (Latin-1, or CP1252 for 0x80..=0x9F; U+FFFD and dropped bytes stand for the five
/// bytes CP1252 leaves undefined) is re-read as UTF-8, TCVN3 and VNI. A re-reading is
/// kept only where it has no more invalid words than the chunk, and only if the text
/// has at least one chunk that is clear evidence for it: a UTF-8 sequence valid text
/// never holds ("á»", "Ã³", "Æ°", "â€œ", "aÌ\u{81}"), or a chunk with a character
/// Vietnamese never uses ("©", "¸", soft hyphen; "ø", "ï", "ñ") glued to a letter,
/// whose TCVN3/VNI re-reading leaves only valid syllables. Chunks that are merely no
/// worse ("Sè" → "Số", "800.000®" → "800.000đ") are taken for TCVN3/VNI only when the
/// whole text is Latin-1 (no other Vietnamese letters, so not a mixed text). The
/// reading that turns the most chunks into valid Vietnamese is applied; mojibake keeps decomposed text
/// decomposed, TCVN3/VNI give NFC.
/// `None` when nothing improves: plain ASCII and valid Vietnamese are never touched.
///
/// ```
/// use vanban::decode::repair;
/// assert_eq!(repair("Uû ban nh©n d©n tØnh").unwrap().text, "Uỷ ban nhân dân tỉnh");
/// assert_eq!(repair("Xin chaøo caùc baïn").unwrap().from, "vni");
/// assert!(repair("Ủy ban nhân dân tỉnh").is_none());
/// ```
pub fn repair(s: &str) -> Option<Repaired> {
    if s.is_ascii() || s.len() > MAX_INPUT_BYTES {
        return None;
    }
    // Runs of text between ASCII white space, made again for each reading (a list of
    // them took 16 bytes a word, three times the text).
    let chunks = || {
        let b = s.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() {
                return None;
            }
            let a = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            Some((a, i))
        })
    };
    let latin_only = s.chars().all(|c| reverse_cp1252(c).is_some());
    // (reading, ranking key, chunk fixes)
    type Candidate = (Reading, (usize, usize, usize), Vec<ChunkFix>);
    let mut best: Option<Candidate> = None;
    for strat in [Reading::Mojibake, Reading::Tcvn3, Reading::Vni] {
        // A TCVN3 or VNI re-reading is strong only in a chunk with one of its telltale
        // characters: with none in the text, it would be dropped below (no strong chunk).
        if strat != Reading::Mojibake && !s.chars().any(|c| is_telltale(strat, c)) {
            continue;
        }
        let mut fixes: Vec<ChunkFix> = chunks()
            .filter(|&(a, b)| !s[a..b].is_ascii())
            .filter_map(|(a, b)| {
                repair_chunk(&s[a..b], strat).map(|(pieces, strong, valid)| ChunkFix {
                    start: a,
                    end: b,
                    pieces,
                    strong,
                    valid,
                })
            })
            .collect();
        let strong = fixes.iter().filter(|f| f.strong).count();
        if strong == 0 {
            continue;
        }
        if strat != Reading::Mojibake && !latin_only {
            fixes.retain(|f| f.strong);
        }
        // Rank by the chunks the reading turns into valid Vietnamese, then by evidence,
        // then by fewer chunks left invalid.
        let good = fixes.iter().filter(|f| f.valid).count();
        let key = (good, strong, usize::MAX - (fixes.len() - good));
        if best.as_ref().is_none_or(|(_, k, _)| key > *k) {
            best = Some((strat, key, fixes));
        }
    }
    let (strat, _, fixes) = best?;
    let mut text = String::with_capacity(s.len());
    let mut map = MapBuilder::default();
    let mut at = 0;
    let mut cp1252_seen = false;
    let mut c1_seen = false;
    for f in &fixes {
        text.push_str(&s[at..f.start]);
        map.ident(f.start - at);
        let chunk = &s[f.start..f.end];
        cp1252_seen |= chunk.chars().any(is_cp1252_special);
        c1_seen |= chunk.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c));
        let offs: Vec<usize> = chunk.char_indices().map(|(i, _)| f.start + i).chain(std::iter::once(f.end)).collect();
        for &(c, us, ue) in &f.pieces {
            let (ss, se) = (offs[us], offs[ue]);
            if ss > map.inp {
                map.skip(ss - map.inp);
            }
            text.push(c);
            map.unit(c.len_utf8(), se - ss);
        }
        if map.inp < f.end {
            map.skip(f.end - map.inp);
        }
        at = f.end;
    }
    text.push_str(&s[at..]);
    map.ident(s.len() - at);
    let from = match strat {
        Reading::Tcvn3 => "tcvn3",
        Reading::Vni => "vni",
        Reading::Mojibake if !cp1252_seen && c1_seen => "latin1-mojibake",
        Reading::Mojibake => "cp1252-mojibake",
    };
    let new = analyze(&text);
    let confidence = new.evidence().unwrap_or_else(|| vietnamese_score(&text));
    Some(Repaired { text, from, confidence, map: map.finish(s.len()) })
}

// ---------------------------------------------------------------------------
// Encoders (for tests and fixtures)
// ---------------------------------------------------------------------------

/// Encode text as TCVN3 (VN3), for tests and fixtures. Toned capitals, which VN3 lacks,
/// become the untoned capital followed by the lower-case toned code ("Á" → "A¸", "Ấ" →
/// "¢Ê"), the form converters write and [`decode`] reads back as one capital. CP1252
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
                SK_I => out.push(VNI_I_BYTES[u][t]),
                SK_Y if t == T_DOT => out.push(if up { 0xCE } else { 0xEE }),
                SK_AA | SK_EE | SK_OO | SK_AW => {
                    out.push(base(match sk {
                        SK_AA | SK_AW => b'a',
                        SK_EE => b'e',
                        _ => b'o',
                    }));
                    out.push(if sk == SK_AW { VNI_BREVE_BYTES[u][t] } else { VNI_CIRC_BYTES[u][t] });
                }
                _ => {
                    out.push(match sk {
                        SK_OW => [0xF4, 0xD4][u],
                        SK_UW => [0xF6, 0xD6][u],
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
/// (`( ^ + ' ` ? ~ .`) and every `\` is escaped with `\`, which puts [`decode_as`] into
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
                SK_AW | SK_AA => SK_A,
                SK_EE => SK_E,
                SK_OO | SK_OW => SK_O,
                SK_UW => SK_U,
                x => x,
            }][0];
            out.push(base);
            match sk {
                SK_AW => out.push('('),
                SK_AA | SK_EE | SK_OO => out.push('^'),
                SK_OW | SK_UW => out.push('+'),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onsets_from_lists_every_onset_by_first_letter() {
        for b in 0..=255u8 {
            let mut want: Vec<&[u8]> = ONSETS.iter().copied().filter(|o| o[0] == b).collect();
            let mut got = onsets_from(b).to_vec();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{}", b as char);
        }
    }

    /// `char_ranges` walks the map once and gives what `range_of` gives per character.
    #[test]
    fn char_ranges_agree_with_range_of() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for round in 0..200 {
            let n = 1 + round * 7;
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 24) as u8
                })
                .collect();
            let viqr = String::from_utf8_lossy(&bytes).replace('\u{fffd}', "a^'");
            let mut maps = vec![decode_viqr(&viqr)];
            for e in LEGACY {
                maps.push(decode_raw(&bytes, e));
            }
            let mut le = vec![0xFF, 0xFE];
            le.extend_from_slice(&bytes);
            maps.push(decode_utf16(&le, true));
            for (text, map) in &maps {
                let want: Vec<_> = text
                    .char_indices()
                    .map(|(o, c)| {
                        let (s, e) = map.range_of(text, o, c.len_utf8());
                        (o, c, s, e)
                    })
                    .collect();
                let got: Vec<_> = map.char_ranges(text).collect();
                assert_eq!(got, want, "{bytes:?}");
            }
        }
    }

    use proptest::prelude::*;

    // ----- Second-source tables -------------------------------------------------------

    /// GNU libiconv `tcvn.h`, `tcvn_2uni_2[0x20..]`: TCVN 5712 bytes 0xA0..=0xFF.
    const LIBICONV_TCVN_A0: [u32; 96] = [
        0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0,
        0x0111, 0x1eb0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1,
        0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, 0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab,
        0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, 0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec,
        0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, 0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3,
        0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9, 0x1ed6, 0x1ee7, 0x0169, 0x00fa,
        0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
    ];

    /// VNI bytes per letter, from VBKey's table (MacRoman-rendered, re-encoded).
    const VBKEY_VNI: [(&[u8], char); 134] = [
        (b"a\xf8", 'à'),
        (b"a\xf9", 'á'),
        (b"a\xfb", 'ả'),
        (b"a\xf5", 'ã'),
        (b"a\xef", 'ạ'),
        (b"a\xe2", 'â'),
        (b"a\xe0", 'ầ'),
        (b"a\xe1", 'ấ'),
        (b"a\xe5", 'ẩ'),
        (b"a\xe3", 'ẫ'),
        (b"a\xe4", 'ậ'),
        (b"a\xea", 'ă'),
        (b"a\xe8", 'ằ'),
        (b"a\xe9", 'ắ'),
        (b"a\xfa", 'ẳ'),
        (b"a\xfc", 'ẵ'),
        (b"a\xeb", 'ặ'),
        (b"\xf1", 'đ'),
        (b"e\xf8", 'è'),
        (b"e\xf9", 'é'),
        (b"e\xfb", 'ẻ'),
        (b"e\xf5", 'ẽ'),
        (b"e\xef", 'ẹ'),
        (b"e\xe2", 'ê'),
        (b"e\xe0", 'ề'),
        (b"e\xe1", 'ế'),
        (b"e\xe5", 'ể'),
        (b"e\xe3", 'ễ'),
        (b"e\xe4", 'ệ'),
        (b"\xec", 'ì'),
        (b"\xed", 'í'),
        (b"\xe6", 'ỉ'),
        (b"\xf3", 'ĩ'),
        (b"\xf2", 'ị'),
        (b"o\xf8", 'ò'),
        (b"o\xf9", 'ó'),
        (b"o\xfb", 'ỏ'),
        (b"o\xf5", 'õ'),
        (b"o\xef", 'ọ'),
        (b"o\xe2", 'ô'),
        (b"o\xe0", 'ồ'),
        (b"o\xe1", 'ố'),
        (b"o\xe5", 'ổ'),
        (b"o\xe3", 'ỗ'),
        (b"o\xe4", 'ộ'),
        (b"\xf4", 'ơ'),
        (b"\xf4\xf8", 'ờ'),
        (b"\xf4\xf9", 'ớ'),
        (b"\xf4\xfb", 'ở'),
        (b"\xf4\xf5", 'ỡ'),
        (b"\xf4\xef", 'ợ'),
        (b"u\xf8", 'ù'),
        (b"u\xf9", 'ú'),
        (b"u\xfb", 'ủ'),
        (b"u\xf5", 'ũ'),
        (b"u\xef", 'ụ'),
        (b"\xf6", 'ư'),
        (b"\xf6\xf8", 'ừ'),
        (b"\xf6\xf9", 'ứ'),
        (b"\xf6\xfb", 'ử'),
        (b"\xf6\xf5", 'ữ'),
        (b"\xf6\xef", 'ự'),
        (b"y\xf8", 'ỳ'),
        (b"y\xf9", 'ý'),
        (b"y\xfb", 'ỷ'),
        (b"y\xf5", 'ỹ'),
        (b"\xee", 'ỵ'),
        (b"A\xd8", 'À'),
        (b"A\xd9", 'Á'),
        (b"A\xdb", 'Ả'),
        (b"A\xd5", 'Ã'),
        (b"A\xcf", 'Ạ'),
        (b"A\xc2", 'Â'),
        (b"A\xc0", 'Ầ'),
        (b"A\xc1", 'Ấ'),
        (b"A\xc5", 'Ẩ'),
        (b"A\xc3", 'Ẫ'),
        (b"A\xc4", 'Ậ'),
        (b"A\xca", 'Ă'),
        (b"A\xc8", 'Ằ'),
        (b"A\xc9", 'Ắ'),
        (b"A\xda", 'Ẳ'),
        (b"A\xdc", 'Ẵ'),
        (b"A\xcb", 'Ặ'),
        (b"\xd1", 'Đ'),
        (b"E\xd8", 'È'),
        (b"E\xd9", 'É'),
        (b"E\xdb", 'Ẻ'),
        (b"E\xd5", 'Ẽ'),
        (b"E\xcf", 'Ẹ'),
        (b"E\xc2", 'Ê'),
        (b"E\xc0", 'Ề'),
        (b"E\xc1", 'Ế'),
        (b"E\xc5", 'Ể'),
        (b"E\xc3", 'Ễ'),
        (b"E\xc4", 'Ệ'),
        (b"\xcc", 'Ì'),
        (b"\xcd", 'Í'),
        (b"\xc6", 'Ỉ'),
        (b"\xd3", 'Ĩ'),
        (b"\xd2", 'Ị'),
        (b"O\xd8", 'Ò'),
        (b"O\xd9", 'Ó'),
        (b"O\xdb", 'Ỏ'),
        (b"O\xd5", 'Õ'),
        (b"O\xcf", 'Ọ'),
        (b"O\xc2", 'Ô'),
        (b"O\xc0", 'Ồ'),
        (b"O\xc1", 'Ố'),
        (b"O\xc5", 'Ổ'),
        (b"O\xc3", 'Ỗ'),
        (b"O\xc4", 'Ộ'),
        (b"\xd4", 'Ơ'),
        (b"\xd4\xd8", 'Ờ'),
        (b"\xd4\xd9", 'Ớ'),
        (b"\xd4\xdb", 'Ở'),
        (b"\xd4\xd5", 'Ỡ'),
        (b"\xd4\xcf", 'Ợ'),
        (b"U\xd8", 'Ù'),
        (b"U\xd9", 'Ú'),
        (b"U\xdb", 'Ủ'),
        (b"U\xd5", 'Ũ'),
        (b"U\xcf", 'Ụ'),
        (b"\xd6", 'Ư'),
        (b"\xd6\xd8", 'Ừ'),
        (b"\xd6\xd9", 'Ứ'),
        (b"\xd6\xdb", 'Ử'),
        (b"\xd6\xd5", 'Ữ'),
        (b"\xd6\xcf", 'Ự'),
        (b"Y\xd8", 'Ỳ'),
        (b"Y\xd9", 'Ý'),
        (b"Y\xdb", 'Ỷ'),
        (b"Y\xd5", 'Ỹ'),
        (b"\xce", 'Ỵ'),
    ];
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

    #[test]
    fn tcvn3_table_matches_libiconv() {
        for (i, &cp) in LIBICONV_TCVN_A0.iter().enumerate() {
            assert_eq!(TCVN3_HIGH[0x20 + i] as u32, cp, "byte {:#x}", 0xA0 + i);
        }
        // 0x80..=0x9F are CP1252 punctuation in the VN3 (.VnTime) layout.
        assert_eq!(decode_as(b"\x93Hi\x94 \x96 \x85", Encoding::Tcvn3).unwrap().text, "“Hi” – …");
    }

    #[test]
    fn tcvn3_encoder_covers_every_letter_with_vn3_codes() {
        // Every lower-case letter has a VN3 code (0xA8..=0xFE, never a VN2 extra).
        let vn2_extra = [0xAF, 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xCD];
        for (lower, upper) in VOWELS[0].iter().zip(&VOWELS[1]) {
            for (&c, &up) in lower.iter().zip(upper) {
                let b = encode_tcvn3(&c.to_string());
                assert_eq!(b.len(), 1, "{c}");
                assert!(b[0] < 0x80 || (b[0] >= 0xA8 && !vn2_extra.contains(&b[0])), "{c}: {:#x}", b[0]);
                assert_eq!(decode_as(&b, Encoding::Tcvn3).unwrap().text, c.to_string());
                let up = up.to_string();
                assert_eq!(decode_as(&encode_tcvn3(&up), Encoding::Tcvn3).unwrap().text, up);
            }
        }
    }

    #[test]
    fn vni_matches_vbkey_table() {
        for (bytes, c) in VBKEY_VNI {
            let d = decode_as(bytes, Encoding::Vni).unwrap();
            assert_eq!(d.text, c.to_string(), "{bytes:x?}");
            assert_eq!(encode_vni(&c.to_string()), bytes.to_vec(), "{c}");
            assert_eq!(d.to_input(0, d.text.len()), (0, bytes.len()));
        }
        // Lower-case accent bytes after an upper-case base, and the three-byte form.
        assert_eq!(decode_as(b"A\xf9 a\xe2\xf9 A\xca\xd8", Encoding::Vni).unwrap().text, "Á ấ Ằ");
    }

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

    // ----- Syllables ------------------------------------------------------------------

    const SYLLABLES: &str = "của và các có là được trong cho người những một không đã với này để khi đến về năm \
        từ theo như thì ra nhiều tại phải nhà làm cũng sự đồng chí hội nghị tỉnh huyện xã ủy ban nhân dân chủ tịch \
        phó bí thư thường trực vụ công tác kết luận chỉ đạo thực hiện nhiệm kỳ tổ chức đảng bộ cơ sở quyết định số \
        việc triển khai kế hoạch đánh giá quả báo cáo trình bày ý kiến thống nhất giao văn phòng dõi đôn đốc mặt \
        trận quốc đoàn thể chính trị phát biểu lãnh ngành quận phường thị trấn ấp thôn bản khóm sáng chiều tối ngày \
        tháng hôm qua nay mai tuần quý đầu cuối giữa lần thứ hai ba bốn sáu bảy tám chín mười trăm nghìn triệu tỷ \
        giảm tăng khuyến khích nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý khoẻ khỏe hoà \
        hòa thuỷ thủy uỷ dân phấn khởi tin tưởng lực lượng vững mạnh ổn an ninh kinh tế giáo dục đào tạo y môi \
        trường tài nguyên nông nghiệp sản lâm thông vận tải xây dựng khoa học kỹ thuật truyền hoá thao du lịch lao \
        động thương binh nội tư pháp ngoại ngân hàng thanh tra khuya khuỷu ngoẹo oẳn oái quằn xoắn thuở huơ khuây \
        ngoáy rượu bướu hươu cừu cứu lưu gửi ngửi khuyết tuyết nguyện chuyện thuyền yêu yên ấy ở ẩm ướt uống oan \
        em êm ích ốc ăn ơn ưng quạ gì già gỗ ghế nghề kẻ xoong boong ừ ạ ế ỉ ẽ ũ ỹ ỗ ỡ ữ ễ ĩ õ ã ệ ộ ợ ự ụ ọ \
        ẹ ị ỵ ề ồ ờ ừ ỳ ò è ù ì à ể ổ ở ử ủ ỏ ẻ ả ỷ ế ố ớ ứ ú ó é í á ý đi lẵng lẫn mặc thật \
        bằng ầm thẳng ẩn chắc ấm";

    fn syllables() -> Vec<&'static str> {
        SYLLABLES.split_whitespace().collect()
    }

    #[test]
    fn syllable_validator() {
        for w in syllables() {
            assert!(word_is_valid(w), "{w} should be valid");
            let up = w.to_uppercase();
            assert!(word_is_valid(&up), "{up} should be valid");
        }
        for w in [
            "uûy", "héi", "nghÞ", "s", "kÕt", "cac", "viet", "bâ", "ăn'", "qúy", "đâủ", "thĩêu", "ngươ", "ab", "str",
            "xyz", "kiểmm", "hoạa", "lủâ",
        ] {
            assert!(!word_is_valid(w), "{w} should be invalid");
        }
        assert_eq!(word_verdict("UBND"), None);
        assert_eq!(word_verdict("HĐND"), None);
        assert_eq!(word_verdict("HOA"), Some(true));
        assert_eq!(vietnamese_score(""), 0.0);
        assert_eq!(vietnamese_score("UBND tỉnh Bình Định"), 1.0);
        assert!(vietnamese_score("Ban ChÊp hµnh Trung ¬ng") < 0.5);
    }

    // ----- Offsets --------------------------------------------------------------------

    #[test]
    fn offsets_with_bom_and_utf16() {
        let d = decode("\u{feff}Hà Nội".as_bytes()).unwrap();
        assert!(d.bom);
        assert_eq!((d.encoding, d.text.as_str()), (Encoding::Utf8, "Hà Nội"));
        assert_eq!(d.to_input_start(0), 3);
        assert_eq!(d.to_input(1, 3), (4, 6)); // "à"
        assert_eq!(d.to_input(2, 2), (4, 4)); // empty, inside "à": floor
        assert_eq!(d.to_input_end(d.text.len()), 3 + "Hà Nội".len());

        let mut b = vec![0xFF, 0xFE];
        for u in "Hà 😀".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b).unwrap();
        assert_eq!((d.encoding, d.text.as_str(), d.bom), (Encoding::Utf16Le, "Hà 😀", true));
        assert_eq!(d.to_input(1, 3), (4, 6));
        assert_eq!(d.to_input(4, 8), (8, 12));
        let mut b = vec![0xFE, 0xFF];
        for u in "Việt".encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&b).unwrap().text, "Việt");
        // A lone surrogate and an odd trailing byte become U+FFFD.
        let d = decode_as(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x42], Encoding::Utf16Le).unwrap();
        assert_eq!(d.text, "\u{FFFD}A\u{FFFD}");
        assert_eq!(d.to_input(3, 4), (4, 6));
        assert_eq!(d.to_input(4, 7), (6, 7));
    }

    #[test]
    fn offsets_for_legacy_sequences() {
        // TCVN3 capital pair "A¸" is one letter from two bytes.
        let d = decode_as(b"\xa7A\xb6NG", Encoding::Tcvn3).unwrap();
        assert_eq!(d.text, "ĐẢNG");
        assert_eq!(d.to_input(0, 2), (0, 1));
        assert_eq!(d.to_input(2, 5), (1, 3));
        assert_eq!(d.to_input(5, 7), (3, 5));
        // VIQR: "ngu+o+`i" → "người".
        let d = decode_as(b"ngu+o+`i", Encoding::Viqr).unwrap();
        assert_eq!(d.text, "người");
        assert_eq!(d.to_input(2, 4), (2, 4)); // ư ← "u+"
        assert_eq!(d.to_input(4, 7), (4, 7)); // ờ ← "o+`"
        // VIQR behind a BOM.
        let d = decode_as(b"\xef\xbb\xbfdda^`u", Encoding::Viqr).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("đầu", true));
        assert_eq!(d.to_input(0, 2), (3, 5));
        assert_eq!(d.to_input(2, 5), (5, 8));
        // CP1258 stray combining marks are normalised, keeping the map.
        let d = decode_as(b"q\xec\xf2 x", Encoding::Windows1258).unwrap();
        assert_eq!(d.text, "q\u{323}\u{301} x");
        assert_eq!(d.to_input(0, 5), (0, 3));
        assert_eq!(d.to_input(5, 7), (3, 5));
        let d = decode_as(b"a\xec\xf2", Encoding::Windows1258).unwrap();
        assert_eq!(d.text, "á\u{323}".nfc().collect::<String>());
        assert_eq!(d.to_input(0, d.text.len()), (0, 3));
    }

    #[test]
    fn map_is_compact() {
        let text = "Uỷ ban nhân dân tỉnh Bình Định tổ chức hội nghị. ".repeat(200);
        let d = decode_as(&encode_tcvn3(&text), Encoding::Tcvn3).unwrap();
        assert!(d.map.runs.len() < d.text.chars().count() / 50, "{} runs", d.map.runs.len());
        let d = decode_as(&encode_vni(&text), Encoding::Vni).unwrap();
        assert!(d.map.runs.len() < d.text.chars().count() / 50, "{} runs", d.map.runs.len());
        let d = decode(text.as_bytes()).unwrap();
        assert!(d.map.runs.is_empty());
    }

    // ----- Detection ------------------------------------------------------------------

    const PARAGRAPHS: [&str; 4] = [
        "Sáng ngày 05/7/2019, Ban Dân vận Huyện ủy tổ chức Hội nghị sơ kết công tác dân vận 6 tháng đầu năm. \
         Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Huyện ủy chủ trì hội nghị. Tham dự có các đồng chí \
         trong Ban Thường vụ Huyện ủy, lãnh đạo Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện.",
        "Hội nghị đã nghe báo cáo kết quả thực hiện nhiệm vụ và thảo luận, đóng góp nhiều ý kiến. Phát biểu kết \
         luận, đồng chí Bí thư yêu cầu các cấp ủy, chính quyền tiếp tục đổi mới nội dung, phương thức hoạt động, \
         gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân.",
        "UỶ BAN NHÂN DÂN TỈNH BÌNH ĐỊNH. Thực hiện Quyết định số 1234/QĐ-UBND ngày 12 tháng 3 năm 2021, Sở Tài \
         chính phối hợp với các sở, ban, ngành liên quan rà soát, tổng hợp và báo cáo Uỷ ban nhân dân tỉnh trước \
         ngày 30 tháng 6. Giữa năm, người lao động được bảo đảm quyền lợi; nhiều khó khăn đã được khắc phục.",
        "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ, bảo đảm chất lượng, tiến độ. \
         Văn phòng Chính phủ theo dõi, đôn đốc và tổng hợp tình hình thực hiện, báo cáo Thủ tướng những vấn đề \
         vượt thẩm quyền. Khuya hôm ấy, trời mưa rất to nhưng các chiến sĩ vẫn trực ở trạm.",
    ];

    #[test]
    fn decode_detects_each_encoding() {
        for p in PARAGRAPHS {
            let cases: [(Encoding, Vec<u8>); 5] = [
                (Encoding::Tcvn3, encode_tcvn3(p)),
                (Encoding::Vni, encode_vni(p)),
                (Encoding::Viqr, encode_viqr(p).into_bytes()),
                (Encoding::Windows1258, encode_cp1258(p)),
                (Encoding::Utf8, p.as_bytes().to_vec()),
            ];
            for (enc, bytes) in cases {
                let d = decode(&bytes).unwrap_or_else(|e| panic!("{enc}: {e}"));
                assert_eq!(d.encoding, enc, "{p}");
                assert_eq!(d.text, p, "{enc}");
                assert!(d.confidence >= 0.9, "{enc}: {}", d.confidence);
            }
        }
    }

    #[test]
    fn decode_keeps_ascii_and_reports_errors() {
        for s in [
            "Viet Nam",
            "Uy ban nhan dan tinh Binh Dinh to chuc hoi nghi.",
            "The quick brown fox jumps over the lazy dog. I'm sure you're right, isn't it? e.g. data(x) a+b",
            "",
        ] {
            let d = decode(s.as_bytes()).unwrap();
            assert_eq!((d.encoding, d.text.as_str(), d.confidence), (Encoding::Utf8, s, 1.0));
        }
        // UTF-8 with a broken byte.
        let mut b = PARAGRAPHS[0].as_bytes().to_vec();
        b[30] = 0xFF;
        match decode(&b) {
            Err(DecodeError::InvalidUtf8 { offset, .. }) => assert!(offset <= 30),
            other => panic!("{other:?}"),
        }
        match decode(b"\xef\xbb\xbfabc\xc3") {
            Err(e @ DecodeError::InvalidUtf8 { offset: 6, .. }) => assert!(e.to_string().contains("byte 6")),
            other => panic!("{other:?}"),
        }
        // Binary noise is no Vietnamese.
        let noise: Vec<u8> = (0..400u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(matches!(decode(&noise), Err(DecodeError::Unknown { .. } | DecodeError::InvalidUtf8 { .. })));
        // Two letters that read the same in VNI and CP1258 ("chào": 0xE0 is à in both).
        match decode(b"ch\xe0o") {
            Err(DecodeError::Ambiguous { candidates }) => {
                let names: Vec<_> = candidates.iter().map(|c| c.0).collect();
                assert!(names.contains(&Encoding::Vni) && names.contains(&Encoding::Windows1258), "{names:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(DecodeError::Ambiguous { candidates: vec![(Encoding::Vni, 1.0)] }.to_string().contains("vni 1.00"));
    }

    #[test]
    fn decode_reads_real_world_tcvn3_samples() {
        let bytes: Vec<u8> =
            "Uû ban nh©n d©n tØnh. Ban ChÊp hµnh Trung \u{ad}¬ng §¶ng. Hµ Néi, ngµy 28 th¸ng 5 n¨m 2019"
                .chars()
                .map(|c| c as u32 as u8)
                .collect();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Tcvn3);
        assert_eq!(d.text, "Uỷ ban nhân dân tỉnh. Ban Chấp hành Trung ương Đảng. Hà Nội, ngày 28 tháng 5 năm 2019");
        let heading: Vec<u8> = "HéI NGHÞ S¥ KÕT".chars().map(|c| c as u32 as u8).collect();
        assert_eq!(decode_as(&heading, Encoding::Tcvn3).unwrap().text, "HỘI NGHỊ SƠ KẾT");
    }

    #[test]
    fn viqr_punctuation_rules() {
        let t = |s: &str| decode_as(s.as_bytes(), Encoding::Viqr).unwrap().text;
        assert_eq!(t("Vie^.t Nam."), "Việt Nam.");
        assert_eq!(t("Anh ddi. Em o+?."), "Anh đi. Em ở.");
        assert_eq!(t("Anh bi. ddau"), "Anh bị đau");
        assert_eq!(t("Ba.n co' khoe? kho^ng?"), "Bạn có khoẻ không?");
        assert_eq!(t("ddi dda^u?"), "đi đâu?");
        assert_eq!(t("the boys' toys"), "the boys' toys");
        assert_eq!(t("HDDND xa~"), "HĐND xã");
        assert_eq!(t("C:\\Windows \\\\ x\\."), "C:\\Windows \\ x.");
        // Strict (RFC) mode once the text escapes a mark.
        assert_eq!(t("Anh bi.\\. Em ddi."), "Anh bị. Em đị");
    }

    // ----- Repair ---------------------------------------------------------------------

    #[test]
    fn repair_fixes_and_leaves_alone() {
        let r = repair("Ä‘Æ°á»ng Nguyá»…n TrÃ£i").unwrap(); // 0x9D of "ờ" lost
        assert_eq!(r.text, "đường Nguyễn Trãi");
        assert_eq!(r.from, "cp1252-mojibake");
        let r = repair("Viá»\u{87}t Nam").unwrap(); // Latin-1 shows 0x87 as a C1 control
        assert_eq!((r.text.as_str(), r.from), ("Việt Nam", "latin1-mojibake"));
        let r = repair("Ä\u{fffd}á»\u{9d}i sá»‘ng").unwrap(); // U+FFFD for the undefined 0x90
        assert_eq!(r.text, "Đời sống");
        let r = repair("Sè 11-HD/VPTW, Hµ Néi, ngµy 28 th¸ng 5").unwrap();
        assert_eq!((r.text.as_str(), r.from), ("Số 11-HD/VPTW, Hà Nội, ngày 28 tháng 5", "tcvn3"));
        assert_eq!(r.to_input(0, 4), (0, 3)); // "Số" ← "Sè"
        // Mixed text: the Unicode part stays, only clear TCVN3 chunks change.
        let r = repair("Hà Nội là thủ đô. Uû ban nh©n d©n").unwrap();
        assert_eq!(r.text, "Hà Nội là thủ đô. Uỷ ban nhân dân");
        for s in [
            "Hà Nội",
            "plain ASCII",
            "Ủy ban nhân dân tỉnh Bình Định",
            "Café José Müller",
            "«Hà Nội» – “Huế”",
            "* Môt số những vi phạm", // a typo, not TCVN3 ("Mụt")
        ] {
            assert!(repair(s).is_none(), "{s}");
        }
    }

    // ----- Properties -----------------------------------------------------------------

    fn capitalise(w: &str, mode: u8) -> String {
        match mode {
            0 => w.to_string(),
            1 => {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
            _ => w.to_uppercase(),
        }
    }

    /// Paragraphs of valid syllables, mixed case, punctuation, ending with a full stop.
    fn paragraph(min: usize) -> impl Strategy<Value = String> {
        let words = syllables();
        proptest::collection::vec((0..words.len(), 0u8..6, 0usize..10), min..min + 40).prop_map(move |v| {
            let mut s = String::new();
            for (k, (w, case, punct)) in v.into_iter().enumerate() {
                if k > 0 {
                    s.push(' ');
                }
                if punct == 9 {
                    s.push('“');
                }
                s.push_str(&capitalise(words[w], case.saturating_sub(3)));
                s.push_str(match punct {
                    0 => ".",
                    1 => ",",
                    2 => ";",
                    3 => ":",
                    9 => "”",
                    _ => "",
                });
            }
            s.push('.');
            s
        })
    }

    fn letter_soup() -> impl Strategy<Value = String> {
        let letters: Vec<char> =
            VOWELS.iter().flatten().flatten().copied().chain("đĐbcdghklmnpqrstvx .,".chars()).collect();
        proptest::collection::vec(0..letters.len(), 0..60)
            .prop_map(move |v| v.into_iter().map(|i| letters[i]).collect())
    }

    fn check_map(d: &Decoded, input_len: usize) {
        let mut last = 0;
        for (o, c) in d.text.char_indices() {
            let (s, e) = d.to_input(o, o + c.len_utf8());
            assert!(last <= s && s <= e && e <= input_len, "{c:?} at {o}: {s}..{e} (last {last})");
            last = s;
        }
        assert_eq!(d.to_input_start(d.text.len()), input_len);
    }

    /// Every character maps to exactly the bytes its encoder writes for it.
    fn check_exact_map(d: &Decoded, input: &[u8], one: impl Fn(char) -> Vec<u8>) {
        for (o, c) in d.text.char_indices() {
            let (s, e) = d.to_input(o, o + c.len_utf8());
            assert_eq!(&input[s..e], &one(c)[..], "{c:?} at {o} ({}): {s}..{e}", d.encoding);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn round_trip_syllable_text(p in paragraph(5)) {
            let nfc: String = p.nfc().collect();
            let ascii_quotes = nfc.replace(['“', '”'], "\"");
            let viqr = encode_viqr(&ascii_quotes).into_bytes();
            let d = decode_as(&viqr, Encoding::Viqr).unwrap();
            prop_assert_eq!(&d.text, &ascii_quotes);
            check_exact_map(&d, &viqr, |c| encode_viqr(&c.to_string()).into_bytes());
            for (enc, bytes, one) in [
                (Encoding::Tcvn3, encode_tcvn3(&p), encode_tcvn3 as fn(&str) -> Vec<u8>),
                (Encoding::Vni, encode_vni(&p), encode_vni),
                (Encoding::Windows1258, encode_cp1258(&p), encode_cp1258),
            ] {
                let d = decode_as(&bytes, enc).unwrap();
                prop_assert_eq!(&d.text, &nfc, "{}", enc);
                check_map(&d, bytes.len());
                check_exact_map(&d, &bytes, |c| one(&c.to_string()));
            }
        }

        #[test]
        fn round_trip_letter_soup(p in letter_soup()) {
            for (enc, bytes) in [(Encoding::Vni, encode_vni(&p)), (Encoding::Windows1258, encode_cp1258(&p))] {
                let d = decode_as(&bytes, enc).unwrap();
                prop_assert_eq!(&d.text, &p, "{}", enc);
                check_map(&d, bytes.len());
            }
        }

        #[test]
        fn detection_picks_the_encoding(p in paragraph(40)) {
            for (enc, bytes) in [
                (Encoding::Tcvn3, encode_tcvn3(&p)),
                (Encoding::Vni, encode_vni(&p)),
                (Encoding::Viqr, encode_viqr(&p.replace(['“', '”'], "\"")).into_bytes()),
                (Encoding::Windows1258, encode_cp1258(&p)),
                (Encoding::Utf8, p.as_bytes().to_vec()),
            ] {
                let p = if enc == Encoding::Viqr { p.replace(['“', '”'], "\"") } else { p.clone() };
                let d = decode(&bytes);
                prop_assert!(d.is_ok(), "{}: {:?}", enc, d);
                let d = d.unwrap();
                prop_assert_eq!(d.encoding, enc);
                prop_assert_eq!(&d.text, &p);
            }
        }

        #[test]
        fn valid_vietnamese_is_never_repaired(p in paragraph(1)) {
            prop_assert!(repair(&p).is_none(), "{:?}", repair(&p).map(|r| r.text));
        }

        #[test]
        fn mojibake_is_repaired(p in paragraph(1)) {
            let broken = to_cp1252_mojibake(&p);
            // Clear evidence: a letter beyond Latin-1, or a lower-case Latin-1 letter but "à"
            // (capitals and "à" end in 0x80..=0xA0, which valid text can hold after Â/Ã).
            let strong = p.chars().any(|c| (c as u32) > 0xFF || (c.is_lowercase() && !c.is_ascii() && c != 'à'));
            let r = repair(&broken);
            if strong {
                prop_assert!(r.is_some(), "{}", broken);
                let r = r.unwrap();
                prop_assert_eq!(&r.text, &p);
                let mut last = 0;
                for (o, c) in r.text.char_indices() {
                    let (s, e) = r.to_input(o, o + c.len_utf8());
                    prop_assert!(last <= s && s <= e && e <= broken.len());
                    last = s;
                }
            }
        }

        #[test]
        fn any_bytes_decode_without_panic(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            for enc in [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258, Encoding::Utf16Le, Encoding::Utf16Be] {
                let d = decode_as(&b, enc).unwrap();
                check_map(&d, b.len());
                prop_assert!(unicode_normalization::is_nfc(&d.text) || matches!(enc, Encoding::Utf16Le | Encoding::Utf16Be));
            }
            if let Ok(d) = decode(&b) {
                check_map(&d, b.len());
            }
            let s = String::from_utf8_lossy(&b);
            let _ = repair(&s);
            let _ = vietnamese_score(&s);
        }
    }
}
