//! One test per form that issue 4 lists, each on a short composed text (invented names,
//! news or minutes phrasing). The assertions state what a correct parse yields; a test
//! the library does not pass yet is `#[ignore]`d with what it does instead.

use vanban::PeriodKind;
use vanban::{Document, Meeting, Person, SpeechKind, TimeOfDay};

// ---------------------------------------------------------------- helpers

fn parse(text: &str) -> Document {
    vanban::parse(text)
}

/// (name, [role as written]) of every person, in document order.
fn people(d: &Document) -> Vec<(String, Vec<String>)> {
    d.people.iter().map(|p| (p.name.clone(), p.roles.iter().map(|r| r.text.clone()).collect())).collect()
}

fn assert_people(text: &str, want: &[(&str, &[&str])]) {
    let want: Vec<(String, Vec<String>)> =
        want.iter().map(|(n, r)| (n.to_string(), r.iter().map(|x| x.to_string()).collect())).collect();
    assert_eq!(people(&parse(text)), want, "{text}");
}

fn names(d: &Document) -> Vec<&str> {
    d.people.iter().map(|p| p.name.as_str()).collect()
}

fn person<'a>(d: &'a Document, name: &str) -> &'a Person {
    d.people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no person {name}: {:?}", people(d)))
}

fn meeting(d: &Document) -> &Meeting {
    d.meeting.as_ref().expect("a meeting")
}

/// Expansion of the only role of the only person.
fn expanded(text: &str) -> (String, Option<String>) {
    let d = parse(text);
    assert_eq!(d.people.len(), 1, "{text}: {:?}", people(&d));
    let roles = &d.people[0].roles;
    assert_eq!(roles.len(), 1, "{text}: {:?}", people(&d));
    (roles[0].text.clone(), roles[0].expanded.clone())
}

/// (year, month, day, year_inferred) of the meeting date.
fn date(d: &Document) -> Option<(Option<i32>, u8, u8, bool)> {
    meeting(d).date.as_ref().map(|x| (x.year, x.month, x.day, x.year_inferred))
}

/// (year, month, day) of the meeting date, part of day, clock time.
type When = (Option<(Option<i32>, u8, u8)>, Option<TimeOfDay>, Option<String>);

/// The meeting date of `text` with its part of day and clock time.
fn when(text: &str) -> When {
    let d = parse(text);
    let m = meeting(&d);
    (m.date.as_ref().map(|x| (x.year, x.month, x.day)), m.time_of_day, m.time.clone())
}

fn no_meeting_date(text: &str) {
    let d = parse(text);
    let got = meeting(&d).date.as_ref().map(|x| x.text.clone());
    assert_eq!(got, None, "{text}");
}

fn has_diagnostic(d: &Document, code: &str) -> bool {
    d.diagnostics.iter().any(|x| x.code == code)
}

/// (kind, year, end_year, months, quarter, term) of the meeting's period.
type PeriodShape = (PeriodKind, Option<i32>, Option<i32>, Option<u8>, Option<u8>, Option<u32>);

fn period(text: &str) -> Option<PeriodShape> {
    let d = parse(text);
    meeting(&d).period.as_ref().map(|p| (p.kind, p.year, p.end_year, p.months, p.quarter, p.term))
}

fn kind(text: &str) -> Option<String> {
    meeting(&parse(text)).kind.clone()
}

fn chairs(d: &Document) -> Vec<&str> {
    meeting(d).chairs.iter().map(|&i| d.people[i].name.as_str()).collect()
}

fn speeches(d: &Document) -> Vec<(&str, SpeechKind)> {
    meeting(d).speeches.iter().map(|s| (d.people[s.speaker].name.as_str(), s.kind)).collect()
}

/// (marker, number, text, level) of every task.
fn tasks(d: &Document) -> Vec<(String, Option<u32>, String, u8)> {
    meeting(d)
        .tasks
        .iter()
        .flat_map(|t| t.flatten())
        .map(|t| (t.marker.clone(), t.number, t.text.clone(), t.level))
        .collect()
}

fn task_texts(d: &Document) -> Vec<&str> {
    meeting(d).tasks.iter().flat_map(|t| t.flatten()).map(|t| t.text.as_str()).collect()
}

fn author(text: &str) -> Option<String> {
    parse(text).author.map(|a| a.text)
}

const CONCLUDES: &str = "Sáng 8/7/2024, UBND huyện tổ chức hội nghị giao ban. Kết luận hội nghị, \
                         đồng chí Nguyễn Văn An, Chủ tịch UBND huyện yêu cầu:\n";

// ---------------------------------------------------------------- people: separators

#[test]
fn person_name_spaced_hyphen_role() {
    assert_people(
        "Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND huyện phát biểu tại hội nghị.",
        &[("Nguyễn Văn An", &["Phó Chủ tịch UBND huyện"])],
    );
}

#[test]
fn person_name_en_dash_role() {
    assert_people(
        "Đồng chí Trần Thị Hoa – Trưởng Ban Tuyên giáo Huyện ủy trình bày báo cáo.",
        &[("Trần Thị Hoa", &["Trưởng Ban Tuyên giáo Huyện ủy"])],
    );
}

#[test]
fn person_name_glued_hyphen_role() {
    assert_people(
        "Tham dự có đồng chí Lê Minh Tâm-Bí thư Đảng ủy xã Tân Phú.",
        &[("Lê Minh Tâm", &["Bí thư Đảng ủy xã Tân Phú"])],
    );
}

#[test]
fn person_name_comma_roles() {
    assert_people(
        "Đồng chí Phạm Quốc Bảo, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy dự và phát biểu.",
        &[("Phạm Quốc Bảo", &["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"])],
    );
}

#[test]
fn person_name_slash_role() {
    assert_people(
        "Ông Hoàng Văn Dũng/Giám đốc Sở Tài chính báo cáo tình hình thu ngân sách.",
        &[("Hoàng Văn Dũng", &["Giám đốc Sở Tài chính"])],
    );
}

#[test]
fn person_roles_separated_by_slash() {
    assert_people(
        "Đồng chí Vi Thị Hằng, HUV/Bí thư Đảng ủy xã Tân Lập phát biểu.",
        &[("Vi Thị Hằng", &["HUV", "Bí thư Đảng ủy xã Tân Lập"])],
    );
}

#[test]
fn person_name_role_without_separator() {
    assert_people(
        "Đồng chí Đinh Văn Khải Phó Chủ tịch UBND tỉnh phát biểu chỉ đạo hội nghị.",
        &[("Đinh Văn Khải", &["Phó Chủ tịch UBND tỉnh"])],
    );
}

#[test]
fn person_honorific_abbreviated() {
    let d = parse("Đ/c Lương Văn Tú, Phó Chủ tịch UBND huyện dự hội nghị.");
    assert_eq!(people(&d), [("Lương Văn Tú".to_string(), vec!["Phó Chủ tịch UBND huyện".to_string()])]);
    assert_eq!(d.people[0].honorifics, ["đồng chí"]);
}

#[test]
fn person_with_rank() {
    // Ranks are honorifics and, as the dev-set schema has it, roles as written too.
    let d = parse("Đại tá Trần Minh Trang, Giám đốc Công an tỉnh báo cáo tình hình an ninh trật tự.");
    assert_eq!(
        people(&d),
        [("Trần Minh Trang".to_string(), vec!["Đại tá".to_string(), "Giám đốc Công an tỉnh".to_string()])]
    );
    assert_eq!(d.people[0].honorifics, ["Đại tá"]);
}

#[test]
fn person_with_degree() {
    let d = parse("PGS.TS Nguyễn Văn Khoa, Hiệu trưởng Trường Đại học Nông Lâm trình bày tham luận.");
    let p = &people(&d)[0];
    assert_eq!(p.0, "Nguyễn Văn Khoa");
    // The degree is an honorific and a role as written; the position stops before the verb.
    assert_eq!(p.1.last().map(String::as_str), Some("Hiệu trưởng Trường Đại học Nông Lâm"), "{p:?}");
    let hon = d.people[0].honorifics.join(" ");
    assert!(hon.contains("PGS") && hon.contains("TS"), "{hon}");
}

// ---------------------------------------------------------------- people: roles before the name

#[test]
fn roles_before_name() {
    assert_people(
        "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Bùi Minh Châu phát biểu khai mạc hội nghị.",
        &[("Bùi Minh Châu", &["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"])],
    );
}

#[test]
fn place_between_role_and_name() {
    let text = "Chủ tịch UBND huyện Hàm Yên Vũ Đình Hưng cho biết, huyện đã hoàn thành 12/15 chỉ tiêu.";
    assert_people(text, &[("Vũ Đình Hưng", &["Chủ tịch UBND huyện Hàm Yên"])]);
    let d = parse(text);
    assert_eq!(d.people[0].roles[0].organization.as_deref(), Some("UBND huyện Hàm Yên"));
}

#[test]
fn role_dash_name() {
    assert_people(
        "Bí thư Huyện ủy Tháp Mười – Nguyễn Văn Vũ Minh phát biểu kết luận hội nghị.",
        &[("Nguyễn Văn Vũ Minh", &["Bí thư Huyện ủy Tháp Mười"])],
    );
}

// ---------------------------------------------------------------- people: lists

