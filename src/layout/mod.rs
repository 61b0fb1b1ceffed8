//! Layout: the normalized text as blocks (title, paragraphs, captions, byline,
//! footer, and a formal document's header and tail) and the sentences inside them.
//! This file holds the blocks of any text and the sentence splitter; [`formal`] holds
//! the formal document's type heading and its header and tail regions.
//!
//! One line is one block: scraped portals put a paragraph on one line and a photo
//! caption on a line of its own. The headline is the first content line when it reads
//! as one; the portal footer is the run of labelled lines ("Cơ quan chủ quản:",
//! "Địa chỉ:", …) at the end; the byline is the short line just before it.

pub mod chrome;
pub mod formal;
mod wrap;

pub(crate) use wrap::{join_lines, unwrap_lines};

use crate::lexicon::{EntryKind, HonorificKind, Lexicon, Scan, WordList};

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The headline.
    Title,
    /// Body text.
    Paragraph,
    /// A standalone photo caption.
    Caption,
    /// The byline.
    Byline,
    /// A line of the portal footer.
    Footer,
    /// Scraper metadata ("# url = …", "`[img]`", Markdown rules).
    Metadata,
    /// A line of a formal document's header: issuer, motto, number, place and date
    /// (see [`formal::regions`]).
    Header,
    /// A line of a formal document's tail: signature block and "Nơi nhận" list.
    Signature,
}

/// A line of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// First byte in the normalized text (leading Markdown stripped).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The blocks of a document, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Non-empty lines, classified.
    pub blocks: Vec<Block>,
}

/// The longest line (in chars) that can still be a caption or a headline.
const MAX_CAPTION_CHARS: usize = 220;
const MAX_TITLE_CHARS: usize = 260;
const MAX_BYLINE_CHARS: usize = 70;

fn trim_span(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    // Markdown emphasis and heading marks around a line.
    while s < e && matches!(b[s], b' ' | b'*' | b'#' | b'_' | b'>') {
        s += 1;
    }
    while e > s && matches!(b[e - 1], b' ' | b'*' | b'_') {
        e -= 1;
    }
    (s, e)
}

/// The lines of `text`, as `text.split('\n')` gives them (the last one after the last
/// `\n`, empty when the text ends with one), the line ends found by SIMD byte search:
/// the line-by-line passes (blocks, line joining, list markers) each walk the whole text.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let s = start?;
        match ends.next() {
            Some(e) => {
                start = Some(e + 1);
                Some(&text[s..e])
            }
            None => {
                start = None;
                Some(&text[s..])
            }
        }
    })
}

fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| matches!(c, '=' | '-' | '*' | '_' | '~'))
}

fn is_metadata(line: &str) -> bool {
    let t = line.trim();
    is_rule_line(t)
        || t.starts_with("# ") && t.contains(" = ")
        || t.eq_ignore_ascii_case("[img]")
        || t.starts_with("[img]") && t.len() < 8
        || t.starts_with("![")
        || t.starts_with(">>")
}

/// True when the line ends like a sentence.
fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

fn first_cue<'a>(lex: &'a Lexicon, scan: &Scan, s: usize, e: usize) -> Option<(usize, &'a str)> {
    Scan::within(&scan.cues, s, e)
        .first()
        .and_then(|m| lex.cue_entries(m).find(|c| !c.meeting).map(|c| (m.start() - s, c.name.as_str())))
}

fn has_cue(lex: &Lexicon, scan: &Scan, s: usize, e: usize, name: &str) -> bool {
    Scan::within(&scan.cues, s, e).iter().any(|m| lex.cue_entries(m).any(|c| c.name == name))
}

/// Does the line open with an address form or title (a person caption)?
fn starts_with_person_word(lex: &Lexicon, text: &str, scan: &Scan, s: usize, e: usize) -> bool {
    let Some(first) = Scan::within(&scan.person, s, e).first() else { return false };
    if first.start() != s {
        return false;
    }
    let written = &text[first.start()..first.end()];
    lex.person_entries(first, written).any(|en| {
        matches!(
            en.kind,
            EntryKind::Honorific(HonorificKind::Address | HonorificKind::Rank | HonorificKind::Degree)
                | EntryKind::Title { .. }
        )
    })
}

