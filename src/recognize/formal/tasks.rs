//! Tasks of a conclusion notice or plan: nesting, the agency in charge ("Giao UBND xã
//! …", "X chủ trì, phối hợp với Y") and the deadline ("trước ngày 30/9/2024", "trong
//! quý III", "thường xuyên").

use crate::lexicon::{FormalList, Lexicon};
use crate::recognize::date::{DateMention, PeriodMention};
use crate::recognize::list::EnumList;

/// What the task recognizer reads.
pub struct TaskCx<'a> {
    /// Normalized text.
    pub text: &'a str,
    /// Its key.
    pub key: &'a str,
    /// Dates found in the text (sorted by start, non-overlapping).
    pub dates: &'a [DateMention],
    /// Periods found in the text (sorted by start, non-overlapping).
    pub periods: &'a [PeriodMention],
    /// The lexicon (the agency, partner and deadline phrases).
    pub lex: &'a Lexicon,
}

/// A range `start..end` of the normalized text.
type Range = (usize, usize);

/// What an item of a list says of itself as a task, in normalized-text offsets: where
/// its own text ends, and the agency, partner and deadline written there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFields {
    /// End of the item's own text: where its first sub-item starts (trimmed), else
    /// the item's end.
    pub end: usize,
    /// The agency in charge: "UBND xã Tân Hòa" of "Giao UBND xã Tân Hòa …", "Phòng Nội
    /// vụ" of "Phòng Nội vụ chủ trì, …".
    pub agency: Option<(usize, usize)>,
    /// The partner: "Phòng Tài chính" of "phối hợp với Phòng Tài chính".
    pub partner: Option<(usize, usize)>,
    /// The deadline.
    pub deadline: Option<DeadlineMention>,
}

/// A deadline: "trước ngày 30/9/2024", "trong quý III năm 2024", "thường xuyên".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeadlineMention {
    /// First byte (of the deadline phrase).
    pub start: usize,
    /// One past the last byte (the end of its clause).
    pub end: usize,
    /// The date in it with a month: its index in the date mentions and the end of its
    /// text, cut at the deadline's end.
    pub date: Option<(usize, usize)>,
    /// The period in it: its index in the period mentions and the end of its text, cut
    /// at the deadline's end.
    pub period: Option<(usize, usize)>,
    /// True for a recurring deadline ("thường xuyên").
    pub recurring: bool,
}

/// The fields of every item of the list `l` (in the order of its items).
pub fn list_fields(cx: &TaskCx<'_>, l: &EnumList) -> Vec<TaskFields> {
    let items = &l.items;
    let mut out: Vec<TaskFields> = items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            // The items are in document order, each sub-item right after its parent
            // (one level deeper): the item's own text stops where its first sub-item starts.
            let end = match items.get(i + 1) {
                Some(n) if n.level > it.level && n.marker_start > it.start && n.marker_start < it.end => {
                    it.start + cx.text[it.start..n.marker_start].trim_end().len()
                }
                _ => it.end,
            };
            fields(cx, it.start, end)
        })
        .collect();
    out.shrink_to_fit();
    out
}

