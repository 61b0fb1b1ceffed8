//! The layout of a formal document (the state layout of Nghị định 30/2020/NĐ-CP, the
//! Party layout of Hướng dẫn 36-HD/VPTW): its type heading
//! (`formal_title`), and its header and tail regions ([`regions`]): the header lines
//! above the type heading and the signature and "Nơi nhận" lines at the end become
//! [`BlockKind::Header`] and [`BlockKind::Signature`] blocks, so they feed neither the
//! meeting nor the body. Also the line tests the formal recognizers share (capitals,
//! rules, signing prefixes, the number label, the abstract's lines). The vocabulary is
//! `lexicon/data/formal.tsv`, read from the parser's [`Lexicon`] ([`FormalList`]).

use super::chrome::more_chars_than;
use super::{Block, BlockKind};
use crate::lexicon::{FormalEntry, FormalList, Lexicon, Scan, WordList};
use crate::spelling::offset_map::floor_boundary;

/// Is every letter of `s` upper case (and is there at least one)?
pub(crate) fn is_upper(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// A rule line or a lone asterisk under the issuer ("-----", "*", "___").
pub(crate) fn is_rule(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | '~' | '.' | ' ' | '|'))
}

/// Does the line carry the national motto or the Party's name?
fn has_motto(lex: &Lexicon, key: &str) -> bool {
    lex.formal_find(FormalList::Motto, key).is_some() || lex.formal_find(FormalList::Party, key).is_some()
}

/// Is the line a header line with the motto or the Party's name: the phrase opens the
/// line, ends it, or follows the issuer's name in capitals (a flattened column)? Not
/// running text that names the country ("Quốc hội nước Cộng hòa xã hội chủ nghĩa …").
fn motto_line(lex: &Lexicon, line: &str, key: &str) -> bool {
    if more_chars_than(line, 160) {
        return false;
    }
    let Some((p, e)) = lex.formal_find(FormalList::Motto, key).or_else(|| lex.formal_find(FormalList::Party, key))
    else {
        return false;
    };
    let before = line[..p].trim_matches(['|', ' ', '\t']);
    // What follows the phrase: the rest of the national name, then the motto.
    let rest = key[p + e.phrase.len()..].trim_start_matches(['|', ' ', '-']);
    let after_ok = rest.is_empty()
        || rest.starts_with("hạnh phúc")
        || lex.formal_find(FormalList::Motto, rest).is_some_and(|(q, _)| q == 0)
        || rest.starts_with("độc lập")
        || rest.starts_with("việt nam") && {
            // "… VIỆT NAM Độc lập - Tự do - Hạnh phúc ---" (a markdown cell): the motto follows.
            let after = rest["việt nam".len()..].trim_matches(['|', ' ', '-', '*']);
            after.is_empty() || after.starts_with("độc lập")
        };
    (before.is_empty() || is_upper(before)) && (after_ok || is_upper(&line[p..]))
        || before.chars().count() <= 60 && after_ok
}

/// A signing-authority line: a prefix followed by a word in capitals ("KT. CHỦ TỊCH").
pub(crate) fn sign_prefix<'l>(lex: &'l Lexicon, text: &str, key: &str) -> Option<(&'l FormalEntry, usize)> {
    let e = lex.formal_prefix(FormalList::SignPrefix, key)?;
    let rest = &text[e.phrase.len()..];
    // "T/M." with a period the table's "t/m" leaves out.
    let rest = if e.phrase.ends_with('.') { rest } else { rest.strip_prefix('.').unwrap_or(rest) };
    let rest_trimmed = rest.trim_start();
    let skip = text.len() - e.phrase.len() - rest_trimmed.len();
    let rest = rest_trimmed;
    (rest.chars().next().is_some_and(char::is_uppercase) && is_upper(rest)).then_some((e, e.phrase.len() + skip))
}

/// The lines of the abstract (trích yếu) under the type heading at `title`: up to four
/// short lines, down to a blank line, an addressee, a legal basis or a list.
pub(crate) fn abstract_blocks(text: &str, key: &str, lex: &Lexicon, blocks: &[Block], title: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_end = blocks[title].end;
    for (i, b) in blocks.iter().enumerate().skip(title + 1).take(4) {
        let gap = &text[prev_end..b.start];
        let line = &text[b.start..b.end];
        let k = &key[b.start..b.end];
        if gap.matches('\n').count() > 1
            || !matches!(b.kind, BlockKind::Paragraph | BlockKind::Header | BlockKind::Caption)
            // A long abstract in capitals on one line stays one.
            || more_chars_than(line, if is_upper(line) { 600 } else { 220 })
            || lex.formal_prefix(FormalList::Addressee, k).is_some()
            || k.starts_with("căn cứ")
            || line.ends_with([':', ';'])
            || line.starts_with(|c: char| c.is_ascii_digit())
            || roman_item(line)
        {
            break;
        }
        out.push(i);
        prev_end = b.end;
    }
    out
}

