//! Hard-wrapped lines: text wrapped at a fixed width ("Chiều\nngày 22/3/2022, …",
//! "Tại\nbuổi tiếp xúc, có 9 ý kiến", a word cut "tổ\nchức") is joined back into its
//! sentences before anything is matched or recognized, so that a date, a name, a role
//! or a cue cut by a line break is read whole.
//!
//! The join replaces the line break by a space, byte for byte: every offset of the
//! normalized text (and its map back to the input) stays as it was.

use crate::lexicon::{FormalList, Lexicon};
use crate::spelling::offset_map::floor_boundary;

/// The offsets of the hard-wrapped line breaks of `text` (`key`: its matching key), in
/// order: [`join_lines`] replaces each by a space, in the text and in its key alike (the
/// key of a space is a space, as that of a line break is a line break). A break is a wrap when the line before goes on (it ends no sentence or
/// lead-in, and is not all capitals: a heading, a header line of a formal document) and
/// the line after continues it (it opens in lower case or with a number, and is no list
/// item: "- …", "a) …", "2. …"); a blank line between two lines is a paragraph break.
/// Nothing is joined in a formal document's header, from its "Nơi nhận" on, or across a
/// column gap of the input (`gaps`: `Normalized::column_gaps`).
pub(crate) fn unwrap_lines(text: &str, key: &str, lex: &Lexicon, gaps: &[u32]) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut prev: Option<(usize, &str)> = None;
    let mut pos = 0;
    // A formal document's header (issuer, motto, number, abstract) is read line by line:
    // nothing is joined before its body, the first line that ends a sentence or a lead-in.
    let mut in_header = formal_header(key, lex);
    for line in super::lines(text) {
        // Nor anything in its tail, from "Nơi nhận" on: the recipients and the signature
        // blocks, side by side.
        if recipients_label(line, &key[pos..pos + line.len()], lex) {
            break;
        }
        if let Some((start, a)) = prev {
            if !in_header && goes_on(a) && continues(line) && !has_gap(gaps, start, pos + line.len()) {
                breaks.push(pos - 1);
            }
        }
        if in_header
            && !goes_on(line)
            && super::chrome::more_chars_than(line.trim(), 7)
            && line.trim_end().ends_with(['.', ':', ';'])
        {
            in_header = false;
        }
        // After a blank line, the next line starts a paragraph.
        prev = Some((pos, line)).filter(|(_, l)| !l.trim().is_empty());
        pos += line.len() + 1;
    }
    breaks
}

/// Replace the line break at each offset of `breaks` (from [`unwrap_lines`]) by a space:
/// byte for byte, so every offset stays. (An offset that holds no line break is left.)
pub(crate) fn join_lines(text: &mut String, breaks: &[usize]) {
    for &b in breaks {
        if text.as_bytes().get(b) == Some(&b'\n') {
            text.replace_range(b..b + 1, " ");
        }
    }
}

/// How much of a text's first lines [`formal_header`] reads.
const HEADER_BYTES: usize = 4 << 10;
/// A line longer than this is running text, no line of a formal document's header.
const HEADER_LINE_BYTES: usize = 512;

/// Does the text open as a formal document: the national motto, the Party's name or an
/// addressee ("Kính gửi") among its first lines (formal.tsv `motto`, `party`, `addressee`)?
/// (The first 16 lines, within their first [`HEADER_BYTES`], and of them the lines
/// that are short enough to be a header's: [`HEADER_LINE_BYTES`]; read in the text's key.)
fn formal_header(key: &str, lex: &Lexicon) -> bool {
    let head = &key[..floor_boundary(key, HEADER_BYTES)];
    head.split('\n').take(16).filter(|l| l.len() <= HEADER_LINE_BYTES).any(|l| {
        [FormalList::Motto, FormalList::Party, FormalList::Addressee]
            .into_iter()
            .any(|c| lex.formal_find(c, l).is_some())
    })
}

/// Does the line (`line`, and `key` its key) open with the recipients' label ("Nơi
/// nhận", formal.tsv `recipients`)?
fn recipients_label(line: &str, key: &str, lex: &Lexicon) -> bool {
    let t = line.trim_start();
    t.starts_with(['N', 'n']) && lex.formal_prefix(FormalList::Recipients, &key[line.len() - t.len()..]).is_some()
}

