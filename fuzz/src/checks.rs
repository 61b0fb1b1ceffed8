//! The checks the fuzz targets run, shared with `tests/fuzz_replay.rs` (which includes
//! this file with `#[path]`), so a saved input is judged the same way under libFuzzer
//! and under plain `cargo test`.
//!
//! Each `check_*` function takes the raw fuzz input and panics when an invariant fails.
//! Only `vanban`, `unicode-normalization`, `arbitrary` and `serde_json` are used: the
//! crates both the fuzz crate and the main crate's tests can see.
//!
//! Spans are checked for bounds always, and for character boundaries when the input is
//! UTF-8 (legacy encodings decoded by `parse_bytes` have no character boundaries to
//! check against).

use arbitrary::Unstructured;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};
use vanban::decode::{Encoding, decode, decode_as, repair};
use vanban::normalize::{NormalizeOptions, normalize};
use vanban::{Document, Error, Lexicon, Parser, Span, ToneStyle};

/// The compiled default lexicon, built once per process.
fn lexicon() -> Arc<Lexicon> {
    static LEX: OnceLock<Arc<Lexicon>> = OnceLock::new();
    LEX.get_or_init(|| Arc::new(Lexicon::default())).clone()
}

/// A default parser, built once per process.
pub fn default_parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(|| Parser::builder().lexicon(lexicon()).build())
}

/// The longest prefix of `data` that is valid UTF-8: how every text target reads bytes.
pub fn text_of(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// Every span of `doc`, found twice: through [`Document::map_spans`] and by walking the
/// JSON serialization (every `"span"` and every element of `"mentions"`). The two lists
/// must agree, or a span field is missing from `map_spans` (and a BOM would shift it
/// wrongly).
pub fn all_spans(doc: &Document) -> Vec<Span> {
    let seen = RefCell::new(Vec::new());
    let mut copy = doc.clone();
    copy.map_spans(|s| {
        seen.borrow_mut().push(s);
        s
    });
    let mut via_map = seen.into_inner();
    let json = serde_json::to_value(doc).expect("a Document serializes to JSON");
    let mut via_json = Vec::new();
    walk_json(&json, &mut via_json);
    via_map.sort();
    via_json.sort();
    assert_eq!(via_map, via_json, "Document::map_spans and the JSON disagree on the spans");
    via_json
}

fn span_of(v: &serde_json::Value) -> Option<Span> {
    let a = v.as_array()?;
    if a.len() != 2 {
        return None;
    }
    Some(Span { start: a[0].as_u64()? as usize, end: a[1].as_u64()? as usize })
}

fn walk_json(v: &serde_json::Value, out: &mut Vec<Span>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                match k.as_str() {
                    "span" if !x.is_null() => out.push(span_of(x).unwrap_or_else(|| panic!("bad span {x}"))),
                    "mentions" => {
                        for e in x.as_array().expect("mentions is an array") {
                            out.push(span_of(e).unwrap_or_else(|| panic!("bad mention {e}")));
                        }
                    }
                    _ => walk_json(x, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk_json(x, out)),
        _ => {}
    }
}

/// The document's invariants against the text its spans point into (`input`, for
/// `parse_bytes` the bytes as given, BOM included, when they are UTF-8): every span in
/// bounds, ordered and on character boundaries; every person id valid.
pub fn check_document(doc: &Document, input: &[u8]) {
    let text = std::str::from_utf8(input).ok();
    for s in all_spans(doc) {
        assert!(s.start <= s.end && s.end <= input.len(), "span {s:?} out of bounds (input {} bytes)", input.len());
        if let Some(t) = text {
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end), "span {s:?} splits a character");
        }
    }
    let n = doc.people.len();
    for (i, p) in doc.people.iter().enumerate() {
        assert_eq!(p.id, i, "person id is not its index");
        assert!(!p.name.trim().is_empty(), "person {i} has an empty name");
    }
    let mut ids: Vec<usize> = Vec::new();
    ids.extend(doc.captions.iter().filter_map(|c| c.person));
    if let Some(p) = &doc.publisher {
        ids.extend(p.responsible_person);
    }
    if let Some(s) = &doc.signature {
        ids.extend(s.signer);
    }
    if let Some(m) = &doc.meeting {
        ids.extend(&m.chairs);
        ids.extend(&m.attendees);
        ids.extend(m.speeches.iter().map(|s| s.speaker));
        if let Some(d) = &m.date {
            assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day), "impossible date {d:?}");
        }
    }
    for id in ids {
        assert!(id < n, "person id {id} dangles ({n} people)");
    }
}

