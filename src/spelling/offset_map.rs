//! The offset map: where each byte of a produced text came from in the input. One
//! type serves both stages that change offsets: `decode` (input bytes → text) and
//! `normalize` (decoded text → normalized text).
//!
//! A sparse list of runs with identity between them (see [`Run`]). A decoder writes
//! one with [`MapBuilder`], run by run and mostly in unit runs (a few hundred bytes of
//! text in one entry); the normalizer writes one edit at a time with
//! [`OffsetMap::push_edit`] (a replaced stretch is a one-character run, a removed one
//! an anchor). [`OffsetMap`] answers look-ups by binary search. Also the character
//! boundary helpers span look-ups use.

use super::vowels::{SKELETON_AA, SKELETON_AW, SKELETON_EE, SKELETON_I, SKELETON_OO, SKELETON_Y, TONE_DOT, vowel_info};

/// `off` (at most `s.len()`), moved back to a character boundary of `s`.
pub(crate) fn floor_boundary(s: &str, off: usize) -> usize {
    let mut off = off.min(s.len());
    while !s.is_char_boundary(off) {
        off -= 1;
    }
    off
}

/// `off` (at most `s.len()`), moved up to a character boundary of `s`.
pub(crate) fn ceil_boundary(s: &str, off: usize) -> usize {
    let mut off = off.min(s.len());
    while !s.is_char_boundary(off) {
        off += 1;
    }
    off
}

// ---------------------------------------------------------------------------
// Offset map: a sparse list of runs; identity between runs
// ---------------------------------------------------------------------------

/// A stretch of the text and where it came from. Three shapes:
/// * `out_len > 0`: `n` consecutive characters, each `out_len` text bytes made from
///   `in_len` input bytes (UTF-16 ASCII, VIQR "o+", TCVN3 "A¸" …);
/// * `out_len == 0`: `n` text bytes (at most `SPAN_CAP`) made from `in_len` input bytes,
///   each character from as many bytes as its [`UnitKind`] says (one per character for
///   TCVN3 and CP1258 text; VNI letters with accents from two). Looking up an offset
///   inside walks these few characters of the text;
/// * `n == 0` (with `out_len > 0`): an anchor that only moves the input position
///   (skipped bytes such as a BOM).
///
/// From the end of a run to the next one, text and input advance byte for byte.
///
/// 16 bytes. Offsets are 32-bit: the text of a parse is at most 3 GiB ([`MAX_INPUT_BYTES`]
/// of a legacy encoding, three UTF-8 bytes a byte).
///
/// [`MAX_INPUT_BYTES`]: crate::decode::MAX_INPUT_BYTES
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    /// Text offset where the run starts.
    out: u32,
    /// Input offset where the run starts (for an anchor: the input offset at `out`).
    inp: u32,
    /// Characters (or, for a unit run, text bytes) in the run.
    n: u16,
    /// Text bytes per character, 0 for a unit run.
    out_len: u16,
    /// Input bytes per character (for a unit run: of the whole run).
    in_len: u32,
}

/// Most input bytes the decoders give one entry: a unit run, or one character (a longer
/// character maps to its first 255 bytes and skips the rest). The byte-sized limit of
/// the first version of the map, kept so that decoders' maps stay as they were.
const DECODER_IN_LEN_CAP: usize = u8::MAX as usize;

/// Longest span (in text bytes) of a unit run: bounds the walk of a lookup.
pub(crate) const SPAN_CAP: usize = 192;

/// How many input bytes made each character of a unit run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// One (single-byte encodings).
    #[default]
    One,
    /// VNI: two for a vowel written with an accent byte, else one.
    Vni,
    /// UTF-16: two, four above U+FFFF.
    Utf16,
}