#[test]
fn comrades_list_with_semicolons() {
    assert_people(
        "Dự hội nghị có các đồng chí: Lại Văn Nguyên, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; \
         Đỗ Minh Tuấn, Phó Chủ tịch UBND tỉnh.",
        &[
            ("Lại Văn Nguyên", &["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
            ("Đỗ Minh Tuấn", &["Phó Chủ tịch UBND tỉnh"]),
        ],
    );
}

#[test]
fn one_title_shared_by_a_list() {
    assert_people(
        "Cùng dự có các Phó Thủ tướng: Trần Hồng Phúc, Lê Thành Nam, Hồ Đức Phong.",
        &[
            ("Trần Hồng Phúc", &["Phó Thủ tướng"]),
            ("Lê Thành Nam", &["Phó Thủ tướng"]),
            ("Hồ Đức Phong", &["Phó Thủ tướng"]),
        ],
    );
}

#[test]
fn minutes_ong_ba_lists() {
    let text = "BIÊN BẢN HỌP\n\nThành phần tham dự:\n\
                Các ông: Nguyễn Văn Sơn, Chủ tịch UBND xã; Lê Văn Hải, Phó Chủ tịch UBND xã.\n\
                Bà: Trần Thị Lan, Chủ tịch Hội Liên hiệp Phụ nữ xã.\n";
    let d = parse(text);
    assert_eq!(
        people(&d),
        [
            ("Nguyễn Văn Sơn".to_string(), vec!["Chủ tịch UBND xã".to_string()]),
            ("Lê Văn Hải".to_string(), vec!["Phó Chủ tịch UBND xã".to_string()]),
            ("Trần Thị Lan".to_string(), vec!["Chủ tịch Hội Liên hiệp Phụ nữ xã".to_string()]),
        ]
    );
    let hon: Vec<&[String]> = d.people.iter().map(|p| p.honorifics.as_slice()).collect();
    assert_eq!(hon, [&["ông".to_string()][..], &["ông".to_string()][..], &["bà".to_string()][..]]);
}

// ---------------------------------------------------------------- people: name shapes

#[test]
fn two_syllable_name() {
    assert_people(
        "Đồng chí Tạ Hùng, Chánh Văn phòng Huyện ủy dự hội nghị.",
        &[("Tạ Hùng", &["Chánh Văn phòng Huyện ủy"])],
    );
}

#[test]
fn five_syllable_name() {
    assert_people(
        "Đồng chí Tôn Nữ Thị Ngọc Hân, Phó Chủ tịch UBND thành phố phát biểu.",
        &[("Tôn Nữ Thị Ngọc Hân", &["Phó Chủ tịch UBND thành phố"])],
    );
}

#[test]
fn name_broken_by_a_line_break() {
    assert_people(
        "Hội nghị có sự tham dự của đồng chí Nguyễn\nVăn Thành, Bí thư Đảng ủy xã Tân Phú.",
        &[("Nguyễn Văn Thành", &["Bí thư Đảng ủy xã Tân Phú"])],
    );
}

// ---------------------------------------------------------------- people: what is not a person

#[test]
fn not_people_organizations_places_streets() {
    assert_people(
        "UBND huyện Lê Lợi tổ chức hội nghị tại Trường THCS Trần Quốc Toản, số 12 đường Nguyễn Văn Cừ, \
         xã Phan Đình Phùng.",
        &[],
    );
}

#[test]
fn not_people_ho_chi_minh_in_youth_union() {
    assert_people("Huyện đoàn phối hợp với Đoàn TNCS Hồ Chí Minh xã Tân Phú tổ chức buổi tọa đàm.", &[]);
}

#[test]
fn not_people_photo_credit() {
    assert_people(
        "Đồng chí Lê Văn Bình, Bí thư Huyện ủy phát biểu tại hội nghị.\n\nẢnh: Trần Quang Huy\n",
        &[("Lê Văn Bình", &["Bí thư Huyện ủy"])],
    );
}

#[test]
fn not_people_byline() {
    let text = "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Đồng chí Lê Văn Bình, Bí thư Huyện ủy chủ trì \
                hội nghị.\n\nNguyễn Thị Thu Hà\n";
    let d = parse(text);
    assert_eq!(names(&d), ["Lê Văn Bình"]);
    assert_eq!(d.author.as_ref().map(|a| a.text.as_str()), Some("Nguyễn Thị Thu Hà"));
}

// ---------------------------------------------------------------- people: qualifiers

#[test]
fn qualifier_nguyen_former() {
    let d = parse("Dự lễ có ông Lê Văn Tâm, nguyên Bí thư Huyện ủy.");
    assert_eq!(names(&d), ["Lê Văn Tâm"]);
    let r = &d.people[0].roles[0];
    assert_eq!((r.title.as_str(), r.organization.as_deref()), ("Bí thư", Some("Huyện ủy")));
    assert_eq!(r.qualifier.as_deref(), Some("former"));
}

#[test]
fn qualifier_quyen_acting() {
    let d = parse("Đồng chí Phan Thanh Tùng, quyền Giám đốc Sở Y tế báo cáo tình hình dịch bệnh.");
    assert_eq!(names(&d), ["Phan Thanh Tùng"]);
    let r = &d.people[0].roles[0];
    assert_eq!((r.title.as_str(), r.organization.as_deref()), ("Giám đốc", Some("Sở Y tế")));
    assert_eq!(r.qualifier.as_deref(), Some("acting"));
}

#[test]
fn qualifier_kiem_concurrently() {
    let d = parse("Đồng chí Đặng Văn Lực, Phó Chủ tịch UBND huyện kiêm Trưởng Công an huyện phát biểu.");
    assert_eq!(names(&d), ["Đặng Văn Lực"]);
    let roles: Vec<(&str, Option<&str>)> =
        d.people[0].roles.iter().map(|r| (r.title.as_str(), r.organization.as_deref())).collect();
    assert_eq!(roles, [("Phó Chủ tịch", Some("UBND huyện")), ("Trưởng", Some("Công an huyện"))]);
}

// ---------------------------------------------------------------- one person per individual

#[test]
fn one_person_across_different_role_sets() {
    let d = parse(
        "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy dự hội nghị. Phát biểu chỉ đạo, đồng chí Nguyễn Văn An, \
         Bí thư Huyện ủy, Chủ tịch HĐND huyện yêu cầu các xã tập trung thu ngân sách.",
    );
    assert_eq!(
        people(&d),
        [("Nguyễn Văn An".to_string(), vec!["Bí thư Huyện ủy".into(), "Chủ tịch HĐND huyện".into()])]
    );
    assert_eq!(d.people[0].mentions.len(), 2);
}

#[test]
fn one_person_across_case() {
    let d = parse(
        "Ông Nguyễn Văn An, Chủ tịch UBND xã chủ trì cuộc họp. Kết luận cuộc họp, ông NGUYỄN VĂN AN đề nghị \
         các thôn hoàn thành thu quỹ.",
    );
    assert_eq!(names(&d), ["Nguyễn Văn An"]);
    assert_eq!(d.people[0].mentions.len(), 2);
}

#[test]
fn one_person_across_spacing() {
    let d = parse(
        "Ông Nguyễn Văn An, Chủ tịch UBND xã chủ trì cuộc họp. Kết luận cuộc họp, ông Nguyễn  Văn   An đề nghị \
         các thôn hoàn thành thu quỹ.",
    );
    assert_eq!(names(&d), ["Nguyễn Văn An"]);
    assert_eq!(d.people[0].mentions.len(), 2);
}

#[test]
fn role_only_mention_joins_the_one_holder() {
    let d = parse(
        "Đồng chí Trần Văn Minh, Bí thư Huyện ủy dự hội nghị. Phát biểu chỉ đạo, đồng chí Bí thư Huyện ủy \
         đề nghị các xã đẩy nhanh tiến độ.",
    );
    assert_eq!(names(&d), ["Trần Văn Minh"]);
    assert_eq!(d.people[0].mentions.len(), 2);
}

#[test]
fn role_only_mention_with_two_holders_joins_nobody() {
    let d = parse(
        "Dự hội nghị có đồng chí Trần Văn Minh, Phó Chủ tịch UBND huyện và đồng chí Lê Thị Hạnh, Phó Chủ tịch \
         UBND huyện. Phát biểu tại hội nghị, đồng chí Phó Chủ tịch UBND huyện đề nghị các xã đẩy nhanh tiến độ.",
    );
    assert_eq!(names(&d), ["Trần Văn Minh", "Lê Thị Hạnh"]);
    let mentions: Vec<usize> = d.people.iter().map(|p| p.mentions.len()).collect();
    assert_eq!(mentions, [1, 1]);
}

// ---------------------------------------------------------------- roles

#[test]
fn role_title_organization_level_place() {
    let d = parse("Đồng chí Lý Văn Hòa, Phó Chủ tịch UBND xã Tân Phú dự hội nghị.");
    let r = &person(&d, "Lý Văn Hòa").roles[0];
    assert_eq!(r.text, "Phó Chủ tịch UBND xã Tân Phú");
    assert_eq!(r.title, "Phó Chủ tịch");
    assert_eq!(r.organization.as_deref(), Some("UBND xã Tân Phú"));
    assert_eq!(r.expanded.as_deref(), Some("Phó Chủ tịch Ủy ban nhân dân xã Tân Phú"));
}

#[test]
fn role_written_out_has_no_expansion() {
    let d = parse("Đồng chí Lý Văn Hòa, Trưởng Ban Tổ chức Huyện ủy dự hội nghị.");
    let r = &person(&d, "Lý Văn Hòa").roles[0];
    assert_eq!((r.title.as_str(), r.organization.as_deref()), ("Trưởng", Some("Ban Tổ chức Huyện ủy")));
    assert_eq!(r.expanded, None);
}

#[test]
fn abbreviation_uv_btv() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, UV BTV Huyện ủy dự hội nghị."),
        ("UV BTV Huyện ủy".into(), Some("Ủy viên Ban Thường vụ Huyện ủy".into()))
    );
}

#[test]
fn abbreviation_uv_dot_btv() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, UV.BTV Tỉnh ủy dự hội nghị."),
        ("UV.BTV Tỉnh ủy".into(), Some("Ủy viên Ban Thường vụ Tỉnh ủy".into()))
    );
}

