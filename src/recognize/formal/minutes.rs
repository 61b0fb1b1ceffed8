//! The fields of minutes (Mẫu 1.9 of Nghị định 30, community minutes): section
//! headings, field lines ("Chủ trì: …", "Thư ký: …", "Địa điểm: …", the agenda), and
//! what the sentences say: when the meeting began and ended, where, attendance, votes.

use super::{FormalText, is_upper, value_after_colon};
use crate::layout::{Block, BlockKind};
use crate::lexicon::FormalList;
use crate::model::*;
use crate::span::Span;

/// The fields of minutes, spans in normalized-text offsets, with where the chair and
/// the secretary are named (for assembly to find their person ids).
#[derive(Clone, Debug, Default)]
pub struct MinutesMention {
    /// The fields; `chair.person` and `secretary.person` are left empty.
    pub fields: Minutes,
    /// The value of the "Chủ trì:" line, where the chair's person is looked for.
    pub chair_at: Option<Span>,
    /// The value of the "Thư ký:" line.
    pub secretary_at: Option<Span>,
}

/// Read the fields of minutes from the body's paragraphs (and captions: field lines
/// may look like captions).
pub(super) fn minutes(ft: &FormalText<'_>) -> MinutesMention {
    let mut mm = MinutesMention::default();
    let blocks = &ft.layout.blocks;
    for (bi, b) in blocks.iter().enumerate() {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Caption) {
            continue;
        }
        let marker = section_heading(ft, b, &mut mm.fields);
        field_line(ft, blocks, bi, b.start + marker, &mut mm);
        for (ss, se) in crate::layout::sentences(ft.text, b.start, b.end) {
            sentence_fields(ft, ss, se, &mut mm.fields);
        }
    }
    mm
}

/// The length of the block's leading marker ("1. Chủ trì:", "I/ Thành phần …"), 0 for
/// none; the block is a section heading when in capitals or Roman-numbered.
fn section_heading(ft: &FormalText<'_>, b: &Block, m: &mut Minutes) -> usize {
    let line = &ft.text[b.start..b.end];
    let k = ft.key(b.start, b.end);
    let marker = k.len()
        - k.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'))
            .trim_start_matches(['.', '/', ')', '-', ' '])
            .len();
    let marker = if marker > 0 && marker < 8 && k[..marker].contains(['.', '/', ')', '-']) { marker } else { 0 };
    // Section headings: a line in capitals, or a Roman-numbered line.
    let roman = marker > 0 && k[..marker].trim_start().starts_with(['i', 'v', 'x']);
    if (is_upper(line) && line.chars().count() <= 100 && !line.ends_with('.')) || (roman && line.chars().count() <= 100)
    {
        m.sections.push(ft.text_of(b.start, b.end));
    }
    marker
}

/// A field line "Label: value" from `s` (after the marker) to the end of block `bi`.
fn field_line(ft: &FormalText<'_>, blocks: &[Block], bi: usize, s: usize, mm: &mut MinutesMention) {
    let end = blocks[bi].end;
    let kk = ft.key(s, end);
    let Some(en) = ft.lex.formal_prefix(FormalList::Minutes, kk) else { return };
    let after = &kk[en.phrase.len()..];
    if !after.trim_start().starts_with(':') {
        return;
    }
    let m = &mut mm.fields;
    let v = value_after_colon(ft, s, end);
    let empty = v.text.is_empty();
    let vstart = s + ft.text[s..end].find(':').map_or(0, |p| p + 1);
    match en.value.as_str() {
        "started" => m.started = m.started.take().or_else(|| clock(ft, vstart, end)),
        "place" if !v.text.is_empty() => m.place = Some(v),
        "chair" if m.chair.is_none() && !v.text.is_empty() => {
            mm.chair_at = Some(ft.span(vstart, end));
            m.chair = Some(FieldPerson { person: None, text: v.text, span: v.span })
        }
        "secretary" if m.secretary.is_none() && !v.text.is_empty() => {
            mm.secretary_at = Some(ft.span(vstart, end));
            m.secretary = Some(FieldPerson { person: None, text: v.text, span: v.span })
        }
        "agenda" if !v.text.is_empty() => m.agenda.push(v),
        "ended" => m.ended = m.ended.take().or_else(|| clock(ft, vstart, end)),
        _ => {}
    }
    if en.value == "agenda" && empty {
        agenda_list(ft, &blocks[bi + 1..], m);
    }
}

