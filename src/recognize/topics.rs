//! The topics listed after a contribution count: "12 ý kiến phát biểu, tập trung vào
//! các nội dung: A; B; C." (the words that introduce them are a word list of
//! `lexicon/data/words.tsv`).

use super::context::Context;
use super::count::CountMention;
use crate::layout::BlockKind;
use crate::lexicon::WordList;

/// The topics after each count, in the order of the counts; read only for counts in
/// a paragraph (the others' are empty).
pub(crate) fn topics(cx: &Context<'_, '_>, counts: &[CountMention]) -> Vec<Vec<(usize, usize)>> {
    counts
        .iter()
        .map(|c| if cx.block_kind_at(c.start) == Some(BlockKind::Paragraph) { after_count(cx, c) } else { Vec::new() })
        .collect()
}

/// The ';'-separated items after the topic words that follow the count `c` in its sentence.
fn after_count(cx: &Context<'_, '_>, c: &CountMention) -> Vec<(usize, usize)> {
    let mut topics = Vec::new();
    let Some((_, se, _)) = cx.sentence_of(c.start) else { return topics };
    let seg = &cx.key[c.end..se];
    let Some(p) = cx.lex.words(WordList::TopicsIntro).iter().find_map(|w| seg.find(w.as_str())) else { return topics };
    let from = c.end + p + seg[p..].find(':').unwrap_or(0) + 1;
    let mut pos = from;
    for item in cx.text[from..se].split(';') {
        let t = item.trim().trim_end_matches('.');
        if !t.is_empty() {
            let off = pos + item.find(t).unwrap_or(0);
            topics.push((off, off + t.len()));
        }
        pos += item.len() + 1;
    }
    topics
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    #[test]
    fn topics_after_the_count() {
        let text = "Sáng 3/5, UBND xã tổ chức hội nghị. Hội nghị đã có 5 ý kiến phát biểu, tập trung về: \
                    làm đường giao thông; nước sạch; trường học.";
        let m = mentions_of(text);
        assert_eq!(m.counts.len(), 1);
        let topics: Vec<&str> = m.topics[0].iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(topics, ["làm đường giao thông", "nước sạch", "trường học"]);
    }
}
