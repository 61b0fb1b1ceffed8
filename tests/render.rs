//! What a person reads of each fixture: golden text summaries (`tests/render/NAME.vi.txt`
//! and `NAME.en.txt`; `VANBAN_BLESS=1` rewrites them after a reviewed change), and the
//! rules every summary and page keeps whatever the document: no Rust debug formatting,
//! each person once, each diagnostic once; every person and date highlighted in the page,
//! with properly nested marks.

use std::path::{Path, PathBuf};
use vanban::render::{self, Lang};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

/// Each fixture with its document, parsed as the command parses a file.
fn documents() -> Vec<(PathBuf, vanban::Document, String)> {
    let parser = vanban::Parser::default();
    fixtures()
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let doc = parser.parse_bytes(&bytes).unwrap();
            let (doc, text) = render::readable(&parser, doc, &bytes);
            (p, doc, text)
        })
        .collect()
}

#[test]
fn text_summaries_match_their_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/render");
    let bless = std::env::var_os("VANBAN_BLESS").is_some();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, doc, text) in documents() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for (lang, suffix) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
            let got = render::text(&doc, &text, lang);
            let golden = dir.join(format!("{stem}.{suffix}.txt"));
            if bless {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&golden, &got).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&golden)
                .unwrap_or_else(|_| panic!("{} is missing: run with VANBAN_BLESS=1", golden.display()));
            checked += 1;
            if got != expected {
                failures.push(format!("{}: differs from {}\n--- got ---\n{got}", path.display(), golden.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(bless || checked >= 40, "only {checked} golden summaries checked");
}

#[test]
fn text_has_no_debug_formatting_and_each_person_once() {
    for (path, doc, text) in documents() {
        for lang in [Lang::Vi, Lang::En] {
            let out = render::text(&doc, &text, lang);
            for debug in ["Some(", "None", "????", "{ ", "\\n", "Chieu", "NewsReport", "\"\""] {
                assert!(!out.contains(debug), "{}: {debug:?} in\n{out}", path.display());
            }
            // Each person has one line of their own, with their roles.
            for p in &doc.people {
                let lines: Vec<&str> = out.lines().filter(|l| l.starts_with(&format!("  - {}", p.name))).collect();
                assert_eq!(lines.len(), 1, "{}: {} in\n{out}", path.display(), p.name);
                for r in &p.roles {
                    assert!(lines[0].contains(&r.text.split_whitespace().collect::<Vec<_>>().join(" ")));
                }
            }
            // Every task whole.
            for t in doc.meeting.iter().flat_map(|m| &m.tasks).flat_map(|t| t.flatten()) {
                let whole = t.text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(out.contains(&whole), "{}: task {whole:?} not whole in\n{out}", path.display());
            }
        }
    }
}

#[test]
fn repeated_diagnostics_are_said_once_with_a_count() {
    // A text with many year-less dates and unresolved role-only mentions.
    let input = "Sáng 8/7, UBND xã tổ chức hội nghị. Đồng chí Phó Bí thư phát biểu. \
                 Đồng chí Phó Bí thư nhấn mạnh. Đồng chí Phó Bí thư kết luận."
        .to_string();
    let mut doc = vanban::parse(&input);
    let first = doc.diagnostics.first().cloned().expect("a diagnostic");
    doc.diagnostics.extend(std::iter::repeat_n(first.clone(), 4));
    let out = render::text(&doc, &input, Lang::Vi);
    let said: Vec<&str> = out.lines().filter(|l| l.contains(&first.message)).collect();
    assert_eq!(said.len(), 1, "{out}");
    assert!(
        said[0].ends_with(&format!(
            "×{}",
            doc.diagnostics.iter().filter(|d| d.code == first.code && d.message == first.message).count()
        )),
        "{out}"
    );
    assert!(out.contains(&format!("Ghi chú ({}):", doc.diagnostics.len())), "{out}");
}

/// The `<mark>`s of a page: (data-kind, text inside, with inner tags removed), and a
/// check that they nest.
fn marks(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut text = String::new();
    let mut rest = page.split_once("<pre>").expect("a <pre>").1;
    rest = rest.split_once("</pre>").expect("a </pre>").0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '<' {
            text.push(c);
            continue;
        }
        let end = rest[i..].find('>').expect("a closed tag") + i;
        let tag = &rest[i + 1..end];
        if let Some(kind) = tag.strip_prefix("mark class=\"k-") {
            open.push((kind.split('"').next().unwrap().to_string(), text.len()));
        } else {
            assert_eq!(tag, "/mark", "only marks in the text");
            let (kind, at) = open.pop().expect("a </mark> closes an open mark");
            out.push((kind, unescape(&text[at..])));
        }
        while chars.peek().is_some_and(|&(j, _)| j <= end) {
            chars.next();
        }
    }
    assert!(open.is_empty(), "every mark is closed");
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The kind the page gives a person's mentions.
pub fn person_kind(doc: &vanban::Document, id: usize) -> &'static str {
    let chairs = doc
        .meeting
        .iter()
        .flat_map(|m| &m.chairs)
        .chain(doc.minutes.as_ref().and_then(|m| m.chair.as_ref()?.person.as_ref()));
    let sig = doc.signature.iter().flat_map(|s| std::iter::once(s).chain(&s.co_signers)).filter_map(|s| s.signer);
    if chairs.into_iter().any(|&c| c == id) {
        "chair"
    } else if sig.into_iter().any(|s| s == id) {
        "signer"
    } else {
        "person"
    }
}

#[test]
fn pages_highlight_every_person_and_date_with_its_kind() {
    for (path, doc, text) in documents() {
        let page = render::html(&doc, &text);
        assert!(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"));
        let marks = marks(&page);
        // The text is all there, in order, whatever was highlighted.
        let body = page.split_once("<pre>").unwrap().1.split_once("</pre>").unwrap().0;
        let mut plain = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        assert_eq!(unescape(&plain), text, "{}", path.display());
        for p in &doc.people {
            let kind = person_kind(&doc, p.id);
            for m in &p.mentions {
                let want = m.slice(&text).unwrap();
                assert!(
                    marks.iter().any(|(k, t)| k == kind && t == want),
                    "{}: {want:?} not marked {kind}",
                    path.display()
                );
            }
        }
        if let Some(d) = doc.meeting.as_ref().and_then(|m| m.date.as_ref()) {
            let want = d.span.slice(&text).unwrap();
            assert!(marks.iter().any(|(k, t)| k == "date" && t == want), "{}: date {want:?}", path.display());
        }
    }
}
