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
            for t in m.tasks.iter().flat_map(|t| t.flatten()) {
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

/// The manifest's other-negative documents (sport, health, markets, tech) report no
/// meeting, and hold few people with roles: at most one role-bearing person in three
/// documents on average, and no document with more than three.
#[test]
fn negative_documents_have_no_meeting() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(manifest) = std::fs::read_to_string(root.join("manifest.tsv")) else {
        eprintln!("skipped: no corpus manifest");
        return;
    };
    let parser = vanban::Parser::default();
    let (mut docs, mut with_roles) = (0, 0);
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.get(5) != Some(&"other-negative") {
            continue;
        }
        let Ok(bytes) = std::fs::read(root.join("docs").join(cols[0])) else { continue };
        let Ok(doc) = parser.parse_bytes(&bytes) else { continue };
        docs += 1;
        assert!(doc.meeting.is_none(), "{}: a meeting in a negative document: {:?}", cols[0], doc.meeting);
        let n = doc.people.iter().filter(|p| !p.roles.is_empty()).count();
        assert!(n <= 3, "{}: {n} people with roles", cols[0]);
        with_roles += n;
    }
    assert!(docs == 0 || with_roles * 3 <= docs, "{with_roles} role-bearing people in {docs} negative documents");
}
