//! `batch` and `table`: documents parsed on several threads, written in input order.

use crate::Failure;
use crate::files::{self, Input};
use crate::progress::Progress;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use vanban::{Document, Parser};

/// Rows of a table for one document (see [`vanban::render::table`]).
pub(crate) type Rows = fn(&Document, &str) -> Vec<Vec<String>>;

/// Documents parsed ahead of the one being written, at most, per thread.
const WINDOW_PER_THREAD: usize = 32;

/// The document in `input`, or why there is none (one line).
fn parse(parser: &Parser, input: &Input) -> Result<Document, String> {
    let bytes = std::fs::read(&input.path).map_err(|e| format!("cannot read: {e}"))?;
    // `parse_bytes` never panics by contract; should it, the run goes on.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse_bytes(&bytes)))
        .map_err(|_| "the parser panicked".to_string())?
        .map_err(|e| e.to_string())
}

/// Run `work` on every input on `threads` threads and hand the results to `sink` in
/// input order. `sink` returning an error stops the run.
fn ordered<T: Send>(
    inputs: &[Input],
    threads: usize,
    work: impl Fn(&Input) -> T + Sync,
    mut sink: impl FnMut(&Input, T) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results the sink has taken, for the window.
    let taken = (Mutex::new(0usize), Condvar::new());
    let window = WINDOW_PER_THREAD * threads;
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(inputs.len()).max(1) {
            let (tx, next, stop, taken, work) = (tx.clone(), &next, &stop, &taken, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { return };
                    {
                        let mut n = taken.0.lock().unwrap_or_else(|p| p.into_inner());
                        while i >= *n + window && !stop.load(Ordering::Relaxed) {
                            n = taken.1.wait(n).unwrap_or_else(|p| p.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) || tx.send((i, work(input))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut written = 0;
        let mut result = Ok(());
        for (i, t) in rx.iter() {
            pending.insert(i, t);
            while let Some(t) = pending.remove(&written) {
                if let Err(e) = sink(&inputs[written], t) {
                    result = Err(e);
                    stop.store(true, Ordering::Relaxed);
                }
                written += 1;
                *taken.0.lock().unwrap_or_else(|p| p.into_inner()) = written;
                taken.1.notify_all();
            }
            if result.is_err() {
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
        taken.1.notify_all();
        result
    })
}

/// `batch`: one JSON line per document, `{"id": PATH, "document": {…}}` or
/// `{"id": PATH, "error": "…"}`.
pub(crate) fn batch(paths: &[PathBuf], threads: usize, show: bool, parser: &Parser) -> Result<(), Failure> {
    let inputs = files::collect(paths)?;
    let mut progress = Progress::new(show, inputs.len(), inputs.iter().map(|i| i.bytes).sum());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let work = |input: &Input| -> (String, bool) {
        let id = json(&input.path.display().to_string());
        match parse(parser, input).and_then(|d| serde_json::to_string(&d).map_err(|e| format!("cannot serialize: {e}")))
        {
            Ok(doc) => (format!("{{\"id\":{id},\"document\":{doc}}}\n"), false),
            Err(e) => (format!("{{\"id\":{id},\"error\":{}}}\n", json(&e)), true),
        }
    };
    ordered(&inputs, threads, work, |input, (line, error)| {
        progress.add(input.bytes, error);
        out.write_all(line.as_bytes()).map_err(|e| Failure::io("cannot write", &e))
    })?;
    out.flush().map_err(|e| Failure::io("cannot write", &e))?;
    progress.finish();
    Ok(())
}

/// `table`: the header, then the rows of every document; a document that cannot be
/// read or parsed is said on stderr and skipped.
pub(crate) fn table(
    paths: &[PathBuf],
    threads: usize,
    header: &[&str],
    rows: Rows,
    bom: bool,
    parser: &Parser,
) -> Result<(), Failure> {
    let inputs = files::collect(paths)?;
    let shown = std::io::stderr().is_terminal();
    let mut progress = Progress::new(shown, inputs.len(), inputs.iter().map(|i| i.bytes).sum());
    let stdout = std::io::stdout();
    let mut raw = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if bom {
        raw.write_all("\u{feff}".as_bytes()).map_err(|e| Failure::io("cannot write", &e))?;
    }
    let mut out = csv::Writer::from_writer(raw);
    let csv_err = |e: csv::Error| match e.kind() {
        csv::ErrorKind::Io(io) => Failure::io("cannot write", io),
        _ => Failure::new(format!("cannot write: {e}")),
    };
    out.write_record(header).map_err(csv_err)?;
    let work = |input: &Input| {
        let file = input.path.display().to_string();
        parse(parser, input).map(|d| rows(&d, &file))
    };
    ordered(&inputs, threads, work, |input, result| {
        progress.add(input.bytes, result.is_err());
        match result {
            Ok(rows) => rows.iter().try_for_each(|r| out.write_record(r)).map_err(csv_err),
            Err(e) => {
                progress.say(&format!("vanban: {}: {e}", input.path.display()));
                Ok(())
            }
        }
    })?;
    out.flush().map_err(|e| Failure::io("cannot write", &e))?;
    progress.finish();
    Ok(())
}

/// `s` as a JSON string.
fn json(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}
