//! Tests of the normalizer.

use super::*;
use proptest::prelude::*;

#[test]
fn truncate_cuts_at_a_character_boundary_and_keeps_the_map() {
    let input = "Hoà\u{a0}bình  Việt Nam";
    let mut n = normalize(input, &NormalizeOptions::default());
    assert!(!n.truncate(100));
    // "Hoà bình V" and a byte into "i": the cut falls back to the boundary.
    let max = "Hoà bình Vi".len() - 1;
    assert!(n.truncate(max));
    assert_eq!(n.text, "Hoà bình V");
    let v = n.text.find('V').unwrap();
    assert_eq!(&input[n.to_input_start(v)..n.to_input_end(v + 1)], "V");
}
use unicode_normalization::char::is_combining_mark;

fn opts(tone: ToneStyle) -> NormalizeOptions {
    NormalizeOptions { tone }
}

fn n(s: &str) -> String {
    normalize(s, &NormalizeOptions::default()).text.into_owned()
}

/// The whole input through the slow path (reference for the fast scan).
fn slow_only(s: &str, tone: ToneStyle) -> Normalized<'_> {
    let mut e = Engine::new(s, tone);
    e.allow_stop = false;
    let end = e.slow(0, 0);
    e.copy_identity(end, end);
    Normalized { text: Cow::Owned(e.out), map: e.map }
}

/// Check the map against input and output: between segments the texts agree.
fn check_map(input: &str, r: &Normalized) {
    let (mut cn, mut ci) = (0, 0);
    for (ns, ne, is, ie) in r.map.edits() {
        assert!(ns >= cn && is >= ci && ns <= ne && is <= ie, "{input:?}");
        assert_eq!(ns - cn, is - ci, "{input:?}");
        assert_eq!(&r.text[cn..ns], &input[ci..is], "{input:?}");
        assert!(input.is_char_boundary(is) && input.is_char_boundary(ie));
        assert!(r.text.is_char_boundary(ns) && r.text.is_char_boundary(ne));
        assert!(ns < ne || is < ie, "empty segment in {input:?}");
        assert_ne!(&r.text[ns..ne], &input[is..ie], "{input:?}");
        (cn, ci) = (ne, ie);
    }
    assert_eq!(r.text.len() - cn, input.len() - ci, "{input:?}");
    assert_eq!(&r.text[cn..], &input[ci..], "{input:?}");
}