impl UnitKind {
    #[inline]
    pub(crate) fn in_len(self, c: char) -> usize {
        match self {
            UnitKind::One => 1,
            UnitKind::Vni => match vowel_info(c) {
                // Written with an accent byte: toned or modified vowels, except the
                // one-byte ơ ư, toned i and ỵ.
                Some((s, t, _)) if t > 0 || matches!(s, SKELETON_AW | SKELETON_AA | SKELETON_EE | SKELETON_OO) => {
                    if s == SKELETON_I || (s == SKELETON_Y && t == TONE_DOT) { 1 } else { 2 }
                }
                _ => 1,
            },
            UnitKind::Utf16 => {
                if (c as u32) > 0xFFFF {
                    4
                } else {
                    2
                }
            }
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct OffsetMap {
    /// The runs, by text offset.
    pub(crate) runs: Vec<Run>,
    /// Length of the text and of the input, for the decoders' look-ups at or past the
    /// end ([`OffsetMap::start`]); the normalizer's edits leave them 0.
    out_total: usize,
    pub(crate) in_total: usize,
    /// What the unit runs are made of.
    kind: UnitKind,
}

impl Run {
    /// Text offset where the run starts.
    #[inline]
    pub(crate) fn out_start(&self) -> usize {
        self.out as usize
    }
}

impl OffsetMap {
    /// The map of a text that is its input.
    pub(crate) fn identity(len: usize) -> Self {
        OffsetMap { runs: Vec::new(), out_total: len, in_total: len, kind: UnitKind::One }
    }

    /// Append the normalizer's edit: text `ns..ne` made from input `is..ie`, after all
    /// earlier edits (`ns == ne`: the input `is..ie` was removed at `ns`). Between edits
    /// text and input are equal, shifted.
    #[inline]
    pub(crate) fn push_edit(&mut self, ns: usize, ne: usize, is: usize, ie: usize) {
        debug_assert!(self.runs.last().is_none_or(|r| {
            let (out_end, in_end) = if r.n == 0 {
                (r.out as usize, r.inp as usize)
            } else {
                ((r.out + u32::from(r.n) * u32::from(r.out_len)) as usize, (r.inp + u32::from(r.n) * r.in_len) as usize)
            };
            ns >= out_end && ns - out_end == is - in_end
        }));
        let run = if ne == ns {
            Run { out: ns as u32, inp: ie as u32, n: 0, out_len: 1, in_len: 1 }
        } else {
            // An edit is one group of characters made together (a recomposed run, an
            // entity): tens of bytes, never near 64 KiB.
            let out_len = u16::try_from(ne - ns).unwrap_or(u16::MAX);
            Run { out: ns as u32, inp: is as u32, n: 1, out_len, in_len: (ie - is) as u32 }
        };
        self.runs.push(run);
    }

    /// How many runs (for the normalizer: edits) the map holds; also the point to come
    /// back to with [`OffsetMap::truncate`].
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.runs.len()
    }

    /// True when the map has no runs: the text is its input.
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Forget the runs after the first `len`.
    #[inline]
    pub(crate) fn truncate(&mut self, len: usize) {
        self.runs.truncate(len);
    }

    /// Input offset of the character boundary `o` of a normalized text, as a span start
    /// (`end` false) or a span end. Start: inside an edit, the edit's input start; where
    /// input was removed, the offset after it. End: inside an edit or at its end, the
    /// edit's input end; where input was removed, the offset before it.
    #[inline]
    pub(crate) fn edit_lookup(&self, o: usize, end: bool) -> usize {
        // The normalizer's maps have no unit runs: `char_at` needs no text.
        match (end, o) {
            (false, _) => self.char_at("", o).0,
            (true, 0) => 0,
            (true, _) => self.char_at("", o - 1).1,
        }
    }

    /// Every edit `(ns, ne, is, ie)` pushed with [`OffsetMap::push_edit`], in order (for
    /// tests).
    #[cfg(test)]
    pub(crate) fn edits(&self) -> Vec<(usize, usize, usize, usize)> {
        let (mut out_end, mut in_end) = (0, 0);
        let mut edits = Vec::with_capacity(self.runs.len());
        for r in &self.runs {
            let (ns, is) = (r.out as usize, in_end + (r.out as usize - out_end));
            let edit = if r.n == 0 {
                (ns, ns, is, r.inp as usize)
            } else {
                (ns, ns + r.out_len as usize, r.inp as usize, (r.inp + r.in_len) as usize)
            };
            edits.push(edit);
            (out_end, in_end) = (edit.1, edit.3);
        }
        edits
    }

    /// Input range of the character that contains text byte `p` (`p < out_total`) of
    /// `text`, the text this map belongs to.
    pub(crate) fn char_at(&self, text: &str, p: usize) -> (usize, usize) {
        let i = self.runs.partition_point(|r| r.out as usize <= p);
        if i == 0 {
            return (p, p + 1);
        }
        let r = self.runs[i - 1];
        let (ro, ri, n, ol, il) = (r.out as usize, r.inp as usize, r.n as usize, r.out_len as usize, r.in_len as usize);
        if ol == 0 {
            let end = ro + n;
            if p < end {
                let (mut o, mut q) = (ro, ri);
                for c in text.get(ro..end).unwrap_or_default().chars() {
                    let (l, cl) = (c.len_utf8(), self.kind.in_len(c));
                    if p < o + l {
                        return (q, q + cl);
                    }
                    o += l;
                    q += cl;
                }
            }
            let q = ri + il + (p - end);
            return (q, q + 1);
        }
        let rel = p - ro;
        let span = n * ol;
        if rel < span {
            let k = rel / ol;
            (ri + k * il, ri + (k + 1) * il)
        } else {
            let q = ri + n * il + (rel - span);
            (q, q + 1)
        }
    }

    /// Input range of the character at `o` (whose length is `len`); the tests check
    /// [`OffsetMap::char_ranges`] against it.
    #[cfg(test)]
    pub(crate) fn range_of(&self, text: &str, o: usize, len: usize) -> (usize, usize) {
        (self.char_at(text, o).0, self.char_at(text, o + len - 1).1)
    }

    /// The input range of every character of `text`, in order: what `range_of` gives
    /// for each, in one walk over the runs (`range_of` alone re-walks a unit run of up
    /// to [`SPAN_CAP`] bytes for every character in it).
    pub(crate) fn char_ranges<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, char, usize, usize)> + 'a {
        let mut i = 0usize; // runs[..i] start at or before the current character
        let mut walk = (0usize, 0usize); // unit run i - 1 and the input offset of the next character in it
        text.char_indices().map(move |(o, c)| {
            while i < self.runs.len() && self.runs[i].out as usize <= o {
                i += 1;
            }
            let l = c.len_utf8();
            if i == 0 {
                return (o, c, o, o + l);
            }
            let r = self.runs[i - 1];
            let (ro, ri, n, ol, il) =
                (r.out as usize, r.inp as usize, r.n as usize, r.out_len as usize, r.in_len as usize);
            if ol == 0 {
                if o < ro + n {
                    // Inside a unit run: go on from the previous character of the run.
                    if walk.0 != i {
                        walk = (i, ri);
                    }
                    let cl = self.kind.in_len(c);
                    let q = walk.1;
                    walk.1 += cl;
                    return (o, c, q, q + cl);
                }
                let q = ri + il + (o - ro - n);
                return (o, c, q, q + l);
            }
            let rel = o - ro;
            let span = n * ol;
            if rel < span {
                let k = rel / ol;
                let last = (rel + l - 1) / ol;
                (o, c, ri + k * il, ri + (last + 1) * il)
            } else {
                let q = ri + n * il + (rel - span);
                (o, c, q, q + l)
            }
        })
    }

