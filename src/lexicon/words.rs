//! The named word lists: read at known places by the stages (a verb inside a cue, a
//! footer label, the month words of a date, the reference words before a list marker …),
//! never scanned for in the whole text. Each list is a variant of [`WordList`]; its lines
//! are in `words.tsv`, `dates.tsv` or `lists.tsv` (phrase, list name, optional value).

use super::{KeyMap, Lexicon};
use std::fmt;

named_lists! {
    /// A word list of the lexicon, named in the data files by its snake_case name
    /// (`OrganizeVerb` is `organize_verb`). Look it up with [`Lexicon::words`],
    /// [`Lexicon::is_in`] or [`Lexicon::word_list`]; a list nobody wrote lines for is
    /// empty, and a data line naming no list of this enum is a [`super::TableError`].
    pub enum WordList {
        // --- words.tsv: the assembly stage ---
        /// The verb inside an organizing cue, tried in order ("tổ chức").
        OrganizeVerb = "organize_verb",
        /// A body meets in session ("họp").
        MeetVerb = "meet_verb",
        /// "by" before the organizer ("do").
        Agent = "agent",
        /// Words before an organizer that are not part of it ("hôm nay").
        SubjectLead = "subject_lead",
        /// Words between an organizer and its verb ("đã", "long trọng").
        SubjectTrail = "subject_trail",
        /// An organizer starting so is a person, not a body ("đồng chí").
        PersonLead = "person_lead",
        /// A co-organizer follows; the organizer ends before it ("phối hợp với").
        CoOrganizer = "co_organizer",
        /// Right before the organizing verb, the verb is not the subject's own act
        /// ("chỉ đạo tổ chức", "kế hoạch tổ chức"): no organizer.
        NotOrganizing = "not_organizing",
        /// An event named by its verb after the organizing verb ("tổ chức phát động …").
        OrganizedEvent = "organized_event",
        /// A term after an organizer, which is not part of it ("nhiệm kỳ").
        SubjectTerm = "subject_term",
        /// A course written before a term ("khóa X, nhiệm kỳ …"), dropped with it.
        SubjectCourse = "subject_course",
        /// A speech at the meeting word after it ("phát biểu tại").
        SpokenAt = "spoken_at",
        /// A place follows, after the meeting's date ("tại").
        PlaceIntro = "place_intro",
        /// The attendees follow ("có").
        AttendeeIntro = "attendee_intro",
        /// Words between listed people that do not end the list.
        MentionGap = "mention_gap",
        /// Joins co-chairs named before their verb ("và").
        ChainJoin = "chain_join",
        /// Words before a group of attendees that are not part of it ("cùng với").
        GroupLead = "group_lead",
        /// A chair verb that chairs only a meeting or at the end of a clause ("điều hành").
        RunVerb = "run_verb",
        /// The end of a list's lead that enumerates, not directs ("như:").
        EnumerationIntro = "enumeration_intro",
        /// The topics of the contributions follow, tried in order ("như:").
        TopicsIntro = "topics_intro",
        /// Footer label of the managing agency.
        FooterAgency = "footer_agency",
        /// Footer label of the address.
        FooterAddress = "footer_address",
        /// Footer label of the phone number.
        FooterPhone = "footer_phone",
        /// Footer label of the fax number.
        FooterFax = "footer_fax",
        /// Footer label of the e-mail address.
        FooterEmail = "footer_email",
        /// Footer label of the site's designer.
        FooterDesigner = "footer_designer",
        /// Footer label of the person in charge.
        FooterResponsible = "footer_responsible",
        /// A byline label written without a colon ("Theo").
        BylineBareLabel = "byline_bare_label",
        /// A title line starting so makes the document minutes ("BIÊN BẢN").
        MinutesTitle = "minutes_title",
        /// … a notice ("THÔNG BÁO").
        NoticeTitle = "notice_title",
        /// … a plan ("KẾ HOẠCH").
        PlanTitle = "plan_title",
        /// A line opening with one of these words and a number soon after starts with a
        /// date ("Sáng 8/7, …"); for the layout stage.
        DateLineOpener = "date_line_opener",
        /// A header line containing one of these phrases is the national motto or the
        /// Party's name of a formal document; for the layout stage.
        StateHeader = "state_header",
        /// A whole line that is one of these is page chrome: a menu or widget label, a
        /// stray "null" ("Tin tức", "In bài viết"); for the layout stage.
        ChromeLine = "chrome_line",
        /// A line starting with one of these is page chrome: a portal banner, a
        /// breadcrumb, a related-article heading ("Cổng thông tin điện tử"); for the layout stage.
        ChromeLead = "chrome_lead",
        /// A crawler's word before the page text ("null", "date" and an ISO date); for
        /// the layout stage.
        CrawlerPrefix = "crawler_prefix",
        /// A label that opens a publish timestamp ("Cập nhật", "Ngày đăng"); for the
        /// layout stage.
        TimestampLabel = "timestamp_label",
        /// A word a timestamp line may hold besides its date, clock and label ("thứ",
        /// "gmt+7"); for the layout stage.
        TimestampFiller = "timestamp_filler",
        /// The verb of "giữ chức": an office held; for the person recognizer.
        HeldVerb = "held_verb",
        /// A phrase before "giữ chức" that makes it a life story, not a decision ("từ
        /// năm", "/19"); for the person recognizer.
        LifeStoryMark = "life_story_mark",
        /// A byline label inside a timestamp line ("Tác giả:"); for the layout stage.
        BylineInlineLabel = "byline_inline_label",
        /// A line holding one of these is a photo caption, never the headline ("từ
        /// trái sang"); for the layout stage.
        CaptionMark = "caption_mark",
        /// A word right before an organizing verb that makes it passive ("được"): no
        /// organizer before it.
        PassiveMark = "passive_mark",
        /// A label whose value is the meeting's time ("Thời gian:", "Thời gian và địa
        /// điểm:"); for the assembly stage's date choice.
        MeetingTimeLabel = "meeting_time_label",
        /// Frequent syllables written without diacritics ("cua", "nguoi"): text rich in
        /// them was typed without accents.
        BareSyllable = "bare_syllable",
        // --- dates.tsv: the date recognizer ---
        /// Words that may start a date mention (besides digits and `(`).
        DateCue = "date_cue",
        /// Words that may start a period mention (besides digits).
        PeriodCue = "period_cue",
        /// Month names after "tháng", longest first; value: the month, and `lunar`.
        MonthWord = "month_word",
        /// Words after which "thứ N" is an ordinal, not a weekday ("lần thứ năm").
        OrdinalHead = "ordinal_head",
        /// Parts of the day, tried in order; value: the part (`sang`, `trua` …).
        DayPart = "day_part",
        /// A word that may come before a part of the day ("buổi").
        DayPartLead = "day_part_lead",
        /// A word that may follow the morning ("sớm").
        EarlyMorning = "early_morning",
        /// A relative day right after a part of the day ("nay", "cùng ngày").
        DayPartRelative = "day_part_relative",
        /// A relative day by itself ("cùng ngày").
        RelativeDay = "relative_day",
        /// A relative day after "hôm" ("nay", "qua", "kia", "sau").
        HomRelative = "hom_relative",
        /// A relative day after "ngày" ("mai").
        NgayRelative = "ngay_relative",
        /// A weekday after "thứ"; value: its number (2 to 7).
        WeekdayNumber = "weekday_number",
        /// A whole weekday phrase; value: its number ("chủ nhật": 8).
        WeekdayName = "weekday_name",
        /// "About" before a time ("khoảng").
        AboutLead = "about_lead",
        /// Lead words of a date or time, tried in order; value: flags (`time`, `from`, `vao`).
        TimeLead = "time_lead",
        /// Number words in "trong hai ngày".
        DayCount = "day_count",
        /// Words before "N tháng" that make it part of a date, not a count of months.
        MonthsNotAfter = "months_not_after",
        /// Words before "tháng N" that make it part of a date, not a month period.
        MonthNotAfter = "month_not_after",
        // --- lists.tsv: the list and count recognizers ---
        /// Words that make a following `(1)`, `1)` or `a)` a reference, not a marker.
        ReferenceWord = "reference_word",
        /// Nouns a number counts ("tháng 2", "tổ 5"): a number after them is no marker.
        CountedWord = "counted_word",
        /// Ordinal words after "thứ", in pattern order; value: the number.
        OrdinalWord = "ordinal_word",
        /// Number words before "là" ("một là"), in pattern order; value: the number.
        NumberWord = "number_word",
        /// The counted noun of a number of contributions ("ý kiến tham luận"), in pattern order.
        ContributionPhrase = "contribution_phrase",
    }
}

