//! Normalisation: one spelling of the text, with a map back to the input.
//!
//! [`normalize`] cleans a decoded text so that later stages see one form of
//! each thing (DOMAIN.md §8), and records where every piece of the result came
//! from, so spans found in the normalized text can be reported in the
//! coordinates of the input ([`Normalized::to_input`]).
//!
//! What changes, as if applied in this order (the implementation does it in one
//! pass):
//!
//! 1. Invisible characters go: a BOM, U+200B–U+200F, U+2060, U+00AD, every other
//!    `\p{Cf}` (a ZWJ survives only between two emoji), and C0 controls other than
//!    `\n` and `\t`. `\r\n`, a lone `\r`, form feed, vertical tab, U+2028 and
//!    U+2029 become `\n`.
//! 2. Look-alikes: `Ð`/`ð` → `Đ`/`đ`, `Ƣ`/`ƣ` → `Ư`/`ư`; Cyrillic homoglyphs and
//!    the small capital `ᴠ` become Latin letters, but only inside a word that also
//!    has Latin letters (`Cộng ѕản` is fixed, `Москва` is not).
//! 3. HTML character references ending in `;` are decoded (named Latin-1 letters,
//!    the common punctuation names, `&#7879;`, `&#x1EC7;`), before NFC, so
//!    `&ecirc;` followed by a combining acute becomes `ế`.
//! 4. NFC, recomposing only the short runs that need it. A run of more than 30
//!    non-starters (combining marks) is composed and reordered only up to the
//!    30th; the rest of it goes through as written, in order: the Stream-Safe
//!    Text Format of UAX #15 (without the grapheme joiner it inserts), so a run
//!    of any length costs no more memory than thirty marks.
//! 5. Spaces: every `\p{Zs}` and `\t` becomes a space; runs collapse to one;
//!    spaces at the start and end of lines go; three or more line breaks (with
//!    only spaces between) become exactly two.
//! 6. Dashes become `-`, curly and angle quotes become `"` or `'`, full-width
//!    ASCII becomes ASCII.
//! 7. Optionally, one tone placement for open `oa`, `oe`, `uy` syllables
//!    ([`ToneStyle`]); a misplaced `qúy` becomes `quý` in either style.
//!
//! The result is NFC (but for runs past 30 non-starters, see 4) and normalizing it
//! again changes nothing. Text that needs
//! none of this is copied in one piece and has an empty map.
//!
//! The map is a list of edits, each a normalized byte range and the input byte
//! range it came from; between edits the two texts are equal, shifted. A run of
//! characters recomposed together (`e` U+0323 U+0302 → `ệ`) is one edit, a
//! decoded entity is one, removed characters are an edit with an empty
//! normalized range (the map is the one offset map of `crate::spelling`, which
//! `decode` uses too). Decomposed Vietnamese, the common case of step 4, is
//! recomposed by the table of the 144 Vietnamese vowels (`crate::spelling`)
//! rather than the general algorithm, with the same result and the same edits:
//! one per vowel.

use std::borrow::Cow;
use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::spelling::code_pages::CP1252_C1;
use crate::spelling::is_raw_word_char;
use crate::spelling::offset_map::{OffsetMap, ceil_boundary, floor_boundary};
use crate::spelling::vowels::{VOWELS, tone_of, vowel_info, with_tone};

/// Where the tone mark goes in open `oa`, `oe` and `uy` syllables (DOMAIN.md §8.2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ToneStyle {
    /// The old placement, on the first vowel: hòa, thủy, Ủy.
    Old,
    /// The new placement, on the main vowel: hoà, thuỷ, Uỷ.
    New,
    /// Leave the tone marks where the input has them.
    #[default]
    Keep,
}

/// Options for [`normalize`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Tone placement for open `oa`, `oe`, `uy` syllables (default: keep as is).
    pub tone: ToneStyle,
}

/// A normalized text and the map from its byte offsets back to the input's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized<'a> {
    /// The normalized text (NFC). Borrowed from the input when it is the input or a
    /// prefix of it (clean text, or only spaces and blank lines dropped at the end):
    /// a copy of the text is then not kept through the parse.
    pub text: Cow<'a, str>,
    map: OffsetMap,
}

impl Normalized<'_> {
    /// Cut the normalized text to at most `max` bytes (at a character boundary); true
    /// when it was longer. The map still covers the whole input, so offsets in the
    /// shorter text still map back.
    pub(crate) fn truncate(&mut self, max: usize) -> bool {
        if self.text.len() <= max {
            return false;
        }
        let end = crate::spelling::offset_map::floor_boundary(&self.text, max);
        match &mut self.text {
            Cow::Borrowed(t) => *t = &t[..end],
            Cow::Owned(t) => t.truncate(end),
        }
        true
    }

    /// Input byte offset of the normalized byte offset `off` used as a span START.
    ///
    /// Inside a replaced region this is the region's start in the input (floor);
    /// at a place where input characters were removed it is the offset after
    /// them. An `off` past the end or inside a character is clamped down to a
    /// character boundary first. The result is an input character boundary.
    pub fn to_input_start(&self, off: usize) -> usize {
        self.map.edit_lookup(floor_boundary(&self.text, off), false)
    }

    /// Input byte offset of the normalized byte offset `off` used as a span END.
    ///
    /// Strictly inside a replaced region, or at its end, this is the region's end
    /// in the input (ceil); at a place where input characters were removed it is
    /// the offset before them. An `off` inside a character is moved up to the next
    /// character boundary first. The result is an input character boundary.
    pub fn to_input_end(&self, off: usize) -> usize {
        self.map.edit_lookup(ceil_boundary(&self.text, off), true)
    }

    /// Map the normalized byte range `start..end` to an input byte range.
    ///
    /// The result never runs backwards: an empty range (or `end < start`) maps
    /// to an empty range at the input start of `start`.
    pub fn to_input(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_input_start(start);
        let e = self.to_input_end(end.max(start));
        (s, e.max(s))
    }

    /// True when the text is unchanged from the input (no edits).
    pub fn is_identity(&self) -> bool {
        self.map.is_empty()
    }
}

/// Normalize `input` (see the [module documentation](self) for the rules).
///
/// Never fails and never panics; the result is NFC and normalizing it again
/// with the same options returns it unchanged.
///
/// ```
/// use vanban::normalize::{normalize, NormalizeOptions, ToneStyle};
///
/// let input = "\u{feff}Tỉnh ủy\u{a0}\u{a0}Hòa Bình – “Dân vận khéo”";
/// let opts = NormalizeOptions { tone: ToneStyle::New };
/// let n = normalize(input, &opts);
/// assert_eq!(n.text, "Tỉnh uỷ Hoà Bình - \"Dân vận khéo\"");
///
/// // A span found in the normalized text, in input coordinates:
/// let start = n.text.find("Hoà").unwrap();
/// let (s, e) = n.to_input(start, start + "Hoà".len());
/// assert_eq!(&input[s..e], "Hòa");
///
/// // Clean text is copied as it is.
/// let clean = normalize("Ban Dân vận Huyện ủy", &NormalizeOptions::default());
/// assert!(clean.is_identity());
/// ```
pub fn normalize<'a>(input: &'a str, opts: &NormalizeOptions) -> Normalized<'a> {
    let mut engine = Engine::new(input, opts.tone);
    engine.run();
    let text = match input.get(..engine.out.len()) {
        Some(prefix) if prefix == engine.out => Cow::Borrowed(prefix),
        _ => {
            // Kept through the parse: without the room left by what was dropped.
            engine.out.shrink_to_fit();
            Cow::Owned(engine.out)
        }
    };
    Normalized { text, map: engine.map }
}

// ---------------------------------------------------------------------------
// Character classes and tables
// ---------------------------------------------------------------------------

/// The context-free part of steps 1, 2, 5 and 6: `None` drops `c`.
///
/// `\r` maps to `\n` here; the `\r\n` pair and the ZWJ-between-emoji exception
/// are handled where the raw input is read.
fn map_char(c: char) -> Option<char> {
    Some(match c {
        '\t' => ' ',
        '\n' => '\n',
        '\r' | '\u{0B}' | '\u{0C}' | '\u{2028}' | '\u{2029}' => '\n',
        '\0'..='\u{1F}' | '\u{7F}' => return None,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        // \p{Cf} (Unicode 15.1), ZWJ included: kept only by `Engine::feed_raw`.
        '\u{AD}'
        | '\u{600}'..='\u{605}'
        | '\u{61C}'
        | '\u{6DD}'
        | '\u{70F}'
        | '\u{890}'..='\u{891}'
        | '\u{8E2}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}' => return None,
        'Ð' => 'Đ',
        'ð' => 'đ',
        'Ƣ' => 'Ư',
        'ƣ' => 'ư',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        // Canonical singletons onto ASCII that could complete an entity: NFC would
        // make them ASCII later, so make them ASCII before entities are decoded.
        '\u{37E}' => ';',
        '\u{212A}' => 'K',
        _ => c,
    })
}

/// The Latin letter a Cyrillic homoglyph (or the small capital `ᴠ`) stands for.
fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ј' => 'j',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'Ѕ' => 'S',
        'І' => 'I',
        'Ј' => 'J',
        'ᴠ' => 'v',
        _ => return None,
    })
}

/// A Latin-script letter (the small capitals of U+1D00.. are not counted).
#[inline]
fn is_latin_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{1E00}'..='\u{1EFF}' => true,
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' | '\u{AB30}'..='\u{AB6F}' => {
            crate::spelling::is_alphabetic(c)
        }
        _ => false,
    }
}

