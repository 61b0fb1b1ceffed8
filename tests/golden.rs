//! Golden tests: every `fixtures/NAME.txt` that has a `fixtures/NAME.json` must parse
//! to exactly that JSON. Set `VANBAN_BLESS=1` to rewrite the expected files after a
//! reviewed change (then read the diff like code).

use std::path::Path;

fn fixtures() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn fixtures_match_their_golden_json() {
    let parser = vanban::Parser::default();
    let bless = std::env::var_os("VANBAN_BLESS").is_some();
    let mut checked = 0;
    let mut failures = Vec::new();
    for txt in fixtures() {
        let json = txt.with_extension("json");
        let bytes = std::fs::read(&txt).unwrap();
        let doc = parser.parse_bytes(&bytes).unwrap();
        let got = serde_json::to_value(&doc).unwrap();
        if bless {
            std::fs::write(&json, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&json) else { continue };
        let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
        checked += 1;
        if got != expected {
            failures.push(format!(
                "{}: output differs from {}\n--- got ---\n{}",
                txt.display(),
                json.display(),
                serde_json::to_string_pretty(&got).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(bless || checked >= 1, "no golden fixture was checked");
}

#[test]
fn golden_spans_slice_the_input() {
    let parser = vanban::Parser::default();
    for txt in fixtures() {
        let input = std::fs::read_to_string(&txt).unwrap();
        let doc = parser.parse(&input);
        for p in &doc.people {
            for m in &p.mentions {
                assert!(m.slice(&input).is_some(), "{}: mention {m:?}", txt.display());
            }
            for r in &p.roles {
                let s = r.span.slice(&input).unwrap();
                assert!(!s.trim().is_empty(), "{}: role {r:?}", txt.display());
            }
        }
        if let Some(t) = &doc.title {
            assert_eq!(
                t.span.slice(&input).map(|s| s.split_whitespace().count()),
                Some(t.text.split_whitespace().count())
            );
        }
        if let Some(m) = &doc.meeting {
            for t in m.tasks.iter().flat_map(|t| t.flatten()) {
                assert!(t.span.slice(&input).is_some());
            }
        }
    }
}
