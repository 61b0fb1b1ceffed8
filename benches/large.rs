//! Time per MB of one large document (issue 14, trap 2): 1, 4, 16 and 64 MB cut from the
//! bulk news (../shared/bulk, documents joined by blank lines, again from the first when
//! they run out), each parsed as one document by a reused `Parser`. Criterion reports
//! each size's throughput: the 64 MB one must be within 1.3x of the 1 MB one. Skipped,
//! with a line on stderr, when ../shared/bulk is absent. Takes about three minutes;
//! `cargo bench --bench large -- large/1` and so on for one size. (The peak heap of the
//! same documents: `cargo test --release --test pathological -- --ignored`.)

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, black_box, criterion_group, criterion_main};
#[path = "../tests/support/bulk.rs"]
mod bulk;

use std::time::Duration;

fn bench(c: &mut Criterion) {
    let docs = bulk::docs();
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
        let text = bulk::document(&docs, mb << 20);
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