#[test]
fn rules() {
    let keep = ToneStyle::Keep;
    let cases: &[(&str, ToneStyle, &str)] = &[
        // NFC
        ("Qua\u{302}\u{323}n", keep, "Quận"),
        ("â\u{323}", keep, "ậ"),
        ("e\u{323}\u{302}", keep, "ệ"),
        ("e\u{302}\u{323}", keep, "ệ"),
        ("ẹ\u{302}", keep, "ệ"),
        ("Bi\u{300}nh", keep, "Bình"),
        ("Nguye\u{302}\u{303}n Va\u{306}n", keep, "Nguyễn Văn"),
        ("Vie\u{323}\u{302}t Nam", keep, "Việt Nam"),
        ("<\u{338}", keep, "≮"),
        ("\u{212B}ngström", keep, "Ångström"),
        // entities
        ("&ecirc;\u{301}", keep, "ế"),
        ("Qu&#7889;c h&#x1ED9;i", keep, "Quốc hội"),
        ("&Ecirc;&agrave; &amp; &lt;b&gt;", keep, "Êà & <b>"),
        ("a&nbsp;b", keep, "a b"),
        ("x &amp y", keep, "x &amp y"),
        ("&amp;lt;", keep, "<"),
        ("&foo; & ;", keep, "&foo; & ;"),
        ("&#146;", keep, "'"),
        ("&#xD800; &#0;", keep, "&#xD800; &#0;"),
        ("&quot;Dân&quot;", keep, "\"Dân\""),
        ("&ndash;&hellip;", keep, "-…"),
        // invisible characters and controls
        ("\u{feff}Số", keep, "Số"),
        ("x\u{200b}y", keep, "xy"),
        ("Hà\u{ad}Nội", keep, "HàNội"),
        ("a\u{1}b\u{7f}c", keep, "abc"),
        ("a\r\nb\rc\u{c}d", keep, "a\nb\nc\nd"),
        ("😀\u{200d}😀", keep, "😀\u{200d}😀"),
        ("a\u{200d}b", keep, "ab"),
        ("a\u{2060}\u{200e}b", keep, "ab"),
        ("a\u{b}b\u{2028}c\u{2029}d", keep, "a\nb\nc\nd"),
        ("a\u{85}b", keep, "a\u{85}b"),
        ("😀\u{200d}\u{200d}😀 \u{200d}😀", keep, "😀\u{200d}😀 😀"),
        // look-alikes
        ("TRƢỜNG Hƣớng", keep, "TRƯỜNG Hướng"),
        ("Trần Hải Ðường ðó", keep, "Trần Hải Đường đó"),
        ("Cộng ѕản", keep, "Cộng sản"),
        ("хác định ngàу", keep, "xác định ngày"),
        ("ᴠăn bản", keep, "văn bản"),
        ("Москва", keep, "Москва"),
        ("ᴠ", keep, "ᴠ"),
        // whitespace
        ("a\u{a0}\u{a0}b", keep, "a b"),
        ("a \t b", keep, "a b"),
        ("  a  \n  b  ", keep, "a\nb"),
        ("a\n\n\nb", keep, "a\n\nb"),
        ("a\n \n \n \nb", keep, "a\n\nb"),
        ("a\n\nb", keep, "a\n\nb"),
        ("\n\na", keep, "\n\na"),
        ("a\u{2003}b\u{3000}c\u{202f}d", keep, "a b c d"),
        ("a \u{200b} b", keep, "a b"),
        // dashes, quotes, full width
        ("Độc lập – Tự do — Hạnh phúc", keep, "Độc lập - Tự do - Hạnh phúc"),
        ("“Dân vận khéo”", keep, "\"Dân vận khéo\""),
        ("‘a’ «b» ″ ′", keep, "'a' \"b\" \" '"),
        ("ＵＢＮＤ　１２", keep, "UBND 12"),
        ("a\u{2212}b\u{2011}c", keep, "a-b-c"),
        ("Vậy…", keep, "Vậy…"),
        // tone style
        ("Tỉnh ủy", ToneStyle::New, "Tỉnh uỷ"),
        ("Tỉnh uỷ", ToneStyle::Old, "Tỉnh ủy"),
        ("HOÀ BÌNH", ToneStyle::Old, "HÒA BÌNH"),
        ("HÒA BÌNH", ToneStyle::New, "HOÀ BÌNH"),
        ("Ủy ban", ToneStyle::New, "Uỷ ban"),
        ("UỶ BAN", ToneStyle::Old, "ỦY BAN"),
        ("Uỷ ban", ToneStyle::Old, "Ủy ban"),
        ("khỏe, thúy, Thụy.", ToneStyle::New, "khoẻ, thuý, Thuỵ."),
        ("khoẻ, thuý, Thuỵ.", ToneStyle::Old, "khỏe, thúy, Thụy."),
        ("hoàn toàn hoạch khuyến suýt huỳnh", ToneStyle::New, "hoàn toàn hoạch khuyến suýt huỳnh"),
        ("hoàn toàn hoạch khuyến suýt huỳnh", ToneStyle::Old, "hoàn toàn hoạch khuyến suýt huỳnh"),
        ("quý quỳ quỹ", ToneStyle::Old, "quý quỳ quỹ"),
        ("quý quỳ quỹ", ToneStyle::New, "quý quỳ quỹ"),
        ("Qúy qùy", ToneStyle::New, "Quý quỳ"),
        ("Qũy", ToneStyle::Old, "Quỹ"),
        ("Thuỷ", ToneStyle::Keep, "Thuỷ"),
        ("Thủy2 hòa-bình", ToneStyle::New, "Thủy2 hoà-bình"),
        ("QÚY", ToneStyle::Old, "QUÝ"),
        ("gì già giữa", ToneStyle::New, "gì già giữa"),
        ("gì già giữa", ToneStyle::Old, "gì già giữa"),
        ("Hòa hoà", keep, "Hòa hoà"),
        ("hò&#97;", ToneStyle::New, "hoà"),
        ("ho\u{300}a", ToneStyle::New, "hoà"),
        ("hoа\u{300}", ToneStyle::Old, "hòa"),
    ];
    for &(input, tone, want) in cases {
        let r = normalize(input, &opts(tone));
        assert_eq!(r.text, want, "{input:?} {tone:?}");
        check_map(input, &r);
        assert_eq!(normalize(&r.text, &opts(tone)).text, r.text, "{input:?}");
    }
    assert!(cases.len() >= 40);
}

#[test]
fn hoan_unchanged_both_ways() {
    for t in [ToneStyle::Old, ToneStyle::New, ToneStyle::Keep] {
        assert!(normalize("hoàn", &opts(t)).is_identity());
    }
}

#[test]
fn clean_text_is_identity() {
    let s = "Sáng 5/7, Ban Thường vụ Huyện ủy tổ chức hội nghị.\nĐồng chí Vũ Đình Minh, Phó Bí thư.\n\nHết.";
    let r = normalize(s, &NormalizeOptions::default());
    assert_eq!(r.text, s);
    assert!(r.is_identity());
    assert_eq!(r.to_input(3, 10), (3, 10));
    assert!(normalize("", &NormalizeOptions::default()).is_identity());
    assert!(!normalize("a  b", &NormalizeOptions::default()).is_identity());
}

