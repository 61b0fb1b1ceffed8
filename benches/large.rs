//! Time per MB of one large document (issue 14, trap 2): 1, 4, 16 and 64 MB cut from the
//! bulk news (../shared/bulk, documents joined by blank lines, again from the first when
//! they run out), each parsed as one document by a reused `Parser`. Criterion reports
//! each size's throughput: the 64 MB one must be within 1.3x of the 1 MB one. Skipped,
//! with a line on stderr, when ../shared/bulk is absent. Takes about three minutes;
//! `cargo bench --bench large -- large/1` and so on for one size. (The peak heap of the
//! same documents: `cargo test --release --test pathological -- --ignored`.)

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, black_box, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

/// The bulk news documents, cut out of their shards by INDEX.tsv.
fn bulk_docs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bulk");
    let Ok(index) = std::fs::read_to_string(dir.join("INDEX.tsv")) else { return Vec::new() };
    let mut shards: std::collections::HashMap<String, Vec<u8>> = std::collections::HashMap::new();
    let mut docs = Vec::new();
    for line in index.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(shard), Some(Ok(off)), Some(Ok(len))) =
            (f.first(), f.get(1).map(|s| s.parse::<usize>()), f.get(2).map(|s| s.parse::<usize>()))
        else {
            continue;
        };
        let data =
            shards.entry(shard.to_string()).or_insert_with(|| std::fs::read(dir.join(shard)).unwrap_or_default());
        if let Some(Ok(s)) = data.get(off..off + len).map(|b| std::str::from_utf8(b)) {
            docs.push(s.to_string());
        }
    }
    docs
}

/// One document of `size` bytes from `docs`, cut on a character boundary.
fn document(docs: &[String], size: usize) -> String {
    let mut text = String::with_capacity(size + (1 << 16));
    for d in docs.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(d);
        text.push_str("\n\n");
    }
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn bench(c: &mut Criterion) {
    let docs = bulk_docs();
    if docs.is_empty() {
        eprintln!("large: ../shared/bulk not found, skipped");
        return;
    }
    let parser = vanban::Parser::default();
    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_millis(100));
    for mb in [1usize, 4, 16, 64] {
        let text = document(&docs, mb << 20);
        g.throughput(Throughput::Bytes(text.len() as u64));
        // About ten parses a sample's worth of time.
        g.measurement_time(Duration::from_secs_f64((mb as f64 * 1.5).max(3.0)));
        g.bench_with_input(BenchmarkId::from_parameter(mb), &text, |b, t| {
            b.iter(|| parser.parse(black_box(t)).people.len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