/// Does the line open with a Roman-numbered section marker ("I. Tên công trình: …",
/// "II- NHIỆM VỤ")?
fn roman_item(line: &str) -> bool {
    let n = line.chars().take_while(|c| matches!(c, 'I' | 'V' | 'X')).count();
    (1..=4).contains(&n) && {
        let mut rest = line[n..].chars();
        matches!(rest.next(), Some('.' | ')' | '-')) && rest.next().is_some_and(char::is_whitespace)
    }
}

/// Where the number label "Số" ends in a line's key: "số:", "số", "số :"; returns the
/// offset just after the label (and its colon).
pub fn after_label(key: &str) -> Option<usize> {
    let rest = key.strip_prefix("số")?;
    if rest.chars().next().is_some_and(crate::spelling::is_word_char) {
        return None;
    }
    let after = rest.trim_start_matches([' ', ':', '.']);
    let colon = rest.trim_start().starts_with(':');
    // "Số: …", "Số 45-TB/HU", "Số /TB-UBND"; not "số lượng".
    (colon || after.starts_with(|c: char| c.is_ascii_digit() || c == '/' || c == '-'))
        .then_some("số".len() + rest.len() - after.len())
}

/// The document-type heading of a formal document: a line in capitals opening with a
/// type word, within the first lines, when the header carries the national motto or
/// the Party's name.
pub(crate) fn formal_title(
    text: &str,
    key: &str,
    lex: &Lexicon,
    scan: &Scan,
    blocks: &[Block],
    content: &[usize],
) -> Option<usize> {
    let head: Vec<usize> = content.iter().copied().take(14).collect();
    // (In the first kilobyte of each block: the motto heads its block, and a block of
    // running text is not searched to its end.)
    let motto = head.iter().any(|&i| {
        let k = &key[blocks[i].start..floor_boundary(key, blocks[i].end.min(blocks[i].start + 1024))];
        lex.words(WordList::StateHeader).iter().any(|phrase| k.contains(phrase.as_str()))
    });
    if !motto {
        return None;
    }
    head.into_iter().find(|&i| {
        let b = blocks[i];
        let raw = &text[b.start..b.end];
        let lead = raw.len() - raw.trim_start_matches(|c: char| c == '|' || c == '*' || c.is_whitespace()).len();
        let line = raw.trim_matches(|c: char| c == '|' || c == '*' || c.is_whitespace());
        let caps = line.chars().filter(|&c| crate::spelling::is_alphabetic(c)).all(char::is_uppercase);
        let starts_with_type = Scan::within(&scan.cues, b.start + lead, b.end)
            .first()
            .is_some_and(|m| m.start() == b.start + lead && lex.cue_entries(m).any(|c| c.name == "doc_type"));
        caps && !more_chars_than(line, 120) && starts_with_type && !key[b.start..b.end].contains("cộng hoà")
    })
}

/// The header and tail regions of a formal document, as block kinds: blocks before the
/// type heading (or, with no heading, down to the date line and the "V/v" subject)
/// become [`BlockKind::Header`]; from the "Nơi nhận" list or the first signing line
/// after the body to the end, [`BlockKind::Signature`]. Does nothing unless the first
/// lines carry the national motto or the Party's name.
pub fn regions(text: &str, key: &str, lex: &Lexicon, blocks: &mut [Block]) {
    let content: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].kind != BlockKind::Metadata).collect();
    let head: Vec<usize> = content.iter().copied().take(16).collect();
    if !head
        .iter()
        .any(|&i| motto_line(lex, &text[blocks[i].start..blocks[i].end], &key[blocks[i].start..blocks[i].end]))
    {
        return;
    }
    let title = head.iter().copied().find(|&i| blocks[i].kind == BlockKind::Title);
    let title_is_heading = title.is_some_and(|t| {
        let k = key[blocks[t].start..blocks[t].end].trim_start_matches(['|', '*', ' ']);
        lex.formal_prefix(FormalList::DocType, k).is_some() && !has_motto(lex, k)
    });
    let header_end = match title {
        Some(t) if title_is_heading => t,
        _ => letter_header_end(text, key, lex, blocks, &head),
    };
    for b in blocks[..header_end].iter_mut() {
        if matches!(b.kind, BlockKind::Paragraph | BlockKind::Caption | BlockKind::Title | BlockKind::Byline) {
            b.kind = BlockKind::Header;
        }
    }
    // The abstract under the type heading, down to a blank line, is header too.
    if title_is_heading {
        for i in abstract_blocks(text, key, lex, blocks, header_end) {
            blocks[i].kind = BlockKind::Header;
        }
    }
    if let Some(t) = tail_start(text, key, lex, blocks, header_end) {
        for b in blocks[t..].iter_mut() {
            if b.kind != BlockKind::Metadata {
                b.kind = BlockKind::Signature;
            }
        }
    }
}

