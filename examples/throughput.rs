//! The in-process throughput ratio of a reused [`vanban::Parser`] to `std::str::from_utf8`
//! over the bulk news (`../shared/bulk`, document by document; the fixtures when it is
//! absent), with the two interleaved finely so that a noisy machine slows both alike.
//!
//! The documents are cut into chunks of about 256 KB; for each chunk, `from_utf8` runs
//! over it `--utf8-reps` times (default 8) and the parser once, and every timing is
//! summed. Each of `--rounds` rounds (default 3) does every chunk; the report gives each
//! round's MB/s and ratio, and the median round.
//!
//! ```sh
//! cargo run --release --example throughput -- --rounds 5
//! ```
//! prints, for instance,
//! `round 1: parse 10.8 MB/s, from_utf8 221.3 MB/s, ratio 0.0488x`.
//! (Criterion's `cargo bench --bench parse -- bulk` measures the same two over the same
//! bytes, one after the other.)

#[path = "../tests/support/bulk.rs"]
mod bulk;

use std::hint::black_box;
use std::time::{Duration, Instant};

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let rounds = arg("--rounds", 3).max(1);
    let reps = arg("--utf8-reps", 8).max(1);
    let mut docs = bulk::docs();
    let source = if docs.is_empty() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
            .unwrap_or_default();
        paths.sort();
        docs = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
        "fixtures (../shared/bulk is absent)"
    } else {
        "../shared/bulk"
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    println!("{} documents, {:.1} MB, from {source}", docs.len(), bytes as f64 / 1e6);
    if docs.is_empty() {
        return;
    }
    // Chunks of about 256 KB of whole documents.
    let mut chunks: Vec<&[String]> = Vec::new();
    let (mut from, mut size) = (0, 0);
    for (i, d) in docs.iter().enumerate() {
        size += d.len();
        if size >= 256 << 10 || i + 1 == docs.len() {
            chunks.push(&docs[from..=i]);
            from = i + 1;
            size = 0;
        }
    }
    let parser = vanban::Parser::default();
    // Warm up: every document parsed once.
    let people: usize = docs.iter().map(|d| parser.parse(d).people.len()).sum();
    black_box(people);
    let mut ratios = Vec::new();
    for r in 1..=rounds {
        let (mut t_utf8, mut t_parse) = (Duration::ZERO, Duration::ZERO);
        for chunk in &chunks {
            let t0 = Instant::now();
            for _ in 0..reps {
                black_box(chunk.iter().filter(|d| std::str::from_utf8(black_box(d.as_bytes())).is_ok()).count());
            }
            t_utf8 += t0.elapsed();
            let t1 = Instant::now();
            black_box(chunk.iter().map(|d| parser.parse(black_box(d)).people.len()).sum::<usize>());
            t_parse += t1.elapsed();
        }
        let utf8 = (bytes * reps) as f64 / 1e6 / t_utf8.as_secs_f64();
        let parse = bytes as f64 / 1e6 / t_parse.as_secs_f64();
        println!("round {r}: parse {parse:.1} MB/s, from_utf8 {utf8:.1} MB/s, ratio {:.4}x", parse / utf8);
        ratios.push((parse / utf8, parse, utf8));
    }
    ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (ratio, parse, utf8) = ratios[ratios.len() / 2];
    println!("median round: parse {parse:.1} MB/s, from_utf8 {utf8:.1} MB/s, ratio {ratio:.4}x");
}
