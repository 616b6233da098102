//! Zero-copy scanner for our service logs.
//!
//! A log line looks like `LEVEL target: message`, e.g.
//! `WARN db::pool: connection slow (812 ms)`. Parsed lines borrow from the
//! input text; nothing is copied.

/// One parsed log line. Every field is a slice of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogLine {
    pub level: &str,
    pub target: &str,
    pub message: &str,
}

impl LogLine {
    pub fn is_error(&self) -> bool {
        self.level == "ERROR"
    }
}

/// Parses one line. Returns `None` when the line does not have the
/// `LEVEL target: message` shape.
pub fn parse_line(line: &str) -> Option<LogLine> {
    let line = line.trim();
    let (level, rest) = line.split_once(' ')?;
    let (target, message) = rest.split_once(": ")?;
    if level.is_empty() || target.is_empty() || target.contains(' ') {
        return None;
    }
    Some(LogLine {
        level,
        target,
        message: message.trim(),
    })
}

/// Returns the message of whichever line has the longer message
/// (the first one on a tie).
pub fn longer_message(a: &LogLine, b: &LogLine) -> &str {
    if b.message.len() > a.message.len() {
        b.message
    } else {
        a.message
    }
}

/// Iterator over the parseable lines of a log text; other lines are skipped.
pub struct LogLines {
    rest: &str,
}

impl Iterator for LogLines {
    type Item = LogLine;

    fn next(&mut self) -> Option<LogLine> {
        while !self.rest.is_empty() {
            let (line, rest) = match self.rest.split_once('\n') {
                Some((line, rest)) => (line, rest),
                None => (self.rest, ""),
            };
            self.rest = rest;
            if let Some(parsed) = parse_line(line) {
                return Some(parsed);
            }
        }
        None
    }
}

pub fn log_lines(text: &str) -> LogLines {
    LogLines { rest: text }
}