/// `parse_bytes` target: arbitrary bytes through [`Parser::parse_bytes`].
pub fn check_parse_bytes(data: &[u8]) {
    check_bytes_with(default_parser(), data, vanban::DEFAULT_MAX_INPUT_BYTES);
}

fn check_bytes_with(parser: &Parser, data: &[u8], limit: usize) {
    match parser.parse_bytes(data) {
        Ok(doc) => {
            assert!(data.len() <= limit, "input over the limit accepted");
            assert_eq!(doc.input.bytes, data.len(), "input.bytes");
            check_document(&doc, data);
        }
        Err(Error::TooLarge { size, limit: l }) => {
            assert!(size == data.len() && l == limit && size > limit, "bad TooLarge {size} {l}");
        }
        Err(e @ Error::InvalidUtf8 { .. }) => {
            let off = e.offset().expect("InvalidUtf8 has an offset");
            assert!(std::str::from_utf8(data).is_err(), "valid UTF-8 refused as invalid: {e}");
            assert!(off <= data.len(), "error offset {off} past the end");
            assert!(!e.to_string().is_empty());
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// `parse_str` target: the UTF-8 prefix of the input through [`Parser::parse`].
pub fn check_parse_str(data: &[u8]) {
    let text = text_of(data);
    let doc = default_parser().parse(text);
    assert_eq!(doc.input.bytes, text.len(), "input.bytes");
    assert!(!doc.diagnostics.iter().any(|d| d.code == "input_truncated"), "truncated under the default limit");
    check_document(&doc, text.as_bytes());
}

/// Parser options as the `parse_options` target draws them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Tone style.
    pub tone: ToneStyle,
    /// `None`, a reference year, or a full reference date (any numbers, valid or not).
    pub reference: Reference,
    /// `max_input_bytes`.
    pub max_input_bytes: usize,
}

/// A reference date as given to the builder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reference {
    /// No reference.
    None,
    /// `reference_year(y)`.
    Year(i32),
    /// `reference_date(y, m, d)`.
    Date(i32, u8, u8),
}

fn tone(u: &mut Unstructured) -> arbitrary::Result<ToneStyle> {
    Ok(*u.choose(&[ToneStyle::Keep, ToneStyle::Old, ToneStyle::New])?)
}

fn year(u: &mut Unstructured) -> arbitrary::Result<i32> {
    Ok(if u.ratio(3, 4)? { u.int_in_range(1900..=2100)? } else { u.arbitrary()? })
}

impl Options {
    /// Draw options from the front of the input; `len` is the size of the rest, so the
    /// limit often falls inside the text.
    pub fn draw(u: &mut Unstructured, len: usize) -> arbitrary::Result<Options> {
        let tone = tone(u)?;
        let reference = match u.int_in_range(0u8..=2)? {
            0 => Reference::None,
            1 => Reference::Year(year(u)?),
            _ => {
                let y = year(u)?;
                if u.ratio(3, 4)? {
                    Reference::Date(y, u.int_in_range(1..=12)?, u.int_in_range(1..=31)?)
                } else {
                    Reference::Date(y, u.arbitrary()?, u.arbitrary()?)
                }
            }
        };
        let max_input_bytes = match u.int_in_range(0u8..=3)? {
            0 => vanban::DEFAULT_MAX_INPUT_BYTES,
            1 => u.int_in_range(0..=len.saturating_add(8))?,
            2 => *u.choose(&[0, 1, 2, 3, usize::MAX])?,
            _ => u.int_in_range(0..=len / 2)?,
        };
        Ok(Options { tone, reference, max_input_bytes })
    }

    /// The parser these options describe (sharing the compiled lexicon).
    pub fn parser(&self) -> Parser {
        let b = Parser::builder().lexicon(lexicon()).tone_style(self.tone).max_input_bytes(self.max_input_bytes);
        match self.reference {
            Reference::None => b,
            Reference::Year(y) => b.reference_year(y),
            Reference::Date(y, m, d) => b.reference_date(y, m, d),
        }
        .build()
    }
}

/// `parse_options` target: options drawn from the first bytes, the rest as text (its
/// UTF-8 prefix through `parse`, the raw bytes through `parse_bytes`). Besides the
/// document checks: the cut at `max_input_bytes` and its diagnostic, and the same spans
/// whatever the tone style.
pub fn check_parse_options(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(opts) = Options::draw(&mut u, data.len()) else { return };
    let rest = u.take_rest();
    let parser = opts.parser();
    let text = text_of(rest);
    let doc = parser.parse(text);
    let mut kept = opts.max_input_bytes.min(text.len());
    while !text.is_char_boundary(kept) {
        kept -= 1;
    }
    let cut = kept < text.len();
    assert_eq!(doc.input.bytes, kept, "input.bytes after the cut ({opts:?})");
    assert_eq!(doc.diagnostics.iter().any(|d| d.code == "input_truncated"), cut, "truncation diagnostic ({opts:?})");
    check_document(&doc, &text.as_bytes()[..kept]);
    if let Some(d) = doc.meeting.as_ref().and_then(|m| m.date.as_ref()).filter(|d| d.year_inferred) {
        assert!(d.year.is_some(), "inferred year missing: {d:?}");
    }
    // "What is extracted does not depend on" the tone style (README): the same spans and
    // people as with the tone kept.
    if opts.tone != ToneStyle::Keep {
        let kept = Options { tone: ToneStyle::Keep, ..opts.clone() }.parser().parse(text);
        assert_eq!(all_spans(&doc), all_spans(&kept), "spans depend on the tone style ({opts:?})");
        assert_eq!(doc.people.len(), kept.people.len(), "people depend on the tone style ({opts:?})");
    }
    check_bytes_with(&parser, rest, opts.max_input_bytes);
}

/// `normalize` target: the tone style from the first byte, the UTF-8 prefix of the rest
/// as text. The output is NFC and a fixed point; the offset map stays in bounds, on
/// character boundaries and monotone.
pub fn check_normalize(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(tone) = tone(&mut u) else { return };
    let input = text_of(u.take_rest());
    let opts = NormalizeOptions { tone };
    let n = normalize(input, &opts);
    assert!(unicode_normalization::is_nfc(&n.text) || has_overlong_run(&n.text), "output is not NFC: {:?}", n.text);
    let again = normalize(&n.text, &opts);
    assert_eq!(again.text, n.text, "normalize is not idempotent ({tone:?})");
    if n.is_identity() {
        assert_eq!(n.text, input, "identity map but the text changed");
    }
    check_map(
        "normalize",
        &n.text,
        input.len(),
        Some(input),
        |o| n.to_input_start(o),
        |o| n.to_input_end(o),
        |a, b| n.to_input(a, b),
    );
}

/// True when `s` has a run of more than 30 non-starters, counted as UAX #15 does (on
/// the canonical decomposition): `normalize` composes such a run only up to the 30th
/// (the Stream-Safe Text Format), so there its output need not be NFC.
fn has_overlong_run(s: &str) -> bool {
    let mut count = 0usize;
    s.chars().any(|c| {
        let (mut n, mut trailing, mut all) = (0, 0, true);
        unicode_normalization::char::decompose_canonical(c, |d| {
            n += 1;
            if unicode_normalization::char::canonical_combining_class(d) == 0 {
                trailing = 0;
                all = false;
            } else {
                trailing += 1;
            }
        });
        count = if all { count + n } else { trailing };
        count > 30
    })
}

/// Check an offset map given as `to_input_start` / `to_input_end` over `text`: every
/// character boundary maps into `0..=len` (onto a character boundary of `input` when it
/// is text), both maps are monotone, and ranges never run backwards.
fn check_map(
    what: &str,
    text: &str,
    len: usize,
    input: Option<&str>,
    start: impl Fn(usize) -> usize,
    end: impl Fn(usize) -> usize,
    range: impl Fn(usize, usize) -> (usize, usize),
) {
    let (mut last_s, mut last_e, mut last_o) = (0, 0, 0);
    for o in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
        let (s, e) = (start(o), end(o));
        for x in [s, e] {
            assert!(x <= len, "{what}: offset {o} maps to {x}, past the input ({len})");
            if let Some(t) = input {
                assert!(t.is_char_boundary(x), "{what}: offset {o} maps to {x}, inside a character");
            }
        }
        assert!(s >= last_s, "{what}: start map not monotone at {o}: {s} < {last_s}");
        assert!(e >= last_e, "{what}: end map not monotone at {o}: {e} < {last_e}");
        let (rs, re) = range(last_o, o);
        assert!(rs <= re && re <= len, "{what}: range {last_o}..{o} maps to {rs}..{re}");
        (last_s, last_e, last_o) = (s, e, o);
    }
}

