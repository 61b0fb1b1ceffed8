//! Header, signature, recipients, minutes and kind of a formal document, read from the
//! blocks [`super::regions`] marked (see the module documentation).

use super::number::{after_label, parse_number};
use super::tasks::{TaskCx, task};
use super::{is_rule, is_upper, sign_prefix, vocab};
use crate::assemble::Stages;
use crate::key;
use crate::layout::BlockKind;
use crate::model::*;
use crate::span::Span;

/// A cell of a line: a column of a flattened two-column line, or a `|` table cell.
#[derive(Clone, Copy, Debug)]
struct Cell {
    start: usize,
    end: usize,
    /// Column in the input line (characters; a tab counts 8).
    col: usize,
}

struct Cx<'a, 'l> {
    st: &'a Stages<'a, 'l>,
    input: &'a str,
    text: &'a str,
}

impl Cx<'_, '_> {
    fn span(&self, s: usize, e: usize) -> Span {
        let (a, b) = self.st.norm.to_input(s, e);
        Span::new(a, b)
    }
    fn text_of(&self, s: usize, e: usize) -> Text {
        Text { text: self.text[s..e].to_string(), span: self.span(s, e) }
    }
    fn key(&self, s: usize, e: usize) -> &str {
        &self.st.key[s..e]
    }
    /// Column of the normalized offset `s` in its input line.
    fn col(&self, s: usize) -> usize {
        let i = self.st.norm.to_input_start(s).min(self.input.len());
        let line_start = self.input[..i].rfind(['\n', '\r', '\u{c}']).map_or(0, |p| p + 1);
        self.input[line_start..i].chars().map(|c| if c == '\t' { 8 } else { 1 }).sum()
    }
    /// The cells of the normalized range `s..e`: split at `|` and at a space that stands
    /// for a tab or three or more spaces in the input; then at a motto or Party header
    /// that follows other text on the line.
    fn cells(&self, s: usize, e: usize) -> Vec<Cell> {
        let mut out = Vec::new();
        let mut from = s;
        let push = |out: &mut Vec<Cell>, a: usize, b: usize| {
            let seg = &self.text[a..b];
            let lead = seg.len() - seg.trim_start_matches([' ', '|']).len();
            let t = seg.trim_matches([' ', '|']);
            if !t.is_empty() {
                let a = a + lead;
                out.push(Cell { start: a, end: a + t.len(), col: 0 });
            }
        };
        for (i, c) in self.text[s..e].char_indices() {
            let i = s + i;
            let gap = match c {
                '|' => true,
                // "ngày        tháng 12", "Số:      /TB-UBND": blanks left to fill in.
                ' ' if held_open(self.key(from, i), self.key(i + 1, e)) => false,
                ' ' => {
                    let a = self.st.norm.to_input_start(i);
                    let b = self.st.norm.to_input_start(i + 1);
                    let raw = self.input.get(a..b).unwrap_or("");
                    raw.contains('\t') || raw.chars().filter(|c| c.is_whitespace()).count() >= 3
                }
                _ => false,
            };
            if gap {
                push(&mut out, from, i);
                from = i + 1;
            }
        }
        push(&mut out, from, e);
        // Flattened with single spaces: cut before the motto or the Party header.
        let mut split = Vec::new();
        for c in out {
            let k = self.key(c.start, c.end);
            let cut = ["motto", "party"]
                .iter()
                .filter_map(|cat| vocab::find(cat, k))
                .map(|(p, _)| p)
                .filter(|&p| p > 0)
                .min()
                // "… VIỆT NAM Độc lập - Tự do": the national name and motto are one cell.
                .filter(|&p| vocab::find("motto", &k[..p]).is_none_or(|(q, _)| q != 0));
            match cut {
                Some(p) => {
                    let left = self.text[c.start..c.start + p].trim_end();
                    split.push(Cell { start: c.start, end: c.start + left.len(), col: 0 });
                    split.push(Cell { start: c.start + p, end: c.end, col: 0 });
                }
                None => split.push(c),
            }
        }
        for c in &mut split {
            c.col = self.col(c.start);
        }
        split
    }
}

/// A gap that is a blank to fill in, not a column: after "Số:", "ngày", "tháng".
fn held_open(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    ["số:", "số", "ngày", "tháng", "năm"].iter().any(|w| b.ends_with(w) && !b[..b.len() - w.len()].ends_with(|c: char| c.is_alphabetic()))
        || after.starts_with("tháng")
        || after.starts_with("năm")
        // "Số: 779     /QĐ-UBND", "Số      -QC/ĐU".
        || after.starts_with(['/', '-']) && (b.ends_with(|c: char| c.is_ascii_digit()) || b.ends_with("số") || b.ends_with("số:"))
}

