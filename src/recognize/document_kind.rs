//! The kind of document: minutes, a notice or a plan by the heading of an upper-case
//! line among the first blocks (word lists of `lexicon/data/words.tsv`), else a news
//! report when there is a paragraph.

use super::context::Context;
use crate::key;
use crate::lexicon::WordList;
use crate::model::DocumentKind;
use crate::spelling;

/// The document's kind.
pub(crate) fn document_kind(cx: &Context<'_, '_>) -> DocumentKind {
    for b in cx.layout.blocks.iter().take(12) {
        let line = cx.text[b.start..b.end].trim();
        let upper = line.chars().filter(|&c| spelling::is_alphabetic(c)).all(char::is_uppercase);
        if !upper {
            continue;
        }
        let k = key::key(line);
        let heads = |list: WordList| cx.lex.words(list).iter().any(|w| k.starts_with(w.as_str()));
        if heads(WordList::MinutesTitle) {
            return DocumentKind::Minutes;
        }
        if heads(WordList::NoticeTitle) {
            return DocumentKind::Notice;
        }
        if heads(WordList::PlanTitle) {
            return DocumentKind::Plan;
        }
    }
    if cx.layout.blocks.iter().any(|b| b.kind == crate::layout::BlockKind::Paragraph) {
        DocumentKind::NewsReport
    } else {
        DocumentKind::Unknown
    }
}

#[cfg(test)]
mod tests {
    use crate::model::DocumentKind;
    use crate::recognize::context::mentions_of;

    #[test]
    fn kinds() {
        let minutes = "BIÊN BẢN HỌP\n\nHôm nay, ngày 3/5/2024, tại UBND xã, chi bộ họp.";
        assert_eq!(mentions_of(minutes).document_kind, DocumentKind::Minutes);
        let news = "Hội nghị giao ban\n\nSáng 3/5, UBND xã tổ chức hội nghị giao ban tháng 5.";
        assert_eq!(mentions_of(news).document_kind, DocumentKind::NewsReport);
        assert_eq!(mentions_of("").document_kind, DocumentKind::Unknown);
    }
}
