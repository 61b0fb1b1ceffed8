//! Formal documents: every span of the header, signature, recipients, minutes and
//! tasks slices the input to the text the model holds (folded spaces), on the
//! composed fixtures and through the renderings a caller may pass (CRLF, tabs to
//! spaces, NFD); and the parts the fixtures were composed to show.

use std::path::Path;
use vanban::{Document, Span, Task};

fn squash(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '|').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn formal_fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("formal-")))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    v
}

/// The span slices `input`, and its text, spaces folded, is `want` (when given).
fn check(file: &str, input: &str, what: &str, s: Span, want: Option<&str>) {
    let got = s.slice(input).unwrap_or_else(|| panic!("{file}: {what} span {s:?} does not slice the input"));
    if let Some(w) = want {
        let nfc = |x: &str| squash(&vanban::normalize::normalize(x, &Default::default()).text);
        assert_eq!(nfc(got), nfc(w), "{file}: {what}");
    }
}

/// For a part joined from lines of one column (an issuer over two lines, a recipient
/// over two lines): the span runs from its first word to its last, and may hold the
/// other column in between.
fn check_ends(file: &str, input: &str, what: &str, s: Span, want: &str) {
    let got = s.slice(input).unwrap_or_else(|| panic!("{file}: {what} span {s:?} does not slice the input"));
    let nfc = |x: &str| squash(&vanban::normalize::normalize(x, &Default::default()).text);
    let (got, want) = (nfc(got), nfc(want));
    let first = want.split(' ').next().unwrap_or("");
    let last = want.rsplit(' ').next().unwrap_or("");
    assert!(got.starts_with(first) && got.ends_with(last), "{file}: {what}: {got:?} for {want:?}");
}

fn check_task(file: &str, input: &str, t: &Task) {
    check(file, input, "task", t.span, None);
    if let Some(a) = &t.agency {
        check(file, input, "agency", a.span, Some(&a.text));
    }
    for p in &t.partners {
        check(file, input, "partner", p.span, Some(&p.text));
    }
    if let Some(d) = &t.deadline {
        check(file, input, "deadline", d.span, Some(&d.text));
    }
    t.subtasks.iter().for_each(|c| check_task(file, input, c));
}

fn check_doc(file: &str, input: &str, d: &Document) {
    if let Some(h) = &d.header {
        check(file, input, "header", h.span, None);
        for t in [&h.place, &h.party_header, &h.addressee].into_iter().flatten() {
            check(file, input, "header text", t.span, Some(&t.text));
        }
        for t in [&h.issuer, &h.parent_issuer, &h.abstract_].into_iter().flatten() {
            check_ends(file, input, "header part", t.span, &t.text);
        }
        if let Some(n) = &h.number {
            check(file, input, "number", n.span, Some(&n.text));
        }
        if let Some(dt) = &h.date {
            check(file, input, "date", dt.span, Some(&dt.text));
        }
    }
    if let Some(s) = &d.signature {
        check(file, input, "signature", s.span, None);
        for t in [&s.title, &s.name].into_iter().flatten() {
            check(file, input, "signature text", t.span, Some(&t.text));
        }
        if let Some(id) = s.signer {
            assert!(id < d.people.len(), "{file}: dangling signer");
        }
    }
    for r in &d.recipients {
        check_ends(file, input, "recipient", r.span, &r.text);
    }
    if let Some(m) = &d.minutes {
        for c in [&m.started, &m.ended].into_iter().flatten() {
            check(file, input, "clock", c.span, Some(&c.text));
        }
        for v in &m.votes {
            check(file, input, "vote", v.span, Some(&v.text));
        }
    }
    if let Some(m) = &d.meeting {
        m.tasks.iter().for_each(|t| check_task(file, input, t));
    }
}

