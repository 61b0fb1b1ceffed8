//! `vanban`: reads Vietnamese government texts about meetings and prints what they say.
//!
//! - `vanban parse FILE|-` prints one document as text (Vietnamese labels by default,
//!   `--lang en`), JSON (what the library's model serializes to) or a self-contained HTML
//!   page that highlights what was found;
//! - `vanban batch PATH…` parses files and folders (recursively) on all cores and writes
//!   one JSON line per document, in order; a progress line on stderr when it is a terminal;
//! - `vanban table people|tasks|meetings PATH…` writes CSV for a spreadsheet.
//!
//! Everything a person reads comes from [`vanban::render`]: this crate only reads files,
//! runs the parser and writes.

#![forbid(unsafe_code)]

mod files;
mod progress;
mod run;

use clap::{Parser as _, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vanban::render::{self, Lang};
use vanban::{Parser, ToneStyle};

/// Reads Vietnamese government texts about meetings (news reports, minutes, notices,
/// plans) and prints who met, when, who chaired, who attended in which office, and what
/// was decided.
#[derive(clap::Parser, Debug)]
#[command(name = "vanban", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse one document and print it.
    Parse {
        /// The file to read, or `-` for standard input.
        file: PathBuf,
        /// What to print.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the labels of `--format text`.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        options: ParseOptions,
    },
    /// Parse files and folders (recursively), one JSON line per document on stdout.
    Batch {
        /// Files and folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Worker threads (default: every core).
        #[arg(long)]
        threads: Option<std::num::NonZeroUsize>,
        /// Show the progress line even when stderr is not a terminal.
        #[arg(long, conflicts_with = "quiet")]
        progress: bool,
        /// Never show the progress line.
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        options: ParseOptions,
    },
    /// Parse files and folders and write one CSV table of what they say.
    Table {
        /// Which table: one row per person and role, per task, or per meeting.
        #[arg(value_enum)]
        table: Table,
        /// Files and folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Start with a UTF-8 byte-order mark (for spreadsheets that want one to read
        /// Vietnamese).
        #[arg(long)]
        bom: bool,
        /// Worker threads (default: every core).
        #[arg(long)]
        threads: Option<std::num::NonZeroUsize>,
        #[command(flatten)]
        options: ParseOptions,
    },
}

#[derive(clap::Args, Debug, Clone)]
struct ParseOptions {
    /// The year of a meeting date written without one, when the text gives none.
    #[arg(long, value_name = "YEAR")]
    reference_year: Option<i32>,
    /// Tone-mark placement of the text fields: old (hòa), new (hoà) or as written.
    #[arg(long, value_enum, default_value_t = Tone::Keep)]
    tone: Tone,
}

impl ParseOptions {
    fn parser(&self) -> Parser {
        let tone = match self.tone {
            Tone::Old => ToneStyle::Old,
            Tone::New => ToneStyle::New,
            Tone::Keep => ToneStyle::Keep,
        };
        let b = Parser::builder().tone_style(tone);
        match self.reference_year {
            Some(y) => b.reference_year(y),
            None => b,
        }
        .build()
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    Vi,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Tone {
    Old,
    New,
    Keep,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Table {
    People,
    Tasks,
    Meetings,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { file, format, lang, options } => parse(&file, format, lang, &options),
        Command::Batch { paths, threads, progress, quiet, options } => {
            let show = !quiet && (progress || std::io::stderr().is_terminal());
            run::batch(&paths, threads_or_all(threads), show, &options.parser())
        }
        Command::Table { table, paths, bom, threads, options } => {
            let (header, rows): (&[&str], run::Rows) = match table {
                Table::People => (render::table::PEOPLE, render::table::people),
                Table::Tasks => (render::table::TASKS, render::table::tasks),
                Table::Meetings => (render::table::MEETINGS, render::table::meetings),
            };
            run::table(&paths, threads_or_all(threads), header, rows, bom, &options.parser())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vanban: {e}");
            ExitCode::FAILURE
        }
    }
}

fn threads_or_all(n: Option<std::num::NonZeroUsize>) -> usize {
    n.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get())
}

/// An error that ends the command, with the one line it prints.
#[derive(Debug)]
pub(crate) struct Failure(String, Option<std::io::ErrorKind>);

impl Failure {
    pub(crate) fn new(msg: impl Into<String>) -> Self {
        Failure(msg.into(), None)
    }
    pub(crate) fn io(what: impl std::fmt::Display, e: &std::io::Error) -> Self {
        Failure(format!("{what}: {e}"), Some(e.kind()))
    }
    /// A reader closed the pipe (`vanban … | head`): not worth an error.
    fn is_broken_pipe(&self) -> bool {
        self.1 == Some(std::io::ErrorKind::BrokenPipe)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn parse(file: &std::path::Path, format: Format, lang: LangArg, options: &ParseOptions) -> Result<(), Failure> {
    let bytes = if file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b).map_err(|e| Failure::io("cannot read standard input", &e))?;
        b
    } else {
        std::fs::read(file).map_err(|e| Failure::io(format_args!("cannot read {}", file.display()), &e))?
    };
    let parser = options.parser();
    let doc = parser.parse_bytes(&bytes).map_err(|e| Failure::new(format!("{}: {e}", file.display())))?;
    let out = match format {
        Format::Json => {
            serde_json::to_string_pretty(&doc).map_err(|e| Failure::new(format!("cannot serialize: {e}")))? + "\n"
        }
        Format::Text | Format::Html => {
            let (doc, text) = render::readable(&parser, doc, &bytes);
            match format {
                Format::Html => render::html(&doc, &text),
                _ => render::text(&doc, &text, if matches!(lang, LangArg::En) { Lang::En } else { Lang::Vi }),
            }
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()).map_err(|e| Failure::io("cannot write", &e))
}
