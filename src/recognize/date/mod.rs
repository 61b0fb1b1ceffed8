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
//! The scan is linear: one walk over the key ([`DateRecognizer::dates_and_periods`])
//! visits each word and separator once, keeps the token starts that open with a
//! digit, `(` or a cue word of either list (a first-byte table, then a hash of the
//! word's first bytes), and hands each to the date or period parser, which extends
//! it. A word's end is read off the key's [`WordBits`] (found once, for the lexicon
//! scan and the person tokenizer too). Word boundaries are checked by hand, so no
//! Unicode `\b` is compiled.
#![forbid(unsafe_code)]

use crate::lexicon::{Lexicon, WordList};
use crate::swar::{HI, LO, ge, load8};
use crate::word_bits::WordBits;
use serde::Serialize;

mod cursor;
mod dates;
mod periods;
#[cfg(test)]
mod tests;

use cursor::*;
use dates::*;
use periods::*;

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
/// a single linear walk, shared by dates and periods, that stops only at digits,
/// `(` and the cue words ("sáng", "ngày", "lúc", "quý", "khoá", ...), which a
/// hand-written parser then extends. This is several times faster than a regex
/// pass over Vietnamese text and never super-linear.
#[derive(Debug, Clone)]
pub struct DateRecognizer {
    date_cues: CueTable,
    period_cues: CueTable,
    /// What the fused walk reads of the two cue tables.
    walk: Walk,
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
    /// For a slot of the first two bytes of a word ([`opener_slot`]), the kinds of
    /// segment that is no number that may open with them ([`DateWords::opens`]); `None`
    /// to try every kind everywhere and every number (without the early refusal of
    /// [`dates::number_may_go_on`]): the plain parse the tests compare with.
    openers: Option<Box<[u8; OPENER_SLOTS]>>,
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
            openers: None,
        }
        .with_openers()
    }

    /// The words each kind of segment of [`dates::segment`] that does not start with a
    /// digit or `(` can open with, as (kind bit, word): a part of the day and its lead
    /// ([`OPENS_DAY_PART`]), a relative day or a day or month word ([`OPENS_DAY`]), a
    /// weekday ([`OPENS_WEEKDAY`]), a lead word ([`OPENS_LEAD`]), the lunar suffix
    /// ([`OPENS_LUNAR`]).
    fn opening_words(&self) -> impl Iterator<Item = (u8, &str)> {
        fn strs(bit: u8, l: &[String]) -> impl Iterator<Item = (u8, &str)> {
            l.iter().map(move |w| (bit, w.as_str()))
        }
        let fixed = [
            (OPENS_DAY, "hôm"),
            (OPENS_DAY, "ngày"),
            (OPENS_DAY, "mùng"),
            (OPENS_DAY, "mồng"),
            (OPENS_DAY, "tháng"),
            (OPENS_DAY, "rằm"),
            (OPENS_WEEKDAY, "thứ"),
            (OPENS_LEAD, "trong"),
            (OPENS_LUNAR, "âm lịch"),
        ];
        strs(OPENS_DAY_PART, &self.day_part_lead)
            .chain(self.day_parts.iter().map(|(w, _)| (OPENS_DAY_PART, w.as_str())))
            .chain(strs(OPENS_DAY, &self.relative_day))
            .chain(self.weekday_names.iter().map(|(w, _)| (OPENS_WEEKDAY, w.as_str())))
            .chain(strs(OPENS_LEAD, &self.about))
            .chain(self.time_leads.iter().map(|(w, _)| (OPENS_LEAD, w.as_str())))
            .chain(fixed)
    }

    /// Fills [`DateWords::openers`] from [`DateWords::opening_words`].
    fn with_openers(mut self) -> Self {
        let mut kinds = Box::new([0u8; OPENER_SLOTS]);
        for (bit, w) in self.opening_words() {
            match *w.as_bytes() {
                // An empty word opens anywhere.
                [] => kinds.iter_mut().for_each(|k| *k |= bit),
                [b0] => (0..=255).for_each(|b1| kinds[opener_slot(b0, b1)] |= bit),
                [b0, b1, ..] => kinds[opener_slot(b0, b1)] |= bit,
            }
        }
        self.openers = Some(kinds);
        self
    }

    /// The kinds of segment that is no number (`OPENS_*` bits) that may open at byte `i`
    /// of `b`: none of a kind when the first two bytes there start none of its
    /// [`DateWords::opening_words`] (all at a space or at the last byte: the segments
    /// read past spaces).
    #[inline]
    fn opens(&self, b: &[u8], i: usize) -> u8 {
        let Some(kinds) = &self.openers else { return u8::MAX };
        match (b.get(i), b.get(i + 1)) {
            (Some(&b0), Some(&b1)) if !matches!(b0, b' ' | b'\t' | 0xC2) => kinds[opener_slot(b0, b1)],
            _ => u8::MAX,
        }
    }
}

