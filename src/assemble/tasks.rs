//! Tasks: the enumerated list that holds the meeting's conclusions or tasks (chosen by
//! [`crate::recognize::task_list`]), as a tree of items with their agency, partners and
//! deadline (read by [`crate::recognize::formal::tasks`]; here only turned into the
//! model's types with input spans).

use super::Assembly;
use crate::model::*;
use crate::normalize::Normalized;
use crate::recognize::Mentions;
use crate::recognize::formal::tasks::{DeadlineMention, Range32};
use crate::span::Span;

/// The tasks of the list that holds the meeting's conclusions or tasks
/// ([`crate::recognize::task_list`]).
pub(super) fn choose_tasks(asm: &Assembly<'_, '_>) -> Vec<Task> {
    asm.mentions.task_lists.meeting.map(|li| tasks_of(asm.norm, asm.mentions, li)).unwrap_or_default()
}

/// The items of the list `mentions.lists[li]` as a tree of tasks (each item's own text,
/// agency, partners and deadline as [`crate::recognize::formal::tasks`] found them),
/// spans in the input through `norm`.
pub(super) fn tasks_of(norm: &Normalized<'_>, mentions: &Mentions, li: usize) -> Vec<Task> {
    let to_model = ToModel { norm, mentions };
    // The items that say more than their text, in order.
    let from = mentions.tasks.partition_point(|t| (t.list as usize) < li);
    let mut said = mentions.tasks[from..].iter().take_while(|t| t.list as usize == li).peekable();
    let flat: Vec<Task> = mentions.lists[li]
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let f = said.next_if(|t| t.item as usize == i);
            let end = f.map_or(it.end, |f| f.end as usize);
            Task {
                marker: it.marker(&norm.text).to_string(),
                number: it.number,
                text: norm.text[it.start..end].to_string(),
                span: to_model.span(it.start, end),
                level: it.level,
                agency: f.and_then(|f| f.agency).map(|r| to_model.text_of(r)),
                partners: f.and_then(|f| f.partner).map(|r| to_model.text_of(r)).into_iter().collect(),
                deadline: f.and_then(|f| f.deadline.as_ref()).map(|d| to_model.deadline(d)),
                subtasks: Vec::new(),
                section: None,
            }
        })
        .collect();
    nest(&mut flat.into_iter().peekable(), None)
}

/// Turns the offsets of [`crate::recognize::formal::tasks::ItemTask`] into the model's types with input spans.
struct ToModel<'a> {
    /// Normalized text and its map to the input.
    norm: &'a Normalized<'a>,
    /// The dates and periods a deadline refers to.
    mentions: &'a Mentions,
}

impl ToModel<'_> {
    /// The input span of the normalized range `s..e`.
    fn span(&self, s: usize, e: usize) -> Span {
        self.norm.input_span(s, e)
    }
    /// The text of the normalized range `(start, end)` with its input span.
    fn text_of(&self, (s, e): Range32) -> Text {
        let (s, e) = (s as usize, e as usize);
        Text { text: self.norm.text[s..e].to_string(), span: self.span(s, e) }
    }
    /// The deadline of `d`, with its date and period (their texts cut at the
    /// deadline's end).
    fn deadline(&self, d: &DeadlineMention) -> Deadline {
        let (ds, de) = (d.start as usize, d.end as usize);
        let date = d.date.map(|i| {
            let m = &self.mentions.dates[i as usize];
            let end = m.end.min(de.max(m.start));
            DocDate {
                year: m.year,
                month: m.month,
                day: m.day,
                text: self.norm.text[m.start..end].to_string(),
                span: self.span(m.start, end),
            }
        });
        let period = d.period.map(|i| {
            let q = &self.mentions.periods[i as usize];
            let end = q.end.min(de.max(q.start));
            Period {
                kind: q.kind,
                year: q.year,
                end_year: q.end_year,
                months: q.months,
                quarter: q.quarter,
                term: q.term,
                text: self.norm.text[q.start..end].to_string(),
                span: self.span(q.start, end),
            }
        });
        Deadline {
            text: self.norm.text[ds..de].to_string(),
            date,
            period,
            recurring: d.recurring,
            span: self.span(ds, de),
        }
    }
}

/// Tasks in document order to a tree: each item takes the deeper items that follow it.
/// `parent` is the level of the item whose sub-items are collected (`None`: the top).
fn nest(items: &mut std::iter::Peekable<std::vec::IntoIter<Task>>, parent: Option<u8>) -> Vec<Task> {
    let mut out = Vec::new();
    while let Some(mut t) = items.next_if(|t| parent.is_none_or(|p| t.level > p)) {
        t.subtasks = nest(items, Some(t.level));
        out.push(t);
    }
    out
}