#[test]
fn formal_spans_slice_every_rendering() {
    let parser = vanban::Parser::default();
    let fx = formal_fixtures();
    assert!(fx.len() >= 10);
    for (file, input) in &fx {
        let d = parser.parse(input);
        assert!(d.header.is_some() && d.signature.is_some(), "{file}: no header or signature");
        check_doc(file, input, &d);
        let crlf = input.replace('\n', "\r\n");
        check_doc(file, &crlf, &parser.parse(&crlf));
        let nfd: String = unicode_nfd(input);
        let dn = parser.parse(&nfd);
        check_doc(file, &nfd, &dn);
        assert_eq!(dn.kind, d.kind, "{file}: NFD changes the kind");
        assert_eq!(
            dn.header.as_ref().and_then(|h| h.number.as_ref().map(|n| n.number)),
            d.header.as_ref().and_then(|h| h.number.as_ref().map(|n| n.number)),
            "{file}: NFD changes the number"
        );
    }
}

/// The decomposed rendering (NFD), as some word processors save it.
fn unicode_nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

#[test]
fn composed_documents_yield_their_parts() {
    use vanban::{Authority, DocumentKind, NumberForm};
    let parser = vanban::Parser::default();
    let get = |n: &str| {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(n);
        parser.parse(&std::fs::read_to_string(p).unwrap())
    };
    let d = get("formal-notice-party.txt");
    assert_eq!(d.kind, DocumentKind::Notice);
    let n = d.header.as_ref().unwrap().number.as_ref().unwrap();
    assert_eq!(
        (n.number, n.type_code.as_deref(), n.issuer_code.as_deref(), n.form),
        (Some(45), Some("TB"), Some("HU"), NumberForm::Party)
    );
    let s = d.signature.as_ref().unwrap();
    assert_eq!(s.authorities[0].authority, Authority::OnBehalf);
    assert_eq!(d.people[s.signer.unwrap()].name, "Đỗ Thị Lan");
    assert!(d.recipients.last().unwrap().archive);
    let tasks = &d.meeting.as_ref().unwrap().tasks;
    assert_eq!(
        tasks[1].deadline.as_ref().unwrap().date.as_ref().map(|x| (x.year, x.month, x.day)),
        Some((Some(2024), Some(6), Some(30)))
    );

    let d = get("formal-minutes-state.txt");
    assert_eq!(d.kind, DocumentKind::Minutes);
    let m = d.minutes.as_ref().unwrap();
    assert_eq!(m.started.as_ref().map(|c| c.time.as_str()), Some("19:30"));
    assert_eq!(m.ended.as_ref().map(|c| c.time.as_str()), Some("21:15"));
    assert_eq!(m.attendance.as_ref().map(|a| (a.present, a.total)), Some((Some(14), Some(15))));
    let v = &m.votes[0];
    assert_eq!((v.total, v.for_, v.against, v.abstain, v.percent), (Some(14), Some(13), Some(1), Some(0), Some(92.9)));
    assert_eq!(d.people[m.chair.as_ref().unwrap().person.unwrap()].name, "Hoàng Văn Thành");
    // Two signature columns flattened into one line do not make a person.
    assert!(d.people.iter().all(|p| p.name.split_whitespace().count() <= 3), "{:?}", d.people);

    let d = get("formal-official-letter.txt");
    assert_eq!(d.kind, DocumentKind::OfficialLetter);
    let h = d.header.as_ref().unwrap();
    assert!(h.abstract_.as_ref().unwrap().text.starts_with("V/v "));
    assert_eq!(h.number.as_ref().unwrap().type_code, None);

    let d = get("formal-decision.txt");
    assert_eq!(d.kind, DocumentKind::Decision);
    assert_eq!(d.header.as_ref().unwrap().number.as_ref().unwrap().year, Some(2024));
    assert_eq!(d.header.as_ref().unwrap().issuer.as_ref().unwrap().text, "ỦY BAN NHÂN DÂN THÀNH PHỐ BẢO LÂM");

    let d = get("formal-plan-state.txt");
    assert_eq!(d.kind, DocumentKind::Plan);
    let tasks = &d.meeting.as_ref().unwrap().tasks;
    // The items of "II. NHIỆM VỤ VÀ GIẢI PHÁP", not the parts I., II., III.
    assert_eq!(tasks.iter().map(|t| t.marker.as_str()).collect::<Vec<_>>(), ["1.", "2.", "3."]);
    assert_eq!(tasks[1].agency.as_ref().unwrap().text, "Văn phòng HĐND và UBND xã");
    assert_eq!(tasks[2].subtasks[0].subtasks[0].marker, "+");
}

