use logscan::*;

const SAMPLE: &str = "INFO http::server: listening on :8080\n\
garbage line\n\
WARN db::pool: connection slow (812 ms)\n\
ERROR http::handler: upstream timed out after 30s\n";

fn is_slice_of(part: &str, whole: &str) -> bool {
    let start = whole.as_ptr() as usize;
    let p = part.as_ptr() as usize;
    p >= start && p + part.len() <= start + whole.len()
}

#[test]
fn parses_a_line_without_copying() {
    let text = String::from("  WARN db::pool: connection slow (812 ms)  ");
    let line = parse_line(&text).expect("line should parse");
    let level: &str = line.level;
    let target: &str = line.target;
    let message: &str = line.message;
    assert_eq!((level, target, message), ("WARN", "db::pool", "connection slow (812 ms)"));
    assert!(is_slice_of(level, &text) && is_slice_of(target, &text) && is_slice_of(message, &text));
    assert!(!line.is_error());
}

#[test]
fn rejects_malformed_lines() {
    assert_eq!(parse_line("garbage line"), None);
    assert_eq!(parse_line("INFO no colon here"), None);
    assert_eq!(parse_line(""), None);
}

#[test]
fn longer_message_outlives_the_parsed_lines() {
    let text = String::from(SAMPLE);
    let lines: Vec<&str> = text.lines().collect();
    let winner: &str;
    {
        let a = parse_line(lines[2]).unwrap();
        let b = parse_line(lines[3]).unwrap();
        winner = longer_message(&a, &b);
    }
    assert_eq!(winner, "upstream timed out after 30s");
    assert!(is_slice_of(winner, &text));
}

#[test]
fn longer_message_prefers_first_on_tie() {
    let a = parse_line("INFO a: abc").unwrap();
    let b = parse_line("INFO b: xyz").unwrap();
    assert_eq!(longer_message(&a, &b), "abc");
}

#[test]
fn iterates_and_skips_unparseable_lines() {
    let text = String::from(SAMPLE);
    let parsed: Vec<LogLine> = log_lines(&text).collect();
    assert_eq!(parsed.len(), 3);
    assert_eq!(parsed[0].target, "http::server");
    assert!(parsed[2].is_error());
    assert!(parsed.iter().all(|l| is_slice_of(l.message, &text)));
}

#[test]
fn items_outlive_the_iterator() {
    let text = String::from(SAMPLE);
    let errors: Vec<&str> = {
        let mut iter = log_lines(&text);
        let mut out = Vec::new();
        while let Some(line) = iter.next() {
            if line.is_error() {
                out.push(line.message);
            }
        }
        out
    };
    assert_eq!(errors, vec!["upstream timed out after 30s"]);
}