/// NFC can cut the text before `c`: `c` is a starter that never combines with
/// what precedes it (combining class 0 and NFC_Quick_Check = Yes).
#[inline]
fn is_boundary(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) {
        return true;
    }
    // Combining diacritics: all non-starters but the grapheme joiner.
    if (0x300..=0x36F).contains(&u) {
        return u == 0x34F;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// A character the slow path may change (ignoring tone style).
fn needs_slow(c: char) -> bool {
    map_char(c) != Some(c) || homoglyph(c).is_some() || !is_boundary(c)
}

/// An emoji-like character for the ZWJ rule: a non-letter at or above U+1F000.
#[inline]
fn is_emoji(c: char) -> bool {
    c as u32 >= 0x1F000 && !crate::spelling::is_alphabetic(c)
}

#[inline]
fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `base` (lower case ASCII) in the given case.
fn with_case(base: char, upper: bool) -> char {
    if upper { base.to_ascii_uppercase() } else { base }
}

/// The rewritten vowel pair `c d` of an open syllable, if the style moves its tone.
fn retone_pair(c: char, d: char, style: ToneStyle, after_q: bool) -> Option<(char, char)> {
    let d_plain = d.is_ascii().then(|| d.to_ascii_lowercase());
    // Tone on o/u followed by a/e (after o) or y (after u): New moves it to the
    // second vowel; so does Old after "qu", where u belongs to the consonant.
    if let Some((base, tone, up)) = tone_of(c) {
        let pair = matches!((base, d_plain), ('o', Some('a' | 'e')) | ('u', Some('y')));
        if pair && (style == ToneStyle::New || (after_q && base == 'u')) {
            let db = d_plain.unwrap_or(d);
            return Some((with_case(base, up), with_tone(db, tone, d.is_ascii_uppercase())));
        }
        return None;
    }
    if style == ToneStyle::Old && c.is_ascii() {
        let cl = c.to_ascii_lowercase();
        let (db, tone, up) = tone_of(d)?;
        let pair = matches!((cl, db), ('o', 'a' | 'e') | ('u', 'y'));
        if pair && !(cl == 'u' && after_q) {
            return Some((with_tone(cl, tone, c.is_ascii_uppercase()), with_case(db, up)));
        }
    }
    None
}

/// Longest entity name and longest run of digits accepted.
const MAX_NAME: usize = 8;
const MAX_DIGITS: usize = 8;

/// Can `c` extend the entity body `body` (the characters after `&`)?
fn can_extend(body: &[Item], c: char) -> bool {
    match body.first().map(|it| it.c) {
        None => c == '#' || c.is_ascii_alphabetic(),
        Some('#') => match body.get(1).map(|it| it.c) {
            None => c.is_ascii_digit() || c == 'x' || c == 'X',
            Some('x' | 'X') => body.len() - 2 < MAX_DIGITS && c.is_ascii_hexdigit(),
            Some(_) => body.len() - 1 < MAX_DIGITS && c.is_ascii_digit(),
        },
        Some(_) => body.len() < MAX_NAME && c.is_ascii_alphanumeric(),
    }
}

/// The character of the complete entity body `body` (without `&` and `;`).
fn decode_entity(body: &[Item]) -> Option<char> {
    let mut buf = [0u8; MAX_DIGITS + 2];
    let len = body.len();
    if len == 0 || len > buf.len() {
        return None;
    }
    for (b, it) in buf.iter_mut().zip(body) {
        *b = u8::try_from(u32::from(it.c)).ok().filter(u8::is_ascii)?;
    }
    let s = std::str::from_utf8(&buf[..len]).ok()?;
    if let Some(num) = s.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return match v {
            0 => None,
            // HTML maps `&#128;`..`&#159;` through windows-1252.
            0x80..=0x9F => Some(CP1252_C1[(v - 0x80) as usize]),
            _ => char::from_u32(v),
        };
    }
    named_entity(s)
}

/// Named character references: Latin-1 letters, Vietnamese letters with an HTML5
/// name, and the punctuation seen in scraped pages.
///
/// Over 100 lines because it is a table written as a `match`, one arm per name (the
/// compiler builds the look-up); there is no logic to split.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "shy" => '\u{AD}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "prime" => '′',
        "Prime" => '″',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "sect" => '§',
        "para" => '¶',
        "euro" => '€',
        "cent" => '¢',
        "pound" => '£',
        "yen" => '¥',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "Yuml" => 'Ÿ',
        "Abreve" => 'Ă',
        "abreve" => 'ă',
        "Dstrok" => 'Đ',
        "dstrok" => 'đ',
        "Itilde" => 'Ĩ',
        "itilde" => 'ĩ',
        "Utilde" => 'Ũ',
        "utilde" => 'ũ',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// The Vietnamese composer
// ---------------------------------------------------------------------------

/// The Vietnamese combining marks, numbered so that a tone mark's number is its
/// tone index in [`VOWELS`]. Canonical combining classes: the horn 216, the dot
/// below 220, all others 230.
const MK_DOT: u8 = 5;
const MK_CIRCUMFLEX: u8 = 6;
const MK_BREVE: u8 = 7;
const MK_HORN: u8 = 8;

/// The Vietnamese mark encoded `CC b1` in UTF-8 (U+0300..U+033F), or 0.
#[inline]
fn vi_mark(b1: u8) -> u8 {
    match b1 {
        0x80 => 1,             // U+0300 grave
        0x81 => 2,             // U+0301 acute
        0x89 => 3,             // U+0309 hook above
        0x83 => 4,             // U+0303 tilde
        0xA3 => MK_DOT,        // U+0323 dot below
        0x82 => MK_CIRCUMFLEX, // U+0302
        0x86 => MK_BREVE,      // U+0306
        0x9B => MK_HORN,       // U+031B
        _ => 0,
    }
}

/// Letter (a e i o u y as 0..6) and modifier mark (0, or the mark number of
/// the circumflex, breve or horn) of each form of [`VOWELS`].
const FORM_PARTS: [(u8, u8); 12] = [
    (0, 0),
    (0, MK_BREVE),
    (0, MK_CIRCUMFLEX),
    (1, 0),
    (1, MK_CIRCUMFLEX),
    (2, 0),
    (3, 0),
    (3, MK_CIRCUMFLEX),
    (3, MK_HORN),
    (4, 0),
    (4, MK_HORN),
    (5, 0),
];

/// The form of [`VOWELS`] with the given letter and modifier, if Vietnamese has
/// it: `FORM_OF[letter][modifier - 5]` (modifier 0 in column 0), or 0xFF.
const FORM_OF: [[u8; 4]; 6] = {
    let mut t = [[0xFF; 4]; 6];
    let mut form = 0;
    while form < FORM_PARTS.len() {
        let (letter, modifier) = FORM_PARTS[form];
        t[letter as usize][modifier.saturating_sub(5) as usize] = form as u8;
        form += 1;
    }
    t
};

/// A vowel taken apart into its canonical decomposition: a letter, then the
/// marks by combining class (horn, then dot below, then the marks above in
/// their order). A character with that decomposition exists when the marks
/// above are at most a modifier followed by a tone, and the whole has at most
/// one modifier and one tone that Vietnamese puts on that letter.
#[derive(Clone, Copy, Debug)]
struct VowelParts {
    letter: u8,
    upper: bool,
    horns: u8,
    dots: u8,
    /// The marks above, four bits each, the first in the high bits.
    above: u8,
    n_above: u8,
}

impl VowelParts {
    /// The parts of `c`, if it is a Vietnamese vowel (toned or not).
    #[inline]
    fn of(c: char) -> Option<VowelParts> {
        let (form, tone, upper) = vowel_info(c)?;
        let tone = tone as u8;
        let (letter, modifier) = FORM_PARTS[form];
        let mut p = VowelParts { letter, upper, horns: 0, dots: 0, above: 0, n_above: 0 };
        // NFD order: horn, dot below, the circumflex or breve, the tone above.
        for m in [modifier, tone] {
            if m != 0 {
                p.add(m);
            }
        }
        Some(p)
    }

    /// Add a combining mark; false when there are too many to make one vowel.
    #[inline]
    fn add(&mut self, mark: u8) -> bool {
        match mark {
            MK_HORN => self.horns += 1,
            MK_DOT => self.dots += 1,
            _ if self.n_above == 2 => return false,
            _ => {
                self.above = (self.above << 4) | mark;
                self.n_above += 1;
            }
        }
        true
    }

    /// The precomposed vowel with exactly this decomposition, if there is one:
    /// then it is the NFC of the letter and marks, whatever their order.
    #[inline]
    fn compose(&self) -> Option<char> {
        if self.horns > 1 || self.dots > 1 {
            return None;
        }
        let is_modifier = |m: u8| m >= MK_CIRCUMFLEX;
        let (first, second) = (self.above >> 4, self.above & 0xF);
        let (mut modifier, mut tone) = match self.n_above {
            0 => (0, 0),
            1 if is_modifier(second) => (second, 0),
            1 => (0, second),
            2 if is_modifier(first) && !is_modifier(second) => (first, second),
            _ => return None,
        };
        if self.horns == 1 {
            if modifier != 0 {
                return None;
            }
            modifier = MK_HORN;
        }
        if self.dots == 1 {
            if tone != 0 {
                return None;
            }
            tone = MK_DOT;
        }
        let form = FORM_OF[usize::from(self.letter)][usize::from(modifier.saturating_sub(5))];
        let form = usize::from(form);
        if form >= VOWELS[0].len() {
            return None;
        }
        Some(VOWELS[usize::from(self.upper)][form][usize::from(tone)])
    }
}

/// Compose a vowel and the Vietnamese combining marks after it (`base` is the
/// character, `marks` the marks' code points): `Some` exactly when the NFC of
/// the whole is one Vietnamese vowel, which it returns.
#[cfg(test)]
fn compose_vowel(base: char, marks: &[char]) -> Option<char> {
    let mut p = VowelParts::of(base)?;
    for &m in marks {
        let mut buf = [0u8; 4];
        let enc = m.encode_utf8(&mut buf).as_bytes();
        let k = if enc.len() == 2 && enc[0] == 0xCC { vi_mark(enc[1]) } else { 0 };
        if k == 0 || !p.add(k) {
            return None;
        }
    }
    p.compose()
}

/// The fast composer: recompose the whitespace-delimited token starting at `ts`
/// (after whitespace or at the text start), appending it to `out` and one map
/// segment per recomposed vowel to `map`. Returns the token's end.
///
/// Takes only tokens whose characters are quiet in the fast scan (for the keep
/// style) or a Vietnamese vowel followed by Vietnamese combining marks whose NFC
/// is one character ([`VowelParts`]); for those the slow path would output the
/// same text and the same segments. Returns `None` for any other token, having
/// written part of it: the caller undoes that.
fn compose_token(input: &str, ts: usize, out: &mut String, map: &mut OffsetMap) -> Option<usize> {
    let bytes = input.as_bytes();
    let (mut k, mut copied) = (ts, ts);
    while let Some(&b) = bytes.get(k) {
        let w = if b < 0x80 {
            if ASCII_CLASS[usize::from(b)] != AsciiClass::Quiet {
                if is_ascii_ws(b) {
                    break;
                }
                return None;
            }
            1
        } else {
            // A combining mark here has no vowel before it.
            if b == 0xCC || b == 0xCD {
                return None;
            }
            let (quiet, w) = quiet_char(bytes, k, ToneStyle::Keep);
            if !quiet {
                return None;
            }
            w
        };
        let next = k + w;
        if !matches!(bytes.get(next), Some(0xCC | 0xCD)) {
            k = next;
            continue;
        }
        let base = if w == 1 { char::from(b) } else { decode_at(bytes, k).0 };
        let mut parts = VowelParts::of(base)?;
        let mut p = next;
        while let Some(&lead) = bytes.get(p) {
            if lead != 0xCC && lead != 0xCD {
                break;
            }
            let m = if lead == 0xCC { vi_mark(bytes[p + 1]) } else { 0 };
            if m == 0 || !parts.add(m) {
                return None;
            }
            p += 2;
        }
        let v = parts.compose()?;
        out.push_str(&input[copied..k]);
        let ns = out.len();
        out.push(v);
        map.push_edit(ns, out.len(), k, p);
        (k, copied) = (p, p);
    }
    out.push_str(&input[copied..k]);
    Some(k)
}

// ---------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------

/// One character on its way to the output, with the input range it came from.
/// Characters made together (a recomposed run, a decoded entity) share a range.
#[derive(Clone, Copy, Debug)]
struct Item {
    c: char,
    s: usize,
    e: usize,
}

/// What the fast scan does with an ASCII byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AsciiClass {
    /// Visible and never changed: copied.
    Quiet,
    /// A space: quiet when alone between two visible characters.
    Space,
    /// A newline: quiet unless blank lines or trailing spaces need work.
    Newline,
    /// Controls, `&` (an entity may start) and the other whitespace: the slow path.
    Slow,
}