/// Does the line hold a personal name: two or more capitalized syllables, the first
/// a family name?
fn names_someone(lex: &Lexicon, line: &str, key: &str, ascii: bool) -> bool {
    let mut words = line
        .split(|c: char| !crate::spelling::is_word_char(c))
        .zip(key.split(|c: char| !crate::spelling::is_word_char(c)))
        .filter(|(w, _)| !w.is_empty());
    let cap =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(|c| !c.is_uppercase());
    // Word pairs as they come (a list of the line's words took 32 bytes a word).
    let Some(mut prev) = words.next() else { return false };
    words.any(|w| {
        let p = std::mem::replace(&mut prev, w);
        cap(p.0) && cap(w.0) && lex.surname(p.1, ascii).is_some_and(|s| !s.word)
    })
}

/// Split the normalized text into classified blocks: one step per kind of block, in
/// this order (each step only relabels blocks the steps before left as paragraphs).
pub fn layout(text: &str, key: &str, lex: &Lexicon, scan: &Scan) -> Layout {
    let mut blocks = line_blocks(text);
    chrome::mark_chrome(text, key, lex, &mut blocks);
    join_broken_names(text, key, lex, scan.ascii, &mut blocks);
    mark_footer(text, lex, scan, &mut blocks);
    let formal_heading = mark_title(text, key, lex, scan, &mut blocks);
    mark_byline_under_title(text, &mut blocks);
    mark_captions(text, lex, scan, &mut blocks);
    let formal = blocks.iter().any(|b| b.kind == BlockKind::Title) && formal_heading.is_some();
    if !formal {
        mark_last_byline(text, key, lex, scan, &mut blocks);
    }
    // Formal documents: header and signature regions.
    formal::regions(text, key, lex, &mut blocks);
    Layout { blocks }
}

/// The non-empty lines as blocks: scraper metadata, or paragraphs (Markdown marks
/// trimmed).
fn line_blocks(text: &str) -> Vec<Block> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in self::lines(text) {
        let (s, e) = (pos, pos + line.len());
        pos = e + 1;
        if !line.trim().is_empty() {
            lines.push((s, e));
        }
    }
    lines
        .iter()
        .map(|&(s, e)| {
            let kind = if is_metadata(&text[s..e]) { BlockKind::Metadata } else { BlockKind::Paragraph };
            let (s, e) = trim_span(text, s, e);
            Block { kind, start: s, end: e }
        })
        .filter(|b| b.start < b.end)
        .collect()
}

/// Footer: from the first labelled footer line among the last lines to the end.
fn mark_footer(text: &str, lex: &Lexicon, scan: &Scan, blocks: &mut [Block]) {
    let n = blocks.len();
    // A portal banner above the article never starts the footer: the footer comes after
    // the article's first long paragraph.
    let tail_from = n.saturating_sub(12).max(body_start(text, blocks).map_or(0, |b| b + 1));
    let footer_from = (tail_from..n).find(|&i| {
        let b = blocks[i];
        b.kind == BlockKind::Paragraph
            && !chrome::more_chars_than(&text[b.start..b.end], 200)
            && matches!(first_cue(lex, scan, b.start, b.end), Some((0, "footer")))
    });
    if let Some(f) = footer_from {
        for b in &mut blocks[f..] {
            if b.kind == BlockKind::Paragraph {
                b.kind = BlockKind::Footer;
            }
        }
    }
}

/// The article's first paragraph: the first that reads as body text (a sentence of 40
/// characters or more, or any line of 120), above which sit banners and menus.
pub(crate) fn body_start(text: &str, blocks: &[Block]) -> Option<usize> {
    blocks.iter().position(|b| {
        let line = &text[b.start..b.end];
        b.kind == BlockKind::Paragraph
            && (chrome::more_chars_than(line, 119) || line.ends_with('.') && chrome::more_chars_than(line, 39))
    })
}

