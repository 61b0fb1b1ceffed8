//! What the seed document (a district portal's news report of a conference) must
//! yield, field by field, as issue 2 states it.

use vanban::{DocumentKind, SpeechKind, TimeOfDay};

const SEED: &str = include_str!("../fixtures/hoi-nghi-so-ket-dan-van-2019.txt");

fn doc() -> vanban::Document {
    vanban::parse_bytes(SEED.as_bytes()).unwrap()
}

fn id_of(d: &vanban::Document, name: &str) -> usize {
    d.people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no person {name}")).id
}

#[test]
fn kind_title_date_period() {
    let d = doc();
    assert_eq!(d.kind, DocumentKind::NewsReport);
    assert_eq!(
        d.title.as_ref().unwrap().text,
        "HỘI NGHỊ SƠ KẾT CÔNG TÁC DÂN VẬN VÀ CÁC BAN CHỈ ĐẠO 6 THÁNG ĐẦU NĂM 2019"
    );
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(m.kind.as_deref(), Some("so_ket"));
    let date = m.date.as_ref().unwrap();
    assert_eq!((date.year, date.month, date.day, date.year_inferred), (Some(2019), 7, 5, false));
    assert_eq!(m.time_of_day, Some(TimeOfDay::Chieu));
    let p = m.period.as_ref().unwrap();
    assert_eq!((p.months, p.year), (Some(6), Some(2019)));
    assert_eq!(m.organizer.as_ref().unwrap().text, "Ban Dân vận Huyện ủy");
    assert!(m.name.as_ref().unwrap().text.starts_with("Hội nghị sơ kết công tác dân vận"));
}

#[test]
fn exactly_the_eight_people_with_their_roles() {
    let d = doc();
    let names: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Vũ Đình Minh",
            "Trần Quốc Lập",
            "Lê Quang Huy",
            "Hoàng Thế Hòe",
            "Lê Đức Quynh",
            "Nguyễn Lương Thịnh",
            "Đặng Thị Lan Anh",
            "Phạm Văn Long"
        ]
    );
    let roles = |n: &str| -> Vec<String> { d.people[id_of(&d, n)].roles.iter().map(|r| r.text.clone()).collect() };
    assert_eq!(
        roles("Vũ Đình Minh"),
        ["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện", "Phó Bí thư Huyện ủy", "Trưởng 2 BCĐ"]
    );
    assert_eq!(roles("Trần Quốc Lập"), ["TVHU", "Phó chủ tịch HĐND huyện"]);
    assert_eq!(roles("Lê Quang Huy"), ["TVHU", "Phó chủ tịch UBND huyện"]);
    assert_eq!(roles("Hoàng Thế Hòe"), ["TVHU", "Trưởng Ban Dân vận Huyện ủy", "Chủ tịch UBMTTQ huyện"]);
    assert_eq!(roles("Lê Đức Quynh"), ["Phó chủ tịch UBMTTQ huyện"]);
    assert_eq!(roles("Nguyễn Lương Thịnh"), ["Phó trưởng công an huyện"]);
    assert_eq!(roles("Đặng Thị Lan Anh"), ["Phó bí thư Đảng ủy xã Mỹ Hưng"]);
    assert_eq!(roles("Phạm Văn Long"), ["Chủ tịch UBND huyện"]);
    // Split into title and organization, abbreviations expanded.
    let hoe = &d.people[id_of(&d, "Hoàng Thế Hòe")];
    assert_eq!(hoe.roles[0].expanded.as_deref(), Some("Ủy viên Ban Thường vụ Huyện ủy"));
    assert_eq!(hoe.roles[1].title, "Trưởng");
    assert_eq!(hoe.roles[1].organization.as_deref(), Some("Ban Dân vận Huyện ủy"));
    assert_eq!(hoe.roles[2].expanded.as_deref(), Some("Chủ tịch Ủy ban Mặt trận Tổ quốc huyện"));
    let minh = &d.people[id_of(&d, "Vũ Đình Minh")];
    assert_eq!(minh.roles[0].title, "Phó Bí thư Thường trực");
    assert_eq!(minh.roles[1].expanded.as_deref(), Some("Chủ tịch Hội đồng nhân dân huyện"));
    assert_eq!(minh.roles[3].expanded.as_deref(), Some("Trưởng 2 Ban Chỉ đạo"));
}

#[test]
fn role_only_mention_joins_its_holder() {
    let d = doc();
    let minh = &d.people[id_of(&d, "Vũ Đình Minh")];
    let texts: Vec<&str> = minh.mentions.iter().map(|s| s.slice(SEED).unwrap()).collect();
    assert!(texts.contains(&"đồng chí Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện"), "{texts:?}");
}

