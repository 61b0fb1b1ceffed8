//! Tasks of a conclusion notice or plan: nesting, the agency in charge ("Giao UBND xã
//! …", "X chủ trì, phối hợp với Y") and the deadline ("trước ngày 30/9/2024", "trong
//! quý III", "thường xuyên").

use crate::lexicon::{FormalList, Lexicon};
use crate::model::{Deadline, DocDate, Period, Task, Text};
use crate::normalize::Normalized;
use crate::recognize::date::{DateMention, PeriodMention};
use crate::recognize::list::ListItem;
use crate::span::Span;

/// What [`task`] reads.
pub struct TaskCx<'a> {
    /// Normalized text.
    pub text: &'a str,
    /// Its key.
    pub key: &'a str,
    /// The map to the input.
    pub norm: &'a Normalized<'a>,
    /// Dates found in the text.
    pub dates: &'a [DateMention],
    /// Periods found in the text.
    pub periods: &'a [PeriodMention],
    /// The lexicon (the agency, partner and deadline phrases).
    pub lex: &'a Lexicon,
}

impl TaskCx<'_> {
    fn span(&self, s: usize, e: usize) -> Span {
        let (a, b) = self.norm.to_input(s, e);
        Span::new(a, b)
    }
    fn text_of(&self, s: usize, e: usize) -> Text {
        Text { text: self.text[s..e].to_string(), span: self.span(s, e) }
    }
}

/// The agency, partners and deadline written in an item's own text `s..e` (without
/// its sub-items).
pub fn fields(cx: &TaskCx<'_>, s: usize, e: usize) -> (Option<Text>, Vec<Text>, Option<Deadline>) {
    let (agency, partners) = agency(cx, s, e);
    (agency, partners, deadline(cx, s, e))
}

/// The task for `items[i]`, with its sub-items nested: the item's own text stops where
/// its first sub-item starts (as [`crate::assemble`] builds them).
pub fn task(cx: &TaskCx<'_>, items: &[ListItem], i: usize) -> Task {
    let it = &items[i];
    let kids: Vec<usize> = (i + 1..items.len()).filter(|&j| items[j].parent == Some(i)).collect();
    let end = match kids.first() {
        Some(&j) if items[j].marker_start > it.start && items[j].marker_start < it.end => {
            it.start + cx.text[it.start..items[j].marker_start].trim_end().len()
        }
        _ => it.end,
    };
    let (agency, partners, deadline) = fields(cx, it.start, end);
    Task {
        marker: it.marker.clone(),
        number: it.number,
        text: cx.text[it.start..end].to_string(),
        span: cx.span(it.start, end),
        level: it.level,
        agency,
        partners,
        deadline,
        subtasks: kids.into_iter().map(|j| task(cx, items, j)).collect(),
    }
}

/// End of a phrase starting at `s`: before the first `agency_end` word, or a clause mark.
fn phrase_end(cx: &TaskCx<'_>, s: usize, e: usize, max_words: usize) -> usize {
    let k = &cx.key[s..e];
    let mut end = e;
    let mut pos = 0;
    for (n, w) in k.split(' ').enumerate() {
        // A verb ends the agency; "các tổ chức" is a noun.
        if n > 0 && cx.lex.formal_prefix(FormalList::AgencyEnd, &k[pos..]).is_some() && !k[..pos].ends_with("các ") {
            end = s + pos;
            break;
        }
        if n >= max_words {
            return s;
        }
        pos += w.len() + 1;
        if pos >= k.len() {
            break;
        }
    }
    let seg = &cx.text[s..end];
    let stop = seg.find([';', '.', '(']).unwrap_or(seg.len());
    s + seg[..stop].trim_end_matches([' ', ',', ':', '-', '\n']).len()
}

