//! The caller's input, last: what [`crate::Parser::parse`] and
//! [`crate::Parser::parse_bytes`] did before the pipeline ran (decoding, repair of
//! mis-decoded text, the size limit) is said in [`crate::Document::input`] and the
//! diagnostics, and every span goes back through those steps' maps to the caller's
//! input.

use crate::decode::{Decoded, Encoding, Repaired};
use crate::model::{Diagnostic, DiagnosticCode, Document};
use crate::span::Span;

/// What was done to the caller's input before the pipeline ran on it.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// Size of the caller's input in bytes (after the size limit, for text).
    pub bytes: usize,
    /// The bytes as decoded, for [`crate::Parser::parse_bytes`].
    pub decoded: Option<&'a Decoded>,
    /// The text as repaired, when it had been mis-decoded before it reached the parser.
    pub repaired: Option<&'a Repaired>,
    /// The size limit the text was cut at, when it was.
    pub cut_at: Option<usize>,
}

/// Say in `doc` what was done to the input, and map its spans (offsets in the text the
/// pipeline read) back to the caller's input: through the repair, then the decoding.
pub(super) fn to_callers_input(source: &Source<'_>, doc: &mut Document) {
    if let Some(r) = source.repaired {
        doc.map_spans(|s| {
            let (a, b) = r.to_input(s.start, s.end);
            Span::new(a, b)
        });
        doc.input.encoding = r.from.to_string();
        doc.input.encoding_confidence = r.confidence;
        doc.diagnostics.push(Diagnostic {
            code: DiagnosticCode::Repaired,
            message: format!("the text was mis-decoded ({}) and has been repaired", r.from),
            span: None,
        });
    }
    if let Some(limit) = source.cut_at {
        doc.diagnostics.push(Diagnostic {
            code: DiagnosticCode::InputTruncated,
            message: format!("input cut at the limit of {limit} bytes"),
            span: None,
        });
    }
    if let Some(d) = source.decoded {
        if d.encoding != Encoding::Utf8 || d.bom {
            doc.map_spans(|s| {
                let (a, b) = d.to_input(s.start, s.end);
                Span::new(a, b)
            });
        }
        // A repair names what the text really was; otherwise the encoding read does.
        if source.repaired.is_none() {
            doc.input.encoding = d.encoding.name().to_string();
            doc.input.encoding_confidence = d.confidence;
        }
        doc.input.bom = d.bom;
    }
}
