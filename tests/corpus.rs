//! Every document of `../shared/corpus` (when that folder exists) parses without a
//! panic, with every span in bounds and on character boundaries. Skips cleanly when
//! the corpus is absent.

use std::path::Path;

fn check_span(input: &[u8], s: vanban::Span, what: &str, file: &str) {
    assert!(s.start <= s.end && s.end <= input.len(), "{file}: {what} span {s:?} out of bounds");
    let text = std::str::from_utf8(input).unwrap();
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{file}: {what} span {s:?} splits a char");
}

#[test]
fn whole_corpus_parses_with_valid_spans() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/docs");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no corpus at {}", dir.display());
        return;
    };
    let parser = vanban::Parser::default();
    let mut n = 0;
    for e in rd.flatten() {
        let path = e.path();
        let bytes = std::fs::read(&path).unwrap();
        let file = path.display().to_string();
        let Ok(doc) = parser.parse_bytes(&bytes) else { continue };
        n += 1;
        for p in &doc.people {
            assert!(!p.name.trim().is_empty(), "{file}: empty name");
            for m in &p.mentions {
                check_span(&bytes, *m, "mention", &file);
            }
            for r in &p.roles {
                check_span(&bytes, r.span, "role", &file);
            }
        }
        for c in &doc.captions {
            check_span(&bytes, c.span, "caption", &file);
        }
        if let Some(m) = &doc.meeting {
            for t in &m.tasks {
                check_span(&bytes, t.span, "task", &file);
            }
            if let Some(d) = &m.date {
                check_span(&bytes, d.span, "date", &file);
            }
            for &id in m.chairs.iter().chain(&m.attendees) {
                assert!(id < doc.people.len(), "{file}: dangling person id");
            }
        }
    }
    assert!(n > 100, "only {n} corpus documents parsed");
}
