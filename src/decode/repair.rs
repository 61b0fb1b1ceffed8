//! Mojibake repair: text already mis-decoded into a string (UTF-8 read as CP1252 or
//! Latin-1, TCVN3 or VNI bytes shown as Latin-1 characters) back to what was meant.

use super::legacy::{decode_tcvn3, decode_vni};
use super::{MAX_INPUT_BYTES, Repaired};
use crate::spelling::code_pages::*;
use crate::spelling::offset_map::{MapBuilder, OffsetMap};
use crate::spelling::syllable::*;
use crate::spelling::vowels::{NO_INFO, is_viet_letter};
use std::collections::HashMap;

/// A character's byte when text was shown through CP1252 or Latin-1: Latin-1 code
/// points as themselves, the CP1252 letters and punctuation of 0x80..=0x9F as theirs.
fn reverse_cp1252(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    CP1252_C1.iter().position(|&x| x == c).map(|i| 0x80 + i as u8)
}

fn is_cp1252_special(c: char) -> bool {
    (c as u32) >= 0x100 && CP1252_C1.contains(&c)
}

/// Bytes lost when UTF-8 went through CP1252 (undefined there, so often dropped).
const LOST_BYTES: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
const LOST: u16 = 0x100;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reading {
    Mojibake,
    Tcvn3,
    Vni,
}

/// Decoded characters of a chunk with their unit ranges (`units` index = char index).
type Pieces = Vec<(char, usize, usize)>;

/// The runs of bytes between ASCII white space, as (start, end).
struct Chunks<'a> {
    b: &'a [u8],
    i: usize,
}

impl Iterator for Chunks<'_> {
    type Item = (usize, usize);
    fn next(&mut self) -> Option<(usize, usize)> {
        // Local positions: the scan stays in registers.
        let (b, mut i) = (self.b, self.i);
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            self.i = i;
            return None;
        }
        let a = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        self.i = i;
        Some((a, i))
    }
}

/// A chunk re-read: (start, end, its re-reading in the list of distinct ones, strong evidence).
struct ChunkFix {
    start: usize,
    end: usize,
    reading: usize,
    strong: bool,
    /// The re-reading has only valid syllables.
    valid: bool,
    /// The re-reading has a valid syllable with a Vietnamese letter beyond ASCII ("nhân"
    /// from "nh©n"; not "BMWĐ" from "BMW®", an acronym, nor "NokiaĐ").
    syllable: bool,
}

