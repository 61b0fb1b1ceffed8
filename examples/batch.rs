//! `cargo run --release --example batch -- PATH [--threads N]`
//!
//! Parses many documents on N threads (default: the available parallelism) with one
//! shared [`Parser`], and prints one JSON line per document on stdout, in input order:
//! `{"id": …, "document": {…}}`, or `{"id": …, "error": "…"}` for a document that cannot
//! be read or decoded. PATH is either a directory (every regular file in it, symbolic links
//! followed, sorted by name, not recursive; the id is the file name) or a JSON Lines file of
//! `{"id": …, "text": "…"}` objects (the id as given; a line that is not such an object
//! gets `{"id": null, "line": N, "error": "…"}`). A bad document never stops the run.
//!
//! Every second a progress line goes to stderr (documents done, documents and
//! megabytes per second), and a summary at the end.
//!
//! Design: the main thread reads the input (files, or lines of JSON Lines as bytes) and
//! sends jobs over a channel to the workers, a batch of documents at a time; the workers
//! decode a line's JSON, parse and serialize, and send the batch's numbered lines to a
//! writer thread, which puts them back in input order. The writer returns a credit to
//! the reader for every line written, so at most `WINDOW` documents are in flight (read,
//! parsed or waiting for an earlier one), whatever the size of the input. (Batches keep
//! the threads from waking one another for every document: a wake-up per document cost
//! as much as a twentieth of the run on two threads.)

use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vanban::{Document, Parser};

/// Documents in flight at most, per worker.
const WINDOW_PER_THREAD: usize = 64;

/// Documents per batch at most (fewer than [`WINDOW_PER_THREAD`]: the reader holds a
/// batch while it waits for the credits of its documents).
const BATCH_DOCS: usize = 16;

/// Bytes per batch at most (a batch ends after the document that reaches it).
const BATCH_BYTES: usize = 256 << 10;

/// Usage text.
const USAGE: &str = "usage: batch PATH [--threads N]   (PATH: a directory of documents or a JSON Lines file)";

/// One unit of work, numbered in input order.
struct Job {
    seq: usize,
    /// A file's id and bytes (or why there are none), or a line of JSON Lines: decoded by
    /// the worker, so that the reader thread only reads.
    input: Input,
    /// Line number in a JSON Lines input.
    line: Option<usize>,
}

/// What a job holds.
enum Input {
    File(serde_json::Value, Result<Vec<u8>, String>),
    Line(Vec<u8>),
}

/// The id and the bytes to parse of a line of JSON Lines (or why there are none).
fn decode_line(line: &[u8]) -> (serde_json::Value, Result<Vec<u8>, String>) {
    match serde_json::from_slice::<serde_json::Value>(line) {
        Err(e) => (serde_json::Value::Null, Err(format!("bad JSON line: {e}"))),
        Ok(mut v) => {
            let id = v.get_mut("id").map(serde_json::Value::take).unwrap_or_default();
            match v.get_mut("text").map(serde_json::Value::take) {
                Some(serde_json::Value::String(t)) => (id, Ok(t.into_bytes())),
                Some(_) => (id, Err("\"text\" is not a string".to_string())),
                None => (id, Err("no \"text\" field".to_string())),
            }
        }
    }
}

/// A finished line for the writer.
struct Done {
    seq: usize,
    bytes: usize,
    error: bool,
    json: Vec<u8>,
}

#[derive(Serialize)]
struct OkLine<'a> {
    id: &'a serde_json::Value,
    document: &'a Document,
}

#[derive(Serialize)]
struct ErrLine<'a> {
    id: &'a serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    error: &'a str,
}

fn main() -> ExitCode {
    let mut path = None;
    let mut threads = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let n = match a.as_str() {
            "--threads" => args.next(),
            s if s.starts_with("--threads=") => Some(s["--threads=".len()..].to_string()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() && !a.starts_with("--") => {
                path = Some(PathBuf::from(a));
                continue;
            }
            _ => return usage(),
        };
        match n.and_then(|n| n.parse::<usize>().ok()).filter(|&n| n > 0) {
            Some(n) => threads = Some(n),
            None => return usage(),
        }
    }
    let Some(path) = path else { return usage() };
    let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    match run(&path, threads) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("batch: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn run(path: &Path, threads: usize) -> std::io::Result<()> {
    let started = Instant::now();
    let parser = Arc::new(Parser::default());
    let built = started.elapsed();
    let window = WINDOW_PER_THREAD * threads;
    let (job_tx, job_rx) = sync_channel::<Vec<Job>>(2 * threads);
    let (done_tx, done_rx) = sync_channel::<Vec<Done>>(window);
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    let job_rx = Arc::new(Mutex::new(job_rx));

    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let (parser, job_rx, done_tx) = (Arc::clone(&parser), Arc::clone(&job_rx), done_tx.clone());
            std::thread::spawn(move || worker(&parser, &job_rx, &done_tx))
        })
        .collect();
    drop(done_tx);
    let writer = std::thread::spawn(move || writer(&done_rx, &credit_tx));

    let t0 = Instant::now();
    let read = read_input(path, &job_tx, &credit_rx, window);
    drop(job_tx);
    for w in workers {
        let _ = w.join();
    }
    let (docs, errors, bytes) = writer.join().unwrap_or_default();
    read?;
    let secs = t0.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "batch: done: {docs} documents ({errors} errors), {:.1} MB in {secs:.2} s on {threads} thread(s): \
         {:.1} docs/s, {:.2} MB/s (parser built in {} ms)",
        bytes as f64 / 1e6,
        docs as f64 / secs,
        bytes as f64 / 1e6 / secs,
        built.as_millis()
    );
    Ok(())
}

