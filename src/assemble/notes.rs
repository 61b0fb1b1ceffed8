//! What assembly says about the text as a whole, last: scrambled diacritics, a text
//! cut at the offset limit, a table of dates read only in part, and text typed without
//! diacritics (whose roles then carry a lower confidence).

use super::Stages;
use crate::lexicon;
use crate::model::{DiagnosticCode, Document};
use crate::recognize::date;

/// Words with diacritics that must have been scored before the share of valid
/// syllables says anything.
const MIN_TONED_WORDS: usize = 30;
/// Below this share of valid syllables the marks are taken to be scrambled (real text
/// scores about 0.95; scrambled text 0.3 to 0.6).
const MIN_VALID_SHARE: f32 = 0.75;
/// The confidence of a role matched without diacritics.
const ACCENT_FREE_CONFIDENCE: f32 = 0.6;

/// Add the whole-text diagnostics to `doc`, after everything else assembly raised.
pub(super) fn add_text_notes(stages: &Stages<'_, '_>, doc: &mut Document) {
    let script = &stages.mentions.script;
    // Deliberately scrambled diacritics ("KẾT LỦẬN … CỦÀ BỘ CHÍNH TRỊ", seen on
    // republishing sites): many words with impossible vowel and mark combinations.
    if script.toned_words >= MIN_TONED_WORDS && script.valid_share < MIN_VALID_SHARE {
        doc.diagnostics.push(note(
            DiagnosticCode::ScrambledDiacritics,
            format!(
                "only {:.0}% of the {} words with diacritics are valid Vietnamese syllables: \
                 the marks look scrambled, and what was extracted may be wrong",
                script.valid_share * 100.0,
                script.toned_words
            ),
        ));
    }
    if stages.text_cut {
        doc.diagnostics
            .push(note(DiagnosticCode::InputTruncated, format!("text cut at {} bytes", lexicon::MAX_TEXT_BYTES)));
    }
    // A table of dates rather than a report: only the first ones were read.
    let limit = date::max_mentions(stages.key.len());
    if stages.mentions.dates.len() >= limit || stages.mentions.periods.len() >= limit {
        doc.diagnostics.push(note(
            DiagnosticCode::DatesTruncated,
            format!("more than {limit} dates or periods: only the first {limit} of each were read"),
        ));
    }
    if stages.scan.ascii {
        doc.input.diacritics = false;
        for p in &mut doc.people {
            p.roles.iter_mut().for_each(|r| r.confidence = ACCENT_FREE_CONFIDENCE);
        }
        doc.diagnostics.push(note(
            DiagnosticCode::NoDiacritics,
            "the text is written without diacritics; words were matched without them, at lower confidence".into(),
        ));
    }
}

/// A diagnostic about the whole text (no span).
fn note(code: DiagnosticCode, message: String) -> crate::model::Diagnostic {
    crate::model::Diagnostic { code, message, span: None }
}
