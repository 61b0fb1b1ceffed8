//! Page chrome around a crawled article: crawler prefixes (" date 2023-10-05 ",
//! "null "), publish timestamps ("Cập nhật: 09:15, 14/08/2025", "Thứ Hai, 10/06/2024
//! 08:30 (GMT+7)"), portal banners, menu and widget labels, related-article lines. They
//! become [`BlockKind::Metadata`] blocks, so that no headline, date or footer is read
//! from them; the words are in `words.tsv` (`chrome_line`, `chrome_lead`,
//! `crawler_prefix`, `timestamp_label`).

use super::{Block, BlockKind};
use crate::lexicon::{Lexicon, WordList};

/// The longest line (in chars) that can be a publish timestamp.
const MAX_TIMESTAMP_CHARS: usize = 90;

/// A numeric date in a line: byte range and (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumericDate {
    /// First byte, in the line.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Year.
    pub year: i32,
    /// Month 1-12.
    pub month: u8,
    /// Day 1-31.
    pub day: u8,
}

fn digits(b: &[u8], i: usize, min: usize, max: usize) -> Option<(usize, u32)> {
    let mut j = i;
    let mut v = 0u32;
    while j < b.len() && j - i < max && b[j].is_ascii_digit() {
        v = v * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    (j - i >= min && !(j < b.len() && b[j].is_ascii_digit())).then_some((j, v))
}

/// The first full numeric date of `line`: "14/08/2025", "14-08-2025", "2025-08-14".
pub fn numeric_date(line: &str) -> Option<NumericDate> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            if let Some(d) = date_at(b, i) {
                return Some(d);
            }
        }
        i += 1;
    }
    None
}

fn date_at(b: &[u8], i: usize) -> Option<NumericDate> {
    let sep = |j: usize| j < b.len() && matches!(b[j], b'/' | b'-' | b'.');
    let (j, first) = digits(b, i, 1, 4)?;
    if !sep(j) {
        return None;
    }
    let (k, second) = digits(b, j + 1, 1, 2)?;
    if !sep(k) || b[k] != b[j] {
        return None;
    }
    let (end, third) = digits(b, k + 1, 1, 4)?;
    let (y, m, d) = if j - i == 4 { (first, second, third) } else { (third, second, first) };
    let ok = (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    ok.then_some(NumericDate { start: i, end, year: y as i32, month: m as u8, day: d as u8 })
}

/// Does `line` hold a clock time ("08:30", "19:57:31", "8h30")?
fn has_clock(line: &str) -> bool {
    let b = line.as_bytes();
    (0..b.len()).any(|i| {
        b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && digits(b, i, 1, 2).is_some_and(|(j, h)| {
                h < 24 && j < b.len() && (b[j] == b':' || b[j] == b'h') && digits(b, j + 1, 2, 2).is_some()
            })
    })
}

/// The words of `key` (a line's key) that are neither numbers nor weekday words nor a
/// timestamp label: how much else the line says.
fn other_words(lex: &Lexicon, key: &str) -> usize {
    let label = label_len(lex, key);
    key[label..]
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '(' | ')' | '[' | ']' | '•' | ':'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| {
            !(lex.is_in(WordList::WeekdayNumber, w)
                || lex.is_in(WordList::TimestampLabel, w)
                || lex.is_in(WordList::TimestampFiller, w))
        })
        .count()
}

