//! Fuzz targets for vanban; the checks live in [`checks`], shared with
//! `tests/fuzz_replay.rs`.

pub mod checks;
