//! The documents named on the command line: files as given, folders walked recursively.

use crate::Failure;
use std::path::{Path, PathBuf};

/// One document to read.
pub(crate) struct Input {
    /// The path, as a reader will recognise it (as given, or under a given folder).
    pub path: PathBuf,
    /// Its size, for the progress line (0 when unknown).
    pub bytes: u64,
}

/// Every file under `paths`, in order: each path as given; a folder's files sorted by
/// name, its sub-folders walked in the same order. Symbolic links to files are followed,
/// links to folders are not (no cycles). A path that does not exist is an error; a folder
/// entry that cannot be read is kept, and fails when the document is read.
pub(crate) fn collect(paths: &[PathBuf]) -> Result<Vec<Input>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| Failure::io(format_args!("cannot read {}", p.display()), &e))?;
        if meta.is_dir() {
            walk(p, &mut out).map_err(|e| Failure::io(format_args!("cannot read {}", p.display()), &e))?;
        } else {
            out.push(Input { path: p.clone(), bytes: meta.len() });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let Ok(t) = e.file_type() else { continue };
        if t.is_dir() {
            // A sub-folder that cannot be listed is said, not silently dropped.
            if let Err(err) = walk(&path, out) {
                eprintln!("vanban: cannot read {}: {err}", path.display());
            }
        } else if t.is_file() {
            out.push(Input { bytes: e.metadata().map_or(0, |m| m.len()), path });
        } else if t.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {}
                // A dangling link becomes a document that fails to read.
                m => out.push(Input { bytes: m.map_or(0, |m| m.len()), path }),
            }
        }
    }
    Ok(())
}
