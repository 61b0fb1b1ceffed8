//! Where a meeting was held: the place named after a date, later in its sentence,
//! after a place word ("Sáng 8/7, tại Hội trường UBND xã …"). One candidate per full
//! date; assembly takes the one of the date it chose as the meeting's.

use super::context::Context;
use super::date::DateMention;
use crate::lexicon::WordList;

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
///
/// Linear in the text: the place words of a sentence are found once for all its dates
/// (a table of dates in one long sentence would otherwise be searched once per date),
/// and a place is read up to its 15th word at most.
pub(crate) fn places(cx: &Context<'_, '_>, dates: &[DateMention]) -> Vec<Place> {
    let mut found = Vec::new();
    let mut intros = SentenceIntros::default();
    for (i, d) in dates.iter().enumerate() {
        if d.day.is_none() || d.month.is_none() {
            continue;
        }
        let Some((ss, se, _)) = cx.sentence_of(d.start) else { continue };
        if intros.sentence != Some((ss, se)) {
            intros = SentenceIntros::of(cx, ss, se);
        }
        if let Some((start, end)) = intros.after(d.end).and_then(|from| place_at(cx, from, se)) {
            found.push(Place { date: i, start, end });
        }
    }
    found
}

/// The place words (`place_intro`) of one sentence that stand between spaces, as the
/// offset after the space that follows each, sorted by where the word starts, with the
/// least such offset from each one on.
#[derive(Default)]
struct SentenceIntros {
    /// The sentence (start, end) they were found in.
    sentence: Option<(usize, usize)>,
    /// (start of the word, least offset after a place word starting there or later).
    starts: Vec<(usize, usize)>,
}

impl SentenceIntros {
    fn of(cx: &Context<'_, '_>, ss: usize, se: usize) -> Self {
        let key = &cx.key[ss..se];
        let mut starts: Vec<(usize, usize)> = Vec::new();
        for w in cx.lex.words(WordList::PlaceIntro) {
            for (p, _) in key.match_indices(w.as_str()) {
                if p > 0 && key[..p].ends_with(' ') && key[p + w.len()..].starts_with(' ') {
                    starts.push((ss + p, ss + p + w.len() + 1));
                }
            }
        }
        starts.sort_unstable();
        // Least "after" offset from each entry on.
        for i in (0..starts.len().saturating_sub(1)).rev() {
            starts[i].1 = starts[i].1.min(starts[i + 1].1);
        }
        SentenceIntros { sentence: Some((ss, se)), starts }
    }

    /// Where the text after the place word that ends first among those starting after
    /// `from` (past a space) begins.
    fn after(&self, from: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&(start, _)| start <= from);
        self.starts.get(i).map(|&(_, after)| after)
    }
}

/// The place that starts at `from`, up to the next separator before the sentence end
/// `se`: capitalized or a venue word, at most 14 words.
fn place_at(cx: &Context<'_, '_>, from: usize, se: usize) -> Option<(usize, usize)> {
    const MAX_WORDS: usize = 14;
    let rest = &cx.text[from..se];
    let (mut end, mut words, mut in_word) = (rest.len(), 0usize, false);
    for (i, c) in rest.char_indices() {
        if matches!(c, ',' | ';' | '.' | '(') {
            end = i;
            break;
        }
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > MAX_WORDS {
                return None;
            }
        }
    }
    let t = rest[..end].trim_end();
    let starts_ok =
        t.chars().next().is_some_and(char::is_uppercase) || cx.cues_in(from, from + 1).any(|c| c.name == "venue");
    (starts_ok && !t.is_empty()).then_some((from, from + t.len()))
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
