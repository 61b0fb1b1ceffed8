//! The documents a formal document cites: "Căn cứ Nghị định số 30/2020/NĐ-CP ngày
//! 05/3/2020 của Chính phủ …", "thực hiện Kết luận số 75-KL/TW", "Luật Xây dựng số
//! 50/2014/QH13". A type word of the `cited` list of `formal.tsv` written with a capital,
//! then a number (after "số", or a few words and "số"), a date ("ngày 05/3/2020", "ngày
//! 07 tháng 01 năm 2022") and the issuer after "của". A law ("Luật …", "Bộ luật …")
//! needs no number: its name runs to the end of the clause.

use super::FormalText;
use crate::lexicon::FormalList;
use crate::model::*;
use crate::spelling::is_word_char;
use regex::Regex;
use std::sync::LazyLock;

/// "số 30/2020/NĐ-CP", "1883/QĐ-UBND", "số: 01/BC-HTCS": a number with a type code.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[sS]ố\s*:?\s*)?(\d[\dA-Za-zĐđ.]*\s?[/-]\s?[\dA-Za-zĐđ./-]*[\dA-Za-zĐđ])").expect("number pattern")
});
/// ", ngày 05/3/2020", "ngày 07 tháng 01 năm 2022".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s*ngày\s+(\d{1,2})(?:\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))")
        .expect("date pattern")
});

/// Words that end an issuer's name after "của".
const ISSUER_END: [&str; 10] =
    [" về ", " quy định", " thực hiện", " hướng dẫn", " phê duyệt", " ban hành", " đã ", " tại ", " và ", " đến "];

/// The cited documents of the text, spans in normalized offsets.
pub(super) fn references(ft: &FormalText<'_>) -> Vec<Reference> {
    let (text, key) = (ft.text, ft.key);
    let mut out: Vec<Reference> = Vec::new();
    let mut p = 0;
    while p < text.len() {
        let step = text[p..].chars().next().map_or(1, char::len_utf8);
        // Text and key are read at the same offsets: both must be at a character.
        if !key.is_char_boundary(p) || key.len() < p {
            p += step;
            continue;
        }
        let at_word = text[..p].chars().next_back().is_none_or(|c| !is_word_char(c));
        let upper = text[p..].chars().next().is_some_and(char::is_uppercase);
        let found = (at_word && upper).then(|| ft.lex.formal_prefix(FormalList::Cited, &key[p..])).flatten();
        let Some(e) = found.filter(|e| text.is_char_boundary(p + e.phrase.len())) else {
            p += step;
            continue;
        };
        let type_end = p + e.phrase.len();
        match cite_at(ft, p, type_end, &e.phrase) {
            Some(r) => {
                p = r.span.end.max(type_end);
                out.push(r);
            }
            None => p = type_end,
        }
    }
    once_each(out)
}

/// One reference per cited document: a document cited again (in the abstract and in the
/// body, "thực hiện Kết luận số 75-KL/TW" then "Kết luận số 75-KL/TW ngày … của Bộ
/// Chính trị") keeps its first mention, with the date, issuer and legal basis a later
/// one adds. The same document: the same type word and number (case and spaces
/// folded), or for a law with no number the same text.
fn once_each(mut refs: Vec<Reference>) -> Vec<Reference> {
    use std::collections::HashMap;
    use std::hash::{DefaultHasher, Hash, Hasher};
    // The folded key, compared and hashed without a copy of the text.
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase)
    }
    fn which(r: &Reference) -> &str {
        r.number.as_deref().unwrap_or(&r.text)
    }
    let same = |a: &Reference, b: &Reference| {
        folded(&a.doc_type).eq(folded(&b.doc_type))
            && a.number.is_some() == b.number.is_some()
            && folded(which(a)).eq(folded(which(b)))
    };
    let mut first_of: HashMap<u64, usize> = HashMap::new();
    let mut keep = vec![true; refs.len()];
    for i in 0..refs.len() {
        let mut h = DefaultHasher::new();
        folded(&refs[i].doc_type).for_each(|c| c.hash(&mut h));
        refs[i].number.is_some().hash(&mut h);
        folded(which(&refs[i])).for_each(|c| c.hash(&mut h));
        let h = h.finish();
        match first_of.get(&h) {
            Some(&j) if same(&refs[j], &refs[i]) => {
                keep[i] = false;
                let (date, issuer, basis) = (refs[i].date.take(), refs[i].issuer.take(), refs[i].legal_basis);
                let first = &mut refs[j];
                if first.date.is_none() {
                    first.date = date;
                }
                if first.issuer.is_none() {
                    first.issuer = issuer;
                }
                first.legal_basis |= basis;
            }
            Some(_) => {}
            None => {
                first_of.insert(h, i);
            }
        }
    }
    let mut k = keep.iter();
    refs.retain(|_| k.next().copied().unwrap_or(true));
    refs
}

