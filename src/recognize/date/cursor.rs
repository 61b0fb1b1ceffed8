//! Low-level scanning of the key: word boundaries, the cursor the parsers move along
//! the text, and the numbers, years and month words every date and period is made of.

use super::*;

/// True when the char ending just before byte `i` is not a letter or digit.
#[inline]
pub(super) fn boundary_before(s: &str, i: usize) -> bool {
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
#[inline]
pub(super) fn boundary_after(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => true,
        Some(&b) if b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => s[i..].chars().next().is_none_or(|c| !crate::spelling::is_alphanumeric(c)),
    }
}

/// A candidate must start a token; a number must not continue another number
/// ("1.2.3", "0228.3810724", "1.500.000").
#[inline]
pub(super) fn cue_starts_token(s: &str, i: usize) -> bool {
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
pub(super) struct Num {
    pub(super) val: u32,
    pub(super) len: usize,
}

#[derive(Clone, Copy)]
pub(super) struct Cursor<'a> {
    pub(super) s: &'a str,
    pub(super) b: &'a [u8],
    pub(super) pos: usize,
    /// The word lists.
    pub(super) w: &'a DateWords,
}

impl<'a> Cursor<'a> {
    #[inline]
    pub(super) fn new(w: &'a DateWords, s: &'a str, pos: usize) -> Self {
        Cursor { s, b: s.as_bytes(), pos, w }
    }

    /// The first of `words` at the cursor, followed by a word boundary.
    #[inline]
    pub(super) fn any_word(&mut self, words: &[String]) -> bool {
        words.iter().any(|w| self.word(w))
    }

    /// Spaces, then the first of `words`; nothing is consumed on failure.
    #[inline]
    pub(super) fn any_sword(&mut self, words: &[String]) -> bool {
        words.iter().any(|w| self.sword(w))
    }

    #[inline]
    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    #[inline]
    pub(super) fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.pos + k).copied()
    }

    #[inline]
    pub(super) fn next_is_digit(&self, k: usize) -> bool {
        self.peek_at(k).is_some_and(|b| b.is_ascii_digit())
    }

    /// Skips spaces, tabs and no-break spaces (never a newline).
    #[inline]
    pub(super) fn sp(&mut self) -> bool {
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

    #[inline]
    pub(super) fn byte(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// `w` at the cursor, followed by a word boundary.
    #[inline]
    pub(super) fn word(&mut self, w: &str) -> bool {
        let end = self.pos + w.len();
        if starts(&self.b[self.pos..], w.as_bytes()) && boundary_after(self.s, end) {
            self.pos = end;
            true
        } else {
            false
        }
    }

    /// Like [`Cursor::word`], but a digit may follow with no space ("ngày18/2").
    #[inline]
    pub(super) fn word_glued(&mut self, w: &str) -> bool {
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
    #[inline]
    pub(super) fn sword(&mut self, w: &str) -> bool {
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
    #[inline]
    pub(super) fn num(&mut self) -> Option<Num> {
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
    #[inline]
    pub(super) fn ascii_word(&mut self) -> Option<&'a str> {
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
pub(super) fn starts(hay: &[u8], w: &[u8]) -> bool {
    hay.len() >= w.len() && hay.iter().zip(w).all(|(a, b)| a == b)
}

/// Runs `f`; on `None` the cursor is put back where it was.
#[inline]
pub(super) fn attempt<'a, T>(c: &mut Cursor<'a>, f: impl FnOnce(&mut Cursor<'a>) -> Option<T>) -> Option<T> {
    let save = c.pos;
    let r = f(c);
    if r.is_none() {
        c.pos = save;
    }
    r
}

#[inline]
pub(super) fn is_sep(b: u8) -> bool {
    matches!(b, b'/' | b'-' | b'.')
}

/// What may follow a date: not a letter or digit, not `%`, and not a
/// separator that continues a number or a document code ("/qđ-ubnd").
#[inline]
pub(super) fn tail_ok(c: &Cursor) -> bool {
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
#[inline]
pub(super) fn nam_year(c: &mut Cursor) -> Option<i32> {
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
#[inline]
pub(super) fn sep_year(c: &mut Cursor, seps: &[u8], space_before: bool, space_after: bool) -> Option<i32> {
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
#[inline]
pub(super) fn closing_year(c: &mut Cursor) -> Option<i32> {
    attempt(c, |c| {
        c.sp();
        let y = year4(c)?;
        tail_ok(c).then_some(y)
    })
}

/// A day number 1..=31 of one or two digits.
#[inline]
pub(super) fn day_num(c: &mut Cursor) -> Option<u8> {
    attempt(c, |c| {
        let n = c.num()?;
        (n.len <= 2 && (1..=31).contains(&n.val)).then_some(n.val as u8)
    })
}

/// A four-digit year 1900..=2100.
#[inline]
pub(super) fn year4(c: &mut Cursor) -> Option<i32> {
    attempt(c, |c| {
        let n = c.num()?;
        (n.len == 4 && (1900..=2100).contains(&n.val)).then_some(n.val as i32)
    })
}

/// A month after "tháng": a number 1..=12 or a month word. Returns (month, lunar).
#[inline]
pub(super) fn month_tok(c: &mut Cursor) -> Option<(u8, bool)> {
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
