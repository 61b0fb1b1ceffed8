//! Tests of the decoders, detection, repair and the encoders, and of the tables
//! against second sources.

use super::detect::*;
use super::legacy::*;
use super::viqr::*;
use super::*;
use crate::spelling::code_pages::*;
use crate::spelling::syllable::tests::syllables;
use crate::spelling::syllable::*;
use crate::spelling::vowels::*;
use unicode_normalization::UnicodeNormalization;

/// `char_ranges` walks the map once and gives what `range_of` gives per character.
#[test]
fn char_ranges_agree_with_range_of() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..200 {
        let n = 1 + round * 7;
        let bytes: Vec<u8> = (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        let viqr = String::from_utf8_lossy(&bytes).replace('\u{fffd}', "a^'");
        let mut maps = vec![decode_viqr(&viqr)];
        for e in LEGACY {
            maps.push(decode_raw(&bytes, e));
        }
        let mut le = vec![0xFF, 0xFE];
        le.extend_from_slice(&bytes);
        maps.push(decode_utf16(&le, true));
        for (text, map) in &maps {
            let want: Vec<_> = text
                .char_indices()
                .map(|(o, c)| {
                    let (s, e) = map.range_of(text, o, c.len_utf8());
                    (o, c, s, e)
                })
                .collect();
            let got: Vec<_> = map.char_ranges(text).collect();
            assert_eq!(got, want, "{bytes:?}");
        }
    }
}

use proptest::prelude::*;

// ----- Second-source tables -------------------------------------------------------