    /// Input offset of text offset `off` of `text` (the text this map belongs to) as a
    /// span start: floor to a character boundary, then the start of that character's
    /// input bytes.
    pub(crate) fn input_start(&self, text: &str, off: usize) -> usize {
        self.start(text, floor_boundary(text, off))
    }

    /// Input offset of text offset `off` as a span end: ceil to a character boundary,
    /// then the end of the input bytes of the character before it.
    pub(crate) fn input_end(&self, text: &str, off: usize) -> usize {
        self.end(text, ceil_boundary(text, off))
    }

    /// Input range of the text range `s..e`; an empty range maps to an empty range.
    pub(crate) fn input_range(&self, text: &str, s: usize, e: usize) -> (usize, usize) {
        if e <= s {
            let a = self.input_start(text, s);
            return (a, a);
        }
        let s = floor_boundary(text, s);
        let e = ceil_boundary(text, e);
        let a = self.start(text, s);
        if e <= s {
            return (a, a);
        }
        (a, self.end(text, e).max(a))
    }

    pub(crate) fn start(&self, text: &str, off: usize) -> usize {
        if off >= self.out_total { self.in_total } else { self.char_at(text, off).0 }
    }

    pub(crate) fn end(&self, text: &str, off: usize) -> usize {
        let off = off.min(self.out_total);
        if off == 0 { self.start(text, 0) } else { self.char_at(text, off - 1).1 }
    }
}

#[derive(Default)]
pub(crate) struct MapBuilder {
    runs: Vec<Run>,
    out: usize,
    pub(crate) inp: usize,
    kind: UnitKind,
}