#[test]
fn abbreviation_uvbtv() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, UVBTV Huyện ủy dự hội nghị."),
        ("UVBTV Huyện ủy".into(), Some("Ủy viên Ban Thường vụ Huyện ủy".into()))
    );
}

#[test]
fn abbreviation_tuv() {
    assert_eq!(expanded("Đồng chí Hà Văn Lợi, TUV dự hội nghị."), ("TUV".into(), Some("Tỉnh ủy viên".into())));
}

#[test]
fn abbreviation_huv() {
    assert_eq!(expanded("Đồng chí Hà Văn Lợi, HUV dự hội nghị."), ("HUV".into(), Some("Huyện ủy viên".into())));
}

#[test]
fn abbreviation_tvhu() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, TVHU dự hội nghị."),
        ("TVHU".into(), Some("Ủy viên Ban Thường vụ Huyện ủy".into()))
    );
}

#[test]
fn abbreviation_pct() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, PCT UBND huyện dự hội nghị."),
        ("PCT UBND huyện".into(), Some("Phó Chủ tịch Ủy ban nhân dân huyện".into()))
    );
}

#[test]
fn abbreviation_pbt() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, PBT Đảng ủy xã dự hội nghị."),
        ("PBT Đảng ủy xã".into(), Some("Phó Bí thư Đảng ủy xã".into()))
    );
}

#[test]
fn abbreviation_pho_bt() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, Phó BT Huyện ủy dự hội nghị."),
        ("Phó BT Huyện ủy".into(), Some("Phó Bí thư Huyện ủy".into()))
    );
}

#[test]
fn abbreviation_cvp() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, CVP Huyện ủy dự hội nghị."),
        ("CVP Huyện ủy".into(), Some("Chánh Văn phòng Huyện ủy".into()))
    );
}

#[test]
fn abbreviation_dbqh() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, ĐBQH dự buổi tiếp xúc."),
        ("ĐBQH".into(), Some("đại biểu Quốc hội".into()))
    );
}

#[test]
fn abbreviation_bch_tw() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, Ủy viên BCH TW Đảng dự hội nghị."),
        ("Ủy viên BCH TW Đảng".into(), Some("Ủy viên Ban Chấp hành Trung ương Đảng".into()))
    );
}

#[test]
fn abbreviation_mttq() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, Chủ tịch UBMTTQ huyện dự hội nghị."),
        ("Chủ tịch UBMTTQ huyện".into(), Some("Chủ tịch Ủy ban Mặt trận Tổ quốc huyện".into()))
    );
}

#[test]
fn abbreviation_ubkt() {
    assert_eq!(
        expanded("Đồng chí Hà Văn Lợi, Chủ nhiệm UBKT Huyện ủy dự hội nghị."),
        ("Chủ nhiệm UBKT Huyện ủy".into(), Some("Chủ nhiệm Ủy ban Kiểm tra Huyện ủy".into()))
    );
}

#[test]
fn pho_chu_tich_tt() {
    let d = parse("Đồng chí Hà Văn Lợi, Phó Chủ tịch TT UBND tỉnh dự hội nghị.");
    let r = &person(&d, "Hà Văn Lợi").roles[0];
    assert_eq!(r.text, "Phó Chủ tịch TT UBND tỉnh");
    assert_eq!(r.organization.as_deref(), Some("UBND tỉnh"));
    assert_eq!(r.expanded.as_deref(), Some("Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh"));
}

#[test]
fn abbreviation_then_role_after_a_comma() {
    assert_people(
        "Đồng chí Hà Văn Lợi, TUV, Bí thư Huyện ủy dự hội nghị.",
        &[("Hà Văn Lợi", &["TUV", "Bí thư Huyện ủy"])],
    );
}

// ---------------------------------------------------------------- dates and times

#[test]
fn date_sang_day_slash_month() {
    let w = when("Sáng 8/7, UBND tỉnh tổ chức hội nghị giao ban.");
    assert_eq!(w, (Some((None, 7, 8)), Some(TimeOfDay::Sang), None));
}

#[test]
fn date_chieu_day_dash_month() {
    let w = when("Chiều 18-7, UBND tỉnh tổ chức hội nghị giao ban.");
    assert_eq!(w, (Some((None, 7, 18)), Some(TimeOfDay::Chieu), None));
}

#[test]
fn date_day_dash_month_dash_year() {
    let w = when("Sáng 4-4-2022, UBND tỉnh tổ chức hội nghị giao ban.");
    assert_eq!(w, (Some((Some(2022), 4, 4)), Some(TimeOfDay::Sang), None));
}

#[test]
fn date_dotted_day_month() {
    let w = when("Sáng ngày 30.6, UBND tỉnh tổ chức hội nghị giao ban.");
    assert_eq!(w, (Some((None, 6, 30)), Some(TimeOfDay::Sang), None));
}

#[test]
fn date_formal_ngay_thang_nam() {
    let w = when("Hôm nay, ngày 05 tháng 7 năm 2019, tại Hội trường UBND xã Tân Phú, UBND xã tổ chức cuộc họp.");
    assert_eq!(w, (Some((Some(2019), 7, 5)), None, None));
}

#[test]
fn date_two_days() {
    let w = when("Ngày 27 và 28-7, HĐND tỉnh tổ chức kỳ họp thứ 12.");
    assert_eq!(w, (Some((None, 7, 27)), None, None));
}

#[test]
fn date_chieu_nay_ngay() {
    let w = when("Chiều nay ngày 12/3, Sở Nội vụ tổ chức hội nghị triển khai nhiệm vụ.");
    assert_eq!(w, (Some((None, 3, 12)), Some(TimeOfDay::Chieu), None));
}

#[test]
fn time_hoi_gio() {
    let w = when("Vào hồi 14 giờ 00 ngày 10/5/2023, tại trụ sở UBND xã Tân Phú, UBND xã tổ chức cuộc họp.");
    assert_eq!(w, (Some((Some(2023), 5, 10)), None, Some("14:00".into())));
}

#[test]
fn time_hoi_without_gio() {
    let w = when("Hồi 08 00 phút, ngày 15/3/2024, tại Hội trường UBND xã Tân Phú, UBND xã tổ chức cuộc họp.");
    assert_eq!(w, (Some((Some(2024), 3, 15)), None, Some("08:00".into())));
}

#[test]
fn time_luc_h() {
    let w = when("Lúc 8h30 ngày 20/6/2024, Huyện ủy tổ chức hội nghị quán triệt nghị quyết.");
    assert_eq!(w, (Some((Some(2024), 6, 20)), None, Some("08:30".into())));
}

#[test]
fn date_sang_nay_in_parens() {
    let w = when("Sáng nay (31-7), Sở Nội vụ tổ chức hội nghị triển khai nhiệm vụ.");
    assert_eq!(w, (Some((None, 7, 31)), Some(TimeOfDay::Sang), None));
}

#[test]
fn date_with_weekday() {
    let w = when("Sáng thứ Hai (8/7), UBND tỉnh tổ chức hội nghị giao ban.");
    assert_eq!(w, (Some((None, 7, 8)), Some(TimeOfDay::Sang), None));
}

#[test]
fn date_weekday_comma_full_date() {
    let w = when("Chiều thứ Sáu, ngày 12/7/2024, UBND tỉnh tổ chức hội nghị giao ban.");
    assert_eq!(w, (Some((Some(2024), 7, 12)), Some(TimeOfDay::Chieu), None));
}

// ---------------------------------------------------------------- year from context

#[test]
fn year_from_title() {
    let d = parse(
        "Hội nghị giao ban công tác dân vận năm 2024\n\nSáng 8/7, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban.",
    );
    assert_eq!(date(&d), Some((Some(2024), 7, 8, true)));
    assert!(has_diagnostic(&d, "year_from_context"), "{:?}", d.diagnostics);
}

#[test]
fn year_from_period() {
    let d = parse("Sáng 5/7, UBND huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024.");
    assert_eq!(date(&d), Some((Some(2024), 7, 5, true)));
    assert!(has_diagnostic(&d, "year_from_context"), "{:?}", d.diagnostics);
}

#[test]
fn year_after_a_reviewed_year() {
    // A year-end review held in January reviews the year before.
    let d = parse("Sáng 10/1, UBND huyện tổ chức hội nghị tổng kết công tác năm 2023.");
    assert_eq!(date(&d), Some((Some(2024), 1, 10, true)));
    assert!(has_diagnostic(&d, "year_from_context"), "{:?}", d.diagnostics);
}

#[test]
fn year_from_term() {
    let d = parse("Sáng 28/5, Đảng bộ xã Tân Phú tổ chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2025-2030.");
    assert_eq!(date(&d), Some((Some(2025), 5, 28, true)));
    assert!(has_diagnostic(&d, "year_from_context"), "{:?}", d.diagnostics);
}

#[test]
fn year_from_dated_header() {
    let d = parse(
        "UBND XÃ TÂN PHÚ\nSố: 45/BB-UBND\nTân Phú, ngày 12 tháng 3 năm 2024\n\nBIÊN BẢN\nCuộc họp giao ban tháng 3\n\n\
         Hôm nay, ngày 11/3, tại trụ sở UBND xã Tân Phú, UBND xã tổ chức cuộc họp giao ban.",
    );
    assert_eq!(date(&d), Some((Some(2024), 3, 11, true)));
    assert!(has_diagnostic(&d, "year_from_context"), "{:?}", d.diagnostics);
}

// ---------------------------------------------------------------- which date is the meeting's

#[test]
fn meeting_date_not_a_planned_session() {
    let d = parse(
        "Để chuẩn bị cho kỳ họp thứ 9 dự kiến khai mạc ngày 18/7/2024, chiều 5/7/2024, Thường trực HĐND huyện \
         tổ chức phiên họp thường kỳ.",
    );
    assert_eq!(date(&d), Some((Some(2024), 7, 5, false)));
}

