//! Pathological inputs: no input shape may cost much more time or memory per byte than
//! ordinary news text.
//!
//! Each test builds one input of about 1 MB (2 MB for the text without newlines), times
//! `Parser::parse` on it (best of 3) and on news text of the same size in the same run,
//! and asserts the time per MB is at most [`MAX_TIME_RATIO`] times the news text's
//! (anything under [`FLOOR_MS_PER_MB`] passes, so tiny timings cannot flake). Then it
//! measures the peak heap of one parse with `dhat` (the parser is built and warmed up
//! first; only what the parse itself holds counts) and asserts it is at most
//! [`MAX_HEAP_RATIO`] times the input size.
//!
//! The tests take one lock, so timings and heap statistics do not mix. Run with
//! `--nocapture` to see the table lines.

use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Instant;
use vanban::Parser;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Time per MB at most this many times the news text's.
const MAX_TIME_RATIO: f64 = 3.0;
/// Time per MB under this always passes.
const FLOOR_MS_PER_MB: f64 = 50.0;
/// Peak heap of a parse at most this many times the input size.
const MAX_HEAP_RATIO: f64 = 4.0;
/// Size of each input.
const MB: usize = 1 << 20;

fn lock() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|p| p.into_inner())
}

fn parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(Parser::default)
}

/// `piece` repeated up to `size` bytes (cut on a character boundary).
fn repeat_to(piece: &str, size: usize) -> String {
    let mut s = piece.repeat(size / piece.len() + 1);
    let mut end = size;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// The fixtures' texts, concatenated.
fn fixtures() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("fixture") + "\n\n").collect()
}

fn news() -> &'static str {
    static NEWS: OnceLock<String> = OnceLock::new();
    NEWS.get_or_init(|| repeat_to(&fixtures(), MB))
}

/// Best of 3, in ms per MB of input.
fn ms_per_mb(text: &str) -> f64 {
    let p = parser();
    let best = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(p.parse(std::hint::black_box(text)));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    best * 1e3 / (text.len() as f64 / MB as f64)
}

/// Peak heap of one parse of `text`, in bytes above what was live before it.
fn peak_heap(text: &str) -> u64 {
    let p = parser();
    let _profiler = dhat::Profiler::builder().testing().build();
    let doc = p.parse(text);
    let peak = dhat::HeapStats::get().max_bytes as u64;
    drop(doc);
    peak
}

/// Time and heap of `text` against the news text; panics past the bounds.
fn check(name: &str, text: &str) {
    let _guard = lock();
    let p = parser();
    p.parse("Sáng 8/7/2024, UBND xã tổ chức hội nghị."); // lazily built tables, if any
    let news = ms_per_mb(news());
    let this = ms_per_mb(text);
    let heap = peak_heap(text);
    let ratio = this / news;
    let heap_ratio = heap as f64 / text.len() as f64;
    eprintln!(
        "| {name} | {:.2} MB | {this:.0} ms/MB | news {news:.0} ms/MB | time ratio {ratio:.2} | peak heap {:.1} MB = {heap_ratio:.2}x |",
        text.len() as f64 / MB as f64,
        heap as f64 / MB as f64
    );
    assert!(
        this <= FLOOR_MS_PER_MB || ratio <= MAX_TIME_RATIO,
        "{name}: {this:.0} ms/MB is {ratio:.1} times the news text's {news:.0} ms/MB (limit {MAX_TIME_RATIO})"
    );
    assert!(
        heap_ratio <= MAX_HEAP_RATIO,
        "{name}: peak heap {heap} bytes is {heap_ratio:.1} times the input's {} bytes (limit {MAX_HEAP_RATIO})",
        text.len()
    );
}

/// A small deterministic generator (xorshift), so the inputs are the same every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn news_text() {
    check("news text", news());
}

#[test]
fn no_newline() {
    let text = repeat_to(&fixtures().replace('\n', " "), 2 * MB);
    check("2 MB without a newline", &text);
}

#[test]
fn comrade_abbreviation() {
    check("\"Đ/c \" repeated", &repeat_to("Đ/c ", MB));
}

#[test]
fn enumerators() {
    let text: String = (1..=100_000).map(|i| format!("({i})")).collect();
    check("100 000 enumerators (1)(2)…", &text);
}

#[test]
fn capitalized_syllables() {
    const WORDS: &[&str] = &[
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Văn", "Thị", "Đức", "Minh", "Hồng", "An",
        "Bình", "Cường", "Dũng", "Hương", "Lan", "Quỳnh", "Thủy", "Tuấn", "Hùng", "Hòa",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(MB + 16);
    while text.len() < MB {
        text.push_str(WORDS[rng.below(WORDS.len())]);
        text.push(' ');
    }
    check("capitalized syllables, no punctuation", &text);
}

#[test]
fn deep_parentheses() {
    let text = "(".repeat(MB / 2) + &")".repeat(MB / 2);
    check("deep parentheses", &text);
}

#[test]
fn combining_marks() {
    let text = "a".to_string() + &"\u{301}".repeat(100_000);
    check("100 000 combining marks on one letter", &text);
}

#[test]
fn dashes() {
    check("a million \"-\"", &"-".repeat(1_000_000));
}

#[test]
fn role_phrase() {
    check("\"Chủ tịch UBND huyện, \" repeated", &repeat_to("Chủ tịch UBND huyện, ", MB));
}

#[test]
fn dates() {
    check("\"ngày 1/1/2020 \" repeated", &repeat_to("ngày 1/1/2020 ", MB));
}