/// The agency, partner and deadline written in an item's own text `s..e` (without
/// its sub-items).
pub fn fields(cx: &TaskCx<'_>, s: usize, e: usize) -> TaskFields {
    let (agency, partner) = agency(cx, s, e);
    TaskFields { end: e, agency, partner, deadline: deadline(cx, s, e) }
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

/// The agency and the partner written in `s..e`.
fn agency(cx: &TaskCx<'_>, s: usize, e: usize) -> (Option<Range>, Option<Range>) {
    let k = &cx.key[s..e];
    let mut agency = None;
    let mut partner = None;
    // "Giao UBND xã …", "Giao cho Sở Y tế …".
    if let Some(en) = cx.lex.formal_prefix(FormalList::Agency, k).filter(|en| en.value == "before") {
        let mut a = s + en.phrase.len();
        a += cx.text[a..e].len() - cx.text[a..e].trim_start().len();
        if cx.key[a..e].starts_with("cho ") {
            a += 4;
        }
        let end = phrase_end(cx, a, e, 40);
        if end > a {
            agency = Some((a, end));
        }
    } else if let Some((p, _)) =
        cx.lex.formal_find(FormalList::Agency, k).filter(|(p, en)| en.value == "after" && *p > 0)
    {
        // "Sở Y tế chủ trì, phối hợp với …": the agency is the subject.
        let subj = cx.text[s..s + p].trim_end_matches([' ', ',']);
        if subj.chars().next().is_some_and(char::is_uppercase) && subj.split_whitespace().count() <= 14 {
            agency = Some((s, s + subj.len()));
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
            partner = Some((a, end));
        }
    }
    (agency, partner)
}

/// The deadline written in `s..e`: from a deadline phrase to the end of its clause.
fn deadline(cx: &TaskCx<'_>, s: usize, e: usize) -> Option<DeadlineMention> {
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
    // The mentions are sorted by start and do not overlap (so their ends are sorted
    // too): look from the first one at the deadline's start while they end in it.
    let first = cx.dates.partition_point(|d| d.start < ds);
    let date = cx.dates[first..]
        .iter()
        .take_while(|d| d.end <= de + 1)
        .position(|d| d.month.is_some())
        .map(|i| (first + i, cx.dates[first + i].end.min(de.max(cx.dates[first + i].start))));
    let first = cx.periods.partition_point(|q| q.start < ds);
    let period = cx.periods[first..].first().filter(|q| q.end <= de + 1).map(|q| (first, q.end.min(de.max(q.start))));
    Some(DeadlineMention { start: ds, end: de, date, period, recurring: en.value == "recurring" })
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    #[test]
    fn fields_of_every_item_in_normalized_offsets() {
        let text = "Ban Thường vụ kết luận như sau:\n\
                    1. Giao UBND xã Tân Hòa rà soát các hộ nghèo, hoàn thành trước ngày 30/9/2024.\n\
                    2. Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính tham mưu trong quý III năm 2024.\n\
                    3. Các cơ quan, đơn vị thực hiện thường xuyên.\n";
        let m = mentions_of(text);
        assert_eq!(m.lists.len(), 1, "{:?}", m.lists);
        let fs = &m.tasks[0];
        assert_eq!(fs.len(), 3);
        let at = |r: Option<(usize, usize)>| r.map(|(s, e)| &text[s..e]);
        assert_eq!(at(fs[0].agency), Some("UBND xã Tân Hòa"));
        let d = fs[0].deadline.as_ref().unwrap();
        assert_eq!(&text[d.start..d.end], "trước ngày 30/9/2024");
        let (di, dend) = d.date.unwrap();
        assert_eq!((m.dates[di].month, &text[m.dates[di].start..dend]), (Some(9), "ngày 30/9/2024"));
        assert_eq!(at(fs[1].agency), Some("Phòng Nội vụ"));
        assert_eq!(at(fs[1].partner), Some("Phòng Tài chính"));
        let (pi, _) = fs[1].deadline.as_ref().unwrap().period.unwrap();
        assert_eq!(m.periods[pi].quarter, Some(3));
        assert!(fs[2].deadline.as_ref().unwrap().recurring);
        assert_eq!(fs[2].agency, None);
    }

    #[test]
    fn an_items_own_text_stops_before_its_first_sub_item() {
        let text = "Các nhiệm vụ trọng tâm:\n1. Về kinh tế:\na) Giao UBND xã thực hiện thu ngân sách;\nb) Giao Phòng Tài chính kiểm tra.\n\
                    2. Về xã hội: thực hiện thường xuyên.\n";
        let m = mentions_of(text);
        let (l, fs) = (&m.lists[0], &m.tasks[0]);
        let own: Vec<&str> = l.items.iter().zip(fs).map(|(it, f)| &text[it.start..f.end]).collect();
        assert_eq!(own[0], "Về kinh tế:", "{own:?}");
        assert_eq!(fs[1].agency.map(|(s, e)| &text[s..e]), Some("UBND xã"));
        assert_eq!(fs[0].agency, None);
    }

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
