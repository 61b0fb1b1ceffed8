//! Replays the fuzz inputs under plain `cargo test` (stable, no libFuzzer): every file of
//! `fuzz/regressions/<target>/` and, when present, of the git-ignored
//! `fuzz/corpus/<target>/` (smallest first, at most 2000 files and 512 KiB per target, so a
//! debug `cargo test` stays quick; `VANBAN_FUZZ_REPLAY_ALL=1` replays the whole corpus),
//! through the same checks as the fuzz targets (`fuzz/src/checks.rs`, included here).
//!
//! `fuzz/regressions/pending/` holds inputs whose bug in `src/` is not fixed yet: they are
//! not replayed; move a file to its target's folder when the fix lands.

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

use std::path::{Path, PathBuf};

/// Corpus files replayed per target at most.
const CORPUS_FILES: usize = 2000;
/// Corpus bytes replayed per target at most.
const CORPUS_BYTES: u64 = 512 << 10;

/// The files of `dir`, smallest first, as many as fit in `files` and `bytes`.
fn files(dir: &Path, files: usize, bytes: u64) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<(u64, PathBuf)> = rd
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()) && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.metadata().map_or(0, |m| m.len()), e.path()))
        .collect();
    v.sort();
    let mut total = 0;
    v.into_iter()
        .take(files)
        .take_while(|(len, _)| {
            total += len;
            total <= bytes
        })
        .map(|(_, p)| p)
        .collect()
}

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = files(&root.join("regressions").join(target), usize::MAX, u64::MAX);
    let saved = inputs.len();
    let all = std::env::var_os("VANBAN_FUZZ_REPLAY_ALL").is_some_and(|v| v == "1");
    let (n, bytes) = if all { (usize::MAX, u64::MAX) } else { (CORPUS_FILES, CORPUS_BYTES) };
    inputs.extend(files(&root.join("corpus").join(target), n, bytes));
    let mut failed = Vec::new();
    for path in &inputs {
        // A running fuzzer may delete corpus files under our feet: skip what is gone.
        let Ok(data) = std::fs::read(path) else { continue };
        if let Err(e) = std::panic::catch_unwind(|| check(&data)) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(format!("{}: {msg}", path.display()));
        }
    }
    eprintln!("{target}: {} inputs replayed ({saved} regressions)", inputs.len());
    assert!(failed.is_empty(), "{target}: {} input(s) fail:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn parse_bytes() {
    replay("parse_bytes", checks::check_parse_bytes);
}

#[test]
fn parse_str() {
    replay("parse_str", checks::check_parse_str);
}

#[test]
fn parse_options() {
    replay("parse_options", checks::check_parse_options);
}

#[test]
fn normalize() {
    replay("normalize", checks::check_normalize);
}

/// The checks see the spans (so a green replay means something).
#[test]
fn checks_see_spans() {
    let text = "Sáng 8/7/2024, UBND tỉnh tổ chức hội nghị. Phó Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì hội nghị.";
    let doc = checks::default_parser().parse(text);
    assert!(checks::all_spans(&doc).len() >= 3);
    checks::check_document(&doc, text.as_bytes());
    assert_eq!(checks::text_of(b"ab\xffcd"), "ab");
}

#[test]
fn decode() {
    replay("decode", checks::check_decode);
}
