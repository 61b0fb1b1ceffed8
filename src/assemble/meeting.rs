//! The meeting: whether there is one, and its date (the best-scored full date in the
//! body or headline, with a year from the context when it has none), period, place,
//! organizer, kind and contributions.

use super::{AssembleOptions, Assembly, roles, tasks};
use crate::layout::{BlockKind, sentences};
use crate::lexicon::WordList;
use crate::model::*;
use crate::recognize::date::{DateMention, PeriodKind, PeriodMention};

/// The meeting, when the text names a kind of meeting with an organizer, a date or
/// people in it, or chairs or attendees alone.
pub(super) fn meeting(asm: &mut Assembly<'_, '_>, opts: &AssembleOptions, ids: &[Option<usize>]) -> Option<Meeting> {
    let date = choose_date(asm, opts);
    let organizing = asm.mentions.organizing;
    let (organizer, name) = (asm.text_at(organizing.organizer), asm.text_at(organizing.name));
    let roles = roles::roles_and_speeches(asm, ids);
    let tasks = tasks::choose_tasks(asm);
    let contributions = contributions(asm);
    let kind = asm.mentions.meeting_kind.clone();
    let has_meeting = kind.is_some()
        && (organizer.is_some() || date.is_some() || !roles.chairs.is_empty() || !roles.attendees.is_empty())
        || !roles.chairs.is_empty()
        || !roles.attendees.is_empty();
    if !has_meeting {
        return None;
    }
    let (date, time_of_day, time) = match date {
        Some((d, tod, time)) => (Some(d), tod, time),
        None => (None, None, None),
    };
    let location = location(asm, date.as_ref());
    let period = choose_period(asm, date.as_ref().and_then(|d| d.year));
    Some(Meeting {
        name,
        kind,
        date,
        time_of_day,
        time,
        period,
        location,
        organizer,
        chairs: roles.chairs,
        attendees: roles.attendees,
        groups: roles.groups,
        contributions,
        speeches: roles.speeches,
        tasks,
    })
}

/// Score a date as the meeting's date.
fn date_score(asm: &Assembly<'_, '_>, d: &DateMention, first_para: Option<usize>) -> Option<i32> {
    d.day?;
    d.month?;
    if !matches!(asm.block_kind_at(d.start), Some(BlockKind::Paragraph | BlockKind::Title)) {
        return None;
    }
    // "(19/8/1945 - 19/8/2025)": an anniversary or a span of years, no day of a meeting.
    if spans_years(&asm.key[d.start..d.end]) {
        return None;
    }
    let mut s = 0;
    // "2. Thời gian: 9h00, thứ Ba, ngày 06/02/2018": the meeting's time, labelled.
    if labelled_time(asm, d.start) {
        s += 3;
    }
    if d.time_of_day.is_some() {
        s += 3;
    }
    if d.relative {
        s += 1;
    }
    if let Some((ss, se, _)) = asm.sentence_of(d.start) {
        if asm.cues_in(ss, se).any(|c| c.meeting || matches!(c.name, "organize" | "chair" | "co_chair" | "attend")) {
            s += 2;
        }
        if Some(ss) == first_para {
            s += 2;
        }
        // "Hôm qua, ngày 8/6, Văn phòng Chính phủ đã có thông báo kết luận …": the date of
        // the document that reports the meeting.
        if asm.cues_in(ss, se).any(|c| c.name == "publication") {
            s -= 4;
        }
    }
    // A document's date ("Nghị định … ngày", "số … ngày", "ký ngày") or a deadline
    // ("trước ngày 30/9", "đến 5/7") right before the date: lexicon cues.
    // (Within the date's line: a cue that ends the line before is no part of it.)
    let window = asm.key[..d.start].char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let window = asm.key[window..d.start].rfind('\n').map_or(window, |p| window + p + 1);
    let near = asm.key[..d.start].char_indices().rev().nth(9).map_or(0, |(i, _)| i).max(window);
    for c in asm.cues_in(window, d.start) {
        match c.name {
            "date_reference" => s -= 4,
            "deadline" if c.start >= near => s -= 4,
            _ => {}
        }
    }
    Some(s)
}

/// Does a date's key hold two different years ("19/8/1945 - 19/8/2025")?
fn spans_years(key: &str) -> bool {
    let mut years = key
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
    years.next().is_some_and(|first| years.any(|y| y != first))
}

