//! The tail of a formal document, read from the [`BlockKind::Signature`] blocks: the
//! signature block (authority lines, signer's title and name, co-signers side by side)
//! and the "Nơi nhận" list.

use super::{Cell, FormalText, Lines, is_name, is_rule, is_upper, sign_prefix, squash};
use crate::key;
use crate::layout::BlockKind;
use crate::lexicon::FormalList;
use crate::model::*;
use crate::span::Span;

/// Signature and recipients from the [`BlockKind::Signature`] blocks.
pub(super) fn tail(ft: &FormalText<'_>) -> (Option<Signature>, Vec<Recipient>, Vec<String>) {
    let blocks: Vec<_> = ft.layout.blocks.iter().filter(|b| b.kind == BlockKind::Signature).collect();
    let mut recipients: Vec<Lines> = Vec::new();
    let mut in_list = false;
    // The list has ended: after its archive line or the signer's name.
    let mut closed = false;
    let mut sig: Vec<Cell> = Vec::new();
    'tail: for b in &blocks {
        for c in ft.cells(b.start, b.end) {
            let (s, e) = (c.start, c.end);
            let t = &ft.text[s..e];
            let k = ft.key(s, e);
            // "PHỤ LỤC I": an annex after the signature (its tables, its dash lines) is
            // no part of the tail.
            if ft.lex.formal_prefix(FormalList::Annex, k).is_some() && (is_upper(t) || t.chars().count() <= 30) {
                break 'tail;
            }
            if let Some(en) = ft.lex.formal_prefix(FormalList::Recipients, k) {
                in_list = true;
                closed = false;
                let rest = ft.text[s + en.phrase.len()..e].trim_start_matches([':', ' ', '*']);
                if !rest.is_empty() {
                    recipients.extend(inline_items(ft, e - rest.len(), e));
                }
                continue;
            }
            let bullet = t.starts_with(['-', '+', '•', '*']);
            let archive =
                ft.lex.formal_prefix(FormalList::Archive, k.trim_start_matches(['-', '+', '•', ' '])).is_some();
            let signing = sign_prefix(ft.lex, t, k).is_some() || (is_upper(t) && !bullet);
            if in_list && !closed && !signing && (bullet || archive) && c.col < 40 {
                let items = inline_items(ft, s, e);
                // "Lưu: VT, …" is the last line of the list: dash lines after it (an
                // annex's "- Tên công trình: …") are no recipients.
                closed = items.iter().any(|r| {
                    let k = ft.key(r.0, r.1).trim_start_matches(['-', '+', '•', ' ']);
                    ft.lex.formal_prefix(FormalList::Archive, k).is_some()
                });
                recipients.extend(items);
                continue;
            }
            if in_list && is_name(ft, s, e) {
                closed = true;
            }
            let open = recipients.last().is_some_and(|r| {
                let t = &ft.text[r.0..r.1];
                // After the archive line only a wrap it asks for ("Lưu: VT, KT(Thủy,").
                !t.ends_with([';', '.'])
                    && (!closed || t.ends_with(',') || t.matches('(').count() > t.matches(')').count())
            });
            if in_list && !signing && open && c.col < 40 && !is_name(ft, s, e) {
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
            let joined = parts.iter().map(|&(a, b)| squash(&ft.text[a..b])).collect::<Vec<_>>().join(" ");
            let t = joined.trim_start_matches(['-', '+', '•', '*', ' ']).trim_end_matches([';', ',', ' ']);
            let t = t.strip_suffix("./").or_else(|| t.strip_suffix('.')).unwrap_or(t).trim_end();
            let k = key::key(t);
            // The span from the first word to the last, without the bullet and the ";".
            let first = &ft.text[s..e];
            let s = s + (first.len() - first.trim_start_matches(['-', '+', '•', '*', ' ']).len());
            let last_word = t.rsplit(' ').next().unwrap_or(t);
            let e = ft.text[s..e].rfind(last_word).map_or(e, |p| s + p + last_word.len());
            Recipient {
                archive: ft.lex.formal_prefix(FormalList::Archive, &k).is_some(),
                text: t.to_string(),
                span: ft.span(s, e),
            }
        })
        .collect();
    let names: Vec<String> = sig
        .iter()
        .filter(|c| is_name(ft, c.start, c.end))
        .map(|c| squash(&key::key(&ft.text[c.start..c.end])))
        .collect();
    // Several signers side by side (minutes), each column one signer or several stacked
    // (a grid of parties and their members): the top right one signs, the others
    // co-sign, in reading order.
    let named = |right: bool| sig.iter().any(|c| (c.col >= 30) == right && is_name(ft, c.start, c.end));
    let signature = if named(true) && named(false) {
        let (right, left): (Vec<Cell>, Vec<Cell>) = sig.iter().partition(|c| c.col >= 30);
        let (right, left) = (by_signer(ft, &right), by_signer(ft, &left));
        let first = right.first().and_then(|r| read_signature(ft, r));
        first.map(|mut s| {
            let mut others: Vec<Signature> = right[1..]
                .iter()
                .chain(&left)
                .filter_map(|b| read_signature(ft, b))
                .filter(|o| o.name.is_some())
                .collect();
            others.sort_by_key(|o| o.span.start);
            s.co_signers.extend(others);
            s
        })
    } else if named(true) {
        // The signer's column, with its lines set a little further left ("KT. CHÁNH
        // VĂN PHÒNG" under "TL. CHỦ TỊCH").
        let right: Vec<Cell> = sig.iter().copied().filter(|c| c.col >= 20).collect();
        read_signature(ft, &right)
    } else {
        read_signature(ft, &sig)
    };
    (signature, recipients, names)
}