#[test]
fn map_offsets() {
    let input = "\u{feff}x\u{200b}y  “Hòa” z \n";
    let r = normalize(input, &opts(ToneStyle::New));
    assert_eq!(r.text, "xy \"Hoà\" z\n");
    // the whole text starts after the BOM and ends at the kept newline
    assert_eq!(r.to_input(0, r.text.len()), (3, input.len()));
    // a deletion: a span starting at y skips the ZWSP, one ending at x stops before it
    assert_eq!(r.to_input_start(1), 7);
    assert_eq!(r.to_input_end(1), 4);
    assert_eq!(&input[r.to_input_start(1)..r.to_input_end(2)], "y");
    // a replaced quote
    let q = r.text.find('"').unwrap();
    assert_eq!(&input[r.to_input(q, q + 1).0..r.to_input(q, q + 1).1], "“");
    // the retoned word maps to the whole input word
    let h = r.text.find("Hoà").unwrap();
    let (s, e) = r.to_input(h, h + "Hoà".len());
    assert_eq!(&input[s..e], "Hòa");
    // inside a replaced region: floor for starts, ceil for ends
    let (s, e) = r.to_input(h + 1, h + 2);
    assert_eq!(&input[s..e], "ò");
    // offsets inside a character are clamped to its boundaries
    let (s, e) = r.to_input(h + 3, h + 3);
    assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
    // past the end
    assert_eq!(r.to_input_start(1000), input.len());
    let z = r.text.find('z').unwrap();
    assert_eq!(r.to_input(z, z + 1), (input.find('z').unwrap(), input.find('z').unwrap() + 1));
}

#[test]
fn map_of_collapsed_spaces() {
    let input = "a\u{a0}\u{a0}b";
    let r = normalize(input, &NormalizeOptions::default());
    assert_eq!(r.map.edits(), vec![(1, 2, 1, 3), (2, 2, 3, 5)]);
    assert_eq!(r.to_input(0, 2), (0, 3));
    assert_eq!(r.to_input(2, 3), (5, 6));
    assert_eq!(r.to_input(1, 2), (1, 3));
}

#[test]
fn nfc_map_is_local() {
    let input = "Quận Bi\u{300}nh Thạnh";
    let r = normalize(input, &NormalizeOptions::default());
    assert_eq!(r.text, "Quận Bình Thạnh");
    let segs = r.map.edits();
    assert_eq!(segs.len(), 1);
    let (ns, ne, is, ie) = segs[0];
    assert_eq!(&r.text[ns..ne], "ì");
    assert_eq!(&input[is..ie], "i\u{300}");
}

/// The 8 combining marks of Vietnamese.
const VI_MARKS: [char; 8] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31b}'];

fn nfc_of(base: char, marks: &[char]) -> String {
    std::iter::once(base).chain(marks.iter().copied()).nfc().collect()
}

fn is_vowel(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if VOWELS.iter().flatten().flatten().any(|&v| v == c))
}

fn permutations(v: &[char]) -> Vec<Vec<char>> {
    if v.len() <= 1 {
        return vec![v.to_vec()];
    }
    let mut all = Vec::new();
    for k in 0..v.len() {
        let mut rest = v.to_vec();
        let c = rest.remove(k);
        for mut p in permutations(&rest) {
            p.insert(0, c);
            all.push(p);
        }
    }
    all
}

#[test]
fn composer_tables_are_consistent() {
    let all: Vec<char> = VOWELS.iter().flatten().flatten().copied().collect();
    assert_eq!(all.len(), 144);
    for (k, &v) in all.iter().enumerate() {
        assert!(!all[..k].contains(&v), "{v} twice");
        assert!(unicode_normalization::is_nfc(&v.to_string()), "{v}");
        assert!(VowelParts::of(v).is_some(), "{v}");
    }
    for (k, c) in (0..0x1C0).chain(0x1EA0..0x1F00).filter_map(char::from_u32).enumerate() {
        assert_eq!(VowelParts::of(c).is_some(), all.contains(&c), "U+{:04X} ({k})", c as u32);
    }
}

/// Every Vietnamese vowel, both cases, from its NFD and from its marks in any
/// order: the composer gives what NFC gives whenever that is one vowel.
#[test]
fn composer_every_vowel_from_nfd() {
    for &v in VOWELS.iter().flatten().flatten() {
        let d: Vec<char> = v.nfd().collect();
        let (base, marks) = d.split_first().unwrap();
        assert_eq!(compose_vowel(*base, marks), Some(v), "{v} from {d:?}");
        assert_eq!(nfc_of(*base, marks), v.to_string());
        for p in permutations(marks) {
            let want = nfc_of(*base, &p);
            match compose_vowel(*base, &p) {
                Some(c) => assert_eq!(c.to_string(), want, "{base} {p:?}"),
                None => assert!(!is_vowel(&want), "{base} {p:?} gives {want}"),
            }
        }
    }
}

