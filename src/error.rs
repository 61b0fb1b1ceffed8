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
    /// No supported encoding reads the bytes as Vietnamese, or several read them
    /// equally well.
    #[error("cannot tell the encoding ({reason}); candidates: {}", candidates.iter().map(|(e, s)| format!("{e} {s:.2}")).collect::<Vec<_>>().join(", "))]
    UnknownEncoding {
        /// "ambiguous" or "no encoding fits".
        reason: String,
        /// Encodings tried with the share of valid Vietnamese syllables each gave, best first.
        candidates: Vec<(String, f32)>,
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
            Error::TooLarge { .. } | Error::UnknownEncoding { .. } => None,
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
            D::Ambiguous { candidates } => {
                Error::UnknownEncoding { reason: "ambiguous".into(), candidates: names(candidates) }
            }
            D::Unknown { candidates } => {
                Error::UnknownEncoding { reason: "no encoding fits".into(), candidates: names(candidates) }
            }
            D::TooLarge { size, .. } => Error::TooLarge { size, limit: crate::decode::MAX_INPUT_BYTES },
        }
    }
}