/// Where the header of a document with no type heading (an official letter) ends: after
/// the last header-like line among the first lines `head` (motto, number, place and
/// date, rule, the "V/v" subject and its continuation lines).
fn letter_header_end(text: &str, key: &str, lex: &Lexicon, blocks: &[Block], head: &[usize]) -> usize {
    let mut end = 0;
    let mut subject = false;
    for (n, &i) in head.iter().enumerate() {
        let b = blocks[i];
        let k = key[b.start..b.end].trim_start_matches(['|', ' ']);
        let line = &text[b.start..b.end];
        if more_chars_than(line, 120) {
            break; // the body
        }
        let headerish = has_motto(lex, k)
            || after_label(k).is_some()
            || k.contains(", ngày") && k.contains("tháng") && !line.ends_with('.')
            || is_rule(line)
            || lex.formal_find(FormalList::Subject, k).is_some_and(|(p, _)| p == 0);
        if headerish {
            end = n + 1;
            subject = lex.formal_find(FormalList::Subject, k).is_some_and(|(p, _)| p == 0);
        } else if subject
            && !line.ends_with(['.', ':'])
            && n == end
            && lex.formal_prefix(FormalList::Addressee, k).is_none()
        {
            end = n + 1; // the subject goes on over the next line
        } else if n > end + 2 {
            break;
        } else {
            subject = false;
        }
    }
    match (head.get(end), head.last()) {
        (Some(&i), _) => i,
        (None, Some(&last)) => last + 1,
        (None, None) => 0,
    }
}

/// The first block of the tail after the header: the "Nơi nhận" list, a signing line,
/// or the signers' titles of minutes; moved up over a signer's title set right above it.
fn tail_start(text: &str, key: &str, lex: &Lexicon, blocks: &[Block], header_end: usize) -> Option<usize> {
    let mut t = (header_end + 1..blocks.len()).find(|&i| {
        let b = blocks[i];
        b.kind != BlockKind::Metadata && opens_tail(lex, &text[b.start..b.end], &key[b.start..b.end])
    })?;
    // A signer's title set right above the "Nơi nhận" line ("GIÁM ĐỐC").
    while t > header_end + 1 {
        let b = blocks[t - 1];
        let line = &text[b.start..b.end];
        let short = !more_chars_than(line, 50);
        if b.kind == BlockKind::Metadata || !(short && is_upper(line)) || line.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        t -= 1;
    }
    Some(t)
}