/// The title: a formal document's type heading, or else the headline of a news
/// report. Returns the formal heading's block, when there is one.
fn mark_title(text: &str, key: &str, lex: &Lexicon, scan: &Scan, blocks: &mut [Block]) -> Option<usize> {
    // Scraper dumps with "# key = value" metadata carry no headline in the text.
    let has_metadata =
        blocks.first().is_some_and(|b| b.kind == BlockKind::Metadata && text[b.start..b.end].contains(" = "));
    let content: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].kind == BlockKind::Paragraph).collect();
    let formal_heading = formal::formal_title(text, key, lex, scan, blocks, &content);
    if let Some(t) = formal_heading {
        // A formal document (national motto in its header): the title is the
        // document-type heading ("THÔNG BÁO", "TỜ TRÌNH", "BIÊN BẢN HỌP …").
        blocks[t].kind = BlockKind::Title;
    } else if !has_metadata {
        mark_headline(text, key, lex, scan, blocks, &content);
    }
    formal_heading
}

/// A news headline: the first content line when it reads as one (and the next line
/// when the headline breaks over it).
fn mark_headline(text: &str, key: &str, lex: &Lexicon, scan: &Scan, blocks: &mut [Block], content: &[usize]) {
    let Some(&i) = content.first() else { return };
    let b = blocks[i];
    let line = &text[b.start..b.end];
    let chars = line.chars().count();
    // After a crawler's date prefix comes the page's description: a headline there
    // does not end like a sentence ("… Phú Thọ.", "…", "(Toàn văn …)").
    let after_prefix = i > 0
        && blocks[i - 1].kind == BlockKind::Metadata
        && !text[blocks[i - 1].end..b.start].contains('\n')
        && (ends_sentence(line) || line.ends_with(['…', ')']));
    // The lead's date and a comma ("Sáng 25/10, Thủ tướng …", "Sáng nay (28/5), …"),
    // a decree's "Căn cứ …;" line, a photo caption ("(thứ 2 từ trái sang)"): no headline.
    let k = &key[b.start..b.end];
    let lead_date = starts_with_date_lead(lex, k)
        && line.char_indices().take(40).any(|(_, c)| c == ',')
        && (ends_sentence(line) || line.ends_with('…') || chars > 160);
    let caption = lex.words(WordList::CaptionMark).iter().any(|m| k.contains(m.as_str()));
    if after_prefix || lead_date || caption || line.ends_with(';') {
        return;
    }
    let agency_lead =
        line.starts_with('(') && line[..line.char_indices().nth(24).map_or(line.len(), |(i, _)| i)].contains(") -");
    // A line that opens with a title or honorific, names someone and ends like a
    // sentence is a caption ("Bí thư Thành ủy Nguyễn Văn A phát biểu khai mạc."), not a headline.
    let person_first = starts_with_person_word(lex, text, scan, b.start, b.end)
        && names_someone(lex, line, &key[b.start..b.end], scan.ascii)
        && line.ends_with('.');
    // A headline may end with a period when a blank line follows it (portal style),
    // but never opens with the lead's date ("Sáng 8/7, …").
    let blank_after = text[b.end..].trim_start_matches([' ', '\t']).starts_with("\n\n")
        || text[b.end..].starts_with("\n") && text[b.end + 1..].trim_start_matches(' ').starts_with('\n');
    // Nor is a headline two sentences: "… ở phút 19. Sau pha đi bóng … cản phá.".
    let period_ok = !line.ends_with('.')
        || (blank_after
            && !starts_with_date_lead(lex, &key[b.start..b.end])
            && sentences(text, b.start, b.end).len() < 2);
    if content.len() > 1
        && chars <= MAX_TITLE_CHARS
        && !agency_lead
        && !person_first
        && period_ok
        && !line.ends_with(':')
    {
        blocks[i].kind = BlockKind::Title;
        // A headline broken over lines: the next content line goes on in lower case.
        if let Some(&j) = content.get(1) {
            let next = &text[blocks[j].start..blocks[j].end];
            if next.chars().next().is_some_and(char::is_lowercase)
                && !chrome::more_chars_than(next, 160)
                && !next.ends_with('.')
            {
                blocks[j].kind = BlockKind::Title;
            }
        }
    }
}

/// A byline at the top: a bare name on its own line between the headline and the lead.
fn mark_byline_under_title(text: &str, blocks: &mut [Block]) {
    if let Some(t) = blocks.iter().rposition(|b| b.kind == BlockKind::Title) {
        let next =
            (t + 1..blocks.len()).filter(|&j| blocks[j].kind == BlockKind::Paragraph).take(2).collect::<Vec<_>>();
        if let [j, _] = next[..] {
            if j == t + 1 && is_plain_name(&text[blocks[j].start..blocks[j].end]) {
                blocks[j].kind = BlockKind::Byline;
            }
        }
    }
}