#[test]
fn composer_mixed_forms() {
    let cases: &[(char, &[char], Option<char>)] = &[
        ('â', &['\u{323}'], Some('ậ')),
        ('Â', &['\u{323}'], Some('Ậ')),
        ('ạ', &['\u{302}'], Some('ậ')),
        ('ê', &['\u{323}'], Some('ệ')),
        ('ẹ', &['\u{302}'], Some('ệ')),
        ('ô', &['\u{301}'], Some('ố')),
        ('ọ', &['\u{302}'], Some('ộ')),
        ('ơ', &['\u{323}'], Some('ợ')),
        ('Ư', &['\u{300}'], Some('Ừ')),
        ('ă', &['\u{309}'], Some('ẳ')),
        ('ạ', &['\u{306}'], Some('ặ')),
        ('ó', &['\u{31b}'], Some('ớ')),
        ('ụ', &['\u{31b}'], Some('ự')),
        ('o', &['\u{301}', '\u{31b}'], Some('ớ')),
        ('u', &['\u{323}', '\u{31b}'], Some('ự')),
        ('e', &['\u{323}', '\u{302}'], Some('ệ')),
        ('A', &['\u{306}', '\u{303}'], Some('Ẵ')),
        ('i', &['\u{303}'], Some('ĩ')),
        ('Y', &['\u{309}'], Some('Ỷ')),
        // NFC leaves more than one character: the slow path's business.
        ('á', &['\u{302}'], None),
        ('a', &['\u{301}', '\u{302}'], None),
        ('ô', &['\u{31b}'], None),
        ('ạ', &['\u{301}'], None),
        ('a', &['\u{301}', '\u{301}'], None),
        ('a', &['\u{323}', '\u{323}'], None),
        // One character, but not a Vietnamese one: also left to the slow path.
        ('i', &['\u{302}'], None),
        ('u', &['\u{306}'], None),
        ('n', &['\u{303}'], None),
        ('d', &['\u{323}'], None),
        ('a', &['\u{308}'], None),
        ('a', &['\u{300}', '\u{340}'], None),
    ];
    for &(base, marks, want) in cases {
        assert_eq!(compose_vowel(base, marks), want, "{base} {marks:?}");
        if let Some(v) = want {
            assert_eq!(nfc_of(base, marks), v.to_string(), "{base} {marks:?}");
        }
    }
}

/// Every base below U+01C0 or in U+1EA0..U+1EFF, with every sequence of one
/// to three Vietnamese marks: `Some` exactly when NFC gives one Vietnamese
/// vowel, and then the same one.
#[test]
fn composer_agrees_with_nfc_exhaustively() {
    let mut seqs: Vec<Vec<char>> = VI_MARKS.iter().map(|&m| vec![m]).collect();
    for len in 2..=3 {
        let longer: Vec<Vec<char>> = seqs
            .iter()
            .filter(|s| s.len() == len - 1)
            .flat_map(|s| VI_MARKS.iter().map(move |&m| [s.as_slice(), &[m]].concat()))
            .collect();
        seqs.extend(longer);
    }
    assert_eq!(seqs.len(), 8 + 64 + 512);
    let mut some = 0;
    for base in (0x20..0x1C0).chain(0x1EA0..0x1F00).filter_map(char::from_u32) {
        for marks in &seqs {
            let want = nfc_of(base, marks);
            match compose_vowel(base, marks) {
                Some(c) => {
                    assert_eq!(c.to_string(), want, "{base} {marks:?}");
                    some += 1;
                }
                None => assert!(!is_vowel(&want), "{base} {marks:?} gives {want}"),
            }
        }
    }
    assert!(some >= 144, "{some}");
}

/// The fast composer on whole tokens: NFD and mixed Vietnamese is taken, with
/// one map segment per vowel; anything else is left to the slow path.
#[test]
fn composer_tokens() {
    let text = "Ủy ban nhân dân tỉnh Quảng Ngãi: “Tổ chức Hội nghị sơ kết” (lần 2), Nguyễn Văn Được, ĐƯỜNG Hoà-Bình.";
    for form in [text.nfd().collect::<String>(), text.to_string()] {
        for (ts, tok) in form.split(' ').scan(0, |at, t| {
            let ts = *at;
            *at += t.len() + 1;
            Some((ts, t))
        }) {
            // As in the engine: the output so far has the input so far.
            let mut out = form[..ts].to_string();
            let mut map = OffsetMap::default();
            let got = compose_token(&form, ts, &mut out, &mut map);
            let quoted = tok.contains(['“', '”']);
            assert_eq!(got, (!quoted).then_some(ts + tok.len()), "{tok:?}");
            if quoted {
                continue;
            }
            assert_eq!(out[ts..], tok.nfc().collect::<String>());
            let marks = tok.chars().filter(|&c| is_combining_mark(c)).count();
            let vowels = tok.nfc().filter(|&c| VowelParts::of(c).is_some() && !c.is_ascii()).count();
            assert_eq!(map.len(), if marks > 0 { vowels } else { 0 }, "{tok:?}");
            for (ns, ne, is, ie) in map.edits() {
                assert_eq!(form[is..ie].nfc().collect::<String>(), out[ns..ne], "{tok:?}");
                assert!(is >= ts && ie <= ts + tok.len());
            }
        }
    }
    for tok in
        ["n\u{303}", "\u{301}a", "a\u{301}\u{301}", "a\u{308}", "a&amp;", "xа\u{301}", "a\u{301}\u{200b}", "i\u{302}"]
    {
        let mut out = String::new();
        assert_eq!(compose_token(tok, 0, &mut out, &mut OffsetMap::default()), None, "{tok:?}");
    }
}