/// [`AsciiClass`] of each ASCII byte.
const ASCII_CLASS: [AsciiClass; 128] = {
    let mut classes = [AsciiClass::Slow; 128];
    let mut byte = b'!';
    while byte <= b'~' {
        classes[byte as usize] = match byte {
            b'&' => AsciiClass::Slow,
            _ => AsciiClass::Quiet,
        };
        byte += 1;
    }
    classes[b' ' as usize] = AsciiClass::Space;
    classes[b'\n' as usize] = AsciiClass::Newline;
    classes
};

/// Byte-pair tables for the fast scan: the pair `(p, b)` of consecutive bytes
/// needs a closer look when `prev[p] & cur[b] != 0`.
///
/// Bit 7: `b` alone needs a look (controls, `&`, newline, and the lead bytes of
/// scripts and punctuation that may change). Bit 0: two spaces. Bits 1–3: the
/// look-alikes Ð ð (C3 90, C3 B0), Ƣ ƣ (C6 A2, C6 A3), and an E1 lead outside
/// U+1E00..U+1EFF. Bit 4 (new style): a byte that ends a toned o/u, then a/e/y.
/// Bit 5 (old style): o/u/q, then the lead byte of a toned vowel.
struct ScanTables {
    prev: [u8; 256],
    cur: [u8; 256],
}

impl ScanTables {
    const fn build(tone: ToneStyle) -> ScanTables {
        let mut prev = [0x80u8; 256];
        let mut cur = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let needs_look = b < 0x20
                || b == b'&' as usize
                || b == 0x7F
                || matches!(b, 0xC0..=0xC2 | 0xCC..=0xDF | 0xE0 | 0xE2 | 0xE3 | 0xEA | 0xEF..=0xFF);
            if needs_look {
                cur[b] = 0x80;
            }
            if matches!(b, 0x80..=0xB7 | 0xBC..=0xBF) {
                cur[b] |= 0x08;
            }
            b += 1;
        }
        prev[b' ' as usize] |= 0x01;
        cur[b' ' as usize] |= 0x01;
        prev[0xC3] |= 0x02;
        cur[0x90] |= 0x02;
        cur[0xB0] |= 0x02;
        prev[0xC6] |= 0x04;
        cur[0xA2] |= 0x04;
        cur[0xA3] |= 0x04;
        prev[0xE1] |= 0x08;
        match tone {
            ToneStyle::New => {
                // last bytes of ò ó õ Ò Ó Õ ù ú Ù Ú ũ Ũ ỏ ọ Ỏ Ọ ủ ụ Ủ Ụ
                let ends = [
                    0xB2, 0xB3, 0xB5, 0x92, 0x93, 0x95, 0xB9, 0xBA, 0x99, 0x9A, 0xA9, 0xA8, 0x8F, 0x8D, 0x8E, 0x8C,
                    0xA7, 0xA5, 0xA6, 0xA4,
                ];
                let mut k = 0;
                while k < ends.len() {
                    prev[ends[k]] |= 0x10;
                    k += 1;
                }
                let vowels = *b"aeyAEY";
                let mut k = 0;
                while k < vowels.len() {
                    cur[vowels[k] as usize] |= 0x10;
                    k += 1;
                }
            }
            ToneStyle::Old => {
                let firsts = *b"ouqOUQ";
                let mut k = 0;
                while k < firsts.len() {
                    prev[firsts[k] as usize] |= 0x20;
                    k += 1;
                }
                cur[0xC3] |= 0x20;
                cur[0xC5] |= 0x20;
                cur[0xE1] |= 0x20;
            }
            ToneStyle::Keep => {}
        }
        ScanTables { prev, cur }
    }

    fn for_style(tone: ToneStyle) -> &'static ScanTables {
        static KEEP: ScanTables = ScanTables::build(ToneStyle::Keep);
        static NEW: ScanTables = ScanTables::build(ToneStyle::New);
        static OLD: ScanTables = ScanTables::build(ToneStyle::Old);
        match tone {
            ToneStyle::Keep => &KEEP,
            ToneStyle::New => &NEW,
            ToneStyle::Old => &OLD,
        }
    }
}

/// The normalizer. A fast scan copies clean stretches of the input as they are;
/// around anything that may change, a slow path runs the characters through the
/// stages, each a small state machine feeding the next:
///
/// raw input → [`Engine::feed_raw`] (drops, look-alikes, dashes, `\r\n`) →
/// [`Engine::ent_push`] (entities) → [`Engine::nfc_push`] (recomposition) →
/// [`Engine::word_push`] (homoglyphs, tone) → [`Engine::ws_push`] (spaces,
/// newlines) → [`Engine::emit`] (output and map).
///
/// The slow path starts at the whitespace before the token holding the trigger
/// and stops at a space or newline where every stage is flushed and the output
/// ends in a visible character, so its state there is implied by the output.
///
/// Between the two, a trigger that is a combining mark first goes to the fast
/// composer ([`Engine::recompose`]): decomposed Vietnamese (a vowel and its
/// marks, NFD or mixed) is recomposed a whole token at a time by table lookup,
/// with the output and map the slow path would give, and only tokens it cannot
/// take go on to the slow path.
struct Engine<'a> {
    input: &'a str,
    tone: ToneStyle,
    out: String,
    map: OffsetMap,
    /// Input consumed by the output so far.
    in_pos: usize,
    /// The open output group: its input range and where it starts in `out`.
    group: Option<(usize, usize, usize)>,
    /// Last character passed on by `feed_raw` (for the ZWJ rule).
    raw_prev: Option<char>,
    /// Pending entity characters; `ent_levels` holds where each nested `&` is.
    ent: Vec<Item>,
    ent_levels: Vec<usize>,
    /// The current NFC run: a starter and what follows it.
    chunk: Vec<Item>,
    /// Non-starters at the end of the run so far, counted as UAX #15 does (on the
    /// canonical decomposition); `None` until a non-starter comes.
    run_non_starters: Option<usize>,
    /// The run is past [`MAX_NON_STARTERS`]: the rest of it goes through as it is.
    overlong: bool,
    /// The current word, the character before it, and what it contains.
    word: Vec<Item>,
    word_prev: Option<char>,
    word_latin: bool,
    word_glyph: bool,
    /// A space waiting for the next visible character.
    pending_space: Option<Item>,
    line_start: bool,
    newlines: u8,
    scratch: Vec<Item>,
    /// Let the slow path hand back to the fast scan (off in some tests).
    allow_stop: bool,
}

impl<'a> Engine<'a> {
    fn new(input: &'a str, tone: ToneStyle) -> Self {
        Engine {
            input,
            tone,
            out: String::with_capacity(input.len()),
            map: OffsetMap::default(),
            in_pos: 0,
            group: None,
            raw_prev: None,
            ent: Vec::new(),
            ent_levels: Vec::new(),
            chunk: Vec::new(),
            run_non_starters: None,
            overlong: false,
            word: Vec::new(),
            word_prev: None,
            word_latin: false,
            word_glyph: false,
            pending_space: None,
            line_start: true,
            newlines: 0,
            scratch: Vec::new(),
            allow_stop: true,
        }
    }

    /// The fast scan: find the next character that may change, hand the
    /// stretch around it to the slow path, copy everything else.
    ///
    /// The inner loop looks at byte pairs through two tables ([`ScanTables`]);
    /// only where a pair is flagged does [`Engine::quiet_at`] look at the
    /// characters around it.
    fn run(&mut self) {
        let input = self.input;
        let bytes = input.as_bytes();
        let len = bytes.len();
        let last = len.saturating_sub(1);
        let t = ScanTables::for_style(self.tone);
        let (mut i, mut commit) = (0, 0);
        while i < len {
            if i > 0 && i < last {
                let mut p = bytes[i - 1];
                while i < last {
                    let b = bytes[i];
                    if t.prev[usize::from(p)] & t.cur[usize::from(b)] != 0 {
                        break;
                    }
                    p = b;
                    i += 1;
                }
            }
            // Look closely from the character holding the flagged byte (or the
            // byte before it, for a flagged pair) up to and including that byte.
            let resume = i + 1;
            let pair = i > 0 && t.prev[usize::from(bytes[i - 1])] & t.cur[usize::from(bytes[i])] & 0x7F != 0;
            let mut j = if pair { i - 1 } else { i };
            while j > commit && (0x80..0xC0).contains(&bytes[j]) {
                j -= 1;
            }
            i = j.max(commit);
            while i < resume {
                // A combining mark of U+0300..U+033F (all the Vietnamese ones,
                // none quiet, so a token refused goes to the slow path and is
                // not tried again): the fast composer, if it takes the token.
                if bytes[i] == 0xCC {
                    if let Some(end) = self.recompose(commit, i) {
                        (i, commit) = (end, end);
                        continue;
                    }
                }
                let (quiet, width) = self.quiet_at(bytes, i);
                if quiet {
                    i += width;
                    continue;
                }
                let q = back_up(bytes, i, commit);
                self.copy_identity(commit, q);
                i = self.slow(q, i + width);
                commit = i;
            }
        }
        self.copy_identity(commit, len);
    }

    /// Is the character at `i` certainly copied unchanged? Also returns its width.
    #[inline]
    fn quiet_at(&self, bytes: &[u8], i: usize) -> (bool, usize) {
        quiet_char(bytes, i, self.tone)
    }

    /// The fast composer's loop: recompose the token holding the combining mark
    /// at `i` with [`compose_token`], then the tokens after it, up to one without
    /// marks, while [`compose_token`] takes them and the whitespace before them
    /// is quiet. Copies the input from `commit` to the first token, and returns
    /// where the last token taken ends (the fast scan goes on from there), or
    /// `None` when the first is not taken (then only the open group has been
    /// closed and a deletion before `commit` recorded, as
    /// [`Engine::copy_identity`] does first anyway).
    ///
    /// A token is taken whole or not at all: a token refused, or one the tone
    /// style might change ([`tone_quiet_token`]), is rolled back from the output
    /// and the map, and left to the slow path with the whitespace before it.
    #[inline(never)]
    fn recompose(&mut self, commit: usize, i: usize) -> Option<usize> {
        let bytes = self.input.as_bytes();
        let mut ts = i;
        while ts > commit && !is_ascii_ws(bytes[ts - 1]) {
            ts -= 1;
        }
        self.close_group();
        self.delete_to(commit);
        let (mut from, mut end) = (commit, None);
        loop {
            let (out_len, map_cp) = (self.out.len(), self.map.len());
            self.out.push_str(&self.input[from..ts]);
            let tok = self.out.len();
            let te = compose_token(self.input, ts, &mut self.out, &mut self.map)
                .filter(|_| self.tone == ToneStyle::Keep || tone_quiet_token(&self.out.as_bytes()[tok..], self.tone));
            let Some(te) = te else {
                self.out.truncate(out_len);
                self.map.truncate(map_cp);
                return end;
            };
            (self.in_pos, end) = (te, Some(te));
            // A token without marks: back to the fast scan.
            if self.map.len() == map_cp {
                return end;
            }
            // The whitespace to the next token, if quiet (one space, most often).
            let mut k = te;
            if bytes.get(k) == Some(&b' ') && bytes.get(k + 1).is_some_and(|&b| !is_ascii_ws(b)) {
                k += 1;
            } else {
                while k < bytes.len() && is_ascii_ws(bytes[k]) && quiet_char(bytes, k, ToneStyle::Keep).0 {
                    k += 1;
                }
            }
            if k == te || k == bytes.len() || is_ascii_ws(bytes[k]) {
                return end;
            }
            (from, ts) = (te, k);
        }
    }