/// UTF-8 read back from reversed units, with a lost last continuation byte (dropped or
/// shown as U+FFFD) recovered when one of the five undefined CP1252 bytes completes a
/// Vietnamese letter; the choice among several is made for the best chunk quality.
/// Also says whether a sequence was strong evidence of mojibake, a Vietnamese letter from
/// three bytes ("á»‡"), or from two with a lead other than Â/Ã ("Æ°"), or from Â/Ã and
/// a Latin-1 symbol ("Ã³"): valid text can hold "NGÃ" + U+00A0 or "NGÃ”", never these.
fn unmojibake(units: &[u16], orig: &[char]) -> (Pieces, bool) {
    let n = units.len();
    let mut out: Pieces = Vec::with_capacity(n);
    let mut alts: Vec<(usize, Vec<char>)> = Vec::new(); // (index in out, alternatives)
    let mut strong = false;
    // Â/Ã followed by 0x80..=0xA0 or a guillemet can be valid text ("NGÃ”", "Ô»").
    let is_strong = |seq: &[u16], len: usize| {
        len > 2
            || !matches!(seq[0], 0xC2 | 0xC3)
            || seq.get(1).is_some_and(|&c| (0xA1..=0xBF).contains(&c) && c != 0xAB && c != 0xBB)
    };
    let mut i = 0;
    while i < n {
        let u = units[i];
        let len = match u {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if len == 0 {
            out.push((orig[i], i, i + 1));
            i += 1;
            continue;
        }
        // Gather continuation units; a LOST unit or a missing last byte is a wildcard.
        let mut seq: Vec<u16> = vec![u];
        let mut j = i + 1;
        while seq.len() < len && j < n && ((0x80..=0xBF).contains(&units[j]) || units[j] == LOST) {
            seq.push(units[j]);
            j += 1;
        }
        let missing = len - seq.len();
        let wild = seq.iter().filter(|&&x| x == LOST).count() + missing;
        if wild == 0 {
            let bytes: Vec<u8> = seq.iter().map(|&x| x as u8).collect();
            if let Some(c) = std::str::from_utf8(&bytes).ok().and_then(|s| s.chars().next()) {
                // A combining mark only after a letter (decomposed text: "aÌ\u{81}" = a + U+0301).
                let after_letter = out.last().is_some_and(|p| p.0.is_alphabetic() || is_combining_mark(p.0));
                if !c.is_control() && (!is_combining_mark(c) || after_letter) {
                    // Clear evidence: a Vietnamese letter or tone mark, or punctuation from
                    // three bytes ("â€œ", "â€¦").
                    let viet_mark = matches!(
                        c,
                        '\u{300}' | '\u{301}' | '\u{302}' | '\u{303}' | '\u{306}' | '\u{309}' | '\u{31B}' | '\u{323}'
                    );
                    let punct = len == 3 && matches!(c, '\u{2000}'..='\u{206F}' | '€' | '₫');
                    strong |= (is_strong(&seq, len) && (is_viet_letter(c) || viet_mark)) || punct;
                    out.push((c, i, j));
                    i = j;
                    continue;
                }
            }
        } else if wild == 1 && missing <= 1 {
            let mut cands = Vec::new();
            for lb in LOST_BYTES {
                let mut bytes: Vec<u8> = seq.iter().map(|&x| if x == LOST { lb } else { x as u8 }).collect();
                if missing == 1 {
                    bytes.push(lb);
                }
                if let Some(c) = std::str::from_utf8(&bytes).ok().and_then(|s| s.chars().next()) {
                    if is_viet_letter(c) && !c.is_ascii() {
                        cands.push(c);
                    }
                }
            }
            if !cands.is_empty() {
                strong |= len > 2 || seq[0] != 0xC3;
                alts.push((out.len(), cands.clone()));
                out.push((cands[0], i, j));
                i = j;
                continue;
            }
        }
        out.push((orig[i], i, i + 1));
        i += 1;
    }
    // Choose among alternatives, one position at a time.
    for (pos, cands) in alts {
        if cands.len() < 2 {
            continue;
        }
        let mut best = (cands[0], i64::MIN);
        for c in cands {
            out[pos].0 = c;
            let s: String = out.iter().map(|p| p.0).collect();
            let stats = analyze(&s);
            let q = stats.valid as i64 * 2 - stats.invalid() as i64;
            if q > best.1 {
                best = (c, q);
            }
        }
        out[pos].0 = best.0;
    }
    (out, strong)
}

fn pieces_of(text: &str, map: &OffsetMap) -> Pieces {
    map.char_ranges(text).map(|(_, c, s, e)| (c, s, e)).collect()
}

/// A character that betrays TCVN3 or VNI bytes shown as Latin-1: the Latin-1 reading of
/// a byte that is a letter (TCVN3) or a letter or accent (VNI) there, when it is no
/// Vietnamese letter itself ("©", "¸", soft hyphen; "ø", "ï", "ñ"). Plain "ô" or "è"
/// is no evidence: Unicode text has them, and typos like "Môt" would turn into "Mụt".
fn is_telltale(strat: Reading, c: char) -> bool {
    let u = c as u32;
    if !(0xA0..=0xFF).contains(&u) || is_viet_letter(c) {
        return false;
    }
    let i = (u - 0x80) as usize;
    match strat {
        Reading::Tcvn3 => TCVN3_HIGH[i].is_alphabetic(),
        Reading::Vni => VNI_ACCENT[i] != NO_INFO || VNI_HIGH[i] != c,
        Reading::Mojibake => false,
    }
}

/// Whether [`repair_chunk`] may re-read `chunk`: most chunks of Vietnamese text hold a
/// letter no single byte stands for ("ộ", "ư"), and are refused before anything is
/// allocated or looked up. So are the chunks the UTF-8 re-reading leaves as they are
/// ("các", "là"): with no unit a UTF-8 sequence continues with (U+0080..U+00BF, a CP1252
/// character, U+FFFD), [`unmojibake`] can only complete a two-byte lead (a capital
/// "Ã", "Ê", "Ô") with a lost byte, so a chunk without either is read as it is.
fn may_reread(chunk: &str, strat: Reading) -> bool {
    let (mut all_bytes, mut utf8_lead_or_continuation) = (true, false);
    for c in chunk.chars() {
        match reverse_cp1252(c) {
            Some(u) => utf8_lead_or_continuation |= matches!(u, 0x80..=0xBF | 0xC2..=0xDF),
            None if c == '\u{FFFD}' && strat == Reading::Mojibake => utf8_lead_or_continuation = true,
            None => all_bytes = false,
        }
        if !all_bytes {
            return false;
        }
    }
    strat != Reading::Mojibake || utf8_lead_or_continuation
}

/// A chunk re-read: its pieces, and whether it is strong evidence, has only valid
/// syllables, and has a Vietnamese syllable (as the fields of [`ChunkFix`]).
type ChunkReading = (Pieces, bool, bool, bool);

/// Re-reading of one whitespace-free chunk with one strategy, when it is no worse than
/// the chunk; `strong` when it is clear evidence for the strategy (mojibake: a strong
/// UTF-8 sequence; TCVN3/VNI: a telltale character, and only valid syllables left where
/// there were invalid words).
fn repair_chunk(chunk: &str, strat: Reading) -> Option<ChunkReading> {
    if !may_reread(chunk, strat) {
        return None;
    }
    let orig: Vec<char> = chunk.chars().collect();
    let mut units: Vec<u16> = Vec::with_capacity(orig.len());
    for &c in &orig {
        match reverse_cp1252(c) {
            Some(b) => units.push(b as u16),
            None if c == '\u{FFFD}' && strat == Reading::Mojibake => units.push(LOST),
            None => return None,
        }
    }
    let (pieces, seq_strong) = match strat {
        Reading::Mojibake => unmojibake(&units, &orig),
        Reading::Tcvn3 | Reading::Vni => {
            let bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
            let (t, m) = if strat == Reading::Tcvn3 { decode_tcvn3(&bytes) } else { decode_vni(&bytes) };
            (pieces_of(&t, &m), false)
        }
    };
    let new: String = pieces.iter().map(|p| p.0).collect();
    if new == chunk {
        return None;
    }
    let (o, r) = (analyze(chunk), analyze(&new));
    let valid = r.invalid() == 0;
    let syllable = r.valid_na > 0;
    match strat {
        Reading::Mojibake => (r.invalid() <= o.invalid()).then_some((pieces, seq_strong, valid, syllable)),
        _ if valid && o.invalid() > 0 && orig.iter().any(|&c| is_telltale(strat, c)) => {
            Some((pieces, true, valid, syllable))
        }
        _ if r.invalid() <= o.invalid() => Some((pieces, false, valid, syllable)),
        _ => None,
    }
}

/// Repair text that was mis-decoded into a string: UTF-8 read as CP1252 or Latin-1
/// ("Nguyá»…n"), or TCVN3 / VNI bytes shown as Latin-1 characters ("Uû ban nh©n d©n",
/// "Xin chaøo").
///
/// Works per whitespace-separated chunk: a chunk whose characters all map back to single
/// bytes (Latin-1, or CP1252 for 0x80..=0x9F; U+FFFD and dropped bytes stand for the five
/// bytes CP1252 leaves undefined) is re-read as UTF-8, TCVN3 and VNI. A re-reading is
/// kept only where it has no more invalid words than the chunk, and only if the text
/// has at least one chunk that is clear evidence for it: a UTF-8 sequence valid text
/// never holds ("á»", "Ã³", "Æ°", "â€œ", "aÌ\u{81}"), or a chunk with a character
/// Vietnamese never uses ("©", "¸", soft hyphen; "ø", "ï", "ñ") glued to a letter,
/// whose TCVN3/VNI re-reading leaves only valid syllables. A TCVN3/VNI reading is
/// decided on the whole text: it must turn many of its words into Vietnamese syllables
/// ("nh©n" → "nhân"), at least as many as are written with Unicode Vietnamese letters
/// already, so that a stray symbol in clean text ("xe BMW® mới", "MMI®", "5µm") is
/// never read as one (`legacy_reading_holds`). Chunks that are merely no worse
/// ("Sè" → "Số", "800.000®" → "800.000đ") are taken for TCVN3/VNI only when the whole
/// text is Latin-1 (no other Vietnamese letters, so not a mixed text). The reading that
/// turns the most chunks into valid Vietnamese is applied; mojibake keeps decomposed
/// text decomposed, TCVN3/VNI give NFC.
/// `None` when nothing improves: plain ASCII and valid Vietnamese are never touched.
///
/// ```
/// use vanban::decode::repair;
/// assert_eq!(repair("Uû ban nh©n d©n tØnh").unwrap().text, "Uỷ ban nhân dân tỉnh");
/// assert_eq!(repair("Xin chaøo caùc baïn").unwrap().from, "vni");
/// assert!(repair("Ủy ban nhân dân tỉnh").is_none());
/// assert!(repair("Ông A mua xe BMW® X5 mới").is_none());
/// ```
pub fn repair(s: &str) -> Option<Repaired> {
    if s.is_ascii() || s.len() > MAX_INPUT_BYTES {
        return None;
    }
    // Runs of text between ASCII white space, made again for each reading (a list of
    // them took 16 bytes a word, three times the text).
    let chunks = || Chunks { b: s.as_bytes(), i: 0 };
    let latin_only = s.chars().all(|c| reverse_cp1252(c).is_some());
    // (words, words written in Unicode Vietnamese), counted once if a legacy reading needs them.
    let mut counts: Option<(usize, usize)> = None;
    // (reading, ranking key, chunk fixes, the chunks' re-readings)
    type Candidate = (Reading, (usize, usize, usize), Vec<ChunkFix>, Vec<ChunkReading>);
    let mut best: Option<Candidate> = None;
    for strat in [Reading::Mojibake, Reading::Tcvn3, Reading::Vni] {
        // A TCVN3 or VNI re-reading is strong only in a chunk with one of its telltale
        // characters: with none in the text, it would be dropped below (no strong chunk).
        if strat != Reading::Mojibake && !s.chars().any(|c| is_telltale(strat, c)) {
            continue;
        }
        // Only the strong chunks of a TCVN3/VNI reading of a mixed text are kept (below):
        // the others are not gathered at all (most Latin-1 words of a long text re-read
        // as something, and their pieces took more memory than the text).
        let only_strong = strat != Reading::Mojibake && !latin_only;
        // A chunk's re-reading depends on the chunk alone: each distinct chunk is read
        // once ("và", "các", "là" recur thousands of times in a long text), kept once in
        // `readings`, and the fixes point at it.
        let mut readings: Vec<ChunkReading> = Vec::new();
        let mut seen: HashMap<&str, Option<usize>> = HashMap::new();
        let mut fixes: Vec<ChunkFix> = chunks()
            .filter(|&(a, b)| !s[a..b].is_ascii() && may_reread(&s[a..b], strat))
            .filter_map(|(a, b)| {
                let chunk = &s[a..b];
                let reading = *seen.entry(chunk).or_insert_with(|| {
                    let r = repair_chunk(chunk, strat).filter(|r| r.1 || !only_strong)?;
                    readings.push(r);
                    Some(readings.len() - 1)
                });
                let (_, strong, valid, syllable) = readings[reading?];
                Some(ChunkFix { start: a, end: b, reading: reading?, strong, valid, syllable })
            })
            .collect();
        drop(seen);
        let strong = fixes.iter().filter(|f| f.strong).count();
        if strong == 0 {
            continue;
        }
        if strat != Reading::Mojibake {
            let (words, written) = *counts.get_or_insert_with(|| word_counts(s, chunks()));
            let syllables = fixes.iter().filter(|f| f.strong && f.syllable).count();
            if !legacy_reading_holds(syllables, written, words) {
                continue;
            }
        }
        if only_strong {
            fixes.retain(|f| f.strong);
        }
        // Rank by the chunks the reading turns into valid Vietnamese, then by evidence,
        // then by fewer chunks left invalid.
        let good = fixes.iter().filter(|f| f.valid).count();
        let key = (good, strong, usize::MAX - (fixes.len() - good));
        if best.as_ref().is_none_or(|(_, k, _, _)| key > *k) {
            best = Some((strat, key, fixes, readings));
        }
    }
    let (strat, _, fixes, readings) = best?;
    let mut text = String::with_capacity(s.len());
    let mut map = MapBuilder::default();
    let mut at = 0;
    let mut cp1252_seen = false;
    let mut c1_seen = false;
    for f in &fixes {
        text.push_str(&s[at..f.start]);
        map.ident(f.start - at);
        let chunk = &s[f.start..f.end];
        cp1252_seen |= chunk.chars().any(is_cp1252_special);
        c1_seen |= chunk.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c));
        let offs: Vec<usize> = chunk.char_indices().map(|(i, _)| f.start + i).chain(std::iter::once(f.end)).collect();
        for &(c, us, ue) in &readings[f.reading].0 {
            let (ss, se) = (offs[us], offs[ue]);
            if ss > map.inp {
                map.skip(ss - map.inp);
            }
            text.push(c);
            map.unit(c.len_utf8(), se - ss);
        }
        if map.inp < f.end {
            map.skip(f.end - map.inp);
        }
        at = f.end;
    }
    text.push_str(&s[at..]);
    map.ident(s.len() - at);
    let from = match strat {
        Reading::Tcvn3 => "tcvn3",
        Reading::Vni => "vni",
        Reading::Mojibake if !cp1252_seen && c1_seen => "latin1-mojibake",
        Reading::Mojibake => "cp1252-mojibake",
    };
    let new = analyze(&text);
    let confidence = new.evidence().unwrap_or_else(|| vietnamese_score(&text));
    Some(Repaired { text, from, confidence, map: map.finish(s.len()) })
}