/// The cells of one column split into its signers: each ends with its name.
fn by_signer(ft: &FormalText<'_>, cells: &[Cell]) -> Vec<Vec<Cell>> {
    let mut out: Vec<Vec<Cell>> = vec![Vec::new()];
    for c in cells {
        if let Some(last) = out.last_mut() {
            last.push(*c);
        }
        if is_name(ft, c.start, c.end) {
            out.push(Vec::new());
        }
    }
    out.retain(|b| !b.is_empty());
    out
}

/// Recipients written on one line: "- Như trên; - Lưu: VT." split before each bullet
/// that follows a ";" or ",".
fn inline_items(ft: &FormalText<'_>, s: usize, e: usize) -> Vec<Lines> {
    let t = &ft.text[s..e];
    let mut cuts = vec![0];
    for (i, _) in t.match_indices(" - ") {
        if t[..i].ends_with([';', ',', '.']) {
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
fn read_signature(ft: &FormalText<'_>, cells: &[Cell]) -> Option<Signature> {
    let mut s = Signature::default();
    let mut span: Option<(usize, usize)> = None;
    for c in cells {
        let (a, b) = (c.start, c.end);
        let t = &ft.text[a..b];
        let k = ft.key(a, b);
        if t.starts_with('(') || ft.lex.formal_prefix(FormalList::SignSkip, k).is_some() || is_rule(t) {
            continue;
        }
        if let Some(en) = ft.lex.formal_prefix(FormalList::SignParty, k).filter(|_| is_upper(t) && s.name.is_none()) {
            // "ĐẠI DIỆN" over the party's name (its lines follow, down to the title).
            let rest = t.get(en.phrase.len()..).unwrap_or("");
            s.authorities.push(AuthorityLine {
                authority: Authority::Representing,
                prefix: t[..t.len() - rest.len()].trim_end().to_string(),
                body: squash(rest),
                span: ft.span(a, b),
            });
        } else if let Some((en, rest)) = sign_prefix(ft.lex, t, k) {
            let authority = match en.value.as_str() {
                "on_behalf" => Authority::OnBehalf,
                "signing_for" => Authority::SigningFor,
                "by_order" => Authority::ByOrder,
                "by_authorization" => Authority::ByAuthorization,
                _ => Authority::Acting,
            };
            let mut body = squash(&t[rest..]);
            // "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM": the deputy's title on the same line
            // (a markdown cell or a flattened block).
            if authority == Authority::SigningFor && s.title.is_none() {
                if let Some(p) = body.find(" PHÓ ") {
                    let title = body[p + 1..].to_string();
                    body.truncate(p);
                    let ts = a + t.rfind(title.as_str()).unwrap_or(0);
                    s.title = Some(Text { text: title.clone(), span: ft.span(ts, ts + title.len()) });
                }
            }
            s.authorities.push(AuthorityLine {
                authority,
                prefix: t[..rest].trim_end().to_string(),
                body,
                span: ft.span(a, b),
            });
        } else if is_upper(t) && s.name.is_none() {
            let party = s.authorities.last_mut().filter(|x| x.authority == Authority::Representing);
            if let (Some(party), Some(old)) = (party, s.title.take()) {
                // Under "ĐẠI DIỆN" the lines before the last are the party's name
                // ("CÔNG TY CP …" / "… CƠ SỞ"), the last the signer's title.
                party.body = squash(&format!("{} {}", party.body, old.text));
                party.span = Span::new(party.span.start, party.span.end.max(old.span.end));
                s.title = Some(ft.text_of(a, b));
            } else if s.title.is_some()
                && s.authorities.is_empty()
                && s.title.as_ref().is_some_and(|x| ft.input_span(x.span).end < ft.input_span(ft.span(a, b)).start)
            {
                // A title in two lines: "CHÁNH VĂN PHÒNG" / "HUYỆN ỦY".
                let old = s.title.take().unwrap_or_else(|| ft.text_of(a, b));
                s.title = Some(Text {
                    text: format!("{} {}", old.text, squash(t)),
                    span: Span::new(old.span.start, ft.span(a, b).end),
                });
            } else {
                s.title = Some(ft.text_of(a, b));
            }
        } else if is_name(ft, a, b) && s.name.is_none() {
            s.name = Some(ft.text_of(a, b));
        } else {
            continue;
        }
        span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
    }
    span.map(|(a, b)| {
        s.span = ft.span(a, b);
        s
    })
}
