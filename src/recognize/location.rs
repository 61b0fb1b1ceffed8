//! Where a meeting was held: the place named after a date, later in its sentence,
//! after a place word ("Sáng 8/7, tại Hội trường UBND xã …"). One candidate per full
//! date; assembly takes the one of the date it chose as the meeting's.

use super::context::Context;
use super::date::DateMention;
use super::words::after_word;

/// A place named after a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Index of the date (in [`super::Mentions::dates`]) the place follows.
    pub date: usize,
    /// First byte of the place.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// The places that follow the dates with a day and a month (the dates a meeting can be
/// on), in the order of the dates.
pub(crate) fn places(cx: &Context<'_, '_>, dates: &[DateMention]) -> Vec<Place> {
    let mut found = Vec::new();
    for (i, d) in dates.iter().enumerate() {
        if d.day.is_none() || d.month.is_none() {
            continue;
        }
        if let Some((start, end)) = place_after(cx, d) {
            found.push(Place { date: i, start, end });
        }
    }
    found
}

/// The place after a place word that follows the date `d` in its sentence, up to the
/// next separator: capitalized or a venue word, at most 14 words.
fn place_after(cx: &Context<'_, '_>, d: &DateMention) -> Option<(usize, usize)> {
    let (_, se, _) = cx.sentence_of(d.start)?;
    let seg = &cx.key[d.end..se];
    let p = after_word(seg, cx.lex.words("place_intro"))?;
    let from = d.end + p;
    let rest = &cx.text[from..se];
    let end = rest.find([',', ';', '.', '(']).unwrap_or(rest.len());
    let t = rest[..end].trim_end();
    let starts_ok =
        t.chars().next().is_some_and(char::is_uppercase) || cx.cues_in(from, from + 1).any(|c| c.name == "venue");
    (starts_ok && !t.is_empty() && t.split_whitespace().count() <= 14).then_some((from, from + t.len()))
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    fn places(text: &str) -> Vec<&str> {
        mentions_of(text).places.iter().map(|p| &text[p.start..p.end]).collect()
    }

    #[test]
    fn place_after_the_date() {
        let text = "Sáng ngày 8/7/2023, tại Hội trường UBND xã, Hội Phụ nữ xã tổ chức hội nghị tổng kết.";
        assert_eq!(places(text), ["Hội trường UBND xã"]);
    }

    #[test]
    fn the_place_belongs_to_its_date() {
        let text = "Ngày 3/5/2023 trời mưa. Sáng 9/5/2023, Đoàn thanh niên họp tại Nhà văn hóa thôn Đông.";
        let m = mentions_of(text);
        assert_eq!(m.places.len(), 1);
        let date = &m.dates[m.places[0].date];
        assert!(text[date.start..date.end].ends_with("9/5/2023"));
        assert_eq!(places(text), ["Nhà văn hóa thôn Đông"]);
    }

    #[test]
    fn a_lower_case_place_word_is_not_a_place() {
        assert!(places("Ngày 3/5/2023, mọi người ở tại nhà.").is_empty());
    }
}
