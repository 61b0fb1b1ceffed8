//! The author of a news report, from the byline block ("Tin, ảnh: Nguyễn Văn Hòa"):
//! without a label that only announces the author, and without the office after the
//! name.

use super::context::Context;
use crate::layout::{BlockKind, is_plain_name};
use crate::lexicon::WordList;

/// The author as written in the first byline block, in normalized-text offsets.
pub(crate) fn author(cx: &Context<'_, '_>) -> Option<(usize, usize)> {
    let b = cx.layout.blocks.iter().find(|b| b.kind == BlockKind::Byline)?;
    // A label ("Tác giả:", "Tin, ảnh:", "Theo") is not part of the byline; a label that
    // names the author ("PV", "Ban Biên tập") is.
    let label_end = cx
        .cues_in(b.start, b.start + 1)
        .filter(|c| c.name == "byline_label" && c.start == b.start)
        .map(|c| c.end)
        .filter(|&e| {
            let k = cx.key[b.start..e].trim_end();
            k.ends_with([':', '-']) || cx.lex.is_in(WordList::BylineBareLabel, k)
        })
        .max();
    let s = label_end.unwrap_or(b.start);
    let t = cx.text[s..b.end].trim().trim_matches('*').trim();
    // "NGUYỄN AN (Thực hiện)", "Lan Anh (t/h)": a note after the name is not part of it.
    let t = match t.strip_suffix(')').and_then(|u| u.rsplit_once(" (")) {
        Some((name, note)) if note.chars().any(char::is_lowercase) => name.trim_end(),
        _ => t,
    };
    // "Nguyễn Văn Hòa - Văn phòng Huyện ủy": the name, without the role or office after it
    // (two names, "Hồng Nhung - Lê Anh", are two authors and stay).
    let t = match t.split_once(" - ").or_else(|| t.split_once(" – ")) {
        Some((name, rest)) if is_plain_name(name) && !is_plain_name(rest) => name,
        _ => t,
    };
    let off = s + cx.text[s..b.end].find(t).unwrap_or(0);
    (!t.is_empty()).then_some((off, off + t.len()))
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    fn author(text: &str) -> Option<&str> {
        mentions_of(text).author.map(|(s, e)| &text[s..e])
    }

    const STORY: &str = "Hội nghị giao ban tháng 5\n\nSáng 3/5, UBND xã Tân Phú tổ chức hội nghị giao ban. \
                         Các đại biểu đã thảo luận sôi nổi về công tác của tháng tới.\n\n";

    #[test]
    fn label_is_not_part_of_the_author() {
        let text = format!("{STORY}Tin, ảnh: Nguyễn Thị Lan");
        assert_eq!(author(&text), Some("Nguyễn Thị Lan"));
    }

    #[test]
    fn office_after_the_name_is_dropped() {
        let text = format!("{STORY}Trần Văn Hùng - Văn phòng Huyện ủy");
        assert_eq!(author(&text), Some("Trần Văn Hùng"));
    }
}