/// Whole-text counts for a TCVN3 or VNI reading: (words, that is chunks with a letter;
/// chunks already written in Unicode Vietnamese, with a letter or tone mark no single
/// byte stands for: "Nội", "ư", decomposed "ô" + U+0301).
fn word_counts(s: &str, chunks: impl Iterator<Item = (usize, usize)>) -> (usize, usize) {
    let (mut words, mut written) = (0, 0);
    for (a, b) in chunks {
        let w = &s[a..b];
        if w.is_ascii() {
            words += w.bytes().any(|c| c.is_ascii_alphabetic()) as usize;
            continue;
        }
        words += w.chars().any(char::is_alphabetic) as usize;
        written += w.chars().any(|c| (c as u32) > 0xFF && (is_viet_letter(c) || is_combining_mark(c))) as usize;
    }
    (words, written)
}

/// Whether TCVN3 or VNI bytes shown as Latin-1 explain the text, decided on the whole
/// text from `syllables`, the chunks its re-reading turns into Vietnamese syllables with
/// a diacritic ("nh©n" → "nhân"). Such text is full of them: more than half its words
/// have a letter the legacy code writes with a symbol (a tenth when the other legacy
/// code is tried on it). Clean Unicode text with a stray "®", "©", "µ" or "±" has one or
/// two, against many words already written with Vietnamese letters ("xe BMW® mới",
/// "kích thước 5µm") or, in other languages, many words that are none: it is no legacy
/// text. A mixed text (a Unicode header above a legacy body) needs as many re-read
/// syllables as Unicode words.
fn legacy_reading_holds(syllables: usize, written: usize, words: usize) -> bool {
    syllables >= written && syllables * 8 >= words && (syllables >= 2 || (syllables == 1 && words <= 2))
}
