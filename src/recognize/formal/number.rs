//! Document numbers: "Số: 123/TB-UBND" (state), "Số 45-TB/HU" (Party).

use crate::lexicon::{FormalList, Lexicon};
use crate::model::NumberForm;

/// A parsed number, with its byte range in the string it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedNumber {
    /// Byte range of the number and code.
    pub start: usize,
    /// End of it.
    pub end: usize,
    /// The number, when written.
    pub number: Option<u32>,
    /// Year of a legal document.
    pub year: Option<i32>,
    /// Type code.
    pub type_code: Option<String>,
    /// Issuer code.
    pub issuer_code: Option<String>,
    /// State or Party form.
    pub form: NumberForm,
}

fn is_code_char(c: char) -> bool {
    crate::spelling::is_word_char(c) || c == '&'
}

/// Is `code` a known type code of `lex` (formal.tsv, `type_code`)?
pub fn is_type_code(lex: &Lexicon, code: &str) -> bool {
    let k = crate::key::key(code);
    lex.formal(FormalList::TypeCode).any(|e| e.phrase == k)
}

/// The end of the number token that starts at `s[from..]`: code characters, `/`, `-`,
/// and spaces next to a `/` or `-` ("12 -TB/TU", "367 - QĐ/TWĐTN-VP").
fn token_end(s: &str, from: usize) -> usize {
    let mut end = from;
    let mut i = from;
    let chars: Vec<(usize, char)> = s[from..].char_indices().map(|(p, c)| (p + from, c)).collect();
    let mut k = 0;
    while k < chars.len() {
        let (p, c) = chars[k];
        if is_code_char(c) || c == '/' || c == '-' {
            end = p + c.len_utf8();
            i = end;
            k += 1;
            continue;
        }
        if c == ' ' {
            // A space is inside the token only beside a separator.
            let prev = s[..p].chars().next_back();
            let next = chars[k..].iter().find(|x| x.1 != ' ').map(|x| x.1);
            if matches!(prev, Some('/' | '-')) || matches!(next, Some('/' | '-')) {
                k += 1;
                continue;
            }
        }
        break;
    }
    let _ = i;
    end
}

/// Parse the number and code at the start of `s` (the text after "Số" and its colon);
/// the type codes are those of `lex`.
pub fn parse_number(lex: &Lexicon, s: &str) -> Option<ParsedNumber> {
    let lead = s.len() - s.trim_start_matches([' ', ':', '.']).len();
    let end = token_end(s, lead);
    let raw = &s[lead..end];
    let raw = raw.trim_end_matches(['-', '/', ' ']);
    let end = lead + raw.len();
    let compact: String = raw.chars().filter(|c| *c != ' ').collect();
    if !compact.contains('/') {
        return None;
    }
    let first_slash = compact.find('/')?;
    let first_dash = compact.find('-');
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let num = |t: &str| t.parse::<u32>().ok();
    let letters = |t: &str| t.chars().any(char::is_alphabetic);
    // Party form with the number left blank: "-QC/ĐU".
    if let Some(rest) = compact.strip_prefix('-') {
        if let Some((ty, issuer)) = rest.split_once('/') {
            if letters(ty) && letters(issuer) && !issuer.contains('/') {
                return Some(ParsedNumber {
                    start: lead,
                    end,
                    number: None,
                    year: None,
                    type_code: Some(ty.to_string()),
                    issuer_code: Some(issuer.to_string()),
                    form: NumberForm::Party,
                });
            }
        }
    }
    // Party form: "45-TB/HU" (the number ends at a dash before the first slash).
    if let Some(d) = first_dash.filter(|&d| d < first_slash && digits(&compact[..d])) {
        let ty = &compact[d + 1..first_slash];
        let issuer = &compact[first_slash + 1..];
        if letters(ty) && letters(issuer) {
            return Some(ParsedNumber {
                start: lead,
                end,
                number: num(&compact[..d]),
                year: None,
                type_code: Some(ty.to_string()),
                issuer_code: Some(issuer.to_string()),
                form: NumberForm::Party,
            });
        }
    }
    // State form: "123/TB-UBND", "05/2024/QĐ-UBND", "/TB-UBND", "4507/BGTVT-TTCNTT".
    let parts: Vec<&str> = compact.split('/').collect();
    let (n, year, code) = match parts.as_slice() {
        [n, code] => (*n, None, *code),
        [n, y, code] if digits(y) && y.len() == 4 => (*n, y.parse::<i32>().ok(), *code),
        _ => return None,
    };
    if !(n.is_empty() || digits(n)) || !letters(code) {
        return None;
    }
    let (type_code, issuer) = match code.split_once('-') {
        Some((t, i)) if is_type_code(lex, t) && !i.is_empty() => (Some(t.to_string()), i.to_string()),
        _ if is_type_code(lex, code) => (Some(code.to_string()), String::new()),
        _ => (None, code.to_string()),
    };
    Some(ParsedNumber {
        start: lead,
        end,
        number: num(n),
        year,
        type_code,
        issuer_code: (!issuer.is_empty()).then_some(issuer),
        form: NumberForm::State,
    })
}

