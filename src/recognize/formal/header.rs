//! The header of a formal document: issuer and parent issuer, motto or Party header,
//! number, place and date, the "V/v" subject or the abstract under the type heading,
//! and the addressee, read from the [`BlockKind::Header`] blocks.

use super::number::parse_number;
use super::{FormalText, is_rule, is_upper, squash, value_after_colon};
use crate::layout::formal::{abstract_blocks, after_label};
use crate::layout::{Block, BlockKind};
use crate::lexicon::FormalList;
use crate::model::*;

/// "Bình Thuận, ngày 17 tháng 2 năm 2025" in a cell: place and date.
fn date_line(ft: &FormalText<'_>, s: usize, e: usize) -> Option<(Option<Text>, DocDate)> {
    let k = ft.key(s, e);
    let p = k.find(", ngày").or_else(|| k.find(",ngày")).or_else(|| k.starts_with("ngày ").then_some(0))?;
    let ds = if p == 0 { s } else { s + p + k[p..].find('n').unwrap_or(1) };
    let dk = &ft.key[ds..e];
    let nums = |after: &str| -> (Option<u32>, usize) {
        match dk.find(after) {
            Some(q) => {
                let rest = &dk[q + after.len()..];
                let t = rest.trim_start_matches([' ', '.']);
                let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
                (digits.parse().ok(), q + after.len() + (rest.len() - t.len()) + digits.len())
            }
            None => (None, 0),
        }
    };
    let (day, mut end) = nums("ngày");
    let (month, m_end) = nums("tháng");
    let (year, y_end) = nums("năm");
    let (mut day, mut month, mut year) = (day, month, year);
    if dk.find("tháng").is_none() {
        // "ngày 05/7/2019"
        let t = dk.strip_prefix("ngày")?.trim_start();
        let parts: Vec<&str> = t.split(|c: char| !c.is_ascii_digit()).take(3).collect();
        if parts.len() == 3 && t[..t.find(' ').unwrap_or(t.len())].matches(['/', '-', '.']).count() == 2 {
            day = parts[0].parse().ok();
            month = parts[1].parse().ok();
            year = parts[2].parse().ok();
            end = dk.len() - t.len() + t.find(' ').unwrap_or(t.len());
        } else {
            return None;
        }
    } else {
        end = end.max(m_end).max(y_end);
    }
    let de = ds + ft.text[ds..ds + end.min(dk.len())].trim_end().len();
    let place = (p > 0).then(|| {
        let t = ft.text[s..s + p].trim();
        let off = s + ft.text[s..s + p].find(t).unwrap_or(0);
        ft.text_of(off, off + t.len())
    });
    let date = DocDate {
        year: year.and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..2200).contains(y)),
        month: month.and_then(|m| u8::try_from(m).ok()).filter(|m| (1..=12).contains(m)),
        day: day.and_then(|d| u8::try_from(d).ok()).filter(|d| (1..=31).contains(d)),
        text: ft.text[ds..de].to_string(),
        span: ft.span(ds, de),
    };
    Some((place.filter(|p| !p.text.is_empty()), date))
}

/// What the header's cells hold besides the fields read straight into the [`Header`].
#[derive(Default)]
struct HeaderCells {
    /// Issuer lines in capitals, in order.
    issuers: Vec<(usize, usize)>,
    /// Lines of the national name and motto.
    motto: Vec<(usize, usize)>,
    /// The "V/v" subject, with the lines it goes on over.
    subject: Option<(usize, usize)>,
    /// A "Số:" label was alone at the end of the last cell: the number follows.
    pending_number: bool,
}