#[test]
fn meeting_date_not_a_deadline() {
    let d = parse(
        "UBND huyện yêu cầu các xã hoàn thành giải phóng mặt bằng trước ngày 30/9/2024. Đó là chỉ đạo tại hội \
         nghị giao ban do UBND huyện tổ chức sáng 8/7/2024.",
    );
    assert_eq!(date(&d), Some((Some(2024), 7, 8, false)));
}

#[test]
fn meeting_date_not_a_resolutions_date() {
    let d = parse(
        "Thực hiện Kế hoạch số 25-KH/HU ngày 20/5/2024 của Huyện ủy, sáng 10/7/2024, Ban Tuyên giáo Huyện ủy \
         tổ chức hội nghị quán triệt nghị quyết.",
    );
    assert_eq!(date(&d), Some((Some(2024), 7, 10, false)));
}

#[test]
fn meeting_date_not_the_publication_date() {
    let d = parse(
        "Cập nhật ngày 12/7/2024 09:15\n\nSáng 10/7/2024, Ban Tuyên giáo Huyện ủy tổ chức hội nghị báo cáo viên.",
    );
    assert_eq!(date(&d), Some((Some(2024), 7, 10, false)));
    assert_eq!(meeting(&d).time, None);
}

#[test]
fn meeting_date_not_the_date_of_the_notice_that_reports_it() {
    let d = parse(
        "Kết luận về an toàn thông tin\n\nHôm qua, ngày 8/6/2024, Văn phòng UBND tỉnh đã có thông báo kết luận của \
         Chủ tịch UBND tỉnh tại cuộc họp về an toàn thông tin. Cuộc họp được tổ chức ngày 26/5 tại trụ sở UBND tỉnh.",
    );
    assert_eq!(date(&d).map(|(_, m, d, _)| (m, d)), Some((5, 26)));
}

#[test]
fn meeting_date_not_a_crawler_timestamp() {
    let d = parse(
        "Thời gian thu thập: 15/07/2024 10:20:33\n\nSáng 10/7, Ban Tuyên giáo Huyện ủy tổ chức hội nghị báo cáo \
         viên.",
    );
    assert_eq!(date(&d).map(|(_, m, day, _)| (m, day)), Some((7, 10)));
    assert_eq!(meeting(&d).time, None);
}

// ---------------------------------------------------------------- never a date

#[test]
fn no_date_from_a_phone_number() {
    no_meeting_date("UBND xã Tân Phú tổ chức hội nghị đối thoại với Nhân dân. Đường dây nóng: 0211.3862.115.");
}

#[test]
fn no_date_from_list_markers() {
    no_meeting_date(
        "Huyện ủy tổ chức hội nghị quán triệt. Hội nghị thống nhất:\n1. Công tác chỉ đạo\n1.1. Rà soát hồ sơ.\n\
         1.2. Kiểm tra thực địa.",
    );
}

#[test]
fn no_date_from_six_months() {
    no_meeting_date("Sau 6 tháng triển khai, UBND huyện tổ chức hội nghị sơ kết mô hình dân vận khéo.");
}

#[test]
fn no_date_from_half_a_day() {
    no_meeting_date("UBND huyện tổ chức hội nghị tập huấn trong 1/2 ngày tại Hội trường UBND huyện.");
}

#[test]
fn no_date_from_a_percentage() {
    no_meeting_date("UBND huyện tổ chức hội nghị giao ban; thu ngân sách tăng 3.5% so với cùng kỳ.");
}

// ---------------------------------------------------------------- periods

#[test]
fn period_first_six_months() {
    assert_eq!(
        period("Sáng 8/7/2019, UBND huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2019."),
        Some((PeriodKind::FirstMonths, Some(2019), None, Some(6), None, None))
    );
}

#[test]
fn period_last_six_months() {
    assert_eq!(
        period("Sáng 8/7, UBND huyện tổ chức hội nghị triển khai nhiệm vụ 6 tháng cuối năm."),
        Some((PeriodKind::LastMonths, None, None, Some(6), None, None))
    );
}

#[test]
fn period_quarter() {
    assert_eq!(
        period("Sáng 8/4/2024, UBND huyện tổ chức hội nghị giao ban quý I/2024."),
        Some((PeriodKind::Quarter, Some(2024), None, None, Some(1), None))
    );
}

#[test]
fn period_year() {
    assert_eq!(
        period("Sáng 20/12/2019, UBND huyện tổ chức hội nghị tổng kết công tác năm 2019."),
        Some((PeriodKind::Year, Some(2019), None, None, None, None))
    );
}

#[test]
fn period_term() {
    assert_eq!(
        period("Sáng 20/6/2020, Đảng bộ xã Tân Phú tổ chức Đại hội đại biểu nhiệm kỳ 2020-2025."),
        Some((PeriodKind::Term, Some(2020), Some(2025), None, None, None))
    );
}

#[test]
fn period_stage() {
    assert_eq!(
        period("Sáng 20/12/2025, UBND tỉnh tổ chức hội nghị tổng kết Chương trình giảm nghèo giai đoạn 2021-2025."),
        Some((PeriodKind::Stage, Some(2021), Some(2025), None, None, None))
    );
}

#[test]
fn period_course() {
    assert_eq!(
        period("Sáng 10/7/2024, HĐND huyện khóa XX tổ chức kỳ họp thứ 9."),
        Some((PeriodKind::Course, None, None, None, None, Some(20)))
    );
}

// ---------------------------------------------------------------- meeting kinds

#[test]
fn kind_so_ket() {
    assert_eq!(
        kind("Sáng 8/7, UBND huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.").as_deref(),
        Some("so_ket")
    );
}

#[test]
fn kind_tong_ket() {
    assert_eq!(kind("Sáng 20/12, UBND huyện tổ chức hội nghị tổng kết công tác năm.").as_deref(), Some("tong_ket"));
}

#[test]
fn kind_trien_khai() {
    assert_eq!(kind("Sáng 8/1, Sở Y tế tổ chức hội nghị triển khai nhiệm vụ năm 2024.").as_deref(), Some("trien_khai"));
}

#[test]
fn kind_giao_ban() {
    assert_eq!(kind("Sáng 8/7, Thường trực Huyện ủy chủ trì buổi giao ban tháng 7.").as_deref(), Some("giao_ban"));
}

#[test]
fn kind_tiep_xuc_cu_tri() {
    assert_eq!(
        kind("Sáng 8/7, Tổ đại biểu HĐND tỉnh tiếp xúc cử tri xã Tân Phú trước kỳ họp thứ 9.").as_deref(),
        Some("tiep_xuc_cu_tri")
    );
}

#[test]
fn kind_ky_hop() {
    assert_eq!(kind("Sáng 10/7, HĐND huyện khai mạc kỳ họp thứ 9, HĐND huyện khóa XX.").as_deref(), Some("ky_hop"));
}

#[test]
fn kind_phien_hop() {
    assert_eq!(
        kind("Chiều 5/7, Thường trực HĐND tỉnh tổ chức phiên họp thường kỳ tháng 7.").as_deref(),
        Some("phien_hop")
    );
}

#[test]
fn kind_dai_hoi() {
    assert_eq!(kind("Sáng 28/5, Đảng bộ xã Tân Phú tổ chức Đại hội đại biểu lần thứ XV.").as_deref(), Some("dai_hoi"));
}

#[test]
fn kind_hoi_thao() {
    assert_eq!(
        kind("Sáng 8/7, Sở Khoa học và Công nghệ tổ chức hội thảo về chuyển đổi số.").as_deref(),
        Some("hoi_thao")
    );
}

#[test]
fn kind_toa_dam() {
    assert_eq!(
        kind("Sáng 8/7, Huyện đoàn tổ chức buổi tọa đàm về khởi nghiệp của thanh niên.").as_deref(),
        Some("toa_dam")
    );
}

#[test]
fn kind_buoi_lam_viec() {
    assert_eq!(
        kind("Chiều 15/10, Ban Thường vụ Huyện ủy có buổi làm việc với Đảng ủy xã Tân Hòa.").as_deref(),
        Some("lam_viec")
    );
}

#[test]
fn kind_online_diem_cau() {
    assert_eq!(
        kind("Sáng 8/7, UBND tỉnh tổ chức hội nghị với 120 điểm cầu kết nối đến các xã, phường.").as_deref(),
        Some("truc_tuyen")
    );
}

// ---------------------------------------------------------------- organizer, location

#[test]
fn organizer_from_to_chuc() {
    let d = parse("Chiều 18/7, Ban Tuyên giáo Huyện ủy tổ chức hội nghị báo cáo viên tháng 7.");
    assert_eq!(meeting(&d).organizer.as_ref().map(|t| t.text.as_str()), Some("Ban Tuyên giáo Huyện ủy"));
}

/// The organizer of a composed one-sentence report (issue 12, pattern 5 and the
/// organizing forms of pattern 4).
fn organizer_of(text: &str) -> Option<String> {
    parse(text).meeting.as_ref().and_then(|m| m.organizer.as_ref()).map(|t| t.text.clone())
}

#[test]
fn organizer_without_its_term() {
    let o = organizer_of("Sáng 30/6/2021, HĐND xã Bình An khóa X, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ nhất.");
    assert_eq!(o.as_deref(), Some("HĐND xã Bình An"));
    let o =
        organizer_of("Chiều 17/7, Hội đồng nhân dân xã Bình An khóa XXI, nhiệm kỳ 2021 – 2026 tổ chức Kỳ họp thứ 14.");
    assert_eq!(o.as_deref(), Some("Hội đồng nhân dân xã Bình An"));
    // A course alone names the committee of that term and stays.
    let o = organizer_of("Sáng 29/4, Ban Chấp hành Đảng bộ huyện khóa XX tổ chức Hội nghị lần thứ 5.");
    assert_eq!(o.as_deref(), Some("Ban Chấp hành Đảng bộ huyện khóa XX"));
}

