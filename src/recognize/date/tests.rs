//! Tests of the date, time and period recognizer.

/// Formerly a doc example (the item is private since issue 11).
#[test]
fn dates_and_periods_example() {
    use crate::recognize::date::*;

    let r = DateRecognizer::new();
    let key = "chiều ngày 05/7/2019, hội nghị khai mạc lúc 14h30.";
    let found = r.dates(key);
    assert_eq!(found.len(), 2);
    let d = &found[0];
    assert_eq!(&key[d.start..d.end], "chiều ngày 05/7/2019");
    assert_eq!((d.year, d.month, d.day), (Some(2019), Some(7), Some(5)));
    assert_eq!(d.time_of_day, Some(TimeOfDay::Chieu));
    assert_eq!(d.kind, DateKind::Full);
    let t = &found[1];
    assert_eq!((t.hour, t.minute, t.kind), (Some(14), Some(30), DateKind::TimeOnly));

    let p = &r.periods("sơ kết 6 tháng đầu năm 2019")[0];
    assert_eq!((p.kind, p.months, p.year), (PeriodKind::FirstMonths, Some(6), Some(2019)));
}

use super::*;

fn rec() -> DateRecognizer {
    DateRecognizer::new()
}

/// Exactly one date mention; returns it with its text.
fn one(key: &str) -> (DateMention, String) {
    let v = rec().dates(key);
    assert_eq!(v.len(), 1, "{key:?} → {v:#?}");
    let t = key[v[0].start..v[0].end].to_string();
    (v[0].clone(), t)
}

/// The one date of `key`: its text is `text` (when given), its (year, month, day) `want`.
fn date(key: &str, text: Option<&str>, want: (Option<i32>, Option<u8>, Option<u8>)) -> DateMention {
    let (d, t) = one(key);
    if let Some(text) = text {
        assert_eq!(t, text);
    }
    assert_eq!(ymd(&d), want);
    d
}

fn no_dates(key: &str) {
    let v = rec().dates(key);
    assert!(v.is_empty(), "{key:?} → {v:#?}");
}

fn one_period(key: &str) -> (PeriodMention, String) {
    let v = rec().periods(key);
    assert_eq!(v.len(), 1, "{key:?} → {v:#?}");
    let t = key[v[0].start..v[0].end].to_string();
    (v[0].clone(), t)
}

fn ymd(d: &DateMention) -> (Option<i32>, Option<u8>, Option<u8>) {
    (d.year, d.month, d.day)
}

#[test]
fn tod_full_date() {
    let d = date(
        "chiều ngày 05/7/2019, ubnd huyện tổ chức hội nghị",
        Some("chiều ngày 05/7/2019"),
        (Some(2019), Some(7), Some(5)),
    );
    assert_eq!(d.time_of_day, Some(TimeOfDay::Chieu));
    assert_eq!(d.kind, DateKind::Full);
    assert!(!d.relative && !d.lunar);
}

#[test]
fn tod_day_month_slash() {
    let d = date("sáng 8/7, tỉnh ủy tổ chức hội nghị", Some("sáng 8/7"), (None, Some(7), Some(8)));
    assert_eq!(d.kind, DateKind::DayMonth);
    assert_eq!(d.time_of_day, Some(TimeOfDay::Sang));
}

#[test]
fn tod_day_month_dash() {
    date("hà nội - chiều 18-7, tại trụ sở", Some("chiều 18-7"), (None, Some(7), Some(18)));
}

#[test]
fn tod_full_dash() {
    let d = date("sáng 4-4-2022 đoàn công tác", Some("sáng 4-4-2022"), (Some(2022), Some(4), Some(4)));
    assert_eq!(d.kind, DateKind::Full);
}

#[test]
fn dotted_day_month() {
    date("sáng ngày 30.6 tại hội trường", Some("sáng ngày 30.6"), (None, Some(6), Some(30)));
    date("xảy ra ngày 16.4.", Some("ngày 16.4"), (None, Some(4), Some(16)));
}

#[test]
fn formal_date_line() {
    let d = date("hà nội, ngày 05 tháng 7 năm 2019", Some("ngày 05 tháng 7 năm 2019"), (Some(2019), Some(7), Some(5)));
    assert_eq!(d.kind, DateKind::Full);
}

#[test]
fn month_in_words() {
    date("ngày 03 tháng bốn năm 2018", Some("ngày 03 tháng bốn năm 2018"), (Some(2018), Some(4), Some(3)));
    date("ngày 15 tháng mười hai năm 2020", None, (Some(2020), Some(12), Some(15)));
}

#[test]
fn range_with_va() {
    let d = date("diễn ra ngày 27 và 28-7 tại", Some("ngày 27 và 28-7"), (None, Some(7), Some(27)));
    assert_eq!((d.end_day, d.end_month), (Some(28), Some(7)));
}

#[test]
fn range_tu_den() {
    let d = date(
        "từ ngày 27 đến ngày 30-6-2017, đoàn",
        Some("từ ngày 27 đến ngày 30-6-2017"),
        (Some(2017), Some(6), Some(27)),
    );
    assert_eq!((d.end_day, d.end_month), (Some(30), Some(6)));
}