    fn copy_identity(&mut self, a: usize, b: usize) {
        self.close_group();
        self.delete_to(a);
        self.out.push_str(&self.input[a..b]);
        self.in_pos = b;
    }

    /// Record that the input from `in_pos` to `s` was dropped.
    fn delete_to(&mut self, s: usize) {
        if s > self.in_pos {
            let at = self.out.len();
            self.map.push_edit(at, at, self.in_pos, s);
            self.in_pos = s;
        }
    }

    /// Run the slow path from `q` (after whitespace, or the text start) until a
    /// stop at or after `min_end`; returns the stop.
    fn slow(&mut self, q: usize, min_end: usize) -> usize {
        let tail = self.out.chars().next_back();
        self.raw_prev = tail;
        self.word_prev = tail;
        self.line_start = tail.is_none_or(|c| c == '\n');
        let nl = self.out.bytes().rev().take(2).take_while(|&b| b == b'\n');
        self.newlines = nl.count() as u8;
        self.pending_space = None;

        let bytes = self.input.as_bytes();
        let mut i = q;
        while i < bytes.len() {
            if self.allow_stop && i >= min_end && matches!(bytes[i], b' ' | b'\n') && quiet_start(bytes, i + 1) {
                self.flush();
                if self.pending_space.is_none() && !self.line_start {
                    self.close_group();
                    return i;
                }
            }
            i = self.feed_raw(i);
        }
        self.flush();
        self.pending_space = None;
        self.close_group();
        bytes.len()
    }

    /// Flush the entity, NFC and word stages as a space or newline would.
    fn flush(&mut self) {
        self.ent_fail();
        self.nfc_flush();
        self.word_flush();
    }

    /// Stage 1: read the input character at `i`; returns the next offset.
    fn feed_raw(&mut self, i: usize) -> usize {
        let rest = &self.input[i..];
        let Some(c) = rest.chars().next() else {
            return self.input.len();
        };
        let w = c.len_utf8();
        let (m, e) = match c {
            '\r' if rest.as_bytes().get(1) == Some(&b'\n') => ('\n', i + 2),
            '\u{200D}' => {
                let next = rest[w..].chars().next();
                if self.raw_prev.is_some_and(is_emoji) && next.is_some_and(is_emoji) {
                    (c, i + w)
                } else {
                    return i + w;
                }
            }
            _ => match map_char(c) {
                Some(m) => (m, i + w),
                None => return i + w,
            },
        };
        self.raw_prev = Some(m);
        self.ent_push(Item { c: m, s: i, e });
        e
    }

    /// Stage 2: HTML character references. A decoded character goes back into
    /// this stage, so `&amp;lt;` and `&l&#116;;` end as `<` and the output holds
    /// no entity left to decode.
    fn ent_push(&mut self, mut it: Item) {
        loop {
            if it.c == '&' {
                self.ent_levels.push(self.ent.len());
                self.ent.push(it);
                return;
            }
            let Some(&top) = self.ent_levels.last() else {
                self.nfc_push(it);
                return;
            };
            let body = &self.ent[top + 1..];
            if it.c == ';' {
                if let Some(d) = decode_entity(body) {
                    let s = self.ent[top].s;
                    self.ent.truncate(top);
                    self.ent_levels.pop();
                    match map_char(d) {
                        Some(m) => {
                            it = Item { c: m, s, e: it.e };
                            continue;
                        }
                        // A dropped character leaves nothing, not even a break.
                        None => return,
                    }
                }
            } else if can_extend(body, it.c) {
                self.ent.push(it);
                return;
            }
            self.ent_fail();
            self.nfc_push(it);
            return;
        }
    }

    /// Give up on the pending entities: pass their characters on as text.
    fn ent_fail(&mut self) {
        if self.ent.is_empty() {
            return;
        }
        self.ent_levels.clear();
        let mut ent = std::mem::take(&mut self.ent);
        for it in ent.drain(..) {
            self.nfc_push(it);
        }
        self.ent = ent;
    }

    /// Stage 3: NFC, one run (a starter and its followers) at a time. Past
    /// [`MAX_NON_STARTERS`] the rest of a run goes through as it is, past the word
    /// stage too (which would hold it all as one word).
    fn nfc_push(&mut self, it: Item) {
        if is_boundary(it.c) {
            self.nfc_flush();
            self.chunk.push(it);
            return;
        }
        if !self.overlong {
            let before = match self.run_non_starters {
                Some(n) => n,
                None => self.chunk.iter().fold(0, |n, x| stream_safe_count(n, x.c)),
            };
            let n = stream_safe_count(before, it.c);
            if n <= MAX_NON_STARTERS {
                self.run_non_starters = Some(n);
                self.chunk.push(it);
                return;
            }
            self.nfc_flush();
            self.overlong = true;
        }
        self.word_flush();
        self.ws_push(it);
    }

    fn nfc_flush(&mut self) {
        self.run_non_starters = None;
        self.overlong = false;
        let mut chunk = std::mem::take(&mut self.chunk);
        let mut composed = std::mem::take(&mut self.scratch);
        compose_run(&chunk, &mut composed);
        chunk.clear();
        self.chunk = chunk;
        for it in composed.drain(..) {
            self.word_push(it);
        }
        self.scratch = composed;
    }

    /// Stage 4: words (letters, digits, marks) for homoglyphs and tone style.
    fn word_push(&mut self, it: Item) {
        if is_raw_word_char(it.c) {
            if self.word.is_empty() {
                self.word_latin = false;
                self.word_glyph = false;
            }
            self.word_latin |= is_latin_letter(it.c);
            self.word_glyph |= !it.c.is_ascii() && homoglyph(it.c).is_some();
            self.word.push(it);
        } else {
            self.word_flush();
            self.word_prev = Some(it.c);
            self.ws_push(it);
        }
    }

    fn word_flush(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let mut w = std::mem::take(&mut self.word);
        // After `&` or `#` the word may be an entity name: mapping it could make
        // one ("&аmp;" → "&amp;") that a second pass would decode.
        if self.word_glyph && self.word_latin && !matches!(self.word_prev, Some('&' | '#')) {
            let mut changed = false;
            for it in &mut w {
                if let Some(l) = homoglyph(it.c) {
                    it.c = l;
                    changed = true;
                }
            }
            // "е" + U+0323 had nothing to compose with; "e" + U+0323 is "ẹ".
            if changed {
                recompose_word(&mut w);
            }
        }
        if self.tone != ToneStyle::Keep && retone(&mut w, self.tone) {
            recompose_word(&mut w);
        }
        for it in w.drain(..) {
            self.ws_push(it);
        }
        self.word = w;
    }

    /// Stage 5: spaces and newlines.
    fn ws_push(&mut self, it: Item) {
        match it.c {
            ' ' => {
                if !self.line_start && self.pending_space.is_none() {
                    self.pending_space = Some(it);
                }
            }
            '\n' => {
                self.pending_space = None;
                self.line_start = true;
                if self.newlines < 2 {
                    self.newlines += 1;
                    self.emit(it);
                }
            }
            _ => {
                if let Some(sp) = self.pending_space.take() {
                    self.emit(sp);
                }
                self.line_start = false;
                self.newlines = 0;
                self.emit(it);
            }
        }
    }

    /// Output one character; characters with the same input range form a group.
    fn emit(&mut self, it: Item) {
        if self.group.is_some_and(|(s, e, _)| s == it.s && e == it.e) {
            self.out.push(it.c);
            return;
        }
        self.close_group();
        self.group = Some((it.s, it.e, self.out.len()));
        self.out.push(it.c);
    }

    /// Finish the open group: record a deletion before it and, unless it equals
    /// its input, a replacement.
    fn close_group(&mut self) {
        let Some((s, e, ns)) = self.group.take() else {
            return;
        };
        let ne = self.out.len();
        if s > self.in_pos {
            self.map.push_edit(ns, ns, self.in_pos, s);
        }
        if self.out[ns..ne] != self.input[s..e] {
            self.map.push_edit(ns, ne, s, e);
        }
        self.in_pos = e;
    }
}

/// Most non-starters in a run that NFC composes and reorders (UAX #15, Stream-Safe
/// Text Format).
const MAX_NON_STARTERS: usize = 30;

/// The count of non-starters at the end of a run after `c`, given `count` before it
/// (UAX #15): a character whose canonical decomposition is all non-starters adds
/// them; any other leaves its trailing non-starters.
fn stream_safe_count(count: usize, c: char) -> usize {
    let (mut n, mut trailing, mut all) = (0, 0, true);
    decompose_canonical(c, |d| {
        n += 1;
        if canonical_combining_class(d) == 0 {
            trailing = 0;
            all = false;
        } else {
            trailing += 1;
        }
    });
    if all { count + n } else { trailing }
}

/// NFC of one run (or of several, when called on a word): unchanged items
/// keep their ranges, a recomposed run shares the range of the whole run.
fn compose_run(run: &[Item], out: &mut Vec<Item>) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    if run.len() == 1 && is_boundary(first.c) {
        out.push(*first);
        return;
    }
    let start = out.len();
    let item = |c| Item { c, s: first.s, e: last.e };
    if !compose_simple(run, out, item) {
        out.extend(run.iter().map(|it| it.c).nfc().map(item));
    }
    if out[start..].iter().map(|it| it.c).eq(run.iter().map(|it| it.c)) {
        out.truncate(start);
        out.extend_from_slice(run);
    }
}

/// Canonical composition of the common decomposed run: an ASCII letter and
/// marks already in canonical order (`e` U+0323 U+0302 → `ệ`). Returns false,
/// writing nothing, for anything else.
fn compose_simple(run: &[Item], out: &mut Vec<Item>, item: impl Fn(char) -> Item) -> bool {
    let Some((first, marks)) = run.split_first() else {
        return false;
    };
    if !first.c.is_ascii_alphabetic() || marks.len() > 8 {
        return false;
    }
    let mut classes = [0u8; 8];
    let mut prev = 0;
    for (k, m) in marks.iter().enumerate() {
        let cc = canonical_combining_class(m.c);
        // Out of order, a starter, or a mark with a decomposition (U+0340,
        // U+0344, …: those are NFC_Quick_Check = No): leave it to the library.
        if cc == 0 || cc < prev || is_nfc_quick(std::iter::once(m.c)) == IsNormalized::No {
            return false;
        }
        classes[k] = cc;
        prev = cc;
    }
    // A mark composes with the base unless an uncomposed mark of the same
    // class stands between them (the classes are sorted, so that is the test).
    let mut base = first.c;
    let mut kept = [None; 8];
    let mut last_kept = 0;
    for (k, m) in marks.iter().enumerate() {
        let blocked = last_kept == classes[k];
        match unicode_normalization::char::compose(base, m.c) {
            Some(c) if !blocked => base = c,
            _ => {
                kept[k] = Some(m.c);
                last_kept = classes[k];
            }
        }
    }
    out.push(item(base));
    out.extend(kept.iter().flatten().map(|&c| item(c)));
    true
}