#[test]
fn organizer_without_its_co_organizer() {
    let o = organizer_of(
        "Chiều 22/6, Thường trực HĐND huyện phối hợp với UBND huyện, các cơ quan có liên quan tổ chức phiên họp chuẩn bị kỳ họp.",
    );
    assert_eq!(o.as_deref(), Some("Thường trực HĐND huyện"));
}

#[test]
fn organizer_without_its_province() {
    let o = organizer_of("Sáng 5/3, UBND huyện Tân Lạc, tỉnh Hòa An tổ chức hội nghị tổng kết công tác năm 2023.");
    assert_eq!(o.as_deref(), Some("UBND huyện Tân Lạc"));
}

#[test]
fn organizer_is_the_body_not_its_head() {
    let o = organizer_of("Sáng 5/3, Chủ tịch UBND xã Phú Mỹ tổ chức hội nghị đối thoại với nhân dân.");
    assert_eq!(o.as_deref(), Some("UBND xã Phú Mỹ"));
}

#[test]
fn organizer_a_unit_and_its_parent_body() {
    let o = organizer_of(
        "Chiều ngày 29/12/2025, Trường Đại học Nông Lâm, Đại học Tây Sơn đã tổ chức Hội nghị tổng kết năm 2025.",
    );
    assert_eq!(o.as_deref(), Some("Trường Đại học Nông Lâm, Đại học Tây Sơn"));
}

#[test]
fn organizer_keeps_a_place_in_brackets_not_an_alias() {
    let o = organizer_of("Ngày 26-4, Hội Nông dân xã Tân Lập (Sơn Hà) tổ chức Đại hội đại biểu lần thứ VII.");
    assert_eq!(o.as_deref(), Some("Hội Nông dân xã Tân Lập (Sơn Hà)"));
    let o = organizer_of("Ngày 26-4, Ngân hàng TMCP Phương Nam (PNB) tổ chức hội nghị khách hàng.");
    assert_eq!(o.as_deref(), Some("Ngân hàng TMCP Phương Nam"));
}

#[test]
fn organizer_of_an_event_named_by_its_verb() {
    let o = organizer_of(
        "Ngày 18/01, Đảng ủy, Bộ Chỉ huy Quân sự tỉnh tổ chức phát động phong trào thi đua năm 2024. \
         Đại tá Trần Văn Nam, Chính ủy chủ trì buổi lễ phát động.",
    );
    assert_eq!(o.as_deref(), Some("Đảng ủy, Bộ Chỉ huy Quân sự tỉnh"));
}

#[test]
fn no_organizer_for_a_plan_or_a_directive() {
    let d = parse("Ngày 3/5, UBND xã An Phú ban hành Kế hoạch tổ chức hội nghị đối thoại với nhân dân.");
    assert_eq!(d.meeting.as_ref().and_then(|m| m.organizer.as_ref()), None);
    let d = parse("Chiều ngày 8/12/2023, xã Đoàn chỉ đạo tổ chức Đại hội Chi đoàn ấp Tân Lập, nhiệm kỳ 2023 – 2024.");
    assert_eq!(d.meeting.as_ref().and_then(|m| m.organizer.as_ref()), None);
}

#[test]
fn location_from_tai() {
    let d =
        parse("Sáng 8/7, Huyện ủy tổ chức hội nghị quán triệt nghị quyết tại Hội trường Trung tâm Chính trị huyện.");
    assert_eq!(meeting(&d).location.as_ref().map(|t| t.text.as_str()), Some("Hội trường Trung tâm Chính trị huyện"));
}

// ---------------------------------------------------------------- chairs

#[test]
fn chair_chu_tri() {
    let d = parse(
        "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.",
    );
    assert_eq!(chairs(&d), ["Nguyễn Văn An"]);
}

#[test]
fn chair_dong_chu_tri() {
    let d = parse(
        "Sáng 8/7, UBND tỉnh tổ chức hội nghị. Đồng chí Lê Văn Tín, Chủ tịch UBND tỉnh và đồng chí Phạm Thị Nga, \
         Thứ trưởng Bộ Tài chính đồng chủ trì hội nghị.",
    );
    assert_eq!(chairs(&d), ["Lê Văn Tín", "Phạm Thị Nga"]);
}

#[test]
fn chair_chu_toa() {
    let d = parse(
        "Sáng 10/7, HĐND huyện khai mạc kỳ họp thứ 9. Đồng chí Hoàng Văn Sơn, Chủ tịch HĐND huyện chủ tọa kỳ họp.",
    );
    assert_eq!(chairs(&d), ["Hoàng Văn Sơn"]);
}

#[test]
fn chair_dieu_hanh() {
    let d = parse(
        "Chiều 11/7, HĐND tỉnh tiến hành phiên chất vấn. Đồng chí Bế Thị Hương, Phó Chủ tịch HĐND tỉnh điều hành \
         phiên chất vấn.",
    );
    assert_eq!(chairs(&d), ["Bế Thị Hương"]);
}

#[test]
fn chair_collective_presidium() {
    let d = parse(
        "Sáng 10/7, HĐND huyện khai mạc kỳ họp thứ 9. Chủ tọa kỳ họp gồm các đồng chí: Hoàng Văn Sơn, Chủ tịch \
         HĐND huyện; Lâm Thị Mai, Phó Chủ tịch HĐND huyện; Đào Quang Vinh, Phó Chủ tịch HĐND huyện.",
    );
    assert_eq!(chairs(&d), ["Hoàng Văn Sơn", "Lâm Thị Mai", "Đào Quang Vinh"]);
}

#[test]
fn chair_do_chu_tri() {
    let d = parse(
        "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Hội nghị do đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì.",
    );
    assert_eq!(chairs(&d), ["Nguyễn Văn An"]);
}

#[test]
fn chair_duoi_su_chu_tri_cua_a_list() {
    let d = parse(
        "Sáng 12/3, Tỉnh ủy tổ chức hội nghị sơ kết quý I. Hội nghị diễn ra dưới sự chủ trì của đồng chí Vũ Đức \
         Toàn, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy và các đồng chí: Hà Thị Lan, Phó Bí thư Thường trực Tỉnh \
         ủy; Đỗ Minh Khang, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
    );
    assert_eq!(chairs(&d), ["Vũ Đức Toàn", "Hà Thị Lan", "Đỗ Minh Khang"]);
}

#[test]
fn chair_co_chairs_with_any_dash() {
    for (a, b) in [("-", "–"), ("–", "—"), ("—", "-")] {
        let text = format!(
            "Sáng 20/5, hội nghị xúc tiến đầu tư được tổ chức tại thành phố. Hội nghị do ông Trịnh Văn Lực {a} \
             Chủ tịch UBND TP.HCM và ông Mai Quốc Hưng {b} Chủ tịch UBND tỉnh Bình Định đồng chủ trì."
        );
        let d = parse(&text);
        assert_eq!(chairs(&d), ["Trịnh Văn Lực", "Mai Quốc Hưng"], "{text}");
    }
}

#[test]
fn chair_heading_then_bullet() {
    for heading in ["Chủ trì:", "Chủ trì hội nghị:"] {
        let text = format!(
            "Sáng 9/6, UBND huyện tổ chức hội nghị triển khai nhiệm vụ quý III.\n{heading}\n- Đồng chí Lương Văn \
             Khiêm, Phó Chủ tịch UBND huyện.\nThành phần: lãnh đạo các phòng, ban, ngành huyện."
        );
        let d = parse(&text);
        assert_eq!(chairs(&d), ["Lương Văn Khiêm"], "{text}");
    }
}

#[test]
fn chair_whose_role_holds_a_comma() {
    let d = parse(
        "Ngày 5/2, Bộ Chỉ huy Quân sự tỉnh tổ chức lễ phát động thi đua. Đại tá Lò Văn Thắng, Chính ủy, Chủ tịch \
         Hội đồng thi đua, khen thưởng Bộ CHQS tỉnh chủ trì buổi lễ.",
    );
    assert_eq!(chairs(&d), ["Lò Văn Thắng"]);
}

#[test]
fn chair_in_a_lead_glued_to_chrome() {
    let d = parse(
        " date 2024-03-02 Sáng 2/3, Bí thư Tỉnh ủy Nông Quốc Hải chủ trì hội nghị Ban Thường vụ Tỉnh ủy mở rộng.\n\n\
         Tại hội nghị, các đại biểu thảo luận dự thảo báo cáo tình hình kinh tế - xã hội quý I.",
    );
    assert_eq!(chairs(&d), ["Nông Quốc Hải"]);
}

#[test]
fn chair_lead_without_headline() {
    let d = parse(
        "Chiều 17/4, Đoàn công tác của Bộ Nội vụ do Thượng tướng Đàm Văn Hiếu - Thứ trưởng Bộ Nội vụ, Trưởng \
         đoàn công tác, chủ trì buổi làm việc với Ban Thường vụ Tỉnh ủy.\n\nTại buổi làm việc, các đại biểu \
         đã trao đổi nhiều nội dung.",
    );
    assert_eq!(chairs(&d), ["Đàm Văn Hiếu"]);
}

// ---------------------------------------------------------------- attendees and groups

