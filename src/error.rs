//! The one error type of the crate.

use thiserror::Error;

/// Why input was refused. Text input (`&str`) is never refused by [`crate::parse`];
/// errors arise only where bytes cannot be decoded or a configured limit is passed.
///
/// ```
/// // UTF-8 Vietnamese with one broken byte is refused, never guessed.
/// let mut bytes = "Hội nghị sơ kết công tác dân vận ".as_bytes().to_vec();
/// bytes.push(0xff);
/// bytes.extend("của Ban Dân vận Huyện ủy".as_bytes());
/// let err = vanban::parse_bytes(&bytes).unwrap_err();
/// assert_eq!(err.offset(), Some(45));
/// assert!(err.to_string().contains("byte offset 45"));
/// ```
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not valid UTF-8 (and no other supported encoding applies).
    #[error("invalid UTF-8 at byte offset {offset}: {reason}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte in the given input.
        offset: usize,
        /// What is wrong there.
        reason: String,
    },
    /// No supported encoding reads the bytes as Vietnamese.
    #[error("cannot tell the encoding (no encoding fits); candidates: {}", list(candidates))]
    UnknownEncoding {
        /// Encodings tried with the share of valid Vietnamese syllables each gave, best first.
        candidates: Vec<(String, f32)>,
    },
    /// Several encodings read the bytes as Vietnamese about equally well.
    #[error("cannot tell the encoding (ambiguous); candidates: {}", list(candidates))]
    AmbiguousEncoding {
        /// The encodings within the margin of the best, with the share of valid
        /// Vietnamese syllables each gave, best first.
        candidates: Vec<(String, f32)>,
    },
    /// The bytes are binary data (an executable, an image, an archive, a PDF), not text.
    #[error("binary data, not text ({}{control_bytes} control bytes in the first {sampled})", signature.as_ref().map(|s| format!("{s} signature; ")).unwrap_or_default())]
    Binary {
        /// The file format whose signature starts the input (`"ELF executable"`,
        /// `"PDF"`, `"ZIP archive"`, ...), when one does.
        signature: Option<String>,
        /// NUL and control bytes (other than tab, line feed, carriage return, form feed
        /// and escape) among the bytes (or, after decoding, characters) sampled.
        control_bytes: usize,
        /// How many bytes (or characters) from the start were sampled.
        sampled: usize,
    },
    /// The input is larger than [`crate::ParserBuilder::max_input_bytes`] allows.
    #[error("input of {size} bytes is larger than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
}

impl Error {
    /// The byte offset in the input the error points at, when it has one.
    pub fn offset(&self) -> Option<usize> {
        match self {
            Error::InvalidUtf8 { offset, .. } => Some(*offset),
            Error::TooLarge { .. }
            | Error::UnknownEncoding { .. }
            | Error::AmbiguousEncoding { .. }
            | Error::Binary { .. } => None,
        }
    }
}

impl From<crate::decode::DecodeError> for Error {
    fn from(e: crate::decode::DecodeError) -> Self {
        use crate::decode::DecodeError as D;
        let names =
            |c: Vec<(crate::decode::Encoding, f32)>| c.into_iter().map(|(e, s)| (e.name().to_string(), s)).collect();
        match e {
            D::InvalidUtf8 { offset, reason } => Error::InvalidUtf8 { offset, reason },
            D::Ambiguous { candidates } => Error::AmbiguousEncoding { candidates: names(candidates) },
            D::Unknown { candidates } => Error::UnknownEncoding { candidates: names(candidates) },
            D::Binary { signature, control_bytes, sampled } => {
                Error::Binary { signature: signature.map(str::to_string), control_bytes, sampled }
            }
            D::TooLarge { size, .. } => Error::TooLarge { size, limit: crate::decode::MAX_INPUT_BYTES },
        }
    }
}

fn list(candidates: &[(String, f32)]) -> String {
    candidates.iter().map(|(e, s)| format!("{e} {s:.2}")).collect::<Vec<_>>().join(", ")
}
