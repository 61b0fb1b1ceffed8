//! Assembly of a formal document's parts: what needs the assembled [`Document`].
//! The formal recognizers ([`crate::recognize::formal`]) read the header, the tail and
//! the fields of minutes; here their spans go to the input, the signers and the minutes'
//! chair and secretary are linked to person ids, people merged across signature
//! columns are dropped, the kind comes from the header and the type heading from the
//! title, a legal basis's date is dropped from the meeting and the meeting tidied,
//! the minutes' place becomes the meeting's location, and a notice or plan gets its
//! numbered body as tasks.

use crate::assemble::Stages;
use crate::key;
use crate::layout::BlockKind;
use crate::lexicon::{FormalList, Lexicon};
use crate::model::*;
use crate::recognize::formal::{FormalMentions, MinutesMention, squash};
use crate::recognize::list::MarkerStyle;
use crate::span::Span;

/// Put the formal parts `formal` (from [`crate::recognize::formal::recognize`]) into
/// the assembled `doc` (see the module documentation).
pub fn assemble_formal(st: &Stages<'_, '_>, formal: Option<FormalMentions>, doc: &mut Document) {
    let Some(formal) = formal else { return };
    let (mut header, signature, recipients, minutes) =
        in_input(st, formal.header, formal.signature, formal.recipients, formal.minutes);
    // The type heading is the title (unless the header read it as the first words of
    // the title line, the rest being the abstract).
    if let Some(h) = &mut header {
        if h.doc_type.is_none() && st.layout.blocks.iter().any(|b| b.kind == BlockKind::Title) {
            h.doc_type = doc.title.clone();
        }
    }
    doc.signature = signature;
    doc.recipients = recipients;
    let mut cited = Document { references: formal.references, ..Document::default() };
    cited.map_spans(|s| st.norm.input_span(s.start, s.end));
    doc.references = cited.references;
    drop_merged_signers(st, doc, &formal.tail_names);
    link_signer(doc);
    if let Some(h) = &header {
        doc.kind = kind_of(st.lex, doc, h);
    }
    doc.header = header;
    drop_legal_basis_date(st, doc);
    tidy_meeting(st, doc);
    if matches!(doc.kind, DocumentKind::Minutes | DocumentKind::Invitation) {
        let m = minutes_with_people(doc, minutes);
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
            | DocumentKind::Program
            | DocumentKind::OfficialLetter
    ) && doc.meeting.as_ref().is_none_or(|m| m.tasks.is_empty())
    {
        let tasks = body_tasks(st);
        if !tasks.is_empty() {
            doc.meeting.get_or_insert_with(Meeting::default).tasks = tasks;
        }
    }
    // The tasks are the work the document assigns: not the headings above it, nor the
    // items that inform (time, place, participants).
    if let Some(m) = &mut doc.meeting {
        m.tasks = assigned_work(st.lex, std::mem::take(&mut m.tasks), 0);
        // A report or a submission informs and proposes: its numbered parts ("1. Về thẩm
        // quyền", "2. Về thành phần hồ sơ") are no work assigned; only the items of a
        // task section ("Kiến nghị", "Đề xuất") are.
        if matches!(doc.kind, DocumentKind::Report | DocumentKind::Submission) {
            m.tasks.retain(|t| t.section.is_some());
        }
    }
    if doc.meeting.as_ref().is_some_and(|m| m == &Meeting::default()) {
        doc.meeting = None;
    }
}

/// Does the item inform rather than assign: it opens with a label ("Thời gian, hình
/// thức họp: …", "Địa điểm:", "Nội dung kiểm tra") and is no section of tasks?
fn informational(lex: &Lexicon, t: &Task) -> bool {
    let first = first_line(t);
    let k = key::key(first);
    if lex.formal_prefix(FormalList::InfoLabel, &k).is_none() {
        return false;
    }
    let label_colon = first.find(':').is_some_and(|c| first[..c].split_whitespace().count() <= 8);
    label_colon || first.split_whitespace().count() <= 5 && t.subtasks.is_empty()
}

/// The first line of a task's text (a heading's own line, without the lead-in below it).
fn first_line(t: &Task) -> &str {
    t.text.split('\n').next().unwrap_or("").trim()
}

