//! The `batch` example's contract, as a person runs it (`batch PATH [--threads N]`):
//!
//! - PATH a directory: every regular file (symlinks followed), sorted by name, not
//!   recursive; the id is the file name;
//! - PATH a JSON Lines file of `{"id", "text"}`: the id as given; blank lines skipped;
//!   a line that is not such an object gets `{"id": null | id, "line": N, "error"}`;
//! - stdout: one JSON line per document, in input order, `{"id", "document"}` (the
//!   document `vanban::parse_bytes` gives) or `{"id", "error"}`, whatever the number of
//!   threads;
//! - a bad document (binary, invalid UTF-8, unreadable) never stops the run: exit 0;
//! - progress and a summary on stderr, never on stdout; usage errors exit 2, an
//!   unreadable PATH exits 1 with one line on stderr.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `target/<profile>/examples/batch`, built by `cargo test` alongside this test.
fn batch_bin() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?.join("examples");
    let bin = dir.join(format!("batch{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

/// A fresh temporary directory for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)).unwrap()
}

fn run(bin: &Path, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(bin).args(args).output().unwrap()
}

/// The stdout lines as JSON values (every line must be one).
fn lines(out: &Output) -> Vec<Value> {
    let s = std::str::from_utf8(&out.stdout).expect("stdout is UTF-8");
    s.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}"))).collect()
}