#[test]
fn fast_composer_map_matches_slow_path() {
    for tone in [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New] {
        for input in [
            "Vie\u{323}\u{302}t Nam ba\u{300}n  ho\u{300}a thu\u{309}y",
            "Ho\u{300}a\nQua\u{302}\u{323}n Bi\u{300}nh Tha\u{323}nh,\u{a0}U\u{309}y ban",
            "\u{301}a e\u{301}\u{301} o\u{31b}\u{301} \u{2013} qu\u{301}y ngu\u{31b}\u{300}\u{1}o\u{31b}i",
            "Ð\u{301}a\u{301} е\u{323}х\u{301}а\u{301} a\u{301}\r\nb",
        ] {
            let r = normalize(input, &opts(tone));
            assert_eq!(r, slow_only(input, tone), "{input:?} {tone:?}");
            check_map(input, &r);
            if tone == ToneStyle::Keep {
                assert!(unicode_normalization::is_nfc(&r.text));
            }
        }
    }
    let r = normalize("Vie\u{323}\u{302}t Nam", &NormalizeOptions::default());
    assert_eq!(r.text, "Việt Nam");
    assert_eq!(r.map.edits(), vec![(2, 5, 2, 7)]);
    assert_eq!(r.to_input(0, r.text.len()), (0, 12));
    assert_eq!(r.to_input(2, 5), (2, 7));
    assert_eq!(r.to_input(5, 6), (7, 8));
}

#[test]
fn many_segments_cross_blocks() {
    let input = "a\u{a0}".repeat(200) + "end";
    let r = normalize(&input, &NormalizeOptions::default());
    assert_eq!(r.text, "a ".repeat(200) + "end");
    check_map(&input, &r);
    for k in 0..200 {
        assert_eq!(r.to_input(2 * k, 2 * k + 1), (3 * k, 3 * k + 1));
        assert_eq!(r.to_input(2 * k + 1, 2 * k + 2), (3 * k + 1, 3 * k + 3));
    }
    let deletions = "\u{200b}".repeat(100) + "x" + &"\u{200b}".repeat(100);
    let r = normalize(&deletions, &NormalizeOptions::default());
    assert_eq!(r.text, "x");
    assert_eq!(r.to_input(0, 1), (300, 301));
}

#[test]
fn nested_entities_settle() {
    for (input, want) in [
        ("&l&#116;;", "<"),
        ("&amp;amp;amp;", "&"),
        ("&#38;#59;", ";"),
        ("&amp&#59;", "&"),
        ("&l&#x200B;t;", "<"),
        ("&аmp;", "&аmp;"),
        ("&amp;аmp;", "&аmp;"),
        ("&#59&#59&#59;", ";"),
        ("＆ｌｔ；", "<"),
        ("&amp\u{37e}", "&"),
    ] {
        let r = n(input);
        assert_eq!(r, want, "{input:?}");
        assert_eq!(n(&r), r, "{input:?}");
    }
}

#[test]
fn long_runs_do_not_recurse() {
    let s = "&#59".repeat(50_000) + ";";
    let r = n(&s);
    assert_eq!(n(&r), r);
    let s = "&".repeat(100_000) + "amp;";
    assert_eq!(n(&s), "&".repeat(100_000));
    let s = "a".to_string() + &"\u{301}".repeat(10_000);
    assert!(unicode_normalization::is_nfc(&n(&s)));
}

/// Past 30 non-starters a run goes through as written (UAX #15 Stream-Safe Text
/// Format): the marks are all kept, in order, and normalizing again changes nothing.
#[test]
fn overlong_runs_are_stream_safe() {
    let tail = "\u{323}".to_string() + &"\u{300}\u{323}".repeat(20) + "b";
    let s = "xa".to_string() + &"\u{301}".repeat(30) + &tail;
    let r = normalize(&s, &opts(ToneStyle::Keep));
    check_map(&s, &r);
    assert_eq!(n(&r.text), r.text);
    assert_eq!(r.text, "xá".to_string() + &"\u{301}".repeat(29) + &tail);
    // Within 30, the run is reordered and composed as NFC has it.
    let s = "a".to_string() + &"\u{301}".repeat(29) + "\u{323}";
    assert_eq!(n(&s), "ạ".to_string() + &"\u{301}".repeat(29));
}

/// Tokens the fast composer refuses are tried once: a long token of quiet
/// grapheme joiners and of refused marks stays linear.
#[test]
fn refused_tokens_are_tried_once() {
    for piece in ["b\u{34f}a\u{301}", "a\u{301}n\u{303}", "a\u{301}\u{34f}", "b\u{34f}"] {
        let s = "x".repeat(100_000) + &piece.repeat(50_000);
        let t = std::time::Instant::now();
        let r = normalize(&s, &NormalizeOptions::default());
        assert_eq!(r.text, s.nfc().collect::<String>());
        assert!(t.elapsed().as_secs() < 30, "{piece:?}");
    }
}

#[test]
fn boundary_shortcut_matches_tables() {
    for u in (0..0x300).chain(0x1E00..0x1F00) {
        let c = char::from_u32(u).unwrap();
        assert_eq!(canonical_combining_class(c), 0, "{u:x}");
        assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{u:x}");
    }
}

