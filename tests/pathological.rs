//! Pathological inputs: no input shape may cost much more time or memory per byte than
//! ordinary news text.
//!
//! Each input is built here, about [`SIZE`] bytes (1 MB in optimized builds, 256 KB in
//! debug builds; twice that for the text without newlines). Two tests per input:
//!
//! - `time_*`: `Parser::parse` on the input and on news text of the same size
//!   (the fixtures repeated), best of 3, interleaved in the same run; the time per MB is
//!   at most [`MAX_TIME_RATIO`] times the news text's (anything under
//!   [`FLOOR_MS_PER_MB`] passes, so tiny timings cannot flake);
//! - `heap_*`: the peak heap of one parse, measured with `dhat` above what was live
//!   before it (the parser is built and warmed up first), is at most
//!   [`MAX_HEAP_RATIO`] times the input size.
//!
//! Every input is within both bounds. `cargo test --release --test pathological --
//! --nocapture` prints a table line per test (an input that breaks a bound in the
//! future gets `#[ignore]` only with its measured ratio and where the time or memory
//! goes). The tests take one lock, so timings and heap statistics do not mix.

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
/// A megabyte.
const MB: usize = 1 << 20;
/// Size of each input: 1 MB in optimized builds, 256 KB in debug builds (which parse
/// about ten times slower), so `cargo test` stays quick.
const SIZE: usize = if cfg!(debug_assertions) { MB / 4 } else { MB };

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
    NEWS.get_or_init(|| repeat_to(&fixtures(), SIZE))
}

/// Best of 3 for `text` and for the news text, interleaved so load changes hit both; in
/// ms per MB of input.
fn ms_per_mb(text: &str) -> (f64, f64) {
    let p = parser();
    let time = |t: &str| {
        let start = Instant::now();
        std::hint::black_box(p.parse(std::hint::black_box(t)));
        start.elapsed().as_secs_f64() * 1e3 / (t.len() as f64 / MB as f64)
    };
    let (mut this, mut news_best) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..3 {
        news_best = news_best.min(time(news()));
        this = this.min(time(text));
    }
    (this, news_best)
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

/// Take the lock and warm the parser up (tables built on first use, if any).
fn setup() -> MutexGuard<'static, ()> {
    let guard = lock();
    parser().parse("Sáng 8/7/2024, UBND xã tổ chức hội nghị. Đ/c Nguyễn Văn An, Chủ tịch UBND xã, chủ trì.");
    guard
}

/// Time per MB of the input `make` builds against the news text's; panics past the
/// bound. The input is built under the lock, so no other test allocates or computes
/// while one measures.
fn check_time<S: AsRef<str>>(name: &str, make: impl FnOnce() -> S) {
    let _guard = setup();
    let text = make();
    let text = text.as_ref();
    let (this, news) = ms_per_mb(text);
    let ratio = this / news;
    eprintln!(
        "| {name} | {:.2} MB | {this:.0} ms/MB | news {news:.0} ms/MB | ratio {ratio:.2} |",
        text.len() as f64 / MB as f64
    );
    assert!(
        this <= FLOOR_MS_PER_MB || ratio <= MAX_TIME_RATIO,
        "{name}: {this:.0} ms/MB is {ratio:.1} times the news text's {news:.0} ms/MB (limit {MAX_TIME_RATIO})"
    );
}

