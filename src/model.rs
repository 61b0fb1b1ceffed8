//! The typed model that [`crate::parse`] returns.
//!
//! Field names are the public JSON contract (see README "JSON shape"). Every piece
//! of extracted text carries a [`Span`] into the caller's input; text fields hold the
//! *normalized* spelling (NFC, folded spaces, dashes and quotes), so `span` is the
//! way back to the bytes as written.

use crate::span::Span;
use serde::{Deserialize, Serialize};

mod access;
mod names;

/// Part of the day written before (or after) a date or a clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeOfDay {
    /// *sáng*: morning.
    Sang,
    /// *trưa*: noon.
    Trua,
    /// *chiều*: afternoon.
    Chieu,
    /// *tối*: evening.
    Toi,
    /// *đêm*: night.
    Dem,
}

/// The sort of a period (a [`Period`], and the date recognizer's period mentions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PeriodKind {
    /// "6 tháng đầu năm 2019", "những tháng đầu năm".
    FirstMonths,
    /// "6 tháng cuối năm", "tháng 7 và những tháng cuối năm 2022".
    LastMonths,
    /// "9 tháng", "9 tháng năm 2025".
    Months,
    /// "quý I/2024", "quý II-2024", "quý III năm 2025".
    Quarter,
    /// "năm 2019" (and "năm 2019-2020").
    Year,
    /// *nhiệm kỳ*: "nhiệm kỳ 2020-2025".
    Term,
    /// *giai đoạn*: "giai đoạn 2021-2025".
    Stage,
    /// *khoá*: "khóa XIX", "khoá 20".
    Course,
    /// *năm học*: "năm học 2025 - 2026".
    SchoolYear,
    /// A month with no year that is not part of a date: "tháng 7", "tháng giêng".
    Month,
}

/// A piece of text with its span in the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Text {
    /// The normalized text.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// What kind of document this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// A news report (of a meeting or not).
    NewsReport,
    /// A notice (thông báo), e.g. a conclusion notice.
    Notice,
    /// Minutes (biên bản).
    Minutes,
    /// A plan (kế hoạch).
    Plan,
    /// A decision (quyết định).
    Decision,
    /// A report (báo cáo).
    Report,
    /// An invitation (giấy mời).
    Invitation,
    /// An official letter (công văn), with a "V/v …" subject and no type heading.
    OfficialLetter,
    /// A submission (tờ trình).
    Submission,
    /// A resolution (nghị quyết).
    Resolution,
    /// A conclusion (kết luận), as a Party document type.
    Conclusion,
    /// A directive (chỉ thị).
    Directive,
    /// A programme (chương trình).
    Program,
    /// A guideline (hướng dẫn).
    Guide,
    /// Rules or a regulation (quy chế, quy định, điều lệ).
    Regulation,
    /// Another formal document (tờ trình is `submission`; phiếu trình, đề án, đơn, …).
    OtherFormal,
    /// Not recognized.
    #[default]
    Unknown,
}

/// The parsed document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Document {
    /// Document kind.
    pub kind: DocumentKind,
    /// The headline (news) or the document-type heading (formal documents).
    pub title: Option<Text>,
    /// The meeting the text reports, if it reports one.
    pub meeting: Option<Meeting>,
    /// Every named individual once, with all roles and mentions.
    pub people: Vec<Person>,
    /// Standalone photo-caption lines.
    pub captions: Vec<Caption>,
    /// The byline.
    pub author: Option<Text>,
    /// The page's publish date, from a timestamp line ("Cập nhật: 09:15, 14/08/2025")
    /// or a crawler's date prefix: never the meeting's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DocDate>,
    /// The portal footer (publisher block).
    pub publisher: Option<Publisher>,
    /// Formal header (issuer, motto, number, place and date, type and abstract).
    pub header: Option<Header>,
    /// Signature block (authority prefix, body signed for, title, signer).
    pub signature: Option<Signature>,
    /// "Nơi nhận" lines, in order ("- Lưu: VT, …" with `archive`).
    pub recipients: Vec<Recipient>,
    /// The documents a formal document cites: its legal bases ("Căn cứ Nghị định số
    /// 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ") and those named in its abstract or
    /// body ("thực hiện Kết luận số 75-KL/TW"), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// The fields of minutes (biên bản): times, place, attendance, chair, secretary, votes.
    pub minutes: Option<Minutes>,
    /// What the input was and how it was read.
    pub input: InputInfo,
    /// Notes on what was uncertain or repaired.
    pub diagnostics: Vec<Diagnostic>,
}