/// The header: `None` unless there are header blocks or a type heading. The type
/// heading itself (`doc_type`) is the document's title, set by assembly.
pub(super) fn header(ft: &FormalText<'_>) -> Option<Header> {
    let blocks = &ft.layout.blocks;
    let title_i = blocks.iter().position(|b| b.kind == BlockKind::Title);
    let hb: Vec<_> =
        blocks.iter().take(title_i.unwrap_or(blocks.len())).filter(|b| b.kind == BlockKind::Header).collect();
    if hb.is_empty() && title_i.is_none() {
        return None;
    }
    let mut h = Header::default();
    let mut cells = HeaderCells::default();
    // The stamp of a digital signature above the header ("BỘ CHÍNH TRỊ" twice, then
    // "28-07-2026 18:08:51 +07:00"): its lines are no issuer.
    let stamp_end = blocks
        .iter()
        .take(title_i.unwrap_or(blocks.len()))
        .filter(|b| stamp_line(&ft.text[b.start..b.end], ft.key(b.start, b.end)))
        .map(|b| b.end)
        .max()
        .unwrap_or(0);
    for b in hb.iter().filter(|b| b.start >= stamp_end) {
        for c in ft.cells(b.start, b.end) {
            read_cell(ft, c.start, c.end, c.col, &mut h, &mut cells);
        }
    }
    if let (Some(f), Some(l)) = (cells.motto.first(), cells.motto.last()) {
        let parts: Vec<String> = cells.motto.iter().map(|&(s, e)| squash(&ft.text[s..e])).collect();
        h.motto = Some(Text { text: parts.join(" / "), span: ft.span(f.0, l.1) });
    }
    set_issuers(ft, &mut h, cells.issuers);
    if let Some(sj) = cells.subject {
        h.abstract_ = Some(Text { text: squash(&ft.text[sj.0..sj.1].replace('|', " ")), span: ft.span(sj.0, sj.1) });
    }
    // The abstract and the addressee: the lines after the type heading.
    if let Some(t) = title_i {
        below_heading(ft, &mut h, t);
    }
    if h.addressee.is_none() {
        let after = blocks.iter().rposition(|b| matches!(b.kind, BlockKind::Header | BlockKind::Title)).unwrap_or(0);
        h.addressee = addressee_in(ft, &blocks[after + 1..], 6);
    }
    let first = hb.first().map(|b| b.start).or(title_i.map(|t| blocks[t].start))?;
    let last = blocks.iter().filter(|b| matches!(b.kind, BlockKind::Header | BlockKind::Title)).map(|b| b.end).max()?;
    h.span = ft.span(first, last);
    Some(h)
}

