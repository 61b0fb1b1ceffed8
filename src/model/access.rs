//! Accessors that follow the model's person ids: the [`Person`]s who chaired, attended
//! or spoke at a meeting, and the text of a person's mentions.
//!
//! The model refers to people by their index in [`Document::people`] (so that each
//! individual appears once in the JSON); these methods turn the indices back into
//! people.

use super::{Document, Person, Span, Speech};

impl Document {
    /// The person with this id (its index in [`Document::people`]), if there is one.
    ///
    /// ```
    /// let doc = vanban::parse("Đồng chí Nguyễn Văn An - Chủ tịch UBND xã phát biểu.");
    /// assert_eq!(doc.person(0).map(|p| p.name.as_str()), Some("Nguyễn Văn An"));
    /// assert!(doc.person(7).is_none());
    /// ```
    pub fn person(&self, id: usize) -> Option<&Person> {
        self.people.get(id)
    }

    /// The people who chaired the meeting, in the order the text gives them (none when
    /// the document reports no meeting).
    ///
    /// ```
    /// let doc = vanban::parse(
    ///     "Sáng 8/7/2024, UBND xã tổ chức hội nghị sơ kết. \
    ///      Đồng chí Nguyễn Văn An - Chủ tịch UBND xã chủ trì hội nghị.",
    /// );
    /// let chairs: Vec<&str> = doc.chairs().map(|p| p.name.as_str()).collect();
    /// assert_eq!(chairs, ["Nguyễn Văn An"]);
    /// ```
    pub fn chairs(&self) -> impl Iterator<Item = &Person> + '_ {
        self.people_of(|m| &m.chairs)
    }

    /// The named people who attended the meeting (chairs and speakers included when
    /// they attended).
    ///
    /// ```
    /// let doc = vanban::parse(
    ///     "Sáng 8/7/2024, UBND xã tổ chức hội nghị sơ kết. Tham dự hội nghị có \
    ///      đồng chí Trần Thị Bình - Phó Chủ tịch UBND huyện.",
    /// );
    /// assert!(doc.attendees().any(|p| p.name == "Trần Thị Bình"));
    /// ```
    pub fn attendees(&self) -> impl Iterator<Item = &Person> + '_ {
        self.people_of(|m| &m.attendees)
    }

    /// The meeting's speeches, each with its speaker.
    ///
    /// ```
    /// let doc = vanban::parse(
    ///     "Sáng 8/7/2024, UBND xã tổ chức hội nghị sơ kết. \
    ///      Đồng chí Nguyễn Văn An - Chủ tịch UBND huyện phát biểu chỉ đạo hội nghị.",
    /// );
    /// let (speech, speaker) = doc.speeches().next().unwrap();
    /// assert_eq!((speech.kind.as_str(), speaker.name.as_str()), ("directive", "Nguyễn Văn An"));
    /// ```
    pub fn speeches(&self) -> impl Iterator<Item = (&Speech, &Person)> + '_ {
        let speeches = self.meeting.iter().flat_map(|m| &m.speeches);
        speeches.filter_map(|s| Some((s, self.person(s.speaker)?)))
    }

    /// The people whose ids a field of the meeting lists.
    fn people_of<'a>(&'a self, ids: impl Fn(&'a super::Meeting) -> &'a Vec<usize>) -> impl Iterator<Item = &'a Person> {
        self.meeting.iter().flat_map(ids).filter_map(|&id| self.person(id))
    }
}

impl Person {
    /// The text of each mention of this person in `input` (the text the document was
    /// parsed from; for [`crate::parse_bytes`], the bytes decoded as they were). A span
    /// that does not slice `input` (another input, or bytes of a legacy encoding) is
    /// left out.
    ///
    /// ```
    /// let text = "Đồng chí Nguyễn Văn An - Chủ tịch UBND xã phát biểu. Đồng chí Nguyễn Văn An nhấn mạnh.";
    /// let doc = vanban::parse(text);
    /// assert!(doc.people[0].mention_texts(text).iter().all(|m| m.contains("Nguyễn Văn An")));
    /// ```
    pub fn mention_texts<'t>(&self, input: &'t str) -> Vec<&'t str> {
        self.mentions.iter().filter_map(|s: &Span| s.slice(input)).collect()
    }
}