/// What `vanban::parse_bytes` gives for `bytes`, as JSON.
fn expected(bytes: &[u8]) -> Result<Value, String> {
    vanban::parse_bytes(bytes).map(|d| serde_json::to_value(d).unwrap()).map_err(|e| e.to_string())
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn directory_good_bad_and_empty_files() {
    let Some(bin) = batch_bin() else {
        eprintln!("skipped: example binary not built");
        return;
    };
    let dir = temp("dir");
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("01-meeting.txt", fixture("hoi-nghi-so-ket-dan-van-2019.txt")),
        ("02-binary.bin", b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\xff\xfe\x00\x00".repeat(20)),
        (
            "03-broken-utf8.txt",
            [&fixture("sport-news.txt")[..200], b"\xc3\x28\x80\x81", &fixture("sport-news.txt")[..]].concat(),
        ),
        ("04-empty.txt", Vec::new()),
        ("05-tcvn3.txt", vanban::decode::encode_tcvn3(&String::from_utf8(fixture("comrades-list.txt")).unwrap())),
        ("06-sport.txt", fixture("sport-news.txt")),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    // Not recursive: a subdirectory and what is in it are not documents.
    std::fs::create_dir_all(dir.join("00-subdir")).unwrap();
    std::fs::write(dir.join("00-subdir/inner.txt"), fixture("sport-news.txt")).unwrap();

    let out = run(&bin, &[dir.as_os_str()]);
    assert!(out.status.success(), "exit {:?}: {}", out.status, stderr(&out));
    let got = lines(&out);
    let ids: Vec<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, files.iter().map(|(n, _)| *n).collect::<Vec<_>>(), "one line per file, sorted by name");
    for ((name, bytes), v) in files.iter().zip(&got) {
        let obj = v.as_object().unwrap();
        match expected(bytes) {
            Ok(doc) => {
                assert_eq!(obj.len(), 2, "{name}: {v}");
                assert_eq!(v["document"], doc, "{name}: not the document vanban::parse_bytes gives");
            }
            Err(e) => {
                assert_eq!(obj.len(), 2, "{name}: an error line for a file has id and error only: {v}");
                assert_eq!(v["error"].as_str(), Some(e.as_str()), "{name}");
            }
        }
    }
    // The cases this test is about, whatever the library does with them.
    assert!(got[1]["error"].is_string(), "binary data is an error: {}", got[1]);
    assert!(got[2]["error"].as_str().is_some_and(|e| e.contains("UTF-8")), "broken UTF-8: {}", got[2]);
    assert_eq!(got[3]["document"]["input"]["bytes"], 0, "an empty file is an empty document: {}", got[3]);
    assert_eq!(got[4]["document"]["input"]["encoding"], "tcvn3");
    assert_eq!(got[0]["document"]["people"].as_array().map(Vec::len), Some(8));

    // Progress and summary on stderr only.
    let err = stderr(&out);
    assert!(err.contains("batch: done: 6 documents (2 errors)"), "{err}");

    // The same output, in the same order, on any number of threads.
    for threads in ["1", "2", "5"] {
        let again = run(&bin, &[dir.as_os_str(), "--threads".as_ref(), threads.as_ref()]);
        assert!(again.status.success());
        assert_eq!(again.stdout, out.stdout, "--threads {threads} changes the output");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn directory_symlinks_are_followed_and_a_dangling_one_is_an_error_line() {
    let Some(bin) = batch_bin() else {
        eprintln!("skipped: example binary not built");
        return;
    };
    let dir = temp("links");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(dir.join("target.txt"), fixture("sport-news.txt")).unwrap();
    std::fs::write(docs.join("a.txt"), fixture("dash-tasks.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("target.txt"), docs.join("b-link.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("missing.txt"), docs.join("c-dangling.txt")).unwrap();
    std::os::unix::fs::symlink(&dir, docs.join("d-dir-link")).unwrap();
    let out = run(&bin, &[docs.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = lines(&out);
    let ids: Vec<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt", "b-link.txt", "c-dangling.txt"]);
    assert_eq!(got[1]["document"], expected(&fixture("sport-news.txt")).unwrap());
    assert!(got[2]["error"].as_str().is_some_and(|e| e.contains("cannot read")), "{}", got[2]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn json_lines_with_bad_lines() {
    let Some(bin) = batch_bin() else {
        eprintln!("skipped: example binary not built");
        return;
    };
    let dir = temp("jsonl");
    let meeting = String::from_utf8(fixture("voters-meeting.txt")).unwrap();
    let text = |id: Value, t: &str| serde_json::json!({"id": id, "text": t}).to_string();
    let input = [
        text(Value::from("a"), &meeting),       // line 2 (line 1: not UTF-8)
        "{not json".to_string(),                // line 3
        String::new(),                          // line 4: blank, skipped
        r#"{"id": 7, "text": 42}"#.to_string(), // line 5: text not a string
        r#"{"id": "no-text"}"#.to_string(),     // line 6
        r#"[1, 2, 3]"#.to_string(),             // line 7: not an object
        text(Value::from(12), ""),              // line 8: empty text
        text(serde_json::json!({"k": [1]}), "Chiều 16/3, UBND xã họp."), // line 9: any id
        "   ".to_string(),                      // line 10: blank
        text(Value::from("last"), &meeting),    // line 11, no newline after
    ]
    .join("\n");
    let mut bytes = input.into_bytes();
    // A line that is not UTF-8 at all.
    bytes.splice(0..0, b"{\"id\": \"x\xff\", \"text\": \"y\"}\n".iter().copied());
    let path = dir.join("in.jsonl");
    std::fs::write(&path, &bytes).unwrap();

    let out = run(&bin, &[path.as_os_str(), "--threads=2".as_ref()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = lines(&out);
    assert_eq!(got.len(), 9, "{got:#?}");
    let bad = |v: &Value, id: Value, line: u64| {
        assert_eq!(v["id"], id, "{v}");
        assert_eq!(v["line"], line, "{v}");
        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{v}");
        assert!(v.get("document").is_none(), "{v}");
    };
    bad(&got[0], Value::Null, 1);
    assert_eq!(got[1]["id"], "a");
    assert_eq!(got[1]["document"], expected(meeting.as_bytes()).unwrap());
    bad(&got[2], Value::Null, 3);
    bad(&got[3], Value::from(7), 5);
    bad(&got[4], Value::from("no-text"), 6);
    bad(&got[5], Value::Null, 7);
    assert_eq!(got[6]["id"], 12);
    assert_eq!(got[6]["document"]["input"]["bytes"], 0);
    assert_eq!(got[7]["id"], serde_json::json!({"k": [1]}));
    assert!(got[7]["document"].is_object());
    assert_eq!(got[8]["id"], "last");
    assert_eq!(got[8]["document"], got[1]["document"]);
    let err = stderr(&out);
    assert!(err.contains("batch: done: 9 documents (5 errors)"), "{err}");

    let one = run(&bin, &[path.as_os_str(), "--threads".as_ref(), "1".as_ref()]);
    assert_eq!(one.stdout, out.stdout, "--threads 1 changes the output");

    // An empty file: no documents, success.
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, b"").unwrap();
    let out = run(&bin, &[empty.as_os_str()]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_and_missing_path() {
    let Some(bin) = batch_bin() else {
        eprintln!("skipped: example binary not built");
        return;
    };
    for args in
        [&[][..], &["--threads", "0", "x"], &["--threads"], &["x", "--bogus"], &["a", "b"], &["--threads=two", "x"]]
    {
        let out = Command::new(&bin).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(stderr(&out).contains("usage"), "{args:?}");
    }
    let out = Command::new(&bin).arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("usage"));

    let out = Command::new(&bin).arg("/nonexistent/input.jsonl").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/nonexistent/input.jsonl"), "{err}");
}