/// `Document::map_spans` moves every formal span too (for text cut out of a larger file).
#[test]
fn map_spans_moves_the_formal_parts() {
    let parser = vanban::Parser::default();
    for (file, input) in formal_fixtures() {
        let d = parser.parse(&input);
        let padded = format!("{}{input}", "x".repeat(100));
        let mut moved = d.clone();
        moved.map_spans(|s| Span::new(s.start + 100, s.end + 100));
        check_doc(&file, &padded, &moved);
        if let (Some(a), Some(b)) = (&d.signature, &moved.signature) {
            assert_eq!(b.span.start, a.span.start + 100, "{file}");
            for (x, y) in a.co_signers.iter().zip(&b.co_signers) {
                assert_eq!(y.span.start, x.span.start + 100, "{file}");
            }
        }
        if let (Some(a), Some(b)) = (&d.minutes, &moved.minutes) {
            for (x, y) in a.votes.iter().zip(&b.votes) {
                assert_eq!(y.span.start, x.span.start + 100, "{file}");
            }
        }
    }
}

/// The formal vocabulary is a table of the parser's `Lexicon`: a recipients label and a
/// signing prefix added through `LexiconBuilder` are read by a parser built with it,
/// and not by the default parser.
#[test]
fn formal_vocabulary_added_through_the_builder_is_read() {
    use std::sync::Arc;
    use vanban::lexicon::{LexiconBuilder, Table};
    let text = "UBND HUYỆN AN PHÚ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                Số: 12/TB-UBND\tAn Phú, ngày 05 tháng 7 năm 2024\n\n\
                THÔNG BÁO\nKết luận của Chủ tịch UBND huyện\n\n\
                Ngày 03/7/2024, UBND huyện họp bàn kế hoạch thu hoạch lúa.\n\n\
                Nơi gửi:\t\t\t\tTHỪA LỆNH CHỦ TỊCH\n\
                - Các xã, thị trấn;\t\t\tCHÁNH VĂN PHÒNG\n\
                - Lưu: VT.\n\n\
                \t\t\t\t\tNguyễn Văn An\n";
    let lex = LexiconBuilder::with_defaults()
        .add_table(Table::Formal, "Nơi gửi\trecipients\t\t\nThừa lệnh\tsign_prefix\tby_order\t\n")
        .unwrap()
        .build();
    let extended = vanban::Parser::builder().lexicon(Arc::new(lex)).build().parse(text);
    let default = vanban::Parser::default().parse(text);
    check_doc("extended lexicon", text, &extended);
    let sig = extended.signature.as_ref().expect("a signature block");
    let auth = &sig.authorities[0];
    assert_eq!(
        (auth.authority, auth.prefix.as_str(), auth.body.as_str()),
        (vanban::Authority::ByOrder, "THỪA LỆNH", "CHỦ TỊCH")
    );
    assert_eq!(sig.name.as_ref().unwrap().text, "Nguyễn Văn An");
    let recipients: Vec<_> = extended.recipients.iter().map(|r| (r.text.as_str(), r.archive)).collect();
    assert_eq!(recipients, [("Các xã, thị trấn", false), ("Lưu: VT", true)]);
    // The bundled vocabulary knows neither: no tail is read.
    assert!(default.signature.is_none() && default.recipients.is_empty(), "{default:?}");
}

