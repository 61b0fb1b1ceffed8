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
//!
//! The files: this one holds the public types, [`decode`] and [`decode_as`];
//! `detect` scores candidate encodings; `legacy` decodes TCVN3, VNI, Windows-1258 and
//! UTF-16, `viqr` VIQR; `repair` fixes mojibake; `encode` holds the encoders. The
//! tables, the syllable validator and the offset map come from `crate::spelling`.

use std::fmt;

mod detect;
mod encode;
mod legacy;
mod repair;
#[cfg(test)]
mod tests;
mod viqr;

use crate::spelling::offset_map::{MapBuilder, OffsetMap};
use crate::spelling::syllable::analyze;
pub use crate::spelling::syllable::vietnamese_score;
use detect::{
    SCORE_PREFIX, UTF8_BOM, binary, decode_raw, detect_legacy, prefix, str_prefix, text_confidence, utf8_error,
};
pub use encode::{encode_cp1258, encode_tcvn3, encode_viqr, encode_vni, to_cp1252_mojibake};
use legacy::decode_utf16;
pub use repair::repair;
use viqr::{decode_viqr, viqr_marks};

/// Largest input [`decode`], [`decode_as`] and [`repair`] accept: 1 GiB (offsets are
/// kept in 32 bits and a legacy byte can become three bytes of UTF-8).
pub const MAX_INPUT_BYTES: usize = 1 << 30;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// The span-mapping methods of a text with an offset map (fields `text` and `map`):
/// written once for [`Decoded`] and [`Repaired`]. `$input` names what offsets map to.
macro_rules! impl_input_mapping {
    ($type:ty, $input:literal) => {
        impl $type {
            #[doc = concat!("Byte offset in ", $input, " of text offset `off` (floor: an offset inside a")]
            /// character maps to the start of the input bytes that produced it; past the end
            /// maps to the input's end).
            pub fn to_input_start(&self, off: usize) -> usize {
                self.map.input_start(&self.text, off)
            }

            #[doc = concat!("Byte offset in ", $input, " where the character before text offset `off`")]
            /// ends (ceil: an offset inside a character maps to the end of that character's
            /// input bytes).
            pub fn to_input_end(&self, off: usize) -> usize {
                self.map.input_end(&self.text, off)
            }

            #[doc = concat!("Byte range in ", $input, " of text range `s..e`. An empty range maps to")]
            /// an empty range.
            pub fn to_input(&self, s: usize, e: usize) -> (usize, usize) {
                self.map.input_range(&self.text, s, e)
            }
        }
    };
}

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
///
/// ```
/// use vanban::decode::{decode_as, Encoding};
/// let d = decode_as(b"ch\xb5o", Encoding::Tcvn3).unwrap();
/// assert_eq!(d.text, "chào");
/// assert_eq!(d.to_input_start(2), 2); // "à" starts at input byte 2
/// assert_eq!(d.to_input_start(3), 2); // inside "à"
/// assert_eq!(d.to_input_start(4), 3); // "o"
///
/// let d = decode_as(b"cha\xf8o", Encoding::Vni).unwrap();
/// assert_eq!(d.text, "chào");
/// assert_eq!(d.to_input_end(4), 4); // "à" came from the two bytes 2..4
/// assert_eq!(d.to_input_end(3), 4); // inside "à"
/// ```
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

impl_input_mapping!(Decoded, "the input bytes");

impl Decoded {
    /// Number of entries in the offset map (a measure of its size: each entry is 16
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
    /// The bytes are binary data (an executable, an image, an archive, a PDF), not text
    /// in any encoding: a known file signature at the start, or NUL and control bytes
    /// in a quantity no text has.
    Binary {
        /// The file format whose signature starts the input (`"ELF executable"`,
        /// `"PDF"`, `"ZIP archive"`, ...), when one does.
        signature: Option<&'static str>,
        /// NUL and control bytes (other than tab, line feed, carriage return, form feed
        /// and escape) among the bytes sampled.
        control_bytes: usize,
        /// How many bytes from the start were sampled.
        sampled: usize,
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
            DecodeError::Binary { signature, control_bytes, sampled } => {
                f.write_str("binary data, not text (")?;
                if let Some(sig) = signature {
                    write!(f, "{sig} signature; ")?;
                }
                write!(f, "{control_bytes} control bytes in the first {sampled})")
            }
            DecodeError::TooLarge { size, limit } => write!(f, "input of {size} bytes is over the limit of {limit}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Text repaired by [`repair`], what it was broken by, and a map back to the given string.
///
/// ```
/// let r = vanban::decode::repair("Ông Nguyá»…n VÄƒn An").unwrap();
/// assert_eq!(r.text, "Ông Nguyễn Văn An");
/// assert_eq!(r.from, "cp1252-mojibake");
/// assert_eq!(r.to_input(5, 13), (5, 17)); // "Nguyễn" ← "Nguyá»…n"
/// ```
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

impl_input_mapping!(Repaired, "the string given to [`repair`]");

/// Decode `bytes`, detecting the encoding.
///
/// UTF-8 with a BOM, UTF-16 with a BOM, and valid UTF-8 are taken as such (pure ASCII
/// is tested for VIQR only when it is dense with VIQR marks). Binary data (a file
/// signature such as ELF, PE, PDF, ZIP, PNG, JPEG or GIF at the start, NUL and control
/// bytes making up over 1 in 20 of the first 64 KiB, or NULs over 1 in 1000) is
/// [`DecodeError::Binary`] before any encoding is tried. Anything else is decoded with TCVN3, VNI and Windows-1258 (first 8 KiB, then 64 KiB unless a winner is
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
    if let Some(e) = binary(bytes) {
        return Err(e);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            if s.is_ascii() {
                let (marks, words) = viqr_marks(prefix(bytes, SCORE_PREFIX));
                if marks >= 2 && marks * 2 >= words {
                    let (text, map) = decode_viqr(s);
                    let stats = analyze(str_prefix(&text, SCORE_PREFIX));
                    if stats.valid_na >= 2 && stats.evidence().unwrap_or(0.0) >= 0.8 {
                        let confidence = stats.evidence().unwrap_or(1.0);
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