#[test]
fn range_year_applies_to_both() {
    let d = date("5-5 đến 10-5-2017", Some("5-5 đến 10-5-2017"), (Some(2017), Some(5), Some(5)));
    assert_eq!((d.end_day, d.end_month), (Some(10), Some(5)));
}

#[test]
fn range_in_parens() {
    let d = date("hội nghị (24-25/6) đã", Some("(24-25/6)"), (None, Some(6), Some(24)));
    assert_eq!(d.end_day, Some(25));
}

#[test]
fn range_trong_hai_ngay() {
    let d = date("trong 2 ngày 18 và 19/8, đoàn", Some("trong 2 ngày 18 và 19/8"), (None, Some(8), Some(18)));
    assert_eq!((d.end_day, d.end_month), (Some(19), Some(8)));
}

#[test]
fn range_dash_slash() {
    let d = date("từ ngày 04-10/3/2024, các đơn vị", Some("từ ngày 04-10/3/2024"), (Some(2024), Some(3), Some(4)));
    assert_eq!((d.end_day, d.end_month), (Some(10), Some(3)));
    let d = date("ngày 5 - 6/3/2024", Some("ngày 5 - 6/3/2024"), (Some(2024), Some(3), Some(5)));
    assert_eq!(d.end_day, Some(6));
}

#[test]
fn range_across_years() {
    let d = date("(30.4.1975 - 30.4.2025)", None, (Some(1975), Some(4), Some(30)));
    assert_eq!((d.end_day, d.end_month), (Some(30), Some(4)));
    let d = date("từ 28/12 đến 2/1/2021", None, (Some(2020), Some(12), Some(28)));
    assert_eq!((d.end_day, d.end_month), (Some(2), Some(1)));
}

#[test]
fn relative_with_date() {
    let (d, t) = one("chiều nay ngày 12/3, hội nghị");
    assert_eq!(t, "chiều nay ngày 12/3");
    assert!(d.relative);
    assert_eq!(d.time_of_day, Some(TimeOfDay::Chieu));
    assert_eq!(ymd(&d), (None, Some(3), Some(12)));
    assert_eq!(d.kind, DateKind::DayMonth);

    let (d, t) = one("sáng nay (31-7), tại");
    assert_eq!(t, "sáng nay (31-7)");
    assert!(d.relative);
    assert_eq!(ymd(&d), (None, Some(7), Some(31)));

    date("chiều nay (30/4), đoàn", Some("chiều nay (30/4)"), (None, Some(4), Some(30)));

    date("sáng nay 8/2, tỉnh ủy", Some("sáng nay 8/2"), (None, Some(2), Some(8)));
}

#[test]
fn relative_alone() {
    for key in ["hôm nay", "hôm qua", "chiều qua", "sáng nay", "chiều cùng ngày", "cùng ngày"] {
        let (d, t) = one(&format!("{key}, đoàn công tác đến"));
        assert_eq!(t, key);
        assert!(d.relative, "{key}");
        assert_eq!(d.kind, DateKind::Relative, "{key}");
        assert_eq!(ymd(&d), (None, None, None));
    }
    let (d, _) = one("tối qua");
    assert_eq!(d.time_of_day, Some(TimeOfDay::Toi));
}

#[test]
fn clocks() {
    let (d, t) = one("vào hồi 14 giờ 00, cuộc họp bắt đầu");
    assert_eq!(t, "vào hồi 14 giờ 00");
    assert_eq!((d.hour, d.minute), (Some(14), Some(0)));
    assert_eq!(d.kind, DateKind::TimeOnly);

    let (d, t) = one("hồi 08 00 phút, tại");
    assert_eq!(t, "hồi 08 00 phút");
    assert_eq!((d.hour, d.minute), (Some(8), Some(0)));

    let (d, t) = one("khai mạc lúc 8h30 tại");
    assert_eq!(t, "lúc 8h30");
    assert_eq!((d.hour, d.minute), (Some(8), Some(30)));

    let (d, t) = one("8h00: đồng chí bí thư phát biểu");
    assert_eq!(t, "8h00");
    assert_eq!((d.hour, d.minute), (Some(8), Some(0)));

    let (d, _) = one("14g30 tại hội trường");
    assert_eq!((d.hour, d.minute), (Some(14), Some(30)));

    let (d, t) = one("lúc 14h, đoàn");
    assert_eq!(t, "lúc 14h");
    assert_eq!((d.hour, d.minute), (Some(14), None));

    let (d, t) = one("lúc 7 giờ 30 phút.");
    assert_eq!(t, "lúc 7 giờ 30 phút");
    assert_eq!((d.hour, d.minute), (Some(7), Some(30)));

    let (d, t) = one("vào hồi 8:00 sáng nay, tại");
    assert_eq!(t, "vào hồi 8:00 sáng nay");
    assert_eq!((d.hour, d.minute), (Some(8), Some(0)));
    assert!(d.relative);
    assert_eq!(d.time_of_day, Some(TimeOfDay::Sang));
}