/// Read one cell `s..e` of a header line (at column `col`) into `h` or `cells`.
fn read_cell(ft: &FormalText<'_>, s: usize, e: usize, col: usize, h: &mut Header, cells: &mut HeaderCells) {
    let t = &ft.text[s..e];
    let k = ft.key(s, e);
    if is_rule(t) {
        return;
    }
    if ft.lex.formal_find(FormalList::Party, k).is_some_and(|(p, _)| p == 0) {
        h.party_header = Some(ft.text_of(s, e));
        return;
    }
    if ft.lex.formal_find(FormalList::Motto, k).is_some_and(|(p, _)| p == 0) || k.starts_with("độc lập") {
        cells.motto.push((s, e));
        return;
    }
    // "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT": the decision that set up the issuing body
    // (a team), part of its name, not the document's number.
    if is_upper(t) && k.starts_with("số") && cells.issuers.last().is_some_and(|&(a, b)| names_a_decision(ft, a, b)) {
        let end = t.find("  ").or_else(|| ft.text[s..e].find(',')).map_or(e, |p| s + p);
        let end = s + ft.text[s..end].trim_end().len();
        let first = ft.text[s..end].split_whitespace().take(2).map(str::len).sum::<usize>() + 1;
        let cut = s + first.min(end - s);
        cells.issuers.push((s, cut.min(end)));
        if let Some((place, date)) = date_line(ft, cut.min(e), e) {
            h.place = h.place.take().or(place.map(|p| trim_place(ft, p)));
            h.date = h.date.take().or(Some(date));
        }
        return;
    }
    // "Số:" alone, the number on the next line ("Số:\n33/2009/QĐ-UBND"). The label is
    // written "Số" (a "số 104-CTr/TU" that wraps the abstract is no label), and the
    // first number is the document's.
    let written = after_label(k).filter(|_| t.starts_with('S') && h.number.is_none());
    let label = written.or_else(|| cells.pending_number.then_some(0).filter(|_| h.number.is_none()));
    cells.pending_number = false;
    let parsed = label.and_then(|l| parse_number(ft.lex, &ft.text[s + l..e]));
    if let (Some(l), true) = (label, written.is_some() || parsed.is_some()) {
        if ft.text[s + l..e].trim().is_empty() {
            cells.pending_number = true;
            return;
        }
        if let Some(n) = parsed {
            let (ns, ne) = (s + l + n.start, s + l + n.end);
            h.number = Some(DocumentNumber {
                text: ft.text[ns..ne].to_string(),
                number: n.number,
                year: n.year,
                type_code: n.type_code,
                issuer_code: n.issuer_code,
                form: n.form,
                span: ft.span(ns, ne),
            });
            // "Số: 12/TB-UBND An Phú, ngày …" flattened on one line.
            if let Some((place, date)) = date_line(ft, ne, e) {
                h.place = h.place.take().or(place.map(|p| trim_place(ft, p)));
                h.date = h.date.take().or(Some(date));
            }
        }
        return;
    }
    if let Some((place, date)) = date_line(ft, s, e) {
        h.place = h.place.take().or(place);
        h.date = h.date.take().or(Some(date));
        return;
    }
    if ft.lex.formal_find(FormalList::Subject, k).is_some_and(|(p, _)| p == 0) {
        cells.subject = Some((s, e));
        return;
    }
    if let (Some((ss, se)), false) = (cells.subject, is_upper(t)) {
        // The subject goes on in the left column.
        if col < 30 {
            cells.subject = Some((ss, se.max(e)));
        }
        return;
    }
    if ft.lex.formal_prefix(FormalList::Addressee, k).is_some() {
        h.addressee = Some(value_after_colon(ft, s, e));
        return;
    }
    if is_upper(t) && t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && col < 40 {
        cells.issuers.push((s, e));
    }
}

/// Does the issuer line `a..b` end with a decision's name ("THEO QUYẾT ĐỊNH"), so a
/// number follows as part of the issuer?
fn names_a_decision(ft: &FormalText<'_>, a: usize, b: usize) -> bool {
    let k = ft.key(a, b);
    k.starts_with("theo ") && ft.lex.formal(FormalList::DocType).any(|d| k.ends_with(d.phrase.as_str()))
}

/// A line of a digital signature's stamp: its timestamp ("28-07-2026 09:58:36 +07:00",
/// "Ngày ký: 28.07.2026 09:58") or its "Ký bởi:" label.
fn stamp_line(line: &str, key: &str) -> bool {
    let t = line.trim();
    if key.trim_start().starts_with("ký bởi") {
        return true;
    }
    // A date and a clock time with seconds, nothing else but a zone.
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let clock = t.split_whitespace().any(|w| w.len() == 8 && w.matches(':').count() == 2);
    let rest_ok = t.chars().all(|c| c.is_ascii_digit() || " :-./+".contains(c));
    t.chars().count() <= 40 && digits >= 12 && clock && rest_ok
}