/// Does the line open the tail: "Nơi nhận", a signing prefix, the signers' titles
/// of minutes, or the head of a party's column ("ĐẠI DIỆN")?
fn opens_tail(lex: &Lexicon, line: &str, key: &str) -> bool {
    // A markdown table row ("| *Nơi nhận:* - …; - … | KT. … |") holds the whole tail.
    let row = line.starts_with('|');
    let line = line.trim_start_matches(['|', ' ', '*']);
    let k = key.trim_start_matches(['|', ' ', '*']);
    if lex.formal_prefix(FormalList::Recipients, k).is_some() && (row || !more_chars_than(line, 199)) {
        return true;
    }
    if sign_prefix(lex, line, k).is_some() {
        return true;
    }
    // "ĐẠI DIỆN        ĐẠI DIỆN": the heads of the parties' columns, in capitals.
    if is_upper(line) && !line.contains(':') && lex.formal_prefix(FormalList::SignParty, k).is_some() {
        return true;
    }
    // "THƯ KÝ        CHỦ TỌA": every word a signer's title.
    let mut rest = k.trim();
    let mut titles = 0;
    while let Some(e) = lex.formal_prefix(FormalList::SignerTitle, rest) {
        titles += 1;
        rest = rest[e.phrase.len()..].trim_start_matches([' ', '|']);
    }
    if titles >= 1 && rest.is_empty() && is_upper(line) {
        return true;
    }
    // "THƯ KÝ        T/M CHI BỘ": a signing prefix further on in a line in capitals.
    is_upper(line)
        && line.char_indices().any(|(p, c)| {
            c == ' ' && sign_prefix(lex, &line[p + 1..], &k[p + 1..]).is_some() && !line[..p].trim().is_empty()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_prefixes() {
        let lex = Lexicon::default();
        let p = |t: &'static str| sign_prefix(&lex, t, &crate::key::key(t)).map(|(e, n)| (e.value.as_str(), &t[n..]));
        assert_eq!(p("KT. CHỦ TỊCH"), Some(("signing_for", "CHỦ TỊCH")));
        assert_eq!(p("TM. ỦY BAN NHÂN DÂN"), Some(("on_behalf", "ỦY BAN NHÂN DÂN")));
        assert_eq!(p("TL. CHỦ TỊCH"), Some(("by_order", "CHỦ TỊCH")));
        assert_eq!(p("TUQ. CHỦ TỊCH"), Some(("by_authorization", "CHỦ TỊCH")));
        assert_eq!(p("Q. GIÁM ĐỐC"), Some(("acting", "GIÁM ĐỐC")));
        assert_eq!(p("T/M BAN THƯỜNG VỤ"), Some(("on_behalf", "BAN THƯỜNG VỤ")));
        assert_eq!(p("T/M. ĐOÀN KIỂM TRA"), Some(("on_behalf", "ĐOÀN KIỂM TRA")));
        assert_eq!(p("K/T BÍ THƯ"), Some(("signing_for", "BÍ THƯ")));
        assert_eq!(p("T/L BAN THƯỜNG VỤ"), Some(("by_order", "BAN THƯỜNG VỤ")));
        // Not in capitals: running text.
        assert_eq!(p("TM. Ban chấp hành"), None);
        assert_eq!(p("Tổng số phiếu"), None);
    }

    #[test]
    fn motto_lines_and_running_text() {
        let lex = Lexicon::default();
        let m = |t: &str| motto_line(&lex, t, &crate::key::key(t));
        assert!(m("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assert!(m("CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assert!(m("UBND HUYỆN AN PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assert!(m("HUYỆN ỦY ĐÔNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM"));
        assert!(m("|ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"));
        assert!(m("Độc lập - Tự do - Hạnh phúc"));
        assert!(!m("Ngày 22/5/2017, Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam, khóa XIV đã khai mạc."));
        assert!(!m("Khai mạc Hội thảo giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Trung Quốc"));
    }

    #[test]
    fn label() {
        assert_eq!(after_label("số: 12/tb"), Some("số: ".len()));
        assert_eq!(after_label("số 12-tb/hu"), Some("số ".len()));
        assert_eq!(after_label("số lượng"), None);
    }

    #[test]
    fn header_and_tail_blocks() {
        let t = "UBND HUYỆN AN PHÚ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/TB-UBND\tAn Phú, ngày 05 tháng 7 năm 2024\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND huyện\n\nNgày 03/7/2024, UBND huyện họp.\nNơi nhận:\tCHỦ TỊCH\n- Lưu: VT.\n\tNguyễn Văn An\n";
        let d = crate::parse(t);
        use crate::model::DocumentKind;
        use BlockKind::*;
        let lex = crate::Lexicon::default();
        let norm = crate::normalize::normalize(t, &Default::default());
        let key = crate::key::key(&norm.text);
        let scan = lex.scan(&norm.text, &key, false);
        let kinds: Vec<_> =
            crate::layout::layout(&norm.text, &key, &lex, &scan).blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [Header, Header, Title, Header, Paragraph, Signature, Signature, Signature]);
        assert_eq!(d.kind, DocumentKind::Notice);
        let h = d.header.unwrap();
        assert_eq!(h.issuer.unwrap().text, "UBND HUYỆN AN PHÚ");
        assert_eq!(h.place.unwrap().text, "An Phú");
        assert_eq!(h.date.map(|x| (x.year, x.month, x.day)), Some((Some(2024), Some(7), Some(5))));
        let s = d.signature.unwrap();
        assert_eq!((s.title.unwrap().text.as_str(), s.name.unwrap().text.as_str()), ("CHỦ TỊCH", "Nguyễn Văn An"));
        assert!(d.recipients[0].archive);
        // The meeting's date is the body's, not the header's.
        assert_eq!(d.meeting.and_then(|m| m.date).map(|x| x.day), Some(3));
    }
}