/// Facts about the input.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct InputInfo {
    /// Input size in bytes.
    pub bytes: usize,
    /// The encoding the input was read as (`"utf-8"`, `"utf-16le"`, `"tcvn3"`, `"vni"`,
    /// `"viqr"`, `"windows-1258"`), or the repair applied to mis-decoded text
    /// (`"cp1252-mojibake"`, `"latin1-mojibake"`).
    pub encoding: String,
    /// How sure the detection or repair was (share of valid Vietnamese syllables; 1.0 for UTF-8).
    pub encoding_confidence: f32,
    /// Whether a byte-order mark was skipped.
    pub bom: bool,
    /// Whether normalization changed the text.
    pub normalized: bool,
    /// Whether the text was seen to carry diacritics: false when it was typed without
    /// them (matched accent-free, with a `no_diacritics` diagnostic) and when it holds
    /// no Vietnamese letter with a diacritic at all (an empty or white-space-only input,
    /// ASCII letters only).
    ///
    /// ```
    /// assert!(vanban::parse("Ủy ban nhân dân xã").input.diacritics);
    /// assert!(!vanban::parse("").input.diacritics);
    /// assert!(!vanban::parse(" \n\t\n").input.diacritics);
    /// ```
    pub diacritics: bool,
}

/// The meeting the document reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Meeting {
    /// The meeting's name, e.g. "Hội nghị sơ kết công tác dân vận …".
    pub name: Option<Text>,
    /// Kind of meeting (`so_ket`, `tong_ket`, `hoi_nghi`, …), from the lexicon.
    pub kind: Option<String>,
    /// When it took place.
    pub date: Option<MeetingDate>,
    /// Part of day written with the date.
    pub time_of_day: Option<TimeOfDay>,
    /// Clock time written with the date, "HH:MM".
    pub time: Option<String>,
    /// The period under review ("6 tháng đầu năm 2019").
    pub period: Option<Period>,
    /// Where ("tại Hội trường …").
    pub location: Option<Text>,
    /// Who organized it (subject of "tổ chức").
    pub organizer: Option<Text>,
    /// Person ids of the chairs.
    pub chairs: Vec<usize>,
    /// Person ids of named attendees (chairs and speakers included when they attended).
    pub attendees: Vec<usize>,
    /// Attending groups without names ("cán bộ, chuyên viên Ban Dân vận Huyện ủy").
    pub groups: Vec<Text>,
    /// Contributions ("04 ý kiến tham luận").
    pub contributions: Option<Contributions>,
    /// Speeches by named people.
    pub speeches: Vec<Speech>,
    /// The enumerated conclusions or tasks.
    pub tasks: Vec<Task>,
}

/// A meeting date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MeetingDate {
    /// Year, as written or inferred (see `year_inferred`).
    pub year: Option<i32>,
    /// Month 1-12.
    pub month: u8,
    /// Day 1-31.
    pub day: u8,
    /// True when the year was not written with the date but taken from context.
    pub year_inferred: bool,
    /// The date expression as written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// A period under review or a term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Period {
    /// Kind of period.
    pub kind: PeriodKind,
    /// Year, if written.
    pub year: Option<i32>,
    /// End year of a multi-year period.
    pub end_year: Option<i32>,
    /// Number of months ("6 tháng").
    pub months: Option<u8>,
    /// Quarter 1-4.
    pub quarter: Option<u8>,
    /// Term number ("khóa XIX" → 19).
    pub term: Option<u32>,
    /// As written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// Contributions to the discussion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Contributions {
    /// How many.
    pub count: u32,
    /// The phrase as written ("04 ý kiến tham luận").
    pub text: String,
    /// Its span.
    pub span: Span,
    /// Topics listed after the count, if any.
    pub topics: Vec<Text>,
}

/// Kind of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpeechKind {
    /// Phát biểu chỉ đạo.
    Directive,
    /// Kết luận.
    Conclusion,
    /// Khai mạc.
    Opening,
    /// Bế mạc.
    Closing,
    /// Báo cáo, trình bày.
    Report,
    /// Tham luận.
    Contribution,
    /// Other speech (phát biểu).
    Other,
}

