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

/// A range `start..end` of the normalized text as kept: `u32`, as
/// [`crate::recognize::context::Sentences`] keeps them (the fields are kept to the end
/// of the parse; texts are at most [`crate::lexicon::MAX_TEXT_BYTES`]).
pub type Range32 = (u32, u32);

/// What an item of a list says of itself as a task, in normalized-text offsets: where
/// its own text ends, and the agency, partner and deadline written there. Kept only for
/// the items that say something more than their text ([`tasks`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemTask {
    /// The list's index in [`crate::recognize::Mentions::lists`].
    pub list: u32,
    /// The item's index in the list's items.
    pub item: u32,
    /// End of the item's own text: where its first sub-item starts (trimmed), else
    /// the item's end.
    pub end: u32,
    /// The agency in charge: "UBND xã Tân Hòa" of "Giao UBND xã Tân Hòa …", "Phòng Nội
    /// vụ" of "Phòng Nội vụ chủ trì, …".
    pub agency: Option<Range32>,
    /// The partner: "Phòng Tài chính" of "phối hợp với Phòng Tài chính".
    pub partner: Option<Range32>,
    /// The deadline.
    pub deadline: Option<DeadlineMention>,
}

/// A deadline: "trước ngày 30/9/2024", "trong quý III năm 2024", "thường xuyên".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeadlineMention {
    /// First byte (of the deadline phrase).
    pub start: u32,
    /// One past the last byte (the end of its clause).
    pub end: u32,
    /// The first date in it with a month, as an index in the date mentions (its text
    /// is cut at the deadline's end).
    pub date: Option<u32>,
    /// The first period in it, as an index in the period mentions (its text is cut at
    /// the deadline's end).
    pub period: Option<u32>,
    /// True for a recurring deadline ("thường xuyên").
    pub recurring: bool,
}

/// `(start, end)` as kept.
fn r32((s, e): Range) -> Range32 {
    (s as u32, e as u32)
}

/// What the items of the lists `which` (indices in `lists`, in order) say as tasks, in
/// the order of the lists and their items: only the items whose own text stops before
/// their end (at a sub-item) or that name an agency, a partner or a deadline (the others
/// are their own text and no more).
pub fn tasks(cx: &TaskCx<'_>, lists: &[EnumList], which: impl IntoIterator<Item = usize>) -> Vec<ItemTask> {
    let mut out = Vec::new();
    for li in which {
        let l = &lists[li];
        let items = &l.items;
        for (i, it) in items.iter().enumerate() {
            // The items are in document order, each sub-item right after its parent
            // (one level deeper): the item's own text stops where its first sub-item starts.
            let end = match items.get(i + 1) {
                Some(n) if n.level > it.level && n.marker_start > it.start && n.marker_start < it.end => {
                    it.start + cx.text[it.start..n.marker_start].trim_end().len()
                }
                _ => it.end,
            };
            let (agency, partner) = agency(cx, it.start, end);
            let deadline = deadline(cx, it.start, end);
            if end != it.end || agency.is_some() || partner.is_some() || deadline.is_some() {
                out.push(ItemTask {
                    list: li as u32,
                    item: i as u32,
                    end: end as u32,
                    agency: agency.map(r32),
                    partner: partner.map(r32),
                    deadline,
                });
            }
        }
    }
    out.shrink_to_fit();
    out
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
        .map(|i| (first + i) as u32);
    let first = cx.periods.partition_point(|q| q.start < ds);
    let period = cx.periods.get(first).filter(|q| q.end <= de + 1).map(|_| first as u32);
    Some(DeadlineMention { start: ds as u32, end: de as u32, date, period, recurring: en.value == "recurring" })
}

#[cfg(test)]
mod tests {
    use crate::recognize::context::mentions_of;

    #[test]
    fn fields_of_the_items_in_normalized_offsets() {
        let text = "Ban Thường vụ kết luận như sau:\n\
                    1. Giao UBND xã Tân Hòa rà soát các hộ nghèo, hoàn thành trước ngày 30/9/2024.\n\
                    2. Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính tham mưu trong quý III năm 2024.\n\
                    3. Các cơ quan, đơn vị thực hiện thường xuyên.\n\
                    4. Các xã báo cáo kết quả.\n";
        let m = mentions_of(text);
        assert_eq!(m.lists.len(), 1, "{:?}", m.lists);
        let fs = &m.tasks;
        // The fourth item says nothing more than its text: not kept.
        assert_eq!(fs.iter().map(|f| (f.list, f.item)).collect::<Vec<_>>(), [(0, 0), (0, 1), (0, 2)]);
        let at = |r: Option<(u32, u32)>| r.map(|(s, e)| &text[s as usize..e as usize]);
        assert_eq!(at(fs[0].agency), Some("UBND xã Tân Hòa"));
        let d = fs[0].deadline.as_ref().unwrap();
        assert_eq!(at(Some((d.start, d.end))), Some("trước ngày 30/9/2024"));
        let date = &m.dates[d.date.unwrap() as usize];
        assert_eq!((date.month, date.day), (Some(9), Some(30)));
        assert_eq!(at(fs[1].agency), Some("Phòng Nội vụ"));
        assert_eq!(at(fs[1].partner), Some("Phòng Tài chính"));
        let period = &m.periods[fs[1].deadline.as_ref().unwrap().period.unwrap() as usize];
        assert_eq!(period.quarter, Some(3));
        assert!(fs[2].deadline.as_ref().unwrap().recurring);
        assert_eq!(fs[2].agency, None);
    }

    #[test]
    fn an_items_own_text_stops_before_its_first_sub_item() {
        let text = "Các nhiệm vụ trọng tâm:\n1. Về kinh tế:\na) Giao UBND xã thực hiện thu ngân sách;\n\
                    b) Giao Phòng Tài chính kiểm tra.\n2. Về xã hội: thực hiện thường xuyên.\n";
        let m = mentions_of(text);
        let l = &m.lists[0];
        let first = m.tasks.iter().find(|f| f.item == 0).unwrap();
        assert_eq!(&text[l.items[0].start..first.end as usize], "Về kinh tế:");
        assert_eq!(first.agency, None);
        let a = m.tasks.iter().find(|f| f.item == 1).unwrap();
        assert_eq!(a.agency.map(|(s, e)| &text[s as usize..e as usize]), Some("UBND xã"));
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