/// The citation whose type word is `s..type_end` (the `cited` entry `phrase`).
fn cite_at(ft: &FormalText<'_>, s: usize, type_end: usize, phrase: &str) -> Option<Reference> {
    let text = ft.text;
    let line_end = text[type_end..].find('\n').map_or(text.len(), |q| type_end + q);
    let rest = &text[type_end..line_end];
    // The number: right after the type, or after a few words and "số" ("Kế hoạch kiểm
    // tra số 1105/KH-ĐKT").
    let mut number = None;
    let mut end = type_end;
    let lead = rest.len() - rest.trim_start().len();
    if let Some(c) = NUMBER.captures(&rest[lead..]) {
        let m = c.get(1)?;
        number = Some(m.as_str().to_string());
        end = type_end + lead + m.end();
    } else if let Some(q) =
        rest.find(" số ").filter(|&q| rest[..q].split_whitespace().count() <= 4 && !rest[..q].contains([',', ';', '.']))
    {
        if let Some(c) = NUMBER.captures(&rest[q + 1..]) {
            let m = c.get(1)?;
            number = Some(m.as_str().to_string());
            end = type_end + q + 1 + m.end();
        }
    }
    let law = matches!(phrase, "luật" | "bộ luật" | "pháp lệnh");
    if number.is_none() {
        if !law {
            return None;
        }
        // "Luật Bảo vệ môi trường năm 2020": the name to the end of the clause.
        let stop = [";", ",", ".", "(", " số", " ngày", " được", " và ", " của ", " quy định"]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()
            .unwrap_or(rest.len());
        let name = rest[..stop].trim_end();
        let words = name.split_whitespace().count();
        if words == 0 || words > 12 || !name.trim_start().starts_with(char::is_uppercase) {
            return None;
        }
        end = type_end + name.len();
    }
    // The date.
    let mut date = None;
    if let Some(c) = DATE.captures(&text[end..line_end]) {
        let whole = c.get(0)?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (d, m, y) = (num(1), num(2).or(num(4)), num(3).or(num(5)));
        let ds = end + whole.as_str().find("ngày").unwrap_or(0);
        let de = end + whole.end();
        date = Some(DocDate {
            year: y.and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..2200).contains(y)),
            month: m.and_then(|m| u8::try_from(m).ok()).filter(|m| (1..=12).contains(m)),
            day: d.and_then(|d| u8::try_from(d).ok()).filter(|d| (1..=31).contains(d)),
            text: text[ds..de].to_string(),
            span: ft.span(ds, de),
        });
        end = de;
    }
    // The issuer after "của", to the end of its name.
    let mut issuer = None;
    // The issuer may wrap onto the next line (pdftotext).
    let next_end =
        text[line_end.min(text.len())..].get(1..).and_then(|r| r.find('\n')).map_or(text.len(), |q| line_end + 1 + q);
    let after = &text[end..next_end.max(end)];
    let gap = after.len() - after.trim_start().len();
    if let Some(of) = after.trim_start().strip_prefix("của ").filter(|_| gap > 0) {
        let stop = [",", ";", ".", "(", ":"]
            .iter()
            .filter_map(|w| of.find(w))
            .chain(ISSUER_END.iter().filter_map(|w| of.find(w)))
            .min()
            .unwrap_or(of.len());
        let name = of[..stop].trim_end();
        if (1..=10).contains(&name.split_whitespace().count()) && name.starts_with(char::is_uppercase) {
            issuer = Some(super::squash(name));
            end += gap + "của ".len() + name.len();
        }
    }
    let line_start = text[..s].rfind('\n').map_or(0, |q| q + 1);
    let line_key = ft.key(line_start, s).trim_start_matches([' ', '-', '+', '*']);
    let legal_basis = line_key.starts_with("căn cứ");
    Some(Reference {
        doc_type: text[s..type_end].to_string(),
        number,
        date,
        issuer,
        legal_basis,
        text: super::squash(&text[s..end]),
        span: ft.span(s, end),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn legal_bases_and_cited_documents() {
        let t = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ AN HÒA\tĐộc lập - Tự do - Hạnh phúc\n\
                 Số: 12/KH-UBND\tAn Hòa, ngày 10 tháng 7 năm 2024\n\nKẾ HOẠCH\nTổ chức đối thoại\n\n\
                 Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/02/2025;\n\
                 Căn cứ Quyết định 215/QĐ-UBND ngày 02 tháng 5 năm 2024 của UBND huyện An Phú về việc giao chỉ tiêu;\n\
                 Thực hiện Kết luận số 12-KL/HU của Ban Thường vụ Huyện ủy, UBND xã quyết định tổ chức.\n";
        let d = crate::parse(t);
        let r: Vec<_> = d
            .references
            .iter()
            .map(|r| (r.doc_type.as_str(), r.number.as_deref(), r.issuer.as_deref(), r.legal_basis))
            .collect();
        assert_eq!(
            r,
            [
                ("Luật", None, None, true),
                ("Quyết định", Some("215/QĐ-UBND"), Some("UBND huyện An Phú"), true),
                ("Kết luận", Some("12-KL/HU"), Some("Ban Thường vụ Huyện ủy"), false),
            ]
        );
        let q = &d.references[1];
        assert_eq!(q.date.as_ref().map(|x| (x.year, x.month, x.day)), Some((Some(2024), Some(5), Some(2))));
        assert_eq!(q.span.slice(t), Some(q.text.as_str()));
        // The verb "quyết định" in lower case cites nothing.
        assert!(d.references.iter().all(|r| r.doc_type != "quyết định"));
    }

    #[test]
    fn a_document_cited_twice_is_listed_once() {
        let t = "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY SƠN NAM\nSố 04-CTr/TU\tSơn Nam, ngày 02 tháng 4 năm 2025\n\n\
                 CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận số 12-KL/TW\n\n\
                 Thực hiện Kết luận số 12-KL/TW ngày 05/3/2025 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành \
                 Chương trình hành động; căn cứ Kết luận số 12 - KL/TW, các cấp ủy triển khai.\n";
        let d = crate::parse(t);
        let r: Vec<_> = d.references.iter().map(|r| (r.number.as_deref(), r.issuer.as_deref())).collect();
        assert_eq!(r, [(Some("12-KL/TW"), Some("Bộ Chính trị"))]);
        let first = &d.references[0];
        // The first mention's span (the abstract), the date the body adds.
        assert!(first.span.start < t.find("Thực hiện").unwrap());
        assert_eq!(first.date.as_ref().map(|x| (x.year, x.month, x.day)), Some((Some(2025), Some(3), Some(5))));
    }
}