/// A speech by a named person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Speech {
    /// Person id.
    pub speaker: usize,
    /// Kind.
    pub kind: SpeechKind,
    /// The cue as written ("Phát biểu chỉ đạo").
    pub cue: String,
    /// Span of the sentence that reports the speech.
    pub span: Span,
}

impl Task {
    /// This task and all its sub-tasks, depth first, in document order.
    ///
    /// ```
    /// let d = vanban::parse("Sáng 8/7/2024, UBND xã tổ chức hội nghị. Chủ tịch UBND xã kết luận:\n\
    ///     - Thu ngân sách:\n+ Rà soát nguồn thu.\n+ Đôn đốc nợ đọng.\n- Giải ngân vốn đầu tư công.\n");
    /// let tasks = &d.meeting.unwrap().tasks;
    /// let all: Vec<&str> = tasks.iter().flat_map(|t| t.flatten()).map(|t| t.marker.as_str()).collect();
    /// assert_eq!(all, ["-", "+", "+", "-"]);
    /// ```
    pub fn flatten(&self) -> Vec<&Task> {
        let mut out = vec![self];
        for s in &self.subtasks {
            out.extend(s.flatten());
        }
        out
    }
}

/// One enumerated item of the meeting's conclusions or tasks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Task {
    /// Marker as written ("(1)", "1.", "a)", "-", "Thứ nhất").
    pub marker: String,
    /// Number of the item, when the marker has one.
    pub number: Option<u32>,
    /// The item's text after the marker.
    pub text: String,
    /// Span of the item's text.
    pub span: Span,
    /// Nesting level (0 = top).
    pub level: u8,
    /// The agency in charge ("Giao UBND xã …", "Sở Y tế chủ trì, phối hợp với …").
    pub agency: Option<Text>,
    /// Agencies that work with it ("phối hợp với …").
    pub partners: Vec<Text>,
    /// The deadline ("trước ngày 30/9/2024", "trong quý III", "thường xuyên").
    pub deadline: Option<Deadline>,
    /// Items nested under this one ("+" under "-", "1.1." under "1.", "1." under "I.").
    pub subtasks: Vec<Task>,
    /// The heading of the section the task sits in, when the tasks are the items under
    /// a heading of the document ("Kiến nghị", "TỔ CHỨC THỰC HIỆN"): the heading's own
    /// line, with the span of the heading item (its line and what it holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
}

/// A task's deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Deadline {
    /// As written ("trước ngày 30/9/2024").
    pub text: String,
    /// The date, when one is written.
    pub date: Option<DocDate>,
    /// The period, when one is written ("trong quý III năm 2024").
    pub period: Option<Period>,
    /// True for ongoing or recurring work ("thường xuyên", "hằng năm").
    pub recurring: bool,
    /// Its span.
    pub span: Span,
}

/// A date of a formal document, possibly incomplete ("ngày    tháng 12 năm 2024").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DocDate {
    /// Year, if written.
    pub year: Option<i32>,
    /// Month 1-12, if written.
    pub month: Option<u8>,
    /// Day 1-31, if written.
    pub day: Option<u8>,
    /// As written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// One individual.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Person {
    /// Index in [`Document::people`].
    pub id: usize,
    /// Full name, first clean spelling.
    pub name: String,
    /// Honorifics, ranks, degrees used with the name (canonical forms).
    pub honorifics: Vec<String>,
    /// Every role, deduplicated.
    pub roles: Vec<Role>,
    /// Every mention (named or role-only).
    pub mentions: Vec<Span>,
}

/// A position held by a person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Role {
    /// The role as written ("TVHU", "Phó chủ tịch HĐND huyện").
    pub text: String,
    /// The title part ("Phó chủ tịch").
    pub title: String,
    /// The organization part ("HĐND huyện"), if any.
    pub organization: Option<String>,
    /// Abbreviations expanded ("Phó chủ tịch Hội đồng nhân dân huyện"), when any was.
    pub expanded: Option<String>,
    /// "former" (nguyên) or "acting" (quyền), when qualified; "elected", "appointed" or
    /// "relieved" for an office the person is elected, appointed or moved to, or relieved
    /// of ("được bầu giữ chức …", "bổ nhiệm giữ chức …", "thôi giữ chức …").
    pub qualifier: Option<String>,
    /// 1.0, or lower when matched without diacritics.
    pub confidence: f32,
    /// Where it stands.
    pub span: Span,
}

