//! PLACEHOLDER (replaced by the real module).
use serde::Serialize;
/// s
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum MarkerStyle {
    /// a
    ParenNumber,
    /// a
    Dash,
}
/// i
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListItem {
    /// a
    pub marker: String,
    /// a
    pub marker_start: usize,
    /// a
    pub marker_end: usize,
    /// a
    pub number: Option<u32>,
    /// a
    pub start: usize,
    /// a
    pub end: usize,
    /// a
    pub level: u8,
    /// a
    pub parent: Option<usize>,
}
/// l
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnumList {
    /// a
    pub style: MarkerStyle,
    /// a
    pub inline: bool,
    /// a
    pub intro_start: usize,
    /// a
    pub intro_end: usize,
    /// a
    pub start: usize,
    /// a
    pub end: usize,
    /// a
    pub items: Vec<ListItem>,
}
/// r
#[derive(Debug, Default)]
pub struct ListRecognizer;
impl ListRecognizer {
    /// n
    pub fn new() -> Self {
        ListRecognizer
    }
    /// l
    pub fn lists(&self, _t: &str, _k: &str) -> Vec<EnumList> {
        Vec::new()
    }
}