/// A part joined from lines: start, end, and the range of each line.
type Lines = (usize, usize, Vec<(usize, usize)>);

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Bình Thuận, ngày 17 tháng 2 năm 2025" in a cell: place and date.
fn date_line(cx: &Cx<'_, '_>, s: usize, e: usize) -> Option<(Option<Text>, DocDate)> {
    let k = cx.key(s, e);
    let p = k.find(", ngày").or_else(|| k.find(",ngày")).or_else(|| k.starts_with("ngày ").then_some(0))?;
    let ds = if p == 0 { s } else { s + p + k[p..].find('n').unwrap_or(1) };
    let dk = &cx.st.key[ds..e];
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
    let de = ds + cx.text[ds..ds + end.min(dk.len())].trim_end().len();
    let place = (p > 0).then(|| {
        let t = cx.text[s..s + p].trim();
        let off = s + cx.text[s..s + p].find(t).unwrap_or(0);
        cx.text_of(off, off + t.len())
    });
    let date = DocDate {
        year: year.and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..2200).contains(y)),
        month: month.and_then(|m| u8::try_from(m).ok()).filter(|m| (1..=12).contains(m)),
        day: day.and_then(|d| u8::try_from(d).ok()).filter(|d| (1..=31).contains(d)),
        text: cx.text[ds..de].to_string(),
        span: cx.span(ds, de),
    };
    Some((place.filter(|p| !p.text.is_empty()), date))
}

fn header(cx: &Cx<'_, '_>, doc: &Document) -> Option<Header> {
    let blocks = &cx.st.layout.blocks;
    let title_i = blocks.iter().position(|b| b.kind == BlockKind::Title);
    let hb: Vec<_> =
        blocks.iter().take(title_i.unwrap_or(blocks.len())).filter(|b| b.kind == BlockKind::Header).collect();
    if hb.is_empty() && title_i.is_none() {
        return None;
    }
    let mut h = Header::default();
    let mut issuers: Vec<(usize, usize)> = Vec::new();
    let mut motto: Vec<(usize, usize)> = Vec::new();
    let mut subject: Option<(usize, usize)> = None;
    let mut pending_number = false;
    for b in &hb {
        for c in cx.cells(b.start, b.end) {
            let (s, e) = (c.start, c.end);
            let t = &cx.text[s..e];
            let k = cx.key(s, e);
            if is_rule(t) {
                continue;
            }
            if vocab::find("party", k).is_some_and(|(p, _)| p == 0) {
                h.party_header = Some(cx.text_of(s, e));
                continue;
            }
            if vocab::find("motto", k).is_some_and(|(p, _)| p == 0) || k.starts_with("độc lập") {
                motto.push((s, e));
                continue;
            }
            // "Số:" alone, the number on the next line ("Số:\n33/2009/QĐ-UBND").
            let written = after_label(k);
            let label = written.or_else(|| pending_number.then_some(0).filter(|_| h.number.is_none()));
            pending_number = false;
            let parsed = label.and_then(|l| parse_number(&cx.text[s + l..e]));
            if let (Some(l), true) = (label, written.is_some() || parsed.is_some()) {
                if cx.text[s + l..e].trim().is_empty() {
                    pending_number = true;
                    continue;
                }
                if let Some(n) = parsed {
                    let (ns, ne) = (s + l + n.start, s + l + n.end);
                    h.number = Some(DocumentNumber {
                        text: cx.text[ns..ne].to_string(),
                        number: n.number,
                        year: n.year,
                        type_code: n.type_code,
                        issuer_code: n.issuer_code,
                        form: n.form,
                        span: cx.span(ns, ne),
                    });
                    // "Số: 12/TB-UBND An Phú, ngày …" flattened on one line.
                    if let Some((place, date)) = date_line(cx, ne, e) {
                        h.place = h.place.take().or(place.map(|p| trim_place(cx, p)));
                        h.date = h.date.take().or(Some(date));
                    }
                }
                continue;
            }
            if let Some((place, date)) = date_line(cx, s, e) {
                h.place = h.place.take().or(place);
                h.date = h.date.take().or(Some(date));
                continue;
            }
            if vocab::find("subject", k).is_some_and(|(p, _)| p == 0) {
                subject = Some((s, e));
                continue;
            }
            if let (Some((ss, se)), false) = (subject, is_upper(t)) {
                // The subject goes on in the left column.
                if c.col < 30 {
                    subject = Some((ss, se.max(e)));
                    let _ = ss;
                }
                continue;
            }
            if vocab::prefix("addressee", k).is_some() {
                h.addressee = Some(value_after_colon(cx, s, e));
                continue;
            }
            if is_upper(t) && t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && c.col < 40 {
                issuers.push((s, e));
            }
        }
    }
    if let (Some(f), Some(l)) = (motto.first(), motto.last()) {
        let parts: Vec<String> = motto.iter().map(|&(s, e)| squash(&cx.text[s..e])).collect();
        h.motto = Some(Text { text: parts.join(" / "), span: cx.span(f.0, l.1) });
    }
    // Issuer lines, the parent above: "ỦY BAN NHÂN DÂN" / "TỈNH BÌNH THUẬN" is one name.
    let mut names: Vec<Vec<(usize, usize)>> = Vec::new();
    for (s, e) in issuers {
        let k = cx.key(s, e);
        let cont = vocab::prefix("issuer_continuation", k).is_some();
        match names.last_mut() {
            Some(last)
                if cont
                    && last.len() == 1
                    && vocab::of("issuer_continuation").all(|x| !cx.key(last[0].0, last[0].1).contains(&x.phrase)) =>
            {
                last.push((s, e));
            }
            _ => names.push(vec![(s, e)]),
        }
    }
    let joined = |parts: &Vec<(usize, usize)>| Text {
        text: parts.iter().map(|&(s, e)| squash(&cx.text[s..e])).collect::<Vec<_>>().join(" "),
        span: cx.span(parts[0].0, parts[parts.len() - 1].1),
    };
    if let Some(last) = names.last() {
        h.issuer = Some(joined(last));
    }
    if names.len() >= 2 {
        h.parent_issuer = Some(joined(&names[names.len() - 2]));
    }
    if let Some(sj) = subject {
        h.abstract_ = Some(Text { text: squash(&cx.text[sj.0..sj.1].replace('|', " ")), span: cx.span(sj.0, sj.1) });
    }
    // Type heading and abstract: the title, and the lines after it down to a blank line.
    if let Some(t) = title_i {
        h.doc_type = doc.title.clone();
        if h.abstract_.is_none() {
            let ab = super::abstract_blocks(cx.text, cx.st.key, blocks, t);
            if let (Some(&f), Some(&l)) = (ab.first(), ab.last()) {
                let parts: Vec<String> = ab.iter().map(|&i| squash(&cx.text[blocks[i].start..blocks[i].end])).collect();
                h.abstract_ = Some(Text { text: parts.join(" "), span: cx.span(blocks[f].start, blocks[l].end) });
            }
        }
        if h.addressee.is_none() {
            for b in blocks[t + 1..].iter().take(10) {
                if vocab::prefix("addressee", cx.key(b.start, b.end)).is_some() {
                    h.addressee = Some(value_after_colon(cx, b.start, b.end));
                    break;
                }
            }
        }
    }
    if h.addressee.is_none() {
        let after = blocks.iter().rposition(|b| matches!(b.kind, BlockKind::Header | BlockKind::Title)).unwrap_or(0);
        for b in blocks[after + 1..].iter().take(6) {
            if vocab::prefix("addressee", cx.key(b.start, b.end)).is_some() {
                h.addressee = Some(value_after_colon(cx, b.start, b.end));
                break;
            }
        }
    }
    let first = hb.first().map(|b| b.start).or(title_i.map(|t| blocks[t].start))?;
    let last = blocks.iter().filter(|b| matches!(b.kind, BlockKind::Header | BlockKind::Title)).map(|b| b.end).max()?;
    h.span = cx.span(first, last);
    Some(h)
}