/// Read the input and send numbered jobs in batches; wait for a credit before each job
/// past the first `window`. Returns early (Ok) when the pipeline has shut down.
fn read_input(path: &Path, jobs: &SyncSender<Vec<Job>>, credits: &Receiver<()>, window: usize) -> std::io::Result<()> {
    let mut seq = 0;
    let mut batch = Vec::with_capacity(BATCH_DOCS);
    let mut batch_bytes = 0;
    // Adds a job to the batch, and sends the batch when it is full (`last`: send it
    // whatever its size). False once the pipeline has shut down.
    let mut send = |job: Option<Job>, last: bool| -> bool {
        if let Some(job) = job {
            if job.seq >= window && credits.recv().is_err() {
                return false;
            }
            batch_bytes += match &job.input {
                Input::File(_, body) => body.as_ref().map_or(0, Vec::len),
                Input::Line(line) => line.len(),
            };
            batch.push(job);
        }
        if batch.is_empty() || !(last || batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES) {
            return true;
        }
        batch_bytes = 0;
        jobs.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH_DOCS))).is_ok()
    };
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
            .flatten()
            .filter(|e| match e.file_type() {
                Ok(t) if t.is_file() => true,
                // Follow symbolic links; a dangling one becomes an error line.
                Ok(t) if t.is_symlink() => std::fs::metadata(e.path()).map_or(true, |m| m.is_file()),
                _ => false,
            })
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let id =
                serde_json::Value::String(f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            let body = std::fs::read(&f).map_err(|e| format!("cannot read: {e}"));
            if !send(Some(Job { seq, input: Input::File(id, body), line: None }), false) {
                return Ok(());
            }
            seq += 1;
        }
        send(None, true);
        return Ok(());
    }
    let mut input = BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut line = 0;
    loop {
        let mut buf = Vec::new();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if !send(Some(Job { seq, input: Input::Line(buf), line: Some(line) }), false) {
            return Ok(());
        }
        seq += 1;
    }
    send(None, true);
    Ok(())
}

fn worker(parser: &Parser, jobs: &Mutex<Receiver<Vec<Job>>>, done: &SyncSender<Vec<Done>>) {
    loop {
        // Hold the lock only to receive; a poisoned lock still hands out jobs.
        let batch = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(p) => p.into_inner().recv(),
        };
        let Ok(batch) = batch else { return };
        let finished: Vec<Done> = batch.into_iter().map(|job| work(parser, job)).collect();
        if done.send(finished).is_err() {
            return;
        }
    }
}

/// Decode, parse and serialize one job.
fn work(parser: &Parser, job: Job) -> Done {
    let (id, body) = match job.input {
        Input::File(id, body) => (id, body),
        Input::Line(line) => decode_line(&line),
    };
    let bytes = body.as_ref().map_or(0, Vec::len);
    let result = body.and_then(|b| {
        // `parse_bytes` never panics by contract; should it, the run goes on.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse_bytes(&b)))
            .map_err(|p| {
                let msg =
                    p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned());
                format!("parser panicked: {}", msg.unwrap_or_default())
            })?
            .map_err(|e| e.to_string())
    });
    let (json, error) = match &result {
        Ok(doc) => (serde_json::to_vec(&OkLine { id: &id, document: doc }), false),
        Err(e) => (serde_json::to_vec(&ErrLine { id: &id, line: job.line, error: e }), true),
    };
    let json = json.unwrap_or_else(|e| {
        let msg = format!("cannot serialize: {e}");
        serde_json::to_vec(&ErrLine { id: &id, line: job.line, error: &msg }).unwrap_or_default()
    });
    Done { seq: job.seq, bytes, error, json }
}

/// Write lines in input order; return (documents, errors, bytes).
fn writer(done: &Receiver<Vec<Done>>, credits: &SyncSender<()>) -> (usize, usize, usize) {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut pending = BTreeMap::new();
    let (mut next, mut errors, mut bytes) = (0, 0, 0);
    let t0 = Instant::now();
    let mut last = t0;
    let mut broken = false;
    loop {
        match done.recv_timeout(Duration::from_millis(250)) {
            Ok(batch) => {
                for d in batch {
                    pending.insert(d.seq, d);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while let Some(d) = pending.remove(&next) {
            if !broken {
                broken = out.write_all(&d.json).and_then(|()| out.write_all(b"\n")).is_err();
            }
            next += 1;
            bytes += d.bytes;
            errors += usize::from(d.error);
            // The reader may have finished: a closed credit channel is fine.
            let _ = credits.try_send(());
        }
        if last.elapsed() >= Duration::from_secs(1) {
            last = Instant::now();
            let secs = t0.elapsed().as_secs_f64();
            eprintln!(
                "batch: {next} docs ({errors} errors), {:.1} docs/s, {:.2} MB/s",
                next as f64 / secs,
                bytes as f64 / 1e6 / secs
            );
        }
    }
    let _ = out.flush();
    (next, errors, bytes)
}
