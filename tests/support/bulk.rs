//! The bulk news of `../shared/bulk`, for the benches and the pathological tests (one
//! copy, included with `#[path]` by each).

// Each includer uses what it needs.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

/// The bulk news documents, cut out of their shards by INDEX.tsv, in index order; empty
/// when the folder is absent.
pub fn docs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bulk");
    let Ok(index) = std::fs::read_to_string(dir.join("INDEX.tsv")) else { return Vec::new() };
    let mut shards: HashMap<String, Vec<u8>> = HashMap::new();
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
        if let Some(Ok(s)) = data.get(off..off + len).map(std::str::from_utf8) {
            docs.push(s.to_string());
        }
    }
    docs
}

/// One document of `size` bytes: `docs` joined by blank lines (again from the first when
/// they run out), cut on a character boundary.
pub fn document(docs: &[String], size: usize) -> String {
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