fn trim_place(cx: &Cx<'_, '_>, p: Text) -> Text {
    let t = p.text.trim();
    let _ = cx;
    Text { text: t.to_string(), span: p.span }
}

fn value_after_colon(cx: &Cx<'_, '_>, s: usize, e: usize) -> Text {
    let seg = &cx.text[s..e];
    let from = seg.find(':').map_or(s, |p| s + p + 1);
    let v = cx.text[from..e].trim().trim_end_matches(['.', ';']);
    let off = from + cx.text[from..e].find(v).unwrap_or(0);
    cx.text_of(off, off + v.len())
}

/// A name line: two to five capitalized words, the first a family name.
fn is_name(cx: &Cx<'_, '_>, s: usize, e: usize) -> bool {
    let t = &cx.text[s..e];
    let words: Vec<&str> = t.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || is_upper(t) {
        return false;
    }
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(|x| x.is_alphabetic() && x.is_lowercase())
    };
    words.iter().all(|w| cap(w)) && cx.st.lex.surname(&key::key(words[0]), cx.st.scan.ascii).is_some()
}

/// Signature and recipients from the [`BlockKind::Signature`] blocks.
fn tail(cx: &Cx<'_, '_>) -> (Option<Signature>, Vec<Recipient>, Vec<String>) {
    let blocks: Vec<_> = cx.st.layout.blocks.iter().filter(|b| b.kind == BlockKind::Signature).collect();
    let mut recipients: Vec<Lines> = Vec::new();
    let mut in_list = false;
    let mut sig: Vec<Cell> = Vec::new();
    for b in &blocks {
        for c in cx.cells(b.start, b.end) {
            let (s, e) = (c.start, c.end);
            let t = &cx.text[s..e];
            let k = cx.key(s, e);
            if let Some(en) = vocab::prefix("recipients", k) {
                in_list = true;
                let rest = cx.text[s + en.phrase.len()..e].trim_start_matches([':', ' ']);
                if !rest.is_empty() {
                    recipients.extend(inline_items(cx, e - rest.len(), e));
                }
                continue;
            }
            let bullet = t.starts_with(['-', '+', '•', '*']);
            let archive = vocab::prefix("archive", k.trim_start_matches(['-', '+', '•', ' '])).is_some();
            let signing = sign_prefix(t, k).is_some() || (is_upper(t) && !bullet);
            if in_list && !signing && (bullet || archive) && c.col < 40 {
                recipients.extend(inline_items(cx, s, e));
                continue;
            }
            let open = recipients.last().is_some_and(|r| !cx.text[r.0..r.1].ends_with([';', '.']));
            if in_list && !signing && open && c.col < 40 && !is_name(cx, s, e) {
                if let Some(r) = recipients.last_mut() {
                    r.1 = e;
                    r.2.push((s, e));
                }
                continue;
            }
            sig.push(c);
        }
    }
    let recipients = recipients
        .into_iter()
        .map(|(s, e, parts)| {
            let joined = parts.iter().map(|&(a, b)| squash(&cx.text[a..b])).collect::<Vec<_>>().join(" ");
            let t = joined.trim_start_matches(['-', '+', '•', '*', ' ']).trim_end_matches([';', ',', ' ']);
            let t = t.strip_suffix("./").or_else(|| t.strip_suffix('.')).unwrap_or(t).trim_end();
            let k = key::key(t);
            // The span from the first word to the last, without the bullet and the ";".
            let first = &cx.text[s..e];
            let s = s + (first.len() - first.trim_start_matches(['-', '+', '•', '*', ' ']).len());
            let last_word = t.rsplit(' ').next().unwrap_or(t);
            let e = cx.text[s..e].rfind(last_word).map_or(e, |p| s + p + last_word.len());
            Recipient { archive: vocab::prefix("archive", &k).is_some(), text: t.to_string(), span: cx.span(s, e) }
        })
        .collect();
    let names: Vec<String> = sig
        .iter()
        .filter(|c| is_name(cx, c.start, c.end))
        .map(|c| squash(&key::key(&cx.text[c.start..c.end])))
        .collect();
    // Several signers side by side (minutes): the right one signs, the left co-signs.
    let named = |right: bool| sig.iter().any(|c| (c.col >= 30) == right && is_name(cx, c.start, c.end));
    let signature = if named(true) && named(false) {
        let (right, left): (Vec<Cell>, Vec<Cell>) = sig.iter().partition(|c| c.col >= 30);
        read_signature(cx, &right).map(|mut s| {
            s.co_signers.extend(read_signature(cx, &left).filter(|o| o.name.is_some()));
            s
        })
    } else if named(true) {
        let right: Vec<Cell> = sig.iter().copied().filter(|c| c.col >= 30).collect();
        read_signature(cx, &right)
    } else {
        read_signature(cx, &sig)
    };
    (signature, recipients, names)
}

