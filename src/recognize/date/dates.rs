//! Dates: day and month forms, ranges and lists of days, clock times, parts of the day,
//! weekdays and relative days, folded into one [`DateMention`] per expression.

use super::*;

/// One day: "05/7/2019", "18-7", "16.4", "05 tháng 7 năm 2019".
#[derive(Clone, Copy)]
pub(super) struct OneDay {
    pub(super) day: u8,
    pub(super) month: u8,
    pub(super) year: Option<i32>,
    pub(super) sep: u8,
    pub(super) lunar: bool,
}

/// The calendar part of a mention.
#[derive(Clone, Copy, Default)]
pub(super) struct Core {
    pub(super) day: Option<u8>,
    pub(super) month: u8,
    pub(super) year: Option<i32>,
    pub(super) end_day: Option<u8>,
    pub(super) end_month: Option<u8>,
    pub(super) lunar: bool,
    pub(super) sep: u8,
    pub(super) range: bool,
}

impl From<OneDay> for Core {
    #[inline]
    fn from(d: OneDay) -> Self {
        Core { day: Some(d.day), month: d.month, year: d.year, lunar: d.lunar, sep: d.sep, ..Core::default() }
    }
}

/// `d SEP m [SEP yyyy]` with SEP one of `/ - .` (the same one twice).
#[inline]
pub(super) fn day_sep_month(c: &mut Cursor) -> Option<OneDay> {
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
        Some(OneDay { day: d.val as u8, month: m.val as u8, year, sep: s1, lunar: false })
    })
}

/// `d tháng m [năm yyyy]`, the month as a number or a word.
#[inline]
pub(super) fn day_thang_month(c: &mut Cursor) -> Option<OneDay> {
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
        Some(OneDay { day: d, month: m, year, sep: b' ', lunar })
    })
}

#[inline]
pub(super) fn single(c: &mut Cursor) -> Option<OneDay> {
    day_sep_month(c).or_else(|| day_thang_month(c))
}

/// A range connector: "-", "đến", "tới" (and "và", "," inside a day list).
#[inline]
pub(super) fn connector(c: &mut Cursor, list: bool) -> Option<()> {
    attempt(c, |c| {
        c.sp();
        let ok = c.byte(b'-') || c.word("đến") || c.word("tới") || (list && (c.word("và") || c.byte(b',')));
        ok.then_some(())
    })
}