#[test]
fn clock_with_date() {
    let d = date(
        "vào lúc 7 giờ 30 phút ngày 12/3/2024, tại",
        Some("vào lúc 7 giờ 30 phút ngày 12/3/2024"),
        (Some(2024), Some(3), Some(12)),
    );
    assert_eq!((d.hour, d.minute), (Some(7), Some(30)));
    assert_eq!(d.kind, DateKind::Full);

    let (d, t) = one("hôm nay, vào lúc 15 giờ, ngày 17 tháng 2 năm 2025, tại");
    assert_eq!(t, "hôm nay, vào lúc 15 giờ, ngày 17 tháng 2 năm 2025");
    assert!(d.relative);
    assert_eq!((d.hour, d.minute), (Some(15), None));
    assert_eq!(ymd(&d), (Some(2025), Some(2), Some(17)));

    let (d, t) = one("đến 20 giờ ngày 31 tháng 3 năm 1975, lá cờ");
    assert_eq!(t, "20 giờ ngày 31 tháng 3 năm 1975");
    assert_eq!(d.hour, Some(20));

    let (d, _) = one("thứ năm - 28/10/2021 13:52");
    assert_eq!(d.weekday, Some(5));
    assert_eq!((d.hour, d.minute), (Some(13), Some(52)));
}

#[test]
fn weekdays() {
    let (d, t) = one("thứ tư, 08/04/2015, 08:11 [gmt+7]");
    assert_eq!(t, "thứ tư, 08/04/2015, 08:11");
    assert_eq!(d.weekday, Some(4));
    assert_eq!(ymd(&d), (Some(2015), Some(4), Some(8)));
    assert_eq!((d.hour, d.minute), (Some(8), Some(11)));

    let (d, t) = one("vào ngày chủ nhật 03/4/2022, ");
    assert_eq!(t, "vào ngày chủ nhật 03/4/2022");
    assert_eq!(d.weekday, Some(8));
    assert_eq!(ymd(&d), (Some(2022), Some(4), Some(3)));

    let (d, t) = one("thứ 2 (11/11/2019)\t10h00\tgiao ban");
    assert_eq!(t, "thứ 2 (11/11/2019)\t10h00");
    assert_eq!(d.weekday, Some(2));
    assert_eq!(d.hour, Some(10));

    let (d, t) = one("sáng thứ 2 tuần tới");
    assert_eq!(t, "sáng thứ 2");
    assert_eq!(d.weekday, Some(2));
    assert_eq!(d.kind, DateKind::Relative);
    assert!(!d.relative);

    let (d, _) = one("thứ 2\n");
    assert_eq!(d.weekday, Some(2));
    let (d, _) = one("dự kiến vào thứ bảy");
    assert_eq!(d.weekday, Some(7));
}

#[test]
fn ordinals_are_not_weekdays() {
    no_dates("kỳ họp thứ 7 hđnd tỉnh");
    no_dates("hội nghị lần thứ năm ban chấp hành");
    no_dates("chủ tịch ubnd tỉnh (thứ 2 từ trái sang)");
    no_dates("xếp thứ 5/14 địa phương");
    no_dates("thứ hai là phát triển nguồn nhân lực");
    let (d, t) = one("hội nghị trung ương lần thứ 7 (11/1940) cử ra");
    assert_eq!(t, "(11/1940)");
    assert_eq!(d.weekday, None);
    let (d, t) = one("kỳ họp thứ 7 ngày 5/7/2019");
    assert_eq!(t, "ngày 5/7/2019");
    assert_eq!(d.weekday, None);
}

#[test]
fn space_inside_date() {
    date("chiều ngày 6/8/ 2019, ubnd", Some("chiều ngày 6/8/ 2019"), (Some(2019), Some(8), Some(6)));
}

#[test]
fn month_year() {
    let (d, t) = one("trong tháng 7/2019 đã");
    assert_eq!(t, "tháng 7/2019");
    assert_eq!((d.year, d.month, d.day, d.kind), (Some(2019), Some(7), None, DateKind::MonthYear));
    let (d, _) = one("tháng 10-2018");
    assert_eq!((d.year, d.month), (Some(2018), Some(10)));
    let (d, t) = one("khóa i (5-2019), thay đổi");
    assert_eq!(t, "(5-2019)");
    assert_eq!((d.year, d.month, d.kind), (Some(2019), Some(5), DateKind::MonthYear));
    let (d, _) = one("tháng 7 năm 2019");
    assert_eq!((d.year, d.month), (Some(2019), Some(7)));
}

#[test]
fn bare_full_date() {
    date("cập nhật 28/12/2020", Some("28/12/2020"), (Some(2020), Some(12), Some(28)));
    date("16.04.2019", None, (Some(2019), Some(4), Some(16)));
}

#[test]
fn lunar() {
    let (d, t) = one("ngày 10/3 âm lịch hằng năm");
    assert_eq!(t, "ngày 10/3 âm lịch");
    assert!(d.lunar);
    assert_eq!(ymd(&d), (None, Some(3), Some(10)));
    let (d, _) = one("rằm tháng giêng");
    assert!(d.lunar);
    assert_eq!((d.month, d.day), (Some(1), Some(15)));
    let (d, _) = one("mùng 1 tết");
    assert!(d.lunar);
    assert_eq!((d.month, d.day), (Some(1), Some(1)));
    let (d, _) = one("ngày 5/7/2019 (âm lịch)");
    assert!(d.lunar);
    let (d, _) = one("ngày 5/7/2019");
    assert!(!d.lunar);
}