/// Recipients written on one line: "- Như trên; - Lưu: VT." split before each bullet
/// that follows a ";" or ",".
fn inline_items(cx: &Cx<'_, '_>, s: usize, e: usize) -> Vec<Lines> {
    let t = &cx.text[s..e];
    let mut cuts = vec![0];
    for (i, _) in t.match_indices(" - ") {
        if t[..i].ends_with([';', ',']) {
            cuts.push(i + 1);
        }
    }
    cuts.push(t.len());
    cuts.windows(2)
        .map(|w| {
            let seg = &t[w[0]..w[1]];
            let a = s + w[0] + (seg.len() - seg.trim_start().len());
            let b = s + w[0] + seg.trim_end().len();
            (a, b, vec![(a, b)])
        })
        .filter(|r| r.0 < r.1)
        .collect()
}

/// One signer's block from its cells: authority lines, title, name.
fn read_signature(cx: &Cx<'_, '_>, cells: &[Cell]) -> Option<Signature> {
    let mut s = Signature::default();
    let mut span: Option<(usize, usize)> = None;
    for c in cells {
        let (a, b) = (c.start, c.end);
        let t = &cx.text[a..b];
        let k = cx.key(a, b);
        if t.starts_with('(') || vocab::prefix("sign_skip", k).is_some() || is_rule(t) {
            continue;
        }
        if let Some((en, rest)) = sign_prefix(t, k) {
            let authority = match en.value.as_str() {
                "on_behalf" => Authority::OnBehalf,
                "signing_for" => Authority::SigningFor,
                "by_order" => Authority::ByOrder,
                "by_authorization" => Authority::ByAuthorization,
                _ => Authority::Acting,
            };
            s.authorities.push(AuthorityLine {
                authority,
                prefix: t[..en.phrase.len()].to_string(),
                body: squash(&t[rest..]),
                span: cx.span(a, b),
            });
        } else if is_upper(t) && s.name.is_none() {
            if s.title.is_some()
                && s.authorities.is_empty()
                && s.title.as_ref().is_some_and(|x| x.span.end < cx.span(a, b).start)
            {
                // A title in two lines: "CHÁNH VĂN PHÒNG" / "HUYỆN ỦY".
                let old = s.title.take().unwrap_or_else(|| cx.text_of(a, b));
                s.title = Some(Text {
                    text: format!("{} {}", old.text, squash(t)),
                    span: Span::new(old.span.start, cx.span(a, b).end),
                });
            } else {
                s.title = Some(cx.text_of(a, b));
            }
        } else if is_name(cx, a, b) && s.name.is_none() {
            s.name = Some(cx.text_of(a, b));
        } else {
            continue;
        }
        span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
    }
    span.map(|(a, b)| {
        s.span = cx.span(a, b);
        s
    })
}