/// Slots of [`DateWords::openers`]; two byte pairs may share one.
const OPENER_SLOTS: usize = 4096;

/// The slot of [`DateWords::openers`] of the byte pair `b0 b1`.
#[inline]
fn opener_slot(b0: u8, b1: u8) -> usize {
    (usize::from(b0) << 4 ^ usize::from(b1)) % OPENER_SLOTS
}

/// A part of the day or its lead ([`dates::day_part_segment`]).
const OPENS_DAY_PART: u8 = 1;
/// A relative day, a day or a month word ([`dates::day_segment`]).
const OPENS_DAY: u8 = 2;
/// A weekday ([`dates::weekday_segment`]).
const OPENS_WEEKDAY: u8 = 4;
/// A lead word ([`dates::lead_segment`]).
const OPENS_LEAD: u8 = 8;
/// The lunar suffix ([`dates::lunar_suffix`]).
const OPENS_LUNAR: u8 = 16;

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

/// SWAR: high bit set in every byte of `v` that is a separator for the scan
/// (an ASCII byte other than a letter or digit, or a C2/E2/E3 lead byte);
/// exactly the bytes that [`BYTE_CLASS`] does not call `WORD`.
#[inline(always)]
fn sep_mask(v: u64) -> u64 {
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
    hash_first(v, (m.trailing_zeros() / 8) as usize)
}

/// The hash of [`prefix_hash`] of the first `keep` (1..=5) bytes of `v`.
#[inline(always)]
fn hash_first(v: u64, keep: usize) -> usize {
    let k = v & ((1u64 << (8 * keep)) - 1);
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
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

/// One of the two passes of the fused scan ([`DateRecognizer::dates_and_periods`]):
/// its cue table, its parser and what it found so far.
struct Pass<'a, T> {
    cues: &'a CueTable,
    parse: fn(&DateWords, &str, usize) -> Option<T>,
    end_of: fn(&T) -> usize,
    out: Vec<T>,
    /// Token starts before it are inside a mention this pass found (or were tried).
    next: usize,
    /// [`max_mentions`], or 0 when the caller does not want this list.
    limit: usize,
}

impl<T> Pass<'_, T> {
    fn new(
        cues: &CueTable,
        parse: fn(&DateWords, &str, usize) -> Option<T>,
        end_of: fn(&T) -> usize,
        limit: usize,
    ) -> Pass<'_, T> {
        Pass { cues, parse, end_of, out: Vec::new(), next: 0, limit }
    }

    fn full(&self) -> bool {
        self.out.len() >= self.limit
    }

    /// A cue of this pass opens the token at `i` (the walk checked it): parse there,
    /// unless `i` is inside the last mention found.
    #[inline]
    fn cue_at(&mut self, w: &DateWords, key: &str, i: usize) {
        if i < self.next || self.full() || !cue_starts_token(key, i) {
            return;
        }
        let Some(m) = (self.parse)(w, key, i) else { return };
        let mut end = (self.end_of)(&m);
        self.out.push(m);
        // A mention may end inside a word ("…×"); the pass then looks at its end even
        // though that is no token start, exactly as a walk restarted there would.
        while end < key.len() && !self.full() && self.cues.at_any(key, end) && cue_starts_token(key, end) {
            let Some(m) = (self.parse)(w, key, end) else { break };
            let e = (self.end_of)(&m);
            self.out.push(m);
            if e <= end {
                break;
            }
            end = e;
        }
        self.next = end + 1;
    }
}