/// Captions: short standalone lines about a person, or generic photo captions.
fn mark_captions(text: &str, lex: &Lexicon, scan: &Scan, blocks: &mut [Block]) {
    for block in blocks.iter_mut() {
        let b = *block;
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let line = &text[b.start..b.end];
        if chrome::more_chars_than(line, MAX_CAPTION_CHARS) || line.ends_with([':', ';', ',']) {
            continue;
        }
        let inner_sentences = line.trim_end_matches('.').matches(". ").count();
        let credit = has_cue(lex, scan, b.start, b.end, "photo_credit");
        let generic = matches!(first_cue(lex, scan, b.start, b.end), Some((0, "generic_caption")));
        let person = starts_with_person_word(lex, text, scan, b.start, b.end);
        if (person && inner_sentences == 0 && (!ends_sentence(line) || !chrome::more_chars_than(line, 119)))
            || (generic && inner_sentences <= 1)
            || (credit && inner_sentences <= 1 && !ends_sentence(line.trim_end_matches('.')))
        {
            block.kind = BlockKind::Caption;
        }
    }
}

/// Byline: the last content line before the footer (and before a trailing
/// "more(…)" teaser), when short and not a sentence; or a byline glued to the end of
/// the last paragraph, split off into a block of its own.
fn mark_last_byline(text: &str, key: &str, lex: &Lexicon, scan: &Scan, blocks: &mut Vec<Block>) {
    let last = (0..blocks.len()).rev().find(|&i| {
        matches!(blocks[i].kind, BlockKind::Paragraph | BlockKind::Caption)
            && !text[blocks[i].start..blocks[i].end].starts_with("more(")
    });
    let Some(mut i) = last else { return };
    // A labelled byline after the article's last long paragraph ("Tác giả bài viết: A"),
    // with page chrome after it: the first such line.
    let body_end = (0..blocks.len()).rev().find(|&j| {
        blocks[j].kind == BlockKind::Paragraph && chrome::more_chars_than(&text[blocks[j].start..blocks[j].end], 119)
    });
    if let Some(e) = body_end {
        let labelled_colon = |j: usize| {
            let b = blocks[j];
            b.kind == BlockKind::Paragraph
                && !chrome::more_chars_than(&text[b.start..b.end], 80)
                && Scan::within(&scan.cues, b.start, b.end).first().is_some_and(|m| {
                    m.start() == b.start
                        && key_ends_label(&text[m.start()..m.end()])
                        && lex.cue_entries(m).any(|c| c.name == "byline_label")
                })
        };
        if let Some(j) = (e + 1..blocks.len()).take(12).find(|&j| labelled_colon(j)) {
            i = j;
        }
    }
    let b = blocks[i];
    let line = text[b.start..b.end].trim_end_matches([' ', '.']);
    // Counted up to 9: only "at most 8" matters (the last block may be a long paragraph).
    let words = line.split_whitespace().take(9).count();
    let labelled = matches!(first_cue(lex, scan, b.start, b.end), Some((0, "byline_label")));
    let plain = blocks[i].kind == BlockKind::Paragraph
        && words <= 8
        && !chrome::more_chars_than(line, MAX_BYLINE_CHARS)
        && (!ends_sentence(line) || words <= 2)
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.chars().any(|c| c.is_ascii_digit())
        && !starts_with_person_word(lex, text, scan, b.start, b.end)
        && (names_an_author(lex, line, &key[b.start..b.start + line.len()], scan.ascii)
            || Scan::within(&scan.org, b.start, b.end).first().is_some_and(|m| m.start() == b.start));
    if i > 0 && (plain || labelled && !chrome::more_chars_than(line, 120)) {
        blocks[i].kind = BlockKind::Byline;
    } else if blocks[i].kind == BlockKind::Paragraph {
        // A byline glued to the end of the last paragraph: "… được giao. Công Hạnh".
        if let Some(tail) = glued_byline(text, b.start, b.end) {
            blocks[i].end = b.start + text[b.start..tail].trim_end().len();
            blocks.insert(i + 1, Block { kind: BlockKind::Byline, start: tail, end: b.end });
        }
    }
}

