//! The engine: one pass over the input that applies every step of the module
//! documentation, copying untouched stretches whole and recording each edit in the
//! offset map.

use super::*;

/// One character on its way to the output, with the input range it came from.
/// Characters made together (a recomposed run, a decoded entity) share a range.
#[derive(Clone, Copy, Debug)]
pub(super) struct Item {
    pub(super) c: char,
    pub(super) s: usize,
    pub(super) e: usize,
}

/// What the fast scan does with an ASCII byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AsciiClass {
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
pub(super) const ASCII_CLASS: [AsciiClass; 128] = {
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
pub(super) struct ScanTables {
    pub(super) prev: [u8; 256],
    pub(super) cur: [u8; 256],
}

impl ScanTables {
    pub(super) const fn build(tone: ToneStyle) -> ScanTables {
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

    pub(super) fn for_style(tone: ToneStyle) -> &'static ScanTables {
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
pub(super) struct Engine<'a> {
    pub(super) input: &'a str,
    pub(super) tone: ToneStyle,
    pub(super) out: String,
    pub(super) map: OffsetMap,
    /// Input consumed by the output so far.
    pub(super) in_pos: usize,
    /// The open output group: its input range and where it starts in `out`.
    pub(super) group: Option<(usize, usize, usize)>,
    /// Last character passed on by `feed_raw` (for the ZWJ rule).
    pub(super) raw_prev: Option<char>,
    /// Pending entity characters; `ent_levels` holds where each nested `&` is.
    pub(super) ent: Vec<Item>,
    pub(super) ent_levels: Vec<usize>,
    /// The current NFC run: a starter and what follows it.
    pub(super) chunk: Vec<Item>,
    /// Non-starters at the end of the run so far, counted as UAX #15 does (on the
    /// canonical decomposition); `None` until a non-starter comes.
    pub(super) run_non_starters: Option<usize>,
    /// The run is past [`MAX_NON_STARTERS`]: the rest of it goes through as it is.
    pub(super) overlong: bool,
    /// The word being flushed ends in a run past [`MAX_NON_STARTERS`]: its tone marks
    /// stay where they are (moving one would change where the next pass cuts the run,
    /// and normalizing again would not be a fixed point).
    pub(super) word_overlong: bool,
    /// The current word, the character before it, and what it contains.
    pub(super) word: Vec<Item>,
    pub(super) word_prev: Option<char>,
    pub(super) word_latin: bool,
    pub(super) word_glyph: bool,
    /// A space waiting for the next visible character.
    pub(super) pending_space: Option<Item>,
    pub(super) line_start: bool,
    pub(super) newlines: u8,
    pub(super) scratch: Vec<Item>,
    /// Let the slow path hand back to the fast scan (off in some tests).
    pub(super) allow_stop: bool,
}

impl<'a> Engine<'a> {
    pub(super) fn new(input: &'a str, tone: ToneStyle) -> Self {
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
            word_overlong: false,
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
    pub(super) fn run(&mut self) {
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
    pub(super) fn quiet_at(&self, bytes: &[u8], i: usize) -> (bool, usize) {
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
    pub(super) fn recompose(&mut self, commit: usize, i: usize) -> Option<usize> {
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

    pub(super) fn copy_identity(&mut self, a: usize, b: usize) {
        self.close_group();
        self.delete_to(a);
        self.out.push_str(&self.input[a..b]);
        self.in_pos = b;
    }

    /// Record that the input from `in_pos` to `s` was dropped.
    pub(super) fn delete_to(&mut self, s: usize) {
        if s > self.in_pos {
            let at = self.out.len();
            self.map.push_edit(at, at, self.in_pos, s);
            self.in_pos = s;
        }
    }

    /// Run the slow path from `q` (after whitespace, or the text start) until a
    /// stop at or after `min_end`; returns the stop.
    pub(super) fn slow(&mut self, q: usize, min_end: usize) -> usize {
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
    pub(super) fn flush(&mut self) {
        self.ent_fail();
        self.nfc_flush();
        self.word_flush();
    }

    /// Stage 1: read the input character at `i`; returns the next offset.
    pub(super) fn feed_raw(&mut self, i: usize) -> usize {
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
    pub(super) fn ent_push(&mut self, mut it: Item) {
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
    pub(super) fn ent_fail(&mut self) {
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
    pub(super) fn nfc_push(&mut self, it: Item) {
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
            self.word_overlong = true;
        }
        self.word_flush();
        self.ws_push(it);
    }

    pub(super) fn nfc_flush(&mut self) {
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
    pub(super) fn word_push(&mut self, it: Item) {
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

    pub(super) fn word_flush(&mut self) {
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
        if self.tone != ToneStyle::Keep && !self.word_overlong && retone(&mut w, self.tone) {
            recompose_word(&mut w);
        }
        self.word_overlong = false;
        for it in w.drain(..) {
            self.ws_push(it);
        }
        self.word = w;
    }

    /// Stage 5: spaces and newlines.
    pub(super) fn ws_push(&mut self, it: Item) {
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
    pub(super) fn emit(&mut self, it: Item) {
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
    pub(super) fn close_group(&mut self) {
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
pub(super) const MAX_NON_STARTERS: usize = 30;

/// The count of non-starters at the end of a run after `c`, given `count` before it
/// (UAX #15): a character whose canonical decomposition is all non-starters adds
/// them; any other leaves its trailing non-starters.
pub(super) fn stream_safe_count(count: usize, c: char) -> usize {
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
pub(super) fn compose_run(run: &[Item], out: &mut Vec<Item>) {
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
pub(super) fn compose_simple(run: &[Item], out: &mut Vec<Item>, item: impl Fn(char) -> Item) -> bool {
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
pub(super) fn recompose_word(w: &mut Vec<Item>) {
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
pub(super) fn retone(w: &mut [Item], style: ToneStyle) -> bool {
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
pub(super) fn quiet_char(bytes: &[u8], i: usize, tone: ToneStyle) -> (bool, usize) {
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
pub(super) fn tone_quiet_token(tok: &[u8], style: ToneStyle) -> bool {
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
pub(super) fn tone_quiet(bytes: &[u8], i: usize, w: usize, style: ToneStyle) -> bool {
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
pub(super) fn decode_at(bytes: &[u8], i: usize) -> (char, usize) {
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
pub(super) fn newline_quiet(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1) {
        Some(b'\n') => !bytes.get(i + 2).is_some_and(|&b| is_ascii_ws(b)),
        Some(&b) => !is_ascii_ws(b),
        None => true,
    }
}

/// Where the slow path starts for a trigger at `p`: the start of the
/// whitespace-delimited token holding it, then back over the whitespace before
/// it (never before `floor`).
pub(super) fn back_up(bytes: &[u8], p: usize, floor: usize) -> usize {
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
pub(super) fn quiet_start(bytes: &[u8], j: usize) -> bool {
    match bytes.get(j) {
        Some(&b) if b < 0x80 => ASCII_CLASS[usize::from(b)] == AsciiClass::Quiet,
        Some(0xC3..=0xC9) => true,
        Some(0xE1) => matches!(bytes.get(j + 1), Some(0xB8..=0xBB)),
        _ => false,
    }
}
