//! Time per MB of one large document against a small one, measured in one process.
//!
//! Cuts documents of 1, 4, 16 and 64 MB from the bulk news (`../shared/bulk`, as
//! `benches/large.rs` does) and parses 64 MB of each size per round (64 documents of
//! 1 MB, 16 of 4 MB, …), the sizes in turn, the order reversed every other round, so that
//! a machine whose speed drifts slows every size alike. Criterion's `cargo bench --bench
//! large` times the sizes one after the other, minutes apart, and its ratios scatter
//! with the machine.
//!
//! ```sh
//! cargo run --release --example growth -- --rounds 4
//! ```
//! prints, for each size, its time per MB and its ratio to 1 MB's, for instance
//! `64 MB: 0.0578 s a MB, 1.15x of 1 MB`.

#[path = "../tests/support/bulk.rs"]
mod bulk;

use std::hint::black_box;
use std::time::Instant;

/// The document sizes, in MB (2^20 bytes).
const SIZES: [usize; 4] = [1, 4, 16, 64];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(4)
        .max(1);
    let docs = bulk::docs();
    if docs.is_empty() {
        println!("growth: ../shared/bulk not found, nothing measured");
        return;
    }
    let parser = vanban::Parser::default();
    let texts: Vec<String> = SIZES.iter().map(|&mb| bulk::document(&docs, mb << 20)).collect();
    let mut secs = [0f64; SIZES.len()];
    for round in 0..rounds {
        for i in 0..SIZES.len() {
            let k = if round % 2 == 0 { i } else { SIZES.len() - 1 - i };
            let t = Instant::now();
            for _ in 0..SIZES[SIZES.len() - 1] / SIZES[k] {
                black_box(parser.parse(black_box(&texts[k])).people.len());
            }
            secs[k] += t.elapsed().as_secs_f64();
        }
    }
    let mb = (rounds * SIZES[SIZES.len() - 1]) as f64;
    for (k, &size) in SIZES.iter().enumerate() {
        println!("{size} MB: {:.4} s a MB, {:.2}x of 1 MB", secs[k] / mb, secs[k] / secs[0]);
    }
}