/// GNU libiconv `tcvn.h`, `tcvn_2uni_2[0x20..]`: TCVN 5712 bytes 0xA0..=0xFF.
const LIBICONV_TCVN_A0: [u32; 96] = [
    0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0,
    0x0111, 0x1eb0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1,
    0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, 0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab,
    0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, 0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec,
    0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, 0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3,
    0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9, 0x1ed6, 0x1ee7, 0x0169, 0x00fa,
    0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

/// VNI bytes per letter, from VBKey's table (MacRoman-rendered, re-encoded).
const VBKEY_VNI: [(&[u8], char); 134] = [
    (b"a\xf8", 'à'),
    (b"a\xf9", 'á'),
    (b"a\xfb", 'ả'),
    (b"a\xf5", 'ã'),
    (b"a\xef", 'ạ'),
    (b"a\xe2", 'â'),
    (b"a\xe0", 'ầ'),
    (b"a\xe1", 'ấ'),
    (b"a\xe5", 'ẩ'),
    (b"a\xe3", 'ẫ'),
    (b"a\xe4", 'ậ'),
    (b"a\xea", 'ă'),
    (b"a\xe8", 'ằ'),
    (b"a\xe9", 'ắ'),
    (b"a\xfa", 'ẳ'),
    (b"a\xfc", 'ẵ'),
    (b"a\xeb", 'ặ'),
    (b"\xf1", 'đ'),
    (b"e\xf8", 'è'),
    (b"e\xf9", 'é'),
    (b"e\xfb", 'ẻ'),
    (b"e\xf5", 'ẽ'),
    (b"e\xef", 'ẹ'),
    (b"e\xe2", 'ê'),
    (b"e\xe0", 'ề'),
    (b"e\xe1", 'ế'),
    (b"e\xe5", 'ể'),
    (b"e\xe3", 'ễ'),
    (b"e\xe4", 'ệ'),
    (b"\xec", 'ì'),
    (b"\xed", 'í'),
    (b"\xe6", 'ỉ'),
    (b"\xf3", 'ĩ'),
    (b"\xf2", 'ị'),
    (b"o\xf8", 'ò'),
    (b"o\xf9", 'ó'),
    (b"o\xfb", 'ỏ'),
    (b"o\xf5", 'õ'),
    (b"o\xef", 'ọ'),
    (b"o\xe2", 'ô'),
    (b"o\xe0", 'ồ'),
    (b"o\xe1", 'ố'),
    (b"o\xe5", 'ổ'),
    (b"o\xe3", 'ỗ'),
    (b"o\xe4", 'ộ'),
    (b"\xf4", 'ơ'),
    (b"\xf4\xf8", 'ờ'),
    (b"\xf4\xf9", 'ớ'),
    (b"\xf4\xfb", 'ở'),
    (b"\xf4\xf5", 'ỡ'),
    (b"\xf4\xef", 'ợ'),
    (b"u\xf8", 'ù'),
    (b"u\xf9", 'ú'),
    (b"u\xfb", 'ủ'),
    (b"u\xf5", 'ũ'),
    (b"u\xef", 'ụ'),
    (b"\xf6", 'ư'),
    (b"\xf6\xf8", 'ừ'),
    (b"\xf6\xf9", 'ứ'),
    (b"\xf6\xfb", 'ử'),
    (b"\xf6\xf5", 'ữ'),
    (b"\xf6\xef", 'ự'),
    (b"y\xf8", 'ỳ'),
    (b"y\xf9", 'ý'),
    (b"y\xfb", 'ỷ'),
    (b"y\xf5", 'ỹ'),
    (b"\xee", 'ỵ'),
    (b"A\xd8", 'À'),
    (b"A\xd9", 'Á'),
    (b"A\xdb", 'Ả'),
    (b"A\xd5", 'Ã'),
    (b"A\xcf", 'Ạ'),
    (b"A\xc2", 'Â'),
    (b"A\xc0", 'Ầ'),
    (b"A\xc1", 'Ấ'),
    (b"A\xc5", 'Ẩ'),
    (b"A\xc3", 'Ẫ'),
    (b"A\xc4", 'Ậ'),
    (b"A\xca", 'Ă'),
    (b"A\xc8", 'Ằ'),
    (b"A\xc9", 'Ắ'),
    (b"A\xda", 'Ẳ'),
    (b"A\xdc", 'Ẵ'),
    (b"A\xcb", 'Ặ'),
    (b"\xd1", 'Đ'),
    (b"E\xd8", 'È'),
    (b"E\xd9", 'É'),
    (b"E\xdb", 'Ẻ'),
    (b"E\xd5", 'Ẽ'),
    (b"E\xcf", 'Ẹ'),
    (b"E\xc2", 'Ê'),
    (b"E\xc0", 'Ề'),
    (b"E\xc1", 'Ế'),
    (b"E\xc5", 'Ể'),
    (b"E\xc3", 'Ễ'),
    (b"E\xc4", 'Ệ'),
    (b"\xcc", 'Ì'),
    (b"\xcd", 'Í'),
    (b"\xc6", 'Ỉ'),
    (b"\xd3", 'Ĩ'),
    (b"\xd2", 'Ị'),
    (b"O\xd8", 'Ò'),
    (b"O\xd9", 'Ó'),
    (b"O\xdb", 'Ỏ'),
    (b"O\xd5", 'Õ'),
    (b"O\xcf", 'Ọ'),
    (b"O\xc2", 'Ô'),
    (b"O\xc0", 'Ồ'),
    (b"O\xc1", 'Ố'),
    (b"O\xc5", 'Ổ'),
    (b"O\xc3", 'Ỗ'),
    (b"O\xc4", 'Ộ'),
    (b"\xd4", 'Ơ'),
    (b"\xd4\xd8", 'Ờ'),
    (b"\xd4\xd9", 'Ớ'),
    (b"\xd4\xdb", 'Ở'),
    (b"\xd4\xd5", 'Ỡ'),
    (b"\xd4\xcf", 'Ợ'),
    (b"U\xd8", 'Ù'),
    (b"U\xd9", 'Ú'),
    (b"U\xdb", 'Ủ'),
    (b"U\xd5", 'Ũ'),
    (b"U\xcf", 'Ụ'),
    (b"\xd6", 'Ư'),
    (b"\xd6\xd8", 'Ừ'),
    (b"\xd6\xd9", 'Ứ'),
    (b"\xd6\xdb", 'Ử'),
    (b"\xd6\xd5", 'Ữ'),
    (b"\xd6\xcf", 'Ự'),
    (b"Y\xd8", 'Ỳ'),
    (b"Y\xd9", 'Ý'),
    (b"Y\xdb", 'Ỷ'),
    (b"Y\xd5", 'Ỹ'),
    (b"\xce", 'Ỵ'),
];
#[test]
fn tcvn3_table_matches_libiconv() {
    for (i, &cp) in LIBICONV_TCVN_A0.iter().enumerate() {
        assert_eq!(TCVN3_HIGH[0x20 + i] as u32, cp, "byte {:#x}", 0xA0 + i);
    }
    // 0x80..=0x9F are CP1252 punctuation in the VN3 (.VnTime) layout.
    assert_eq!(decode_as(b"\x93Hi\x94 \x96 \x85", Encoding::Tcvn3).unwrap().text, "“Hi” – …");
}

#[test]
fn tcvn3_encoder_covers_every_letter_with_vn3_codes() {
    // Every lower-case letter has a VN3 code (0xA8..=0xFE, never a VN2 extra).
    let vn2_extra = [0xAF, 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xCD];
    for (lower, upper) in VOWELS[0].iter().zip(&VOWELS[1]) {
        for (&c, &up) in lower.iter().zip(upper) {
            let b = encode_tcvn3(&c.to_string());
            assert_eq!(b.len(), 1, "{c}");
            assert!(b[0] < 0x80 || (b[0] >= 0xA8 && !vn2_extra.contains(&b[0])), "{c}: {:#x}", b[0]);
            assert_eq!(decode_as(&b, Encoding::Tcvn3).unwrap().text, c.to_string());
            let up = up.to_string();
            assert_eq!(decode_as(&encode_tcvn3(&up), Encoding::Tcvn3).unwrap().text, up);
        }
    }
}

#[test]
fn vni_matches_vbkey_table() {
    for (bytes, c) in VBKEY_VNI {
        let d = decode_as(bytes, Encoding::Vni).unwrap();
        assert_eq!(d.text, c.to_string(), "{bytes:x?}");
        assert_eq!(encode_vni(&c.to_string()), bytes.to_vec(), "{c}");
        assert_eq!(d.to_input(0, d.text.len()), (0, bytes.len()));
    }
    // Lower-case accent bytes after an upper-case base, and the three-byte form.
    assert_eq!(decode_as(b"A\xf9 a\xe2\xf9 A\xca\xd8", Encoding::Vni).unwrap().text, "Á ấ Ằ");
}

// ----- Offsets --------------------------------------------------------------------

#[test]
fn offsets_with_bom_and_utf16() {
    let d = decode("\u{feff}Hà Nội".as_bytes()).unwrap();
    assert!(d.bom);
    assert_eq!((d.encoding, d.text.as_str()), (Encoding::Utf8, "Hà Nội"));
    assert_eq!(d.to_input_start(0), 3);
    assert_eq!(d.to_input(1, 3), (4, 6)); // "à"
    assert_eq!(d.to_input(2, 2), (4, 4)); // empty, inside "à": floor
    assert_eq!(d.to_input_end(d.text.len()), 3 + "Hà Nội".len());

    let mut b = vec![0xFF, 0xFE];
    for u in "Hà 😀".encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    let d = decode(&b).unwrap();
    assert_eq!((d.encoding, d.text.as_str(), d.bom), (Encoding::Utf16Le, "Hà 😀", true));
    assert_eq!(d.to_input(1, 3), (4, 6));
    assert_eq!(d.to_input(4, 8), (8, 12));
    let mut b = vec![0xFE, 0xFF];
    for u in "Việt".encode_utf16() {
        b.extend_from_slice(&u.to_be_bytes());
    }
    assert_eq!(decode(&b).unwrap().text, "Việt");
    // A lone surrogate and an odd trailing byte become U+FFFD.
    let d = decode_as(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x42], Encoding::Utf16Le).unwrap();
    assert_eq!(d.text, "\u{FFFD}A\u{FFFD}");
    assert_eq!(d.to_input(3, 4), (4, 6));
    assert_eq!(d.to_input(4, 7), (6, 7));
}

