//! Text typed without diacritics still yields people and roles, at lower confidence.

#[test]
fn roles_without_diacritics() {
    let text = "HOI NGHI SO KET CONG TAC 6 THANG DAU NAM 2024\n\n\
        Chieu ngay 05/7/2024, Ban Dan van Huyen uy to chuc Hoi nghi so ket cong tac dan van. \
        Den du co dong chi Nguyen Van Binh - Pho Bi thu Thuong truc Huyen uy, Chu tich HDND huyen. \
        Dong chi Tran Thi Hoa, Pho Chu tich UBND huyen chu tri Hoi nghi.";
    let doc = vanban::parse(text);
    assert!(!doc.input.diacritics);
    assert!(doc.diagnostics.iter().any(|d| d.code == "no_diacritics"));
    let binh = doc.people.iter().find(|p| p.name == "Nguyen Van Binh").expect("Nguyen Van Binh");
    let roles: Vec<&str> = binh.roles.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(roles, ["Pho Bi thu Thuong truc Huyen uy", "Chu tich HDND huyen"]);
    assert!(binh.roles.iter().all(|r| r.confidence < 1.0));
    assert_eq!(binh.roles[1].expanded.as_deref(), Some("Chu tich Hội đồng nhân dân huyen"));
    let m = doc.meeting.unwrap();
    assert_eq!(doc.people[m.chairs[0]].name, "Tran Thi Hoa");
}

#[test]
fn english_and_normal_text_are_not_accent_free() {
    // No Vietnamese diacritic is seen in English text, but it is not accent-free Vietnamese.
    let doc = vanban::parse("The committee met on Monday and the chair opened the meeting with a short speech.");
    assert!(!doc.input.diacritics);
    assert!(!doc.diagnostics.iter().any(|d| d.code == "no_diacritics"));
    let doc = vanban::parse("Đồng chí Nguyễn Văn Bình - Chủ tịch UBND huyện phát biểu tại hội nghị.");
    assert!(doc.input.diacritics);
    assert_eq!(doc.people[0].roles[0].confidence, 1.0);
}