#[test]
fn attendees_versus_groups() {
    let d = parse(
        "Sáng 8/7, UBND huyện tổ chức hội nghị giao ban. Dự hội nghị có đồng chí Lê Văn Hòa, Phó Bí thư Thường \
         trực Huyện ủy; cùng lãnh đạo các phòng, ban, ngành huyện.",
    );
    let m = meeting(&d);
    let attendees: Vec<&str> = m.attendees.iter().map(|&i| d.people[i].name.as_str()).collect();
    assert_eq!(attendees, ["Lê Văn Hòa"]);
    let groups: Vec<&str> = m.groups.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(groups, ["lãnh đạo các phòng, ban, ngành huyện"]);
}

// ---------------------------------------------------------------- speeches

#[test]
fn speech_opening() {
    let d = parse(
        "Sáng 10/7, HĐND huyện tổ chức kỳ họp thứ 9. Đồng chí Hoàng Văn Sơn, Chủ tịch HĐND huyện phát biểu \
         khai mạc kỳ họp.",
    );
    assert_eq!(speeches(&d), [("Hoàng Văn Sơn", SpeechKind::Opening)]);
}

#[test]
fn speech_directive() {
    let d = parse(
        "Sáng 8/7, UBND huyện tổ chức hội nghị giao ban. Phát biểu chỉ đạo hội nghị, đồng chí Đinh Văn Khải, \
         Phó Chủ tịch UBND tỉnh đề nghị các xã đẩy nhanh tiến độ giải ngân.",
    );
    assert_eq!(speeches(&d), [("Đinh Văn Khải", SpeechKind::Directive)]);
}

#[test]
fn speech_report() {
    let d = parse(
        "Sáng 8/7, UBND huyện tổ chức hội nghị giao ban. Đồng chí Ngô Thị Yến, Trưởng Phòng Nội vụ huyện trình \
         bày báo cáo kết quả công tác 6 tháng đầu năm.",
    );
    assert_eq!(speeches(&d), [("Ngô Thị Yến", SpeechKind::Report)]);
}

#[test]
fn speech_contribution() {
    let d = parse(
        "Sáng 8/7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết. Đồng chí Lò Văn Pằng, Bí thư Đảng ủy xã Tân \
         Phú tham luận về mô hình dân vận khéo.",
    );
    assert_eq!(speeches(&d), [("Lò Văn Pằng", SpeechKind::Contribution)]);
}

#[test]
fn speech_conclusion() {
    let d = parse(
        "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Kết luận hội nghị, đồng chí Trần Văn Minh, Bí thư Huyện ủy \
         đề nghị các xã tập trung thu ngân sách.",
    );
    assert_eq!(speeches(&d), [("Trần Văn Minh", SpeechKind::Conclusion)]);
}

#[test]
fn speech_closing() {
    let d = parse(
        "Chiều 12/7, HĐND huyện tổ chức phiên bế mạc kỳ họp thứ 9. Đồng chí Hoàng Văn Sơn, Chủ tịch HĐND huyện \
         phát biểu bế mạc kỳ họp.",
    );
    assert_eq!(speeches(&d), [("Hoàng Văn Sơn", SpeechKind::Closing)]);
}

// ---------------------------------------------------------------- tasks: markers

fn t(marker: &str, number: Option<u32>, text: &str, level: u8) -> (String, Option<u32>, String, u8) {
    (marker.to_string(), number, text.to_string(), level)
}

#[test]
fn tasks_paren_numbers() {
    let d =
        parse(&format!("{CONCLUDES}(1) Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n(2) Tập trung thu ngân sách.\n"));
    assert_eq!(
        tasks(&d),
        [
            t("(1)", Some(1), "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", 0),
            t("(2)", Some(2), "Tập trung thu ngân sách.", 0)
        ]
    );
}

#[test]
fn tasks_number_dot() {
    let d =
        parse(&format!("{CONCLUDES}1. Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n2. Tập trung thu ngân sách.\n"));
    assert_eq!(
        tasks(&d),
        [
            t("1.", Some(1), "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", 0),
            t("2.", Some(2), "Tập trung thu ngân sách.", 0)
        ]
    );
}

#[test]
fn tasks_number_paren() {
    let d =
        parse(&format!("{CONCLUDES}1) Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n2) Tập trung thu ngân sách.\n"));
    assert_eq!(
        tasks(&d),
        [
            t("1)", Some(1), "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", 0),
            t("2)", Some(2), "Tập trung thu ngân sách.", 0)
        ]
    );
}

#[test]
fn tasks_letters() {
    let d =
        parse(&format!("{CONCLUDES}a) Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\nb) Tập trung thu ngân sách.\n"));
    assert_eq!(
        tasks(&d),
        [
            t("a)", Some(1), "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", 0),
            t("b)", Some(2), "Tập trung thu ngân sách.", 0)
        ]
    );
}

#[test]
fn tasks_dashes() {
    let d = parse(&format!("{CONCLUDES}- Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n- Tập trung thu ngân sách.\n"));
    assert_eq!(
        tasks(&d),
        [t("-", None, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", 0), t("-", None, "Tập trung thu ngân sách.", 0)]
    );
}

#[test]
fn tasks_plus_under_dash() {
    let d = parse(&format!(
        "{CONCLUDES}- Tập trung thu ngân sách:\n+ Các xã rà soát nguồn thu.\n+ Chi cục Thuế đôn đốc nợ đọng.\n\
         - Đẩy nhanh giải ngân vốn đầu tư công.\n"
    ));
    assert_eq!(
        tasks(&d),
        [
            t("-", None, "Tập trung thu ngân sách:", 0),
            t("+", None, "Các xã rà soát nguồn thu.", 1),
            t("+", None, "Chi cục Thuế đôn đốc nợ đọng.", 1),
            t("-", None, "Đẩy nhanh giải ngân vốn đầu tư công.", 0)
        ]
    );
}

#[test]
fn tasks_bullets() {
    let d = parse(&format!("{CONCLUDES}• Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n• Tập trung thu ngân sách.\n"));
    assert_eq!(
        tasks(&d),
        [t("•", None, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", 0), t("•", None, "Tập trung thu ngân sách.", 0)]
    );
}

#[test]
fn tasks_roman_numbers_decimals_nested() {
    let d = parse(
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại cuộc họp giao ban ngày 8/7/2024\n\n\
         Ngày 8/7/2024, Chủ tịch UBND huyện chủ trì cuộc họp giao ban. Chủ tịch UBND huyện kết luận như sau:\n\
         I. Về thu ngân sách\n1. Phòng Tài chính\n1.1. Rà soát nguồn thu.\n1.2. Báo cáo trước ngày 15/7.\n\
         2. Chi cục Thuế đôn đốc nợ đọng.\nII. Về đầu tư công\n1. Ban Quản lý dự án đẩy nhanh giải ngân.\n",
    );
    let shape: Vec<(String, Option<u32>, u8)> = tasks(&d).into_iter().map(|(m, n, _, l)| (m, n, l)).collect();
    assert_eq!(
        shape,
        [
            ("I.".to_string(), Some(1), 0),
            ("1.".into(), Some(1), 1),
            ("1.1.".into(), Some(1), 2),
            ("1.2.".into(), Some(2), 2),
            ("2.".into(), Some(2), 1),
            ("II.".into(), Some(2), 0),
            ("1.".into(), Some(1), 1)
        ]
    );
    assert_eq!(task_texts(&d)[2], "Rà soát nguồn thu.");
}

#[test]
fn tasks_ordinal_words() {
    let trimmed = |d: &Document| -> Vec<(String, Option<u32>, String, u8)> {
        tasks(d).into_iter().map(|(m, n, x, l)| (m, n, x.trim_end_matches(['.', ';']).to_string(), l)).collect()
    };
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị giao ban. Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch \
         UBND huyện yêu cầu: Thứ nhất, đẩy nhanh giải ngân vốn đầu tư công. Thứ hai, tập trung thu ngân sách.",
    );
    assert_eq!(
        trimmed(&d),
        [
            t("Thứ nhất", Some(1), "đẩy nhanh giải ngân vốn đầu tư công", 0),
            t("Thứ hai", Some(2), "tập trung thu ngân sách", 0)
        ]
    );
}

#[test]
#[ignore = "fails: the first item loses its full stop (\"… vốn đầu tư công\"), the last keeps it"]
fn tasks_inline_sentences_keep_their_full_stop() {
    // Items that are whole sentences keep their full stop, the first as the last.
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị giao ban. Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch \
         UBND huyện yêu cầu: Thứ nhất, đẩy nhanh giải ngân vốn đầu tư công. Thứ hai, tập trung thu ngân sách.",
    );
    assert_eq!(task_texts(&d), ["đẩy nhanh giải ngân vốn đầu tư công.", "tập trung thu ngân sách."]);
}

#[test]
fn tasks_count_words() {
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị giao ban. Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch \
         UBND huyện yêu cầu: Một là, đẩy nhanh giải ngân vốn đầu tư công; Hai là, tập trung thu ngân sách.",
    );
    assert_eq!(
        tasks(&d),
        [
            t("Một là", Some(1), "đẩy nhanh giải ngân vốn đầu tư công", 0),
            t("Hai là", Some(2), "tập trung thu ngân sách.", 0)
        ]
    );
}

#[test]
fn tasks_inline_enumeration() {
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị giao ban. Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch \
         UBND huyện yêu cầu các xã: (1) đẩy nhanh giải ngân vốn đầu tư công; (2) tập trung thu ngân sách; (3) \
         chuẩn bị tốt đại hội chi bộ.",
    );
    assert_eq!(
        tasks(&d),
        [
            t("(1)", Some(1), "đẩy nhanh giải ngân vốn đầu tư công", 0),
            t("(2)", Some(2), "tập trung thu ngân sách", 0),
            t("(3)", Some(3), "chuẩn bị tốt đại hội chi bộ.", 0)
        ]
    );
}

// ---------------------------------------------------------------- tasks: which list