#[test]
fn offsets_for_legacy_sequences() {
    // TCVN3 capital pair "A¸" is one letter from two bytes.
    let d = decode_as(b"\xa7A\xb6NG", Encoding::Tcvn3).unwrap();
    assert_eq!(d.text, "ĐẢNG");
    assert_eq!(d.to_input(0, 2), (0, 1));
    assert_eq!(d.to_input(2, 5), (1, 3));
    assert_eq!(d.to_input(5, 7), (3, 5));
    // VIQR: "ngu+o+`i" → "người".
    let d = decode_as(b"ngu+o+`i", Encoding::Viqr).unwrap();
    assert_eq!(d.text, "người");
    assert_eq!(d.to_input(2, 4), (2, 4)); // ư ← "u+"
    assert_eq!(d.to_input(4, 7), (4, 7)); // ờ ← "o+`"
    // VIQR behind a BOM.
    let d = decode_as(b"\xef\xbb\xbfdda^`u", Encoding::Viqr).unwrap();
    assert_eq!((d.text.as_str(), d.bom), ("đầu", true));
    assert_eq!(d.to_input(0, 2), (3, 5));
    assert_eq!(d.to_input(2, 5), (5, 8));
    // CP1258 stray combining marks are normalised, keeping the map.
    let d = decode_as(b"q\xec\xf2 x", Encoding::Windows1258).unwrap();
    assert_eq!(d.text, "q\u{323}\u{301} x");
    assert_eq!(d.to_input(0, 5), (0, 3));
    assert_eq!(d.to_input(5, 7), (3, 5));
    let d = decode_as(b"a\xec\xf2", Encoding::Windows1258).unwrap();
    assert_eq!(d.text, "á\u{323}".nfc().collect::<String>());
    assert_eq!(d.to_input(0, d.text.len()), (0, 3));
}

