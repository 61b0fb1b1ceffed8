//! Conformance: every row of `tests/data/decode_conformance.tsv` (encoding, input as hex
//! bytes, expected UTF-8 text) must decode to exactly the expected text. The file was
//! generated from tables typed independently of `src/decode.rs` (Python's cp1252/cp1258
//! codecs, the xvnkb VNI table, a TCVN3 converter's character lists, RFC 1456).
//! Rows named `cp1252-mojibake` hold a broken string; `repair` must restore it.

use std::path::Path;

use vanban::decode::{Encoding, decode_as, repair};

fn hex(s: &str) -> Vec<u8> {
    assert!(s.len() % 2 == 0, "odd hex {s}");
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

fn encoding(name: &str) -> Option<Encoding> {
    Some(match name {
        "utf-8" => Encoding::Utf8,
        "utf-16le" => Encoding::Utf16Le,
        "utf-16be" => Encoding::Utf16Be,
        "tcvn3" => Encoding::Tcvn3,
        "vni" => Encoding::Vni,
        "viqr" => Encoding::Viqr,
        "windows-1258" => Encoding::Windows1258,
        _ => return None,
    })
}

#[test]
fn conformance_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/decode_conformance.tsv");
    let data = std::fs::read_to_string(&path).expect("conformance file");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (no, line) in data.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: three columns", no + 1);
        let (enc, input, expected) = (cols[0], hex(cols[1]), cols[2]);
        let got = match encoding(enc) {
            Some(e) => {
                let d = decode_as(&input, e).unwrap_or_else(|err| panic!("line {}: {err}", no + 1));
                assert_eq!(d.encoding, e);
                assert_eq!(d.encoding.name(), enc);
                // Every character maps into the input, in order.
                let mut last = 0;
                for (o, c) in d.text.char_indices() {
                    let (s, e) = d.to_input(o, o + c.len_utf8());
                    assert!(s >= last && s <= e && e <= input.len(), "line {}: map of {c:?} at {o}", no + 1);
                    last = s;
                }
                d.text
            }
            None if enc == "cp1252-mojibake" => {
                let broken = String::from_utf8(input).expect("mojibake rows hold UTF-8");
                repair(&broken).map_or(broken, |r| r.text)
            }
            None => panic!("line {}: unknown encoding {enc}", no + 1),
        };
        checked += 1;
        if got != expected {
            failures.push(format!("line {} ({enc}): got {got:?}, expected {expected:?}", no + 1));
        }
    }
    assert!(checked >= 150, "only {checked} cases");
    assert!(failures.is_empty(), "{} of {checked} cases failed:\n{}", failures.len(), failures.join("\n"));
}