/// Does the input hold a column gap between `start` and `end` (a tab or a run of spaces
/// that normalization folded, as pdftotext writes a header or a signature block side by
/// side; `Normalized::column_gaps`)?
fn has_gap(gaps: &[u32], start: usize, end: usize) -> bool {
    let i = gaps.partition_point(|&g| (g as usize) < start);
    gaps.get(i).is_some_and(|&g| (g as usize) < end)
}

/// Does a line go on on the next one: it ends no sentence or lead-in (".", "!", "?",
/// ":", ";", "…", a closing quote or bracket after one), holds a lower-case letter, and
/// is no table row or markup?
fn goes_on(line: &str) -> bool {
    let t = line.trim_end();
    let bare = t.trim_end_matches(['"', '”', '\'', '’', ')', ']', '*', '/', '»']);
    !bare.is_empty()
        && !bare.ends_with(['.', '!', '?', ':', ';', '…', '|', '>'])
        && t.chars().any(char::is_lowercase)
        && !t.trim_start().starts_with(['|', '#', '<', '>', '!'])
}

/// Does a line continue the line above: a lower-case word or a number first, and no list
/// marker ("a)", "b.", "2.", "3)", "1.2.")?
fn continues(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    let Some(c) = first.chars().next() else { return false };
    let head = first.trim_end_matches(['.', ')', '/']);
    let marker = head.len() < first.len()
        && !head.is_empty()
        && head.chars().count() <= 4
        && head.chars().all(|c| c.is_ascii_digit() || c == '.' || c.is_lowercase());
    // Not indented as a new block either ("   tiếp theo" after a heading is rare; a
    // line starting with spaces is kept as written only when the line above ends).
    !marker && (c.is_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::Lexicon;

    fn unwrap_with(text: &str, gaps: &[u32]) -> Option<String> {
        let breaks = super::unwrap_lines(text, &crate::key::key(text), &Lexicon::default(), gaps);
        let mut out = text.to_string();
        super::join_lines(&mut out, &breaks);
        (!breaks.is_empty()).then_some(out)
    }

    fn unwrap_lines(text: &str) -> Option<String> {
        unwrap_with(text, &[])
    }

    #[test]
    fn wrapped_lines_are_joined_byte_for_byte() {
        let text = "Chiều\nngày 22/3/2022, Tổ đại biểu tổ\nchức tiếp xúc.\nTại\nbuổi tiếp xúc, có 9 ý kiến";
        let out = unwrap_lines(text).unwrap();
        assert_eq!(out, "Chiều ngày 22/3/2022, Tổ đại biểu tổ chức tiếp xúc.\nTại buổi tiếp xúc, có 9 ý kiến");
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn paragraphs_lists_headings_and_captions_stay_apart() {
        for text in [
            "Hội nghị sơ kết\n\nngày 5/7 đã diễn ra.",  // a blank line
            "Các nhiệm vụ:\n- tăng cường;\n- đổi mới.", // a lead-in and list items
            "Nhiệm vụ gồm\na) tăng cường\nb) đổi mới",  // lettered items
            "Kết quả\n2. Kiến nghị",                    // numbered item
            "UBND HUYỆN AN PHÚ\nsố 12",                 // a heading in capitals
            "Quang cảnh hội nghị\nẢnh: Minh Anh",       // a caption, then a credit
            "| a | b |\n| c | d |",                     // a table
            "Thông tin chung\na/. Tên công ty:",        // a lettered item
            "Kính gửi Sở\nNơi nhận:\n- như trên",       // a formal tail
            "Hội nghị kết thúc.\nsau đó",               // a sentence ended
        ] {
            assert_eq!(unwrap_lines(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_column_gap_of_the_input_keeps_lines_apart() {
        // "- Văn phòng Sở (Bố trí kinh phí, phương<gap>TRƯỞNG ĐOÀN": two columns.
        let text = "- Văn phòng Sở (Bố trí kinh phí, phương TRƯỞNG ĐOÀN\ntiện phục vụ Đoàn);";
        assert!(unwrap_lines(text).is_some());
        let gap = text.find(" TRƯỞNG").unwrap() as u32;
        assert_eq!(unwrap_with(text, &[gap]), None);
        // A formal document's tail is never joined.
        assert_eq!(
            unwrap_lines("Đề nghị các đơn vị\nthực hiện\nNơi nhận:\n- Như trên\ncác đơn vị"),
            Some("Đề nghị các đơn vị thực hiện\nNơi nhận:\n- Như trên\ncác đơn vị".into())
        );
    }
}
