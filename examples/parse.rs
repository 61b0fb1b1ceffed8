//! `cargo run --release --example parse -- FILE|- [--format json|text|html]`
//!
//! Parses one file (`-`: standard input) and prints the document: pretty JSON (the default), the text summary
//! of [`vanban::render::text`] (Vietnamese labels) or the page of [`vanban::render::html`].
//! A missing file or undecodable bytes print one line on stderr and exit with status 1
//! (2 for bad arguments). The `vanban` command (`cli/`) does the same and more.

use std::process::ExitCode;
use vanban::{Parser, render};

/// The output formats.
const FORMATS: [&str; 3] = ["json", "text", "html"];

/// Usage text.
const USAGE: &str = "usage: parse FILE|- [--format json|text|html]";

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut file = None;
    let mut format = "json".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => match args.next() {
                Some(f) if FORMATS.contains(&f.as_str()) => format = f,
                _ => return usage(),
            },
            s if s.starts_with("--format=") => format = s["--format=".len()..].to_string(),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() => file = Some(a),
            _ => return usage(),
        }
    }
    let Some(file) = file else { return usage() };
    if !FORMATS.contains(&format.as_str()) {
        return usage();
    }
    // `-` is standard input.
    let read = if file == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut b).map(|_| b)
    } else {
        std::fs::read(&file)
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            eprintln!("parse: cannot read {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = match Parser::default().parse_bytes(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("parse: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = if format == "json" {
        match serde_json::to_string_pretty(&doc) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("parse: cannot serialize: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let (doc, text) = render::readable(&Parser::default(), doc, &bytes);
        if format == "text" { render::text(&doc, &text, render::Lang::Vi) } else { render::html(&doc, &text) }
    };
    // A closed pipe (`parse FILE | head`) is not an error worth a panic.
    use std::io::Write;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("parse: cannot write: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