/// Converter shapes of issue 13: a markdown table, the tail's recipients ending at the
/// archive line, stacked authority lines, "T/M." with a period, and the tasks under the
/// heading that assigns them.
#[test]
fn converter_shapes_and_assigned_work() {
    let md = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formal-markdown-table.txt"))
        .unwrap();
    let d = vanban::parse(&md);
    let h = d.header.as_ref().unwrap();
    assert_eq!(h.issuer.as_ref().map(|x| x.text.as_str()), Some("ỦY BAN NHÂN DÂN HUYỆN ĐÔNG KHÊ"));
    assert_eq!(h.place.as_ref().map(|x| x.text.as_str()), Some("Đông Khê"));
    let s = d.signature.as_ref().unwrap();
    assert_eq!(s.authorities[0].body, "CHÁNH VĂN PHÒNG");
    assert_eq!(s.title.as_ref().map(|x| x.text.as_str()), Some("PHÓ CHÁNH VĂN PHÒNG"));
    assert_eq!(d.recipients.len(), 5);
    assert!(d.references.iter().any(|r| r.legal_basis && r.number.as_deref() == Some("41/QĐ-UBND")));

    let t = "ỦY BAN NHÂN DÂN\nTỈNH SƠN NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Số: 31/TB-UBND\nSơn Nam, ngày 02 tháng 4 năm 2025\n\nTHÔNG BÁO\nKết quả kiểm tra\n\n\
             1. Kết quả kiểm tra\n- Các đơn vị cơ bản chấp hành quy định.\n2. Kiến nghị\n\
             Để công tác quản lý được\n2\ntốt hơn, Sở yêu cầu các đơn vị:\n\
             - Tăng cường kiểm tra, giám sát.\n- Bổ sung biển báo tại kho.\n\n\
             Nơi nhận:\n- Các đơn vị;\n- Lưu: VT.\nT/M. ĐOÀN KIỂM TRA\nTL. CHỦ TỊCH\nTRƯỞNG ĐOÀN\nHà Văn Lộc\n\
             Phụ lục\n- Tên công trình: Kho chứa;\n- Chủ đầu tư: Công ty Sơn Hà.\n";
    let d = vanban::parse(t);
    let r: Vec<&str> = d.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(r, ["Các đơn vị", "Lưu: VT"], "the annex's dash lines are no recipients");
    let s = d.signature.unwrap();
    assert_eq!((s.authorities[0].prefix.as_str(), s.authorities[0].body.as_str()), ("T/M.", "ĐOÀN KIỂM TRA"));
    assert_eq!(s.authorities.len(), 2);
    let tasks = &d.meeting.as_ref().unwrap().tasks;
    let got: Vec<(&str, Option<&str>)> =
        tasks.iter().map(|t| (t.text.as_str(), t.section.as_ref().map(|x| x.text.as_str()))).collect();
    assert_eq!(
        got,
        [("Tăng cường kiểm tra, giám sát.", Some("Kiến nghị")), ("Bổ sung biển báo tại kho.", Some("Kiến nghị"))]
    );
}

