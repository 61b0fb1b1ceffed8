//! Errors are typed and say where; text input is never refused.

use vanban::{Error, Parser};

#[test]
fn invalid_utf8_names_the_offset() {
    let e = vanban::parse_bytes(b"Ban D\xE2n").unwrap_err();
    assert!(matches!(e, Error::InvalidUtf8 { offset: 5, .. }), "{e:?}");
    assert!(e.to_string().contains("byte offset 5"));
}

#[test]
fn truncated_character_is_reported() {
    let e = vanban::parse_bytes("Hội".as_bytes()[..2].as_ref()).unwrap_err();
    assert_eq!(e.offset(), Some(1));
    assert!(e.to_string().contains("ends inside"));
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
fn parser_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Parser>();
    check::<vanban::Document>();
}