/// The issuer and its parent from the issuer lines, the parent above: "ỦY BAN NHÂN
/// DÂN" / "TỈNH BÌNH THUẬN" is one name.
fn set_issuers(ft: &FormalText<'_>, h: &mut Header, issuers: Vec<(usize, usize)>) {
    let mut names: Vec<Vec<(usize, usize)>> = Vec::new();
    for (s, e) in issuers {
        let k = ft.key(s, e);
        let cont = ft.lex.formal_prefix(FormalList::IssuerContinuation, k).is_some();
        // "ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT": one name.
        let decision = k.starts_with("theo ") || k.starts_with("số ");
        match names.last_mut() {
            Some(last) if decision => last.push((s, e)),
            Some(last)
                if cont
                    && last.len() == 1
                    && ft
                        .lex
                        .formal(FormalList::IssuerContinuation)
                        .all(|x| !ft.key(last[0].0, last[0].1).contains(&x.phrase)) =>
            {
                last.push((s, e));
            }
            _ => names.push(vec![(s, e)]),
        }
    }
    let joined = |parts: &Vec<(usize, usize)>| Text {
        text: parts.iter().map(|&(s, e)| squash(&ft.text[s..e])).collect::<Vec<_>>().join(" "),
        span: ft.span(parts[0].0, parts[parts.len() - 1].1),
    };
    if let Some(last) = names.last() {
        h.issuer = Some(joined(last));
    }
    if names.len() >= 2 {
        h.parent_issuer = Some(joined(&names[names.len() - 2]));
    }
}

/// The abstract (the lines under the type heading at block `t`, down to a blank line)
/// and the addressee below it, when the header cells gave none.
fn below_heading(ft: &FormalText<'_>, h: &mut Header, t: usize) {
    let blocks = &ft.layout.blocks;
    if h.abstract_.is_none() {
        let ab = abstract_blocks(ft.text, ft.key, ft.lex, blocks, t);
        let mut parts: Vec<String> = ab.iter().map(|&i| squash(&ft.text[blocks[i].start..blocks[i].end])).collect();
        let mut first = ab.first().map(|&f| blocks[f].start);
        // "BIÊN BẢN NGHIỆM THU HOÀN THÀNH …" / "ĐƯA VÀO SỬ DỤNG": the heading line holds the
        // type and the start of the abstract.
        if let Some((ty, rest)) = split_heading(ft, blocks[t].start, blocks[t].end) {
            h.doc_type = Some(ft.text_of(ty.0, ty.1));
            parts.insert(0, squash(&ft.text[rest.0..rest.1]));
            first = Some(rest.0);
        }
        let last = ab.last().map_or(blocks[t].end, |&l| blocks[l].end);
        if let Some(f) = first {
            h.abstract_ = Some(Text { text: parts.join(" "), span: ft.span(f, last) });
        }
    }
    if h.addressee.is_none() {
        h.addressee = addressee_in(ft, &blocks[t + 1..], 10);
    }
}

/// A type heading line `s..e` that goes on, in capitals, with three words or more
/// after its type phrase ("BIÊN BẢN NGHIỆM THU HOÀN THÀNH CÔNG TRÌNH", "THÔNG BÁO KẾT
/// LUẬN CỦA …"): the ranges of the type ("BIÊN BẢN") and of the rest, the abstract's
/// start. A longer type phrase of the vocabulary ("CHƯƠNG TRÌNH HÀNH ĐỘNG") or a short
/// tail ("GIẤY MỜI HỌP") stays the heading.
fn split_heading(ft: &FormalText<'_>, s: usize, e: usize) -> Option<((usize, usize), (usize, usize))> {
    let raw = &ft.text[s..e];
    let line = raw.trim_start_matches(['|', '*', ' ']);
    let s = s + (raw.len() - line.len());
    let line = line.trim_end_matches(['|', '*', ' ']);
    let e = s + line.len();
    let en = ft.lex.formal_prefix(FormalList::DocType, ft.key(s, e))?;
    let rest = ft.text.get(s + en.phrase.len()..e)?;
    let words = rest.split_whitespace().count();
    let rest_trim = rest.trim_start();
    if words < 3 || !is_upper(rest_trim) || !rest.starts_with(' ') {
        return None;
    }
    let rs = e - rest_trim.len();
    Some(((s, s + en.phrase.len()), (rs, e)))
}

/// The addressee ("Kính gửi: …") among the first `n` of `blocks`.
fn addressee_in(ft: &FormalText<'_>, blocks: &[Block], n: usize) -> Option<Text> {
    blocks
        .iter()
        .take(n)
        .find(|b| ft.lex.formal_prefix(FormalList::Addressee, ft.key(b.start, b.end)).is_some())
        .map(|b| value_after_colon(ft, b.start, b.end))
}

