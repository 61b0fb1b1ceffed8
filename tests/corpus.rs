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
        eprintln!("skipped: no corpus at {} (../shared is not beside the repository)", dir.display());
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
        if let Some(h) = &doc.header {
            check_span(&bytes, h.span, "header", &file);
            for t in [&h.issuer, &h.parent_issuer, &h.place, &h.abstract_, &h.doc_type].into_iter().flatten() {
                check_span(&bytes, t.span, "header part", &file);
            }
            if let Some(n) = &h.number {
                check_span(&bytes, n.span, "number", &file);
            }
        }
        if let Some(s) = &doc.signature {
            check_span(&bytes, s.span, "signature", &file);
            assert!(s.signer.is_none_or(|id| id < doc.people.len()), "{file}: dangling signer");
        }
        for r in &doc.recipients {
            check_span(&bytes, r.span, "recipient", &file);
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
        eprintln!(
            "skipped: no corpus manifest at {} (../shared is not beside the repository)",
            root.join("manifest.tsv").display()
        );
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

/// The corpus's formal documents (kinds notice, minutes, official-other) that carry the
/// national motto or the Party's name in their first lines get a formal kind, and a
/// parsed header number when a "Số …/…" line is there.
#[test]
fn formal_documents_get_a_kind_and_their_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(manifest) = std::fs::read_to_string(root.join("manifest.tsv")) else {
        eprintln!(
            "skipped: no corpus manifest at {} (../shared is not beside the repository)",
            root.join("manifest.tsv").display()
        );
        return;
    };
    let parser = vanban::Parser::default();
    let (mut formal, mut numbered, mut signed) = (0, 0, 0);
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if !matches!(cols.get(5), Some(&("notice" | "minutes" | "official-other"))) {
            continue;
        }
        let Ok(bytes) = std::fs::read(root.join("docs").join(cols[0])) else { continue };
        let Ok(doc) = parser.parse_bytes(&bytes) else { continue };
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        let head: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(12).collect();
        // A header line, not running text that names the country.
        let motto = head.iter().filter(|l| l.chars().count() < 200 && !l.contains("nước cộng")).any(|l| {
            l.contains("cộng hòa xã hội chủ nghĩa việt nam")
                || l.contains("cộng hoà xã hội chủ nghĩa việt nam")
                || l.trim_start_matches(['|', ' ']).starts_with("đảng cộng sản việt nam")
                || l.contains("\tđảng cộng sản việt nam")
        });
        if !motto {
            continue;
        }
        formal += 1;
        assert!(
            !matches!(doc.kind, vanban::DocumentKind::NewsReport | vanban::DocumentKind::Unknown),
            "{}: formal document read as {:?}",
            cols[0],
            doc.kind
        );
        // "Số: 478/TTr-SNV", "Số:      /TB-UBND", "Số      -QC/ĐU": a number line.
        let number_line = head.iter().any(|l| {
            let t = l.trim_start_matches(['|', ' ', '\t']);
            t.strip_prefix("số").is_some_and(|r| {
                let r = r.trim_start_matches([':', ' ', '\t']);
                r.starts_with(|c: char| c.is_ascii_digit() || c == '/' || c == '-')
                    && r.split_whitespace().take(3).any(|w| w.contains('/'))
            })
        });
        let h = doc.header.as_ref();
        if number_line {
            numbered += 1;
            assert!(h.is_some_and(|h| h.number.is_some()), "{}: the header number was not read", cols[0]);
        }
        if doc.signature.is_some_and(|s| s.name.is_some()) {
            signed += 1;
        }
    }
    assert!(
        formal == 0 || formal >= 20 && numbered >= 15 && signed >= 15,
        "{formal} formal, {numbered} numbered, {signed} signed"
    );
}