/// Is the date at `start` the value of a time label of its line ("Thời gian:", "2.
/// Thời gian và địa điểm:", lexicon list `meeting_time_label`)?
fn labelled_time(asm: &Assembly<'_, '_>, start: usize) -> bool {
    // (A label is near: look back 80 bytes at most, so that a long line costs nothing.)
    let from = crate::spelling::offset_map::floor_boundary(asm.key, start.saturating_sub(80));
    let Some(line) = asm.key[from..start].rfind('\n').map(|p| from + p + 1).or((from == 0).then_some(0)) else {
        return false;
    };
    // Past a list marker ("2.", "II.", "b)", "-", "+").
    let before = asm.key[line..start].trim_start();
    let marker = before.find(['.', ')']).filter(|&p| {
        p > 0 && p <= 4 && before[..p].chars().all(|c| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x' | 'a'..='h'))
    });
    let before = match marker {
        Some(p) => &before[p + 1..],
        None => before.trim_start_matches(['-', '–', '+', '*', '•']),
    };
    let Some((label, value)) = before.split_once(':') else { return false };
    value.chars().filter(|c| c.is_alphabetic()).count() <= 24 && asm.lex.is_in(WordList::MeetingTimeLabel, label.trim())
}

/// The meeting's date (the best-scored date mention, with a year from the context or
/// the reference date when it has none: a diagnostic says so), its time of day and its
/// clock time ("08:30").
fn choose_date(
    asm: &mut Assembly<'_, '_>,
    opts: &AssembleOptions,
) -> Option<(MeetingDate, Option<TimeOfDay>, Option<String>)> {
    let first_para = asm.lead().and_then(|b| asm.sentences.starts().find(|&s| s >= b.start));
    let mut best: Option<(i32, &DateMention)> = None;
    for d in &asm.mentions.dates {
        if let Some(sc) = date_score(asm, d, first_para) {
            // A date with nothing for it (no part of the day, no meeting or organizing
            // word in its sentence, not in the lead) is some other day of the story.
            if sc >= 1 && best.is_none_or(|(b, _)| sc > b) {
                best = Some((sc, d));
            }
        }
    }
    let (_, d) = best?;
    let mut year = d.year;
    let mut inferred = false;
    if year.is_none() {
        let (m, dd) = (d.month.unwrap_or(0), d.day.unwrap_or(0));
        let from_ref = opts.reference.map(|(y, rm, rd)| if (m, dd) > (rm, rd) { y - 1 } else { y });
        year = year_from_context(asm).map(|y| {
            // A review of a whole year ("tổng kết công tác năm 2023") held in its first
            // months is held in the next year.
            let reviewed = asm.mentions.periods.iter().any(|p| {
                matches!(p.kind, PeriodKind::Year | PeriodKind::LastMonths) && p.year == Some(y) && p.end_year.is_none()
            });
            let review = asm.cues().any(|c| c.name == "tong_ket");
            if reviewed && review && (1..=3).contains(&m) { y + 1 } else { y }
        });
        year = year.or(from_ref);
        if year.is_some() {
            inferred = true;
            asm.diagnostics.push(Diagnostic {
                code: DiagnosticCode::YearFromContext,
                message: format!("the meeting date has no year; {} taken from the context", year.unwrap_or_default()),
                span: Some(asm.span(d.start, d.end)),
            });
        }
    }
    let time = d.hour.map(|h| format!("{:02}:{:02}", h, d.minute.unwrap_or(0)));
    Some((
        MeetingDate {
            year,
            month: d.month.unwrap_or(0),
            day: d.day.unwrap_or(0),
            year_inferred: inferred,
            text: asm.text[d.start..d.end].to_string(),
            span: asm.span(d.start, d.end),
        },
        d.time_of_day,
        time,
    ))
}

/// A year for year-less dates: the title's period or date, else any written year.
fn year_from_context(asm: &Assembly<'_, '_>) -> Option<i32> {
    let in_title = |pos: usize| asm.block_kind_at(pos) == Some(BlockKind::Title);
    let period_year = |p: &PeriodMention| p.year.or(p.end_year);
    // The page's publish timestamp dates the report: the best year there is.
    let published = asm.mentions.published.map(|d| d.year);
    published
        .or_else(|| asm.mentions.periods.iter().filter(|p| in_title(p.start)).find_map(period_year))
        .or_else(|| asm.mentions.dates.iter().filter(|d| asm.body(d.start) || in_title(d.start)).find_map(|d| d.year))
        .or_else(|| {
            asm.mentions
                .periods
                .iter()
                .filter(|p| {
                    matches!(
                        p.kind,
                        PeriodKind::FirstMonths
                            | PeriodKind::LastMonths
                            | PeriodKind::Year
                            | PeriodKind::Quarter
                            | PeriodKind::Months
                    )
                })
                .find_map(period_year)
        })
        .or_else(|| {
            // A congress opens its term: "Đại hội đại biểu …, nhiệm kỳ 2025-2030" is held in 2025.
            asm.mentions.periods.iter().filter(|p| p.kind == PeriodKind::Term).find_map(|p| {
                let (ss, se, _) = asm.sentence_of(p.start)?;
                asm.cues_in(ss, se).any(|c| c.name == "dai_hoi").then_some(p.year?)
            })
        })
}

/// The period under review named in the headline or the lead sentence: the narrowest
/// kind, a year-less relative period taking the year written nearby or the meeting's.
fn choose_period(asm: &Assembly<'_, '_>, date_year: Option<i32>) -> Option<Period> {
    // Where the period under review is named: the headline and the lead sentence.
    let lead = asm.layout.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).map(|b| {
        let (s, e) = sentences(asm.text, b.start, b.end).first().copied().unwrap_or((b.start, b.end));
        (s, e)
    });
    let in_scope = |p: &PeriodMention| {
        asm.block_kind_at(p.start) == Some(BlockKind::Title) || lead.is_some_and(|(s, e)| p.start >= s && p.end <= e)
    };
    let rank = |k: PeriodKind| match k {
        PeriodKind::FirstMonths | PeriodKind::LastMonths | PeriodKind::Quarter => 4,
        PeriodKind::Months => 3,
        PeriodKind::Year | PeriodKind::SchoolYear => 2,
        // A term, stage or course ("nhiệm kỳ 2020-2025", "giai đoạn 2021-2025", "khóa XX")
        // when nothing narrower is named.
        PeriodKind::Term | PeriodKind::Stage | PeriodKind::Course => 1,
        // "tháng 11" is most often part of a date.
        PeriodKind::Month => 0,
    };
    let mut best: Option<&PeriodMention> = None;
    for p in asm.mentions.periods.iter().filter(|p| in_scope(p) && rank(p.kind) > 0) {
        if best.is_none_or(|b| rank(p.kind) > rank(b.kind)) {
            best = Some(p);
        }
    }
    let p = best?;
    // A year-less "6 tháng cuối năm" takes the year of the headline or lead, else of the meeting.
    let relative =
        matches!(p.kind, PeriodKind::FirstMonths | PeriodKind::LastMonths | PeriodKind::Months | PeriodKind::Quarter);
    let year = p.year.or_else(|| {
        if !relative {
            return None;
        }
        asm.mentions
            .periods
            .iter()
            .filter(|q| in_scope(q))
            .find_map(|q| q.year.filter(|_| q.end_year.is_none()))
            .or(date_year)
    });
    let p = &PeriodMention { year, ..p.clone() };
    Some(Period {
        kind: p.kind,
        year: p.year,
        end_year: p.end_year,
        months: p.months,
        quarter: p.quarter,
        term: p.term,
        text: asm.text[p.start..p.end].to_string(),
        span: asm.span(p.start, p.end),
    })
}

/// The count of contributions: the first in a paragraph, with the topics listed after it.
fn contributions(asm: &Assembly<'_, '_>) -> Option<Contributions> {
    let (i, c) = asm
        .mentions
        .counts
        .iter()
        .enumerate()
        .find(|(_, c)| asm.block_kind_at(c.start) == Some(BlockKind::Paragraph))?;
    let topics = asm.mentions.topics[i].iter().map(|&(s, e)| asm.text_of(s, e)).collect();
    Some(Contributions {
        count: c.count,
        text: asm.text[c.start..c.end].to_string(),
        span: asm.span(c.start, c.end),
        topics,
    })
}

/// The place named after the meeting's date: the place that follows the first date
/// mention at the date's span.
fn location(asm: &Assembly<'_, '_>, date: Option<&MeetingDate>) -> Option<Text> {
    let md = date?;
    let i = asm.mentions.dates.iter().position(|d| md.span == asm.span(d.start, d.end))?;
    let place = asm.mentions.places.iter().find(|p| p.date == i)?;
    Some(asm.text_of(place.start, place.end))
}