#[test]
fn map_is_compact() {
    let text = "Uỷ ban nhân dân tỉnh Bình Định tổ chức hội nghị. ".repeat(200);
    let d = decode_as(&encode_tcvn3(&text), Encoding::Tcvn3).unwrap();
    assert!(d.map.runs.len() < d.text.chars().count() / 50, "{} runs", d.map.runs.len());
    let d = decode_as(&encode_vni(&text), Encoding::Vni).unwrap();
    assert!(d.map.runs.len() < d.text.chars().count() / 50, "{} runs", d.map.runs.len());
    let d = decode(text.as_bytes()).unwrap();
    assert!(d.map.runs.is_empty());
}

// ----- Detection ------------------------------------------------------------------

const PARAGRAPHS: [&str; 4] = [
    "Sáng ngày 05/7/2019, Ban Dân vận Huyện ủy tổ chức Hội nghị sơ kết công tác dân vận 6 tháng đầu năm. \
     Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Huyện ủy chủ trì hội nghị. Tham dự có các đồng chí \
     trong Ban Thường vụ Huyện ủy, lãnh đạo Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện.",
    "Hội nghị đã nghe báo cáo kết quả thực hiện nhiệm vụ và thảo luận, đóng góp nhiều ý kiến. Phát biểu kết \
     luận, đồng chí Bí thư yêu cầu các cấp ủy, chính quyền tiếp tục đổi mới nội dung, phương thức hoạt động, \
     gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân.",
    "UỶ BAN NHÂN DÂN TỈNH BÌNH ĐỊNH. Thực hiện Quyết định số 1234/QĐ-UBND ngày 12 tháng 3 năm 2021, Sở Tài \
     chính phối hợp với các sở, ban, ngành liên quan rà soát, tổng hợp và báo cáo Uỷ ban nhân dân tỉnh trước \
     ngày 30 tháng 6. Giữa năm, người lao động được bảo đảm quyền lợi; nhiều khó khăn đã được khắc phục.",
    "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ, bảo đảm chất lượng, tiến độ. \
     Văn phòng Chính phủ theo dõi, đôn đốc và tổng hợp tình hình thực hiện, báo cáo Thủ tướng những vấn đề \
     vượt thẩm quyền. Khuya hôm ấy, trời mưa rất to nhưng các chiến sĩ vẫn trực ở trạm.",
];