const ENCODINGS: [Encoding; 7] = [
    Encoding::Utf8,
    Encoding::Utf16Le,
    Encoding::Utf16Be,
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viqr,
    Encoding::Windows1258,
];

/// `decode` target: the bytes through `decode` (detection), `decode_as` one encoding,
/// and their UTF-8 prefix through `repair`. Decoded text maps back into the input in
/// bounds and monotone; legacy encodings give NFC; UTF-8 is kept as it came; the
/// single-byte legacy encodings never fail.
pub fn check_decode(data: &[u8]) {
    let utf8 = std::str::from_utf8(data).ok();
    let check = |what: &str, d: &vanban::decode::Decoded| {
        let input = if d.encoding == Encoding::Utf8 { utf8 } else { None };
        check_map(
            what,
            &d.text,
            data.len(),
            input,
            |o| d.to_input_start(o),
            |o| d.to_input_end(o),
            |a, b| d.to_input(a, b),
        );
        assert!((0.0..=1.0).contains(&d.confidence), "{what}: confidence {}", d.confidence);
        match d.encoding {
            Encoding::Utf8 => {
                let bom = if d.bom { 3 } else { 0 };
                assert_eq!(d.text.as_bytes(), &data[bom..], "{what}: UTF-8 text changed");
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {}
            // VIQR is ASCII; other characters (NFD letters, say) pass through as they are.
            Encoding::Viqr if !data.is_ascii() => {}
            _ => assert!(unicode_normalization::is_nfc(&d.text), "{what}: {} text is not NFC", d.encoding),
        }
    };
    match decode(data) {
        Ok(d) => {
            check("decode", &d);
            if utf8.is_some() && !d.bom {
                assert!(matches!(d.encoding, Encoding::Utf8 | Encoding::Viqr), "valid UTF-8 read as {}", d.encoding);
            }
        }
        Err(e) => {
            // Valid UTF-8 is refused only as binary data (a file signature, or NUL and
            // control bytes in quantity: `decode` checks for binary before any encoding).
            let binary = matches!(e, vanban::decode::DecodeError::Binary { .. });
            assert!(utf8.is_none() || binary, "valid UTF-8 refused: {e}");
            assert!(!e.to_string().is_empty());
        }
    }
    // One forced encoding per input (chosen by its first byte, which stays part of the
    // input): all seven would cost seven decodes per run.
    let enc = ENCODINGS[data.first().map_or(0, |&b| usize::from(b) % ENCODINGS.len())];
    match decode_as(data, enc) {
        Ok(d) => {
            assert_eq!(d.encoding, enc, "decode_as({enc}) says {}", d.encoding);
            check(enc.name(), &d);
        }
        Err(e) => assert!(
            !matches!(enc, Encoding::Tcvn3 | Encoding::Vni | Encoding::Windows1258),
            "decode_as({enc}) failed: {e}"
        ),
    }
    let text = text_of(data);
    if let Some(r) = repair(text) {
        check_map(
            "repair",
            &r.text,
            text.len(),
            Some(text),
            |o| r.to_input_start(o),
            |o| r.to_input_end(o),
            |a, b| r.to_input(a, b),
        );
        assert!((0.0..=1.0).contains(&r.confidence), "repair: confidence {}", r.confidence);
        assert_ne!(r.text, text, "repair changed nothing");
    }
}