/// A heading rather than a task: a few words that end no sentence ("1. Kết quả kiểm
/// tra", "III. TỔ CHỨC THỰC HIỆN", "2. Thanh tra tỉnh").
fn is_heading(t: &Task) -> bool {
    let text = first_line(t);
    text.split_whitespace().count() <= 12 && !text.ends_with(['.', ';']) && !text.contains(". ")
}

/// The items of `tasks` that assign work (`depth` headings down): items that inform
/// are dropped; when every item is a heading, the tasks are the items under the
/// headings of task sections ("Kiến nghị", "Phân công nhiệm vụ", "TỔ CHỨC THỰC HIỆN"),
/// or under a lone heading, each with its heading as `section`; headings that name
/// agencies ("2. Thanh tra tỉnh") stay the tasks.
fn assigned_work(lex: &Lexicon, tasks: Vec<Task>, depth: u8) -> Vec<Task> {
    let mut tasks: Vec<Task> = tasks.into_iter().filter(|t| !informational(lex, t)).collect();
    if tasks.is_empty() || depth >= 2 || !tasks.iter().all(is_heading) {
        return tasks;
    }
    for t in &mut tasks {
        t.subtasks = std::mem::take(&mut t.subtasks).into_iter().filter(|x| !informational(lex, x)).collect();
    }
    let task_section = |t: &Task| {
        let k = key::key(first_line(t));
        lex.formal_prefix(FormalList::TaskSection, &k).is_some()
            && lex.formal_prefix(FormalList::PurposeSection, &k).is_none_or(|p| {
                lex.formal_prefix(FormalList::TaskSection, &k).is_some_and(|q| q.phrase.len() > p.phrase.len())
            })
    };
    let sections: Vec<usize> =
        (0..tasks.len()).filter(|&i| task_section(&tasks[i]) && !tasks[i].subtasks.is_empty()).collect();
    let chosen: Vec<usize> = if !sections.is_empty() {
        sections
    } else if tasks.len() == 1 && !tasks[0].subtasks.is_empty() {
        vec![0]
    } else {
        return tasks;
    };
    let mut out = Vec::new();
    for i in chosen {
        let own = first_line(&tasks[i]);
        // The heading's own line; its span is the heading item's.
        let heading = Text { text: own.to_string(), span: tasks[i].span };
        let items = assigned_work(lex, std::mem::take(&mut tasks[i].subtasks), depth + 1);
        out.extend(items.into_iter().map(|mut x| {
            if x.section.is_none() {
                x.section = Some(heading.clone());
            }
            x
        }));
    }
    out
}

/// The recognized parts with their spans moved to the input (through the document's
/// one span visitor, [`Document::map_spans`]).
fn in_input(
    st: &Stages<'_, '_>,
    header: Option<Header>,
    signature: Option<Signature>,
    recipients: Vec<Recipient>,
    minutes: MinutesMention,
) -> (Option<Header>, Option<Signature>, Vec<Recipient>, MinutesMention) {
    let mut parts = Document { header, signature, recipients, minutes: Some(minutes.fields), ..Document::default() };
    parts.map_spans(|s| st.norm.input_span(s.start, s.end));
    let at = |sp: Option<Span>| sp.map(|s| st.norm.input_span(s.start, s.end));
    let minutes = MinutesMention {
        fields: parts.minutes.unwrap_or_default(),
        chair_at: at(minutes.chair_at),
        secretary_at: at(minutes.secretary_at),
    };
    (parts.header, parts.signature, parts.recipients, minutes)
}

/// The minutes' fields with the chair and the secretary linked to the person named
/// where they are written.
fn minutes_with_people(doc: &Document, mm: MinutesMention) -> Minutes {
    let person_in = |sp: Option<Span>| -> Option<usize> {
        let sp = sp?;
        doc.people.iter().find(|p| p.mentions.iter().any(|x| x.end > sp.start && x.start < sp.end)).map(|p| p.id)
    };
    let mut m = mm.fields;
    if let Some(c) = &mut m.chair {
        c.person = person_in(mm.chair_at);
    }
    if let Some(c) = &mut m.secretary {
        c.person = person_in(mm.secretary_at);
    }
    m
}