/// Every character the byte tables let the inner scan loop skip is one the
/// slow path would leave alone (all of Unicode, keep style).
#[test]
fn scan_tables_skip_only_quiet_characters() {
    let t = ScanTables::for_style(ToneStyle::Keep);
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let enc = c.encode_utf8(&mut buf).as_bytes();
        let lead_flagged = t.cur[usize::from(enc[0])] & 0x80 != 0;
        let pair_flagged = enc.windows(2).any(|p| t.prev[usize::from(p[0])] & t.cur[usize::from(p[1])] != 0);
        if c == ' ' || lead_flagged || pair_flagged {
            continue;
        }
        assert!(!needs_slow(c), "U+{:04X} skipped but may change", c as u32);
        if !c.is_ascii() {
            let text = format!("a{c}a");
            let e = Engine::new(&text, ToneStyle::Keep);
            assert!(e.quiet_at(text.as_bytes(), 1).0, "U+{:04X}", c as u32);
        }
    }
}

/// Every toned vowel that a tone style may move is flagged by its tables.
#[test]
fn scan_tables_flag_toned_vowels() {
    let new = ScanTables::for_style(ToneStyle::New);
    let old = ScanTables::for_style(ToneStyle::Old);
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let Some((base, _, _)) = tone_of(c) else {
            continue;
        };
        let enc = c.encode_utf8(&mut buf).as_bytes();
        if matches!(base, 'o' | 'u') {
            assert_ne!(new.prev[usize::from(enc[enc.len() - 1])] & 0x10, 0, "{c}");
        }
        if matches!(base, 'a' | 'e' | 'y' | 'u') {
            assert_ne!(old.cur[usize::from(enc[0])] & 0x20, 0, "{c}");
        }
    }
    for c in ('\u{C0}'..='\u{27F}').chain('\u{1E00}'..='\u{1EFF}') {
        assert_eq!(needs_slow(c), matches!(c, 'Ð' | 'ð' | 'Ƣ' | 'ƣ'), "{c}");
    }
}

#[test]
fn fast_path_agrees_on_real_text() {
    let text = "Ngày 05/7/2019, UBND huyện   tổ chức Hội nghị sơ kết.\r\n\r\n\r\n  Đ/c Lê Đức Quynh,\u{a0}Phó chủ tịch UBMTTQ huyện; “Tỉnh ủy” – Thủy sản.\n(1) Hòa Bình &amp; Khánh Hòa\t …";
    for t in [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New] {
        let a = normalize(text, &opts(t));
        assert_eq!(a, slow_only(text, t), "{t:?}");
        check_map(text, &a);
    }
}

const PIECES: &[&str] = &[
    "a",
    "e",
    "o",
    "u",
    "y",
    "i",
    "q",
    "g",
    "h",
    "n",
    "t",
    "x",
    "l",
    "m",
    "p",
    "A",
    "O",
    "U",
    "Y",
    "Q",
    "Đ",
    "đ",
    "ư",
    "ơ",
    "â",
    "ê",
    "ô",
    "ă",
    "à",
    "á",
    "ả",
    "ã",
    "ạ",
    "ò",
    "ó",
    "ỏ",
    "ọ",
    "ù",
    "ú",
    "ủ",
    "ũ",
    "ụ",
    "è",
    "é",
    "ẹ",
    "ỳ",
    "ý",
    "ỷ",
    "ỵ",
    "Ò",
    "Ủ",
    "À",
    "Ỷ",
    "\u{300}",
    "\u{301}",
    "\u{303}",
    "\u{309}",
    "\u{323}",
    "\u{302}",
    "\u{306}",
    "\u{31b}",
    "\u{338}",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    "\r",
    "\u{a0}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{ad}",
    "\u{1}",
    "–",
    "—",
    "“",
    "”",
    "‘",
    "&",
    ";",
    "#",
    "1",
    "5",
    "9",
    "0",
    "<",
    ".",
    ",",
    "а",
    "о",
    "у",
    "ѕ",
    "х",
    "М",
    "ᴠ",
    "Ð",
    "ƣ",
    "😀",
    "ａ",
    "＆",
    "；",
    "\u{37e}",
    "\u{212b}",
    "\u{2000}",
    "\u{3000}",
    "&amp;",
    "&lt;",
    "&#x1EC7;",
    "&ecirc;",
    "&nbsp;",
    "&#59;",
    "&#38;",
    "&#x200B;",
    "&#x301;",
    "hoà",
    "hòa",
    "ủy",
    "uỷ",
    "quý",
    "qúy",
    "Tỉnh",
    "Ban",
    "nhân",
    "dân",
    "  ",
    "\n\n\n",
    "\r\n",
    "Quận",
    "khỏe",
    "&a",
    "mp",
    "&l",
    "t;",
    "&#",
    "x3",
    "B;",
    "amp",
    "lt",
    "&#1",
    "16;",
    "аmp",
    "&#x",
    "của",
    "cuối",
    "Ưu",
    "ã",
    "ễ",
    "ự",
    "Ꮎ",
    "ᄀ",
    "\u{1161}",
    "中",
    "\u{1f468}",
];