#[test]
fn chair_attendees_groups() {
    let d = doc();
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(m.chairs, [id_of(&d, "Hoàng Thế Hòe")]);
    assert_eq!(m.attendees, [id_of(&d, "Vũ Đình Minh"), id_of(&d, "Trần Quốc Lập"), id_of(&d, "Lê Quang Huy")]);
    let groups: Vec<&str> = m.groups.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(groups.len(), 4, "{groups:?}");
    assert!(groups[0].starts_with("các đồng chí thành viên của Ban chỉ đạo"));
    assert!(groups[1].starts_with("đại diện lãnh đạo Đảng ủy Công an, Quân sự"));
    assert_eq!(groups[2], "các đồng chí Phó Bí thư Thường trực Đảng ủy xã, thị trấn");
    assert_eq!(groups[3], "cán bộ, chuyên viên Ban Dân vận Huyện ủy");
}

#[test]
fn contributions_speeches_tasks() {
    let d = doc();
    let m = d.meeting.as_ref().unwrap();
    let c = m.contributions.as_ref().unwrap();
    assert_eq!((c.count, c.text.as_str()), (4, "04 ý kiến tham luận"));
    assert_eq!(c.topics.len(), 5);
    let speeches: Vec<(usize, SpeechKind)> = m.speeches.iter().map(|s| (s.speaker, s.kind)).collect();
    assert_eq!(
        speeches,
        [(id_of(&d, "Vũ Đình Minh"), SpeechKind::Directive), (id_of(&d, "Hoàng Thế Hòe"), SpeechKind::Conclusion)]
    );
    let tasks: Vec<(&str, Option<u32>)> = m.tasks.iter().map(|t| (t.marker.as_str(), t.number)).collect();
    assert_eq!(tasks, [("(1)", Some(1)), ("(2)", Some(2)), ("(3)", Some(3)), ("(4)", Some(4))]);
    assert!(m.tasks[0].text.starts_with("Tăng cường công tác vận động quần chúng. Đẩy mạnh"));
    assert!(m.tasks[0].text.ends_with("nông thôn mới kiểu mẫu, nâng cao"));
    assert!(m.tasks[1].text.ends_with("đáp ứng yêu cầu của tình hình mới"));
    assert!(m.tasks[3].text.ends_with("các phong trào thi đua yêu nước trong các tầng lớp Nhân dân."));
    // Text fields hold the normalized spelling (here: straight quotes); the span is the
    // way back to the bytes as written.
    for t in &m.tasks {
        let written = t.span.slice(SEED).unwrap();
        assert_eq!(vanban::normalize::normalize(written, &Default::default()).text, t.text);
    }
}

#[test]
fn captions_author_publisher() {
    let d = doc();
    assert_eq!(d.captions.len(), 8);
    assert!(d.captions.iter().all(|c| c.person.is_some()));
    assert_eq!(d.captions[0].person, Some(id_of(&d, "Hoàng Thế Hòe")));
    assert_eq!(d.author.as_ref().unwrap().text, "Ban Dân vận Huyện ủy");
    let p = d.publisher.as_ref().unwrap();
    assert_eq!(p.agency.as_ref().unwrap().text, "UBND huyện Mỹ Lộc tỉnh Nam Định");
    assert_eq!(p.address.as_ref().unwrap().text, "Thị trấn Mỹ Lộc - huyện Mỹ Lộc - tỉnh Nam Định");
    assert_eq!(p.phone.as_ref().unwrap().text, "(0228) 3810724");
    assert_eq!(p.fax.as_ref().unwrap().text, "(0228) 3810764");
    assert_eq!(p.email.as_ref().unwrap().text, "ubndmyloc@namdinh.gov.vn");
    assert_eq!(p.responsible.as_ref().unwrap().text, "Phạm Văn Long");
    assert_eq!(p.responsible_role.as_ref().unwrap().text, "Chủ tịch UBND huyện");
    assert_eq!(p.responsible_person, Some(id_of(&d, "Phạm Văn Long")));
    assert_eq!(p.designer.as_ref().unwrap().text, "VNPT Nam Định");
}

#[test]
fn spans_point_at_the_written_text() {
    let d = doc();
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(m.date.as_ref().unwrap().span.slice(SEED), Some("Chiều ngày 05/7/2019"));
    assert_eq!(m.organizer.as_ref().unwrap().span.slice(SEED), Some("Ban Dân vận Huyện ủy"));
    for p in &d.people {
        for r in &p.roles {
            let written = r.span.slice(SEED).unwrap();
            assert_eq!(written.split_whitespace().collect::<Vec<_>>().join(" "), r.text, "{}", p.name);
        }
    }
}
