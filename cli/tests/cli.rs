//! The `vanban` command as a person runs it: `parse` in its three formats (JSON the same
//! bytes as the library gives), `batch` over folders (recursive, in order, a bad document
//! a line of its own, nothing but JSON on stdout, no progress line when stderr is not a
//! terminal), `table` as CSV, and one-line errors with non-zero exits.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban")).args(args).output().expect("run vanban")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

fn seed() -> String {
    fixtures().join("hoi-nghi-so-ket-dan-van-2019.txt").display().to_string()
}

/// A fresh temporary folder for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

#[test]
fn parse_prints_text_json_and_html() {
    let out = vanban(&["parse", &seed()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("Văn bản: Tin bài\n"), "{text}");
    assert!(text.contains("  Chủ trì: Hoàng Thế Hòe\n"), "{text}");

    let en = stdout(&vanban(&["parse", &seed(), "--lang", "en"]));
    assert!(en.contains("  Chair: Hoàng Thế Hòe\n") && en.contains("2019-07-05"), "{en}");

    // JSON: the very bytes of the library's model, pretty-printed, as the example prints.
    let out = vanban(&["parse", &seed(), "--format", "json"]);
    assert!(out.status.success());
    let bytes = std::fs::read(seed()).unwrap();
    let doc = vanban::parse_bytes(&bytes).unwrap();
    assert_eq!(stdout(&out), serde_json::to_string_pretty(&doc).unwrap() + "\n");

    let page = stdout(&vanban(&["parse", &seed(), "--format", "html"]));
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains(r#"data-kind="chair""#));
}

#[test]
fn parse_reads_stdin_and_takes_options() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["parse", "-", "--format", "json", "--reference-year", "2021", "--tone", "new"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all("Sáng 8/7, Ủy ban nhân dân xã tổ chức hội nghị.".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meeting"]["date"]["year"], 2021);
    assert_eq!(v["meeting"]["organizer"]["text"], "Uỷ ban nhân dân xã");
}

#[test]
fn errors_are_one_line_and_non_zero() {
    let out = vanban(&["parse", "/nonexistent/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("vanban: cannot read /nonexistent/file.txt"), "{err}");

    let dir = temp("errors");
    let bad = dir.join("bad.bin");
    std::fs::write(&bad, b"\x00\x01\x02\x03\xc3\x28\x80\x81\x82\x83\x84\x85").unwrap();
    let out = vanban(&["parse", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);

    assert_eq!(vanban(&["parse", "x", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(vanban(&["batch"]).status.code(), Some(2));
    assert_eq!(vanban(&["table", "nobody", "x"]).status.code(), Some(2));
    assert_eq!(vanban(&["batch", "/nonexistent"]).status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn batch_walks_folders_in_order_and_survives_bad_documents() {
    let dir = temp("batch");
    std::fs::create_dir_all(dir.join("b-sub/deeper")).unwrap();
    std::fs::copy(seed(), dir.join("a-seed.txt")).unwrap();
    std::fs::write(dir.join("b-sub/bad.bin"), b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\xff\xfe".repeat(20)).unwrap();
    std::fs::copy(fixtures().join("sport-news.txt"), dir.join("b-sub/deeper/sport.txt")).unwrap();
    std::fs::write(dir.join("c-empty.txt"), b"").unwrap();
    let extra = fixtures().join("comrades-list.txt");
    let out = vanban(&["batch", dir.to_str().unwrap(), extra.to_str().unwrap(), "--threads", "3"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // stderr is a pipe here: no progress line.
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<String> = lines.iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    let rel = |p: &str| dir.join(p).display().to_string();
    assert_eq!(
        ids,
        [
            rel("a-seed.txt"),
            rel("b-sub/bad.bin"),
            rel("b-sub/deeper/sport.txt"),
            rel("c-empty.txt"),
            extra.display().to_string()
        ]
    );
    let seed_doc = serde_json::to_value(vanban::parse_bytes(&std::fs::read(seed()).unwrap()).unwrap()).unwrap();
    assert_eq!(lines[0]["document"], seed_doc);
    assert!(lines[1]["error"].as_str().is_some_and(|e| !e.is_empty()), "{}", lines[1]);
    assert!(lines[2]["document"].is_object() && lines[3]["document"].is_object() && lines[4]["document"].is_object());

    // Asked for, the progress line goes to stderr, never stdout.
    let out = vanban(&["batch", dir.to_str().unwrap(), "--progress"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("4/4 documents") && err.contains("MB/s") && err.contains("1 error"), "{err}");
    assert_eq!(stdout(&out).lines().count(), 4);
    std::fs::remove_dir_all(&dir).ok();
}

/// CSV records, parsed by hand (fields may be quoted, with doubled quotes and line breaks).
fn csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, s.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn tables_are_csv_with_one_header() {
    let fx = fixtures();
    let out = vanban(&["table", "people", fx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = csv(&stdout(&out));
    assert_eq!(rows[0], vanban::render::table::PEOPLE);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let seed_rows: Vec<_> = rows.iter().filter(|r| r[0].ends_with("hoi-nghi-so-ket-dan-van-2019.txt")).collect();
    let hoe: Vec<_> = seed_rows.iter().filter(|r| r[5] == "Hoàng Thế Hòe").collect();
    assert_eq!(hoe.len(), 3, "one row per role: {hoe:?}");
    assert!(hoe.iter().all(|r| r[10] == "yes" && r[2] == "2019-07-05"));

    let rows = csv(&stdout(&vanban(&["table", "tasks", &seed()])));
    assert_eq!(rows[0], vanban::render::table::TASKS);
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[1][3], "(1)");

    let out = vanban(&["table", "meetings", &seed(), "--bom"]);
    let s = stdout(&out);
    let rows = csv(s.strip_prefix('\u{feff}').expect("a BOM"));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][4], "2019-07-05");
}