/// People in forms (issue 13, pattern 7) and a grid of signers with no typed prefix:
/// a name stops at a column gap ("Ông A        Chức vụ: …", two signers' names side
/// by side), the role after "Chức vụ:" is the person's, a company's name is no person,
/// "ĐẠI DIỆN" heads a party's column, every signer of the grid is reported (the top
/// right one as `signer`), an annex after the signature is no part of it, and a type
/// heading that runs on in capitals gives the abstract its first words.
#[test]
fn people_in_forms_and_a_grid_of_signers() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formal-acceptance-grid.txt");
    let d = vanban::parse(&std::fs::read_to_string(path).unwrap());
    let names: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Trần Đức Phường", "Nguyễn Thị Thu Hà", "Lê Văn Hùng", "Đỗ Minh Tuấn"]);
    assert_eq!(d.people[0].roles[0].text, "Phó Giám đốc");
    let h = d.header.as_ref().unwrap();
    assert_eq!(h.doc_type.as_ref().map(|x| x.text.as_str()), Some("BIÊN BẢN"));
    assert_eq!(
        h.abstract_.as_ref().map(|x| x.text.as_str()),
        Some("NGHIỆM THU HOÀN THÀNH HẠNG MỤC CÔNG TRÌNH ĐƯA VÀO SỬ DỤNG")
    );
    let s = d.signature.as_ref().unwrap();
    let a = &s.authorities[0];
    assert_eq!((a.authority, a.prefix.as_str()), (vanban::Authority::Representing, "ĐẠI DIỆN"));
    assert_eq!(a.body, "CÔNG TY CỔ PHẦN XÂY DỰNG HÀ SƠN BÌNH");
    assert_eq!(s.title.as_ref().map(|x| x.text.as_str()), Some("PHÓ GIÁM ĐỐC"));
    assert_eq!(s.name.as_ref().map(|x| x.text.as_str()), Some("Trần Đức Phường"));
    let co: Vec<(&str, &str)> = s
        .co_signers
        .iter()
        .map(|c| (c.title.as_ref().unwrap().text.as_str(), c.name.as_ref().unwrap().text.as_str()))
        .collect();
    assert_eq!(
        co,
        [
            ("GIÁM ĐỐC", "Lê Văn Hùng"),
            ("CHỈ HUY TRƯỞNG CÔNG TRÌNH", "Đỗ Minh Tuấn"),
            ("TRƯỞNG PHÒNG KỸ THUẬT", "Nguyễn Thị Thu Hà")
        ]
    );
    assert_eq!(s.co_signers[0].authorities[0].body, "CÔNG TY TNHH THƯƠNG MẠI LÊ GIA");
    assert!(s.co_signers.iter().all(|c| c.signer.is_some()));

    // A company named like a person is no person; a name ends at a tab.
    let d = vanban::parse("Đoàn làm việc với Công ty cổ phần Khoáng sản Lê Minh Sơn tại mỏ đá.");
    assert!(d.people.is_empty(), "{:?}", d.people);
    let d = vanban::parse(
        "Biên bản kiểm kê kho.\nThành phần gồm:\n- Ông Võ Thanh Bình\tChức vụ: Phó Giám đốc\n- Bà Lê Thị Mai\tChức vụ: Kế toán trưởng\n",
    );
    let got: Vec<(&str, Vec<&str>)> =
        d.people.iter().map(|p| (p.name.as_str(), p.roles.iter().map(|r| r.text.as_str()).collect())).collect();
    assert_eq!(got, [("Võ Thanh Bình", vec!["Phó Giám đốc"]), ("Lê Thị Mai", vec!["Kế toán trưởng"])]);

    // The annex after the signature: its table's cells are no co-signer.
    let t = "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Số: 12/KH-UBND\tAn Phú, ngày 10 tháng 7 năm 2024\n\nKẾ HOẠCH\nKiểm tra kho vật tư\n\n\
             1. Các thôn báo cáo số liệu trước ngày 20/7/2024.\n\n\
             Nơi nhận:\t\t\t\tTM. ỦY BAN NHÂN DÂN\n- Các thôn;\t\t\t\tCHỦ TỊCH\n- Lưu: VT.\n\n\t\t\t\tTrần Văn Quang\n\
             PHỤ LỤC I\nDANH SÁCH KHO\nTT\t\tĐơn vị\t\tĐịa chỉ\n1\t\tHà Nam\t\tThôn Đông\n";
    let d = vanban::parse(t);
    let s = d.signature.as_ref().unwrap();
    assert_eq!(s.name.as_ref().map(|x| x.text.as_str()), Some("Trần Văn Quang"));
    assert!(s.co_signers.is_empty(), "{:?}", s.co_signers);
    assert!(d.people.iter().all(|p| p.name != "Hà Nam"), "{:?}", d.people);

    // A type phrase of the vocabulary that is longer, or a short tail, stays the heading.
    let t = "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY SƠN NAM\nSố 04-CTr/TU\tSơn Nam, ngày 02 tháng 4 năm 2025\n\n\
             CHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nthực hiện Kết luận số 12-KL/TW\n\n1. Nội dung\n";
    let d = vanban::parse(t);
    let h = d.header.as_ref().unwrap();
    assert_eq!(h.doc_type.as_ref().map(|x| x.text.as_str()), Some("CHƯƠNG TRÌNH HÀNH ĐỘNG"));
}