/// The lists a key is in, one bit per list.
pub(super) type ListMask = u128;

// Membership is one bit per list in a word's mask.
const _: () = assert!(WordList::ALL.len() <= ListMask::BITS as usize);

/// The phrases of one list, as written and folded to the key, with their values.
#[derive(Clone, Debug, Default)]
pub(super) struct ListData {
    pub(super) keys: Vec<String>,
    pub(super) forms: Vec<String>,
    pub(super) values: Vec<String>,
}

/// The lists, indexed by [`WordList::index`], and the membership mask of every key.
pub(super) fn compile(lines: Vec<(WordList, String, String)>) -> (Vec<ListData>, KeyMap<ListMask>) {
    let mut lists = vec![ListData::default(); WordList::ALL.len()];
    let mut bits: KeyMap<ListMask> = KeyMap::default();
    for (list, form, value) in lines {
        let k = crate::key::key(&form);
        *bits.entry(k.clone()).or_default() |= 1 << list.index();
        let l = &mut lists[list.index()];
        l.keys.push(k);
        l.forms.push(form);
        l.values.push(value);
    }
    (lists, bits)
}

/// One word list: its phrases in file order, and membership in one look-up.
/// From [`Lexicon::word_list`].
#[derive(Clone, Copy)]
pub struct WordSet<'a> {
    data: &'a ListData,
    bit: ListMask,
    bits: &'a KeyMap<ListMask>,
}