/// Letters, vowels in several forms, marks and a little punctuation.
const VI_ALPHABET: &[&str] = &[
    "a", "e", "i", "o", "u", "y", "A", "E", "O", "U", "Y", "b", "c", "d", "g", "h", "n", "q", "t", "x", "N", "T", "đ",
    "Đ", "â", "ê", "ô", "ơ", "ư", "ă", "Â", "Ơ", "Ư", "Ă", "á", "ạ", "ở", "Ữ", "ệ", "ỵ", "\u{300}", "\u{301}",
    "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31b}", "\u{301}", "\u{323}", "\u{302}", "\u{31b}",
    "\u{308}", "\u{340}", "\u{338}", "\u{34f}", "\u{1dc4}", ",", ".", "-", "(", ")", "&",
];

fn viet() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn any_tone() -> impl Strategy<Value = ToneStyle> {
    prop::sample::select(vec![ToneStyle::Keep, ToneStyle::Old, ToneStyle::New])
}

fn check_all(input: &str, tone: ToneStyle) -> Result<(), TestCaseError> {
    let r = normalize(input, &opts(tone));
    // NFC and idempotent
    prop_assert!(unicode_normalization::is_nfc(&r.text), "not NFC: {:?}", r.text);
    let again = normalize(&r.text, &opts(tone));
    prop_assert_eq!(&again.text, &r.text, "not idempotent on {:?}", input);
    prop_assert!(again.is_identity());
    // same as running everything through the slow path
    prop_assert_eq!(&r, &slow_only(input, tone), "fast path differs on {:?}", input);
    // the map is exact
    check_map(input, &r);
    prop_assert_eq!(r.is_identity(), r.text == input);
    // offsets: char boundaries, monotone
    let (mut ls, mut le) = (0, 0);
    let bounds = r.text.char_indices().map(|(i, _)| i).chain([r.text.len()]);
    for o in bounds {
        let (s, e) = (r.to_input_start(o), r.to_input_end(o));
        prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        prop_assert!(s >= ls && e >= le, "not monotone at {} in {:?}", o, input);
        (ls, le) = (s, e);
    }
    // unchanged stretches map to identical input
    let segs = r.map.edits();
    let b: Vec<usize> = r.text.char_indices().map(|(i, _)| i).chain([r.text.len()]).collect();
    for (x, &a) in b.iter().enumerate() {
        for &z in &b[x + 1..(x + 6).min(b.len())] {
            let touched = segs.iter().any(|&(ns, ne, _, _)| ns < z && ne > a);
            if !touched {
                let (s, e) = r.to_input(a, z);
                prop_assert_eq!(&input[s..e], &r.text[a..z]);
            }
        }
    }
    Ok(())
}