/// Drop people the person recognizer read across two flattened signature columns
/// ("Vũ Thị Hạnh Hoàng Văn" from "Vũ Thị Hạnh      Hoàng Văn Thành"): named only in
/// the tail, with a name that runs on past a signer's name there.
fn drop_merged_signers(cx: &Cx<'_, '_>, doc: &mut Document, names: &[String]) {
    let tail: Vec<Span> = cx
        .st
        .layout
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Signature)
        .map(|b| cx.span(b.start, b.end))
        .collect();
    let in_tail = |m: &Span| tail.iter().any(|t| m.start >= t.start && m.end <= t.end);
    let drop: Vec<bool> = doc
        .people
        .iter()
        .map(|p| {
            let k = squash(&key::key(&p.name));
            p.mentions.iter().all(in_tail)
                && !names.contains(&k)
                && names.iter().any(|n| k.starts_with(n.as_str()) && k.len() > n.len())
        })
        .collect();
    if !drop.iter().any(|d| *d) {
        return;
    }
    let mut new_id = vec![None; doc.people.len()];
    let mut kept = Vec::new();
    for (i, p) in std::mem::take(&mut doc.people).into_iter().enumerate() {
        if !drop[i] {
            new_id[i] = Some(kept.len());
            kept.push(Person { id: kept.len(), ..p });
        }
    }
    doc.people = kept;
    let map = |v: &mut Vec<usize>| *v = v.iter().filter_map(|&i| new_id[i]).collect();
    if let Some(m) = &mut doc.meeting {
        map(&mut m.chairs);
        map(&mut m.attendees);
        m.speeches.retain(|s| new_id[s.speaker].is_some());
        m.speeches.iter_mut().for_each(|s| s.speaker = new_id[s.speaker].unwrap_or(s.speaker));
    }
    for c in &mut doc.captions {
        c.person = c.person.and_then(|i| new_id[i]);
    }
    if let Some(p) = &mut doc.publisher {
        p.responsible_person = p.responsible_person.and_then(|i| new_id[i]);
    }
}

/// Link the signers to people (added when the body never named them), with the
/// signing titles as roles.
fn link_signer(doc: &mut Document) {
    let Some(sig) = &mut doc.signature else { return };
    link(sig, &mut doc.people);
    for c in &mut sig.co_signers {
        link(c, &mut doc.people);
    }
}

fn link(sig: &mut Signature, people: &mut Vec<Person>) {
    let Some(name) = &sig.name else { return };
    let nk = squash(&key::key(&name.text));
    let id = match people.iter().position(|p| squash(&key::key(&p.name)) == nk) {
        Some(i) => i,
        None => {
            people.push(Person {
                id: people.len(),
                name: name.text.clone(),
                honorifics: Vec::new(),
                roles: Vec::new(),
                mentions: vec![name.span],
            });
            people.len() - 1
        }
    };
    sig.signer = Some(id);
    let p = &mut people[id];
    if !p.mentions.contains(&name.span) {
        p.mentions.push(name.span);
        p.mentions.sort();
    }
    if let Some(t) = &sig.title {
        let tk = squash(&key::key(&t.text));
        if !p.roles.iter().any(|r| squash(&key::key(&r.text)) == tk) {
            p.roles.push(Role {
                text: t.text.clone(),
                title: t.text.clone(),
                organization: None,
                expanded: None,
                qualifier: None,
                confidence: 1.0,
                span: t.span,
            });
        }
    }
}

fn kind_of(doc: &Document, h: &Header) -> DocumentKind {
    let by_name = |v: &str| match v {
        "notice" => DocumentKind::Notice,
        "minutes" => DocumentKind::Minutes,
        "plan" => DocumentKind::Plan,
        "decision" => DocumentKind::Decision,
        "report" => DocumentKind::Report,
        "invitation" => DocumentKind::Invitation,
        "official_letter" => DocumentKind::OfficialLetter,
        "submission" => DocumentKind::Submission,
        "resolution" => DocumentKind::Resolution,
        "conclusion" => DocumentKind::Conclusion,
        "directive" => DocumentKind::Directive,
        "program" => DocumentKind::Program,
        "guide" => DocumentKind::Guide,
        "regulation" => DocumentKind::Regulation,
        _ => DocumentKind::OtherFormal,
    };
    if let Some(t) = &doc.title {
        let k = key::key(t.text.trim_start_matches(['|', '*', ' ']));
        if let Some(e) = vocab::prefix("doc_type", &k) {
            return by_name(&e.value);
        }
    }
    if let Some(code) = h.number.as_ref().and_then(|n| n.type_code.as_deref()) {
        let k = key::key(code);
        if let Some(e) = vocab::of("type_code").find(|e| e.phrase == k) {
            return by_name(&e.value);
        }
    }
    if h.abstract_.as_ref().is_some_and(|a| vocab::find("subject", &key::key(&a.text)).is_some_and(|(p, _)| p == 0))
        || h.number.as_ref().is_some_and(|n| n.type_code.is_none())
    {
        return DocumentKind::OfficialLetter;
    }
    DocumentKind::OtherFormal
}

