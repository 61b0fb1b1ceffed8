//! Runs `tests/data/normalize_conformance.tsv` (made by `normalize_conformance.py`
//! beside it from Python's unicodedata and the tone table of DOMAIN.md §8.2).

use vanban::normalize::{NormalizeOptions, ToneStyle, normalize};

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(it.next(), Some('{'));
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {other:?}"),
        }
    }
    out
}

#[test]
fn every_conformance_case_passes() {
    let data = include_str!("data/normalize_conformance.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let tone = match cols[0] {
            "tone=old" => ToneStyle::Old,
            "tone=new" => ToneStyle::New,
            _ => ToneStyle::Keep,
        };
        let opts = NormalizeOptions { tone };
        let (input, expected) = (unescape(cols[1]), unescape(cols[2]));
        let got = normalize(&input, &opts);
        n += 1;
        if got.text != expected {
            failures.push(format!("{}: {:?} -> {:?}, want {:?}", cols[3], input, got.text, expected));
        }
        // Idempotent, and the whole output maps back onto the whole input.
        assert_eq!(normalize(&got.text, &opts).text, got.text, "{}", cols[3]);
        let (s, e) = got.to_input(0, got.text.len());
        assert!(s <= e && e <= input.len(), "{}", cols[3]);
    }
    assert!(n >= 300, "only {n} cases");
    assert!(failures.is_empty(), "{} of {n} failed:\n{}", failures.len(), failures.join("\n"));
}