/// The place of the date line, trimmed.
fn trim_place(ft: &FormalText<'_>, p: Text) -> Text {
    let t = p.text.trim();
    let _ = ft;
    Text { text: t.to_string(), span: p.span }
}

#[cfg(test)]
mod tests {
    use crate::model::NumberForm;

    #[test]
    fn columns_flattened_with_single_spaces_pipes_or_tabs() {
        for t in [
            "UBND HUYỆN AN PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVĂN PHÒNG Độc lập - Tự do - Hạnh phúc\nSố: 12/GM-VP An Phú, ngày 05 tháng 7 năm 2024\n\nGIẤY MỜI\nDự họp giao ban\n\nVăn phòng kính mời dự họp.\n",
            "|UBND HUYỆN AN PHÚ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc |\n|Số: 12/GM-VP | An Phú, ngày 05 tháng 7 năm 2024 |\n\nGIẤY MỜI\nDự họp giao ban\n\nVăn phòng kính mời dự họp.\n",
            "UBND HUYỆN AN PHÚ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVĂN PHÒNG\t\tĐộc lập - Tự do - Hạnh phúc\nSố: 12/GM-VP\t\tAn Phú, ngày 05 tháng 7 năm 2024\n\nGIẤY MỜI\nDự họp giao ban\n\nVăn phòng kính mời dự họp.\n",
        ] {
            let d = crate::parse(t);
            assert_eq!(d.kind, crate::DocumentKind::Invitation, "{t}");
            let h = d.header.unwrap();
            assert_eq!(h.issuer.as_ref().map(|x| x.text.as_str()), Some("VĂN PHÒNG"), "{t}");
            assert_eq!(h.parent_issuer.as_ref().map(|x| x.text.as_str()), Some("UBND HUYỆN AN PHÚ"), "{t}");
            let n = h.number.unwrap();
            assert_eq!((n.number, n.type_code.as_deref(), n.form), (Some(12), Some("GM"), NumberForm::State), "{t}");
            assert_eq!(h.place.map(|p| p.text), Some("An Phú".to_string()), "{t}");
            assert_eq!(h.abstract_.map(|p| p.text), Some("Dự họp giao ban".to_string()), "{t}");
        }
    }

    #[test]
    fn blank_date_and_number_left_to_fill_in() {
        let t = "ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN GIANG                 Độc lập - Tự do - Hạnh phúc\nSố:        /QĐ-UBND          An Giang, ngày      tháng 12 năm 2024\n\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nĐiều 1. Thành lập Tổ công tác.\n";
        let h = crate::parse(t).header.unwrap();
        assert_eq!(h.issuer.map(|x| x.text), Some("ỦY BAN NHÂN DÂN TỈNH AN GIANG".to_string()));
        let n = h.number.unwrap();
        assert_eq!((n.number, n.type_code.as_deref(), n.text.as_str()), (None, Some("QĐ"), "/QĐ-UBND"));
        let d = h.date.unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2024), Some(12), None));
    }

    #[test]
    fn number_on_the_next_line_and_recipients_on_one_line() {
        let t = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:\n33/2009/QĐ-UBND\nAn Giang, ngày 05 tháng 7 năm 2009\n\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nĐiều 1. Thành lập Tổ công tác.\n\nNơi nhận: - Như Điều 1; - Sở Nội vụ; - Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình\n";
        let d = crate::parse(t);
        let n = d.header.unwrap().number.unwrap();
        assert_eq!((n.number, n.year, n.type_code.as_deref()), (Some(33), Some(2009), Some("QĐ")));
        let r: Vec<(&str, bool)> = d.recipients.iter().map(|r| (r.text.as_str(), r.archive)).collect();
        assert_eq!(r, [("Như Điều 1", false), ("Sở Nội vụ", false), ("Lưu: VT", true)]);
        assert_eq!(d.signature.unwrap().name.unwrap().text, "Trần Văn Bình");
    }
}
