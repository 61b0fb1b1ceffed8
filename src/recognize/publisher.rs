//! The publisher's footer of a news site: "Cơ quan chủ quản: …; Địa chỉ: …; Điện
//! thoại: …; Người chịu trách nhiệm: …", read from the footer blocks, a labelled field
//! per ';'-separated part. The labels are word lists of `lexicon/data/words.tsv`.

use super::context::Context;
use super::person::PersonMention;
use crate::key;
use crate::layout::BlockKind;
use crate::lexicon::WordList;

/// The footer's fields, in normalized-text offsets. A later part with the same label
/// replaces an earlier one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublisherMention {
    /// First byte of the first footer block.
    pub start: usize,
    /// One past the last byte of the last one.
    pub end: usize,
    /// "Cơ quan chủ quản".
    pub agency: Option<(usize, usize)>,
    /// "Địa chỉ".
    pub address: Option<(usize, usize)>,
    /// "Điện thoại".
    pub phone: Option<(usize, usize)>,
    /// "Fax".
    pub fax: Option<(usize, usize)>,
    /// "Email".
    pub email: Option<(usize, usize)>,
    /// "Thiết kế".
    pub designer: Option<(usize, usize)>,
    /// The "Người chịu trách nhiệm" parts, in order.
    pub responsible: Vec<Responsible>,
}

/// A "Người chịu trách nhiệm" part of the footer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Responsible {
    /// A person mention (index in [`super::Mentions::people`]) starts in the part.
    Person(usize),
    /// No person mention: the value as written (none when the part is only a label).
    Written(Option<(usize, usize)>),
}

/// The labels of the fields, in the order they are tried.
const FIELD_LABELS: [WordList; 7] = [
    WordList::FooterAgency,
    WordList::FooterAddress,
    WordList::FooterPhone,
    WordList::FooterFax,
    WordList::FooterEmail,
    WordList::FooterDesigner,
    WordList::FooterResponsible,
];

/// The footer, when the layout found footer blocks.
pub(crate) fn publisher(cx: &Context<'_, '_>, people: &[(usize, PersonMention)]) -> Option<PublisherMention> {
    let footer: Vec<_> = cx.layout.blocks.iter().filter(|b| b.kind == BlockKind::Footer).collect();
    let (first, last) = (footer.first()?, footer.last()?);
    let mut found = PublisherMention { start: first.start, end: last.end, ..PublisherMention::default() };
    for b in &footer {
        let mut pos = b.start;
        for part in cx.text[b.start..b.end].split(';') {
            let (ps, pe) = (pos, pos + part.len());
            pos = pe + 1;
            let lower = key::key(part.trim_start());
            let label =
                |list: WordList| cx.lex.words(list).iter().find(|l| lower.starts_with(l.as_str())).map(String::len);
            let Some((field, label_len)) = FIELD_LABELS.iter().enumerate().find_map(|(i, &l)| Some((i, label(l)?)))
            else {
                continue;
            };
            let value = field_value(cx.text, ps + part.len() - part.trim_start().len() + label_len, pe);
            let slot = match field {
                0 => &mut found.agency,
                1 => &mut found.address,
                2 => &mut found.phone,
                3 => &mut found.fax,
                4 => &mut found.email,
                5 => &mut found.designer,
                _ => {
                    let person = people.iter().position(|(_, m)| m.start >= ps && m.start < pe);
                    found.responsible.push(person.map_or(Responsible::Written(value), Responsible::Person));
                    continue;
                }
            };
            *slot = value;
        }
    }
    Some(found)
}

/// The value of a field in `start..end` (just after its label): without the colon and
/// the spaces before it and the punctuation after it.
fn field_value(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let raw = text[start..end].trim_start_matches([':', ' ']);
    let t = raw.trim_end_matches([' ', '.', ',']);
    let off = end - raw.len();
    (!t.is_empty()).then_some((off, off + t.len()))
}

#[cfg(test)]
mod tests {
    use super::Responsible;
    use crate::recognize::context::mentions_of;

    #[test]
    fn footer_fields() {
        let text = "HỘI NGHỊ GIAO BAN THÁNG 5\n\nSáng 3/5, UBND xã Tân Phú tổ chức hội nghị giao ban.\n\n\
                    Cơ quan chủ quản: UBND xã Tân Phú; Điện thoại: 0123 456 789\n\
                    Địa chỉ: thôn Đông, xã Tân Phú.\n\
                    Người chịu trách nhiệm: Ông Lê Văn Nam - Chủ tịch UBND xã";
        let m = mentions_of(text);
        let p = m.publisher.expect("a footer");
        let at = |f: Option<(usize, usize)>| f.map(|(s, e)| &text[s..e]);
        assert_eq!(at(p.agency), Some("UBND xã Tân Phú"));
        assert_eq!(at(p.address), Some("thôn Đông, xã Tân Phú"));
        assert_eq!(at(p.phone), Some("0123 456 789"));
        assert_eq!(p.email, None);
        assert!(text[p.start..p.end].starts_with("Cơ quan chủ quản") && text[..p.end].ends_with("UBND xã"));
        // The responsible person is a person mention, linked to its person in assembly.
        let [Responsible::Person(i)] = p.responsible[..] else { panic!("{:?}", p.responsible) };
        let (s, e) = m.people[i].1.name.expect("a name");
        assert_eq!(&text[s..e], "Lê Văn Nam");
    }

    #[test]
    fn field_value_trims_label_punctuation() {
        let text = "Email: : banbientap@tanphu.vn. ";
        assert_eq!(super::field_value(text, 5, text.len()).map(|(s, e)| &text[s..e]), Some("banbientap@tanphu.vn"));
        assert_eq!(super::field_value("Fax: .", 4, 6), None);
    }
}