#[test]
fn decode_detects_each_encoding() {
    for p in PARAGRAPHS {
        let cases: [(Encoding, Vec<u8>); 5] = [
            (Encoding::Tcvn3, encode_tcvn3(p)),
            (Encoding::Vni, encode_vni(p)),
            (Encoding::Viqr, encode_viqr(p).into_bytes()),
            (Encoding::Windows1258, encode_cp1258(p)),
            (Encoding::Utf8, p.as_bytes().to_vec()),
        ];
        for (enc, bytes) in cases {
            let d = decode(&bytes).unwrap_or_else(|e| panic!("{enc}: {e}"));
            assert_eq!(d.encoding, enc, "{p}");
            assert_eq!(d.text, p, "{enc}");
            assert!(d.confidence >= 0.9, "{enc}: {}", d.confidence);
        }
    }
}

#[test]
fn decode_keeps_ascii_and_reports_errors() {
    for s in [
        "Viet Nam",
        "Uy ban nhan dan tinh Binh Dinh to chuc hoi nghi.",
        "The quick brown fox jumps over the lazy dog. I'm sure you're right, isn't it? e.g. data(x) a+b",
        "",
    ] {
        let d = decode(s.as_bytes()).unwrap();
        assert_eq!((d.encoding, d.text.as_str(), d.confidence), (Encoding::Utf8, s, 1.0));
    }
    // UTF-8 with a broken byte.
    let mut b = PARAGRAPHS[0].as_bytes().to_vec();
    b[30] = 0xFF;
    match decode(&b) {
        Err(DecodeError::InvalidUtf8 { offset, .. }) => assert!(offset <= 30),
        other => panic!("{other:?}"),
    }
    match decode(b"\xef\xbb\xbfabc\xc3") {
        Err(e @ DecodeError::InvalidUtf8 { offset: 6, .. }) => assert!(e.to_string().contains("byte 6")),
        other => panic!("{other:?}"),
    }
    // Binary noise is no Vietnamese.
    let noise: Vec<u8> = (0..400u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    assert!(matches!(decode(&noise), Err(DecodeError::Binary { signature: None, .. })));
    // Two letters that read the same in VNI and CP1258 ("chào": 0xE0 is à in both).
    match decode(b"ch\xe0o") {
        Err(DecodeError::Ambiguous { candidates }) => {
            let names: Vec<_> = candidates.iter().map(|c| c.0).collect();
            assert!(names.contains(&Encoding::Vni) && names.contains(&Encoding::Windows1258), "{names:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(DecodeError::Ambiguous { candidates: vec![(Encoding::Vni, 1.0)] }.to_string().contains("vni 1.00"));
}

#[test]
fn decode_reads_real_world_tcvn3_samples() {
    let bytes: Vec<u8> = "Uû ban nh©n d©n tØnh. Ban ChÊp hµnh Trung \u{ad}¬ng §¶ng. Hµ Néi, ngµy 28 th¸ng 5 n¨m 2019"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let d = decode(&bytes).unwrap();
    assert_eq!(d.encoding, Encoding::Tcvn3);
    assert_eq!(d.text, "Uỷ ban nhân dân tỉnh. Ban Chấp hành Trung ương Đảng. Hà Nội, ngày 28 tháng 5 năm 2019");
    let heading: Vec<u8> = "HéI NGHÞ S¥ KÕT".chars().map(|c| c as u32 as u8).collect();
    assert_eq!(decode_as(&heading, Encoding::Tcvn3).unwrap().text, "HỘI NGHỊ SƠ KẾT");
}

#[test]
fn viqr_punctuation_rules() {
    let t = |s: &str| decode_as(s.as_bytes(), Encoding::Viqr).unwrap().text;
    assert_eq!(t("Vie^.t Nam."), "Việt Nam.");
    assert_eq!(t("Anh ddi. Em o+?."), "Anh đi. Em ở.");
    assert_eq!(t("Anh bi. ddau"), "Anh bị đau");
    assert_eq!(t("Ba.n co' khoe? kho^ng?"), "Bạn có khoẻ không?");
    assert_eq!(t("ddi dda^u?"), "đi đâu?");
    assert_eq!(t("the boys' toys"), "the boys' toys");
    assert_eq!(t("HDDND xa~"), "HĐND xã");
    assert_eq!(t("C:\\Windows \\\\ x\\."), "C:\\Windows \\ x.");
    // Strict (RFC) mode once the text escapes a mark.
    assert_eq!(t("Anh bi.\\. Em ddi."), "Anh bị. Em đị");
}

// ----- Repair ---------------------------------------------------------------------

#[test]
fn repair_fixes_and_leaves_alone() {
    let r = repair("Ä‘Æ°á»ng Nguyá»…n TrÃ£i").unwrap(); // 0x9D of "ờ" lost
    assert_eq!(r.text, "đường Nguyễn Trãi");
    assert_eq!(r.from, "cp1252-mojibake");
    let r = repair("Viá»\u{87}t Nam").unwrap(); // Latin-1 shows 0x87 as a C1 control
    assert_eq!((r.text.as_str(), r.from), ("Việt Nam", "latin1-mojibake"));
    let r = repair("Ä\u{fffd}á»\u{9d}i sá»‘ng").unwrap(); // U+FFFD for the undefined 0x90
    assert_eq!(r.text, "Đời sống");
    let r = repair("Sè 11-HD/VPTW, Hµ Néi, ngµy 28 th¸ng 5").unwrap();
    assert_eq!((r.text.as_str(), r.from), ("Số 11-HD/VPTW, Hà Nội, ngày 28 tháng 5", "tcvn3"));
    assert_eq!(r.to_input(0, 4), (0, 3)); // "Số" ← "Sè"
    // Mixed text: the Unicode part stays, only clear TCVN3 chunks change.
    let r = repair("Hà Nội là thủ đô. Uû ban nh©n d©n").unwrap();
    assert_eq!(r.text, "Hà Nội là thủ đô. Uỷ ban nhân dân");
    for s in [
        "Hà Nội",
        "plain ASCII",
        "Ủy ban nhân dân tỉnh Bình Định",
        "Café José Müller",
        "«Hà Nội» – “Huế”",
        "* Môt số những vi phạm", // a typo, not TCVN3 ("Mụt")
    ] {
        assert!(repair(s).is_none(), "{s}");
    }
}

/// Clean Unicode text with a stray symbol whose byte is a letter in TCVN3 or VNI ("®" is
/// "Đ", "µ" is "à", "©" is "â") is never read as a legacy text: the reading is decided on
/// the whole text, not on one chunk (issue 12: "xe BMW®" became "BMWĐ", tcvn3, 1.00).
#[test]
fn repair_leaves_clean_text_with_stray_symbols_alone() {
    for s in [
        "Ông Trần Văn Bình mua xe BMW® X5 mới tại Đà Nẵng.",
        "Hệ thống MMI® và động cơ TFSI® được nâng cấp toàn diện.",
        "Xe BMW® X5",
        "MMI®",
        "Bản quyền © 2024 Cổng thông tin điện tử huyện. Copyright©Báo Điện tử",
        "Nhiệt độ 25°C, độ ẩm 80%, sai số ±5%, hạt bụi 5µm, tăng ¼ so với năm trước.",
        "Đường kính 5µm, nồng độ 3µg/ml; Điều 5 §2; giá ½ triệu đồng ®",
        "The sensor counts 5µm particles and costs £20 ® Nokia® Lumia.",
        "Sản phẩm Café® của Công ty Müller GmbH đạt chuẩn ISO 9001:2015™.",
    ] {
        assert!(repair(s).is_none(), "{s}: {:?}", repair(s).map(|r| (r.text, r.from)));
    }
    // Legacy text keeps being repaired, short or mixed with Unicode.
    for (s, want, from) in [
        ("Hµ Néi", "Hà Nội", "tcvn3"),
        ("H§ND x· Yªn B¸i", "HĐND xã Yên Bái", "tcvn3"),
        ("Uû ban nh©n d©n huyÖn häp phiªn th\u{AD}êng kú", "Uỷ ban nhân dân huyện họp phiên thường kỳ", "tcvn3"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn", "vni"),
        ("Thông báo của huyện. Uû ban nh©n d©n tØnh", "Thông báo của huyện. Uỷ ban nhân dân tỉnh", "tcvn3"),
    ] {
        let r = repair(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!((r.text.as_str(), r.from), (want, from), "{s}");
    }
}

// ----- Properties -----------------------------------------------------------------

fn capitalise(w: &str, mode: u8) -> String {
    match mode {
        0 => w.to_string(),
        1 => {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
        _ => w.to_uppercase(),
    }
}

/// Paragraphs of valid syllables, mixed case, punctuation, ending with a full stop.
fn paragraph(min: usize) -> impl Strategy<Value = String> {
    let words = syllables();
    proptest::collection::vec((0..words.len(), 0u8..6, 0usize..10), min..min + 40).prop_map(move |v| {
        let mut s = String::new();
        for (k, (w, case, punct)) in v.into_iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            if punct == 9 {
                s.push('“');
            }
            s.push_str(&capitalise(words[w], case.saturating_sub(3)));
            s.push_str(match punct {
                0 => ".",
                1 => ",",
                2 => ";",
                3 => ":",
                9 => "”",
                _ => "",
            });
        }
        s.push('.');
        s
    })
}

fn letter_soup() -> impl Strategy<Value = String> {
    let letters: Vec<char> =
        VOWELS.iter().flatten().flatten().copied().chain("đĐbcdghklmnpqrstvx .,".chars()).collect();
    proptest::collection::vec(0..letters.len(), 0..60).prop_map(move |v| v.into_iter().map(|i| letters[i]).collect())
}

fn check_map(d: &Decoded, input_len: usize) {
    let mut last = 0;
    for (o, c) in d.text.char_indices() {
        let (s, e) = d.to_input(o, o + c.len_utf8());
        assert!(last <= s && s <= e && e <= input_len, "{c:?} at {o}: {s}..{e} (last {last})");
        last = s;
    }
    assert_eq!(d.to_input_start(d.text.len()), input_len);
}

/// Every character maps to exactly the bytes its encoder writes for it.
fn check_exact_map(d: &Decoded, input: &[u8], one: impl Fn(char) -> Vec<u8>) {
    for (o, c) in d.text.char_indices() {
        let (s, e) = d.to_input(o, o + c.len_utf8());
        assert_eq!(&input[s..e], &one(c)[..], "{c:?} at {o} ({}): {s}..{e}", d.encoding);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn round_trip_syllable_text(p in paragraph(5)) {
        let nfc: String = p.nfc().collect();
        let ascii_quotes = nfc.replace(['“', '”'], "\"");
        let viqr = encode_viqr(&ascii_quotes).into_bytes();
        let d = decode_as(&viqr, Encoding::Viqr).unwrap();
        prop_assert_eq!(&d.text, &ascii_quotes);
        check_exact_map(&d, &viqr, |c| encode_viqr(&c.to_string()).into_bytes());
        for (enc, bytes, one) in [
            (Encoding::Tcvn3, encode_tcvn3(&p), encode_tcvn3 as fn(&str) -> Vec<u8>),
            (Encoding::Vni, encode_vni(&p), encode_vni),
            (Encoding::Windows1258, encode_cp1258(&p), encode_cp1258),
        ] {
            let d = decode_as(&bytes, enc).unwrap();
            prop_assert_eq!(&d.text, &nfc, "{}", enc);
            check_map(&d, bytes.len());
            check_exact_map(&d, &bytes, |c| one(&c.to_string()));
        }
    }

    #[test]
    fn round_trip_letter_soup(p in letter_soup()) {
        for (enc, bytes) in [(Encoding::Vni, encode_vni(&p)), (Encoding::Windows1258, encode_cp1258(&p))] {
            let d = decode_as(&bytes, enc).unwrap();
            prop_assert_eq!(&d.text, &p, "{}", enc);
            check_map(&d, bytes.len());
        }
    }

    #[test]
    fn detection_picks_the_encoding(p in paragraph(40)) {
        for (enc, bytes) in [
            (Encoding::Tcvn3, encode_tcvn3(&p)),
            (Encoding::Vni, encode_vni(&p)),
            (Encoding::Viqr, encode_viqr(&p.replace(['“', '”'], "\"")).into_bytes()),
            (Encoding::Windows1258, encode_cp1258(&p)),
            (Encoding::Utf8, p.as_bytes().to_vec()),
        ] {
            let p = if enc == Encoding::Viqr { p.replace(['“', '”'], "\"") } else { p.clone() };
            let d = decode(&bytes);
            prop_assert!(d.is_ok(), "{}: {:?}", enc, d);
            let d = d.unwrap();
            prop_assert_eq!(d.encoding, enc);
            prop_assert_eq!(&d.text, &p);
        }
    }

    #[test]
    fn valid_vietnamese_is_never_repaired(p in paragraph(1)) {
        prop_assert!(repair(&p).is_none(), "{:?}", repair(&p).map(|r| r.text));
    }

    #[test]
    fn valid_vietnamese_with_a_stray_symbol_is_never_repaired(
        p in paragraph(5),
        at in 0usize..1000,
        sym in prop::sample::select(vec!['®', '©', '°', '±', 'µ', '¼', '½', '§', '²', '·', '¹', 'ª', 'º', '£', '¥', '¤', '¦', '¨', '¯', '´', '¸']),
    ) {
        // The symbol glued to the end of one word.
        let ends: Vec<usize> = p.match_indices(' ').map(|(i, _)| i).collect();
        let i = ends.get(at % ends.len().max(1)).copied().unwrap_or(p.len() - 1);
        // ("Ã" or "Â" then a symbol of U+00A0..U+00BF is exactly what UTF-8 read as
        // cp1252 makes of "ã", "£" and the like: mojibake, not a stray symbol.)
        let after_lead = p[..i].ends_with(['Â', 'Ã']) && ('\u{a0}'..='\u{bf}').contains(&sym);
        prop_assume!(!after_lead);
        let s = format!("{}{sym}{}", &p[..i], &p[i..]);
        prop_assert!(repair(&s).is_none(), "{}: {:?}", s, repair(&s).map(|r| r.text));
    }

    #[test]
    fn mojibake_is_repaired(p in paragraph(1)) {
        let broken = to_cp1252_mojibake(&p);
        // Clear evidence: a letter beyond Latin-1, or a lower-case Latin-1 letter but "à"
        // (capitals and "à" end in 0x80..=0xA0, which valid text can hold after Â/Ã).
        let strong = p.chars().any(|c| (c as u32) > 0xFF || (c.is_lowercase() && !c.is_ascii() && c != 'à'));
        let r = repair(&broken);
        if strong {
            prop_assert!(r.is_some(), "{}", broken);
            let r = r.unwrap();
            prop_assert_eq!(&r.text, &p);
            let mut last = 0;
            for (o, c) in r.text.char_indices() {
                let (s, e) = r.to_input(o, o + c.len_utf8());
                prop_assert!(last <= s && s <= e && e <= broken.len());
                last = s;
            }
        }
    }

    #[test]
    fn any_bytes_decode_without_panic(b in proptest::collection::vec(any::<u8>(), 0..300)) {
        for enc in [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258, Encoding::Utf16Le, Encoding::Utf16Be] {
            let d = decode_as(&b, enc).unwrap();
            check_map(&d, b.len());
            prop_assert!(unicode_normalization::is_nfc(&d.text) || matches!(enc, Encoding::Utf16Le | Encoding::Utf16Be));
        }
        if let Ok(d) = decode(&b) {
            check_map(&d, b.len());
        }
        let s = String::from_utf8_lossy(&b);
        let _ = repair(&s);
        let _ = vietnamese_score(&s);
    }
}
