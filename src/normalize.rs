//! PLACEHOLDER (replaced by the real module).
/// Tone style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ToneStyle {
    /// Old.
    Old,
    /// New.
    New,
    /// Keep.
    #[default]
    Keep,
}
/// Options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Tone.
    pub tone: ToneStyle,
}
/// Normalized.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Text.
    pub text: String,
}
impl Normalized {
    /// Start.
    pub fn to_input_start(&self, off: usize) -> usize {
        off
    }
    /// End.
    pub fn to_input_end(&self, off: usize) -> usize {
        off
    }
    /// Range.
    pub fn to_input(&self, s: usize, e: usize) -> (usize, usize) {
        (s, e)
    }
    /// Identity.
    pub fn is_identity(&self) -> bool {
        true
    }
}
/// Normalize.
pub fn normalize(input: &str, _o: &NormalizeOptions) -> Normalized {
    Normalized { text: input.to_string() }
}
