//! Normalisation: one spelling of the text, with a map back to the input.
//!
//! [`normalize`] cleans a decoded text so that later stages see one form of
//! each thing, and records where every piece of the result came
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
//!    ([`ToneStyle`]); a misplaced `qúy` becomes `quý` in either style. A word that
//!    ends in a run past 30 non-starters (see 4) keeps its marks where they are.
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

mod chars;
mod compose;
mod engine;
#[cfg(test)]
mod tests;

use chars::*;
use compose::*;
use engine::*;

/// Where the tone mark goes in open `oa`, `oe` and `uy` syllables.
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

    /// [`Normalized::to_input`] as a [`Span`].
    pub(crate) fn input_span(&self, start: usize, end: usize) -> crate::span::Span {
        let (s, e) = self.to_input(start, end);
        crate::span::Span::new(s, e)
    }

    /// True when the text is unchanged from the input (no edits).
    pub fn is_identity(&self) -> bool {
        self.map.is_empty()
    }

    /// The offsets of the spaces of the normalized text that stand for a column gap
    /// of `input` (the text this was normalized from): a tab, or five or more white
    /// space characters within a line, as converters flatten two columns into one line
    /// ("Ông A          Chức vụ: …", "Lê Văn Hùng        Đỗ Thị Lan"); not the few spaces
    /// a typist doubles inside a sentence ("ông Nguyễn  Văn   An").
    /// Sorted, as 32-bit offsets. Spaces folded from such a run are edits, so a text that is its input has
    /// none.
    pub(crate) fn column_gaps(&self, input: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let bytes = self.text.as_bytes();
        for r in &self.map.runs {
            let ns = r.out_start();
            // The kept space is the edit itself (a tab) or the one before a removal.
            for p in [ns.wrapping_sub(1), ns] {
                if bytes.get(p) != Some(&b' ') || out.last().is_some_and(|&l| l as usize >= p) {
                    continue;
                }
                let a = self.to_input_start(p);
                let b = self.to_input_start(p + 1);
                let raw = input.get(a..b).unwrap_or("");
                if raw.contains('\t') || !raw.contains('\n') && raw.chars().filter(|c| c.is_whitespace()).count() >= 5 {
                    // (Offsets of a parse's text are 32-bit: `lexicon::MAX_TEXT_BYTES`.)
                    out.push(u32::try_from(p).unwrap_or(u32::MAX));
                }
            }
        }
        out
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
