//! The words of the rendered output, in Vietnamese and English: field labels and the
//! names of the model's enums. (What the parser recognizes lives in the lexicon's
//! tables; these are only what a reader is shown.)

use super::Lang;
use crate::model::{DiagnosticCode, DocumentKind, SpeechKind, TimeOfDay};

/// Field labels of one language.
pub(super) struct Labels {
    pub document: &'static str,
    pub title: &'static str,
    pub encoding: &'static str,
    pub confidence: &'static str,
    pub issuer: &'static str,
    pub under: &'static str,
    pub number: &'static str,
    pub party_form: &'static str,
    pub dated: &'static str,
    pub abstract_: &'static str,
    pub addressee: &'static str,
    pub signer: &'static str,
    pub signed: &'static str,
    pub recipients: &'static str,
    pub archive: &'static str,
    pub minutes: &'static str,
    pub started: &'static str,
    pub ended: &'static str,
    pub place: &'static str,
    pub present: &'static str,
    pub chair: &'static str,
    pub secretary: &'static str,
    pub agenda: &'static str,
    pub votes: &'static str,
    pub ballots: &'static str,
    pub vote_for: &'static str,
    pub vote_against: &'static str,
    pub vote_other: &'static str,
    pub meeting: &'static str,
    pub no_meeting: &'static str,
    pub kind: &'static str,
    pub time: &'static str,
    pub period: &'static str,
    pub organizer: &'static str,
    pub attendees: &'static str,
    pub groups: &'static str,
    pub contributions: &'static str,
    pub speeches: &'static str,
    pub tasks: &'static str,
    pub agency: &'static str,
    pub partners: &'static str,
    pub deadline: &'static str,
    pub recurring: &'static str,
    pub people: &'static str,
    pub attended: &'static str,
    pub captions: &'static str,
    pub author: &'static str,
    pub published: &'static str,
    pub publisher: &'static str,
    pub responsible: &'static str,
    pub notes: &'static str,
    pub line: &'static str,
    pub no_year: &'static str,
    pub no_date: &'static str,
    pub year_inferred: &'static str,
}

const VI: Labels = Labels {
    document: "Văn bản",
    title: "Tiêu đề",
    encoding: "Bảng mã",
    confidence: "độ tin cậy",
    issuer: "Cơ quan ban hành",
    under: "trực thuộc",
    number: "Số, ký hiệu",
    party_form: "thể thức văn bản của Đảng",
    dated: "Địa danh, ngày",
    abstract_: "Trích yếu",
    addressee: "Kính gửi",
    signer: "Người ký",
    signed: "người ký",
    recipients: "Nơi nhận",
    archive: "lưu",
    minutes: "Biên bản",
    started: "Bắt đầu",
    ended: "Kết thúc",
    place: "Địa điểm",
    present: "Có mặt",
    chair: "Chủ trì",
    secretary: "Thư ký",
    agenda: "Chương trình",
    votes: "Biểu quyết",
    ballots: "tổng số phiếu",
    vote_for: "tán thành",
    vote_against: "không tán thành",
    vote_other: "ý kiến khác",
    meeting: "Cuộc họp",
    no_meeting: "không tìm thấy cuộc họp",
    kind: "Loại",
    time: "Thời gian",
    period: "Kỳ",
    organizer: "Đơn vị tổ chức",
    attendees: "Thành phần",
    groups: "Thành phần khác",
    contributions: "Tham luận",
    speeches: "Phát biểu",
    tasks: "Nhiệm vụ",
    agency: "Đơn vị thực hiện",
    partners: "Phối hợp",
    deadline: "Thời hạn",
    recurring: "thường xuyên",
    people: "Người được nêu tên",
    attended: "dự họp",
    captions: "Chú thích ảnh",
    author: "Tác giả",
    published: "Ngày đăng",
    publisher: "Cơ quan chủ quản",
    responsible: "Người chịu trách nhiệm",
    notes: "Ghi chú",
    line: "dòng",
    no_year: "không rõ năm",
    no_date: "không rõ ngày",
    year_inferred: "năm suy ra từ ngữ cảnh",
};

const EN: Labels = Labels {
    document: "Document",
    title: "Title",
    encoding: "Encoding",
    confidence: "confidence",
    issuer: "Issuer",
    under: "under",
    number: "Number",
    party_form: "Party layout",
    dated: "Place and date",
    abstract_: "Subject",
    addressee: "To",
    signer: "Signed by",
    signed: "signer",
    recipients: "Recipients",
    archive: "archive",
    minutes: "Minutes",
    started: "Started",
    ended: "Ended",
    place: "Place",
    present: "Present",
    chair: "Chair",
    secretary: "Secretary",
    agenda: "Agenda",
    votes: "Vote",
    ballots: "ballots",
    vote_for: "for",
    vote_against: "against",
    vote_other: "other",
    meeting: "Meeting",
    no_meeting: "none found",
    kind: "Kind",
    time: "Time",
    period: "Period",
    organizer: "Organizer",
    attendees: "Attendees",
    groups: "Also present",
    contributions: "Contributions",
    speeches: "Speeches",
    tasks: "Tasks",
    agency: "In charge",
    partners: "With",
    deadline: "Deadline",
    recurring: "recurring",
    people: "People named",
    attended: "attended",
    captions: "Photo captions",
    author: "Author",
    published: "Published",
    publisher: "Publisher",
    responsible: "Responsible",
    notes: "Notes",
    line: "line",
    no_year: "year not given",
    no_date: "no date",
    year_inferred: "year taken from context",
};