/// Peak heap of a parse of the input `make` builds against its size; panics past the
/// bound. The input is built under the lock: dhat counts the allocations of every
/// thread, and another test building its input meanwhile was counted in this one's peak.
fn check_heap<S: AsRef<str>>(name: &str, make: impl FnOnce() -> S) {
    let _guard = setup();
    let text = make();
    let text = text.as_ref();
    let heap = peak_heap(text);
    let ratio = heap as f64 / text.len() as f64;
    eprintln!(
        "| {name} | {:.2} MB | peak heap {:.1} MB | ratio {ratio:.2} |",
        text.len() as f64 / MB as f64,
        heap as f64 / MB as f64
    );
    assert!(
        ratio <= MAX_HEAP_RATIO,
        "{name}: peak heap {heap} bytes is {ratio:.1} times the input's {} bytes (limit {MAX_HEAP_RATIO})",
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

// The inputs.

fn no_newline() -> String {
    repeat_to(&fixtures().replace('\n', " "), 2 * SIZE)
}

fn comrade_abbreviation() -> String {
    repeat_to("Đ/c ", SIZE)
}

fn enumerators() -> String {
    (1..=100_000 * SIZE / MB).map(|i| format!("({i})")).collect()
}

fn capitalized_syllables() -> String {
    const WORDS: &[&str] = &[
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Văn", "Thị", "Đức", "Minh", "Hồng", "An",
        "Bình", "Cường", "Dũng", "Hương", "Lan", "Quỳnh", "Thủy", "Tuấn", "Hùng", "Hòa",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(SIZE + 16);
    while text.len() < SIZE {
        text.push_str(WORDS[rng.below(WORDS.len())]);
        text.push(' ');
    }
    text
}

fn deep_parentheses() -> String {
    "(".repeat(SIZE / 2) + &")".repeat(SIZE / 2)
}

fn combining_marks() -> String {
    "a".to_string() + &"\u{301}".repeat(100_000)
}

fn dashes() -> String {
    "-".repeat(1_000_000 * SIZE / MB)
}

fn role_phrase() -> String {
    repeat_to("Chủ tịch UBND huyện, ", SIZE)
}

fn dates() -> String {
    repeat_to("ngày 1/1/2020 ", SIZE)
}

// Time per MB against the news text.

#[test]
fn time_news_text() {
    check_time("news text", news);
}

#[test]
fn time_no_newline() {
    check_time("text without a newline", no_newline);
}

#[test]
fn time_comrade_abbreviation() {
    check_time("\"Đ/c \" repeated", comrade_abbreviation);
}

#[test]
fn time_enumerators() {
    check_time("enumerators (1)(2)…", enumerators);
}

#[test]
fn time_capitalized_syllables() {
    check_time("capitalized syllables", capitalized_syllables);
}

#[test]
fn time_deep_parentheses() {
    check_time("deep parentheses", deep_parentheses);
}

#[test]
fn time_combining_marks() {
    check_time("100 000 combining marks", combining_marks);
}

#[test]
fn time_dashes() {
    check_time("\"-\" repeated", dashes);
}

#[test]
fn time_role_phrase() {
    check_time("\"Chủ tịch UBND huyện, \" repeated", role_phrase);
}

#[test]
fn time_dates() {
    check_time("\"ngày 1/1/2020 \" repeated", dates);
}

// Peak heap against the input size.

// The news texts are measured at 1 MB (2 MB without newlines) in every build: what a
// parse holds whatever the input's size (the document's tables, the recognizers' working
// lists) is a larger share of 256 KB, and the bound is about what each byte costs.

#[test]
fn heap_news_text() {
    check_heap("news text", || repeat_to(&fixtures(), MB));
}

#[test]
fn heap_no_newline() {
    check_heap("text without a newline", || repeat_to(&fixtures().replace('\n', " "), 2 * MB));
}

#[test]
fn heap_comrade_abbreviation() {
    check_heap("\"Đ/c \" repeated", comrade_abbreviation);
}

#[test]
fn heap_enumerators() {
    check_heap("enumerators (1)(2)…", enumerators);
}

#[test]
fn heap_capitalized_syllables() {
    check_heap("capitalized syllables", capitalized_syllables);
}

#[test]
fn heap_deep_parentheses() {
    check_heap("deep parentheses", deep_parentheses);
}

#[test]
fn heap_combining_marks() {
    check_heap("100 000 combining marks", combining_marks);
}

#[test]
fn heap_dashes() {
    check_heap("\"-\" repeated", dashes);
}

#[test]
fn heap_role_phrase() {
    check_heap("\"Chủ tịch UBND huyện, \" repeated", role_phrase);
}

#[test]
fn heap_dates() {
    check_heap("\"ngày 1/1/2020 \" repeated", dates);
}
