//! Half-open byte ranges into the caller's input.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the input as the caller gave it
/// (for [`crate::parse_bytes`], into the given bytes). Serialized as `[start, end]`.
///
/// ```
/// let s = vanban::Span::new(2, 5);
/// assert_eq!(s.slice("ab cde f"), Some(" cd"));
/// assert_eq!(serde_json::to_string(&s).unwrap(), "[2,5]");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given in the wrong order).
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end { Span { start, end } } else { Span { start: end, end: start } }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text the span covers in `s`, if it is in bounds and on char boundaries.
    pub fn slice<'a>(&self, s: &'a str) -> Option<&'a str> {
        s.get(self.start..self.end)
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Self {
        Span::new(start, end)
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> Self {
        (s.start, s.end)
    }
}
