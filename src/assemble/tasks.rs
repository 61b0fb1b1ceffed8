//! Tasks: the enumerated list that holds the meeting's conclusions or tasks (scored by
//! the cues that introduce it), as a tree of items with their agency, partners and
//! deadline ([`crate::recognize::formal::tasks`]).

use super::Assembly;
use crate::lexicon::WordList;
use crate::model::*;
use crate::recognize::list::{EnumList, MarkerStyle};

/// The tasks of the list that holds the meeting's conclusions or tasks: of the lists
/// of the body with a positive score, the last best-scored.
pub(super) fn choose_tasks(asm: &Assembly<'_, '_>) -> Vec<Task> {
    let mut best: Option<(i32, &EnumList)> = None;
    for l in asm.mentions.lists.iter().filter(|l| asm.body(l.start)) {
        let score = score(asm, l);
        if score > 0 && best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, l));
        }
    }
    best.map(|(_, l)| tasks_of(asm, l)).unwrap_or_default()
}

/// How strongly the sentence that introduces the list `l` announces tasks or
/// conclusions (cues before it), rather than an enumeration.
fn score(asm: &Assembly<'_, '_>, l: &EnumList) -> i32 {
    let intro = (l.intro_start, l.intro_end.max(l.intro_start));
    let lead_start = asm.sentence_of(l.intro_start).map_or(intro.0, |s| s.0.min(intro.0));
    let intro_key = asm.key[lead_start..l.start.max(lead_start)].trim_end();
    // Nouns that announce directions: "8 trọng tâm chỉ đạo, điều hành bao gồm:".
    let directions = asm.cues_in(lead_start, l.start.max(lead_start)).any(|c| c.name == "task_noun");
    let mut score = 0;
    for c in asm.cues_in(lead_start, l.start.max(intro.1)) {
        match c.name {
            "task_intro" | "conclusion" | "directive" => score += 2,
            "not_task_intro" if !directions => score -= 3,
            _ => {}
        }
    }
    if directions {
        score += 1;
    }
    let enumerates = asm.lex.words(WordList::EnumerationIntro).iter().any(|w| intro_key.ends_with(w.as_str()));
    if enumerates && !directions {
        score -= 3;
    }
    // "Thứ nhất … Thứ hai", "Một là … Hai là": the style of conclusions and directions.
    if matches!(l.style, MarkerStyle::OrdinalWord | MarkerStyle::CountWord) && directions {
        score += 1;
    }
    score
}

/// The items of the list `l` as a tree of tasks.
fn tasks_of(asm: &Assembly<'_, '_>, l: &EnumList) -> Vec<Task> {
    // Every item, in document order, with its nesting level: "I." > "1." > "1.1." / "-" > "+".
    // An item's own text stops where its first sub-item starts.
    // Agency, partners and deadline of each item: crate::recognize::formal::tasks.
    let tcx = crate::recognize::formal::tasks::TaskCx {
        text: asm.text,
        key: asm.key,
        norm: asm.norm,
        dates: &asm.mentions.dates,
        periods: &asm.mentions.periods,
        lex: asm.lex,
    };
    let flat: Vec<Task> = l
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let end = match l.items.get(i + 1) {
                Some(n) if n.level > it.level && n.marker_start > it.start && n.marker_start < it.end => {
                    it.start + asm.text[it.start..n.marker_start].trim_end().len()
                }
                _ => it.end,
            };
            let (agency, partners, deadline) = crate::recognize::formal::tasks::fields(&tcx, it.start, end);
            Task {
                marker: it.marker.clone(),
                number: it.number,
                text: asm.text[it.start..end].to_string(),
                span: asm.span(it.start, end),
                level: it.level,
                agency,
                partners,
                deadline,
                subtasks: Vec::new(),
            }
        })
        .collect();
    nest(&mut flat.into_iter().peekable(), None)
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
