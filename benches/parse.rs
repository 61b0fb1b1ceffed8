//! Throughput of `Parser::parse`, in bytes per second, beside two baselines over the
//! same bytes in the same group: `std::str::from_utf8` and
//! `unicode_normalization::is_nfc_quick`. Quote ratios, not absolute numbers: the
//! machines are noisy.
//!
//! Groups:
//! - `seed`: the seed document (fixtures/hoi-nghi-so-ket-dan-van-2019.txt);
//! - `corpus`: ../shared/corpus/docs, document by document (skipped when absent);
//! - `bulk`: ../shared/bulk document by document through its INDEX.tsv, or the fixtures
//!   document by document when the bulk text is absent;
//! - `size_1k`, `size_100k`, `size_10m`: one input of that size, cut from the corpus
//!   text (or the fixtures) repeated;
//! - `free_function`: `vanban::parse` in a loop beside the reused parser, over the corpus
//!   (or the fixtures): within 1.2x per document, since the free function shares one
//!   default parser.
//!
//! The parser is built once, outside the measured loops (and so is the free function's
//! default parser, by criterion's warm-up). Sample sizes and measurement
//! times are small so that `cargo bench --bench parse` takes a few minutes; filter with
//! `cargo bench --bench parse -- bulk --quick`.

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, black_box, criterion_group, criterion_main};
#[path = "../tests/support/bulk.rs"]
mod bulk;

use std::path::{Path, PathBuf};
use std::time::Duration;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `.txt` files of `dir`, sorted, as UTF-8 text (others skipped).
fn texts_in(dir: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> =
        rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    paths.iter().filter_map(|p| String::from_utf8(std::fs::read(p).ok()?).ok()).collect()
}

/// `text` repeated and cut to `size` bytes on a character boundary.
fn sized(text: &str, size: usize) -> String {
    let mut s = text.repeat(size / text.len().max(1) + 1);
    let mut end = size.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// Parse, `from_utf8` and `is_nfc_quick` over the same documents, one document at a time.
fn group(c: &mut Criterion, parser: &vanban::Parser, name: &str, docs: &[String], samples: usize, secs: u64) {
    if docs.is_empty() {
        eprintln!("{name}: skipped, no documents (../shared is not beside the repository)");
        return;
    }
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(samples);
    // Flat sampling: the same number of iterations per sample, so slow inputs stay quick.
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(secs));
    g.bench_function(BenchmarkId::new("from_utf8", bytes), |b| {
        b.iter(|| docs.iter().map(|d| std::str::from_utf8(black_box(d.as_bytes())).is_ok() as usize).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("is_nfc_quick", bytes), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    matches!(
                        unicode_normalization::is_nfc_quick(black_box(d.as_str()).chars()),
                        unicode_normalization::IsNormalized::Yes
                    ) as usize
                })
                .sum::<usize>()
        })
    });
    g.bench_function(BenchmarkId::new("parse", bytes), |b| {
        b.iter(|| docs.iter().map(|d| parser.parse(black_box(d)).people.len()).sum::<usize>())
    });
    g.finish();
}

/// The free function [`vanban::parse`] in a loop beside a reused [`vanban::Parser`], over
/// the same documents: the free function shares one default parser built on first use,
/// so the two should be within 1.2x per document (issue 14, trap 1).
fn free_function(c: &mut Criterion, parser: &vanban::Parser, docs: &[String]) {
    if docs.is_empty() {
        return;
    }
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let mut g = c.benchmark_group("free_function");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(4));
    g.bench_function(BenchmarkId::new("reused_parser", bytes), |b| {
        b.iter(|| docs.iter().map(|d| parser.parse(black_box(d)).people.len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("vanban_parse", bytes), |b| {
        b.iter(|| docs.iter().map(|d| vanban::parse(black_box(d)).people.len()).sum::<usize>())
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    // Built once: building compiles the lexicon's automata.
    let parser = vanban::Parser::default();
    let fixtures = texts_in(&root().join("fixtures"));
    let seed = std::fs::read_to_string(root().join("fixtures/hoi-nghi-so-ket-dan-van-2019.txt")).expect("seed fixture");
    group(c, &parser, "seed", &[seed], 20, 2);

    let corpus = texts_in(&root().join("../shared/corpus/docs"));
    group(c, &parser, "corpus", &corpus, 10, 4);
    free_function(c, &parser, if corpus.is_empty() { &fixtures } else { &corpus });

    let bulk = bulk::docs();
    if bulk.is_empty() {
        group(c, &parser, "bulk", &fixtures, 10, 3);
    } else {
        group(c, &parser, "bulk", &bulk, 10, 10);
    }

    let source = if corpus.is_empty() { fixtures.join("\n\n") } else { corpus.join("\n\n") };
    group(c, &parser, "size_1k", &[sized(&source, 1 << 10)], 20, 2);
    group(c, &parser, "size_100k", &[sized(&source, 100 << 10)], 10, 3);
    group(c, &parser, "size_10m", &[sized(&source, 10 << 20)], 10, 10);
}

criterion_group!(benches, bench);
criterion_main!(benches);
