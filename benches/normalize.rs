//! Normalization throughput (bytes per second) on already-NFC text and on the same
//! text decomposed (NFD), each beside `unicode_normalization::is_nfc_quick` over the
//! same bytes in the same run; and decoding of TCVN3 and VNI renderings of the same
//! text. Input: the first 4 MB of ../shared/bulk when present,
//! else the fixtures repeated.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;
use vanban::normalize::{NormalizeOptions, normalize};

fn sample() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Ok(b) = std::fs::read(root.join("../shared/bulk/magizbox_baomoi_2016_2017_00.txt")) {
        let s = String::from_utf8_lossy(&b[..b.len().min(4 << 20)]).into_owned();
        return s.nfc().collect();
    }
    let mut s = String::new();
    for e in std::fs::read_dir(root.join("fixtures")).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            s.push_str(&std::fs::read_to_string(e.path()).unwrap());
        }
    }
    s.repeat(40).nfc().collect()
}

fn bench(c: &mut Criterion) {
    let nfc = sample();
    let nfd: String = nfc.nfd().collect();
    let opts = NormalizeOptions::default();
    for (name, text) in [("nfc_text", &nfc), ("nfd_text", &nfd)] {
        let mut g = c.benchmark_group(name);
        g.sample_size(20);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("is_nfc_quick", |b| b.iter(|| unicode_normalization::is_nfc_quick(black_box(text).chars())));
        g.bench_function("normalize", |b| b.iter(|| normalize(black_box(text), &opts)));
        g.finish();
    }
    // Legacy decoding, beside the UTF-8 quick check over the original text.
    for (name, enc, bytes) in [
        ("decode_tcvn3", vanban::decode::Encoding::Tcvn3, vanban::decode::encode_tcvn3(&nfc)),
        ("decode_vni", vanban::decode::Encoding::Vni, vanban::decode::encode_vni(&nfc)),
    ] {
        let mut g = c.benchmark_group(name);
        g.sample_size(20);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function("is_nfc_quick", |b| b.iter(|| unicode_normalization::is_nfc_quick(black_box(&nfc).chars())));
        g.bench_function("decode_as", |b| b.iter(|| vanban::decode::decode_as(black_box(&bytes), enc)));
        g.bench_function("decode_detect", |b| b.iter(|| vanban::decode::decode(black_box(&bytes))));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
