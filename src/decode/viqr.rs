//! The VIQR decoder (RFC 1456): ASCII letters followed by mnemonic marks (`Vie^.t`).

use crate::spelling::offset_map::{MapBuilder, OffsetMap};
use crate::spelling::syllable::*;
use crate::spelling::vowels::*;

/// VIQR mark characters: breve, circumflex, horn, then the tones acute, grave, hook,
/// tilde, dot below.
pub(super) const VIQR_MARKS: &[u8] = b"(^+'`?~.";

fn viqr_tone(b: u8) -> usize {
    match b {
        b'`' => 1,
        b'\'' => 2,
        b'?' => 3,
        b'~' => 4,
        b'.' => 5,
        _ => 0,
    }
}

fn viqr_modifier(skel: usize, b: u8) -> Option<usize> {
    match (skel, b) {
        (SKELETON_A, b'(') => Some(SKELETON_AW),
        (SKELETON_A, b'^') => Some(SKELETON_AA),
        (SKELETON_E, b'^') => Some(SKELETON_EE),
        (SKELETON_O, b'^') => Some(SKELETON_OO),
        (SKELETON_O, b'+') => Some(SKELETON_OW),
        (SKELETON_U, b'+') => Some(SKELETON_UW),
        _ => None,
    }
}

fn ascii_vowel_skel(b: u8) -> Option<usize> {
    match b.to_ascii_lowercase() {
        b'a' => Some(SKELETON_A),
        b'e' => Some(SKELETON_E),
        b'i' => Some(SKELETON_I),
        b'o' => Some(SKELETON_O),
        b'u' => Some(SKELETON_U),
        b'y' => Some(SKELETON_Y),
        _ => None,
    }
}

/// VIQR (RFC 1456) → text.
///
/// Rules: a mark applies when it can combine with the letter before it (modifiers `(`
/// `^` `+` on a/e/o/u as RFC 1456 lists them, then one tone per word); `dd`, `DD`, `Dd`
/// at the start of a word and `DD` anywhere ("QDD" = QĐ) are đ/Đ; `\` before a mark
/// character or another `\` makes it literal. Text that contains any such escape is read
/// strictly by the RFC: every mark that can combine does. Otherwise (writers rarely
/// escape) a tone mark at the end of a word must yield a valid syllable, and `.` or `?`
/// there followed by a space, a line end or the end, or `..`/`?!` is punctuation — unless
/// the sentence visibly goes on (a lower-case word after the dot, any word after `?`, an
/// upper-case word inside an all-capital heading). So "Vie^.t Nam." ends with a full
/// stop, "Anh bi. ddau" is "Anh bị đau" and "Thu? DDu+'c" is Thủ Đức; a `.` or `?`
/// followed by another mark (`o+?.`, `a.,`) is a tone.
pub(super) fn decode_viqr(s: &str) -> (String, OffsetMap) {
    let b = s.as_bytes();
    let n = b.len();
    let strict = b.windows(2).any(|w| w[0] == b'\\' && (VIQR_MARKS.contains(&w[1]) || w[1] == b'\\'));
    let mut out = String::with_capacity(n);
    let mut map = MapBuilder::default();
    let mut word_start: Option<usize> = None;
    let mut word_toned = false;
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c >= 0x80 {
            let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
            out.push(ch);
            map.ident(ch.len_utf8());
            i += ch.len_utf8();
            if ch.is_alphabetic() {
                word_start.get_or_insert(out.len() - ch.len_utf8());
            } else {
                word_start = None;
                word_toned = false;
            }
            continue;
        }
        if c == b'\\' && i + 1 < n && (VIQR_MARKS.contains(&b[i + 1]) || b[i + 1] == b'\\') {
            out.push(b[i + 1] as char);
            map.unit(1, 2);
            i += 2;
            word_start = None;
            word_toned = false;
            continue;
        }
        let dd = i + 1 < n
            && ((word_start.is_none() && matches!((c, b[i + 1]), (b'd', b'd') | (b'D', b'D' | b'd')))
                || (c == b'D' && b[i + 1] == b'D'));
        if dd {
            if word_start.is_none() {
                word_start = Some(out.len());
                word_toned = false;
            }
            out.push(if c == b'D' { 'Đ' } else { 'đ' });
            map.unit(2, 2);
            i += 2;
            continue;
        }
        if let Some(skel0) = ascii_vowel_skel(c) {
            let upper = c.is_ascii_uppercase();
            let ws = *word_start.get_or_insert(out.len());
            let mut j = i + 1;
            let mut skel = skel0;
            if let Some(m) = b.get(j).and_then(|&m| viqr_modifier(skel0, m)) {
                skel = m;
                j += 1;
            }
            let mut tone = 0;
            if j < n && !word_toned {
                let t = viqr_tone(b[j]);
                if t > 0 && viqr_tone_applies(b, j, strict, &out[ws..], viet(skel, t, upper)) {
                    tone = t;
                    j += 1;
                }
            }
            let ch = viet(skel, tone, upper);
            out.push(ch);
            map.unit(ch.len_utf8(), j - i);
            word_toned |= tone > 0;
            i = j;
            continue;
        }
        out.push(c as char);
        map.ident(1);
        if c.is_ascii_alphabetic() {
            word_start.get_or_insert(out.len() - 1);
        } else {
            word_start = None;
            word_toned = false;
        }
        i += 1;
    }
    (out, map.finish(n))
}