/// A standalone caption line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Caption {
    /// The caption as written.
    pub text: String,
    /// Its span.
    pub span: Span,
    /// The person it shows, if it names one.
    pub person: Option<usize>,
}

/// The portal footer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Publisher {
    /// "Cơ quan chủ quản".
    pub agency: Option<Text>,
    /// "Địa chỉ".
    pub address: Option<Text>,
    /// "Điện thoại".
    pub phone: Option<Text>,
    /// "Fax".
    pub fax: Option<Text>,
    /// "Email".
    pub email: Option<Text>,
    /// The responsible person's name ("Người chịu trách nhiệm").
    pub responsible: Option<Text>,
    /// Their role.
    pub responsible_role: Option<Text>,
    /// Their person id.
    pub responsible_person: Option<usize>,
    /// "Designed by …".
    pub designer: Option<Text>,
    /// Span of the whole footer.
    pub span: Span,
}

/// The header of a formal document (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Header {
    /// Issuing body ("ỦY BAN NHÂN DÂN XÃ MỸ HƯNG", "HUYỆN ỦY MỸ LỘC").
    pub issuer: Option<Text>,
    /// The body above it ("UBND HUYỆN MỸ LỘC", "ĐẢNG BỘ TỈNH NAM ĐỊNH").
    pub parent_issuer: Option<Text>,
    /// National name and motto as written (state layout).
    pub motto: Option<Text>,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" as written (Party layout).
    pub party_header: Option<Text>,
    /// Number and code ("Số: 123/TB-UBND", "Số 45-TB/HU").
    pub number: Option<DocumentNumber>,
    /// Place of the date line ("Mỹ Lộc").
    pub place: Option<Text>,
    /// Date of the date line.
    pub date: Option<DocDate>,
    /// The document-type heading ("THÔNG BÁO", "BIÊN BẢN HỌP …").
    pub doc_type: Option<Text>,
    /// The subject summary (trích yếu: "Kết luận của …", "V/v …").
    #[serde(rename = "abstract")]
    pub abstract_: Option<Text>,
    /// Addressee ("Kính gửi: …").
    pub addressee: Option<Text>,
    /// Span of the header region.
    pub span: Span,
}

/// Which layout a document number follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberForm {
    /// State form: number / type code - issuer code ("123/TB-UBND", "05/2024/QĐ-UBND").
    #[default]
    State,
    /// Party form: number - type code / issuer code ("45-TB/HU").
    Party,
}

/// A document number and code, parsed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DocumentNumber {
    /// As written, after "Số:" ("123/TB-UBND", "/TB-UBND" when the number is blank).
    pub text: String,
    /// The number, when written.
    pub number: Option<u32>,
    /// The year of a legal document ("05/2024/QĐ-UBND").
    pub year: Option<i32>,
    /// Type code ("TB", "QĐ", "KH"); none for an official letter.
    pub type_code: Option<String>,
    /// Issuer code ("UBND", "HU", "SNV", "BGTVT-TTCNTT").
    pub issuer_code: Option<String>,
    /// State or Party form.
    pub form: NumberForm,
    /// Its span.
    pub span: Span,
}

/// The signing-authority prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Authority {
    /// TM., T/M: thay mặt, on behalf of a collective body.
    OnBehalf,
    /// KT., K/T: ký thay, a deputy signing for the head.
    SigningFor,
    /// TL., T/L: thừa lệnh, by order of.
    ByOrder,
    /// TUQ.: thừa ủy quyền, by authorisation.
    ByAuthorization,
    /// Q.: quyền, acting head.
    Acting,
    /// ĐẠI DIỆN: representing a party to minutes or a contract ("ĐẠI DIỆN BÊN GIAO",
    /// "ĐẠI DIỆN" over a company's name), no prefix of Nghị định 30 but written where
    /// several parties sign side by side.
    Representing,
}

/// One authority line of a signature block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AuthorityLine {
    /// The prefix.
    pub authority: Authority,
    /// The prefix as written ("KT.", "T/M").
    pub prefix: String,
    /// What follows it: the body or head signed for ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
    pub body: String,
    /// Span of the whole line.
    pub span: Span,
}