#[cfg(test)]
mod tests {
    /// Formerly a doc example (the item is private since issue 11).
    #[test]
    fn parse_number_example() {
        use crate::recognize::formal::number::parse_number;
        let n = parse_number(&crate::Lexicon::default(), "123/TB-UBND").unwrap();
        assert_eq!((n.number, n.type_code.as_deref(), n.issuer_code.as_deref()), (Some(123), Some("TB"), Some("UBND")));
    }

    use super::*;

    fn p(s: &str) -> (Option<u32>, Option<i32>, Option<String>, Option<String>, NumberForm, String) {
        let n = parse_number(&Lexicon::default(), s).unwrap_or_else(|| panic!("{s}"));
        (n.number, n.year, n.type_code, n.issuer_code, n.form, s[n.start..n.end].to_string())
    }

    #[test]
    fn state_and_party_forms() {
        use NumberForm::*;
        let o = |s: &str| Some(s.to_string());
        assert_eq!(p("123/TB-UBND"), (Some(123), None, o("TB"), o("UBND"), State, "123/TB-UBND".into()));
        assert_eq!(p("45-TB/HU"), (Some(45), None, o("TB"), o("HU"), Party, "45-TB/HU".into()));
        assert_eq!(p("05/2024/QĐ-UBND"), (Some(5), Some(2024), o("QĐ"), o("UBND"), State, "05/2024/QĐ-UBND".into()));
        assert_eq!(p("12 -TB/TU"), (Some(12), None, o("TB"), o("TU"), Party, "12 -TB/TU".into()));
        assert_eq!(p("445-KL/TƯ"), (Some(445), None, o("KL"), o("TƯ"), Party, "445-KL/TƯ".into()));
        assert_eq!(p("100 - KL/TW;"), (Some(100), None, o("KL"), o("TW"), Party, "100 - KL/TW".into()));
        assert_eq!(p("/TB-UBND Bình Thuận"), (None, None, o("TB"), o("UBND"), State, "/TB-UBND".into()));
        assert_eq!(p("1206 /QĐ-HVTC"), (Some(1206), None, o("QĐ"), o("HVTC"), State, "1206 /QĐ-HVTC".into()));
        // An official letter has no type code.
        assert_eq!(
            p("4507/BGTVT-TTCNTT"),
            (Some(4507), None, None, o("BGTVT-TTCNTT"), State, "4507/BGTVT-TTCNTT".into())
        );
        assert_eq!(p("478/TTr-SNV Bình Thuận, ngày").3, o("SNV"));
        assert_eq!(p("-QC/ĐU"), (None, None, o("QC"), o("ĐU"), Party, "-QC/ĐU".into()));
        assert_eq!(p("Số 12 -TB/TU".trim_start_matches("Số")).4, Party);
    }

    #[test]
    fn not_numbers() {
        let lex = Lexicon::default();
        assert!(parse_number(&lex, "....đf07.........").is_none());
        assert!(parse_number(&lex, "lượng 12 người").is_none());
        assert!(parse_number(&lex, "").is_none());
    }
}