/// Bytes of a timestamp label at the start of `key` ("cập nhật lúc", "ngày đăng").
fn label_len(lex: &Lexicon, key: &str) -> usize {
    lex.words(WordList::TimestampLabel)
        .iter()
        .filter(|l| key.starts_with(l.as_str()) && key[l.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        .map(String::len)
        .max()
        .unwrap_or(0)
}

/// `s.chars().count() > n`, without counting a long `s` (a block may be a long
/// paragraph): a character is one to four bytes, so a string of at most `n` bytes has
/// at most `n` characters, and one of more than `4n + 3` bytes more than `n`; only in
/// between are the characters counted.
pub(crate) fn more_chars_than(s: &str, n: usize) -> bool {
    if s.len() <= n {
        return false;
    }
    if s.len() / 4 > n {
        return true;
    }
    s.chars().count() > n
}

/// Is the line (its text and key) a publish timestamp: a full numeric date with a
/// clock time, a timestamp label or nothing but weekday words around it, and little
/// else?
pub fn is_timestamp(lex: &Lexicon, line: &str, key: &str) -> bool {
    if more_chars_than(line, MAX_TIMESTAMP_CHARS) || numeric_date(line).is_none() {
        return false;
    }
    let others = other_words(lex, key);
    let labelled = label_len(lex, key) > 0;
    others == 0 || (has_clock(line) || labelled) && others <= 4 && !line.trim_end().ends_with('.')
}

/// Where a crawler prefix at the start of `key` ends: "date 2023-10-05 ", "null ".
fn crawler_prefix(lex: &Lexicon, key: &str) -> Option<usize> {
    let (first, rest) = key.split_once(' ')?;
    if !lex.is_in(WordList::CrawlerPrefix, first) || rest.trim().is_empty() {
        return None;
    }
    let rest_at = first.len() + 1;
    let iso_date_follows =
        lex.word_list(WordList::CrawlerPrefix).entries().any(|(word, value)| word == first && value == "iso_date");
    if iso_date_follows {
        // "date 2023-10-05 …", "date 2020-12 …": an ISO date follows.
        let (iso, _) = rest.split_once(' ')?;
        let iso_ok =
            iso.len() >= 7 && iso.bytes().all(|c| c.is_ascii_digit() || c == b'-') && iso.as_bytes()[4] == b'-';
        return iso_ok.then_some(rest_at + iso.len() + 1);
    }
    Some(rest_at)
}

/// Is the whole line chrome: a menu or widget label, a banner, a related-article line,
/// a stray mark?
fn is_chrome_line(lex: &Lexicon, line: &str, key: &str) -> bool {
    let k = key.trim().trim_end_matches([':', '.', ' ']).trim();
    if line.chars().all(|c| !c.is_alphanumeric()) {
        return true;
    }
    lex.is_in(WordList::ChromeLine, k)
        || lex
            .words(WordList::ChromeLead)
            .iter()
            .any(|l| k.starts_with(l.as_str()) && k[l.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// A related-article line: ">> Hội nghị …".
fn is_related(line: &str) -> bool {
    line.starts_with(">>") || line.starts_with('»') || line.starts_with("<<")
}

/// Mark the chrome lines of `blocks` as metadata and cut crawler prefixes off into
/// metadata blocks of their own; a timestamp line that goes on with a labelled byline
/// ("Ngày đăng: 29/12/2018 | Tác giả: Nguyễn Văn A") gives that part as a byline.
pub(super) fn mark_chrome(text: &str, key: &str, lex: &Lexicon, blocks: &mut Vec<Block>) {
    // Menus and banners are read only above the article's first long paragraph (a
    // portal's footer lines go on to the publisher); related-article lines anywhere.
    let body_from = super::body_start(text, blocks).map_or(usize::MAX, |i| blocks[i].start);
    let mut out = Vec::with_capacity(blocks.len());
    for mut b in blocks.drain(..) {
        if b.kind != BlockKind::Paragraph {
            out.push(b);
            continue;
        }
        if let Some(p) = crawler_prefix(lex, &key[b.start..b.end]) {
            let rest = b.start + p;
            let rest = rest + text[rest..b.end].len() - text[rest..b.end].trim_start().len();
            out.push(Block { kind: BlockKind::Metadata, start: b.start, end: b.start + p - 1 });
            b.start = rest;
        }
        let line = &text[b.start..b.end];
        let k = &key[b.start..b.end];
        if is_related(line) || b.start < body_from && is_chrome_line(lex, line, k) {
            b.kind = BlockKind::Metadata;
        } else if let Some((ts, by)) = split_timestamp(lex, text, key, b) {
            out.push(ts);
            b = by;
        } else if is_timestamp(lex, line, k) {
            b.kind = BlockKind::Metadata;
        }
        out.push(b);
    }
    // Keep document order (a byline split before its timestamp goes first).
    out.sort_by_key(|b| b.start);
    *blocks = out;
}

/// A timestamp line with a byline in it: "Ngày đăng: 29/12/2018 | Tác giả: Thanh Khoa"
/// or "NGUYỄN AN (thực hiện) 00:40, 22/01/2023": the timestamp and the byline blocks.
fn split_timestamp(lex: &Lexicon, text: &str, key: &str, b: Block) -> Option<(Block, Block)> {
    let line = &text[b.start..b.end];
    if more_chars_than(line, MAX_TIMESTAMP_CHARS * 2) {
        return None;
    }
    // Segments split by " | ".
    if let Some(p) = line.find(" | ") {
        let (head, tail) = (&line[..p], &line[p + 3..]);
        let tail_start = b.start + p + 3;
        let tk = &key[tail_start..b.end];
        if is_timestamp(lex, head, &key[b.start..b.start + p])
            && lex.words(WordList::BylineInlineLabel).iter().any(|l| tk.starts_with(l.as_str()))
        {
            let tail_end = tail.find(" | ").map_or(b.end, |q| tail_start + q);
            return Some((
                Block { kind: BlockKind::Metadata, start: b.start, end: b.start + p },
                Block { kind: BlockKind::Byline, start: tail_start, end: tail_end },
            ));
        }
    }
    // A name before the timestamp: "NGUYỄN AN (thực hiện) 00:40, 22/01/2023",
    // "Hoàng Lan - 14:20 05/03/2024".
    let d = line.find(|c: char| c.is_ascii_digit())?;
    let name = line[..d].trim_end().trim_end_matches(['-', '–', '|', ',']).trim_end();
    let stamp = &line[d..];
    if name.is_empty() || !is_timestamp(lex, stamp, &key[b.start + d..b.end]) || !has_clock(stamp) {
        return None;
    }
    let bare = name.split(" (").next().unwrap_or(name);
    let words = bare.split_whitespace().count();
    let capitalized = bare.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    ((2..=5).contains(&words) && capitalized).then(|| {
        (
            Block { kind: BlockKind::Metadata, start: b.start + d, end: b.end },
            Block { kind: BlockKind::Byline, start: b.start, end: b.start + name.len() },
        )
    })
}

#[cfg(test)]
mod tests {

    proptest::proptest! {
        #[test]
        fn more_chars_than_is_a_bounded_count(s in ".{0,40}", n in 0usize..44) {
            proptest::prop_assert_eq!(super::more_chars_than(&s, n), s.chars().count() > n);
        }
    }
    use super::*;

    fn ts(line: &str) -> bool {
        let lex = Lexicon::default();
        is_timestamp(&lex, line, &crate::key::key(line))
    }

    #[test]
    fn numeric_dates() {
        let d = numeric_date("Cập nhật: 09:15, 14/08/2025").unwrap();
        assert_eq!((d.year, d.month, d.day), (2025, 8, 14));
        let d = numeric_date(" date 2023-10-05 x").unwrap();
        assert_eq!((d.year, d.month, d.day), (2023, 10, 5));
        assert!(numeric_date("Sáng 8/7, hội nghị").is_none());
    }

    #[test]
    fn timestamps() {
        assert!(ts("Cập nhật: 09:15, 14/08/2025"));
        assert!(ts("Thứ Hai, 10/06/2024 08:30 (GMT+7)"));
        assert!(ts("Ngày 21/11/2020 08:12:05"));
        assert!(ts("Ngày đăng: 03/04/2022"));
        assert!(ts("12/05/2023"));
        assert!(ts("Thứ sáu - 12/08/2022 10:35"));
        assert!(!ts("Ngày 21/11/2020, UBND xã tổ chức hội nghị."));
        assert!(!ts("Vào lúc 14:00 ngày 5/7/2024, Đảng ủy xã họp phiên thường kỳ"));
    }
}
