//! Character classes and tables of the normalizer: what a character maps to (invisible
//! characters dropped, look-alikes, spaces, dashes, quotes), word boundaries, tone
//! placement of a vowel pair, and HTML character references.

use super::*;

/// The context-free part of steps 1, 2, 5 and 6: `None` drops `c`.
///
/// `\r` maps to `\n` here; the `\r\n` pair and the ZWJ-between-emoji exception
/// are handled where the raw input is read.
#[inline]
pub(super) fn map_char(c: char) -> Option<char> {
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
#[inline]
pub(super) fn homoglyph(c: char) -> Option<char> {
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
pub(super) fn is_latin_letter(c: char) -> bool {
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
pub(super) fn is_boundary(c: char) -> bool {
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
#[inline]
pub(super) fn needs_slow(c: char) -> bool {
    map_char(c) != Some(c) || homoglyph(c).is_some() || !is_boundary(c)
}

/// An emoji-like character for the ZWJ rule: a non-letter at or above U+1F000.
#[inline]
pub(super) fn is_emoji(c: char) -> bool {
    c as u32 >= 0x1F000 && !crate::spelling::is_alphabetic(c)
}

#[inline]
pub(super) fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `base` (lower case ASCII) in the given case.
#[inline]
pub(super) fn with_case(base: char, upper: bool) -> char {
    if upper { base.to_ascii_uppercase() } else { base }
}

/// The rewritten vowel pair `c d` of an open syllable, if the style moves its tone.
#[inline]
pub(super) fn retone_pair(c: char, d: char, style: ToneStyle, after_q: bool) -> Option<(char, char)> {
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
pub(super) const MAX_NAME: usize = 8;
pub(super) const MAX_DIGITS: usize = 8;

/// Can `c` extend the entity body `body` (the characters after `&`)?
#[inline]
pub(super) fn can_extend(body: &[Item], c: char) -> bool {
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
#[inline]
pub(super) fn decode_entity(body: &[Item]) -> Option<char> {
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
#[inline]
pub(super) fn named_entity(name: &str) -> Option<char> {
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