#[test]
fn year_only_is_a_period_not_a_date() {
    no_dates("năm 2019");
    let (p, _) = one_period("năm 2019");
    assert_eq!((p.kind, p.year), (PeriodKind::Year, Some(2019)));
}

#[test]
fn negatives_numbers() {
    for key in [
        "điện thoại: (0228) 3810724",
        "điện thoại 0228.3810724",
        "(2) nội dung",
        "1. mục tiêu",
        "2) giải pháp",
        "6 tháng",
        "6 tháng đầu năm",
        "làm việc 1/2 ngày",
        "tăng 15/20%",
        "đạt 95,5%",
        "27/27 thôn",
        "có 14/15 hộ",
        "số 123/tb-ubnd",
        "số 45-tb/hu",
        "quyết định 666/2015/qđ-ubnd",
        "nghị định 30/2020/nđ-cp",
        "thông tư 12/2020/tt-btc",
        "giai đoạn 2021-2025",
        "thắng 3-1",
        "phiên bản 1.2.3",
        "1.500.000 đồng",
        "ngày 32/1",
        "ngày 12/13",
        "ngày 29/2/2019",
        "ngày 5/7/19",
        "trong 24h qua",
        "trong 48 giờ",
        "diện tích 8ha",
        "sáng tạo",
        "ngày nay",
    ] {
        no_dates(key);
    }
}

#[test]
fn leap_day() {
    date("ngày 29/2/2020", None, (Some(2020), Some(2), Some(29)));
    date("ngày 29/2", None, (None, Some(2), Some(29)));
}

#[test]
fn times_alone_are_time_only() {
    for key in ["8h00", "lúc 14h", "14 giờ 30 phút", "vào lúc 7 giờ", "8h30 sáng"] {
        let (d, _) = one(key);
        assert_eq!(d.kind, DateKind::TimeOnly, "{key}");
    }
    let key = "khung giờ từ 14h - 17h30 trình diễn";
    let v = rec().dates(key);
    let texts: Vec<&str> = v.iter().map(|d| &key[d.start..d.end]).collect();
    assert_eq!(texts, ["từ 14h", "17h30"]);
    assert_eq!(rec().dates("khung giờ 14h - 17h30 trình diễn").len(), 2);
}