/// 2000 cases, or `PROPTEST_CASES` when set.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok());
    ProptestConfig::with_cases(cases.unwrap_or(2000))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn prop_compose_run_is_nfc(base in prop::sample::select(vec!['a', 'e', 'o', 'u', 'y', 'A', 'i', 'U', 'z', 'â', 'ê', 'ơ', 'ư', 'ạ', '<', ' ']),
                               marks in prop::collection::vec(
                                   prop::sample::select((0x300u32..=0x36F).chain([0x1DC0, 0x20D0, 0x302A, 0x1AB0, 0x0F73]).collect::<Vec<_>>()), 0..6)) {
        let mut run = vec![Item { c: base, s: 0, e: 1 }];
        run.extend(marks.iter().map(|&m| Item { c: char::from_u32(m).unwrap(), s: 1, e: 2 }));
        let mut out = Vec::new();
        compose_run(&run, &mut out);
        let got: String = out.iter().map(|it| it.c).collect();
        let want: String = run.iter().map(|it| it.c).nfc().collect();
        prop_assert_eq!(got, want);
    }

    /// The fast composer against `.nfc()` on random strings of Vietnamese
    /// letters and combining marks (and a few other marks): a token it takes
    /// is the NFC of the input, with one exact map segment per vowel; the
    /// whole text is normalized to its NFC, as the slow path alone would.
    #[test]
    fn prop_fast_composer_is_nfc(tokens in prop::collection::vec(
                                     prop::collection::vec(prop::sample::select(VI_ALPHABET), 1..12), 1..8),
                                 tone in any_tone()) {
        let tokens: Vec<String> = tokens.into_iter().map(|t| t.concat()).collect();
        let text = tokens.join(" ");
        let mut ts = 0;
        for tok in &tokens {
            let mut out = text[..ts].to_string();
            let mut map = OffsetMap::default();
            if let Some(te) = compose_token(&text, ts, &mut out, &mut map) {
                prop_assert_eq!(te, ts + tok.len());
                prop_assert_eq!(&out[ts..], tok.nfc().collect::<String>());
                for (ns, ne, is, ie) in map.edits() {
                    prop_assert_eq!(text[is..ie].nfc().collect::<String>(), &out[ns..ne]);
                    prop_assert!(is >= ts && ie <= te);
                }
            }
            ts += tok.len() + 1;
        }
        let r = normalize(&text, &opts(ToneStyle::Keep));
        prop_assert_eq!(&r.text, &text.nfc().collect::<String>());
        check_all(&text, tone)?;
    }

    /// Vietnamese vowels written in any canonically equivalent way (NFC, NFD,
    /// partly composed, marks in another order) are all taken by the fast
    /// composer, and give NFC.
    #[test]
    fn prop_fast_composer_takes_vietnamese(syllables in prop::collection::vec(
                                               (prop::sample::select(&["", "b", "ng", "Th", "qu", "đ", "Đ", "gi", "tr"][..]),
                                                0..144usize, 0..4usize, 0..6usize,
                                                prop::sample::select(&["", "n", "c", "nh", "ng", "t", "i", "u", "o"][..])), 1..10)) {
        let vowels: Vec<char> = VOWELS.iter().flatten().flatten().copied().collect();
        let mut text = String::new();
        for (onset, v, split, order, coda) in syllables {
            let d: Vec<char> = vowels[v].nfd().collect();
            let split = split.min(d.len() - 1);
            let base = nfc_of(d[0], &d[1..=split]);
            let rest: Vec<Vec<char>> =
                permutations(&d[split + 1..]).into_iter().filter(|p| nfc_of(d[0], &[&d[1..=split], &p[..]].concat()) == vowels[v].to_string()).collect();
            text.push_str(onset);
            text.push_str(&base);
            text.extend(&rest[order % rest.len()]);
            text.push_str(coda);
        }
        let mut out = String::new();
        let mut map = OffsetMap::default();
        prop_assert_eq!(compose_token(&text, 0, &mut out, &mut map), Some(text.len()));
        prop_assert_eq!(&out, &text.nfc().collect::<String>());
        for (ns, ne, is, ie) in map.edits() {
            prop_assert_eq!(text[is..ie].nfc().collect::<String>(), &out[ns..ne]);
        }
        check_all(&text, ToneStyle::Keep)?;
    }

    #[test]
    fn prop_vietnamese_like(s in viet(), tone in any_tone()) {
        check_all(&s, tone)?;
    }

    #[test]
    fn prop_arbitrary(s in any::<String>(), tone in any_tone()) {
        check_all(&s, tone)?;
    }

    #[test]
    fn prop_ascii_words_survive(words in prop::collection::vec("[a-zA-Z]{1,8}", 1..10),
                                seps in prop::collection::vec(prop::sample::select(
                                    vec![" ", "\u{a0}", "  ", "\u{200b} ", " – ", "\n\n\n", "\t"]), 10)) {
        let mut s = String::new();
        for (w, sep) in words.iter().zip(seps.iter().cycle()) {
            s.push_str(w);
            s.push_str(sep);
        }
        let r = normalize(&s, &NormalizeOptions::default());
        let mut from = 0;
        for w in &words {
            let at = from + r.text[from..].find(w.as_str()).unwrap();
            let (a, b) = r.to_input(at, at + w.len());
            prop_assert_eq!(&s[a..b], w.as_str());
            from = at + w.len();
        }
    }
}

#[test]
#[ignore = "timing sanity check; run with --release -- --ignored"]
fn timing() {
    let text = "Sáng nay, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết.\n".repeat(300_000);
    let t = std::time::Instant::now();
    let r = normalize(&text, &NormalizeOptions::default());
    let secs = t.elapsed().as_secs_f64();
    assert!(r.is_identity());
    eprintln!("{:.0} MB/s", text.len() as f64 / secs / 1e6);
}

/// A word whose run of marks goes past 30 keeps its tone marks where they are: moving
/// the dot of "oạ" to the "o" (old style) let the "a" take the acute, which moved where
/// the next pass cut the run, so normalizing twice differed (found by the fuzzer).
#[test]
fn overlong_runs_are_not_retoned() {
    let s = "đoạ".to_string() + &"\u{301}".repeat(11) + "\u{0}\u{11}" + &"\u{301}".repeat(18) + "\u{32b}\u{301}\u{301}";
    for tone in [ToneStyle::Old, ToneStyle::New, ToneStyle::Keep] {
        let once = normalize(&s, &opts(tone));
        check_map(&s, &once);
        assert_eq!(normalize(&once.text, &opts(tone)).text, once.text, "{tone:?}");
        assert!(once.text.starts_with("đoạ\u{301}"), "{tone:?}: {:?}", once.text);
    }
}

#[test]
fn column_gaps_are_tabs_and_runs_of_five_spaces() {
    let input = "Ông A B   C     Chức vụ: X\tY\nZ      \n      W";
    let r = normalize(input, &NormalizeOptions::default());
    assert_eq!(r.text, "Ông A B C Chức vụ: X Y\nZ\nW");
    let gaps: Vec<&str> = r.column_gaps(input).iter().map(|&g| &r.text[g as usize + 1..]).collect();
    // Before "Chức" (five spaces) and "Y" (a tab); not the three spaces before "C", nor
    // the spaces at a line's end or start.
    assert_eq!(gaps.iter().map(|s| &s[..1]).collect::<Vec<_>>(), ["C", "Y"]);
    assert!(gaps[0].starts_with("Chức"));
    assert!(normalize("Ông A B", &NormalizeOptions::default()).column_gaps("Ông A B").is_empty());
}