impl fmt::Debug for WordSet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.data.keys).finish()
    }
}

impl<'a> WordSet<'a> {
    /// The phrases folded to the key, in file order.
    pub fn phrases(&self) -> &'a [String] {
        &self.data.keys
    }

    /// The phrases as written in the table (trimmed), in file order. The recognizers of
    /// dates, lists and counts match these on the key of the text.
    pub fn forms(&self) -> &'a [String] {
        &self.data.forms
    }

    /// The value column of each phrase (empty where none), in file order.
    pub fn values(&self) -> &'a [String] {
        &self.data.values
    }

    /// The phrases as written with their values, in file order.
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, &'a str)> + use<'a> {
        self.data.forms.iter().map(String::as_str).zip(self.data.values.iter().map(String::as_str))
    }

    /// True when the key `k` is one of the phrases.
    ///
    /// ```
    /// use vanban::lexicon::WordList;
    /// let lex = vanban::Lexicon::default();
    /// assert!(lex.word_list(WordList::GroupLead).contains("cùng với"));
    /// assert!(!lex.word_list(WordList::GroupLead).contains("Cùng với"));
    /// ```
    pub fn contains(&self, k: &str) -> bool {
        self.bits.get(k).is_some_and(|b| b & self.bit != 0)
    }
}

impl Lexicon {
    /// The phrases of a word list (folded to the key), in file order. These lists are
    /// read at known places (the verb inside an organizing cue, footer labels …), never
    /// scanned for.
    ///
    /// ```
    /// use vanban::lexicon::WordList;
    /// let lex = vanban::Lexicon::default();
    /// assert_eq!(lex.words(WordList::FooterPhone), ["điện thoại", "đt"]);
    /// ```
    pub fn words(&self, list: WordList) -> &[String] {
        &self.lists[list.index()].keys
    }

    /// True when `k` (a key) is one of the phrases of the word list `list`.
    ///
    /// ```
    /// use vanban::lexicon::WordList;
    /// let lex = vanban::Lexicon::default();
    /// assert!(lex.is_in(WordList::GroupLead, "cùng với"));
    /// assert!(!lex.is_in(WordList::GroupLead, "Cùng với"));
    /// ```
    pub fn is_in(&self, list: WordList, k: &str) -> bool {
        self.word_list(list).contains(k)
    }

    /// A word list, to read or test many times.
    ///
    /// ```
    /// use vanban::lexicon::WordList;
    /// let lex = vanban::Lexicon::default();
    /// let gap = lex.word_list(WordList::MentionGap);
    /// assert!(gap.contains("và"));
    /// assert!(!gap.contains("hội nghị"));
    /// ```
    pub fn word_list(&self, list: WordList) -> WordSet<'_> {
        WordSet { data: &self.lists[list.index()], bit: 1 << list.index(), bits: &self.word_bits }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{LexiconBuilder, Table};
    use super::*;

    #[test]
    fn word_lists_keep_file_order_and_fold() {
        let lex = LexiconBuilder::with_defaults()
            .add_table(Table::Words, "Thiết Kế Website\tfooter_designer\nghi chú\tenumeration_intro\n")
            .unwrap()
            .build();
        assert_eq!(
            lex.words(WordList::FooterDesigner),
            ["designed by", "thiết kế bởi", "thiết kế", "thiết kế website"]
        );
        assert!(lex.is_in(WordList::EnumerationIntro, "ghi chú"));
        // Word lists are no cues: nothing in the text matches them.
        let text = "ghi chú";
        assert!(lex.cue_matches(text, &crate::key::key(text)).is_empty());
        assert!(LexiconBuilder::new().add_table(Table::Words, "đã\n").is_err());
    }

    #[test]
    fn unknown_list_is_an_error() {
        let e = LexiconBuilder::new().add_table(Table::Words, "# c\nđã\tno_such_list\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("no_such_list"), "{e}");
    }

    #[test]
    fn names_round_trip() {
        for &l in WordList::ALL {
            assert_eq!(WordList::from_name(l.name()), Some(l));
            assert_eq!(l.to_string(), l.name());
        }
    }

    #[test]
    fn values_and_forms_are_kept() {
        let lex = Lexicon::default();
        let months = lex.word_list(WordList::MonthWord);
        assert_eq!(months.entries().next(), Some(("mười một", "11")));
        assert!(months.forms().len() == months.values().len());
    }
}