impl CueTable {
    /// Does a cue of this table open position `i` of `key` (any position: the
    /// start of a word, of a separator, or inside a word)?
    fn at_any(&self, key: &str, i: usize) -> bool {
        let b = key.as_bytes();
        match BYTE_CLASS[usize::from(b[i])] {
            WORD => {
                let v = load8(b, i);
                self.at(b, i, v, sep_mask(v))
            }
            SEP1 => self.kind[usize::from(b[i])] != 0,
            _ => false,
        }
    }

    /// Does a cue word open the word at `i`, whose prefix hash is `h`? (Its first
    /// byte has kind 2.)
    #[inline(always)]
    fn word_at(&self, b: &[u8], i: usize, h: usize) -> bool {
        self.prefix[h / 64] & (1 << (h % 64)) != 0 && self.words.iter().any(|w| starts(&b[i..], w))
    }
}

/// What the fused walk reads of the two cue tables.
#[derive(Debug, Clone)]
struct Walk {
    /// For each byte that starts a char: its date cue kind (bits 0-1) and period
    /// cue kind (bits 2-3), as in [`CueTable`], and [`WORD_CHAR`] for a word char or
    /// the length in bytes of a separator char (bits 4-5).
    table: [u8; 256],
    /// The union of the two tables' prefix hash bit sets.
    prefix: Vec<u64>,
    /// No cue starts with a space (so a lone space between words needs no look).
    space_plain: bool,
}

impl Walk {
    fn new(dates: &CueTable, periods: &CueTable) -> Self {
        let mut table = [0u8; 256];
        for (x, slot) in table.iter_mut().enumerate() {
            let cues = dates.kind[x] | periods.kind[x] << 2;
            // No cue is looked for at a separator of two or three bytes (NBSP, "–", "…").
            *slot = match BYTE_CLASS[x] {
                WORD => WORD_CHAR | cues,
                SEP1 => 0x10 | cues,
                SEP2 => 0x20,
                _ => 0x30,
            };
        }
        let prefix = dates.prefix.iter().zip(&periods.prefix).map(|(a, b)| a | b).collect();
        Walk { table, prefix, space_plain: table[usize::from(b' ')] & 15 == 0 }
    }
}

/// In [`Walk::table`]: the byte starts a word char.
const WORD_CHAR: u8 = 0x80;

