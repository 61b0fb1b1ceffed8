//! Calendar dates, clock times and time periods in a Vietnamese *key* string.
//!
//! The recognizers run on the normalised key: NFC, lower case, new-style tone
//! placement, single spaces, newlines kept, dashes folded to `-`. Every offset
//! they return is a byte offset into that key, so the caller can slice the
//! original text at the same offsets.
//!
//! Two lists come out of a document:
//!
//! * [`DateRecognizer::dates`] finds calendar dates, day ranges, clock times,
//!   weekdays and relative days ("sáng nay", "hôm qua"), one [`DateMention`]
//!   per expression, with the part of day, the weekday and the clock folded
//!   into the same mention.
//! * [`DateRecognizer::periods`] finds spans of time: "6 tháng đầu năm 2019",
//!   "quý II-2024", "năm 2019", "nhiệm kỳ 2020-2025", "khóa XIX", and so on.
//!
//! Nothing here resolves a relative or yearless date: "sáng 8/7" keeps
//! `year: None`, and the caller anchors it on the publication date. Lunar
//! dates are flagged, never converted.
//!
//! The scan is linear: one regex pass finds candidate positions (digits and a
//! few cue words), and a small hand-written parser extends each candidate.
//! Word boundaries are checked by hand, so no Unicode `\b` is compiled.
#![forbid(unsafe_code)]

use crate::lexicon::{Lexicon, WordList};
use serde::Serialize;

pub use crate::model::{PeriodKind, TimeOfDay};

/// What calendar information a [`DateMention`] carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// Day, month and year ("ngày 05/7/2019").
    Full,
    /// Day and month, no year ("chiều 18-7"); the year comes from the publication date.
    DayMonth,
    /// Month and year, no day ("tháng 7/2019", "(5-2019)").
    MonthYear,
    /// A clock time with no calendar date ("lúc 8h30", "vào hồi 14 giờ 00").
    TimeOnly,
    /// No calendar date and no clock: a relative day ("hôm qua", "sáng nay",
    /// "chiều cùng ngày") or a bare weekday ("sáng thứ hai").
    Relative,
}

/// One date or time expression found in the key.
///
/// A range ("27 và 28-7", "từ ngày 04-10/3/2024") is one mention: the first
/// day is in `day`/`month`/`year`, the last day in `end_day`/`end_month`
/// (both set for every range, even when the month does not change). A list of
/// days ("ngày 7, 8 và 9/5") is reported as the range from its first to its
/// last day. The year, when written once, applies to both ends; for a range
/// across New Year ("28/12/2020 đến 2/1/2021") `year` is the start's year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Byte offset where the expression starts (a lead word such as "vào",
    /// "lúc", "từ", the part of day, the weekday or an opening parenthesis).
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// Year, when written (four digits, 1900..=2100).
    pub year: Option<i32>,
    /// Month 1..=12.
    pub month: Option<u8>,
    /// Day of the month (the first day of a range).
    pub day: Option<u8>,
    /// Last day of a range.
    pub end_day: Option<u8>,
    /// Month of the last day of a range.
    pub end_month: Option<u8>,
    /// Part of the day ("sáng", "chiều", ...).
    pub time_of_day: Option<TimeOfDay>,
    /// Clock hour 0..=23.
    pub hour: Option<u8>,
    /// Clock minute 0..=59.
    pub minute: Option<u8>,
    /// 2..=7 for *thứ hai* .. *thứ bảy*, 8 for *chủ nhật*.
    pub weekday: Option<u8>,
    /// A deictic day word: "nay", "qua", "mai", "hôm nay", "hôm qua",
    /// "hôm sau", "ngày mai", "cùng ngày".
    pub relative: bool,
    /// A lunar date: "âm lịch", "tháng giêng", "tháng chạp", "rằm", "mùng 1 tết".
    pub lunar: bool,
    /// What calendar information is present.
    pub kind: DateKind,
}

/// One span of time (not a single day) found in the key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodMention {
    /// Byte offset where the expression starts.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// What sort of period this is.
    pub kind: PeriodKind,
    /// The (first) year.
    pub year: Option<i32>,
    /// The last year of a multi-year period ("nhiệm kỳ 2020-2025" → 2025).
    pub end_year: Option<i32>,
    /// How many months: 6 in "6 tháng đầu năm", 9 in "9 tháng"; for
    /// "tháng 7 và những tháng cuối năm" the months from July to December (6).
    pub months: Option<u8>,
    /// Quarter 1..=4 ("quý I/2024").
    pub quarter: Option<u8>,
    /// Committee term number ("khoá XIX" → 19, "khóa 20" → 20).
    pub term: Option<u32>,
    /// The month a period names or starts with: 7 in "tháng 7" and in
    /// "tháng 7 và những tháng cuối năm 2022"; 1 in "tháng giêng".
    pub month: Option<u8>,
}

/// Finds dates, times and periods in key strings.
///
/// Built once, immutable, `Send + Sync`, and reused for every document. It
/// holds the first-byte tables of the cue words; the scan over a document is
/// a single linear byte loop that stops only at digits, `(` and the first
/// bytes of the few cue words ("sáng", "ngày", "lúc", "quý", "khoá", ...),
/// which a hand-written parser then extends. This is several times faster
/// than a regex pass over Vietnamese text and never super-linear.
#[derive(Debug, Clone)]
pub struct DateRecognizer {
    date_cues: CueTable,
    period_cues: CueTable,
    words: DateWords,
}

/// The words of dates.tsv the parser reads (see [`WordList`]), with their values.
#[derive(Debug, Clone)]
struct DateWords {
    /// Month names after "tháng", longest first: (word, month, lunar).
    months: Vec<(String, u8, bool)>,
    ordinal_heads: Vec<String>,
    day_parts: Vec<(String, TimeOfDay)>,
    day_part_lead: Vec<String>,
    early_morning: Vec<String>,
    day_part_relative: Vec<String>,
    relative_day: Vec<String>,
    hom_relative: Vec<String>,
    ngay_relative: Vec<String>,
    /// (word after "thứ", weekday).
    weekday_numbers: Vec<(String, u8)>,
    /// (whole weekday phrase, weekday).
    weekday_names: Vec<(String, u8)>,
    about: Vec<String>,
    time_leads: Vec<(String, LeadFlags)>,
    day_counts: Vec<String>,
    months_not_after: Vec<String>,
    month_not_after: Vec<String>,
}

/// What a lead word of dates.tsv licenses (its value: `time`, `from`, `vao`).
#[derive(Debug, Clone, Copy)]
struct LeadFlags {
    time: bool,
    from: bool,
    vao: bool,
}

impl DateWords {
    /// The lists of `lex`; an entry whose value does not parse is left out.
    fn new(lex: &Lexicon) -> Self {
        let forms = |l: WordList| lex.word_list(l).forms().to_vec();
        let valued = |l: WordList| -> Vec<(String, u8)> {
            lex.word_list(l).entries().filter_map(|(w, v)| Some((w.to_string(), v.trim().parse().ok()?))).collect()
        };
        let months = lex
            .word_list(WordList::MonthWord)
            .entries()
            .filter_map(|(w, v)| {
                let mut parts = v.split_whitespace();
                let m = parts.next()?.parse().ok()?;
                Some((w.to_string(), m, parts.any(|p| p == "lunar")))
            })
            .collect();
        let day_parts = lex
            .word_list(WordList::DayPart)
            .entries()
            .filter_map(|(w, v)| {
                let t = match v.trim() {
                    "sang" => TimeOfDay::Sang,
                    "trua" => TimeOfDay::Trua,
                    "chieu" => TimeOfDay::Chieu,
                    "toi" => TimeOfDay::Toi,
                    "dem" => TimeOfDay::Dem,
                    _ => return None,
                };
                Some((w.to_string(), t))
            })
            .collect();
        let time_leads = lex
            .word_list(WordList::TimeLead)
            .entries()
            .map(|(w, v)| {
                let has = |f: &str| v.split(',').any(|x| x.trim() == f);
                (w.to_string(), LeadFlags { time: has("time"), from: has("from"), vao: has("vao") })
            })
            .collect();
        DateWords {
            months,
            ordinal_heads: forms(WordList::OrdinalHead),
            day_parts,
            day_part_lead: forms(WordList::DayPartLead),
            early_morning: forms(WordList::EarlyMorning),
            day_part_relative: forms(WordList::DayPartRelative),
            relative_day: forms(WordList::RelativeDay),
            hom_relative: forms(WordList::HomRelative),
            ngay_relative: forms(WordList::NgayRelative),
            weekday_numbers: valued(WordList::WeekdayNumber),
            weekday_names: valued(WordList::WeekdayName),
            about: forms(WordList::AboutLead),
            time_leads,
            day_counts: forms(WordList::DayCount),
            months_not_after: forms(WordList::MonthsNotAfter),
            month_not_after: forms(WordList::MonthNotAfter),
        }
    }
}

impl Default for DateRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

/// What may start a candidate: by first byte, 1 = always (digits, `(`),
/// 2 = maybe a cue word. A word start whose first byte allows a cue word is
/// filtered on a hash of its first five bytes (cut at the end of the word),
/// which rejects almost every ordinary word with one bit test; only the few
/// survivors are compared in full.
#[derive(Debug, Clone)]
struct CueTable {
    kind: [u8; 256],
    prefix: Vec<u64>,
    words: Vec<Box<[u8]>>,
}

impl CueTable {
    fn new(cues: &[String], paren: bool) -> Self {
        let mut kind = [0u8; 256];
        let mut prefix = vec![0u64; 1024];
        for d in b'0'..=b'9' {
            kind[usize::from(d)] = 1;
        }
        if paren {
            kind[usize::from(b'(')] = 1;
        }
        let mut words = Vec::new();
        for w in cues {
            let b = w.as_bytes();
            let Some(&first) = b.first() else { continue };
            kind[usize::from(first)] = 2;
            let v = load8(b, 0);
            let h = prefix_hash(v, sep_mask(v));
            prefix[h / 64] |= 1 << (h % 64);
            words.push(b.into());
        }
        CueTable { kind, prefix, words }
    }