/// Drop people the person recognizer read across two flattened signature columns
/// ("Vũ Thị Hạnh Hoàng Văn" from "Vũ Thị Hạnh      Hoàng Văn Thành"): named only in
/// the tail, with a name that runs on past a signer's name there.
fn drop_merged_signers(st: &Stages<'_, '_>, doc: &mut Document, names: &[String]) {
    let tail: Vec<Span> = st
        .layout
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Signature)
        .map(|b| st.norm.input_span(b.start, b.end))
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

/// Link one signer to a person (added when missing), with the signing title as a role.
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

/// The document kind: from the type heading (the title), else the number's type code,
/// else an official letter by its "V/v" subject or a number without a type code.
fn kind_of(lex: &Lexicon, doc: &Document, h: &Header) -> DocumentKind {
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
        if let Some(e) = lex.formal_prefix(FormalList::DocType, &k) {
            return by_name(&e.value);
        }
    }
    if let Some(code) = h.number.as_ref().and_then(|n| n.type_code.as_deref()) {
        let k = key::key(code);
        if let Some(e) = lex.formal(FormalList::TypeCode).find(|e| e.phrase == k) {
            return by_name(&e.value);
        }
    }
    if h.abstract_
        .as_ref()
        .is_some_and(|a| lex.formal_find(FormalList::Subject, &key::key(&a.text)).is_some_and(|(p, _)| p == 0))
        || h.number.as_ref().is_some_and(|n| n.type_code.is_none())
    {
        return DocumentKind::OfficialLetter;
    }
    DocumentKind::OtherFormal
}

/// A meeting date read from a legal basis ("Căn cứ Nghị định … ngày 08 tháng 10 năm
/// 2024", "Thực hiện Kế hoạch số … ngày …") is a document's date: drop it.
fn drop_legal_basis_date(st: &Stages<'_, '_>, doc: &mut Document) {
    let Some(m) = &mut doc.meeting else { return };
    let Some(d) = &m.date else { return };
    let basis = st.layout.blocks.iter().any(|b| {
        let sp = st.norm.input_span(b.start, b.end);
        sp.start <= d.span.start
            && d.span.end <= sp.end
            && st.lex.formal_prefix(FormalList::LegalBasis, &st.key[b.start..b.end]).is_some()
    });
    if basis {
        m.date = None;
        m.time_of_day = None;
        m.time = None;
    }
}

/// formal document has none: those lines are field lines), attendee "groups" that are
/// counts or fragments ("14/15 hộ", "lý do"), and a meeting name read from a task.
fn tidy_meeting(st: &Stages<'_, '_>, doc: &mut Document) {
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
        st.mentions.lists.iter().any(|l| {
            let ls = st.norm.input_span(l.start, l.end);
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
fn body_tasks(st: &Stages<'_, '_>) -> Vec<Task> {
    let Some(li) = st.mentions.task_lists.body else { return Vec::new() };
    // The top-level items with their sub-items, as the task recognizer read them.
    let tasks = super::tasks::tasks_of(st.norm, st.mentions, li);
    // A plan's parts "I. MỤC ĐÍCH, YÊU CẦU / II. NHIỆM VỤ … / III. TỔ CHỨC THỰC HIỆN":
    // the tasks are the items of the task sections, with their own sub-items.
    let roman = |t: &Task| {
        let m = t.marker.trim_end_matches(['.', '/', '-', ')']);
        !m.is_empty() && m.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
    };
    let task_section = |t: &Task| st.lex.formal_prefix(FormalList::TaskSection, &key::key(t.text.trim())).is_some();
    // (Also a list whose first "I-" OCR read as "1-", the list recognizer's Roman list.)
    let roman_list =
        st.mentions.lists.get(li).is_some_and(|l| {
            matches!(l.style, MarkerStyle::RomanDot | MarkerStyle::RomanDash | MarkerStyle::RomanSlash)
        });
    if (roman_list || tasks.iter().all(roman)) && tasks.iter().any(|t| task_section(t) && !t.subtasks.is_empty()) {
        return tasks
            .into_iter()
            .filter(task_section)
            .flat_map(|t| {
                let heading = Text { text: first_line(&t).to_string(), span: t.span };
                t.subtasks.into_iter().map(move |mut x| {
                    x.section = Some(heading.clone());
                    x
                })
            })
            .collect();
    }
    tasks
}