/// NFC again after a word's letters changed (only when it has marks to compose).
fn recompose_word(w: &mut Vec<Item>) {
    if w.iter().all(|it| is_boundary(it.c)) {
        return;
    }
    let mut v = Vec::with_capacity(w.len());
    let mut start = 0;
    for k in 1..=w.len() {
        if k == w.len() || is_boundary(w[k].c) {
            compose_run(&w[start..k], &mut v);
            start = k;
        }
    }
    *w = v;
}

/// Apply the tone style to the open syllable at the end of a word.
fn retone(w: &mut [Item], style: ToneStyle) -> bool {
    let mut changed = false;
    for i in 0..w.len().saturating_sub(1) {
        let open = w.get(i + 2).is_none_or(|it| !it.c.is_alphanumeric());
        if !open {
            continue;
        }
        let after_q = i > 0 && matches!(w[i - 1].c, 'q' | 'Q');
        if let Some((c, d)) = retone_pair(w[i].c, w[i + 1].c, style, after_q) {
            w[i].c = c;
            w[i + 1].c = d;
            changed = true;
        }
    }
    changed
}

/// Is the character at `i` certainly copied unchanged by the style `tone`? Also
/// returns its width. (The check of [`Engine::quiet_at`], for the fast scan.)
#[inline]
fn quiet_char(bytes: &[u8], i: usize, tone: ToneStyle) -> (bool, usize) {
    let len = bytes.len();
    let b = bytes[i];
    if b < 0x80 {
        let quiet = match ASCII_CLASS[usize::from(b)] {
            AsciiClass::Quiet => true,
            // One space between two visible characters stays.
            AsciiClass::Space => i > 0 && i + 1 < len && !is_ascii_ws(bytes[i - 1]) && !is_ascii_ws(bytes[i + 1]),
            AsciiClass::Newline => (i == 0 || bytes[i - 1] != b' ') && newline_quiet(bytes, i),
            AsciiClass::Slow => false,
        };
        return (quiet, 1);
    }
    // Vietnamese letters, decided from their bytes: U+00C0..U+027F (all NFC
    // starters) but Ð ð Ƣ ƣ, and U+1E00..U+1EFF.
    let latin = match b {
        0xC3..=0xC9 => {
            let b1 = bytes[i + 1];
            let lookalike = (b == 0xC3 && (b1 == 0x90 || b1 == 0xB0)) || (b == 0xC6 && (b1 == 0xA2 || b1 == 0xA3));
            if lookalike { 0 } else { 2 }
        }
        0xE1 if matches!(bytes[i + 1], 0xB8..=0xBB) => 3,
        _ => 0,
    };
    let tone_ok = |w| tone == ToneStyle::Keep || tone_quiet(bytes, i, w, tone);
    if latin > 0 {
        return (tone_ok(latin), latin);
    }
    let (c, w) = decode_at(bytes, i);
    (!needs_slow(c) && tone_ok(w), w)
}

/// Is every character of the (recomposed) token `tok` certainly left alone by
/// the tone style? The token stands between whitespace (or the text's ends).
fn tone_quiet_token(tok: &[u8], style: ToneStyle) -> bool {
    let mut k = 0;
    while let Some(&b) = tok.get(k) {
        let w = match b {
            0..0x80 => 1,
            0xC0..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        if b >= 0x80 && !tone_quiet(tok, k, w, style) {
            return false;
        }
        k += w;
    }
    true
}

/// In the fast scan: is the character of width `w` at `i` certainly left alone
/// by the tone style? Only the neighbouring bytes are looked at (conservative);
/// the character is decoded only when a neighbour could pair with it.
#[inline]
fn tone_quiet(bytes: &[u8], i: usize, w: usize, style: ToneStyle) -> bool {
    let next = bytes.get(i + w).map(u8::to_ascii_lowercase);
    let prev = i.checked_sub(1).map(|j| bytes[j].to_ascii_lowercase());
    let could_pair = match style {
        ToneStyle::New => matches!(next, Some(b'a' | b'e' | b'y')),
        ToneStyle::Old => matches!(prev, Some(b'o' | b'u' | b'q')),
        ToneStyle::Keep => false,
    };
    if !could_pair {
        return true;
    }
    let Some((base, _, _)) = tone_of(decode_at(bytes, i).0) else {
        return true;
    };
    match (style, base) {
        (ToneStyle::New, 'o') => !matches!(next, Some(b'a' | b'e')),
        (ToneStyle::New, 'u') => next != Some(b'y'),
        (ToneStyle::Old, 'a' | 'e') => prev != Some(b'o'),
        (ToneStyle::Old, 'y') => prev != Some(b'u'),
        (ToneStyle::Old, 'u') => !(next == Some(b'y') && prev == Some(b'q')),
        _ => true,
    }
}

/// Decode the multi-byte UTF-8 character starting at `i` of a `str`'s bytes.
#[inline]
fn decode_at(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let (v, w) = if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4)
    };
    (char::from_u32(v).unwrap_or('\u{FFFD}'), w)
}

/// Is the newline at `i` certainly kept as it is? Not when spaces follow it, nor
/// when it starts a run of three.
#[inline]
fn newline_quiet(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1) {
        Some(b'\n') => !bytes.get(i + 2).is_some_and(|&b| is_ascii_ws(b)),
        Some(&b) => !is_ascii_ws(b),
        None => true,
    }
}

/// Where the slow path starts for a trigger at `p`: the start of the
/// whitespace-delimited token holding it, then back over the whitespace before
/// it (never before `floor`).
fn back_up(bytes: &[u8], p: usize, floor: usize) -> usize {
    let mut q = p;
    if !is_ascii_ws(bytes[p]) {
        while q > floor && !is_ascii_ws(bytes[q - 1]) {
            q -= 1;
        }
    }
    while q > floor && is_ascii_ws(bytes[q - 1]) {
        q -= 1;
    }
    q
}

