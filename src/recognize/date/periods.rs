//! Periods: "6 tháng đầu năm 2019", "quý II-2024", "năm 2019", "nhiệm kỳ 2020-2025",
//! "khóa XIX", "giai đoạn 2021-2025", "năm học", a month without a year.

use super::*;

pub(super) fn period(start: usize, end: usize, kind: PeriodKind) -> PeriodMention {
    PeriodMention { start, end, kind, year: None, end_year: None, months: None, quarter: None, term: None, month: None }
}

/// `yyyy [- yyyy]`, also "yyyy đến yyyy". Returns (first, last).
pub(super) fn year_range(c: &mut Cursor) -> Option<(i32, Option<i32>)> {
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
pub(super) fn first_last(c: &mut Cursor) -> Option<(PeriodKind, Option<i32>)> {
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
pub(super) fn year_belongs_to_date(w: &DateWords, s: &str, i: usize) -> bool {
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
pub(super) fn parse_period(w: &DateWords, s: &str, start: usize) -> Option<PeriodMention> {
    let mut c = Cursor::new(w, s, start);
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
pub(super) fn some_months(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
    if !c.sword("tháng") {
        return None;
    }
    let (kind, year) = first_last(c)?;
    let mut p = period(start, c.pos, kind);
    p.year = year;
    Some(p)
}

/// After "quý": "quý I/2024", "quý II-2024", "quý 3 năm 2025".
pub(super) fn quarter(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
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
pub(super) fn course(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
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
pub(super) fn term(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
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
pub(super) fn stage(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
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
pub(super) fn year_period(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
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
pub(super) fn n_months(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
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
pub(super) fn month_period(c: &mut Cursor, start: usize) -> Option<PeriodMention> {
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
