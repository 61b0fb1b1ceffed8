//! The page's publish date: the first timestamp line the layout set apart as metadata
//! ("Cập nhật: 09:15, 14/08/2025", "Thứ Hai, 10/06/2024 08:30 (GMT+7)") or the
//! crawler's date prefix (" date 2023-10-05 "). Never the meeting's date; the year a
//! meeting date written without one is read in.

use super::context::Context;
use crate::layout::BlockKind;
use crate::layout::chrome::{NumericDate, is_timestamp, numeric_date};

/// The publish date, in normalized-text offsets.
pub(crate) fn published(cx: &Context<'_, '_>) -> Option<NumericDate> {
    cx.layout.blocks.iter().filter(|b| b.kind == BlockKind::Metadata).find_map(|b| {
        let line = &cx.text[b.start..b.end];
        let key = &cx.key[b.start..b.end];
        let crawler = line.trim_start().starts_with("date ");
        if !(crawler || is_timestamp(cx.lex, line, key)) {
            return None;
        }
        numeric_date(line).map(|d| NumericDate { start: b.start + d.start, end: b.start + d.end, ..d })
    })
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    #[test]
    fn timestamp_line_is_the_publish_date() {
        let text = "Thứ Hai, 10/06/2024 08:30 (GMT+7)\nHội nghị giao ban tháng 6\n\nSáng 8/6, UBND xã Tân Phú tổ chức hội nghị giao ban tháng 6 để đánh giá kết quả công tác và bàn nhiệm vụ tháng tới.\n";
        let p = mentions_of(text).published.unwrap();
        assert_eq!((p.year, p.month, p.day), (2024, 6, 10));
        assert_eq!(&text[p.start..p.end], "10/06/2024");
    }
}