/// Does a visible, probably clean character start at `j` (so the slow path may
/// hand the space or newline before it to the fast scan)?
fn quiet_start(bytes: &[u8], j: usize) -> bool {
    match bytes.get(j) {
        Some(&b) if b < 0x80 => ASCII_CLASS[usize::from(b)] == AsciiClass::Quiet,
        Some(0xC3..=0xC9) => true,
        Some(0xE1) => matches!(bytes.get(j + 1), Some(0xB8..=0xBB)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn truncate_cuts_at_a_character_boundary_and_keeps_the_map() {
        let input = "Hoà\u{a0}bình  Việt Nam";
        let mut n = normalize(input, &NormalizeOptions::default());
        assert!(!n.truncate(100));
        // "Hoà bình V" and a byte into "i": the cut falls back to the boundary.
        let max = "Hoà bình Vi".len() - 1;
        assert!(n.truncate(max));
        assert_eq!(n.text, "Hoà bình V");
        let v = n.text.find('V').unwrap();
        assert_eq!(&input[n.to_input_start(v)..n.to_input_end(v + 1)], "V");
    }
    use unicode_normalization::char::is_combining_mark;

    fn opts(tone: ToneStyle) -> NormalizeOptions {
        NormalizeOptions { tone }
    }

    fn n(s: &str) -> String {
        normalize(s, &NormalizeOptions::default()).text.into_owned()
    }

    /// The whole input through the slow path (reference for the fast scan).
    fn slow_only(s: &str, tone: ToneStyle) -> Normalized<'_> {
        let mut e = Engine::new(s, tone);
        e.allow_stop = false;
        let end = e.slow(0, 0);
        e.copy_identity(end, end);
        Normalized { text: Cow::Owned(e.out), map: e.map }
    }

    /// Check the map against input and output: between segments the texts agree.
    fn check_map(input: &str, r: &Normalized) {
        let (mut cn, mut ci) = (0, 0);
        for (ns, ne, is, ie) in r.map.edits() {
            assert!(ns >= cn && is >= ci && ns <= ne && is <= ie, "{input:?}");
            assert_eq!(ns - cn, is - ci, "{input:?}");
            assert_eq!(&r.text[cn..ns], &input[ci..is], "{input:?}");
            assert!(input.is_char_boundary(is) && input.is_char_boundary(ie));
            assert!(r.text.is_char_boundary(ns) && r.text.is_char_boundary(ne));
            assert!(ns < ne || is < ie, "empty segment in {input:?}");
            assert_ne!(&r.text[ns..ne], &input[is..ie], "{input:?}");
            (cn, ci) = (ne, ie);
        }
        assert_eq!(r.text.len() - cn, input.len() - ci, "{input:?}");
        assert_eq!(&r.text[cn..], &input[ci..], "{input:?}");
    }

    #[test]
    fn rules() {
        let keep = ToneStyle::Keep;
        let cases: &[(&str, ToneStyle, &str)] = &[
            // NFC
            ("Qua\u{302}\u{323}n", keep, "Quận"),
            ("â\u{323}", keep, "ậ"),
            ("e\u{323}\u{302}", keep, "ệ"),
            ("e\u{302}\u{323}", keep, "ệ"),
            ("ẹ\u{302}", keep, "ệ"),
            ("Bi\u{300}nh", keep, "Bình"),
            ("Nguye\u{302}\u{303}n Va\u{306}n", keep, "Nguyễn Văn"),
            ("Vie\u{323}\u{302}t Nam", keep, "Việt Nam"),
            ("<\u{338}", keep, "≮"),
            ("\u{212B}ngström", keep, "Ångström"),
            // entities
            ("&ecirc;\u{301}", keep, "ế"),
            ("Qu&#7889;c h&#x1ED9;i", keep, "Quốc hội"),
            ("&Ecirc;&agrave; &amp; &lt;b&gt;", keep, "Êà & <b>"),
            ("a&nbsp;b", keep, "a b"),
            ("x &amp y", keep, "x &amp y"),
            ("&amp;lt;", keep, "<"),
            ("&foo; & ;", keep, "&foo; & ;"),
            ("&#146;", keep, "'"),
            ("&#xD800; &#0;", keep, "&#xD800; &#0;"),
            ("&quot;Dân&quot;", keep, "\"Dân\""),
            ("&ndash;&hellip;", keep, "-…"),
            // invisible characters and controls
            ("\u{feff}Số", keep, "Số"),
            ("x\u{200b}y", keep, "xy"),
            ("Hà\u{ad}Nội", keep, "HàNội"),
            ("a\u{1}b\u{7f}c", keep, "abc"),
            ("a\r\nb\rc\u{c}d", keep, "a\nb\nc\nd"),
            ("😀\u{200d}😀", keep, "😀\u{200d}😀"),
            ("a\u{200d}b", keep, "ab"),
            ("a\u{2060}\u{200e}b", keep, "ab"),
            ("a\u{b}b\u{2028}c\u{2029}d", keep, "a\nb\nc\nd"),
            ("a\u{85}b", keep, "a\u{85}b"),
            ("😀\u{200d}\u{200d}😀 \u{200d}😀", keep, "😀\u{200d}😀 😀"),
            // look-alikes
            ("TRƢỜNG Hƣớng", keep, "TRƯỜNG Hướng"),
            ("Trần Hải Ðường ðó", keep, "Trần Hải Đường đó"),
            ("Cộng ѕản", keep, "Cộng sản"),
            ("хác định ngàу", keep, "xác định ngày"),
            ("ᴠăn bản", keep, "văn bản"),
            ("Москва", keep, "Москва"),
            ("ᴠ", keep, "ᴠ"),
            // whitespace
            ("a\u{a0}\u{a0}b", keep, "a b"),
            ("a \t b", keep, "a b"),
            ("  a  \n  b  ", keep, "a\nb"),
            ("a\n\n\nb", keep, "a\n\nb"),
            ("a\n \n \n \nb", keep, "a\n\nb"),
            ("a\n\nb", keep, "a\n\nb"),
            ("\n\na", keep, "\n\na"),
            ("a\u{2003}b\u{3000}c\u{202f}d", keep, "a b c d"),
            ("a \u{200b} b", keep, "a b"),
            // dashes, quotes, full width
            ("Độc lập – Tự do — Hạnh phúc", keep, "Độc lập - Tự do - Hạnh phúc"),
            ("“Dân vận khéo”", keep, "\"Dân vận khéo\""),
            ("‘a’ «b» ″ ′", keep, "'a' \"b\" \" '"),
            ("ＵＢＮＤ　１２", keep, "UBND 12"),
            ("a\u{2212}b\u{2011}c", keep, "a-b-c"),
            ("Vậy…", keep, "Vậy…"),
            // tone style
            ("Tỉnh ủy", ToneStyle::New, "Tỉnh uỷ"),
            ("Tỉnh uỷ", ToneStyle::Old, "Tỉnh ủy"),
            ("HOÀ BÌNH", ToneStyle::Old, "HÒA BÌNH"),
            ("HÒA BÌNH", ToneStyle::New, "HOÀ BÌNH"),
            ("Ủy ban", ToneStyle::New, "Uỷ ban"),
            ("UỶ BAN", ToneStyle::Old, "ỦY BAN"),
            ("Uỷ ban", ToneStyle::Old, "Ủy ban"),
            ("khỏe, thúy, Thụy.", ToneStyle::New, "khoẻ, thuý, Thuỵ."),
            ("khoẻ, thuý, Thuỵ.", ToneStyle::Old, "khỏe, thúy, Thụy."),
            ("hoàn toàn hoạch khuyến suýt huỳnh", ToneStyle::New, "hoàn toàn hoạch khuyến suýt huỳnh"),
            ("hoàn toàn hoạch khuyến suýt huỳnh", ToneStyle::Old, "hoàn toàn hoạch khuyến suýt huỳnh"),
            ("quý quỳ quỹ", ToneStyle::Old, "quý quỳ quỹ"),
            ("quý quỳ quỹ", ToneStyle::New, "quý quỳ quỹ"),
            ("Qúy qùy", ToneStyle::New, "Quý quỳ"),
            ("Qũy", ToneStyle::Old, "Quỹ"),
            ("Thuỷ", ToneStyle::Keep, "Thuỷ"),
            ("Thủy2 hòa-bình", ToneStyle::New, "Thủy2 hoà-bình"),
            ("QÚY", ToneStyle::Old, "QUÝ"),
            ("gì già giữa", ToneStyle::New, "gì già giữa"),
            ("gì già giữa", ToneStyle::Old, "gì già giữa"),
            ("Hòa hoà", keep, "Hòa hoà"),
            ("hò&#97;", ToneStyle::New, "hoà"),
            ("ho\u{300}a", ToneStyle::New, "hoà"),
            ("hoа\u{300}", ToneStyle::Old, "hòa"),
        ];
        for &(input, tone, want) in cases {
            let r = normalize(input, &opts(tone));
            assert_eq!(r.text, want, "{input:?} {tone:?}");
            check_map(input, &r);
            assert_eq!(normalize(&r.text, &opts(tone)).text, r.text, "{input:?}");
        }
        assert!(cases.len() >= 40);
    }

    #[test]
    fn hoan_unchanged_both_ways() {
        for t in [ToneStyle::Old, ToneStyle::New, ToneStyle::Keep] {
            assert!(normalize("hoàn", &opts(t)).is_identity());
        }
    }

    #[test]
    fn clean_text_is_identity() {
        let s = "Sáng 5/7, Ban Thường vụ Huyện ủy tổ chức hội nghị.\nĐồng chí Vũ Đình Minh, Phó Bí thư.\n\nHết.";
        let r = normalize(s, &NormalizeOptions::default());
        assert_eq!(r.text, s);
        assert!(r.is_identity());
        assert_eq!(r.to_input(3, 10), (3, 10));
        assert!(normalize("", &NormalizeOptions::default()).is_identity());
        assert!(!normalize("a  b", &NormalizeOptions::default()).is_identity());
    }

    #[test]
    fn map_offsets() {
        let input = "\u{feff}x\u{200b}y  “Hòa” z \n";
        let r = normalize(input, &opts(ToneStyle::New));
        assert_eq!(r.text, "xy \"Hoà\" z\n");
        // the whole text starts after the BOM and ends at the kept newline
        assert_eq!(r.to_input(0, r.text.len()), (3, input.len()));
        // a deletion: a span starting at y skips the ZWSP, one ending at x stops before it
        assert_eq!(r.to_input_start(1), 7);
        assert_eq!(r.to_input_end(1), 4);
        assert_eq!(&input[r.to_input_start(1)..r.to_input_end(2)], "y");
        // a replaced quote
        let q = r.text.find('"').unwrap();
        assert_eq!(&input[r.to_input(q, q + 1).0..r.to_input(q, q + 1).1], "“");
        // the retoned word maps to the whole input word
        let h = r.text.find("Hoà").unwrap();
        let (s, e) = r.to_input(h, h + "Hoà".len());
        assert_eq!(&input[s..e], "Hòa");
        // inside a replaced region: floor for starts, ceil for ends
        let (s, e) = r.to_input(h + 1, h + 2);
        assert_eq!(&input[s..e], "ò");
        // offsets inside a character are clamped to its boundaries
        let (s, e) = r.to_input(h + 3, h + 3);
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        // past the end
        assert_eq!(r.to_input_start(1000), input.len());
        let z = r.text.find('z').unwrap();
        assert_eq!(r.to_input(z, z + 1), (input.find('z').unwrap(), input.find('z').unwrap() + 1));
    }

    #[test]
    fn map_of_collapsed_spaces() {
        let input = "a\u{a0}\u{a0}b";
        let r = normalize(input, &NormalizeOptions::default());
        assert_eq!(r.map.edits(), vec![(1, 2, 1, 3), (2, 2, 3, 5)]);
        assert_eq!(r.to_input(0, 2), (0, 3));
        assert_eq!(r.to_input(2, 3), (5, 6));
        assert_eq!(r.to_input(1, 2), (1, 3));
    }

    #[test]
    fn nfc_map_is_local() {
        let input = "Quận Bi\u{300}nh Thạnh";
        let r = normalize(input, &NormalizeOptions::default());
        assert_eq!(r.text, "Quận Bình Thạnh");
        let segs = r.map.edits();
        assert_eq!(segs.len(), 1);
        let (ns, ne, is, ie) = segs[0];
        assert_eq!(&r.text[ns..ne], "ì");
        assert_eq!(&input[is..ie], "i\u{300}");
    }

    /// The 8 combining marks of Vietnamese.
    const VI_MARKS: [char; 8] =
        ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31b}'];

    fn nfc_of(base: char, marks: &[char]) -> String {
        std::iter::once(base).chain(marks.iter().copied()).nfc().collect()
    }

    fn is_vowel(s: &str) -> bool {
        let mut cs = s.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if VOWELS.iter().flatten().flatten().any(|&v| v == c))
    }

    fn permutations(v: &[char]) -> Vec<Vec<char>> {
        if v.len() <= 1 {
            return vec![v.to_vec()];
        }
        let mut all = Vec::new();
        for k in 0..v.len() {
            let mut rest = v.to_vec();
            let c = rest.remove(k);
            for mut p in permutations(&rest) {
                p.insert(0, c);
                all.push(p);
            }
        }
        all
    }

    #[test]
    fn composer_tables_are_consistent() {
        let all: Vec<char> = VOWELS.iter().flatten().flatten().copied().collect();
        assert_eq!(all.len(), 144);
        for (k, &v) in all.iter().enumerate() {
            assert!(!all[..k].contains(&v), "{v} twice");
            assert!(unicode_normalization::is_nfc(&v.to_string()), "{v}");
            assert!(VowelParts::of(v).is_some(), "{v}");
        }
        for (k, c) in (0..0x1C0).chain(0x1EA0..0x1F00).filter_map(char::from_u32).enumerate() {
            assert_eq!(VowelParts::of(c).is_some(), all.contains(&c), "U+{:04X} ({k})", c as u32);
        }
    }

    /// Every Vietnamese vowel, both cases, from its NFD and from its marks in any
    /// order: the composer gives what NFC gives whenever that is one vowel.
    #[test]
    fn composer_every_vowel_from_nfd() {
        for &v in VOWELS.iter().flatten().flatten() {
            let d: Vec<char> = v.nfd().collect();
            let (base, marks) = d.split_first().unwrap();
            assert_eq!(compose_vowel(*base, marks), Some(v), "{v} from {d:?}");
            assert_eq!(nfc_of(*base, marks), v.to_string());
            for p in permutations(marks) {
                let want = nfc_of(*base, &p);
                match compose_vowel(*base, &p) {
                    Some(c) => assert_eq!(c.to_string(), want, "{base} {p:?}"),
                    None => assert!(!is_vowel(&want), "{base} {p:?} gives {want}"),
                }
            }
        }
    }

    #[test]
    fn composer_mixed_forms() {
        let cases: &[(char, &[char], Option<char>)] = &[
            ('â', &['\u{323}'], Some('ậ')),
            ('Â', &['\u{323}'], Some('Ậ')),
            ('ạ', &['\u{302}'], Some('ậ')),
            ('ê', &['\u{323}'], Some('ệ')),
            ('ẹ', &['\u{302}'], Some('ệ')),
            ('ô', &['\u{301}'], Some('ố')),
            ('ọ', &['\u{302}'], Some('ộ')),
            ('ơ', &['\u{323}'], Some('ợ')),
            ('Ư', &['\u{300}'], Some('Ừ')),
            ('ă', &['\u{309}'], Some('ẳ')),
            ('ạ', &['\u{306}'], Some('ặ')),
            ('ó', &['\u{31b}'], Some('ớ')),
            ('ụ', &['\u{31b}'], Some('ự')),
            ('o', &['\u{301}', '\u{31b}'], Some('ớ')),
            ('u', &['\u{323}', '\u{31b}'], Some('ự')),
            ('e', &['\u{323}', '\u{302}'], Some('ệ')),
            ('A', &['\u{306}', '\u{303}'], Some('Ẵ')),
            ('i', &['\u{303}'], Some('ĩ')),
            ('Y', &['\u{309}'], Some('Ỷ')),
            // NFC leaves more than one character: the slow path's business.
            ('á', &['\u{302}'], None),
            ('a', &['\u{301}', '\u{302}'], None),
            ('ô', &['\u{31b}'], None),
            ('ạ', &['\u{301}'], None),
            ('a', &['\u{301}', '\u{301}'], None),
            ('a', &['\u{323}', '\u{323}'], None),
            // One character, but not a Vietnamese one: also left to the slow path.
            ('i', &['\u{302}'], None),
            ('u', &['\u{306}'], None),
            ('n', &['\u{303}'], None),
            ('d', &['\u{323}'], None),
            ('a', &['\u{308}'], None),
            ('a', &['\u{300}', '\u{340}'], None),
        ];
        for &(base, marks, want) in cases {
            assert_eq!(compose_vowel(base, marks), want, "{base} {marks:?}");
            if let Some(v) = want {
                assert_eq!(nfc_of(base, marks), v.to_string(), "{base} {marks:?}");
            }
        }
    }

    /// Every base below U+01C0 or in U+1EA0..U+1EFF, with every sequence of one
    /// to three Vietnamese marks: `Some` exactly when NFC gives one Vietnamese
    /// vowel, and then the same one.
    #[test]
    fn composer_agrees_with_nfc_exhaustively() {
        let mut seqs: Vec<Vec<char>> = VI_MARKS.iter().map(|&m| vec![m]).collect();
        for len in 2..=3 {
            let longer: Vec<Vec<char>> = seqs
                .iter()
                .filter(|s| s.len() == len - 1)
                .flat_map(|s| VI_MARKS.iter().map(move |&m| [s.as_slice(), &[m]].concat()))
                .collect();
            seqs.extend(longer);
        }
        assert_eq!(seqs.len(), 8 + 64 + 512);
        let mut some = 0;
        for base in (0x20..0x1C0).chain(0x1EA0..0x1F00).filter_map(char::from_u32) {
            for marks in &seqs {
                let want = nfc_of(base, marks);
                match compose_vowel(base, marks) {
                    Some(c) => {
                        assert_eq!(c.to_string(), want, "{base} {marks:?}");
                        some += 1;
                    }
                    None => assert!(!is_vowel(&want), "{base} {marks:?} gives {want}"),
                }
            }
        }
        assert!(some >= 144, "{some}");
    }

    /// The fast composer on whole tokens: NFD and mixed Vietnamese is taken, with
    /// one map segment per vowel; anything else is left to the slow path.
    #[test]
    fn composer_tokens() {
        let text =
            "Ủy ban nhân dân tỉnh Quảng Ngãi: “Tổ chức Hội nghị sơ kết” (lần 2), Nguyễn Văn Được, ĐƯỜNG Hoà-Bình.";
        for form in [text.nfd().collect::<String>(), text.to_string()] {
            for (ts, tok) in form.split(' ').scan(0, |at, t| {
                let ts = *at;
                *at += t.len() + 1;
                Some((ts, t))
            }) {
                // As in the engine: the output so far has the input so far.
                let mut out = form[..ts].to_string();
                let mut map = OffsetMap::default();
                let got = compose_token(&form, ts, &mut out, &mut map);
                let quoted = tok.contains(['“', '”']);
                assert_eq!(got, (!quoted).then_some(ts + tok.len()), "{tok:?}");
                if quoted {
                    continue;
                }
                assert_eq!(out[ts..], tok.nfc().collect::<String>());
                let marks = tok.chars().filter(|&c| is_combining_mark(c)).count();
                let vowels = tok.nfc().filter(|&c| VowelParts::of(c).is_some() && !c.is_ascii()).count();
                assert_eq!(map.len(), if marks > 0 { vowels } else { 0 }, "{tok:?}");
                for (ns, ne, is, ie) in map.edits() {
                    assert_eq!(form[is..ie].nfc().collect::<String>(), out[ns..ne], "{tok:?}");
                    assert!(is >= ts && ie <= ts + tok.len());
                }
            }
        }
        for tok in [
            "n\u{303}",
            "\u{301}a",
            "a\u{301}\u{301}",
            "a\u{308}",
            "a&amp;",
            "xа\u{301}",
            "a\u{301}\u{200b}",
            "i\u{302}",
        ] {
            let mut out = String::new();
            assert_eq!(compose_token(tok, 0, &mut out, &mut OffsetMap::default()), None, "{tok:?}");
        }
    }

    #[test]
    fn fast_composer_map_matches_slow_path() {
        for tone in [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New] {
            for input in [
                "Vie\u{323}\u{302}t Nam ba\u{300}n  ho\u{300}a thu\u{309}y",
                "Ho\u{300}a\nQua\u{302}\u{323}n Bi\u{300}nh Tha\u{323}nh,\u{a0}U\u{309}y ban",
                "\u{301}a e\u{301}\u{301} o\u{31b}\u{301} \u{2013} qu\u{301}y ngu\u{31b}\u{300}\u{1}o\u{31b}i",
                "Ð\u{301}a\u{301} е\u{323}х\u{301}а\u{301} a\u{301}\r\nb",
            ] {
                let r = normalize(input, &opts(tone));
                assert_eq!(r, slow_only(input, tone), "{input:?} {tone:?}");
                check_map(input, &r);
                if tone == ToneStyle::Keep {
                    assert!(unicode_normalization::is_nfc(&r.text));
                }
            }
        }
        let r = normalize("Vie\u{323}\u{302}t Nam", &NormalizeOptions::default());
        assert_eq!(r.text, "Việt Nam");
        assert_eq!(r.map.edits(), vec![(2, 5, 2, 7)]);
        assert_eq!(r.to_input(0, r.text.len()), (0, 12));
        assert_eq!(r.to_input(2, 5), (2, 7));
        assert_eq!(r.to_input(5, 6), (7, 8));
    }

    #[test]
    fn many_segments_cross_blocks() {
        let input = "a\u{a0}".repeat(200) + "end";
        let r = normalize(&input, &NormalizeOptions::default());
        assert_eq!(r.text, "a ".repeat(200) + "end");
        check_map(&input, &r);
        for k in 0..200 {
            assert_eq!(r.to_input(2 * k, 2 * k + 1), (3 * k, 3 * k + 1));
            assert_eq!(r.to_input(2 * k + 1, 2 * k + 2), (3 * k + 1, 3 * k + 3));
        }
        let deletions = "\u{200b}".repeat(100) + "x" + &"\u{200b}".repeat(100);
        let r = normalize(&deletions, &NormalizeOptions::default());
        assert_eq!(r.text, "x");
        assert_eq!(r.to_input(0, 1), (300, 301));
    }

    #[test]
    fn nested_entities_settle() {
        for (input, want) in [
            ("&l&#116;;", "<"),
            ("&amp;amp;amp;", "&"),
            ("&#38;#59;", ";"),
            ("&amp&#59;", "&"),
            ("&l&#x200B;t;", "<"),
            ("&аmp;", "&аmp;"),
            ("&amp;аmp;", "&аmp;"),
            ("&#59&#59&#59;", ";"),
            ("＆ｌｔ；", "<"),
            ("&amp\u{37e}", "&"),
        ] {
            let r = n(input);
            assert_eq!(r, want, "{input:?}");
            assert_eq!(n(&r), r, "{input:?}");
        }
    }

    #[test]
    fn long_runs_do_not_recurse() {
        let s = "&#59".repeat(50_000) + ";";
        let r = n(&s);
        assert_eq!(n(&r), r);
        let s = "&".repeat(100_000) + "amp;";
        assert_eq!(n(&s), "&".repeat(100_000));
        let s = "a".to_string() + &"\u{301}".repeat(10_000);
        assert!(unicode_normalization::is_nfc(&n(&s)));
    }

    /// Past 30 non-starters a run goes through as written (UAX #15 Stream-Safe Text
    /// Format): the marks are all kept, in order, and normalizing again changes nothing.
    #[test]
    fn overlong_runs_are_stream_safe() {
        let tail = "\u{323}".to_string() + &"\u{300}\u{323}".repeat(20) + "b";
        let s = "xa".to_string() + &"\u{301}".repeat(30) + &tail;
        let r = normalize(&s, &opts(ToneStyle::Keep));
        check_map(&s, &r);
        assert_eq!(n(&r.text), r.text);
        assert_eq!(r.text, "xá".to_string() + &"\u{301}".repeat(29) + &tail);
        // Within 30, the run is reordered and composed as NFC has it.
        let s = "a".to_string() + &"\u{301}".repeat(29) + "\u{323}";
        assert_eq!(n(&s), "ạ".to_string() + &"\u{301}".repeat(29));
    }

    /// Tokens the fast composer refuses are tried once: a long token of quiet
    /// grapheme joiners and of refused marks stays linear.
    #[test]
    fn refused_tokens_are_tried_once() {
        for piece in ["b\u{34f}a\u{301}", "a\u{301}n\u{303}", "a\u{301}\u{34f}", "b\u{34f}"] {
            let s = "x".repeat(100_000) + &piece.repeat(50_000);
            let t = std::time::Instant::now();
            let r = normalize(&s, &NormalizeOptions::default());
            assert_eq!(r.text, s.nfc().collect::<String>());
            assert!(t.elapsed().as_secs() < 30, "{piece:?}");
        }
    }

    #[test]
    fn boundary_shortcut_matches_tables() {
        for u in (0..0x300).chain(0x1E00..0x1F00) {
            let c = char::from_u32(u).unwrap();
            assert_eq!(canonical_combining_class(c), 0, "{u:x}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{u:x}");
        }
    }

    /// Every character the byte tables let the inner scan loop skip is one the
    /// slow path would leave alone (all of Unicode, keep style).
    #[test]
    fn scan_tables_skip_only_quiet_characters() {
        let t = ScanTables::for_style(ToneStyle::Keep);
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let enc = c.encode_utf8(&mut buf).as_bytes();
            let lead_flagged = t.cur[usize::from(enc[0])] & 0x80 != 0;
            let pair_flagged = enc.windows(2).any(|p| t.prev[usize::from(p[0])] & t.cur[usize::from(p[1])] != 0);
            if c == ' ' || lead_flagged || pair_flagged {
                continue;
            }
            assert!(!needs_slow(c), "U+{:04X} skipped but may change", c as u32);
            if !c.is_ascii() {
                let text = format!("a{c}a");
                let e = Engine::new(&text, ToneStyle::Keep);
                assert!(e.quiet_at(text.as_bytes(), 1).0, "U+{:04X}", c as u32);
            }
        }
    }

    /// Every toned vowel that a tone style may move is flagged by its tables.
    #[test]
    fn scan_tables_flag_toned_vowels() {
        let new = ScanTables::for_style(ToneStyle::New);
        let old = ScanTables::for_style(ToneStyle::Old);
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let Some((base, _, _)) = tone_of(c) else {
                continue;
            };
            let enc = c.encode_utf8(&mut buf).as_bytes();
            if matches!(base, 'o' | 'u') {
                assert_ne!(new.prev[usize::from(enc[enc.len() - 1])] & 0x10, 0, "{c}");
            }
            if matches!(base, 'a' | 'e' | 'y' | 'u') {
                assert_ne!(old.cur[usize::from(enc[0])] & 0x20, 0, "{c}");
            }
        }
        for c in ('\u{C0}'..='\u{27F}').chain('\u{1E00}'..='\u{1EFF}') {
            assert_eq!(needs_slow(c), matches!(c, 'Ð' | 'ð' | 'Ƣ' | 'ƣ'), "{c}");
        }
    }

    #[test]
    fn fast_path_agrees_on_real_text() {
        let text = "Ngày 05/7/2019, UBND huyện   tổ chức Hội nghị sơ kết.\r\n\r\n\r\n  Đ/c Lê Đức Quynh,\u{a0}Phó chủ tịch UBMTTQ huyện; “Tỉnh ủy” – Thủy sản.\n(1) Hòa Bình &amp; Khánh Hòa\t …";
        for t in [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New] {
            let a = normalize(text, &opts(t));
            assert_eq!(a, slow_only(text, t), "{t:?}");
            check_map(text, &a);
        }
    }

    const PIECES: &[&str] = &[
        "a",
        "e",
        "o",
        "u",
        "y",
        "i",
        "q",
        "g",
        "h",
        "n",
        "t",
        "x",
        "l",
        "m",
        "p",
        "A",
        "O",
        "U",
        "Y",
        "Q",
        "Đ",
        "đ",
        "ư",
        "ơ",
        "â",
        "ê",
        "ô",
        "ă",
        "à",
        "á",
        "ả",
        "ã",
        "ạ",
        "ò",
        "ó",
        "ỏ",
        "ọ",
        "ù",
        "ú",
        "ủ",
        "ũ",
        "ụ",
        "è",
        "é",
        "ẹ",
        "ỳ",
        "ý",
        "ỷ",
        "ỵ",
        "Ò",
        "Ủ",
        "À",
        "Ỷ",
        "\u{300}",
        "\u{301}",
        "\u{303}",
        "\u{309}",
        "\u{323}",
        "\u{302}",
        "\u{306}",
        "\u{31b}",
        "\u{338}",
        " ",
        " ",
        " ",
        "\n",
        "\t",
        "\r",
        "\u{a0}",
        "\u{200b}",
        "\u{200d}",
        "\u{feff}",
        "\u{ad}",
        "\u{1}",
        "–",
        "—",
        "“",
        "”",
        "‘",
        "&",
        ";",
        "#",
        "1",
        "5",
        "9",
        "0",
        "<",
        ".",
        ",",
        "а",
        "о",
        "у",
        "ѕ",
        "х",
        "М",
        "ᴠ",
        "Ð",
        "ƣ",
        "😀",
        "ａ",
        "＆",
        "；",
        "\u{37e}",
        "\u{212b}",
        "\u{2000}",
        "\u{3000}",
        "&amp;",
        "&lt;",
        "&#x1EC7;",
        "&ecirc;",
        "&nbsp;",
        "&#59;",
        "&#38;",
        "&#x200B;",
        "&#x301;",
        "hoà",
        "hòa",
        "ủy",
        "uỷ",
        "quý",
        "qúy",
        "Tỉnh",
        "Ban",
        "nhân",
        "dân",
        "  ",
        "\n\n\n",
        "\r\n",
        "Quận",
        "khỏe",
        "&a",
        "mp",
        "&l",
        "t;",
        "&#",
        "x3",
        "B;",
        "amp",
        "lt",
        "&#1",
        "16;",
        "аmp",
        "&#x",
        "của",
        "cuối",
        "Ưu",
        "ã",
        "ễ",
        "ự",
        "Ꮎ",
        "ᄀ",
        "\u{1161}",
        "中",
        "\u{1f468}",
    ];

    /// Letters, vowels in several forms, marks and a little punctuation.
    const VI_ALPHABET: &[&str] = &[
        "a", "e", "i", "o", "u", "y", "A", "E", "O", "U", "Y", "b", "c", "d", "g", "h", "n", "q", "t", "x", "N", "T",
        "đ", "Đ", "â", "ê", "ô", "ơ", "ư", "ă", "Â", "Ơ", "Ư", "Ă", "á", "ạ", "ở", "Ữ", "ệ", "ỵ", "\u{300}", "\u{301}",
        "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31b}", "\u{301}", "\u{323}", "\u{302}", "\u{31b}",
        "\u{308}", "\u{340}", "\u{338}", "\u{34f}", "\u{1dc4}", ",", ".", "-", "(", ")", "&",
    ];

    fn viet() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
    }

    fn any_tone() -> impl Strategy<Value = ToneStyle> {
        prop::sample::select(vec![ToneStyle::Keep, ToneStyle::Old, ToneStyle::New])
    }

    fn check_all(input: &str, tone: ToneStyle) -> Result<(), TestCaseError> {
        let r = normalize(input, &opts(tone));
        // NFC and idempotent
        prop_assert!(unicode_normalization::is_nfc(&r.text), "not NFC: {:?}", r.text);
        let again = normalize(&r.text, &opts(tone));
        prop_assert_eq!(&again.text, &r.text, "not idempotent on {:?}", input);
        prop_assert!(again.is_identity());
        // same as running everything through the slow path
        prop_assert_eq!(&r, &slow_only(input, tone), "fast path differs on {:?}", input);
        // the map is exact
        check_map(input, &r);
        prop_assert_eq!(r.is_identity(), r.text == input);
        // offsets: char boundaries, monotone
        let (mut ls, mut le) = (0, 0);
        let bounds = r.text.char_indices().map(|(i, _)| i).chain([r.text.len()]);
        for o in bounds {
            let (s, e) = (r.to_input_start(o), r.to_input_end(o));
            prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
            prop_assert!(s >= ls && e >= le, "not monotone at {} in {:?}", o, input);
            (ls, le) = (s, e);
        }
        // unchanged stretches map to identical input
        let segs = r.map.edits();
        let b: Vec<usize> = r.text.char_indices().map(|(i, _)| i).chain([r.text.len()]).collect();
        for (x, &a) in b.iter().enumerate() {
            for &z in &b[x + 1..(x + 6).min(b.len())] {
                let touched = segs.iter().any(|&(ns, ne, _, _)| ns < z && ne > a);
                if !touched {
                    let (s, e) = r.to_input(a, z);
                    prop_assert_eq!(&input[s..e], &r.text[a..z]);
                }
            }
        }
        Ok(())
    }

    /// 2000 cases, or `PROPTEST_CASES` when set.
    fn config() -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok());
        ProptestConfig::with_cases(cases.unwrap_or(2000))
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn prop_compose_run_is_nfc(base in prop::sample::select(vec!['a', 'e', 'o', 'u', 'y', 'A', 'i', 'U', 'z', 'â', 'ê', 'ơ', 'ư', 'ạ', '<', ' ']),
                                   marks in prop::collection::vec(
                                       prop::sample::select((0x300u32..=0x36F).chain([0x1DC0, 0x20D0, 0x302A, 0x1AB0, 0x0F73]).collect::<Vec<_>>()), 0..6)) {
            let mut run = vec![Item { c: base, s: 0, e: 1 }];
            run.extend(marks.iter().map(|&m| Item { c: char::from_u32(m).unwrap(), s: 1, e: 2 }));
            let mut out = Vec::new();
            compose_run(&run, &mut out);
            let got: String = out.iter().map(|it| it.c).collect();
            let want: String = run.iter().map(|it| it.c).nfc().collect();
            prop_assert_eq!(got, want);
        }

        /// The fast composer against `.nfc()` on random strings of Vietnamese
        /// letters and combining marks (and a few other marks): a token it takes
        /// is the NFC of the input, with one exact map segment per vowel; the
        /// whole text is normalized to its NFC, as the slow path alone would.
        #[test]
        fn prop_fast_composer_is_nfc(tokens in prop::collection::vec(
                                         prop::collection::vec(prop::sample::select(VI_ALPHABET), 1..12), 1..8),
                                     tone in any_tone()) {
            let tokens: Vec<String> = tokens.into_iter().map(|t| t.concat()).collect();
            let text = tokens.join(" ");
            let mut ts = 0;
            for tok in &tokens {
                let mut out = text[..ts].to_string();
                let mut map = OffsetMap::default();
                if let Some(te) = compose_token(&text, ts, &mut out, &mut map) {
                    prop_assert_eq!(te, ts + tok.len());
                    prop_assert_eq!(&out[ts..], tok.nfc().collect::<String>());
                    for (ns, ne, is, ie) in map.edits() {
                        prop_assert_eq!(text[is..ie].nfc().collect::<String>(), &out[ns..ne]);
                        prop_assert!(is >= ts && ie <= te);
                    }
                }
                ts += tok.len() + 1;
            }
            let r = normalize(&text, &opts(ToneStyle::Keep));
            prop_assert_eq!(&r.text, &text.nfc().collect::<String>());
            check_all(&text, tone)?;
        }

        /// Vietnamese vowels written in any canonically equivalent way (NFC, NFD,
        /// partly composed, marks in another order) are all taken by the fast
        /// composer, and give NFC.
        #[test]
        fn prop_fast_composer_takes_vietnamese(syllables in prop::collection::vec(
                                                   (prop::sample::select(&["", "b", "ng", "Th", "qu", "đ", "Đ", "gi", "tr"][..]),
                                                    0..144usize, 0..4usize, 0..6usize,
                                                    prop::sample::select(&["", "n", "c", "nh", "ng", "t", "i", "u", "o"][..])), 1..10)) {
            let vowels: Vec<char> = VOWELS.iter().flatten().flatten().copied().collect();
            let mut text = String::new();
            for (onset, v, split, order, coda) in syllables {
                let d: Vec<char> = vowels[v].nfd().collect();
                let split = split.min(d.len() - 1);
                let base = nfc_of(d[0], &d[1..=split]);
                let rest: Vec<Vec<char>> =
                    permutations(&d[split + 1..]).into_iter().filter(|p| nfc_of(d[0], &[&d[1..=split], &p[..]].concat()) == vowels[v].to_string()).collect();
                text.push_str(onset);
                text.push_str(&base);
                text.extend(&rest[order % rest.len()]);
                text.push_str(coda);
            }
            let mut out = String::new();
            let mut map = OffsetMap::default();
            prop_assert_eq!(compose_token(&text, 0, &mut out, &mut map), Some(text.len()));
            prop_assert_eq!(&out, &text.nfc().collect::<String>());
            for (ns, ne, is, ie) in map.edits() {
                prop_assert_eq!(text[is..ie].nfc().collect::<String>(), &out[ns..ne]);
            }
            check_all(&text, ToneStyle::Keep)?;
        }

        #[test]
        fn prop_vietnamese_like(s in viet(), tone in any_tone()) {
            check_all(&s, tone)?;
        }

        #[test]
        fn prop_arbitrary(s in any::<String>(), tone in any_tone()) {
            check_all(&s, tone)?;
        }

        #[test]
        fn prop_ascii_words_survive(words in prop::collection::vec("[a-zA-Z]{1,8}", 1..10),
                                    seps in prop::collection::vec(prop::sample::select(
                                        vec![" ", "\u{a0}", "  ", "\u{200b} ", " – ", "\n\n\n", "\t"]), 10)) {
            let mut s = String::new();
            for (w, sep) in words.iter().zip(seps.iter().cycle()) {
                s.push_str(w);
                s.push_str(sep);
            }
            let r = normalize(&s, &NormalizeOptions::default());
            let mut from = 0;
            for w in &words {
                let at = from + r.text[from..].find(w.as_str()).unwrap();
                let (a, b) = r.to_input(at, at + w.len());
                prop_assert_eq!(&s[a..b], w.as_str());
                from = at + w.len();
            }
        }
    }

    #[test]
    #[ignore = "timing sanity check; run with --release -- --ignored"]
    fn timing() {
        let text = "Sáng nay, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết.\n".repeat(300_000);
        let t = std::time::Instant::now();
        let r = normalize(&text, &NormalizeOptions::default());
        let secs = t.elapsed().as_secs_f64();
        assert!(r.is_identity());
        eprintln!("{:.0} MB/s", text.len() as f64 / secs / 1e6);
    }
}