impl MapBuilder {
    pub(crate) fn new(kind: UnitKind, capacity: usize) -> Self {
        MapBuilder { runs: Vec::with_capacity(capacity), out: 0, inp: 0, kind }
    }

    /// `n` bytes copied unchanged (any UTF-8).
    #[inline]
    pub(crate) fn ident(&mut self, n: usize) {
        self.out += n;
        self.inp += n;
    }

    /// `n` ASCII characters, one input byte each: joins an open unit run when it fits.
    #[inline]
    pub(crate) fn ascii(&mut self, n: usize) {
        if self.kind != UnitKind::Utf16 {
            self.extend_unit_run(n, n);
        }
        self.out += n;
        self.inp += n;
    }

    /// Character `c` made from `in_len` input bytes.
    #[inline]
    pub(crate) fn push(&mut self, c: char, in_len: usize) {
        if in_len == self.kind.in_len(c) {
            self.push_unit(c.len_utf8(), in_len);
        } else {
            self.unit(c.len_utf8(), in_len);
        }
    }

    /// A character of `ol` text bytes from `in_len` input bytes, where `in_len` is what
    /// the map's kind gives that character.
    #[inline]
    pub(crate) fn push_unit(&mut self, ol: usize, in_len: usize) {
        if !self.extend_unit_run(ol, in_len) {
            self.push_run(ol, 0, in_len);
        }
        self.out += ol;
        self.inp += in_len;
    }

    /// Add `text_bytes` made from `in_bytes` to the unit run that ends where the
    /// builder is, if there is one and it has room; false when there is not.
    #[inline]
    fn extend_unit_run(&mut self, text_bytes: usize, in_bytes: usize) -> bool {
        let Some(r) = self.runs.last_mut() else {
            return false;
        };
        let fits = r.out_len == 0
            && r.out as usize + r.n as usize == self.out
            && r.inp as usize + r.in_len as usize == self.inp
            && r.n as usize + text_bytes <= SPAN_CAP
            && r.in_len as usize + in_bytes <= DECODER_IN_LEN_CAP;
        if fits {
            r.n += text_bytes as u16;
            r.in_len += in_bytes as u32;
        }
        fits
    }

    /// A new run where the builder is (the caller advances it).
    #[inline]
    fn push_run(&mut self, n: usize, out_len: usize, in_len: usize) {
        let (out, inp) = (self.out as u32, self.inp as u32);
        self.runs.push(Run { out, inp, n: n as u16, out_len: out_len as u16, in_len: in_len as u32 });
    }

    /// One character of `out_len` text bytes made from `in_len` input bytes.
    #[inline]
    pub(crate) fn unit(&mut self, out_len: usize, in_len: usize) {
        if out_len == 1 && in_len == 1 {
            self.out += 1;
            self.inp += 1;
            return;
        }
        if in_len > DECODER_IN_LEN_CAP {
            // Pathological (hundreds of combining marks): map to the first 255 bytes.
            self.unit(out_len, DECODER_IN_LEN_CAP);
            self.skip(in_len - DECODER_IN_LEN_CAP);
            return;
        }
        if let Some(r) = self.runs.last_mut() {
            if r.n > 0
                && r.n < u16::MAX
                && r.out_len as usize == out_len
                && r.in_len as usize == in_len
                && r.out as usize + r.n as usize * out_len == self.out
                && r.inp as usize + r.n as usize * in_len == self.inp
            {
                r.n += 1;
                self.out += out_len;
                self.inp += in_len;
                return;
            }
        }
        self.push_run(1, out_len, in_len);
        self.out += out_len;
        self.inp += in_len;
    }

    /// `n` input bytes that produce no text.
    pub(crate) fn skip(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        self.inp += n;
        self.anchor();
    }

    pub(crate) fn anchor(&mut self) {
        match self.runs.last_mut() {
            Some(r) if r.n == 0 && r.out as usize == self.out => r.inp = self.inp as u32,
            _ => self.runs.push(Run { out: self.out as u32, inp: self.inp as u32, n: 0, out_len: 1, in_len: 1 }),
        }
    }

    pub(crate) fn finish(mut self, in_total: usize) -> OffsetMap {
        if self.inp != in_total {
            self.inp = in_total;
            self.anchor();
        }
        self.runs.shrink_to_fit();
        OffsetMap { runs: self.runs, out_total: self.out, in_total, kind: self.kind }
    }
}
