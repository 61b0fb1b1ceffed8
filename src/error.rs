//! The one error type of the crate.

use thiserror::Error;

/// Why input was refused. Text input (`&str`) is never refused by [`crate::parse`];
/// errors arise only where bytes cannot be decoded or a configured limit is passed.
///
/// ```
/// let err = vanban::parse_bytes(b"ab\xffcd").unwrap_err();
/// assert_eq!(err.offset(), Some(2));
/// assert!(err.to_string().contains("byte offset 2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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
            Error::TooLarge { .. } => None,
        }
    }
}