    /// Does a cue start the word at `i`? `v` holds the eight bytes at `i`
    /// and `m` their separator mask.
    #[inline(always)]
    fn at(&self, b: &[u8], i: usize, v: u64, m: u64) -> bool {
        match self.kind[usize::from(b[i])] {
            0 => false,
            1 => true,
            _ => {
                let h = prefix_hash(v, m);
                self.prefix[h / 64] & (1 << (h % 64)) != 0 && self.words.iter().any(|w| starts(&b[i..], w))
            }
        }
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Eight bytes from `i`, little-endian, zero-padded past the end.
#[inline(always)]
fn load8(b: &[u8], i: usize) -> u64 {
    match b.get(i..i + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().unwrap_or([0; 8])),
        None => {
            let mut buf = [0u8; 8];
            let rest = &b[i..];
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

/// SWAR: high bit set in every byte of `v` that is a separator for the scan
/// (an ASCII byte other than a letter or digit, or a C2/E2/E3 lead byte);
/// exactly the bytes that [`BYTE_CLASS`] does not call `WORD`.
#[inline(always)]
fn sep_mask(v: u64) -> u64 {
    #[inline]
    fn ge(x7: u64, k: u8) -> u64 {
        x7.wrapping_add(LO * u64::from(0x80 - k)) & HI
    }
    #[inline]
    fn eq(v: u64, c: u8) -> u64 {
        let t = v ^ (LO * u64::from(c));
        !(((t & !HI).wrapping_add(!HI)) | t | !HI)
    }
    let x7 = v & !HI;
    let ascii = !v & HI;
    let lower = ge(x7, b'a') & !ge(x7, b'z' + 1);
    let upper = ge(x7, b'A') & !ge(x7, b'Z' + 1);
    let digit = ge(x7, b'0') & !ge(x7, b'9' + 1);
    (ascii & !(lower | upper | digit)) | eq(v, 0xC2) | eq(v, 0xE2) | eq(v, 0xE3)
}

/// A 16-bit hash of the first five bytes of `v`, cut at the first separator
/// (`m` is `sep_mask(v)`).
#[inline(always)]
fn prefix_hash(v: u64, m: u64) -> usize {
    let m = m | (1 << 47); // keep at most five bytes
    let keep = m.trailing_zeros() / 8;
    let k = v & ((1u64 << (8 * keep)) - 1);
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

/// The first separator at or after `i` (or `b.len()`).
#[inline]
fn next_sep(b: &[u8], mut i: usize) -> usize {
    while i + 8 <= b.len() {
        let m = sep_mask(load8(b, i));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && BYTE_CLASS[usize::from(b[i])] == WORD {
        i += 1;
    }
    i
}

/// Byte classes for the token scan.
const WORD: u8 = 0;
const SEP1: u8 = 1;
const SEP2: u8 = 2;
const SEP3: u8 = 3;

/// ASCII letters and digits, and every non-ASCII char except the Latin-1
/// punctuation block (lead byte C2: NBSP, «, », °) and the general
/// punctuation and symbol blocks (lead bytes E2, E3), are word bytes.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if !c.is_ascii_alphanumeric() {
            t[i] = SEP1;
        }
        i += 1;
    }
    t[0xC2] = SEP2;
    t[0xE2] = SEP3;
    t[0xE3] = SEP3;
    t
};

/// Most mentions [`DateRecognizer::dates`] or [`DateRecognizer::periods`] returns for
/// a key of `len` bytes: 1024, plus one per 64 bytes. No document of the corpus, the
/// dev set or the 5 653 bulk documents has more than 67 (the densest, a schedule, one
/// every 53 bytes over a kilobyte). A long text denser than that is a table of dates
/// ("ngày 1/1/2020 " over a megabyte, 48 bytes a mention), not a meeting report: only
/// its first dates are read, so the list stays a fraction of the text.
pub fn max_mentions(len: usize) -> usize {
    1024 + len / 64
}

/// The shared scan: visits each token start once, lets `parse` extend the
/// ones that begin with a cue, and skips the rest of every other word. Stops after
/// [`max_mentions`].
fn scan<T>(
    key: &str,
    cues: &CueTable,
    words: &DateWords,
    parse: fn(&DateWords, &str, usize) -> Option<T>,
    end_of: fn(&T) -> usize,
) -> Vec<T> {
    let b = key.as_bytes();
    let n = b.len();
    let limit = max_mentions(n);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n && out.len() < limit {
        let x = b[i];
        match BYTE_CLASS[usize::from(x)] {
            WORD => {
                let v = load8(b, i);
                let seps = sep_mask(v);
                if cues.at(b, i, v, seps) && cue_starts_token(key, i) {
                    if let Some(m) = parse(words, key, i) {
                        i = end_of(&m);
                        out.push(m);
                        continue;
                    }
                }
                // The word ends at the first separator; the zero padding past
                // the end of the text counts as one.
                i = if seps != 0 { i + ((seps.trailing_zeros() / 8) as usize).max(1) } else { next_sep(b, i + 8) };
            }
            SEP1 => {
                if cues.kind[usize::from(x)] != 0 && cue_starts_token(key, i) {
                    if let Some(m) = parse(words, key, i) {
                        i = end_of(&m);
                        out.push(m);
                        continue;
                    }
                }
                i += 1;
            }
            SEP2 => i += 2,
            _ => i += 3,
        }
    }
    out
}

impl DateRecognizer {
    /// Builds the recognizer with the crate's word lists (cheap; build it once and
    /// share it).
    pub fn new() -> Self {
        Self::with_lexicon(crate::lexicon::bundled())
    }

    /// Builds the recognizer with the word lists of `lex` (dates.tsv: the cue words,
    /// month and weekday names, parts of the day, lead words …).
    pub fn with_lexicon(lex: &Lexicon) -> Self {
        Self {
            date_cues: CueTable::new(lex.word_list(WordList::DateCue).forms(), true),
            period_cues: CueTable::new(lex.word_list(WordList::PeriodCue).forms(), false),
            words: DateWords::new(lex),
        }
    }

    /// The date and time mentions in `key`, sorted by start, non-overlapping (the first
    /// [`max_mentions`] of them).
    pub fn dates(&self, key: &str) -> Vec<DateMention> {
        scan(key, &self.date_cues, &self.words, parse_date, |d| d.end)
    }

    /// The period mentions in `key`, sorted by start, non-overlapping (the first
    /// [`max_mentions`] of them).
    pub fn periods(&self, key: &str) -> Vec<PeriodMention> {
        scan(key, &self.period_cues, &self.words, parse_period, |p| p.end)
    }
}

/// Parses a Roman numeral from 1 (`i`) to 50 (`l`), in either case.
///
/// Only the canonical spelling is accepted ("iv", not "iiii").
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let mut vals = [0u32; 8];
    for (slot, b) in vals.iter_mut().zip(s.bytes()) {
        *slot = match b.to_ascii_lowercase() {
            b'i' => 1,
            b'v' => 5,
            b'x' => 10,
            b'l' => 50,
            _ => return None,
        };
    }
    let vals = &vals[..s.len()];
    // A symbol smaller than the next one is subtracted ("iv", "xl").
    let mut total = 0i64;
    for (k, &v) in vals.iter().enumerate() {
        if vals.get(k + 1).is_some_and(|&next| next > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let n = u32::try_from(total).ok().filter(|n| (1..=50).contains(n))?;
    (to_roman(n).eq_ignore_ascii_case(s)).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, r) in [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

/// True when day `d` of month `m` exists; with no year, 29 February is allowed.
pub fn is_valid_date(y: Option<i32>, m: u8, d: u8) -> bool {
    if !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let max = match m {
        2 => match y {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= max
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

// ---------------------------------------------------------------------------
// Low-level scanning
// ---------------------------------------------------------------------------

/// True when the char ending just before byte `i` is not a letter or digit.
fn boundary_before(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    if i == 0 {
        return true;
    }
    let p = b[i - 1];
    if p < 0x80 {
        return !p.is_ascii_alphanumeric();
    }
    s[..i].chars().next_back().is_none_or(|c| !crate::spelling::is_alphanumeric(c))
}

/// True when the char starting at byte `i` is not a letter or digit.
fn boundary_after(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => true,
        Some(&b) if b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => s[i..].chars().next().is_none_or(|c| !crate::spelling::is_alphanumeric(c)),
    }
}

/// A candidate must start a token; a number must not continue another number
/// ("1.2.3", "0228.3810724", "1.500.000").
fn cue_starts_token(s: &str, i: usize) -> bool {
    if !boundary_before(s, i) {
        return false;
    }
    let b = s.as_bytes();
    if b[i].is_ascii_digit()
        && i >= 2
        && matches!(b[i - 1], b'.' | b',' | b'/' | b'-' | b':')
        && b[i - 2].is_ascii_digit()
    {
        return false;
    }
    true
}

#[derive(Clone, Copy)]
struct Num {
    val: u32,
    len: usize,
}

#[derive(Clone, Copy)]
struct Cur<'a> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
    /// The word lists.
    w: &'a DateWords,
}

impl<'a> Cur<'a> {
    fn new(w: &'a DateWords, s: &'a str, pos: usize) -> Self {
        Cur { s, b: s.as_bytes(), pos, w }
    }

    /// The first of `words` at the cursor, followed by a word boundary.
    fn any_word(&mut self, words: &[String]) -> bool {
        words.iter().any(|w| self.word(w))
    }

    /// Spaces, then the first of `words`; nothing is consumed on failure.
    fn any_sword(&mut self, words: &[String]) -> bool {
        words.iter().any(|w| self.sword(w))
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.pos + k).copied()
    }

    fn next_is_digit(&self, k: usize) -> bool {
        self.peek_at(k).is_some_and(|b| b.is_ascii_digit())
    }

    /// Skips spaces, tabs and no-break spaces (never a newline).
    fn sp(&mut self) -> bool {
        let start = self.pos;
        loop {
            match self.peek() {
                Some(b' ' | b'\t') => self.pos += 1,
                Some(0xC2) if self.peek_at(1) == Some(0xA0) => self.pos += 2,
                _ => break,
            }
        }
        self.pos > start
    }

    fn byte(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// `w` at the cursor, followed by a word boundary.
    fn word(&mut self, w: &str) -> bool {
        let end = self.pos + w.len();
        if starts(&self.b[self.pos..], w.as_bytes()) && boundary_after(self.s, end) {
            self.pos = end;
            true
        } else {
            false
        }
    }

    /// Like [`Cur::word`], but a digit may follow with no space ("ngày18/2").
    fn word_glued(&mut self, w: &str) -> bool {
        if self.word(w) {
            return true;
        }
        let end = self.pos + w.len();
        if starts(&self.b[self.pos..], w.as_bytes()) && self.b.get(end).is_some_and(u8::is_ascii_digit) {
            self.pos = end;
            return true;
        }
        false
    }

    /// Spaces, then `w`; nothing is consumed on failure.
    fn sword(&mut self, w: &str) -> bool {
        let save = self.pos;
        self.sp();
        if self.word(w) {
            true
        } else {
            self.pos = save;
            false
        }
    }

    /// A run of ASCII digits of at most four digits; nothing consumed otherwise.
    fn num(&mut self) -> Option<Num> {
        let start = self.pos;
        let mut val = 0u32;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            val = val.saturating_mul(10).saturating_add(u32::from(d - b'0'));
            self.pos += 1;
        }
        let len = self.pos - start;
        if len == 0 || len > 4 {
            self.pos = start;
            return None;
        }
        Some(Num { val, len })
    }

    /// A run of ASCII letters forming one word (for Roman numerals).
    fn ascii_word(&mut self) -> Option<&'a str> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        if self.pos == start || !boundary_after(self.s, self.pos) {
            self.pos = start;
            return None;
        }
        Some(&self.s[start..self.pos])
    }
}

/// `hay` starts with `w` (an inlined byte loop: the cue words are short, and
/// a `memcmp` call per word start is the main cost of a naive scan).
#[inline]
fn starts(hay: &[u8], w: &[u8]) -> bool {
    hay.len() >= w.len() && hay.iter().zip(w).all(|(a, b)| a == b)
}

/// Runs `f`; on `None` the cursor is put back where it was.
fn attempt<'a, T>(c: &mut Cur<'a>, f: impl FnOnce(&mut Cur<'a>) -> Option<T>) -> Option<T> {
    let save = c.pos;
    let r = f(c);
    if r.is_none() {
        c.pos = save;
    }
    r
}

fn is_sep(b: u8) -> bool {
    matches!(b, b'/' | b'-' | b'.')
}

/// What may follow a date: not a letter or digit, not `%`, and not a
/// separator that continues a number or a document code ("/qđ-ubnd").
fn tail_ok(c: &Cur) -> bool {
    match c.peek() {
        None => true,
        Some(b'%') => false,
        Some(b @ (b'/' | b'-' | b'.' | b':' | b',')) => match c.peek_at(1) {
            Some(n) if n.is_ascii_digit() => false,
            Some(n) if matches!(b, b'/' | b'-') && (n.is_ascii_alphabetic() || n >= 0x80) => false,
            _ => true,
        },
        Some(_) => boundary_after(c.s, c.pos),
    }
}

/// `, năm yyyy` (the comma optional): the year of a date, a month or a quarter.
fn nam_year(c: &mut Cur) -> Option<i32> {
    attempt(c, |c| {
        c.sp();
        c.byte(b',');
        c.sp();
        if !c.word("năm") {
            return None;
        }
        c.sp();
        year4(c)
    })
}

/// One of the separators `seps`, then a year ("/2019", "-2019"); spaces before the
/// separator with `space_before`, after it with `space_after`.
fn sep_year(c: &mut Cur, seps: &[u8], space_before: bool, space_after: bool) -> Option<i32> {
    attempt(c, |c| {
        if space_before {
            c.sp();
        }
        if !c.peek().is_some_and(|b| seps.contains(&b)) {
            return None;
        }
        c.pos += 1;
        if space_after {
            c.sp();
        }
        year4(c)
    })
}

/// After spaces, a year that ends the expression ("… cuối năm 2022"), if one is there.
fn closing_year(c: &mut Cur) -> Option<i32> {
    attempt(c, |c| {
        c.sp();
        let y = year4(c)?;
        tail_ok(c).then_some(y)
    })
}

/// A day number 1..=31 of one or two digits.
fn day_num(c: &mut Cur) -> Option<u8> {
    attempt(c, |c| {
        let n = c.num()?;
        (n.len <= 2 && (1..=31).contains(&n.val)).then_some(n.val as u8)
    })
}

/// A four-digit year 1900..=2100.
fn year4(c: &mut Cur) -> Option<i32> {
    attempt(c, |c| {
        let n = c.num()?;
        (n.len == 4 && (1900..=2100).contains(&n.val)).then_some(n.val as i32)
    })
}

/// A month after "tháng": a number 1..=12 or a month word. Returns (month, lunar).
fn month_tok(c: &mut Cur) -> Option<(u8, bool)> {
    attempt(c, |c| {
        if c.peek()?.is_ascii_digit() {
            let n = c.num()?;
            if n.len > 2 || !(1..=12).contains(&n.val) || !boundary_after(c.s, c.pos) {
                return None;
            }
            return Some((n.val as u8, false));
        }
        let words = c.w;
        for (w, m, lunar) in &words.months {
            let (m, lunar) = (*m, *lunar);
            if c.word(w) {
                if w == "năm" {
                    // "tháng năm 2019" reads as "month … year 2019", not May.
                    let mut p = *c;
                    p.sp();
                    if year4(&mut p).is_some() {
                        return None;
                    }
                }
                return Some((m, lunar));
            }
        }
        None
    })
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// One day: "05/7/2019", "18-7", "16.4", "05 tháng 7 năm 2019".
#[derive(Clone, Copy)]
struct Sd {
    day: u8,
    month: u8,
    year: Option<i32>,
    sep: u8,
    lunar: bool,
}

/// The calendar part of a mention.
#[derive(Clone, Copy, Default)]
struct Core {
    day: Option<u8>,
    month: u8,
    year: Option<i32>,
    end_day: Option<u8>,
    end_month: Option<u8>,
    lunar: bool,
    sep: u8,
    range: bool,
}

impl From<Sd> for Core {
    fn from(d: Sd) -> Self {
        Core { day: Some(d.day), month: d.month, year: d.year, lunar: d.lunar, sep: d.sep, ..Core::default() }
    }
}

/// `d SEP m [SEP yyyy]` with SEP one of `/ - .` (the same one twice).
fn dm(c: &mut Cur) -> Option<Sd> {
    attempt(c, |c| {
        let d = c.num()?;
        if d.len > 2 {
            return None;
        }
        // "ngày 9 / 7": a slash may have one space on each side.
        let spaced = c.sp();
        let s1 = c.peek().filter(|&b| is_sep(b))?;
        if spaced && s1 != b'/' {
            return None;
        }
        c.pos += 1;
        if spaced != c.sp() {
            return None;
        }
        let m = c.num()?;
        if m.len > 2 {
            return None;
        }
        let after_m = c.pos;
        let mut year = None;
        if let Some(s2) = c.peek().filter(|&b| is_sep(b)) {
            if s2 == s1 {
                c.pos += 1;
                c.sp(); // "6/8/ 2019"
                match c.num() {
                    Some(n) if n.len == 4 => year = Some(n.val as i32),
                    Some(_) => return None, // "1.2.3", "5/7/19"
                    None => c.pos = after_m,
                }
            } else if s1 == b'-' && c.next_is_digit(1) {
                return None; // "04-10/3": a day range, read by `day_list`
            }
        }
        if let Some(y) = year
            && !(1900..=2100).contains(&y)
        {
            return None;
        }
        if d.val > 31 || m.val > 12 || !is_valid_date(year, m.val as u8, d.val as u8) {
            return None;
        }
        Some(Sd { day: d.val as u8, month: m.val as u8, year, sep: s1, lunar: false })
    })
}

/// `d tháng m [năm yyyy]`, the month as a number or a word.
fn bform(c: &mut Cur) -> Option<Sd> {
    attempt(c, |c| {
        let d = day_num(c)?;
        if !c.sp() || !c.word("tháng") {
            return None;
        }
        c.sp();
        let (m, lunar) = month_tok(c)?;
        let year = nam_year(c).or_else(|| sep_year(c, b"/-", false, false));
        if !is_valid_date(year, m, d) {
            return None;
        }
        Some(Sd { day: d, month: m, year, sep: b' ', lunar })
    })
}

fn single(c: &mut Cur) -> Option<Sd> {
    dm(c).or_else(|| bform(c))
}

/// A range connector: "-", "đến", "tới" (and "và", "," inside a day list).
fn connector(c: &mut Cur, list: bool) -> Option<()> {
    attempt(c, |c| {
        c.sp();
        let ok = c.byte(b'-') || c.word("đến") || c.word("tới") || (list && (c.word("và") || c.byte(b',')));
        ok.then_some(())
    })
}

/// Joins two days into a range; the written year applies to both ends.
fn make_range(f: Sd, s: Sd) -> Option<Core> {
    let (mut y1, mut y2) = (f.year, s.year);
    match (y1, y2) {
        (None, Some(y)) => y1 = Some(if (f.month, f.day) > (s.month, s.day) { y - 1 } else { y }),
        (Some(y), None) => y2 = Some(if (s.month, s.day) < (f.month, f.day) { y + 1 } else { y }),
        _ => {}
    }
    if !is_valid_date(y1, f.month, f.day) || !is_valid_date(y2, s.month, s.day) {
        return None;
    }
    if (y2, s.month, s.day) <= (y1, f.month, f.day) {
        return None;
    }
    Some(Core {
        day: Some(f.day),
        month: f.month,
        year: y1,
        end_day: Some(s.day),
        end_month: Some(s.month),
        lunar: f.lunar || s.lunar,
        sep: f.sep,
        range: true,
    })
}

/// "27 và 28-7", "04-10/3/2024", "18 đến ngày 19-4", "7, 8 và 9/5".
fn day_list(c: &mut Cur) -> Option<Core> {
    attempt(c, |c| {
        let first = day_num(c)?;
        if !boundary_after(c.s, c.pos) {
            return None;
        }
        let mut last = first;
        for _ in 0..6 {
            let tight_dash = c.peek() == Some(b'-');
            connector(c, true)?;
            c.sp();
            if c.word("ngày") {
                c.sp();
            }
            if let Some(sd) = single(c) {
                if sd.day <= last || !is_valid_date(sd.year, sd.month, first) || (tight_dash && sd.sep == b'-') {
                    return None; // "(3-5-2)" is not "3 to 5 February"
                }
                return Some(Core {
                    day: Some(first),
                    month: sd.month,
                    year: sd.year,
                    end_day: Some(sd.day),
                    end_month: Some(sd.month),
                    lunar: sd.lunar,
                    sep: sd.sep,
                    range: true,
                });
            }
            let d = day_num(c)?;
            if d <= last || !boundary_after(c.s, c.pos) {
                return None;
            }
            last = d;
        }
        None
    })
}

/// `m SEP yyyy` (inside parentheses).
fn month_year_num(c: &mut Cur) -> Option<Core> {
    attempt(c, |c| {
        let m = c.num()?;
        if m.len > 2 || !(1..=12).contains(&m.val) {
            return None;
        }
        let s = c.peek().filter(|&b| is_sep(b))?;
        c.pos += 1;
        let y = year4(c)?;
        Some(Core { month: m.val as u8, year: Some(y), sep: s, ..Core::default() })
    })
}

/// The calendar core at a digit: a day, a range of days, or "mùng 1 tết".
fn core_inner(c: &mut Cur, mung: bool) -> Option<Core> {
    if let Some(first) = single(c) {
        let save = c.pos;
        if let Some(second) = attempt(c, |c| {
            connector(c, false)?;
            c.sp();
            if c.word("ngày") {
                c.sp();
            }
            single(c)
        }) {
            if let Some(r) = make_range(first, second) {
                return Some(r);
            }
            c.pos = save;
        }
        return Some(first.into());
    }
    if let Some(r) = day_list(c) {
        return Some(r);
    }
    if mung {
        return attempt(c, |c| {
            let d = day_num(c)?;
            if !c.sp() || !c.word("tết") {
                return None;
            }
            Some(Core { day: Some(d), month: 1, lunar: true, ..Core::default() })
        });
    }
    None
}

/// The accumulated state of one date mention.
#[derive(Clone, Copy, Default)]
struct Acc {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    end_day: Option<u8>,
    end_month: Option<u8>,
    tod: Option<TimeOfDay>,
    hour: Option<u8>,
    minute: Option<u8>,
    weekday: Option<u8>,
    relative: bool,
    lunar: bool,
    has_core: bool,
    has_clock: bool,
    clock_ok: bool,
    // Licences: what was written before, which makes a weak reading safe.
    ngay: bool,
    lead_time: bool,
    /// "khoảng" (about): licenses "9h" but not "3 giờ", which is often a duration.
    about: bool,
    from: bool,
    vao: bool,
    hom: bool,
    mung: bool,
    /// The last segment was a bare weekday that nothing licensed yet.
    weekday_pending: bool,
    /// The last segment was a clock time.
    after_clock: bool,
    /// The last segment was a lead word (no punctuation may follow it).
    after_lead: bool,
}

impl Acc {
    fn set_core(&mut self, k: Core) {
        self.day = k.day;
        self.month = Some(k.month);
        self.year = k.year;
        self.end_day = k.end_day;
        self.end_month = k.end_month;
        self.lunar |= k.lunar;
        self.has_core = true;
    }

    /// Context that makes a yearless "d/m" safe to read as a date.
    fn licenses_day_month(&self) -> bool {
        self.ngay
            || self.tod.is_some()
            || self.weekday.is_some()
            || self.relative
            || self.mung
            || (self.has_clock && self.clock_ok)
    }

    fn mention(&self, start: usize, end: usize) -> DateMention {
        let kind = if self.day.is_some() && self.month.is_some() && self.year.is_some() {
            DateKind::Full
        } else if self.day.is_some() && self.month.is_some() {
            DateKind::DayMonth
        } else if self.month.is_some() && self.year.is_some() {
            DateKind::MonthYear
        } else if self.hour.is_some() {
            DateKind::TimeOnly
        } else {
            DateKind::Relative
        };
        DateMention {
            start,
            end,
            year: self.year,
            month: self.month,
            day: self.day,
            end_day: self.end_day,
            end_month: self.end_month,
            time_of_day: self.tod,
            hour: self.hour,
            minute: self.minute,
            weekday: self.weekday,
            relative: self.relative,
            lunar: self.lunar,
            kind,
        }
    }
}

enum Step {
    Fail,
    /// Consumed, but not a mention by itself (a lead word, a bare part of day).
    Tentative,
    /// Consumed, and the mention is complete up to here.
    Commit,
}

struct Clock {
    hour: u8,
    minute: Option<u8>,
    strong: bool,
    /// Written with "h" ("9h", "8h30"): a clock time even after "khoảng".
    h_form: bool,
}

/// Two-digit minutes 00..=59.
fn minutes2(c: &mut Cur) -> Option<u8> {
    attempt(c, |c| {
        let n = c.num()?;
        (n.len == 2 && n.val <= 59).then_some(n.val as u8)
    })
}

/// A clock time at a digit: "8h30", "14h", "14g30", "08:11", "14 giờ 00",
/// "7 giờ 30 phút", "7 giờ rưỡi"; with a lead word also "08 00 phút", "14.30".
/// Weak forms (no minutes, or ambiguous) need a licence from the context.
fn clock(c: &mut Cur, lead: bool) -> Option<Clock> {
    attempt(c, |c| {
        let h = c.num()?;
        if h.len > 2 || h.val > 23 {
            return None;
        }
        let hour = h.val as u8;
        match c.peek()? {
            b @ (b'h' | b'g') => {
                c.pos += 1;
                if let Some(m) = minutes2(c) {
                    return boundary_after(c.s, c.pos).then_some(Clock {
                        hour,
                        minute: Some(m),
                        strong: true,
                        h_form: true,
                    });
                }
                (b == b'h' && boundary_after(c.s, c.pos)).then_some(Clock {
                    hour,
                    minute: None,
                    strong: false,
                    h_form: true,
                })
            }
            b @ (b':' | b'.') => {
                if b == b'.' && !lead {
                    return None;
                }
                c.pos += 1;
                let m = minutes2(c)?;
                if b == b':' && c.peek() == Some(b':') && c.next_is_digit(1) {
                    c.pos += 1;
                    minutes2(c)?; // seconds
                }
                if !boundary_after(c.s, c.pos) || (c.peek() == Some(b'.') && c.next_is_digit(1)) {
                    return None;
                }
                Some(Clock { hour, minute: Some(m), strong: b == b':' && h.len == 2, h_form: false })
            }
            _ => {
                if !c.sp() {
                    return None;
                }
                if c.word("giờ") {
                    let m = attempt(c, |c| {
                        c.sp();
                        let n = c.num()?;
                        if n.len > 2 || n.val > 59 || !tail_ok(c) {
                            return None;
                        }
                        c.sword("phút");
                        Some(n.val as u8)
                    })
                    .or_else(|| c.sword("rưỡi").then_some(30));
                    return Some(Clock { hour, minute: m, strong: m.is_some(), h_form: false });
                }
                if lead {
                    let m = minutes2(c)?;
                    if !c.sword("phút") {
                        return None;
                    }
                    return Some(Clock { hour, minute: Some(m), strong: true, h_form: false });
                }
                None
            }
        }
    })
}

/// A clock range follows ("14h - 17h30"): licenses a weak first clock.
fn clock_follows(c: &Cur) -> bool {
    let mut p = *c;
    connector(&mut p, false).is_some() && {
        p.sp();
        clock(&mut p, false).is_some()
    }
}

/// The end of a clock range precedes `i` ("18h30 - " before "22h").
fn clock_precedes(s: &str, i: usize) -> bool {
    let head = s[..i].trim_end_matches(' ');
    let Some(head) = head.strip_suffix('-').or_else(|| head.strip_suffix("đến")) else {
        return false;
    };
    let head = head.trim_end_matches(' ');
    head.ends_with("giờ")
        || head.ends_with("phút")
        || (head.ends_with('h') && head[..head.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
        || (head.ends_with(|c: char| c.is_ascii_digit())
            && head.trim_end_matches(|c: char| c.is_ascii_digit()).ends_with(['h', ':']))
}

fn tod_word(c: &mut Cur) -> Option<TimeOfDay> {
    attempt(c, |c| {
        let words = c.w;
        if c.any_word(&words.day_part_lead) {
            c.sp();
        }
        for (w, t) in &words.day_parts {
            if c.word(w) {
                if *t == TimeOfDay::Sang {
                    // "sáng sớm" (early morning)
                    c.any_sword(&words.early_morning);
                }
                return Some(*t);
            }
        }
        None
    })
}

/// A relative day right after a part of day: "nay", "qua", "mai", "hôm nay",
/// "hôm qua", "hôm sau", "cùng ngày".
fn rel_after_tod(c: &mut Cur) -> bool {
    let save = c.pos;
    c.sp();
    if c.any_word(&c.w.day_part_relative) || hom_rel(c) {
        return true;
    }
    c.pos = save;
    false
}

/// "hôm nay", "hôm qua", "hôm kia", "hôm sau".
fn hom_rel(c: &mut Cur) -> bool {
    let save = c.pos;
    if c.word("hôm") {
        c.sp();
        if c.any_word(&c.w.hom_relative) {
            return true;
        }
    }
    c.pos = save;
    false
}

/// A standalone relative day: "hôm nay", "cùng ngày", "ngày mai", "ngày hôm qua".
fn rel_standalone(c: &mut Cur) -> bool {
    if hom_rel(c) || c.any_word(&c.w.relative_day) {
        return true;
    }
    let save = c.pos;
    if c.word("ngày") {
        c.sp();
        if c.any_word(&c.w.ngay_relative) || hom_rel(c) {
            return true;
        }
    }
    c.pos = save;
    false
}

/// "thứ hai".."thứ bảy", "thứ 2".."thứ 7", "chủ nhật". Returns (weekday, digit form).
fn weekday(c: &mut Cur) -> Option<(u8, bool)> {
    attempt(c, |c| {
        let words = c.w;
        if let Some((_, n)) = words.weekday_names.iter().find(|(w, _)| c.word(w)) {
            return Some((*n, false));
        }
        if !c.word("thứ") {
            return None;
        }
        c.sp();
        if let Some((_, n)) = words.weekday_numbers.iter().find(|(w, _)| c.word(w)) {
            return Some((*n, false));
        }
        let n = c.num()?;
        if n.len != 1 || !(2..=7).contains(&n.val) || !boundary_after(c.s, c.pos) {
            return None;
        }
        if matches!(c.peek(), Some(b'/' | b'.' | b'-' | b',')) && c.next_is_digit(1) {
            return None; // "xếp thứ 5/14"
        }
        Some((n.val as u8, true))
    })
}

/// The word just before byte `i` (skipping spaces), lower-case key text.
fn prev_word(s: &str, i: usize) -> &str {
    prev_word_at(s, i).1
}

/// The word just before byte `i` (skipping spaces) and its start offset.
fn prev_word_at(s: &str, i: usize) -> (usize, &str) {
    let head = s[..i].trim_end_matches([' ', '\t', '\u{a0}']);
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, ch)| crate::spelling::is_alphanumeric(ch))
        .last()
        .map_or(head.len(), |(k, _)| k);
    (start, &head[start..])
}

/// The date core, optionally in parentheses, and an "âm lịch" suffix.
fn core_at(c: &mut Cur, a: &Acc) -> Option<Core> {
    attempt(c, |c| {
        let paren = c.byte(b'(');
        if paren {
            c.sp();
        }
        let mut core =
            if paren { month_year_num(c).or_else(|| core_inner(c, a.mung))? } else { core_inner(c, a.mung)? };
        if !tail_ok(c) {
            return None;
        }
        if paren {
            c.sp();
            if !c.byte(b')') {
                return None;
            }
        }
        let licensed = core.year.is_some()
            || a.licenses_day_month()
            || (paren && (core.range || core.sep == b'-'))
            || (a.from && core.range);
        if !licensed {
            return None;
        }
        if lunar_suffix(c) {
            core.lunar = true;
        }
        Some(core)
    })
}

/// " âm lịch" or " (âm lịch)".
fn lunar_suffix(c: &mut Cur) -> bool {
    attempt(c, |c| {
        c.sp();
        let paren = c.byte(b'(');
        if !c.word("âm lịch") {
            return None;
        }
        if paren && !c.byte(b')') {
            return None;
        }
        Some(())
    })
    .is_some()
}

/// "tháng 7/2019", "tháng 10-2018", "tháng 7 năm 2019".
fn month_year_words(c: &mut Cur) -> Option<Core> {
    attempt(c, |c| {
        if !c.word("tháng") {
            return None;
        }
        c.sp();
        let (m, lunar) = month_tok(c)?;
        let y = sep_year(c, b"/-.", false, true).or_else(|| nam_year(c))?;
        tail_ok(c).then_some(Core { month: m, year: Some(y), lunar, sep: b' ', ..Core::default() })
    })
}

/// "rằm tháng giêng", "rằm tháng 7".
fn ram(c: &mut Cur) -> Option<Core> {
    attempt(c, |c| {
        if !c.word("rằm") || !c.sword("tháng") {
            return None;
        }
        c.sp();
        let (m, _) = month_tok(c)?;
        Some(Core { day: Some(15), month: m, lunar: true, ..Core::default() })
    })
}

/// One segment of a date mention at the cursor: a calendar core or a clock at a digit,
/// a part of the day, a relative day, a day word, a weekday, a lead word, or a lunar
/// suffix, each tried in turn; `first` for the mention's first segment, `line_start`
/// when the mention starts a line.
fn segment(c: &mut Cur, a: &mut Acc, first: bool, line_start: bool) -> Step {
    let Some(b0) = c.peek() else {
        return Step::Fail;
    };
    let was_clock = a.after_clock;
    let was_pending = a.weekday_pending;
    a.after_clock = false;
    a.after_lead = false;
    a.weekday_pending = false;

    if b0.is_ascii_digit() || b0 == b'(' {
        return numeric_segment(c, a, b0);
    }
    day_part_segment(c, a, was_clock)
        .or_else(|| day_segment(c, a, was_pending))
        .or_else(|| weekday_segment(c, a, first, line_start))
        .or_else(|| lead_segment(c, a))
        .unwrap_or_else(|| {
            if a.has_core && !a.lunar && lunar_suffix(c) {
                a.lunar = true;
                return Step::Commit;
            }
            Step::Fail
        })
}

/// A segment at a digit or `(`: the calendar core, or else a clock time.
fn numeric_segment(c: &mut Cur, a: &mut Acc, b0: u8) -> Step {
    let seg_start = c.pos;
    if !a.has_core {
        if let Some(k) = core_at(c, a) {
            a.set_core(k);
            return Step::Commit;
        }
    }
    let k = if b0.is_ascii_digit() && !a.has_clock { clock(c, a.lead_time) } else { None };
    if let Some(k) = k {
        let ok = k.strong
            || a.lead_time
            || (a.about && k.h_form)
            || a.tod.is_some()
            || a.has_core
            || a.relative
            || clock_follows(c)
            || clock_precedes(c.s, seg_start);
        a.hour = Some(k.hour);
        a.minute = k.minute;
        a.has_clock = true;
        a.clock_ok = ok;
        a.after_clock = true;
        return if ok { Step::Commit } else { Step::Tentative };
    }
    Step::Fail
}

/// A part of the day, maybe with a relative day: "sáng", "chiều nay", "tối hôm qua".
fn day_part_segment(c: &mut Cur, a: &mut Acc, was_clock: bool) -> Option<Step> {
    let t = if a.tod.is_none() { tod_word(c) } else { None }?;
    a.tod = Some(t);
    if !a.relative && rel_after_tod(c) {
        a.relative = true;
        return Some(Step::Commit);
    }
    Some(if was_clock && a.has_clock {
        a.clock_ok = true;
        Step::Commit
    } else {
        Step::Tentative
    })
}

/// A relative day ("hôm nay"), a day word ("ngày", "hôm", "mùng") or a month with its
/// year ("tháng 7/2019", "rằm tháng giêng").
fn day_segment(c: &mut Cur, a: &mut Acc, was_pending: bool) -> Option<Step> {
    if !a.relative && rel_standalone(c) {
        a.relative = true;
        return Some(Step::Commit);
    }
    if !a.has_core {
        if !was_pending && (c.word_glued("ngày") || c.word("hôm")) {
            a.ngay = true;
            a.hom |= c.b[c.pos - 1] == b'm';
            a.after_lead = true;
            return Some(Step::Tentative);
        }
        if c.word("mùng") || c.word("mồng") {
            a.ngay = true;
            a.mung = true;
            a.after_lead = true;
            return Some(Step::Tentative);
        }
        if let Some(k) = month_year_words(c).or_else(|| ram(c)) {
            a.set_core(k);
            if lunar_suffix(c) {
                a.lunar = true;
            }
            return Some(Step::Commit);
        }
    }
    None
}

/// A weekday ("thứ hai", "chủ nhật"), unless an ordinal head before it makes "thứ N" an
/// ordinal ("lần thứ năm").
fn weekday_segment(c: &mut Cur, a: &mut Acc, first: bool, line_start: bool) -> Option<Step> {
    if a.weekday.is_none() {
        let save = c.pos;
        if let Some((w, digit)) = weekday(c) {
            let prev = prev_word(c.s, save);
            let blocked = first && c.w.ordinal_heads.iter().any(|h| h == prev);
            if !blocked {
                a.weekday = Some(w);
                let licensed =
                    w == 8 || a.tod.is_some() || a.vao || a.hom || a.has_core || a.has_clock || (digit && line_start);
                if licensed {
                    return Some(Step::Commit);
                }
                a.weekday_pending = true;
                return Some(Step::Tentative);
            }
            c.pos = save;
        }
    }
    None
}

/// A lead word: "khoảng", "vào", "lúc", "từ" …, or "trong N ngày".
fn lead_segment(c: &mut Cur, a: &mut Acc) -> Option<Step> {
    if c.any_word(&c.w.about) {
        a.about = true;
        a.after_lead = true;
        return Some(Step::Tentative);
    }
    let words = c.w;
    for (w, f) in &words.time_leads {
        if c.word(w) {
            a.lead_time |= f.time;
            a.from |= f.from;
            a.vao |= f.vao;
            a.after_lead = true;
            return Some(Step::Tentative);
        }
    }
    if !a.has_core
        && attempt(c, |c| {
            if !c.word("trong") {
                return None;
            }
            c.sp();
            if c.num().is_some_and(|n| n.len <= 2) || c.any_word(&c.w.day_counts) {
                c.sp();
            }
            c.word("ngày").then_some(())
        })
        .is_some()
    {
        a.ngay = true;
        a.after_lead = true;
        return Some(Step::Tentative);
    }
    None
}

/// Spaces and at most one `,` or `-` between two segments.
fn glue(c: &mut Cur, punct: bool) {
    c.sp();
    if punct && (c.peek() == Some(b',') || (c.peek() == Some(b'-') && !c.next_is_digit(1))) {
        c.pos += 1;
        c.sp();
    }
}

fn parse_date(w: &DateWords, s: &str, start: usize) -> Option<DateMention> {
    let line_start = start == 0 || s.as_bytes()[start - 1] == b'\n';
    let mut c = Cur::new(w, s, start);
    let mut a = Acc::default();
    let mut best: Option<(Acc, usize)> = None;
    for step in 0..16 {
        if step > 0 {
            glue(&mut c, !a.after_lead);
        }
        let mut next = a;
        match segment(&mut c, &mut next, step == 0, line_start) {
            Step::Fail => break,
            Step::Tentative => a = next,
            Step::Commit => {
                a = next;
                best = Some((a, c.pos));
            }
        }
    }
    let (a, end) = best?;
    Some(a.mention(start, end))
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

fn period(start: usize, end: usize, kind: PeriodKind) -> PeriodMention {
    PeriodMention { start, end, kind, year: None, end_year: None, months: None, quarter: None, term: None, month: None }
}

/// `yyyy [- yyyy]`, also "yyyy đến yyyy". Returns (first, last).
fn year_range(c: &mut Cur) -> Option<(i32, Option<i32>)> {
    attempt(c, |c| {
        let y1 = year4(c)?;
        let y2 = attempt(c, |c| {
            c.sp();
            if !(c.byte(b'-') || c.word("đến") || c.word("tới")) {
                return None;
            }
            c.sp();
            c.word("năm");
            c.sp();
            year4(c).filter(|&y2| y2 >= y1)
        });
        tail_ok(c).then_some((y1, y2))
    })
}

/// " đầu năm [yyyy]" / " cuối năm [yyyy]" after "N tháng" or "những tháng".
fn first_last(c: &mut Cur) -> Option<(PeriodKind, Option<i32>)> {
    attempt(c, |c| {
        let kind = if c.sword("đầu") {
            PeriodKind::FirstMonths
        } else if c.sword("cuối") {
            PeriodKind::LastMonths
        } else {
            return None;
        };
        if !c.sword("năm") {
            return None;
        }
        let y = closing_year(c);
        Some((kind, y))
    })
}

/// Is the "năm yyyy" at `i` the year of a date ("tháng 7 năm 2019")?
fn year_belongs_to_date(w: &DateWords, s: &str, i: usize) -> bool {
    let head = s[..i].trim_end_matches([' ', ',']);
    let (before, w1) = prev_word_at(head, head.len());
    if w1 == "tháng" {
        return true;
    }
    if !w1.is_empty() && w1.bytes().all(|b| b.is_ascii_digit()) {
        if w1.len() > 2 {
            return false;
        }
        if before > 0 && is_sep(head.as_bytes()[before - 1]) {
            return true; // "ngày 5/7 năm 2019"
        }
        return prev_word(head, before) == "tháng";
    }
    if w.months.iter().any(|(m, _, _)| m == w1) {
        let (w2_start, w2) = prev_word_at(head, before);
        if w2 == "tháng" {
            return true;
        }
        return w2 == "mười" && prev_word(head, w2_start) == "tháng";
    }
    false
}

/// A period at `start`, by the word (or digit) it opens with.
fn parse_period(w: &DateWords, s: &str, start: usize) -> Option<PeriodMention> {
    let mut c = Cur::new(w, s, start);
    let c = &mut c;
    if c.peek()?.is_ascii_digit() {
        n_months(c, start)
    } else if c.word("những") {
        some_months(c, start)
    } else if c.word("tháng") {
        month_period(c, start)
    } else if c.word("quý") {
        quarter(c, start)
    } else if c.word("khóa") || c.word("khoá") {
        course(c, start)
    } else if c.word("nhiệm") {
        term(c, start)
    } else if c.word("giai đoạn") {
        stage(c, start)
    } else if c.word("năm") {
        year_period(c, start)
    } else {
        None
    }
}

/// After "những": "những tháng đầu năm", "những tháng cuối năm 2022".
fn some_months(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    if !c.sword("tháng") {
        return None;
    }
    let (kind, year) = first_last(c)?;
    let mut p = period(start, c.pos, kind);
    p.year = year;
    Some(p)
}

/// After "quý": "quý I/2024", "quý II-2024", "quý 3 năm 2025".
fn quarter(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    c.sp();
    let q = if let Some(w) = c.ascii_word() {
        parse_roman(w)?
    } else {
        let n = c.num()?;
        if n.len != 1 || !boundary_after(c.s, c.pos) {
            return None;
        }
        n.val
    };
    if !(1..=4).contains(&q) {
        return None;
    }
    let mut p = period(start, c.pos, PeriodKind::Quarter);
    p.quarter = Some(q as u8);
    let y = sep_year(c, b"/-", true, true).or_else(|| nam_year(c));
    if !tail_ok(c) {
        return None;
    }
    if let Some(y) = y {
        p.year = Some(y);
        p.end = c.pos;
    }
    Some(p)
}

/// After "khoá": "khóa XIX", "khoá 20", "khoá 2020-2025".
fn course(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    c.sp();
    let mut p = period(start, 0, PeriodKind::Course);
    if let Some((y1, y2)) = year_range(c) {
        p.year = Some(y1);
        p.end_year = y2;
    } else if let Some(w) = c.ascii_word() {
        p.term = Some(parse_roman(w)?);
    } else {
        let n = c.num()?;
        if n.len > 3 || n.val == 0 || !tail_ok(c) {
            return None;
        }
        p.term = Some(n.val);
    }
    p.end = c.pos;
    Some(p)
}

/// After "nhiệm": "nhiệm kỳ 2020-2025", "nhiệm kỳ iii (2018-2023)".
fn term(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    if !(c.sword("kỳ") || c.sword("kì")) {
        return None;
    }
    c.sp();
    let mut p = period(start, 0, PeriodKind::Term);
    // "nhiệm kỳ iii (2018-2023)": an ordinal, then the years.
    if let Some(n) = attempt(c, |c| c.ascii_word().and_then(parse_roman)) {
        p.term = Some(n);
        p.end = c.pos;
    }
    let years = attempt(c, |c| {
        c.sp();
        let paren = c.byte(b'(');
        if paren {
            c.sp();
        }
        let r = year_range(c)?;
        if paren {
            c.sp();
            if !c.byte(b')') {
                return None;
            }
        }
        Some(r)
    });
    if let Some((y1, y2)) = years {
        p.year = Some(y1);
        p.end_year = y2;
        p.end = c.pos;
    }
    (p.end > 0).then_some(p)
}

/// After "giai đoạn": "giai đoạn 2021-2025", "giai đoạn từ năm 2021 đến 2025".
fn stage(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    c.sp();
    if c.word("từ") {
        c.sp();
    }
    if c.word("năm") {
        c.sp();
    }
    let (y1, y2) = year_range(c)?;
    y2?;
    let mut p = period(start, c.pos, PeriodKind::Stage);
    p.year = Some(y1);
    p.end_year = y2;
    Some(p)
}

/// After "năm": "năm 2019", "năm 2019-2020", "năm học 2025 - 2026" (not the year of a
/// date: "tháng 7 năm 2019").
fn year_period(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    c.sp();
    let kind = if c.word("học") {
        c.sp();
        PeriodKind::SchoolYear
    } else {
        PeriodKind::Year
    };
    let (y1, y2) = year_range(c)?;
    if kind == PeriodKind::Year && year_belongs_to_date(c.w, c.s, start) {
        return None;
    }
    let mut p = period(start, c.pos, kind);
    p.year = Some(y1);
    p.end_year = y2;
    Some(p)
}

/// "6 tháng đầu năm 2019", "9 tháng", "9 tháng năm 2025".
fn n_months(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    let n = c.num()?;
    if n.len > 2 || !(1..=12).contains(&n.val) || !c.sp() || !c.word("tháng") {
        return None;
    }
    let prev = prev_word(c.s, start);
    if c.w.months_not_after.iter().any(|w| w == prev) {
        return None;
    }
    let after = c.pos;
    // "6 tháng 7": a date, not a period.
    {
        let mut p = *c;
        p.sp();
        if p.peek().is_some_and(|b| b.is_ascii_digit()) || month_tok(&mut p).is_some() {
            return None;
        }
    }
    let mut p = period(start, after, PeriodKind::Months);
    p.months = Some(n.val as u8);
    if let Some((kind, y)) = first_last(c) {
        p.kind = kind;
        p.year = y;
        p.end = c.pos;
    } else if let Some(y) = attempt(c, |c| if c.sword("năm") { closing_year(c) } else { None }) {
        p.year = Some(y);
        p.end = c.pos;
    }
    Some(p)
}

/// "tháng 7" (not part of a date), "tháng 7 và những tháng cuối năm 2022".
fn month_period(c: &mut Cur, start: usize) -> Option<PeriodMention> {
    let pw = prev_word(c.s, start);
    if pw.bytes().all(|b| b.is_ascii_digit()) && !pw.is_empty() || c.w.month_not_after.iter().any(|w| w == pw) {
        return None;
    }
    c.sp();
    let words = c.w;
    let m = if let Some((_, m, _)) = words.months.iter().find(|(w, _, lunar)| *lunar && c.word(w)) {
        *m
    } else {
        let n = c.num()?;
        if n.len > 2 || !(1..=12).contains(&n.val) {
            return None;
        }
        n.val as u8
    };
    if !tail_ok(c) {
        return None; // "tháng 7/2019", "tháng 7-8"
    }
    let after = c.pos;
    // "tháng 7 năm 2019", "tháng 7, năm 2019": a date.
    {
        let mut p = *c;
        p.sp();
        p.byte(b',');
        if p.sword("năm") {
            p.sp();
            if year4(&mut p).is_some() {
                return None;
            }
        }
    }
    if let Some((y, end)) = attempt(c, |c| {
        if !(c.sword("và") && c.sword("những") && c.sword("tháng") && c.sword("cuối")) {
            return None;
        }
        if !c.sword("năm") {
            return None;
        }
        let y = closing_year(c);
        Some((y, c.pos))
    }) {
        let mut p = period(start, end, PeriodKind::LastMonths);
        p.month = Some(m);
        p.months = Some(13 - m);
        p.year = y;
        return Some(p);
    }
    let mut p = period(start, after, PeriodKind::Month);
    p.month = Some(m);
    Some(p)
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    /// Formerly a doc example (the item is private since issue 11).
    #[test]
    fn dates_and_periods_example() {
        use crate::recognize::date::*;

        let r = DateRecognizer::new();
        let key = "chiều ngày 05/7/2019, hội nghị khai mạc lúc 14h30.";
        let found = r.dates(key);
        assert_eq!(found.len(), 2);
        let d = &found[0];
        assert_eq!(&key[d.start..d.end], "chiều ngày 05/7/2019");
        assert_eq!((d.year, d.month, d.day), (Some(2019), Some(7), Some(5)));
        assert_eq!(d.time_of_day, Some(TimeOfDay::Chieu));
        assert_eq!(d.kind, DateKind::Full);
        let t = &found[1];
        assert_eq!((t.hour, t.minute, t.kind), (Some(14), Some(30), DateKind::TimeOnly));

        let p = &r.periods("sơ kết 6 tháng đầu năm 2019")[0];
        assert_eq!((p.kind, p.months, p.year), (PeriodKind::FirstMonths, Some(6), Some(2019)));
    }

    use super::*;

    fn rec() -> DateRecognizer {
        DateRecognizer::new()
    }

    /// Exactly one date mention; returns it with its text.
    fn one(key: &str) -> (DateMention, String) {
        let v = rec().dates(key);
        assert_eq!(v.len(), 1, "{key:?} → {v:#?}");
        let t = key[v[0].start..v[0].end].to_string();
        (v[0].clone(), t)
    }

    /// The one date of `key`: its text is `text` (when given), its (year, month, day) `want`.
    fn date(key: &str, text: Option<&str>, want: (Option<i32>, Option<u8>, Option<u8>)) -> DateMention {
        let (d, t) = one(key);
        if let Some(text) = text {
            assert_eq!(t, text);
        }
        assert_eq!(ymd(&d), want);
        d
    }

    fn no_dates(key: &str) {
        let v = rec().dates(key);
        assert!(v.is_empty(), "{key:?} → {v:#?}");
    }

    fn one_period(key: &str) -> (PeriodMention, String) {
        let v = rec().periods(key);
        assert_eq!(v.len(), 1, "{key:?} → {v:#?}");
        let t = key[v[0].start..v[0].end].to_string();
        (v[0].clone(), t)
    }

    fn ymd(d: &DateMention) -> (Option<i32>, Option<u8>, Option<u8>) {
        (d.year, d.month, d.day)
    }

    #[test]
    fn tod_full_date() {
        let d = date(
            "chiều ngày 05/7/2019, ubnd huyện tổ chức hội nghị",
            Some("chiều ngày 05/7/2019"),
            (Some(2019), Some(7), Some(5)),
        );
        assert_eq!(d.time_of_day, Some(TimeOfDay::Chieu));
        assert_eq!(d.kind, DateKind::Full);
        assert!(!d.relative && !d.lunar);
    }

    #[test]
    fn tod_day_month_slash() {
        let d = date("sáng 8/7, tỉnh ủy tổ chức hội nghị", Some("sáng 8/7"), (None, Some(7), Some(8)));
        assert_eq!(d.kind, DateKind::DayMonth);
        assert_eq!(d.time_of_day, Some(TimeOfDay::Sang));
    }

    #[test]
    fn tod_day_month_dash() {
        date("hà nội - chiều 18-7, tại trụ sở", Some("chiều 18-7"), (None, Some(7), Some(18)));
    }

    #[test]
    fn tod_full_dash() {
        let d = date("sáng 4-4-2022 đoàn công tác", Some("sáng 4-4-2022"), (Some(2022), Some(4), Some(4)));
        assert_eq!(d.kind, DateKind::Full);
    }

    #[test]
    fn dotted_day_month() {
        date("sáng ngày 30.6 tại hội trường", Some("sáng ngày 30.6"), (None, Some(6), Some(30)));
        date("xảy ra ngày 16.4.", Some("ngày 16.4"), (None, Some(4), Some(16)));
    }

    #[test]
    fn formal_date_line() {
        let d =
            date("hà nội, ngày 05 tháng 7 năm 2019", Some("ngày 05 tháng 7 năm 2019"), (Some(2019), Some(7), Some(5)));
        assert_eq!(d.kind, DateKind::Full);
    }

    #[test]
    fn month_in_words() {
        date("ngày 03 tháng bốn năm 2018", Some("ngày 03 tháng bốn năm 2018"), (Some(2018), Some(4), Some(3)));
        date("ngày 15 tháng mười hai năm 2020", None, (Some(2020), Some(12), Some(15)));
    }

    #[test]
    fn range_with_va() {
        let d = date("diễn ra ngày 27 và 28-7 tại", Some("ngày 27 và 28-7"), (None, Some(7), Some(27)));
        assert_eq!((d.end_day, d.end_month), (Some(28), Some(7)));
    }

    #[test]
    fn range_tu_den() {
        let d = date(
            "từ ngày 27 đến ngày 30-6-2017, đoàn",
            Some("từ ngày 27 đến ngày 30-6-2017"),
            (Some(2017), Some(6), Some(27)),
        );
        assert_eq!((d.end_day, d.end_month), (Some(30), Some(6)));
    }

    #[test]
    fn range_year_applies_to_both() {
        let d = date("5-5 đến 10-5-2017", Some("5-5 đến 10-5-2017"), (Some(2017), Some(5), Some(5)));
        assert_eq!((d.end_day, d.end_month), (Some(10), Some(5)));
    }

    #[test]
    fn range_in_parens() {
        let d = date("hội nghị (24-25/6) đã", Some("(24-25/6)"), (None, Some(6), Some(24)));
        assert_eq!(d.end_day, Some(25));
    }

    #[test]
    fn range_trong_hai_ngay() {
        let d = date("trong 2 ngày 18 và 19/8, đoàn", Some("trong 2 ngày 18 và 19/8"), (None, Some(8), Some(18)));
        assert_eq!((d.end_day, d.end_month), (Some(19), Some(8)));
    }

    #[test]
    fn range_dash_slash() {
        let d = date("từ ngày 04-10/3/2024, các đơn vị", Some("từ ngày 04-10/3/2024"), (Some(2024), Some(3), Some(4)));
        assert_eq!((d.end_day, d.end_month), (Some(10), Some(3)));
        let d = date("ngày 5 - 6/3/2024", Some("ngày 5 - 6/3/2024"), (Some(2024), Some(3), Some(5)));
        assert_eq!(d.end_day, Some(6));
    }

    #[test]
    fn range_across_years() {
        let d = date("(30.4.1975 - 30.4.2025)", None, (Some(1975), Some(4), Some(30)));
        assert_eq!((d.end_day, d.end_month), (Some(30), Some(4)));
        let d = date("từ 28/12 đến 2/1/2021", None, (Some(2020), Some(12), Some(28)));
        assert_eq!((d.end_day, d.end_month), (Some(2), Some(1)));
    }

    #[test]
    fn relative_with_date() {
        let (d, t) = one("chiều nay ngày 12/3, hội nghị");
        assert_eq!(t, "chiều nay ngày 12/3");
        assert!(d.relative);
        assert_eq!(d.time_of_day, Some(TimeOfDay::Chieu));
        assert_eq!(ymd(&d), (None, Some(3), Some(12)));
        assert_eq!(d.kind, DateKind::DayMonth);

        let (d, t) = one("sáng nay (31-7), tại");
        assert_eq!(t, "sáng nay (31-7)");
        assert!(d.relative);
        assert_eq!(ymd(&d), (None, Some(7), Some(31)));

        date("chiều nay (30/4), đoàn", Some("chiều nay (30/4)"), (None, Some(4), Some(30)));

        date("sáng nay 8/2, tỉnh ủy", Some("sáng nay 8/2"), (None, Some(2), Some(8)));
    }

    #[test]
    fn relative_alone() {
        for key in ["hôm nay", "hôm qua", "chiều qua", "sáng nay", "chiều cùng ngày", "cùng ngày"] {
            let (d, t) = one(&format!("{key}, đoàn công tác đến"));
            assert_eq!(t, key);
            assert!(d.relative, "{key}");
            assert_eq!(d.kind, DateKind::Relative, "{key}");
            assert_eq!(ymd(&d), (None, None, None));
        }
        let (d, _) = one("tối qua");
        assert_eq!(d.time_of_day, Some(TimeOfDay::Toi));
    }

    #[test]
    fn clocks() {
        let (d, t) = one("vào hồi 14 giờ 00, cuộc họp bắt đầu");
        assert_eq!(t, "vào hồi 14 giờ 00");
        assert_eq!((d.hour, d.minute), (Some(14), Some(0)));
        assert_eq!(d.kind, DateKind::TimeOnly);

        let (d, t) = one("hồi 08 00 phút, tại");
        assert_eq!(t, "hồi 08 00 phút");
        assert_eq!((d.hour, d.minute), (Some(8), Some(0)));

        let (d, t) = one("khai mạc lúc 8h30 tại");
        assert_eq!(t, "lúc 8h30");
        assert_eq!((d.hour, d.minute), (Some(8), Some(30)));

        let (d, t) = one("8h00: đồng chí bí thư phát biểu");
        assert_eq!(t, "8h00");
        assert_eq!((d.hour, d.minute), (Some(8), Some(0)));

        let (d, _) = one("14g30 tại hội trường");
        assert_eq!((d.hour, d.minute), (Some(14), Some(30)));

        let (d, t) = one("lúc 14h, đoàn");
        assert_eq!(t, "lúc 14h");
        assert_eq!((d.hour, d.minute), (Some(14), None));

        let (d, t) = one("lúc 7 giờ 30 phút.");
        assert_eq!(t, "lúc 7 giờ 30 phút");
        assert_eq!((d.hour, d.minute), (Some(7), Some(30)));

        let (d, t) = one("vào hồi 8:00 sáng nay, tại");
        assert_eq!(t, "vào hồi 8:00 sáng nay");
        assert_eq!((d.hour, d.minute), (Some(8), Some(0)));
        assert!(d.relative);
        assert_eq!(d.time_of_day, Some(TimeOfDay::Sang));
    }

    #[test]
    fn clock_with_date() {
        let d = date(
            "vào lúc 7 giờ 30 phút ngày 12/3/2024, tại",
            Some("vào lúc 7 giờ 30 phút ngày 12/3/2024"),
            (Some(2024), Some(3), Some(12)),
        );
        assert_eq!((d.hour, d.minute), (Some(7), Some(30)));
        assert_eq!(d.kind, DateKind::Full);

        let (d, t) = one("hôm nay, vào lúc 15 giờ, ngày 17 tháng 2 năm 2025, tại");
        assert_eq!(t, "hôm nay, vào lúc 15 giờ, ngày 17 tháng 2 năm 2025");
        assert!(d.relative);
        assert_eq!((d.hour, d.minute), (Some(15), None));
        assert_eq!(ymd(&d), (Some(2025), Some(2), Some(17)));

        let (d, t) = one("đến 20 giờ ngày 31 tháng 3 năm 1975, lá cờ");
        assert_eq!(t, "20 giờ ngày 31 tháng 3 năm 1975");
        assert_eq!(d.hour, Some(20));

        let (d, _) = one("thứ năm - 28/10/2021 13:52");
        assert_eq!(d.weekday, Some(5));
        assert_eq!((d.hour, d.minute), (Some(13), Some(52)));
    }

    #[test]
    fn weekdays() {
        let (d, t) = one("thứ tư, 08/04/2015, 08:11 [gmt+7]");
        assert_eq!(t, "thứ tư, 08/04/2015, 08:11");
        assert_eq!(d.weekday, Some(4));
        assert_eq!(ymd(&d), (Some(2015), Some(4), Some(8)));
        assert_eq!((d.hour, d.minute), (Some(8), Some(11)));

        let (d, t) = one("vào ngày chủ nhật 03/4/2022, ");
        assert_eq!(t, "vào ngày chủ nhật 03/4/2022");
        assert_eq!(d.weekday, Some(8));
        assert_eq!(ymd(&d), (Some(2022), Some(4), Some(3)));

        let (d, t) = one("thứ 2 (11/11/2019)\t10h00\tgiao ban");
        assert_eq!(t, "thứ 2 (11/11/2019)\t10h00");
        assert_eq!(d.weekday, Some(2));
        assert_eq!(d.hour, Some(10));

        let (d, t) = one("sáng thứ 2 tuần tới");
        assert_eq!(t, "sáng thứ 2");
        assert_eq!(d.weekday, Some(2));
        assert_eq!(d.kind, DateKind::Relative);
        assert!(!d.relative);

        let (d, _) = one("thứ 2\n");
        assert_eq!(d.weekday, Some(2));
        let (d, _) = one("dự kiến vào thứ bảy");
        assert_eq!(d.weekday, Some(7));
    }

    #[test]
    fn ordinals_are_not_weekdays() {
        no_dates("kỳ họp thứ 7 hđnd tỉnh");
        no_dates("hội nghị lần thứ năm ban chấp hành");
        no_dates("chủ tịch ubnd tỉnh (thứ 2 từ trái sang)");
        no_dates("xếp thứ 5/14 địa phương");
        no_dates("thứ hai là phát triển nguồn nhân lực");
        let (d, t) = one("hội nghị trung ương lần thứ 7 (11/1940) cử ra");
        assert_eq!(t, "(11/1940)");
        assert_eq!(d.weekday, None);
        let (d, t) = one("kỳ họp thứ 7 ngày 5/7/2019");
        assert_eq!(t, "ngày 5/7/2019");
        assert_eq!(d.weekday, None);
    }

    #[test]
    fn space_inside_date() {
        date("chiều ngày 6/8/ 2019, ubnd", Some("chiều ngày 6/8/ 2019"), (Some(2019), Some(8), Some(6)));
    }

    #[test]
    fn month_year() {
        let (d, t) = one("trong tháng 7/2019 đã");
        assert_eq!(t, "tháng 7/2019");
        assert_eq!((d.year, d.month, d.day, d.kind), (Some(2019), Some(7), None, DateKind::MonthYear));
        let (d, _) = one("tháng 10-2018");
        assert_eq!((d.year, d.month), (Some(2018), Some(10)));
        let (d, t) = one("khóa i (5-2019), thay đổi");
        assert_eq!(t, "(5-2019)");
        assert_eq!((d.year, d.month, d.kind), (Some(2019), Some(5), DateKind::MonthYear));
        let (d, _) = one("tháng 7 năm 2019");
        assert_eq!((d.year, d.month), (Some(2019), Some(7)));
    }

    #[test]
    fn bare_full_date() {
        date("cập nhật 28/12/2020", Some("28/12/2020"), (Some(2020), Some(12), Some(28)));
        date("16.04.2019", None, (Some(2019), Some(4), Some(16)));
    }

    #[test]
    fn lunar() {
        let (d, t) = one("ngày 10/3 âm lịch hằng năm");
        assert_eq!(t, "ngày 10/3 âm lịch");
        assert!(d.lunar);
        assert_eq!(ymd(&d), (None, Some(3), Some(10)));
        let (d, _) = one("rằm tháng giêng");
        assert!(d.lunar);
        assert_eq!((d.month, d.day), (Some(1), Some(15)));
        let (d, _) = one("mùng 1 tết");
        assert!(d.lunar);
        assert_eq!((d.month, d.day), (Some(1), Some(1)));
        let (d, _) = one("ngày 5/7/2019 (âm lịch)");
        assert!(d.lunar);
        let (d, _) = one("ngày 5/7/2019");
        assert!(!d.lunar);
    }

    #[test]
    fn year_only_is_a_period_not_a_date() {
        no_dates("năm 2019");
        let (p, _) = one_period("năm 2019");
        assert_eq!((p.kind, p.year), (PeriodKind::Year, Some(2019)));
    }

    #[test]
    fn negatives_numbers() {
        for key in [
            "điện thoại: (0228) 3810724",
            "điện thoại 0228.3810724",
            "(2) nội dung",
            "1. mục tiêu",
            "2) giải pháp",
            "6 tháng",
            "6 tháng đầu năm",
            "làm việc 1/2 ngày",
            "tăng 15/20%",
            "đạt 95,5%",
            "27/27 thôn",
            "có 14/15 hộ",
            "số 123/tb-ubnd",
            "số 45-tb/hu",
            "quyết định 666/2015/qđ-ubnd",
            "nghị định 30/2020/nđ-cp",
            "thông tư 12/2020/tt-btc",
            "giai đoạn 2021-2025",
            "thắng 3-1",
            "phiên bản 1.2.3",
            "1.500.000 đồng",
            "ngày 32/1",
            "ngày 12/13",
            "ngày 29/2/2019",
            "ngày 5/7/19",
            "trong 24h qua",
            "trong 48 giờ",
            "diện tích 8ha",
            "sáng tạo",
            "ngày nay",
        ] {
            no_dates(key);
        }
    }

    #[test]
    fn leap_day() {
        date("ngày 29/2/2020", None, (Some(2020), Some(2), Some(29)));
        date("ngày 29/2", None, (None, Some(2), Some(29)));
    }

    #[test]
    fn times_alone_are_time_only() {
        for key in ["8h00", "lúc 14h", "14 giờ 30 phút", "vào lúc 7 giờ", "8h30 sáng"] {
            let (d, _) = one(key);
            assert_eq!(d.kind, DateKind::TimeOnly, "{key}");
        }
        let key = "khung giờ từ 14h - 17h30 trình diễn";
        let v = rec().dates(key);
        let texts: Vec<&str> = v.iter().map(|d| &key[d.start..d.end]).collect();
        assert_eq!(texts, ["từ 14h", "17h30"]);
        assert_eq!(rec().dates("khung giờ 14h - 17h30 trình diễn").len(), 2);
    }

    #[test]
    fn several_in_one_text() {
        let key = "sáng 8/7, tỉnh ủy họp. chiều cùng ngày, đoàn làm việc đến 17h00.\nngày 9/7/2019 tiếp tục.";
        let v = rec().dates(key);
        let texts: Vec<&str> = v.iter().map(|d| &key[d.start..d.end]).collect();
        assert_eq!(texts, ["sáng 8/7", "chiều cùng ngày", "17h00", "ngày 9/7/2019"]);
        assert!(v.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn khoa_spelling_does_not_matter() {
        assert_eq!(one_period("khóa xx").0.term, Some(20));
        assert_eq!(one_period("khoá xvi").0.term, Some(16));
        assert_eq!(one_period("khoá 20").0.term, Some(20));
        assert_eq!(one_period("ban chấp hành đảng bộ tỉnh khóa xix").0.term, Some(19));
    }

    #[test]
    fn periods_first_last_months() {
        let (p, t) = one_period("6 tháng đầu năm 2019");
        assert_eq!(t, "6 tháng đầu năm 2019");
        assert_eq!((p.kind, p.months, p.year), (PeriodKind::FirstMonths, Some(6), Some(2019)));
        let (p, t) = one_period("nhiệm vụ 6 tháng cuối năm");
        assert_eq!(t, "6 tháng cuối năm");
        assert_eq!((p.kind, p.months, p.year), (PeriodKind::LastMonths, Some(6), None));
        let (p, _) = one_period("9 tháng đầu năm 2025");
        assert_eq!((p.kind, p.months, p.year), (PeriodKind::FirstMonths, Some(9), Some(2025)));
        let (p, _) = one_period("3 tháng cuối năm");
        assert_eq!((p.kind, p.months), (PeriodKind::LastMonths, Some(3)));
        let (p, t) = one_period("kết quả 9 tháng, ");
        assert_eq!(t, "9 tháng");
        assert_eq!((p.kind, p.months), (PeriodKind::Months, Some(9)));
        let (p, _) = one_period("những tháng cuối năm 2022");
        assert_eq!((p.kind, p.months, p.year), (PeriodKind::LastMonths, None, Some(2022)));
    }

    #[test]
    fn periods_quarters() {
        let (p, t) = one_period("quý i/2024");
        assert_eq!(t, "quý i/2024");
        assert_eq!((p.kind, p.quarter, p.year), (PeriodKind::Quarter, Some(1), Some(2024)));
        let (p, _) = one_period("quý ii-2024");
        assert_eq!((p.quarter, p.year), (Some(2), Some(2024)));
        let (p, t) = one_period("quý iii năm 2025");
        assert_eq!(t, "quý iii năm 2025");
        assert_eq!((p.quarter, p.year), (Some(3), Some(2025)));
        let (p, _) = one_period("trong quý i/ 2019");
        assert_eq!((p.quarter, p.year), (Some(1), Some(2019)));
        let (p, _) = one_period("quý iv");
        assert_eq!((p.quarter, p.year), (Some(4), None));
        assert!(rec().periods("tết nguyên đán quý mão").is_empty());
    }

    #[test]
    fn periods_years_terms_stages() {
        let (p, _) = one_period("năm 2019");
        assert_eq!((p.kind, p.year), (PeriodKind::Year, Some(2019)));
        for key in ["nhiệm kỳ 2020-2025", "nhiệm kỳ 2020 - 2025", "(nhiệm kỳ 2020- 2025)"] {
            let (p, t) = one_period(key);
            assert_eq!(t.trim_matches(['(', ')']), key.trim_matches(['(', ')']));
            assert_eq!((p.kind, p.year, p.end_year), (PeriodKind::Term, Some(2020), Some(2025)));
        }
        let (p, _) = one_period("giai đoạn 2021-2025");
        assert_eq!((p.kind, p.year, p.end_year), (PeriodKind::Stage, Some(2021), Some(2025)));
        let (p, t) = one_period("năm học 2025 - 2026");
        assert_eq!(t, "năm học 2025 - 2026");
        assert_eq!((p.kind, p.year, p.end_year), (PeriodKind::SchoolYear, Some(2025), Some(2026)));
    }

    #[test]
    fn periods_month_and_last_months() {
        let (p, t) = one_period("tháng 7 và những tháng cuối năm 2022");
        assert_eq!(t, "tháng 7 và những tháng cuối năm 2022");
        assert_eq!(p.kind, PeriodKind::LastMonths);
        assert_eq!((p.month, p.months, p.year), (Some(7), Some(6), Some(2022)));
        let (p, t) = one_period("trong tháng 7, các đơn vị");
        assert_eq!(t, "tháng 7");
        assert_eq!((p.kind, p.month), (PeriodKind::Month, Some(7)));
    }

    #[test]
    fn periods_not_inside_dates() {
        for key in [
            "ngày 05 tháng 7 năm 2019",
            "ngày 03 tháng bốn năm 2018",
            "tháng 7/2019",
            "tháng 10-2018",
            "tháng 7 năm 2019",
            "ngày 15 tháng mười hai năm 2020",
            "ngày 5/7 năm 2019",
            "chiều 18-7",
            "nghị định 30/2020/nđ-cp",
            "khóa học kỹ năng",
            "chìa khóa thành công",
            "nhiệm kỳ tới",
        ] {
            let v = rec().periods(key);
            assert!(v.is_empty(), "{key:?} → {v:#?}");
        }
    }

    #[test]
    fn roman() {
        assert_eq!(parse_roman("i"), Some(1));
        assert_eq!(parse_roman("IV"), Some(4));
        assert_eq!(parse_roman("xix"), Some(19));
        assert_eq!(parse_roman("XIII"), Some(13));
        assert_eq!(parse_roman("xl"), Some(40));
        assert_eq!(parse_roman("l"), Some(50));
        assert_eq!(parse_roman("iiii"), None);
        assert_eq!(parse_roman("vv"), None);
        assert_eq!(parse_roman("li"), None);
        assert_eq!(parse_roman(""), None);
        assert_eq!(parse_roman("học"), None);
    }

    #[test]
    fn valid_dates() {
        assert!(is_valid_date(Some(2020), 2, 29));
        assert!(!is_valid_date(Some(2019), 2, 29));
        assert!(is_valid_date(None, 2, 29));
        assert!(!is_valid_date(Some(1900), 2, 29));
        assert!(is_valid_date(Some(2000), 2, 29));
        assert!(!is_valid_date(None, 4, 31));
        assert!(!is_valid_date(None, 13, 1));
        assert!(!is_valid_date(None, 1, 0));
        assert!(!is_valid_date(None, 1, 32));
    }

    #[test]
    fn offsets_are_byte_offsets_on_char_boundaries() {
        let key = "ông nguyễn văn á – phó chủ tịch – sáng nay (31-7) đã đến dự. quý ii-2024 tăng.";
        let r = rec();
        for d in r.dates(key) {
            assert!(key.is_char_boundary(d.start) && key.is_char_boundary(d.end));
        }
        for p in r.periods(key) {
            assert!(key.is_char_boundary(p.start) && key.is_char_boundary(p.end));
        }
    }

    #[test]
    fn typos_and_spacing() {
        date(
            "căn cứ nghị quyết số 01/nq-hđqlq ngày18/2/2025 của hội đồng",
            Some("ngày18/2/2025"),
            (Some(2025), Some(2), Some(18)),
        );
        date("ngày 9 / 7, đoàn công tác", Some("ngày 9 / 7"), (None, Some(7), Some(9)));
        no_dates("hoàn thành 26 /30 chỉ tiêu");
        let (d, t) = one("từ sáng sớm nay (6-2), người dân");
        assert_eq!(t, "từ sáng sớm nay (6-2)");
        assert_eq!((d.time_of_day, d.relative), (Some(TimeOfDay::Sang), true));
        let (d, t) = one("hồi 19 giờ 15 phút tối nay (6-2) tại");
        assert_eq!(t, "hồi 19 giờ 15 phút tối nay (6-2)");
        assert_eq!((d.hour, d.minute, d.day, d.month), (Some(19), Some(15), Some(6), Some(2)));
    }

    #[test]
    fn durations_and_scores_are_not_times() {
        no_dates("giảm khoảng 3 giờ sử dụng");
        no_dates("sơ đồ (3-5-2) của đội");
        let (d, _) = one("khoảng 21h, người dân");
        assert_eq!(d.hour, Some(21));
        let key = "trình diễn 18h30 - 22h hằng ngày";
        let v = rec().dates(key);
        assert_eq!(v.iter().map(|d| d.hour).collect::<Vec<_>>(), [Some(18), Some(22)]);
    }

    #[test]
    fn term_with_ordinal() {
        let (p, t) = one_period("nhiệm kỳ iii (2018-2023) của hiệp hội");
        assert_eq!(t, "nhiệm kỳ iii (2018-2023)");
        assert_eq!((p.kind, p.term, p.year, p.end_year), (PeriodKind::Term, Some(3), Some(2018), Some(2023)));
        let (p, _) = one_period("nhiệm kỳ x (2024 - 2029)");
        assert_eq!((p.term, p.year, p.end_year), (Some(10), Some(2024), Some(2029)));
    }

    /// Random soup of date-ish fragments and multi-byte text: no panic, and
    /// the invariants hold (sorted, non-overlapping, char-boundary offsets).
    #[test]
    fn soup_never_panics() {
        const PARTS: &[&str] = &[
            "ngày",
            " ",
            "5",
            "/",
            "-",
            ".",
            "2019",
            "tháng",
            "năm",
            "(",
            ")",
            "sáng",
            "nay",
            "thứ",
            "hai",
            "7",
            "h",
            "30",
            "giờ",
            "phút",
            "quý",
            "ii",
            "khóa",
            "xix",
            "nhiệm kỳ",
            "giai đoạn",
            "và",
            "đến",
            "\n",
            "…",
            "\u{a0}",
            "“",
            "đồng chí",
            "12",
            "31",
            "âm lịch",
            "hôm",
            "qua",
            ",",
            "%",
            "từ",
            "trong",
            "2 ngày",
            "chủ nhật",
            "rằm",
            "mùng",
            "tết",
            "giêng",
            "ệ",
            "0",
        ];
        let r = rec();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut key = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                key.push_str(PARTS[(seed % PARTS.len() as u64) as usize]);
            }
            let ds = r.dates(&key);
            for w in ds.windows(2) {
                assert!(w[0].end <= w[1].start, "{key:?}");
            }
            for d in &ds {
                assert!(d.start < d.end && key.is_char_boundary(d.start) && key.is_char_boundary(d.end));
                if let (Some(m), Some(dd)) = (d.month, d.day) {
                    assert!(is_valid_date(d.year, m, dd), "{key:?} {d:?}");
                }
            }
            let ps = r.periods(&key);
            for w in ps.windows(2) {
                assert!(w[0].end <= w[1].start, "{key:?}");
            }
            for p in &ps {
                assert!(p.start < p.end && key.is_char_boundary(p.start) && key.is_char_boundary(p.end));
            }
        }
    }

    #[test]
    fn recognizer_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<DateRecognizer>();
    }
}
