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

#[path = "support/bulk.rs"]
mod bulk;

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

/// A person in every paragraph and a photo caption after each: every caption looks for
/// the person it shows. Four times [`SIZE`]: a look at every person for every caption
/// took 2.2 times the news text's time a MB at 1 MB, and 23 times at 4 MB.
fn captions() -> String {
    repeat_to("Đồng chí Nguyễn Văn An phát biểu tại hội nghị.\n\nQuang cảnh hội nghị\n\n", 4 * SIZE)
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

#[test]
fn time_captions() {
    check_time("a person and a caption, repeated", captions);
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

// Large single documents (issue 14, trap 2): the time per MB and the peak heap of one
// document must not grow with its size. A document of many reports one after another
// holds thousands of distinct people, roles and cues: any step that compares each with
// all the others grows with the square of the size.
//
// Always run: a composed report (distinct names, roles, role-only and given-name-only
// mentions, cues) at SIZE and 4 * SIZE (256 KB and 1 MB in debug builds, 1 and 4 MB in
// optimized ones), with the time per MB at the larger size within MAX_GROWTH of the
// smaller's and the heap within MAX_HEAP_RATIO at both. On demand in an optimized build
// (`cargo test --release --test pathological -- --ignored --nocapture`): the peak heap
// of 1, 4, 16 and 64 MB cut from the bulk news (../shared/bulk), or of the sizes in MB
// listed in VANBAN_LARGE_MB ("1,4,16"); dhat takes minutes at 64 MB, too long for every
// `cargo test`. Their time per MB is the criterion bench `cargo bench --bench large`:
// this binary's allocator is dhat's, whose bookkeeping slows a 64 MB parse by itself.

/// Time per MB of a large document at most this many times a small one's.
const MAX_GROWTH: f64 = 1.3;

/// A news report of about `size` bytes made of short reports, each with its own people
/// (names drawn from common syllables, so they rarely repeat), roles, a role-only
/// mention and a given-name-only mention, dates and cues, and then a few sentences of
/// news without names (a person every 600 bytes or so, where the bulk news has one
/// every 4 KB).
fn composed_reports(size: usize) -> String {
    const FAMILY: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
    const MIDDLE: &[&str] = &["Văn", "Thị", "Đức", "Minh", "Hồng", "Quốc", "Thanh", "Ngọc", "Xuân", "Hữu"];
    const GIVEN: &[&str] = &[
        "An", "Bình", "Cường", "Dũng", "Hương", "Lan", "Quỳnh", "Thủy", "Tuấn", "Hùng", "Hòa", "Khánh", "Long", "Mai",
        "Nam", "Phúc", "Sơn", "Tâm", "Trung", "Vinh",
    ];
    const BODY: &[&str] = &["UBND xã", "UBND huyện", "HĐND huyện", "Huyện ủy", "Đảng ủy xã", "MTTQ huyện"];
    const NEWS: &[&str] = &[
        "Trong 6 tháng đầu năm, công tác dân vận có nhiều chuyển biến tích cực, các phong trào thi đua yêu nước được triển khai rộng khắp.",
        "Hội nghị đã nghe báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh và xây dựng hệ thống chính trị.",
        "Các đại biểu tập trung thảo luận, làm rõ những khó khăn, vướng mắc trong công tác cải cách hành chính và chuyển đổi số.",
        "Tổng thu ngân sách trên địa bàn ước đạt 65% dự toán năm, tăng 12% so với cùng kỳ; chương trình xây dựng nông thôn mới đạt nhiều kết quả.",
        "Bên cạnh kết quả đạt được, công tác tuyên truyền ở một số cơ sở còn hạn chế, việc giải quyết đơn thư có lúc còn chậm.",
        "Nhiệm vụ trọng tâm thời gian tới là đẩy mạnh phát triển sản xuất, chăm lo đời sống nhân dân và giữ vững an ninh trật tự.",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let name = |rng: &mut Rng| {
        let given = GIVEN[rng.below(GIVEN.len())];
        let full = format!("{} {} {given}", FAMILY[rng.below(FAMILY.len())], MIDDLE[rng.below(MIDDLE.len())]);
        (full, given)
    };
    let mut text = String::with_capacity(size + 1024);
    while text.len() < size {
        let (chair, chair_given) = name(&mut rng);
        let (guest, _) = name(&mut rng);
        let (other, _) = name(&mut rng);
        let (day, month) = (1 + rng.below(28), 1 + rng.below(12));
        let (b1, b2) = (BODY[rng.below(BODY.len())], BODY[rng.below(BODY.len())]);
        text.push_str(&format!(
            "HỘI NGHỊ SƠ KẾT CÔNG TÁC THÁNG {month}\n\n\
             Sáng ngày {day}/{month}/2024, {b1} tổ chức Hội nghị sơ kết công tác tháng {month}. \
             Đồng chí {chair} - Phó Chủ tịch {b1} chủ trì Hội nghị. \
             Tham dự hội nghị có đồng chí {guest}, Trưởng ban Dân vận {b2}; ông {other}, Chánh Văn phòng {b2}.\n\n\
             Phát biểu chỉ đạo, Phó Chủ tịch {b1} đề nghị các ngành tiếp tục thực hiện tốt nhiệm vụ. \
             Kết luận hội nghị, đồng chí {chair_given} yêu cầu hoàn thành kế hoạch trước ngày 30/{month}/2024.\n\n"
        ));
        let sentences: Vec<&str> = (0..6).map(|_| NEWS[rng.below(NEWS.len())]).collect();
        text.push_str(&sentences.join(" "));
        text.push_str("\n\n");
    }
    text
}

/// Seconds per MB of one parse of `text`.
fn secs_per_mb(text: &str) -> f64 {
    let start = Instant::now();
    std::hint::black_box(parser().parse(std::hint::black_box(text)));
    start.elapsed().as_secs_f64() / (text.len() as f64 / MB as f64)
}

/// Time per MB (best of 3, the sizes interleaved so that load changes hit all) and peak
/// heap of the documents `make(size)` builds at each size (the time only when `time`):
/// a table line each; panics, after all sizes, when the time per MB of a size is more
/// than [`MAX_GROWTH`] times the smallest's, or the heap more than [`MAX_HEAP_RATIO`]
/// times the input.
fn check_growth(name: &str, sizes: &[usize], time: bool, make: impl Fn(usize) -> String) {
    let _guard = setup();
    let texts: Vec<String> = sizes.iter().map(|&size| make(size)).collect();
    let mut best = vec![f64::INFINITY; texts.len()];
    for _ in 0..if time { 3 } else { 0 } {
        for (b, text) in best.iter_mut().zip(&texts) {
            *b = b.min(secs_per_mb(text));
        }
    }
    let mut failures = Vec::new();
    for (text, per_mb) in texts.iter().zip(best.iter().copied()) {
        let heap = peak_heap(text);
        let (growth, heap_ratio) = (per_mb / best[0], heap as f64 / text.len() as f64);
        let size = text.len() as f64 / MB as f64;
        let timing = if time {
            format!("{:.3} s | {per_mb:.3} s/MB | growth {growth:.2} | ", per_mb * size)
        } else {
            String::new()
        };
        eprintln!(
            "| {name} | {size:.2} MB | {timing}peak heap {:.1} MB | ratio {heap_ratio:.2} |",
            heap as f64 / MB as f64
        );
        if time && growth > MAX_GROWTH {
            failures.push(format!(
                "{name} at {size:.2} MB: {per_mb:.3} s/MB is {growth:.2} times the smallest size's {:.3} (limit {MAX_GROWTH})",
                best[0]
            ));
        }
        if heap_ratio > MAX_HEAP_RATIO {
            failures.push(format!(
                "{name} at {size:.2} MB: peak heap {heap} bytes is {heap_ratio:.2} times the input (limit {MAX_HEAP_RATIO})"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn large_composed_document() {
    check_growth("composed reports", &[SIZE, 4 * SIZE], true, composed_reports);
}

#[test]
#[ignore = "minutes under dhat: run on demand with --release --ignored"]
fn large_bulk_documents_heap() {
    let docs = bulk::docs();
    if docs.is_empty() {
        eprintln!("large_bulk_documents_heap: ../shared/bulk not found, skipped");
        return;
    }
    // VANBAN_LARGE_MB="1,4,16" measures fewer sizes.
    let sizes: Vec<usize> = std::env::var("VANBAN_LARGE_MB")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse::<usize>().ok()).map(|n| n * MB).collect())
        .unwrap_or_else(|| vec![MB, 4 * MB, 16 * MB, 64 * MB]);
    check_growth("bulk news", &sizes, false, |size| bulk::document(&docs, size));
}