/// A Party programme whose first section heading OCR read "1-" for "I-": the tasks are
/// the items of "II- NHIỆM VỤ", not the aims under "1- MỤC ĐÍCH, YÊU CẦU".
#[test]
fn ocr_one_for_roman_one_over_the_tasks() {
    let t = "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY SƠN NAM\nSố 04-CTr/TU\tSơn Nam, ngày 02 tháng 4 năm 2025\n\n\
             CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận số 12-KL/TW\n\n\
             1- MỤC ĐÍCH, YÊU CẦU\n\n1. Cụ thể hoá và tổ chức thực hiện hiệu quả Kết luận.\n\n\
             2. Xác định rõ trách nhiệm của các cấp uỷ.\n\nII- NHIỆM VỤ CHỦ YẾU\n\n\
             1. Tăng cường sự lãnh đạo của các cấp uỷ đảng đối với công tác bảo vệ môi trường.\n\n\
             2. Các sở, ngành rà soát, hoàn thiện quy hoạch trước ngày 30/6/2025.\n";
    let d = vanban::parse(t);
    let tasks = &d.meeting.as_ref().expect("tasks").tasks;
    let got: Vec<(String, Option<&str>)> = tasks
        .iter()
        .map(|t| (t.text.split(' ').take(3).collect::<Vec<_>>().join(" "), t.section.as_ref().map(|s| s.text.as_str())))
        .collect();
    let section = Some("NHIỆM VỤ CHỦ YẾU");
    assert_eq!(got, [("Tăng cường sự".to_string(), section), ("Các sở, ngành".to_string(), section)]);
}

/// "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" flattened onto one line with single spaces: the
/// authority's head and the deputy's title are split at "PHÓ".
#[test]
fn signing_for_and_the_deputy_title_on_one_line() {
    let t = "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Số: 15/TB-UBND\nAn Phú, ngày 12 tháng 7 năm 2024\n\nTHÔNG BÁO\nLịch tiếp công dân\n\n\
             1. Các thôn niêm yết lịch tiếp công dân.\n2. Văn phòng theo dõi, tổng hợp.\n\n\
             Nơi nhận:\n- Các thôn;\n- Lưu: VT.\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH\nĐinh Văn Khoa\n";
    let d = vanban::parse(t);
    let s = d.signature.as_ref().expect("a signature");
    let a = &s.authorities[0];
    assert_eq!((a.authority, a.prefix.as_str(), a.body.as_str()), (vanban::Authority::SigningFor, "KT.", "CHỦ TỊCH"));
    assert_eq!(s.title.as_ref().map(|x| x.text.as_str()), Some("PHÓ CHỦ TỊCH"));
    assert_eq!(s.name.as_ref().map(|x| x.text.as_str()), Some("Đinh Văn Khoa"));
    let title = s.title.as_ref().unwrap();
    assert_eq!(title.span.slice(t), Some("PHÓ CHỦ TỊCH"));
}

/// A submission (tờ trình) informs and proposes: its numbered parts are no tasks.
#[test]
fn a_submission_assigns_no_tasks() {
    let text = "UBND TỈNH SƠN NAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                SỞ NỘI VỤ                           Độc lập - Tự do - Hạnh phúc\n\
                Số: 12/TTr-SNV                      Sơn Nam, ngày 21 tháng 02 năm 2025\n\n\
                TỜ TRÌNH\nVề việc thông báo kết quả đại hội Hội Cầu lông tỉnh\n\n\
                Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh.\n\n\
                Sau khi rà soát hồ sơ kèm theo Công văn số 02/BC-HCL, Sở Nội vụ báo cáo Chủ tịch Ủy ban nhân dân tỉnh như\nsau:\n\n\
                1. Về thẩm quyền\n\n   Căn cứ Nghị định số 126/2024/NĐ-CP thì Chủ tịch Ủy ban nhân dân tỉnh có thẩm quyền\n\
                thông báo việc tổ chức đại hội của hội.\n\n\
                2. Về thành phần hồ sơ và nhân sự Ban Chấp hành, Chủ\ntịch, Phó Chủ tịch\n\n\
                Hội Cầu lông tỉnh đã tổ chức đại hội theo quy định và nộp đủ hồ sơ. Đại hội đã biểu quyết:\n\n\
                - Số lượng Ban Chấp hành là 11 thành viên; Ban Kiểm tra là 03 thành\nviên.\n\n\
                - Chủ tịch Hội: Ông Lê Văn Tùng.\n\n\
                Nơi nhận:                                   GIÁM ĐỐC\n- Như trên;\n- Lưu: VT.                                   Trần Văn Bình\n";
    let d = vanban::parse(text);
    assert_eq!(d.kind.as_str(), "submission");
    assert!(d.meeting.as_ref().is_none_or(|m| m.tasks.is_empty()), "{:?}", d.meeting);
}