/// A clock time in `key[s..e]`: "15 giờ", "14 giờ 30 phút", "7h30", "11:00".
fn clock(cx: &Cx<'_, '_>, s: usize, e: usize) -> Option<ClockTime> {
    let k = cx.key(s, e);
    let b = k.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit() && b[i - 1] != b'/') {
            let hs = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let hour: u32 = k[hs..i].parse().unwrap_or(99);
            let rest = &k[i..];
            let r = rest.trim_start();
            let unit = ["giờ", "h", ":", "g"].iter().find(|u| r.starts_with(**u)).copied();
            if let (Some(u), true) = (unit, hour < 24) {
                let after = &r[u.len()..];
                let a2 = after.trim_start();
                let md: String = a2.chars().take_while(char::is_ascii_digit).collect();
                if u == ":" && md.len() != 2 {
                    i += 1;
                    continue;
                }
                // "15 giờ, ngày 17 tháng 2": no minutes.
                let minute: u32 = if md.len() <= 2 { md.parse().unwrap_or(0) } else { 0 };
                let mut end = s + i + (rest.len() - r.len()) + u.len();
                if !md.is_empty() && md.len() <= 2 {
                    end += after.len() - a2.len() + md.len();
                    let tail = &cx.st.key[end..e];
                    if tail.trim_start().starts_with("phút") {
                        end += tail.len() - tail.trim_start().len() + "phút".len();
                    }
                }
                if minute < 60 {
                    return Some(ClockTime {
                        time: format!("{hour:02}:{minute:02}"),
                        text: cx.text[s + hs..end].to_string(),
                        span: cx.span(s + hs, end),
                    });
                }
            }
        }
        i += 1;
    }
    None
}

/// Numbers after a word in `k` ("có mặt 14/15", "tán thành 14").
fn number_after(k: &str, at: usize) -> Option<(u32, Option<u32>)> {
    let rest = &k[at..];
    let skip: usize = rest.char_indices().find(|(_, c)| c.is_ascii_digit()).map(|(p, _)| p)?;
    if rest[..skip].chars().count() > 24 || rest[..skip].contains(['.', ';']) {
        return None;
    }
    let t = &rest[skip..];
    let a: String = t.chars().take_while(char::is_ascii_digit).collect();
    let after = t[a.len()..].trim_start();
    let b =
        after.strip_prefix('/').map(|x| x.trim_start().chars().take_while(char::is_ascii_digit).collect::<String>());
    Some((a.parse().ok()?, b.and_then(|b| b.parse().ok())))
}

