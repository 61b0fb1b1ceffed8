//! Throughput of `Parser::parse`, in bytes per second, beside two baselines over the
//! same bytes in the same run: `std::str::from_utf8` and
//! `unicode_normalization::is_nfc_quick`. Quote ratios, not absolute numbers: the
//! machines are noisy.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use std::path::Path;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = Vec::new();
    let seed = std::fs::read(root.join("fixtures/hoi-nghi-so-ket-dan-van-2019.txt")).expect("seed fixture");
    v.push(("seed".to_string(), seed));
    // All fixtures concatenated, as one "document set".
    let mut all = Vec::new();
    if let Ok(rd) = std::fs::read_dir(root.join("fixtures")) {
        let mut paths: Vec<_> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        for p in paths {
            all.extend(std::fs::read(p).unwrap_or_default());
            all.extend(b"\n\n");
        }
    }
    v.push(("fixtures".to_string(), all));
    v
}

fn bench(c: &mut Criterion) {
    let parser = vanban::Parser::default();
    for (name, bytes) in inputs() {
        let text = std::str::from_utf8(&bytes).expect("utf-8 input");
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function("from_utf8", |b| b.iter(|| std::str::from_utf8(black_box(&bytes)).is_ok()));
        g.bench_function("is_nfc_quick", |b| b.iter(|| unicode_normalization::is_nfc_quick(black_box(text).chars())));
        g.bench_function("parse", |b| b.iter(|| parser.parse(black_box(text))));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
