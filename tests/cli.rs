//! The `parse` example as a person runs it: JSON by default, a text summary, a page, and one
//! clear line on stderr with a non-zero exit for a missing file or undecodable bytes.

use std::path::PathBuf;
use std::process::Command;

/// `target/<profile>/examples/parse`, built by `cargo test` alongside this test.
fn parse_bin() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?.join("examples");
    let bin = dir.join(format!("parse{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/hoi-nghi-so-ket-dan-van-2019.txt")
}

#[test]
fn json_and_text_output() {
    let Some(bin) = parse_bin() else {
        eprintln!("skipped: example binary not built");
        return;
    };
    let out = Command::new(&bin).arg(seed()).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meeting"]["date"]["day"], 5);
    assert_eq!(v["people"].as_array().map(Vec::len), Some(8));

    let out = Command::new(&bin).arg(seed()).args(["--format", "text"]).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    // The summary is `vanban::render::text` in Vietnamese (tests/render.rs holds its
    // golden files); the labels changed from the English debug dump of before.
    assert!(s.contains("  Chủ trì: Hoàng Thế Hòe\n"), "{s}");
    assert!(s.contains("  Thời gian: Chiều ngày 05/7/2019 → 2019-07-05\n"), "{s}");

    let out = Command::new(&bin).arg(seed()).args(["--format", "html"]).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("<!DOCTYPE html>") && s.contains(r#"data-kind="chair""#), "{s}");
}

#[test]
fn errors_are_one_line_and_non_zero() {
    let Some(bin) = parse_bin() else {
        eprintln!("skipped: example binary not built");
        return;
    };
    let out = Command::new(&bin).arg("/nonexistent/file.txt").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot read"), "{err}");

    let dir = std::env::temp_dir().join(format!("vanban-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"\x00\x01\x02\x03\xc3\x28\x80\x81\x82\x83\x84\x85").unwrap();
    let out = Command::new(&bin).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    std::fs::remove_dir_all(&dir).ok();

    let out = Command::new(&bin).args(["--format", "xml", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn dash_reads_standard_input() {
    let Some(bin) = parse_bin() else {
        eprintln!("skipped: example binary not built");
        return;
    };
    use std::io::Write;
    use std::process::Stdio;
    let run = |input: &[u8], args: &[&str]| {
        let mut child = Command::new(&bin)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    };
    // The same document as from the file.
    let text = std::fs::read(seed()).unwrap();
    let out = run(&text, &["-"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let from_file: serde_json::Value =
        serde_json::from_slice(&Command::new(&bin).arg(seed()).output().unwrap().stdout).unwrap();
    assert_eq!(from_stdin, from_file);
    // Legacy bytes are decoded from standard input too; the text summary reads it as well.
    let tcvn3 = vanban::decode::encode_tcvn3("Đồng chí Nguyễn Văn An - Chủ tịch Uỷ ban nhân dân huyện phát biểu.");
    let out = run(&tcvn3, &["--format", "text", "-"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Nguyễn Văn An"), "{s}");
    // Binary bytes on standard input: one line, non-zero.
    let out = run(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", &["-"]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
}