/// The signature block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Signature {
    /// Authority lines, outermost first ("TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH").
    pub authorities: Vec<AuthorityLine>,
    /// The signer's title ("PHÓ CHỦ TỊCH").
    pub title: Option<Text>,
    /// The signer's name.
    pub name: Option<Text>,
    /// The signer's person id.
    pub signer: Option<usize>,
    /// Other signers side by side (minutes: the secretary to the left of the chair).
    pub co_signers: Vec<Signature>,
    /// Span of the block.
    pub span: Span,
}

/// A document cited by a formal document.
///
/// ```
/// let doc = vanban::parse(
///     "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ AN HÒA\tĐộc lập - Tự do - Hạnh phúc\n\
///      Số: 12/KH-UBND\tAn Hòa, ngày 10 tháng 7 năm 2024\n\nKẾ HOẠCH\nTổ chức đối thoại\n\n\
///      Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n",
/// );
/// let r = &doc.references[0];
/// assert_eq!(r.doc_type, "Nghị định");
/// assert_eq!(r.number.as_deref(), Some("30/2020/NĐ-CP"));
/// assert_eq!(r.date.as_ref().map(|d| (d.year, d.month, d.day)), Some((Some(2020), Some(3), Some(5))));
/// assert_eq!(r.issuer.as_deref(), Some("Chính phủ"));
/// assert!(r.legal_basis);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Reference {
    /// The type as written ("Nghị định", "Luật", "Kết luận", "Văn bản").
    pub doc_type: String,
    /// The number as written ("30/2020/NĐ-CP", "75-KL/TW"), when one is.
    pub number: Option<String>,
    /// The date it was issued ("ngày 05/3/2020"), when written.
    pub date: Option<DocDate>,
    /// The issuing body after "của" ("Chính phủ", "Ban Chấp hành Trung ương Đảng").
    pub issuer: Option<String>,
    /// True when it is a legal basis: cited on a line that opens with "Căn cứ".
    pub legal_basis: bool,
    /// The citation as written, from the type word to the number, date or issuer.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// One line of the "Nơi nhận" list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Recipient {
    /// The recipient, without the bullet and the closing ";" ("Như trên", "TT Huyện ủy").
    pub text: String,
    /// True for the archive line ("Lưu: VT, …").
    pub archive: bool,
    /// Its span.
    pub span: Span,
}

/// A clock time written in minutes ("15 giờ", "vào lúc 14 giờ 30 phút").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ClockTime {
    /// "HH:MM".
    pub time: String,
    /// As written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// Attendance ("có mặt 14/15").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Attendance {
    /// Present.
    pub present: Option<u32>,
    /// Expected in all.
    pub total: Option<u32>,
    /// As written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// A vote ("Tổng số phiếu 15, tán thành 14 phiếu, chiếm 93,3%").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Vote {
    /// Ballots cast.
    pub total: Option<u32>,
    /// In favour.
    #[serde(rename = "for")]
    pub for_: Option<u32>,
    /// Against.
    pub against: Option<u32>,
    /// Abstaining or other opinion.
    pub abstain: Option<u32>,
    /// Share in favour, in percent.
    pub percent: Option<f64>,
    /// As written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// A person named in a field line ("Chủ trì: Ông Nguyễn Văn An - Chủ tịch UBND xã").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FieldPerson {
    /// The value as written.
    pub text: String,
    /// The person id, when a person is named.
    pub person: Option<usize>,
    /// Its span.
    pub span: Span,
}

/// The fields of minutes (Mẫu 1.9 of Nghị định 30, community minutes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Minutes {
    /// When the meeting began.
    pub started: Option<ClockTime>,
    /// When it ended.
    pub ended: Option<ClockTime>,
    /// Where ("Địa điểm: …", "tại …").
    pub place: Option<Text>,
    /// Attendance counts.
    pub attendance: Option<Attendance>,
    /// The chair ("Chủ trì:", "Chủ tọa:").
    pub chair: Option<FieldPerson>,
    /// The secretary ("Thư ký:").
    pub secretary: Option<FieldPerson>,
    /// Agenda items.
    pub agenda: Vec<Text>,
    /// Section headings ("I. Thành phần tham dự", "NỘI DUNG CUỘC HỌP").
    pub sections: Vec<Text>,
    /// Votes.
    pub votes: Vec<Vote>,
}