fn minutes(cx: &Cx<'_, '_>, doc: &Document) -> Minutes {
    let mut m = Minutes::default();
    let person_in = |s: usize, e: usize| -> Option<usize> {
        let sp = cx.span(s, e);
        doc.people.iter().find(|p| p.mentions.iter().any(|x| x.end > sp.start && x.start < sp.end)).map(|p| p.id)
    };
    let blocks = &cx.st.layout.blocks;
    for (bi, b) in blocks.iter().enumerate() {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Caption) {
            continue;
        }
        let line = &cx.text[b.start..b.end];
        let k = cx.key(b.start, b.end);
        // A leading marker ("1. Chủ trì:", "I/ Thành phần …").
        let marker = k.len()
            - k.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'))
                .trim_start_matches(['.', '/', ')', '-', ' '])
                .len();
        let marker = if marker > 0 && marker < 8 && k[..marker].contains(['.', '/', ')', '-']) { marker } else { 0 };
        let (s, kk) = (b.start + marker, &k[marker..]);
        // Section headings: a line in capitals, or a Roman-numbered line.
        let roman = marker > 0 && k[..marker].trim_start().starts_with(['i', 'v', 'x']);
        if (is_upper(line) && line.chars().count() <= 100 && !line.ends_with('.'))
            || (roman && line.chars().count() <= 100)
        {
            m.sections.push(cx.text_of(b.start, b.end));
        }
        if let Some(en) = vocab::prefix("minutes", kk) {
            let after = &kk[en.phrase.len()..];
            let colon = after.trim_start().starts_with(':');
            if colon {
                let v = value_after_colon(cx, s, b.end);
                let empty = v.text.is_empty();
                let vstart = s + cx.text[s..b.end].find(':').map_or(0, |p| p + 1);
                match en.value.as_str() {
                    "started" => m.started = m.started.take().or_else(|| clock(cx, vstart, b.end)),
                    "place" if !v.text.is_empty() => m.place = Some(v),
                    "chair" if m.chair.is_none() && !v.text.is_empty() => {
                        m.chair = Some(FieldPerson { person: person_in(vstart, b.end), text: v.text, span: v.span })
                    }
                    "secretary" if m.secretary.is_none() && !v.text.is_empty() => {
                        m.secretary = Some(FieldPerson { person: person_in(vstart, b.end), text: v.text, span: v.span })
                    }
                    "agenda" if !v.text.is_empty() => m.agenda.push(v),
                    "ended" => m.ended = m.ended.take().or_else(|| clock(cx, vstart, b.end)),
                    _ => {}
                }
                if en.value == "agenda" && empty {
                    // The agenda items follow as a list.
                    for nb in blocks[bi + 1..].iter().take(12) {
                        let t = &cx.text[nb.start..nb.end];
                        if nb.kind != BlockKind::Paragraph
                            || !t.starts_with(['-', '+', '•']) && !t.starts_with(|c: char| c.is_ascii_digit())
                        {
                            break;
                        }
                        let t2 = t.trim_start_matches(|c: char| {
                            c.is_ascii_digit() || matches!(c, '-' | '+' | '•' | '.' | ')' | ' ')
                        });
                        m.agenda.push(cx.text_of(nb.end - t2.len(), nb.end));
                    }
                }
            }
        }
        for (ss, se) in crate::layout::sentences(cx.text, b.start, b.end) {
            let sk = cx.key(ss, se);
            // "Hôm nay, vào lúc 15 giờ, ngày …, tại phòng họp …".
            if m.started.is_none() && (sk.starts_with("hôm nay") || sk.contains("bắt đầu")) {
                m.started = clock(cx, ss, se);
                if m.place.is_none() {
                    if let Some(p) = sk.find(" tại ") {
                        let from = ss + p + " tại ".len();
                        let seg = &cx.text[from..se];
                        let end = seg.find([',', ';', '(']).unwrap_or(seg.len());
                        let t = seg[..end].trim_end_matches(['.', ' ']);
                        if !t.is_empty() {
                            m.place = Some(cx.text_of(from, from + t.len()));
                        }
                    }
                }
            }
            if m.ended.is_none() {
                if let Some(p) = sk.find("kết thúc") {
                    m.ended = clock(cx, ss + p, se);
                }
            }
            if m.attendance.is_none() {
                if let Some(p) = sk.find("có mặt") {
                    if let Some((a, b2)) = number_after(sk, p + "có mặt".len()) {
                        let seg_end = sk[p..].find(['(', ')', ';', '.']).map_or(se, |q| ss + p + q);
                        let t = cx.text[ss + p..seg_end].trim_end_matches([' ', ',']);
                        m.attendance = Some(Attendance {
                            present: Some(a),
                            total: b2,
                            text: t.to_string(),
                            span: cx.span(ss + p, ss + p + t.len()),
                        });
                    }
                }
            }
            if let Some((vp, _)) = vocab::find("vote", sk) {
                let mut v = Vote {
                    total: None,
                    for_: None,
                    against: None,
                    abstain: None,
                    percent: None,
                    text: String::new(),
                    span: Span::default(),
                };
                let mut any = false;
                for en in vocab::of("vote") {
                    let mut from = 0;
                    while let Some(p) = sk[from..].find(en.phrase.as_str()).map(|p| p + from) {
                        from = p + en.phrase.len();
                        // "tán thành" inside "không tán thành" is the other part.
                        let inner = vocab::of("vote").any(|o| {
                            o.phrase.len() > en.phrase.len()
                                && o.phrase.ends_with(en.phrase.as_str())
                                && sk[..from].ends_with(o.phrase.as_str())
                        });
                        if inner {
                            continue;
                        }
                        let Some((n, _)) = number_after(sk, from) else { continue };
                        let slot = match en.value.as_str() {
                            "total" => &mut v.total,
                            "for" => &mut v.for_,
                            "against" => &mut v.against,
                            _ => &mut v.abstain,
                        };
                        if slot.is_none() {
                            *slot = Some(n);
                            any = true;
                        }
                    }
                }
                if any && (v.total.is_some() || v.for_.is_some()) {
                    if let Some(pc) = sk[vp..].find('%') {
                        let head = &sk[vp..vp + pc];
                        let num: String = head
                            .chars()
                            .rev()
                            .skip_while(|c| *c == ' ')
                            .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect();
                        v.percent = num.replace(',', ".").trim_matches('.').parse().ok();
                    }
                    let t = cx.text[ss..se].trim_end_matches(['.', ' ']);
                    v.text = t.to_string();
                    v.span = cx.span(ss, ss + t.len());
                    m.votes.push(v);
                }
            }
        }
    }
    m
}

/// A meeting date read from a legal basis ("Căn cứ Nghị định … ngày 08 tháng 10 năm
/// 2024", "Thực hiện Kế hoạch số … ngày …") is a document's date: drop it.
fn drop_legal_basis_date(cx: &Cx<'_, '_>, doc: &mut Document) {
    let Some(m) = &mut doc.meeting else { return };
    let Some(d) = &m.date else { return };
    let basis = cx.st.layout.blocks.iter().any(|b| {
        let sp = cx.span(b.start, b.end);
        sp.start <= d.span.start
            && d.span.end <= sp.end
            && vocab::prefix("legal_basis", cx.key(b.start, b.end)).is_some()
    });
    if basis {
        m.date = None;
        m.time_of_day = None;
        m.time = None;
    }
}