/// The labels of `lang`.
pub(super) fn of(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// An English month name.
pub(super) fn month_en(m: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("?")
}

/// The kind of document, as a reader names it.
pub(super) fn document_kind(k: DocumentKind, lang: Lang) -> &'static str {
    use DocumentKind::*;
    let (vi, en) = match k {
        NewsReport => ("Tin bài", "News report"),
        Notice => ("Thông báo", "Notice"),
        Minutes => ("Biên bản", "Minutes"),
        Plan => ("Kế hoạch", "Plan"),
        Decision => ("Quyết định", "Decision"),
        Report => ("Báo cáo", "Report"),
        Invitation => ("Giấy mời", "Invitation"),
        OfficialLetter => ("Công văn", "Official letter"),
        Submission => ("Tờ trình", "Submission"),
        Resolution => ("Nghị quyết", "Resolution"),
        Conclusion => ("Kết luận", "Conclusion"),
        Directive => ("Chỉ thị", "Directive"),
        Program => ("Chương trình", "Programme"),
        Guide => ("Hướng dẫn", "Guideline"),
        Regulation => ("Quy chế, quy định", "Regulation"),
        OtherFormal => ("Văn bản hành chính khác", "Other formal document"),
        Unknown => ("Chưa xác định", "Not recognized"),
    };
    pick(lang, vi, en)
}

/// A meeting kind code of the lexicon (`so_ket`, …), as a reader names it; an unknown
/// code as itself with spaces.
pub(super) fn meeting_kind(code: &str, lang: Lang) -> String {
    let (vi, en) = match code {
        "so_ket" => ("sơ kết", "interim review"),
        "tong_ket" => ("tổng kết", "annual review"),
        "trien_khai" => ("triển khai", "roll-out"),
        "quan_triet" => ("quán triệt", "briefing on a resolution"),
        "giao_ban" => ("giao ban", "regular briefing"),
        "tiep_xuc_cu_tri" => ("tiếp xúc cử tri", "meeting with voters"),
        "ky_hop" => ("kỳ họp", "session"),
        "phien_hop" => ("phiên họp", "sitting"),
        "dai_hoi" => ("đại hội", "congress"),
        "hoi_thao" => ("hội thảo", "workshop"),
        "toa_dam" => ("tọa đàm", "round table"),
        "lam_viec" => ("làm việc", "working visit"),
        "hoi_nghi" => ("hội nghị", "conference"),
        "cuoc_hop" => ("cuộc họp", "meeting"),
        "gap_mat" => ("gặp mặt", "gathering"),
        "doi_thoai" => ("đối thoại", "dialogue"),
        "le" => ("lễ", "ceremony"),
        "truc_tuyen" => ("trực tuyến", "online meeting"),
        "hop" => ("họp", "meeting"),
        other => return other.replace('_', " "),
    };
    pick(lang, vi, en).to_string()
}

/// Part of the day.
pub(super) fn time_of_day(t: TimeOfDay, lang: Lang) -> &'static str {
    let (vi, en) = match t {
        TimeOfDay::Sang => ("sáng", "morning"),
        TimeOfDay::Trua => ("trưa", "noon"),
        TimeOfDay::Chieu => ("chiều", "afternoon"),
        TimeOfDay::Toi => ("tối", "evening"),
        TimeOfDay::Dem => ("đêm", "night"),
    };
    pick(lang, vi, en)
}

/// Kind of speech.
pub(super) fn speech_kind(k: SpeechKind, lang: Lang) -> &'static str {
    let (vi, en) = match k {
        SpeechKind::Directive => ("phát biểu chỉ đạo", "directive speech"),
        SpeechKind::Conclusion => ("kết luận", "conclusion"),
        SpeechKind::Opening => ("khai mạc", "opening speech"),
        SpeechKind::Closing => ("bế mạc", "closing speech"),
        SpeechKind::Report => ("báo cáo", "report"),
        SpeechKind::Contribution => ("tham luận", "contribution"),
        SpeechKind::Other => ("phát biểu", "speech"),
    };
    pick(lang, vi, en)
}

/// What a diagnostic is about.
pub(super) fn diagnostic(c: DiagnosticCode, lang: Lang) -> &'static str {
    use DiagnosticCode::*;
    let (vi, en) = match c {
        Repaired => ("đã sửa lỗi mã hóa", "mis-decoding repaired"),
        InputTruncated => ("văn bản bị cắt bớt", "input cut"),
        ScrambledDiacritics => ("dấu thanh bị xáo trộn", "scrambled diacritics"),
        DatesTruncated => ("quá nhiều ngày tháng", "too many dates"),
        NoDiacritics => ("văn bản không dấu", "no diacritics"),
        RoleOnlyUnresolved => ("chức vụ chưa gắn được với người", "role without a person"),
        YearFromContext => ("năm lấy từ ngữ cảnh", "year from context"),
    };
    pick(lang, vi, en)
}

fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