/// What a [`Diagnostic`] is about. Its JSON and [`Display`](std::fmt::Display) form is
/// the `snake_case` name (`"year_from_context"`); it also compares equal to that string.
///
/// ```
/// let doc = vanban::parse("Sang 8/7, UBND xa to chuc hoi nghi. Dong chi Nguyen Van An - Pho Chu tich UBND xa chu tri hoi nghi cua cac dong chi.");
/// assert!(doc.diagnostics.iter().any(|d| d.code == vanban::DiagnosticCode::NoDiacritics));
/// assert!(doc.diagnostics.iter().any(|d| d.code == "no_diacritics"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticCode {
    /// The text was mis-decoded before it reached the parser and has been repaired.
    Repaired,
    /// The input was longer than the parser's limit and was cut.
    InputTruncated,
    /// Many words carry impossible vowel and tone-mark combinations.
    ScrambledDiacritics,
    /// More dates or periods than the recognizer reads: only the first ones were read.
    DatesTruncated,
    /// The text is written without diacritics and was matched accent-free.
    NoDiacritics,
    /// A role-only mention ("đồng chí Phó Bí thư") that could not be joined to one named
    /// person: none or several hold the role.
    RoleOnlyUnresolved,
    /// The meeting's year was not written with its date and was taken from context.
    YearFromContext,
}

/// Severity-free note about the parse.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `year_from_context`.
    pub code: DiagnosticCode,
    /// Human-readable explanation.
    pub message: String,
    /// Where, if it points somewhere.
    pub span: Option<Span>,
}

impl Document {
    /// Rewrite every span in the document with `f`: for text that was cut out of a
    /// larger file, or read through a decoder, so spans point into the original bytes.
    ///
    /// ```
    /// let mut doc = vanban::parse("Đồng chí Nguyễn Văn An - Chủ tịch UBND xã phát biểu.");
    /// let before = doc.people[0].mentions[0];
    /// doc.map_spans(|s| vanban::Span::new(s.start + 100, s.end + 100));
    /// assert_eq!(doc.people[0].mentions[0].start, before.start + 100);
    /// ```
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        self.visit(&mut |s: &mut Span| *s = f(*s));
    }
}

/// A part of the model that holds spans: `visit` calls `f` on each of them, once.
trait Visit {
    /// Call `f` on every span of the part.
    fn visit(&mut self, f: &mut dyn FnMut(&mut Span));
}

impl Visit for Span {
    fn visit(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(self);
    }
}

/// Visit each of `parts` (an `&mut Option` or an `&mut Vec` will do).
fn each<'a, T: Visit + 'a>(parts: impl IntoIterator<Item = &'a mut T>, f: &mut dyn FnMut(&mut Span)) {
    parts.into_iter().for_each(|x| x.visit(f));
}

/// Implements [`Visit`] from a table: `Type { own span field; parts holding spans }`,
/// each part a `Span`, or an `Option` or a `Vec` of a visited type.
macro_rules! span_fields {
    ($($t:ty { $($own:ident)?; $($part:ident),* })*) => {
        $(impl Visit for $t {
            fn visit(&mut self, f: &mut dyn FnMut(&mut Span)) {
                $(f(&mut self.$own);)?
                $(each(&mut self.$part, f);)*
            }
        })*
    };
}

// The one list of the span-bearing fields of the model: a new field with a span goes here.
span_fields! {
    Document { ; title, author, published, people, captions, recipients, references, header, signature, minutes, diagnostics, publisher, meeting }
    Person { ; mentions, roles }
    Diagnostic { ; span }
    Publisher {
        span; agency, address, phone, fax, email, responsible, responsible_role, designer
    }
    Meeting { ; name, location, organizer, date, period, groups, contributions, speeches, tasks }
    Contributions { span; topics }
    Task { span; agency, partners, deadline, subtasks, section }
    Deadline { span; date, period }
    Header {
        span; issuer, parent_issuer, motto, party_header, number, place, date, doc_type, abstract_, addressee
    }
    Signature { span; authorities, title, name, co_signers }
    Minutes { ; started, ended, place, attendance, chair, secretary, agenda, sections, votes }
    Text { span; }
    Role { span; }
    Caption { span; }
    Recipient { span; }
    Reference { span; date }
    MeetingDate { span; }
    Period { span; }
    Speech { span; }
    DocDate { span; }
    DocumentNumber { span; }
    AuthorityLine { span; }
    ClockTime { span; }
    Attendance { span; }
    FieldPerson { span; }
    Vote { span; }
}