/// Does a label cue end like a label ("Tác giả:")?
fn key_ends_label(s: &str) -> bool {
    s.trim_end().ends_with(':')
}

/// Can a short last line be a byline (when it does not open with an office, "Ban Dân
/// vận Huyện ủy"): every word capitalized ("Kim Ngân", "HỒ LAN"), or
/// a family name first ("Vương hợp"); one word only with a mark of an abbreviation
/// ("M.Q.", "TTXVN/Tin Tức") or in capitals ("PV"). A page cut off mid-sentence ends
/// with no byline: "Thay mặt", "Ho".
fn names_an_author(lex: &Lexicon, line: &str, key: &str, ascii: bool) -> bool {
    // A note after the name ("(Thực hiện)", "(t/h)") is read by the byline recognizer.
    let line = match line.strip_suffix(')').and_then(|u| u.rsplit_once(" (")) {
        Some((name, _)) => name,
        None => line,
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let cap = |w: &str| w.trim_start_matches(['(', '“', '"']).chars().next().is_none_or(|c| !c.is_lowercase());
    if words.len() == 1 {
        let w = words[0];
        return w.contains(['.', '/'])
            || w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    }
    words.iter().all(|w| cap(w))
        || key.split_whitespace().next().is_some_and(|k| lex.surname(k, ascii).is_some_and(|s| !s.word))
}

/// 2 to 5 capitalized words and nothing else: "Nguyễn Văn Hòa".
pub(crate) fn is_plain_name(s: &str) -> bool {
    let n = s.split_whitespace().take(6).count();
    (2..=5).contains(&n)
        && s.split_whitespace().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
        })
}

/// Join two paragraph lines when a line break falls inside a personal name: the line
/// ends with a capitalized family name after a lower-case word ("… của đồng chí Nguyễn")
/// and the next line opens with a capitalized syllable ("Văn Thành, Bí thư …").
fn join_broken_names(text: &str, key: &str, lex: &Lexicon, ascii: bool, blocks: &mut Vec<Block>) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks.drain(..) {
        let Some(a) = out.last().copied() else {
            out.push(b);
            continue;
        };
        let line = &text[a.start..a.end];
        let mut words = line.rsplit(' ');
        let last = words.next().unwrap_or("");
        let before = words.next().unwrap_or("");
        let last_key = &key[a.end - last.len()..a.end];
        let broken = a.kind == BlockKind::Paragraph
            && b.kind == BlockKind::Paragraph
            && last.chars().next().is_some_and(char::is_uppercase)
            && last.chars().skip(1).all(char::is_lowercase)
            && before.chars().next().is_some_and(char::is_lowercase)
            && lex.surname(last_key, ascii).is_some_and(|s| !s.word)
            && text[a.end..b.start].matches('\n').count() == 1
            && text[b.start..b.end].split(' ').next().is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase)
            });
        match out.last_mut() {
            Some(prev) if broken => prev.end = b.end,
            _ => out.push(b),
        }
    }
    *blocks = out;
}