/// The agenda items that follow an empty "Nội dung:" line as a list.
fn agenda_list(ft: &FormalText<'_>, next: &[Block], m: &mut Minutes) {
    for nb in next.iter().take(12) {
        let t = &ft.text[nb.start..nb.end];
        if nb.kind != BlockKind::Paragraph
            || !t.starts_with(['-', '+', '•']) && !t.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        let t2 = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '•' | '.' | ')' | ' '));
        m.agenda.push(ft.text_of(nb.end - t2.len(), nb.end));
    }
}

/// What the sentence `ss..se` says: "Hôm nay, vào lúc 15 giờ, ngày …, tại phòng họp
/// …" (start and place), "kết thúc lúc …", "có mặt 14/15", a vote.
fn sentence_fields(ft: &FormalText<'_>, ss: usize, se: usize, m: &mut Minutes) {
    let sk = ft.key(ss, se);
    if m.started.is_none() && (sk.starts_with("hôm nay") || sk.contains("bắt đầu")) {
        m.started = clock(ft, ss, se);
        if m.place.is_none() {
            m.place = place_after_tai(ft, ss, se);
        }
    }
    if m.ended.is_none() {
        if let Some(p) = sk.find("kết thúc") {
            m.ended = clock(ft, ss + p, se);
        }
    }
    if m.attendance.is_none() {
        m.attendance = attendance(ft, ss, se);
    }
    if let Some(v) = vote(ft, ss, se) {
        m.votes.push(v);
    }
}

/// The place after " tại " in a sentence, to the first ",", ";" or "(".
fn place_after_tai(ft: &FormalText<'_>, ss: usize, se: usize) -> Option<Text> {
    let p = ft.key(ss, se).find(" tại ")?;
    let from = ss + p + " tại ".len();
    let seg = &ft.text[from..se];
    let end = seg.find([',', ';', '(']).unwrap_or(seg.len());
    let t = seg[..end].trim_end_matches(['.', ' ']);
    (!t.is_empty()).then(|| ft.text_of(from, from + t.len()))
}

/// Attendance: "có mặt 14/15".
fn attendance(ft: &FormalText<'_>, ss: usize, se: usize) -> Option<Attendance> {
    let sk = ft.key(ss, se);
    let p = sk.find("có mặt")?;
    let (a, b2) = number_after(sk, p + "có mặt".len())?;
    let seg_end = sk[p..].find(['(', ')', ';', '.']).map_or(se, |q| ss + p + q);
    let t = ft.text[ss + p..seg_end].trim_end_matches([' ', ',']);
    Some(Attendance { present: Some(a), total: b2, text: t.to_string(), span: ft.span(ss + p, ss + p + t.len()) })
}

/// A vote: "Tổng số phiếu 15, tán thành 14 phiếu, chiếm 93,3%".
fn vote(ft: &FormalText<'_>, ss: usize, se: usize) -> Option<Vote> {
    let sk = ft.key(ss, se);
    let (vp, _) = ft.lex.formal_find(FormalList::Vote, sk)?;
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
    for en in ft.lex.formal(FormalList::Vote) {
        let mut from = 0;
        while let Some(p) = sk[from..].find(en.phrase.as_str()).map(|p| p + from) {
            from = p + en.phrase.len();
            // "tán thành" inside "không tán thành" is the other part.
            let inner = ft.lex.formal(FormalList::Vote).any(|o| {
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
        let t = ft.text[ss..se].trim_end_matches(['.', ' ']);
        v.text = t.to_string();
        v.span = ft.span(ss, ss + t.len());
        return Some(v);
    }
    None
}

/// A clock time in `key[s..e]`: "15 giờ", "14 giờ 30 phút", "7h30", "11:00".
fn clock(ft: &FormalText<'_>, s: usize, e: usize) -> Option<ClockTime> {
    let k = ft.key(s, e);
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
                    let tail = &ft.key[end..e];
                    if tail.trim_start().starts_with("phút") {
                        end += tail.len() - tail.trim_start().len() + "phút".len();
                    }
                }
                if minute < 60 {
                    return Some(ClockTime {
                        time: format!("{hour:02}:{minute:02}"),
                        text: ft.text[s + hs..end].to_string(),
                        span: ft.span(s + hs, end),
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