/// What the news-report reading gets wrong in a formal document: photo captions (a
/// formal document has none: those lines are field lines), attendee "groups" that are
/// counts or fragments ("14/15 hộ", "lý do"), and a meeting name read from a task.
fn tidy_meeting(cx: &Cx<'_, '_>, doc: &mut Document) {
    doc.captions.clear();
    let Some(m) = &mut doc.meeting else { return };
    // "Về nội dung: Đoàn Luật sư …", "Hội … về việc xin phép", "Hội": a field line or a
    // fragment, not a body that held a meeting.
    if m.organizer.as_ref().is_some_and(|o| {
        o.text.contains(':') || key::key(&o.text).contains(" về việc") || o.text.split_whitespace().count() < 2
    }) {
        m.organizer = None;
    }
    m.groups.retain(|g| {
        g.text.split_whitespace().count() >= 3 && !g.text.chars().any(|c| c.is_ascii_digit()) && !g.text.ends_with("./")
    });
    let in_list = |sp: Span| {
        cx.st.mentions.lists.iter().any(|l| {
            let ls = cx.span(l.start, l.end);
            ls.start <= sp.start && sp.end <= ls.end
        })
    };
    if m.name.as_ref().is_some_and(|n| in_list(n.span)) {
        m.name = None;
        m.kind = None;
    }
    // "… kiện toàn nhân sự Ban Chấp hành trước khi tổ chức đại hội" in a numbered item:
    // a task, not the meeting's organizer.
    if m.organizer.as_ref().is_some_and(|o| in_list(o.span)) {
        m.organizer = None;
    }
    let empty = m.name.is_none()
        && m.date.is_none()
        && m.organizer.is_none()
        && m.location.is_none()
        && m.chairs.is_empty()
        && m.attendees.is_empty()
        && m.groups.is_empty()
        && m.speeches.is_empty()
        && m.tasks.is_empty()
        && m.contributions.is_none();
    if empty {
        doc.meeting = None;
    }
}

/// The numbered body of a notice or plan as tasks, when the meeting has none.
fn body_tasks(cx: &Cx<'_, '_>) -> Vec<Task> {
    let st = cx.st;
    let in_body = |p: usize| {
        let i = st.layout.blocks.partition_point(|b| b.end <= p);
        st.layout
            .blocks
            .get(i)
            .is_some_and(|b| b.start <= p && matches!(b.kind, BlockKind::Paragraph | BlockKind::Caption))
    };
    let l =
        st.mentions.lists.iter().find(|l| {
            in_body(l.start) && l.items.iter().filter(|it| it.level == 0 && it.number.is_some()).count() >= 2
        });
    let Some(l) = l else { return Vec::new() };
    let tcx =
        TaskCx { text: cx.text, key: st.key, norm: st.norm, dates: &st.mentions.dates, periods: &st.mentions.periods };
    let tasks: Vec<Task> =
        (0..l.items.len()).filter(|&i| l.items[i].level == 0).map(|i| task(&tcx, &l.items, i)).collect();
    // A plan's parts "I. MỤC ĐÍCH, YÊU CẦU / II. NHIỆM VỤ … / III. TỔ CHỨC THỰC HIỆN":
    // the tasks are the items of the task sections, with their own sub-items.
    let roman = |t: &Task| {
        let m = t.marker.trim_end_matches(['.', '/', '-', ')']);
        !m.is_empty() && m.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
    };
    let task_section = |t: &Task| vocab::prefix("task_section", &key::key(t.text.trim())).is_some();
    if tasks.iter().all(roman) && tasks.iter().any(|t| task_section(t) && !t.subtasks.is_empty()) {
        return tasks.into_iter().filter(task_section).flat_map(|t| t.subtasks).collect();
    }
    tasks
}

/// Fill the formal parts of `doc` (see the module documentation). `input` is the text
/// the document was parsed from (its spans point into it); the layout must come from
/// [`crate::layout::layout`], which marks the header and tail blocks.
pub fn fill(st: &Stages<'_, '_>, input: &str, doc: &mut Document) {
    let formal = st.layout.blocks.iter().any(|b| matches!(b.kind, BlockKind::Header | BlockKind::Signature));
    if !formal {
        return;
    }
    let cx = Cx { st, input, text: &st.norm.text };
    let header = header(&cx, doc);
    let (signature, recipients, names) = tail(&cx);
    doc.signature = signature;
    doc.recipients = recipients;
    drop_merged_signers(&cx, doc, &names);
    link_signer(doc);
    if let Some(h) = &header {
        doc.kind = kind_of(doc, h);
    }
    doc.header = header;
    drop_legal_basis_date(&cx, doc);
    tidy_meeting(&cx, doc);
    if matches!(doc.kind, DocumentKind::Minutes | DocumentKind::Invitation) {
        let m = minutes(&cx, doc);
        // "Địa điểm: …" is where the meeting is held.
        if let (Some(meeting), Some(place)) = (&mut doc.meeting, &m.place) {
            if meeting.location.is_none() {
                meeting.location = Some(place.clone());
            }
        }
        if doc.kind == DocumentKind::Minutes {
            doc.minutes = Some(m);
        }
    }
    if doc.kind == DocumentKind::Minutes {
        // "I. Thành phần tham dự", "II. Nội dung": sections of minutes, not tasks.
        if let Some(m) = &mut doc.meeting {
            let roman = |t: &Task| {
                t.marker.trim_end_matches(['.', '/', '-', ')']).chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            };
            m.tasks.retain(|t| !roman(t));
        }
    }
    if matches!(
        doc.kind,
        DocumentKind::Notice
            | DocumentKind::Plan
            | DocumentKind::Conclusion
            | DocumentKind::Directive
            | DocumentKind::OfficialLetter
    ) && doc.meeting.as_ref().is_none_or(|m| m.tasks.is_empty())
    {
        let tasks = body_tasks(&cx);
        if !tasks.is_empty() {
            doc.meeting.get_or_insert_with(Meeting::default).tasks = tasks;
        }
    }
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