#[test]
#[ignore = "fails: tasks empty: the '-' conclusions nest under agenda item '3.' (a sentence ending in ':' between them does not end the numbered list, as it must not for 'Lý do, cụ thể như sau:' before a) b) sub-items)"]
fn tasks_not_the_agenda() {
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị giao ban. Chương trình hội nghị gồm:\n1. Khai mạc.\n\
         2. Báo cáo kết quả 6 tháng đầu năm.\n3. Thảo luận.\n\
         Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện yêu cầu:\n\
         - Đẩy nhanh giải ngân vốn đầu tư công.\n- Tập trung thu ngân sách.\n",
    );
    assert_eq!(task_texts(&d), ["Đẩy nhanh giải ngân vốn đầu tư công.", "Tập trung thu ngân sách."]);
}

#[test]
fn tasks_not_the_schedule() {
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị giao ban theo lịch sau:\n- 7h30: Đón tiếp đại biểu.\n\
         - 8h00: Khai mạc.\n\
         Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện yêu cầu:\n\
         1. Đẩy nhanh giải ngân vốn đầu tư công.\n2. Tập trung thu ngân sách.\n",
    );
    assert_eq!(task_texts(&d), ["Đẩy nhanh giải ngân vốn đầu tư công.", "Tập trung thu ngân sách."]);
}

#[test]
fn tasks_not_the_objectives() {
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị triển khai Kế hoạch xây dựng nông thôn mới. Kế hoạch đặt \
         mục tiêu:\n1. 100% xã đạt chuẩn nông thôn mới.\n2. Thu nhập bình quân đạt 60 triệu đồng.\n\
         Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện giao nhiệm vụ:\n\
         1. Phòng Nông nghiệp hướng dẫn các xã lập hồ sơ.\n2. Các xã rà soát tiêu chí.\n",
    );
    assert_eq!(task_texts(&d), ["Phòng Nông nghiệp hướng dẫn các xã lập hồ sơ.", "Các xã rà soát tiêu chí."]);
}

#[test]
fn objectives_alone_are_not_tasks() {
    let d = parse(
        "Sáng 8/7/2024, UBND huyện tổ chức hội nghị triển khai Kế hoạch xây dựng nông thôn mới. Kế hoạch đặt \
         mục tiêu:\n1. 100% xã đạt chuẩn nông thôn mới.\n2. Thu nhập bình quân đạt 60 triệu đồng.\n",
    );
    assert_eq!(task_texts(&d), Vec::<&str>::new());
}

// ---------------------------------------------------------------- bylines

#[test]
fn byline_at_the_end() {
    let text = "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Đồng chí Lê Văn Bình, Bí thư Huyện ủy chủ trì hội \
                nghị.\n\nThanh Hương\n";
    assert_eq!(author(text).as_deref(), Some("Thanh Hương"));
}

#[test]
fn byline_at_the_top() {
    let text = "Huyện ủy giao ban công tác tháng 7\n\nTrần Minh Đức\n\nSáng 8/7, Huyện ủy tổ chức hội nghị giao \
                ban. Đồng chí Lê Văn Bình, Bí thư Huyện ủy chủ trì hội nghị.\n";
    let d = parse(text);
    assert_eq!(d.author.as_ref().map(|a| a.text.as_str()), Some("Trần Minh Đức"));
    assert_eq!(names(&d), ["Lê Văn Bình"]);
}

#[test]
fn byline_tin_anh() {
    let text = "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Đồng chí Lê Văn Bình, Bí thư Huyện ủy chủ trì hội \
                nghị.\n\nTin, ảnh: Phạm Ngọc Lan\n";
    let d = parse(text);
    assert_eq!(d.author.as_ref().map(|a| a.text.as_str()), Some("Phạm Ngọc Lan"));
    assert_eq!(names(&d), ["Lê Văn Bình"]);
}

#[test]
fn byline_tac_gia_name_role() {
    let text = "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Đồng chí Lê Văn Bình, Bí thư Huyện ủy chủ trì hội \
                nghị.\n\nTác giả: Nguyễn Văn Hòa – Văn phòng Huyện ủy\n";
    assert_eq!(author(text).as_deref(), Some("Nguyễn Văn Hòa"));
}

#[test]
fn byline_organization() {
    let text = "Sáng 8/7, Huyện ủy tổ chức hội nghị giao ban. Đồng chí Lê Văn Bình, Bí thư Huyện ủy chủ trì hội \
                nghị.\n\nBan Tuyên giáo Huyện ủy\n";
    assert_eq!(author(text).as_deref(), Some("Ban Tuyên giáo Huyện ủy"));
}

/// A shorter lexicon entry still matches when the longest one stops inside a word:
/// "Phó trưởng CAQ" (an abbreviation) against the entry "Phó trưởng CA".
#[test]
fn shorter_title_when_the_longest_entry_ends_inside_a_word() {
    let d = parse("Tham dự hội nghị có Trung tá Lê Văn Bình, Phó trưởng CAQ Liên Chiểu.");
    let p = person(&d, "Lê Văn Bình");
    let roles: Vec<&str> = p.roles.iter().map(|r| r.text.as_str()).collect();
    assert!(roles.contains(&"Phó trưởng CAQ Liên Chiểu"), "{roles:?}");
    let r = p.roles.iter().find(|r| r.text.starts_with("Phó trưởng")).unwrap();
    assert_eq!(r.expanded.as_deref(), Some("Phó trưởng Công an quận Liên Chiểu"));
}

/// Issue 12, pattern 10: clean Unicode text with a registered-trademark sign or another
/// stray symbol after a capitalised word is read as it is, never "repaired" as TCVN3
/// ("BMW®" became "BMWĐ", encoding tcvn3); TCVN3 shown as Latin-1 still is.
#[test]
fn clean_text_with_trademark_signs_is_not_repaired() {
    let text = "Sáng 12/3/2024, Công ty cổ phần Ô tô Miền Trung tổ chức hội nghị giới thiệu xe BMW® X5 \
                với hệ thống MMI® và động cơ TFSI®. Ông Trần Văn Bình, Giám đốc Công ty chủ trì hội nghị. \
                Nhiệt độ 25°C, sai số ±5%, bụi mịn 2,5µm. Bản quyền © 2024.";
    let d = parse(text);
    assert_eq!(d.input.encoding, "utf-8");
    assert_eq!(names(&d), ["Trần Văn Bình"]);
    assert_eq!(meeting(&d).chairs.len(), 1);
    let latin1: String = vanban::decode::encode_tcvn3("Sáng 12/3/2024, Ủy ban nhân dân huyện tổ chức hội nghị. Ông Trần Văn Bình, Chủ tịch UBND huyện chủ trì hội nghị.")
        .iter()
        .map(|&b| char::from(b))
        .collect();
    let d = parse(&latin1);
    assert_eq!(d.input.encoding, "tcvn3");
    assert_eq!(names(&d), ["Trần Văn Bình"]);
}

// ---------------------------------------------------------------- issue 12: names and roles

#[test]
fn issue12_name_syllable_that_is_a_common_noun() {
    let d = parse(
        "Sáng 5/3, Huyện ủy tổ chức hội nghị. Dự có Đại tá Ngô Đình Trường, Chỉ huy trưởng Bộ CHQS tỉnh; \
         các đồng chí Vũ Minh An, Phó Chủ tịch UBND tỉnh; Hà Ban, Phó Trưởng Ban Tổ chức Tỉnh ủy. \
         Phó Chủ tịch HĐND tỉnh Lê Bộ Khánh trình bày tờ trình. Đồng chí Hà Ban phát biểu.",
    );
    assert_eq!(names(&d), ["Ngô Đình Trường", "Vũ Minh An", "Hà Ban", "Lê Bộ Khánh"], "{:?}", people(&d));
    assert_eq!(
        person(&d, "Hà Ban").roles.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
        ["Phó Trưởng Ban Tổ chức Tỉnh ủy"]
    );
}

#[test]
fn issue12_offices_elected_appointed_relieved_are_roles() {
    let d = parse(
        "Kết quả, ông Vũ Văn Tâm, Bí thư Đảng ủy xã được bầu giữ chức Chủ tịch HĐND xã khóa X, nhiệm kỳ 2021 - 2026; \
         ông Lê Văn Bình được bầu làm Phó Chủ tịch UBND xã. Đồng chí Trần Minh Đức thôi giữ chức Bí thư Huyện ủy, \
         được điều động và bổ nhiệm giữ chức vụ Giám đốc Sở Nội vụ.",
    );
    let roles = |n: &str| person(&d, n).roles.iter().map(|r| (r.text.clone(), r.qualifier.clone())).collect::<Vec<_>>();
    let q = |s: &str| Some(s.to_string());
    assert_eq!(roles("Vũ Văn Tâm"), [("Bí thư Đảng ủy xã".into(), None), ("Chủ tịch HĐND xã".into(), q("elected"))]);
    assert_eq!(roles("Lê Văn Bình"), [("Phó Chủ tịch UBND xã".into(), q("elected"))]);
    assert_eq!(
        roles("Trần Minh Đức"),
        [("Bí thư Huyện ủy".into(), q("relieved")), ("Giám đốc Sở Nội vụ".into(), q("appointed"))]
    );
}

#[test]
fn issue12_roles_not_cut_short() {
    assert_people(
        "Đồng chí Lê Văn Bình – Đảng ủy viên, Phó Chủ tịch Ủy ban MTTQ Việt Nam phường, kiêm Chủ tịch Công đoàn phường, triển khai kế hoạch. \
         Ông Vũ Minh Tâm, Trưởng Ban Chỉ đạo bầu cử xã, Cục trưởng Cục An ninh chính trị nội bộ, phát biểu. \
         Ông Đỗ Văn Hải, Tổng Thanh tra Chính phủ, dự.",
        &[
            ("Lê Văn Bình", &["Đảng ủy viên", "Phó Chủ tịch Ủy ban MTTQ Việt Nam phường", "Chủ tịch Công đoàn phường"]),
            ("Vũ Minh Tâm", &["Trưởng Ban Chỉ đạo bầu cử xã", "Cục trưởng Cục An ninh chính trị nội bộ"]),
            ("Đỗ Văn Hải", &["Tổng Thanh tra Chính phủ"]),
        ],
    );
}