/// Joins two days into a range; the written year applies to both ends.
#[inline]
pub(super) fn make_range(f: OneDay, s: OneDay) -> Option<Core> {
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
#[inline]
pub(super) fn day_list(c: &mut Cursor) -> Option<Core> {
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
#[inline]
pub(super) fn month_year_num(c: &mut Cursor) -> Option<Core> {
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
#[inline]
pub(super) fn core_inner(c: &mut Cursor, mung: bool) -> Option<Core> {
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
pub(super) struct DateState {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u8>,
    pub(super) day: Option<u8>,
    pub(super) end_day: Option<u8>,
    pub(super) end_month: Option<u8>,
    pub(super) tod: Option<TimeOfDay>,
    pub(super) hour: Option<u8>,
    pub(super) minute: Option<u8>,
    pub(super) weekday: Option<u8>,
    pub(super) relative: bool,
    pub(super) lunar: bool,
    pub(super) has_core: bool,
    pub(super) has_clock: bool,
    pub(super) clock_ok: bool,
    // Licences: what was written before, which makes a weak reading safe.
    pub(super) ngay: bool,
    pub(super) lead_time: bool,
    /// "khoảng" (about): licenses "9h" but not "3 giờ", which is often a duration.
    pub(super) about: bool,
    pub(super) from: bool,
    pub(super) vao: bool,
    pub(super) hom: bool,
    pub(super) mung: bool,
    /// The last segment was a bare weekday that nothing licensed yet.
    pub(super) weekday_pending: bool,
    /// The last segment was a clock time.
    pub(super) after_clock: bool,
    /// The last segment was a lead word (no punctuation may follow it).
    pub(super) after_lead: bool,
}

impl DateState {
    #[inline]
    pub(super) fn set_core(&mut self, k: Core) {
        self.day = k.day;
        self.month = Some(k.month);
        self.year = k.year;
        self.end_day = k.end_day;
        self.end_month = k.end_month;
        self.lunar |= k.lunar;
        self.has_core = true;
    }

    /// Context that makes a yearless "d/m" safe to read as a date.
    #[inline]
    pub(super) fn licenses_day_month(&self) -> bool {
        self.ngay
            || self.tod.is_some()
            || self.weekday.is_some()
            || self.relative
            || self.mung
            || (self.has_clock && self.clock_ok)
    }

    #[inline]
    pub(super) fn mention(&self, start: usize, end: usize) -> DateMention {
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

pub(super) enum Step {
    Fail,
    /// Consumed, but not a mention by itself (a lead word, a bare part of day).
    Tentative,
    /// Consumed, and the mention is complete up to here.
    Commit,
}

pub(super) struct Clock {
    pub(super) hour: u8,
    pub(super) minute: Option<u8>,
    pub(super) strong: bool,
    /// Written with "h" ("9h", "8h30"): a clock time even after "khoảng".
    pub(super) h_form: bool,
}

/// Two-digit minutes 00..=59.
#[inline]
pub(super) fn minutes2(c: &mut Cursor) -> Option<u8> {
    attempt(c, |c| {
        let n = c.num()?;
        (n.len == 2 && n.val <= 59).then_some(n.val as u8)
    })
}

/// A clock time at a digit: "8h30", "14h", "14g30", "08:11", "14 giờ 00",
/// "7 giờ 30 phút", "7 giờ rưỡi"; with a lead word also "08 00 phút", "14.30".
/// Weak forms (no minutes, or ambiguous) need a licence from the context.
#[inline]
pub(super) fn clock(c: &mut Cursor, lead: bool) -> Option<Clock> {
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
#[inline]
pub(super) fn clock_follows(c: &Cursor) -> bool {
    let mut p = *c;
    connector(&mut p, false).is_some() && {
        p.sp();
        clock(&mut p, false).is_some()
    }
}

/// The end of a clock range precedes `i` ("18h30 - " before "22h").
#[inline]
pub(super) fn clock_precedes(s: &str, i: usize) -> bool {
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

#[inline]
pub(super) fn tod_word(c: &mut Cursor) -> Option<TimeOfDay> {
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
#[inline]
pub(super) fn rel_after_tod(c: &mut Cursor) -> bool {
    let save = c.pos;
    c.sp();
    if c.any_word(&c.w.day_part_relative) || hom_rel(c) {
        return true;
    }
    c.pos = save;
    false
}

/// "hôm nay", "hôm qua", "hôm kia", "hôm sau".
#[inline]
pub(super) fn hom_rel(c: &mut Cursor) -> bool {
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
#[inline]
pub(super) fn rel_standalone(c: &mut Cursor) -> bool {
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
#[inline]
pub(super) fn weekday(c: &mut Cursor) -> Option<(u8, bool)> {
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
#[inline]
pub(super) fn prev_word(s: &str, i: usize) -> &str {
    prev_word_at(s, i).1
}

/// The word just before byte `i` (skipping spaces) and its start offset.
#[inline]
pub(super) fn prev_word_at(s: &str, i: usize) -> (usize, &str) {
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
#[inline]
pub(super) fn core_at(c: &mut Cursor, a: &DateState) -> Option<Core> {
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
#[inline]
pub(super) fn lunar_suffix(c: &mut Cursor) -> bool {
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
#[inline]
pub(super) fn month_year_words(c: &mut Cursor) -> Option<Core> {
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
#[inline]
pub(super) fn ram(c: &mut Cursor) -> Option<Core> {
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
#[inline]
pub(super) fn segment(c: &mut Cursor, a: &mut DateState, first: bool, line_start: bool) -> Step {
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
    // The kinds of segment whose words may be here: the others are not tried.
    let opens = c.w.opens(c.b, c.pos);
    if opens == 0 {
        return Step::Fail;
    }
    let may = |kind: u8| opens & kind != 0;
    None.or_else(|| if may(OPENS_DAY_PART) { day_part_segment(c, a, was_clock) } else { None })
        .or_else(|| if may(OPENS_DAY) { day_segment(c, a, was_pending) } else { None })
        .or_else(|| if may(OPENS_WEEKDAY) { weekday_segment(c, a, first, line_start) } else { None })
        .or_else(|| if may(OPENS_LEAD) { lead_segment(c, a) } else { None })
        .unwrap_or_else(|| {
            if may(OPENS_LUNAR) && a.has_core && !a.lunar && lunar_suffix(c) {
                a.lunar = true;
                return Step::Commit;
            }
            Step::Fail
        })
}

/// A segment at a digit or `(`: the calendar core, or else a clock time.
#[inline]
pub(super) fn numeric_segment(c: &mut Cursor, a: &mut DateState, b0: u8) -> Step {
    let seg_start = c.pos;
    if b0.is_ascii_digit() && c.w.openers.is_some() && !number_may_go_on(c.b, c.pos) {
        return Step::Fail;
    }
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

/// Can a calendar core or a clock start at the digit at `i`? Each reads a number of at
/// most two digits there ([`Cursor::num`] takes the whole run), then, after spaces at
/// most, a separator (`/ - . , :`), `h` or `g`, a digit (minutes after a lead word), or
/// a word that starts with `t` ("tháng", "tết", "tới"), `g` ("giờ"), `đ` ("đến") or `v`
/// ("và"). No when what follows is none of these.
#[inline]
pub(super) fn number_may_go_on(b: &[u8], i: usize) -> bool {
    let digits = b[i..].iter().take(3).take_while(|d| d.is_ascii_digit()).count();
    if digits > 2 {
        return false;
    }
    let mut j = i + digits;
    loop {
        match b.get(j) {
            Some(b' ' | b'\t') => j += 1,
            Some(0xC2) if b.get(j + 1) == Some(&0xA0) => j += 2,
            Some(&x) => {
                return matches!(x, b'/' | b'-' | b'.' | b',' | b':' | b'h' | b'g' | b't' | b'v' | 0xC4)
                    || x.is_ascii_digit();
            }
            None => return false,
        }
    }
}

/// A part of the day, maybe with a relative day: "sáng", "chiều nay", "tối hôm qua".
#[inline]
pub(super) fn day_part_segment(c: &mut Cursor, a: &mut DateState, was_clock: bool) -> Option<Step> {
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
#[inline]
pub(super) fn day_segment(c: &mut Cursor, a: &mut DateState, was_pending: bool) -> Option<Step> {
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
#[inline]
pub(super) fn weekday_segment(c: &mut Cursor, a: &mut DateState, first: bool, line_start: bool) -> Option<Step> {
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
#[inline]
pub(super) fn lead_segment(c: &mut Cursor, a: &mut DateState) -> Option<Step> {
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
#[inline]
pub(super) fn glue(c: &mut Cursor, punct: bool) {
    c.sp();
    if punct && (c.peek() == Some(b',') || (c.peek() == Some(b'-') && !c.next_is_digit(1))) {
        c.pos += 1;
        c.sp();
    }
}

#[inline]
pub(super) fn parse_date(w: &DateWords, s: &str, start: usize) -> Option<DateMention> {
    let line_start = start == 0 || s.as_bytes()[start - 1] == b'\n';
    let mut c = Cursor::new(w, s, start);
    let mut a = DateState::default();
    let mut best: Option<(DateState, usize)> = None;
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