/// Does the line open with a part of day or "Ngày" and a date ("Sáng 8/7,", "Ngày 3/7/2019,")?
fn starts_with_date_lead(lex: &Lexicon, key: &str) -> bool {
    let first = key.split_whitespace().next().unwrap_or("");
    lex.is_in(WordList::DateLineOpener, first)
        && key
            .split_whitespace()
            .take(4)
            .any(|w| w.trim_start_matches('(').chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Where a byline glued to the end of a paragraph starts: the last sentence is two to
/// six capitalized words (a name, "TTXVN/Tin Tức", "Hoàng Thị Hoa (TTXVN)"), or a
/// labelled byline ("Thực hiện: …").
fn glued_byline(text: &str, start: usize, end: usize) -> Option<usize> {
    let line = &text[start..end];
    let body = line.trim_end();
    let cut = body.rfind(". ").map(|p| p + 2)?;
    let tail = &body[cut..];
    let label = ["Thực hiện:", "Tác giả:", "Tin, ảnh:", "Tin và ảnh:", "Bài, ảnh:"].iter().find(|l| tail.contains(*l));
    let (from, name) = match label {
        Some(l) => {
            let p = tail.find(l).unwrap_or(0);
            (cut + p, tail[p + l.len()..].trim())
        }
        None => (cut, tail),
    };
    let words: Vec<&str> = name.split_whitespace().filter(|w| !matches!(*w, "-" | "–" | "/")).collect();
    let capitalized = words.iter().all(|w| {
        let w = w.trim_start_matches('(');
        w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || w.contains('/')
    });
    let ok = (1..=6).contains(&words.len())
        && (words.len() >= 2 || label.is_some() || name.contains('/'))
        && capitalized
        && !name.ends_with(['.', ':', ';', ','])
        && name.chars().count() <= 60;
    ok.then_some(start + from)
}

/// Abbreviations that end with a dot inside a sentence.
fn is_abbrev(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '"']);
    let n = w.chars().count();
    n == 0
        || n <= 2 && w.chars().all(char::is_uppercase)
        || matches!(
            w,
            "TP" | "Tp"
                | "TS"
                | "ThS"
                | "PGS"
                | "GS"
                | "BS"
                | "KS"
                | "Th.S"
                | "St"
                | "Ths"
                | "TT"
                | "P"
                | "Q"
                | "Đ/c"
                | "đ/c"
                | "v.v"
                | "TX"
                | "Mr"
                | "Ms"
        )
}

/// Sentences of `text[start..end]`: split after `.`, `!`, `?` followed by a space and
/// an upper-case letter, digit, quote or bracket, except after common abbreviations.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for_each_sentence(text, start, end, |s, e| out.push((s, e)));
    out
}

/// [`sentences`], each handed to `f` as `(start, end)` in order (no list built).
pub(crate) fn for_each_sentence(text: &str, start: usize, end: usize, mut f: impl FnMut(usize, usize)) {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut from = 0;
    for i in sentence_marks(b) {
        let c = b[i];
        if i + 2 < b.len() && b[i + 1] == b' ' {
            let next = s[i + 2..].chars().next().unwrap_or(' ');
            let word_start = s[..i].rfind(' ').map_or(0, |p| p + 1);
            let word = &s[word_start..i];
            let boundary = (next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '(' | '-'))
                && !(c == b'.' && is_abbrev(word));
            if boundary {
                f(start + from, start + i + 1);
                from = i + 2;
            }
        }
    }
    if from < b.len() {
        f(start + from, end);
    }
}

/// The offsets of the bytes `.`, `!` and `?` in `b`, in order (SIMD byte search: most
/// of a paragraph holds none).
fn sentence_marks(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr3_iter(b'.', b'!', b'?', b)
}