/// The fused scan of both passes: one walk over the key that visits every token
/// start (a word start or a separator char), looks up its first byte in one table
/// of both passes' cue kinds, hashes the word's first bytes only when a table may
/// hold a cue word starting with that byte, and hands the token to the pass(es)
/// whose cue opens it. A word's end is read off `bits` ([`WordBits::date_stop`]: the
/// first separator byte of [`BYTE_CLASS`] after its start). Each pass skips the
/// token starts inside its own last mention, so the two lists are exactly those of
/// two separate walks. Stops once both passes are full ([`max_mentions`]).
fn scan_both<D, P>(
    words: &DateWords,
    key: &str,
    bits: &WordBits,
    walk: &Walk,
    dates: &mut Pass<D>,
    periods: &mut Pass<P>,
) {
    let b = key.as_bytes();
    let n = b.len();
    let (dc, pc) = (dates.cues, periods.cues);
    let mut i = 0;
    while i < n {
        // A word.
        let t = walk.table[usize::from(b[i])];
        if t & WORD_CHAR != 0 {
            let start = i;
            // To the first separator (a continuation byte goes on the word: the lead
            // byte decides).
            i = bits.date_stop(i + 1);
            let (d, p) = (t & 3, t >> 2 & 3);
            if d | p != 0 {
                // The hash `CueTable::at` takes of the first bytes, up to five and
                // cut at the end of the word.
                // Most words are no cue of either table: one test of the union of
                // the two hash bit sets rejects them.
                let h = if d == 2 || p == 2 { hash_first(load8(b, start), (i - start).min(5)) } else { 0 };
                let maybe = (d | p) & 1 != 0 || walk.prefix[h / 64] & (1 << (h % 64)) != 0;
                if maybe {
                    if d == 1 || (d == 2 && dc.word_at(b, start, h)) {
                        dates.cue_at(words, key, start);
                    }
                    if p == 1 || (p == 2 && pc.word_at(b, start, h)) {
                        periods.cue_at(words, key, start);
                    }
                    if dates.full() && periods.full() {
                        break;
                    }
                }
            }
            // The usual one space before the next word.
            if walk.space_plain && i + 1 < n && b[i] == b' ' && walk.table[usize::from(b[i + 1])] & WORD_CHAR != 0 {
                i += 1;
                continue;
            }
        }
        // The separator chars up to the next word: only a cue of one byte ("(") can
        // start there.
        while i < n {
            let t = walk.table[usize::from(b[i])];
            if t & WORD_CHAR != 0 {
                break;
            }
            if t & 15 != 0 {
                if t & 3 != 0 {
                    dates.cue_at(words, key, i);
                }
                if t & 12 != 0 {
                    periods.cue_at(words, key, i);
                }
                if dates.full() && periods.full() {
                    return;
                }
            }
            i += usize::from(t >> 4 & 3);
        }
    }
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
        let date_cues = CueTable::new(lex.word_list(WordList::DateCue).forms(), true);
        let period_cues = CueTable::new(lex.word_list(WordList::PeriodCue).forms(), false);
        let walk = Walk::new(&date_cues, &period_cues);
        Self { date_cues, period_cues, walk, words: DateWords::new(lex) }
    }

    /// The date and time mentions in `key`, sorted by start, non-overlapping (the first
    /// [`max_mentions`] of them).
    #[cfg(test)]
    pub fn dates(&self, key: &str) -> Vec<DateMention> {
        self.scan(key, &WordBits::new(key), true, false).0
    }

    /// The period mentions in `key`, sorted by start, non-overlapping (the first
    /// [`max_mentions`] of them).
    #[cfg(test)]
    pub fn periods(&self, key: &str) -> Vec<PeriodMention> {
        self.scan(key, &WordBits::new(key), false, true).1
    }

    /// [`DateRecognizer::dates`] and [`DateRecognizer::periods`] of `key` in one walk
    /// over the text (the same two lists, for about half the work). `bits`: the word
    /// characters of `key`, where the walk reads its words' ends
    /// ([`WordBits::date_stop`]).
    pub fn dates_and_periods(&self, key: &str, bits: &WordBits) -> (Vec<DateMention>, Vec<PeriodMention>) {
        self.scan(key, bits, true, true)
    }

    fn scan(
        &self,
        key: &str,
        bits: &WordBits,
        want_dates: bool,
        want_periods: bool,
    ) -> (Vec<DateMention>, Vec<PeriodMention>) {
        let limit = |want: bool| if want { max_mentions(key.len()) } else { 0 };
        let mut dates = Pass::new(&self.date_cues, parse_date, |d: &DateMention| d.end, limit(want_dates));
        let mut periods = Pass::new(&self.period_cues, parse_period, |p: &PeriodMention| p.end, limit(want_periods));
        scan_both(&self.words, key, bits, &self.walk, &mut dates, &mut periods);
        (dates.out, periods.out)
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
