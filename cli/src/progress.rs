//! The progress line of `batch` and `table` on stderr: documents done, megabytes per
//! second, time spent and time left, redrawn in place a few times a second.

use std::io::Write;
use std::time::{Duration, Instant};

/// Progress of a run over `total` documents of `total_bytes` bytes.
pub(crate) struct Progress {
    shown: bool,
    total: usize,
    total_bytes: u64,
    done: usize,
    bytes: u64,
    errors: usize,
    start: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    /// `shown`: whether to draw at all (stderr is a terminal, or asked for).
    pub(crate) fn new(shown: bool, total: usize, total_bytes: u64) -> Self {
        Progress { shown, total, total_bytes, done: 0, bytes: 0, errors: 0, start: Instant::now(), drawn: None }
    }

    /// One more document done, of `bytes` bytes.
    pub(crate) fn add(&mut self, bytes: u64, error: bool) {
        self.done += 1;
        self.bytes += bytes;
        self.errors += usize::from(error);
        if self.shown && self.drawn.is_none_or(|t| t.elapsed() >= Duration::from_millis(100)) {
            self.draw(false);
        }
    }

    /// A message on its own line, the progress line drawn again below it.
    pub(crate) fn say(&mut self, msg: &str) {
        let mut err = std::io::stderr().lock();
        let _ = if self.shown { writeln!(err, "\r\x1b[K{msg}") } else { writeln!(err, "{msg}") };
        drop(err);
        if self.shown {
            self.draw(false);
        }
    }

    /// The last state, and a line break.
    pub(crate) fn finish(&mut self) {
        if self.shown {
            self.draw(true);
        }
    }

    /// The line as it stands.
    pub(crate) fn line(&self) -> String {
        const WIDTH: usize = 24;
        let secs = self.start.elapsed().as_secs_f64();
        let share = if self.total_bytes > 0 {
            self.bytes as f64 / self.total_bytes as f64
        } else if self.total > 0 {
            self.done as f64 / self.total as f64
        } else {
            1.0
        }
        .clamp(0.0, 1.0);
        let filled = (share * WIDTH as f64).round() as usize;
        let bar: String = "█".repeat(filled) + &"░".repeat(WIDTH - filled);
        let rate = if secs > 0.0 { self.bytes as f64 / 1e6 / secs } else { 0.0 };
        let left = if self.done == self.total {
            "done".to_string()
        } else if share > 0.0 {
            format!("~{} left", clock(secs * (1.0 - share) / share))
        } else {
            "…".to_string()
        };
        let errors = match self.errors {
            0 => String::new(),
            1 => " · 1 error".to_string(),
            n => format!(" · {n} errors"),
        };
        format!(
            "{bar} {}/{} documents · {rate:.1} MB/s · {} elapsed · {left}{errors}",
            self.done,
            self.total,
            clock(secs)
        )
    }

    fn draw(&mut self, last: bool) {
        self.drawn = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{}{}", self.line(), if last { "\n" } else { "" });
        let _ = err.flush();
    }
}

/// Seconds as `m:ss` (or `h:mm:ss`).
fn clock(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_documents_rate_and_time_left() {
        let mut p = Progress::new(false, 4, 400);
        assert!(p.line().contains("0/4 documents"), "{}", p.line());
        p.add(100, false);
        p.add(100, true);
        let line = p.line();
        assert!(line.starts_with("████████████░░░░░░░░░░░░ 2/4 documents · "), "{line}");
        assert!(line.contains(" MB/s · 0:00 elapsed · ~0:00 left · 1 error"), "{line}");
        p.add(100, false);
        p.add(100, false);
        assert!(p.line().contains("4/4 documents") && p.line().contains("done"), "{}", p.line());
        assert_eq!(clock(3725.0), "1:02:05");
        assert_eq!(clock(65.4), "1:05");
    }
}
