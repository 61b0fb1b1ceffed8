//! Errors are typed and say where; text input is never refused.

use vanban::{Error, Parser};

#[test]
fn invalid_utf8_names_the_offset() {
    // UTF-8 Vietnamese with one broken byte: refused, not guessed as a legacy encoding.
    let mut bytes = "Hội nghị sơ kết công tác dân vận ".as_bytes().to_vec();
    let at = bytes.len();
    bytes.push(0xff);
    bytes.extend("năm 2019 của Ban Dân vận Huyện ủy.".as_bytes());
    let e = vanban::parse_bytes(&bytes).unwrap_err();
    assert!(matches!(e, Error::InvalidUtf8 { offset, .. } if offset == at), "{e:?}");
    assert!(e.to_string().contains(&format!("byte offset {at}")));
}

#[test]
fn truncated_character_is_reported() {
    // Ends in "ỷ" (three bytes), cut after its first two.
    let text = "Hội nghị sơ kết công tác dân vận năm 2019 của Ban Dân vận Huyện uỷ";
    let bytes = &text.as_bytes()[..text.len() - 1];
    let e = vanban::parse_bytes(bytes).unwrap_err();
    assert_eq!(e.offset(), Some(text.len() - 3));
    assert!(e.to_string().contains("ends inside") || e.to_string().contains("invalid UTF-8"), "{e}");
}

#[test]
fn binary_data_is_refused_as_binary() {
    let e = vanban::parse_bytes(b"\x00\x01\x02\x03\xc3\x28\x80\x81\x82\x83\x84\x85").unwrap_err();
    assert!(matches!(e, Error::Binary { signature: None, control_bytes: 4, sampled: 12 }), "{e:?}");
    assert!(e.to_string().starts_with("binary data"), "{e}");
    // An executable: its signature, whatever encoding might have scored on the rest.
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.extend("Hội nghị sơ kết công tác dân vận ".repeat(40).as_bytes());
    match vanban::parse_bytes(&elf).unwrap_err() {
        Error::Binary { signature, .. } => assert_eq!(signature.as_deref(), Some("ELF executable")),
        e => panic!("{e:?}"),
    }
    // A PDF as a crawler saved it.
    let e = vanban::parse_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").unwrap_err();
    assert!(e.to_string().contains("PDF signature"), "{e}");
    // Text starting with "MZ" is still text.
    assert!(vanban::parse_bytes("MZ là viết tắt".as_bytes()).is_ok());
}

#[test]
fn bytes_no_encoding_reads_name_the_candidates() {
    // "chào" with 0xE0, which is "à" in both VNI and Windows-1258.
    match vanban::parse_bytes(b"ch\xe0o").unwrap_err() {
        Error::AmbiguousEncoding { candidates } => {
            let names: Vec<_> = candidates.iter().map(|c| c.0.as_str()).collect();
            assert!(names.contains(&"vni") && names.contains(&"windows-1258"), "{names:?}");
        }
        e => panic!("{e:?}"),
    }
    // High bytes that spell nothing in any encoding.
    match vanban::parse_bytes(&[0xfe, 0xfd, 0xfc, 0xfb, 0x20, 0xa4, 0xa5, 0xa6, 0xa7, 0x20, 0xbc, 0xbd, 0xbe])
        .unwrap_err()
    {
        Error::UnknownEncoding { candidates } => assert!(candidates.len() >= 3, "{candidates:?}"),
        e => panic!("{e:?}"),
    }
}

#[test]
fn bom_is_skipped_and_spans_point_into_the_bytes() {
    let text = "\u{feff}Đồng chí Nguyễn Văn An - Chủ tịch UBND xã phát biểu.";
    let doc = vanban::parse_bytes(text.as_bytes()).unwrap();
    assert!(doc.input.bom);
    let p = &doc.people[0];
    assert_eq!(p.mentions[0].slice(text).map(|s| s.starts_with("Đồng chí")), Some(true));
}

#[test]
fn size_limit_is_a_typed_error() {
    let parser = Parser::builder().max_input_bytes(10).build();
    let e = parser.parse_bytes(b"0123456789abc").unwrap_err();
    assert_eq!(e, Error::TooLarge { size: 13, limit: 10 });
    // Text is never refused: it is cut, with a diagnostic.
    let doc = parser.parse("Hội nghị sơ kết công tác");
    assert!(doc.diagnostics.iter().any(|d| d.code == "input_truncated"));
}

#[test]
fn empty_and_odd_inputs_parse() {
    for s in ["", " ", "\n\n\n", "-", "(1)", "Đ/c", "các đồng chí:", "Ông", "\u{300}\u{301}", "1/2/3/4/5"] {
        let doc = vanban::parse(s);
        assert!(doc.people.is_empty(), "{s:?}: {:?}", doc.people);
    }
}

#[test]
fn empty_input_reports_what_was_seen() {
    // Nothing was seen: no diacritics, not normalized, no claim about accent-free text.
    for s in ["", " ", "\n\n\n", " \t\r\n \u{a0}\n"] {
        let doc = vanban::parse(s);
        assert!(!doc.input.diacritics, "{s:?}");
        assert_eq!(doc.input.bytes, s.len(), "{s:?}");
        assert!(!doc.diagnostics.iter().any(|d| d.code == "no_diacritics"), "{s:?}");
        let doc = vanban::parse_bytes(s.as_bytes()).unwrap();
        assert!(!doc.input.diacritics, "{s:?}");
    }
    assert!(vanban::parse(" Ủy ban ").input.diacritics);
}

#[test]
fn parser_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Parser>();
    check::<vanban::Document>();
}

#[test]
fn scrambled_diacritics_get_a_diagnostic() {
    use unicode_normalization::UnicodeNormalization;
    let seed = include_str!("../fixtures/hoi-nghi-so-ket-dan-van-2019.txt");
    assert!(!vanban::parse(seed).diagnostics.iter().any(|d| d.code == "scrambled_diacritics"));
    // Give every toned word a second tone on its first vowel: impossible syllables.
    let scrambled: String = seed
        .split(' ')
        .map(|w| {
            let d: String = w.nfd().collect();
            if !d.chars().any(|c| ('\u{300}'..='\u{323}').contains(&c)) {
                return w.to_string();
            }
            match d.find(['a', 'e', 'i', 'o', 'u', 'y']) {
                Some(p) => format!("{}\u{300}{}", &d[..p + 1], &d[p + 1..]).nfc().collect(),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let doc = vanban::parse(&scrambled);
    assert!(doc.diagnostics.iter().any(|d| d.code == "scrambled_diacritics"), "{:?}", doc.diagnostics);
}

/// A table of dates past the recognizer's limit says that only the first ones were read.
#[test]
fn a_table_of_dates_gets_a_diagnostic() {
    let table = "ngày 1/1/2020 ".repeat(2000);
    let doc = vanban::parse(&table);
    assert!(doc.diagnostics.iter().any(|d| d.code == "dates_truncated"), "{:?}", doc.diagnostics);
    let seed = include_str!("../fixtures/hoi-nghi-so-ket-dan-van-2019.txt");
    assert!(!vanban::parse(seed).diagnostics.iter().any(|d| d.code == "dates_truncated"));
}