#[cfg(test)]
mod tests {
    /// Formerly a doc example (the item is private since issue 11).
    #[test]
    fn blocks_of_a_short_report() {
        use crate::layout::{BlockKind, layout};
        let text = "HỘI NGHỊ SƠ KẾT\n\nSáng 8/7, UBND tỉnh tổ chức hội nghị.\n\nQuang cảnh hội nghị\n\nMinh Châu";
        let key = crate::key::key(text);
        let lex = crate::Lexicon::default();
        let scan = lex.scan(text, &key, false);
        let kinds: Vec<BlockKind> = layout(text, &key, &lex, &scan).blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Title, BlockKind::Paragraph, BlockKind::Caption, BlockKind::Byline]);
    }

    /// Formerly a doc example (the item is private since issue 11).
    #[test]
    fn sentences_example() {
        let t = "Sáng 8/7, TP. Huế họp. Đồng chí A dự.";
        assert_eq!(crate::layout::sentences(t, 0, t.len()).len(), 2);
    }

    use super::*;

    proptest::proptest! {
        /// `lines` cuts where `split('\n')` does, the empty last line included.
        #[test]
        fn lines_match_split(s in "[a-z \n\r.đ\u{0}-\u{7f}]{0,40}") {
            proptest::prop_assert_eq!(lines(&s).collect::<Vec<_>>(), s.split('\n').collect::<Vec<_>>());
        }
    }

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let lex = Lexicon::default();
        let key = crate::key::key(text);
        let scan = lex.scan(text, &key, false);
        layout(text, &key, &lex, &scan).blocks.iter().map(|b| (b.kind, text[b.start..b.end].to_string())).collect()
    }

    #[test]
    fn headline_paragraph_caption_byline_footer() {
        let t = "HỘI NGHỊ GIAO BAN QUÝ I\n\nSáng 8/4, Huyện ủy tổ chức hội nghị giao ban.\n\nĐ/c Nguyễn Văn An, Bí thư Huyện ủy phát biểu\n\nQuang cảnh hội nghị\n\nHội nghị đã thống nhất các nội dung.\n\nMinh Châu\n\nCơ quan chủ quản: UBND huyện\nĐịa chỉ: Thị trấn\nEmail: a@b.vn";
        let k: Vec<BlockKind> = kinds(t).into_iter().map(|x| x.0).collect();
        use BlockKind::*;
        assert_eq!(k, [Title, Paragraph, Caption, Caption, Paragraph, Byline, Footer, Footer, Footer]);
    }

    #[test]
    fn agency_lead_and_person_first_line_are_not_titles() {
        let k = kinds("(BĐ) - Sáng 22.4, Ban Tuyên giáo tổ chức gặp mặt.\nDự có các đồng chí lãnh đạo.");
        assert_eq!(k[0].0, BlockKind::Paragraph);
        let k =
            kinds("Bí thư Thành ủy Nguyễn Văn A phát biểu khai mạc hội nghị.\nSáng 29/4, Thành ủy tổ chức hội nghị.");
        assert_ne!(k[0].0, BlockKind::Title);
    }

    #[test]
    fn metadata_and_markdown() {
        // A scraper dump with "# key = value" metadata carries no headline in the text.
        let k = kinds("# url = https://x.vn/a\nBí thư phát biểu khai mạc hội nghị\nSáng 29/4, Thành ủy họp.\n");
        assert_eq!(k[0].0, BlockKind::Metadata);
        assert_ne!(k[1].0, BlockKind::Title);
        // Markdown: the underline is metadata, the bold byline is unwrapped.
        let k =
            kinds("Tiêu đề bài viết\n=====\nNội dung bài viết dài.\n**Nụ Bùi**\nmore(HDDTVN) - Sáng nay, Bộ họp.\n");
        assert_eq!(k[0].0, BlockKind::Title);
        assert_eq!(k[1].0, BlockKind::Metadata);
        assert_eq!(k[3], (BlockKind::Byline, "Nụ Bùi".to_string()));
    }

    #[test]
    fn byline_glued_to_the_last_paragraph() {
        let k = kinds("Tiêu đề\nHội nghị đã thành công tốt đẹp. Hoàng Thị Hoa (TTXVN)\n");
        assert_eq!(k[1], (BlockKind::Paragraph, "Hội nghị đã thành công tốt đẹp.".to_string()));
        assert_eq!(k[2], (BlockKind::Byline, "Hoàng Thị Hoa (TTXVN)".to_string()));
        let k = kinds("Tiêu đề\nHội nghị đã thành công tốt đẹp. Ngày mai họp tiếp\n");
        assert_eq!(k.len(), 2, "{k:?}");
    }

    #[test]
    fn formal_document_title_is_the_type_heading() {
        let t = "UBND HUYỆN AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/TB-UBND\nTHÔNG BÁO\nKết luận của Chủ tịch UBND huyện\nNội dung.";
        let k = kinds(t);
        assert_eq!(k.iter().find(|x| x.0 == BlockKind::Title).map(|x| x.1.as_str()), Some("THÔNG BÁO"));
    }

    #[test]
    fn long_lines_are_paragraphs_not_captions() {
        let long = format!("Đồng chí Nguyễn Văn An phát biểu {}.", "rất dài ".repeat(40));
        let k = kinds(&format!("Tiêu đề\n{long}\nKết thúc bài viết ở đây."));
        assert_eq!(k[1].0, BlockKind::Paragraph);
    }

    #[test]
    fn sentence_split_guards_abbreviations() {
        let t = "Đồng chí A dự họp tại TP. Huế. Sau đó, ThS. Nguyễn B phát biểu! Hội nghị kết thúc";
        let s: Vec<&str> = sentences(t, 0, t.len()).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(s, ["Đồng chí A dự họp tại TP. Huế.", "Sau đó, ThS. Nguyễn B phát biểu!", "Hội nghị kết thúc"]);
    }
}