fn agency(cx: &TaskCx<'_>, s: usize, e: usize) -> (Option<Text>, Vec<Text>) {
    let k = &cx.key[s..e];
    let mut agency = None;
    let mut partners = Vec::new();
    // "Giao UBND xã …", "Giao cho Sở Y tế …".
    if let Some(en) = cx.lex.formal_prefix(FormalList::Agency, k).filter(|en| en.value == "before") {
        let mut a = s + en.phrase.len();
        a += cx.text[a..e].len() - cx.text[a..e].trim_start().len();
        if cx.key[a..e].starts_with("cho ") {
            a += 4;
        }
        let end = phrase_end(cx, a, e, 40);
        if end > a {
            agency = Some(cx.text_of(a, end));
        }
    } else if let Some((p, _)) =
        cx.lex.formal_find(FormalList::Agency, k).filter(|(p, en)| en.value == "after" && *p > 0)
    {
        // "Sở Y tế chủ trì, phối hợp với …": the agency is the subject.
        let subj = cx.text[s..s + p].trim_end_matches([' ', ',']);
        if subj.chars().next().is_some_and(char::is_uppercase) && subj.split_whitespace().count() <= 14 {
            agency = Some(cx.text_of(s, s + subj.len()));
        }
    }
    if let Some((p, en)) = cx.lex.formal_find(FormalList::Partners, k) {
        let mut a = s + p + en.phrase.len();
        a += cx.text[a..e].len() - cx.text[a..e].trim_start().len();
        if cx.key[a..e].starts_with("với ") {
            a += "với ".len();
        }
        let end = phrase_end(cx, a, e, 25);
        if end > a {
            partners.push(cx.text_of(a, end));
        }
    }
    (agency, partners)
}

fn deadline(cx: &TaskCx<'_>, s: usize, e: usize) -> Option<Deadline> {
    let k = &cx.key[s..e];
    let (p, en) = cx.lex.formal_find(FormalList::Deadline, k)?;
    let ds = s + p;
    // To the end of the clause.
    let seg = &cx.text[ds..e];
    let mut end = seg.find([';', ',', ')']).unwrap_or(seg.len());
    if let Some(dot) = seg.find(". ").filter(|&d| d < end) {
        end = dot;
    }
    let de = ds + seg[..end].trim_end_matches(['.', ' ', ':']).len();
    let date = cx.dates.iter().find(|d| d.start >= ds && d.end <= de + 1 && d.month.is_some()).map(|d| DocDate {
        year: d.year,
        month: d.month,
        day: d.day,
        text: cx.text[d.start..d.end.min(de.max(d.start))].to_string(),
        span: cx.span(d.start, d.end.min(de.max(d.start))),
    });
    let period = cx.periods.iter().find(|q| q.start >= ds && q.end <= de + 1).map(|q| Period {
        kind: q.kind,
        year: q.year,
        end_year: q.end_year,
        months: q.months,
        quarter: q.quarter,
        term: q.term,
        text: cx.text[q.start..q.end.min(de.max(q.start))].to_string(),
        span: cx.span(q.start, q.end.min(de.max(q.start))),
    });
    Some(Deadline {
        text: cx.text[ds..de].to_string(),
        date,
        period,
        recurring: en.value == "recurring",
        span: cx.span(ds, de),
    })
}

#[cfg(test)]
mod tests {
    fn tasks(t: &str) -> Vec<crate::model::Task> {
        let d = crate::parse(t);
        d.meeting.map(|m| m.tasks).unwrap_or_default()
    }

    #[test]
    fn agency_partners_deadline() {
        let t = "HUYỆN ỦY TÂN AN          ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-TB/HU\n\nTHÔNG BÁO\nKết luận của Ban Thường vụ Huyện ủy\n\nBan Thường vụ Huyện ủy kết luận như sau:\n\
                 1. Giao UBND xã Tân Hòa rà soát các hộ nghèo, hoàn thành trước ngày 30/9/2024.\n\
                 2. Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính - Kế hoạch tham mưu phương án trong quý III năm 2024.\n\
                 3. Các cơ quan, đơn vị thực hiện thường xuyên.\n";
        let ts = tasks(t);
        assert_eq!(ts.len(), 3, "{ts:#?}");
        assert_eq!(ts[0].agency.as_ref().map(|a| a.text.as_str()), Some("UBND xã Tân Hòa"));
        let d = ts[0].deadline.as_ref().unwrap();
        assert_eq!(d.text, "trước ngày 30/9/2024");
        let dd = d.date.as_ref().unwrap();
        assert_eq!((dd.year, dd.month, dd.day), (Some(2024), Some(9), Some(30)));
        assert_eq!(ts[1].agency.as_ref().map(|a| a.text.as_str()), Some("Phòng Nội vụ"));
        assert_eq!(ts[1].partners[0].text, "Phòng Tài chính - Kế hoạch");
        let d = ts[1].deadline.as_ref().unwrap();
        assert_eq!(d.period.as_ref().and_then(|p| p.quarter), Some(3), "{d:?}");
        assert!(ts[2].deadline.as_ref().unwrap().recurring);
    }
}