// ---------------------------------------------------------------- issue 12: page chrome

/// Pattern 1: menu labels, a portal banner and a crawler prefix are not the headline;
/// the banner does not start the footer.
#[test]
fn page_chrome_is_not_the_headline() {
    let text = "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN AN LẠC\nTin tức\n\nnull Hội nghị giao ban quý III của UBND xã Tân Hòa\n\n\
                Sáng 12/9, UBND xã Tân Hòa tổ chức hội nghị giao ban quý III năm 2024. Ông Lê Văn Bình, Chủ tịch UBND xã chủ trì hội nghị.\n\n\
                >> Hội nghị tổng kết công tác năm 2023\n";
    let d = parse(text);
    assert_eq!(d.title.as_ref().map(|t| t.text.as_str()), Some("Hội nghị giao ban quý III của UBND xã Tân Hòa"));
    assert_eq!(meeting(&d).date.as_ref().map(|x| (x.month, x.day)), Some((9, 12)));
    assert!(d.publisher.is_none());
}

/// Pattern 1: no headline in the text (a timestamp, then the lead): no title.
#[test]
fn no_headline_gives_no_title() {
    let text = " date 2024-05-28 Sáng 28/5, Đảng ủy xã Tân Hòa tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.\n\n\
                Ông Lê Văn Bình, Bí thư Đảng ủy xã chủ trì hội nghị. Các đại biểu đã thảo luận sôi nổi.\n";
    let d = parse(text);
    assert_eq!(d.title, None);
    assert_eq!(d.published.as_ref().map(|p| (p.year, p.month, p.day)), Some((Some(2024), Some(5), Some(28))));
}

/// Pattern 2: a publish timestamp is metadata, never the meeting's date, and gives the
/// year of a meeting date written without one.
#[test]
fn timestamp_is_the_published_date() {
    let text = "Hội nghị giao ban tháng 6 của UBND xã Tân Hòa\n\nThứ Hai, 10/06/2024 08:30 (GMT+7)\n\n\
                Sáng 7/6, UBND xã Tân Hòa tổ chức hội nghị giao ban tháng 6. Ông Lê Văn Bình, Chủ tịch UBND xã chủ trì hội nghị.\n";
    let d = parse(text);
    let p = d.published.as_ref().expect("a publish date");
    assert_eq!((p.year, p.month, p.day, p.text.as_str()), (Some(2024), Some(6), Some(10), "10/06/2024"));
    let date = meeting(&d).date.as_ref().expect("a date");
    assert_eq!((date.year, date.month, date.day), (Some(2024), 6, 7));
}

/// Pattern 9: a labelled byline before the page's chrome is the author; a page cut off
/// mid-sentence has none.
#[test]
fn byline_before_chrome_and_cut_off_page() {
    let body = "Hội nghị giao ban tháng 6 của UBND xã Tân Hòa\n\n\
                Sáng 7/6/2024, UBND xã Tân Hòa tổ chức hội nghị giao ban tháng 6 nhằm đánh giá kết quả công tác tháng 5 và bàn các nhiệm vụ trọng tâm trong tháng tới của xã.\n\n";
    let d = parse(&format!(
        "{body}Tác giả bài viết: Trần Minh Hà\nNguồn tin: Báo Tân Hòa\n\nÝ kiến bạn đọc\n\nThống kê truy cập\n"
    ));
    assert_eq!(d.author.as_ref().map(|a| a.text.as_str()), Some("Trần Minh Hà"));
    let d = parse(&format!("{body}Thay mặt"));
    assert_eq!(d.author, None);
}

// ---------------------------------------------------------------- issue 12: which day is the meeting's

/// A span of years in parentheses is an anniversary, a day in a story is not the
/// meeting's, and a labelled time is.
#[test]
fn meeting_date_is_the_meetings_own() {
    // Pattern 4: the meeting has no date of its own; the anniversary is none.
    let d = parse(
        "Tại điểm cầu tỉnh, hội nghị do Đại tá Lê Văn Bình - Phó Giám đốc Công an tỉnh chủ trì. \
         Hội nghị nhân dịp kỷ niệm 80 năm Ngày truyền thống lực lượng Công an nhân dân (19/8/1945-19/8/2025).",
    );
    assert_eq!(chairs(&d), ["Lê Văn Bình"]);
    assert_eq!(date(&d), None);
    // A day of the work reported, with nothing of the meeting in its sentence.
    no_meeting_date(
        "Tới dự và chỉ đạo hội nghị có đồng chí Trần Văn Minh - Phó Bí thư Đảng ủy xã.\n\
         Bà con bắt đầu xuống đồng gieo cấy từ ngày 20/06 và kết thúc vào ngày 05/07/2021.",
    );
    // The value of a "Thời gian:" label in a numbered plan.
    let d = parse(
        "KẾ HOẠCH tổ chức hội nghị đối thoại\n\n1. Mục đích: trao đổi với nhân dân.\n\
         2. Thời gian: từ 7h30 - 9h00, Thứ ba, ngày 06/02/2018.\n3. Địa điểm: Hội trường UBND xã.\n\
         Ông Nguyễn Văn An, Chủ tịch UBND xã chủ trì hội nghị.",
    );
    assert_eq!(date(&d), Some((Some(2018), 2, 6, false)));
}

/// A festival or a funeral is no meeting, dated or not.
#[test]
fn festival_and_funeral_are_no_meeting() {
    for text in [
        "Ngày 31/01/2017 tức mùng 4 Tết, UBND xã Long Phú đã khai mạc lễ hội mừng Đảng, mừng Xuân.",
        "Chiều 15-6, tang lễ của đồng chí Trần Văn Hùng, nguyên Bí thư Tỉnh ủy, được tổ chức theo nghi thức lễ tang cấp Nhà nước.",
    ] {
        assert!(parse(text).meeting.is_none(), "{text}");
    }
}

/// Pattern 6/7: a rank before a two-syllable name whose family name is also a word,
/// and an organization whose field ends in lower-case words before its level.
#[test]
fn rank_before_a_short_name_and_a_long_body() {
    assert_people(
        "Chiều 17/4, Đoàn kiểm tra do Đại tướng Tô Lâm - Phó trưởng Tiểu ban Bảo vệ chính trị nội bộ Trung ương, \
         Trưởng Đoàn kiểm tra, chủ trì buổi làm việc với Ban Thường vụ Tỉnh ủy.",
        &[("Tô Lâm", &["Đại tướng", "Phó trưởng Tiểu ban Bảo vệ chính trị nội bộ Trung ương", "Trưởng Đoàn kiểm tra"])],
    );
    let d = parse(
        "Chiều 17/4, Đoàn kiểm tra do Đại tướng Tô Lâm - Bộ trưởng Bộ Công an chủ trì buổi làm việc với Ban Thường vụ Tỉnh ủy.",
    );
    assert_eq!(chairs(&d), ["Tô Lâm"]);
    assert_eq!(date(&d), Some((None, 4, 17, false)));
    // Without roles after it, a word pair after a rank stays no name.
    assert!(parse("Đại tá Hà Nội dự lễ.").people.is_empty());
}

// ---------------------------------------------------------------- issue 12: hard-wrapped lines

/// Pattern 3: text wrapped at a fixed width is read as its sentences; a new paragraph, a
/// caption and list items stay apart; spans still point into the input as given.
#[test]
fn hard_wrapped_lines_are_joined() {
    let text = "Tiếp xúc cử tri trước kỳ họp thứ 8 HĐND huyện\n\nChiều\nngày 22/3/2022, Tổ đại biểu HĐND huyện tổ\n\
                chức tiếp xúc cử tri tại xã Tân Phú. Ông Nguyễn Văn Hùng, Phó Chủ tịch HĐND huyện chủ trì buổi tiếp\n\
                xúc. Tham dự có bà Lê Thị Mai, Chủ\ntịch UBND xã Tân Phú.\nTại\nbuổi tiếp xúc, có 9 ý kiến của cử tri.\n\
                Các đại biểu tham dự buổi tiếp xúc\nCác nhiệm vụ:\n- Tăng cường công tác quản lý\nđất đai;\n- Đổi mới phương thức tiếp xúc cử tri.\n";
    let d = parse(text);
    let m = meeting(&d);
    assert_eq!(date(&d), Some((Some(2022), 3, 22, false)));
    assert_eq!(m.time_of_day, Some(TimeOfDay::Chieu));
    assert_eq!(m.date.as_ref().map(|x| x.text.as_str()), Some("Chiều ngày 22/3/2022"));
    // The span is the input's, line break included.
    assert_eq!(m.date.as_ref().and_then(|x| x.span.slice(text)), Some("Chiều\nngày 22/3/2022"));
    assert_eq!(m.organizer.as_ref().map(|o| o.text.as_str()), Some("Tổ đại biểu HĐND huyện"));
    assert_eq!(chairs(&d), ["Nguyễn Văn Hùng"]);
    assert_eq!(person(&d, "Lê Thị Mai").roles[0].text, "Chủ tịch UBND xã Tân Phú");
    assert_eq!(m.contributions.as_ref().map(|c| c.count), Some(9));
    assert_eq!(d.captions.len(), 1, "{:?}", d.captions);
    assert_eq!(task_texts(&d), ["Tăng cường công tác quản lý đất đai;", "Đổi mới phương thức tiếp xúc cử tri."]);
}
