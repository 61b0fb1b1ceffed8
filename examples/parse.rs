//! `cargo run --release --example parse -- FILE [--format json|text]`
//!
//! Parses one file (`-`: standard input) and prints the document: pretty JSON (the default) or a short
//! readable summary. A missing file or undecodable bytes print one line on stderr
//! and exit with status 1 (2 for bad arguments).

use std::process::ExitCode;
use vanban::{Document, Parser};

fn usage() -> ExitCode {
    eprintln!("usage: parse FILE|- [--format json|text]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut file = None;
    let mut format = "json".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => match args.next() {
                Some(f) if f == "json" || f == "text" => format = f,
                _ => return usage(),
            },
            s if s.starts_with("--format=") => format = s["--format=".len()..].to_string(),
            "-h" | "--help" => {
                println!("usage: parse FILE|- [--format json|text]");
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() => file = Some(a),
            _ => return usage(),
        }
    }
    let Some(file) = file else { return usage() };
    if format != "json" && format != "text" {
        return usage();
    }
    // `-` is standard input.
    let read = if file == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut b).map(|_| b)
    } else {
        std::fs::read(&file)
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            eprintln!("parse: cannot read {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = match Parser::default().parse_bytes(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("parse: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = if format == "json" {
        match serde_json::to_string_pretty(&doc) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("parse: cannot serialize: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        summary(&doc)
    };
    // A closed pipe (`parse FILE | head`) is not an error worth a panic.
    use std::io::Write;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("parse: cannot write: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

fn person_line(doc: &Document, id: usize) -> String {
    let Some(p) = doc.people.get(id) else { return format!("#{id}") };
    let roles: Vec<&str> = p.roles.iter().map(|r| r.text.as_str()).collect();
    if roles.is_empty() { p.name.clone() } else { format!("{} ({})", p.name, roles.join("; ")) }
}

fn summary(doc: &Document) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("kind:      {:?}", doc.kind));
    if doc.input.encoding != "utf-8" {
        line(format!("encoding:  {} (confidence {:.2})", doc.input.encoding, doc.input.encoding_confidence));
    }
    if let Some(t) = &doc.title {
        line(format!("title:     {}", t.text));
    }
    // Formal documents: header, signature, recipients, minutes.
    if let Some(h) = &doc.header {
        if let Some(i) = &h.issuer {
            let parent = h.parent_issuer.as_ref().map(|p| format!(" (under {})", p.text)).unwrap_or_default();
            line(format!("issuer:    {}{parent}", i.text));
        }
        if let Some(n) = &h.number {
            line(format!("number:    {} ({:?}, type {:?}, issuer {:?})", n.text, n.form, n.type_code, n.issuer_code));
        }
        if let Some(d) = &h.date {
            let place = h.place.as_ref().map(|p| format!("{}, ", p.text)).unwrap_or_default();
            line(format!("dated:     {place}{}", d.text));
        }
        if let Some(a) = &h.abstract_ {
            line(format!("abstract:  {}", a.text));
        }
    }
    if let Some(s) = &doc.signature {
        for s in std::iter::once(s).chain(&s.co_signers) {
            let mut parts: Vec<String> = s.authorities.iter().map(|a| format!("{} {}", a.prefix, a.body)).collect();
            parts.extend([&s.title, &s.name].into_iter().flatten().map(|t| t.text.clone()));
            line(format!("signed:    {}", parts.join(" / ")));
        }
    }
    for r in &doc.recipients {
        line(format!("recipient: {}{}", r.text, if r.archive { " (archive)" } else { "" }));
    }
    if let Some(m) = &doc.minutes {
        let t = |c: &Option<vanban::ClockTime>| c.as_ref().map_or("?".to_string(), |c| c.time.clone());
        line(format!("minutes:   {} - {}", t(&m.started), t(&m.ended)));
        if let Some(a) = &m.attendance {
            line(format!("present:   {}", a.text));
        }
        for v in &m.votes {
            line(format!("vote:      {}", v.text));
        }
    }
    match &doc.meeting {
        None => line("meeting:   none found".into()),
        Some(m) => {
            if let Some(n) = &m.name {
                line(format!("meeting:   {}", n.text));
            }
            if let Some(k) = &m.kind {
                line(format!("kind:      {k}"));
            }
            if let Some(d) = &m.date {
                let y = d.year.map_or("????".to_string(), |y| y.to_string());
                let tod = m.time_of_day.map(|t| format!(" ({t:?})")).unwrap_or_default();
                let inferred = if d.year_inferred { ", year from context" } else { "" };
                line(format!("date:      {y}-{:02}-{:02}{tod}  \"{}\"{inferred}", d.month, d.day, d.text));
            }
            if let Some(p) = &m.period {
                line(format!("period:    {}", p.text));
            }
            if let Some(l) = &m.location {
                line(format!("location:  {}", l.text));
            }
            if let Some(o) = &m.organizer {
                line(format!("organizer: {}", o.text));
            }
            for &c in &m.chairs {
                line(format!("chair:     {}", person_line(doc, c)));
            }
            for &a in &m.attendees {
                line(format!("attendee:  {}", person_line(doc, a)));
            }
            for g in &m.groups {
                line(format!("group:     {}", g.text));
            }
            if let Some(c) = &m.contributions {
                line(format!("contributions: {} (\"{}\")", c.count, c.text));
            }
            for s in &m.speeches {
                let name = doc.people.get(s.speaker).map_or("?", |p| p.name.as_str());
                line(format!("speech:    {:?} by {name}", s.kind));
            }
            for t in m.tasks.iter().flat_map(|t| t.flatten()) {
                let short: String = t.text.chars().take(90).map(|c| if c == '\n' { ' ' } else { c }).collect();
                let more = if t.text.chars().count() > 90 { "…" } else { "" };
                let indent = "  ".repeat(usize::from(t.level));
                line(format!("task {indent}{:>4} {short}{more}", t.marker));
            }
        }
    }
    line(format!("people:    {}", doc.people.len()));
    for p in &doc.people {
        line(format!("  - {}", person_line(doc, p.id)));
    }
    for c in &doc.captions {
        line(format!("caption:   {}", c.text));
    }
    if let Some(a) = &doc.author {
        line(format!("author:    {}", a.text));
    }
    if let Some(p) = &doc.publisher {
        if let Some(a) = &p.agency {
            line(format!("publisher: {}", a.text));
        }
    }
    for d in &doc.diagnostics {
        line(format!("note:      [{}] {}", d.code, d.message));
    }
    out
}