#[test]
fn several_in_one_text() {
    let key = "sáng 8/7, tỉnh ủy họp. chiều cùng ngày, đoàn làm việc đến 17h00.\nngày 9/7/2019 tiếp tục.";
    let v = rec().dates(key);
    let texts: Vec<&str> = v.iter().map(|d| &key[d.start..d.end]).collect();
    assert_eq!(texts, ["sáng 8/7", "chiều cùng ngày", "17h00", "ngày 9/7/2019"]);
    assert!(v.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn khoa_spelling_does_not_matter() {
    assert_eq!(one_period("khóa xx").0.term, Some(20));
    assert_eq!(one_period("khoá xvi").0.term, Some(16));
    assert_eq!(one_period("khoá 20").0.term, Some(20));
    assert_eq!(one_period("ban chấp hành đảng bộ tỉnh khóa xix").0.term, Some(19));
}

#[test]
fn periods_first_last_months() {
    let (p, t) = one_period("6 tháng đầu năm 2019");
    assert_eq!(t, "6 tháng đầu năm 2019");
    assert_eq!((p.kind, p.months, p.year), (PeriodKind::FirstMonths, Some(6), Some(2019)));
    let (p, t) = one_period("nhiệm vụ 6 tháng cuối năm");
    assert_eq!(t, "6 tháng cuối năm");
    assert_eq!((p.kind, p.months, p.year), (PeriodKind::LastMonths, Some(6), None));
    let (p, _) = one_period("9 tháng đầu năm 2025");
    assert_eq!((p.kind, p.months, p.year), (PeriodKind::FirstMonths, Some(9), Some(2025)));
    let (p, _) = one_period("3 tháng cuối năm");
    assert_eq!((p.kind, p.months), (PeriodKind::LastMonths, Some(3)));
    let (p, t) = one_period("kết quả 9 tháng, ");
    assert_eq!(t, "9 tháng");
    assert_eq!((p.kind, p.months), (PeriodKind::Months, Some(9)));
    let (p, _) = one_period("những tháng cuối năm 2022");
    assert_eq!((p.kind, p.months, p.year), (PeriodKind::LastMonths, None, Some(2022)));
}

#[test]
fn periods_quarters() {
    let (p, t) = one_period("quý i/2024");
    assert_eq!(t, "quý i/2024");
    assert_eq!((p.kind, p.quarter, p.year), (PeriodKind::Quarter, Some(1), Some(2024)));
    let (p, _) = one_period("quý ii-2024");
    assert_eq!((p.quarter, p.year), (Some(2), Some(2024)));
    let (p, t) = one_period("quý iii năm 2025");
    assert_eq!(t, "quý iii năm 2025");
    assert_eq!((p.quarter, p.year), (Some(3), Some(2025)));
    let (p, _) = one_period("trong quý i/ 2019");
    assert_eq!((p.quarter, p.year), (Some(1), Some(2019)));
    let (p, _) = one_period("quý iv");
    assert_eq!((p.quarter, p.year), (Some(4), None));
    assert!(rec().periods("tết nguyên đán quý mão").is_empty());
}

#[test]
fn periods_years_terms_stages() {
    let (p, _) = one_period("năm 2019");
    assert_eq!((p.kind, p.year), (PeriodKind::Year, Some(2019)));
    for key in ["nhiệm kỳ 2020-2025", "nhiệm kỳ 2020 - 2025", "(nhiệm kỳ 2020- 2025)"] {
        let (p, t) = one_period(key);
        assert_eq!(t.trim_matches(['(', ')']), key.trim_matches(['(', ')']));
        assert_eq!((p.kind, p.year, p.end_year), (PeriodKind::Term, Some(2020), Some(2025)));
    }
    let (p, _) = one_period("giai đoạn 2021-2025");
    assert_eq!((p.kind, p.year, p.end_year), (PeriodKind::Stage, Some(2021), Some(2025)));
    let (p, t) = one_period("năm học 2025 - 2026");
    assert_eq!(t, "năm học 2025 - 2026");
    assert_eq!((p.kind, p.year, p.end_year), (PeriodKind::SchoolYear, Some(2025), Some(2026)));
}

#[test]
fn periods_month_and_last_months() {
    let (p, t) = one_period("tháng 7 và những tháng cuối năm 2022");
    assert_eq!(t, "tháng 7 và những tháng cuối năm 2022");
    assert_eq!(p.kind, PeriodKind::LastMonths);
    assert_eq!((p.month, p.months, p.year), (Some(7), Some(6), Some(2022)));
    let (p, t) = one_period("trong tháng 7, các đơn vị");
    assert_eq!(t, "tháng 7");
    assert_eq!((p.kind, p.month), (PeriodKind::Month, Some(7)));
}

#[test]
fn periods_not_inside_dates() {
    for key in [
        "ngày 05 tháng 7 năm 2019",
        "ngày 03 tháng bốn năm 2018",
        "tháng 7/2019",
        "tháng 10-2018",
        "tháng 7 năm 2019",
        "ngày 15 tháng mười hai năm 2020",
        "ngày 5/7 năm 2019",
        "chiều 18-7",
        "nghị định 30/2020/nđ-cp",
        "khóa học kỹ năng",
        "chìa khóa thành công",
        "nhiệm kỳ tới",
    ] {
        let v = rec().periods(key);
        assert!(v.is_empty(), "{key:?} → {v:#?}");
    }
}

#[test]
fn roman() {
    assert_eq!(parse_roman("i"), Some(1));
    assert_eq!(parse_roman("IV"), Some(4));
    assert_eq!(parse_roman("xix"), Some(19));
    assert_eq!(parse_roman("XIII"), Some(13));
    assert_eq!(parse_roman("xl"), Some(40));
    assert_eq!(parse_roman("l"), Some(50));
    assert_eq!(parse_roman("iiii"), None);
    assert_eq!(parse_roman("vv"), None);
    assert_eq!(parse_roman("li"), None);
    assert_eq!(parse_roman(""), None);
    assert_eq!(parse_roman("học"), None);
}

#[test]
fn valid_dates() {
    assert!(is_valid_date(Some(2020), 2, 29));
    assert!(!is_valid_date(Some(2019), 2, 29));
    assert!(is_valid_date(None, 2, 29));
    assert!(!is_valid_date(Some(1900), 2, 29));
    assert!(is_valid_date(Some(2000), 2, 29));
    assert!(!is_valid_date(None, 4, 31));
    assert!(!is_valid_date(None, 13, 1));
    assert!(!is_valid_date(None, 1, 0));
    assert!(!is_valid_date(None, 1, 32));
}

#[test]
fn offsets_are_byte_offsets_on_char_boundaries() {
    let key = "ông nguyễn văn á – phó chủ tịch – sáng nay (31-7) đã đến dự. quý ii-2024 tăng.";
    let r = rec();
    for d in r.dates(key) {
        assert!(key.is_char_boundary(d.start) && key.is_char_boundary(d.end));
    }
    for p in r.periods(key) {
        assert!(key.is_char_boundary(p.start) && key.is_char_boundary(p.end));
    }
}

#[test]
fn typos_and_spacing() {
    date(
        "căn cứ nghị quyết số 01/nq-hđqlq ngày18/2/2025 của hội đồng",
        Some("ngày18/2/2025"),
        (Some(2025), Some(2), Some(18)),
    );
    date("ngày 9 / 7, đoàn công tác", Some("ngày 9 / 7"), (None, Some(7), Some(9)));
    no_dates("hoàn thành 26 /30 chỉ tiêu");
    let (d, t) = one("từ sáng sớm nay (6-2), người dân");
    assert_eq!(t, "từ sáng sớm nay (6-2)");
    assert_eq!((d.time_of_day, d.relative), (Some(TimeOfDay::Sang), true));
    let (d, t) = one("hồi 19 giờ 15 phút tối nay (6-2) tại");
    assert_eq!(t, "hồi 19 giờ 15 phút tối nay (6-2)");
    assert_eq!((d.hour, d.minute, d.day, d.month), (Some(19), Some(15), Some(6), Some(2)));
}

#[test]
fn durations_and_scores_are_not_times() {
    no_dates("giảm khoảng 3 giờ sử dụng");
    no_dates("sơ đồ (3-5-2) của đội");
    let (d, _) = one("khoảng 21h, người dân");
    assert_eq!(d.hour, Some(21));
    let key = "trình diễn 18h30 - 22h hằng ngày";
    let v = rec().dates(key);
    assert_eq!(v.iter().map(|d| d.hour).collect::<Vec<_>>(), [Some(18), Some(22)]);
}

#[test]
fn term_with_ordinal() {
    let (p, t) = one_period("nhiệm kỳ iii (2018-2023) của hiệp hội");
    assert_eq!(t, "nhiệm kỳ iii (2018-2023)");
    assert_eq!((p.kind, p.term, p.year, p.end_year), (PeriodKind::Term, Some(3), Some(2018), Some(2023)));
    let (p, _) = one_period("nhiệm kỳ x (2024 - 2029)");
    assert_eq!((p.term, p.year, p.end_year), (Some(10), Some(2024), Some(2029)));
}

/// `count` random soups of `parts`, each of fewer than `max_parts` of them (xorshift, from
/// a fixed seed: the same soups at every run).
fn soups<'p>(parts: &'p [&'p str], count: usize, max_parts: u64) -> impl Iterator<Item = String> + 'p {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    (0..count).map(move |_| {
        let mut key = String::new();
        for _ in 0..(seed % max_parts) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            key.push_str(parts[(seed % parts.len() as u64) as usize]);
        }
        key
    })
}

/// Random soup of date-ish fragments and multi-byte text: no panic, and
/// the invariants hold (sorted, non-overlapping, char-boundary offsets).
#[test]
fn soup_never_panics() {
    const PARTS: &[&str] = &[
        "ngày",
        " ",
        "5",
        "/",
        "-",
        ".",
        "2019",
        "tháng",
        "năm",
        "(",
        ")",
        "sáng",
        "nay",
        "thứ",
        "hai",
        "7",
        "h",
        "30",
        "giờ",
        "phút",
        "quý",
        "ii",
        "khóa",
        "xix",
        "nhiệm kỳ",
        "giai đoạn",
        "và",
        "đến",
        "\n",
        "…",
        "\u{a0}",
        "“",
        "đồng chí",
        "12",
        "31",
        "âm lịch",
        "hôm",
        "qua",
        ",",
        "%",
        "từ",
        "trong",
        "2 ngày",
        "chủ nhật",
        "rằm",
        "mùng",
        "tết",
        "giêng",
        "ệ",
        "0",
    ];
    let r = rec();
    for key in soups(PARTS, 3000, 24) {
        let ds = r.dates(&key);
        for w in ds.windows(2) {
            assert!(w[0].end <= w[1].start, "{key:?}");
        }
        for d in &ds {
            assert!(d.start < d.end && key.is_char_boundary(d.start) && key.is_char_boundary(d.end));
            if let (Some(m), Some(dd)) = (d.month, d.day) {
                assert!(is_valid_date(d.year, m, dd), "{key:?} {d:?}");
            }
        }
        let ps = r.periods(&key);
        for w in ps.windows(2) {
            assert!(w[0].end <= w[1].start, "{key:?}");
        }
        for p in &ps {
            assert!(p.start < p.end && key.is_char_boundary(p.start) && key.is_char_boundary(p.end));
        }
    }
}

#[test]
fn recognizer_is_send_sync() {
    fn check<T: Send + Sync>() {}
    check::<DateRecognizer>();
}

/// The scan before the fused walk (one walk per list, each restarting at the end of
/// the mention it found): the reference [`DateRecognizer::dates_and_periods`] must
/// reproduce exactly.
fn separate_scan<T>(
    key: &str,
    cues: &CueTable,
    words: &DateWords,
    parse: fn(&DateWords, &str, usize) -> Option<T>,
    end_of: fn(&T) -> usize,
) -> Vec<T> {
    let b = key.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n && out.len() < max_mentions(n) {
        let x = b[i];
        match BYTE_CLASS[usize::from(x)] {
            WORD => {
                let v = load8(b, i);
                let seps = sep_mask(v);
                if cues.at(b, i, v, seps) && cue_starts_token(key, i) {
                    if let Some(m) = parse(words, key, i) {
                        i = end_of(&m);
                        out.push(m);
                        continue;
                    }
                }
                while i < n && BYTE_CLASS[usize::from(b[i])] == WORD {
                    i += 1;
                }
            }
            SEP1 => {
                if cues.kind[usize::from(x)] != 0 && cue_starts_token(key, i) {
                    if let Some(m) = parse(words, key, i) {
                        i = end_of(&m);
                        out.push(m);
                        continue;
                    }
                }
                i += 1;
            }
            SEP2 => i += 2,
            _ => i += 3,
        }
    }
    out
}

/// The fused walk gives the lists of two separate walks, and `dates`/`periods` alone
/// give the same lists as the fused call.
fn same_as_separate(r: &DateRecognizer, key: &str) {
    let ds = separate_scan(key, &r.date_cues, &r.words, parse_date, |d| d.end);
    let ps = separate_scan(key, &r.period_cues, &r.words, parse_period, |p| p.end);
    let (fd, fp) = r.dates_and_periods(key, &WordBits::new(key));
    assert_eq!(fd, ds, "dates of {key:?}");
    assert_eq!(fp, ps, "periods of {key:?}");
    assert_eq!(r.dates(key), ds, "dates alone of {key:?}");
    assert_eq!(r.periods(key), ps, "periods alone of {key:?}");
}

/// The SWAR separator mask and the byte table agree on every byte in every lane (the
/// fused walk finds word ends with the table, the cue hash cuts words with the mask).
#[test]
fn sep_mask_matches_byte_class() {
    for lane in 0..8 {
        for x in 0..=255u8 {
            let v = u64::from(x) << (8 * lane) | if lane == 0 { 0 } else { 0x61 };
            let sep = sep_mask(v) >> (8 * lane) & 0x80 != 0;
            assert_eq!(sep, BYTE_CLASS[usize::from(x)] != WORD, "byte {x:#x} in lane {lane}");
        }
    }
}

/// Every cue word of both lists opens a mention after each kind of separator, at the
/// start and at the very end of the text, glued to a digit, inside a word and after
/// a mention that ends inside a word: the fused walk's first-byte and hash filter
/// skips none of them, and reads them as the separate walks did.
#[test]
fn fused_walk_keeps_every_cue() {
    let r = rec();
    let lex = crate::lexicon::bundled();
    let mut cues: Vec<&str> = lex.word_list(WordList::DateCue).forms().iter().map(String::as_str).collect();
    cues.extend(lex.word_list(WordList::PeriodCue).forms().iter().map(String::as_str));
    let before = ["", " ", "\n", "(", ", ", "\u{a0}", " – ", "«", "x", "×", "5/7×"];
    let after = ["", " 5/7/2019", "5/7", " 2019", " 7 năm 2019", " qua", " ii-2024", " 2020-2025", " xix", "."];
    for cue in &cues {
        for b in before {
            for a in after {
                same_as_separate(&r, &format!("{b}{cue}{a}"));
                same_as_separate(&r, &format!("họp {b}{cue}{a} và {cue}{a}"));
            }
        }
    }
    // The cue words themselves, as dates and periods.
    assert_eq!(r.dates("\u{a0}sáng 8/7")[0].start, 2);
    assert_eq!(r.dates("–ngày 8/7/2019")[0].start, 3);
    assert_eq!(r.periods("(quý ii-2024)")[0].start, 1);
    let key = "sáng 8/7 sơ kết năm 2019";
    let (ds, ps) = r.dates_and_periods(key, &WordBits::new(key));
    assert_eq!((ds[0].start, ds[0].end), (0, 9));
    assert_eq!((ps[0].start, ps[0].year), (20, Some(2019)));
}

/// Random soups, the composed fixtures and (when `../shared` is beside the
/// repository) the corpus: the fused walk gives the lists of the separate walks.
#[test]
fn fused_walk_equals_separate_walks() {
    let r = rec();
    const PARTS: &[&str] = &[
        "ngày",
        " ",
        "5",
        "/",
        "-",
        ".",
        "2019",
        "tháng",
        "năm",
        "(",
        ")",
        "sáng",
        "nay",
        "thứ",
        "hai",
        "7",
        "h",
        "30",
        "giờ",
        "quý",
        "ii",
        "khóa",
        "xix",
        "nhiệm kỳ",
        "đầu",
        "cuối",
        "những",
        "×",
        "\u{a0}",
        "–",
        "\n",
        "từ",
        "đến",
        "12",
        "2020",
        ":",
    ];
    for key in soups(PARTS, 20_000, 32) {
        same_as_separate(&r, &key);
    }
    // Past `max_mentions`: a table of dates.
    same_as_separate(&r, &"ngày 1/1/2020 năm 2020 ".repeat(2000));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("fixtures"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    let corpus = root.join("../shared/corpus/docs");
    match std::fs::read_dir(&corpus) {
        Ok(dir) => files.extend(dir.flatten().map(|e| e.path())),
        Err(_) => eprintln!("skipped the corpus: no {} (../shared is not beside the repository)", corpus.display()),
    }
    assert!(!files.is_empty());
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        same_as_separate(&r, &crate::key::key(&text));
    }
}

/// A mention that ends inside a word, just before a cue: the separate walk restarted
/// there and read it; the fused walk, which never stops inside a word, must too. No
/// parser of the crate ends a mention that way today, so a stand-in parser does: it
/// reads "abcde", and "abcde×" when a "×" follows (a cue of five bytes, which the
/// first-bytes hash does not cut at the "×").
#[test]
fn fused_walk_resumes_inside_a_word() {
    fn ab(_: &DateWords, s: &str, i: usize) -> Option<usize> {
        let rest = s[i..].strip_prefix("abcde")?;
        Some(i + 5 + if rest.starts_with('×') { '×'.len_utf8() } else { 0 })
    }
    let words = &rec().words;
    let cues = CueTable::new(&["abcde".to_string()], false);
    for key in ["abcde×abcde×abcde cd abcde", "x abcde×abcde", "abcde×abcdeabcde abcde×", "abcde×5", "(abcde×abcde"]
    {
        let want = separate_scan(key, &cues, words, ab, |&e| e);
        let mut a = Pass::new(&cues, ab, |&e| e, max_mentions(key.len()));
        let mut none = Pass::new(&cues, ab, |&e| e, 0);
        scan_both(words, key, &WordBits::new(key), &Walk::new(&cues, &cues), &mut a, &mut none);
        assert_eq!(a.out, want, "{key:?}");
        assert!(none.out.is_empty());
    }
    let mut a = Pass::new(&cues, ab, |&e| e, 100);
    let mut none = Pass::new(&cues, ab, |&e| e, 0);
    let key = "abcde×abcde×abcde cd abcde";
    scan_both(words, key, &WordBits::new(key), &Walk::new(&cues, &cues), &mut a, &mut none);
    assert_eq!(a.out, [7, 14, 19, 28]);
}

/// The segments left untried where none of their words starts ([`DateWords::opens`])
/// and the numbers refused at once ([`number_may_go_on`]) change no parse: `parse_date`
/// with them and without them, at every char of random mixes of digits, separators, cue and lead words (and pieces of them), capitals,
/// combining marks and odd Unicode.
#[test]
fn opening_filter_changes_no_parse() {
    use super::dates::parse_date;
    use super::{DateWords, WordList};
    let lex = crate::lexicon::bundled();
    let fast = DateWords::new(lex);
    assert!(fast.openers.is_some());
    let plain = DateWords { openers: None, ..fast.clone() };
    let mut words: Vec<String> = fast.opening_words().map(|(_, w)| w.to_string()).collect();
    words.extend(lex.word_list(WordList::DateCue).forms().iter().cloned());
    words.extend(fast.months.iter().map(|(w, _, _)| w.clone()));
    words.extend(fast.day_part_relative.iter().chain(&fast.hom_relative).chain(&fast.ngay_relative).cloned());
    for w in words.clone() {
        words.extend(w.char_indices().nth(1).map(|(i, _)| w[..i].to_string()));
        words.extend(w.char_indices().nth(1).map(|(i, _)| w[i..].to_string()));
    }
    let odd = ["T", "Ngày", "\u{301}", "×", "–", "…", "中", "😀", "ð", "Đ", "đ", "x", "%", "\n", "bay", "họp"];
    words.extend(odd.map(str::to_string));
    // The fixed words of the segments, often, so that they meet their months and numbers.
    let core = [
        "tháng",
        "rằm",
        "ngày",
        "hôm",
        "mùng",
        "mồng",
        "thứ",
        "trong",
        "âm lịch",
        "năm",
        "giêng",
        "tết",
        "sáng",
        "giờ",
        "phút",
        "rưỡi",
        "đến",
        "tới",
        "và",
        "lúc",
        "khoảng",
    ];
    let numbers = [
        "0",
        "5",
        "7",
        "08",
        "12",
        "31",
        "123",
        "2019",
        "8h30",
        "14:00",
        "9h",
        "3/4",
        "5-6",
        "1.2",
        "(7",
        "7g",
        "1",
        "2",
        "20/7",
        "25/12/2019",
        "28-7",
    ];
    // Between two pieces: mostly one space, sometimes a separator or nothing.
    let joins = [" ", " ", " ", " ", " ", "  ", ", ", ",", "/", "-", " - ", ".", ":", "", "\t", "\u{a0}", "(", ") "];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rand = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut n = 0;
    // Every number between a lead and what may go on after it.
    for lead in ["", "ngày ", "từ ", "lúc "] {
        for n1 in numbers {
            for mid in
                [" và ", " đến ", " tới ", "-", ", ", " tháng ", " giờ ", " tết", "h", ":", " ", "  ", "\u{a0}/ "]
            {
                for n2 in numbers.iter().chain(&["năm 2019", "phút", "giêng"]) {
                    let key = format!("{lead}{n1}{mid}{n2}");
                    for (i, _) in key.char_indices() {
                        let want = parse_date(&plain, &key, i);
                        n += usize::from(want.is_some());
                        assert_eq!(parse_date(&fast, &key, i), want, "{key:?} at {i}");
                    }
                }
            }
        }
    }
    for _ in 0..10000 {
        let mut key = String::new();
        for _ in 0..1 + rand(8) {
            key.push_str(match rand(4) {
                0 => numbers[rand(numbers.len())],
                1 => core[rand(core.len())],
                _ => &words[rand(words.len())],
            });
            key.push_str(joins[rand(joins.len())]);
        }
        for (i, _) in key.char_indices() {
            let want = parse_date(&plain, &key, i);
            n += usize::from(want.is_some());
            assert_eq!(parse_date(&fast, &key, i), want, "{key:?} at {i}");
        }
    }
    assert!(n > 1000, "{n} dates");
}
