//! PLACEHOLDER (replaced by the real module).
use serde::Serialize;
/// Time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// s
    Sang,
    /// t
    Trua,
    /// c
    Chieu,
    /// t
    Toi,
    /// d
    Dem,
}
/// Date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// a
    pub start: usize,
    /// a
    pub end: usize,
    /// a
    pub year: Option<i32>,
    /// a
    pub month: Option<u8>,
    /// a
    pub day: Option<u8>,
    /// a
    pub end_day: Option<u8>,
    /// a
    pub end_month: Option<u8>,
    /// a
    pub time_of_day: Option<TimeOfDay>,
    /// a
    pub hour: Option<u8>,
    /// a
    pub minute: Option<u8>,
    /// a
    pub weekday: Option<u8>,
    /// a
    pub relative: bool,
    /// a
    pub lunar: bool,
    /// a
    pub kind: DateKind,
}
/// k
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// a
    Full,
    /// a
    DayMonth,
    /// a
    MonthYear,
    /// a
    TimeOnly,
    /// a
    Relative,
}
/// p
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodMention {
    /// a
    pub start: usize,
    /// a
    pub end: usize,
    /// a
    pub kind: PeriodKind,
    /// a
    pub year: Option<i32>,
    /// a
    pub end_year: Option<i32>,
    /// a
    pub months: Option<u8>,
    /// a
    pub quarter: Option<u8>,
    /// a
    pub term: Option<u32>,
}
/// k
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// a
    FirstMonths,
    /// a
    LastMonths,
    /// a
    Months,
    /// a
    Quarter,
    /// a
    Year,
    /// a
    Term,
    /// a
    Stage,
    /// a
    Course,
    /// a
    SchoolYear,
    /// a
    Month,
}
/// r
#[derive(Debug, Default)]
pub struct DateRecognizer;
impl DateRecognizer {
    /// n
    pub fn new() -> Self {
        DateRecognizer
    }
    /// d
    pub fn dates(&self, _key: &str) -> Vec<DateMention> {
        Vec::new()
    }
    /// p
    pub fn periods(&self, _key: &str) -> Vec<PeriodMention> {
        Vec::new()
    }
}