/// Whether the tone mark at `b[j]` applies to the vowel before it (see `decode_viqr`).
fn viqr_tone_applies(b: &[u8], j: usize, strict: bool, word_so_far: &str, toned: char) -> bool {
    let at_end = !b.get(j + 1).is_some_and(|&x| x.is_ascii_alphabetic() || x >= 0x80);
    if !at_end || strict {
        return true;
    }
    let mut w = String::with_capacity(word_so_far.len() + 4);
    w.push_str(word_so_far);
    w.push(toned);
    if !word_is_valid(&w) {
        return false;
    }
    if !matches!(b[j], b'.' | b'?') {
        return true;
    }
    match b.get(j + 1) {
        None | Some(b'!' | b'?' | b'\r' | b'\n') => false,
        Some(b'.') => b[j] == b'?', // "o+?." is a hook; "i.." an ellipsis
        Some(b' ' | b'\t') => {
            // Punctuation unless the sentence visibly goes on: a lower-case word after a
            // dot, any word after a hook, an upper-case word inside an all-capital heading.
            let mut k = j + 1;
            while k < b.len() && (b[k] == b' ' || b[k] == b'\t') {
                k += 1;
            }
            let caps = !word_so_far.is_empty()
                && word_so_far.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
                && toned.is_uppercase();
            match b.get(k) {
                Some(c) if b[j] == b'.' => c.is_ascii_lowercase() || (caps && c.is_ascii_uppercase()),
                Some(c) => c.is_ascii_alphabetic(),
                None => false,
            }
        }
        Some(_) => true, // a quote, bracket or clause mark follows: the mark was no punctuation
    }
}

/// Counts VIQR marks (a modifier, a tone inside a word or `` ` `` `'` `~` at its end,
/// `dd` opening a word) and words, for deciding whether ASCII text is VIQR.
pub(super) fn viqr_marks(s: &[u8]) -> (usize, usize) {
    let (mut marks, mut words) = (0, 0);
    let mut in_word = false;
    for i in 0..s.len() {
        let c = s[i];
        let letter = c.is_ascii_alphabetic();
        if letter && !in_word {
            words += 1;
            if matches!(c, b'd' | b'D') && matches!(s.get(i + 1), Some(b'd' | b'D')) {
                marks += 1;
            }
        }
        if let Some(skel) = ascii_vowel_skel(c) {
            let mut j = i + 1;
            if s.get(j).is_some_and(|&m| viqr_modifier(skel, m).is_some()) {
                marks += 1;
                j += 1;
            }
            if let Some(&t) = s.get(j) {
                let mid = s.get(j + 1).is_some_and(u8::is_ascii_alphabetic);
                if viqr_tone(t) > 0 && (mid || matches!(t, b'`' | b'\'' | b'~')) {
                    marks += 1;
                }
            }
        }
        // A mark character keeps the word going ("Vie^.t").
        in_word = letter || (in_word && VIQR_MARKS.contains(&c));
    }
    (marks, words)
}
