use logscan::*;

fn error_messages(text: &str) -> Vec<&str> {
    log_lines(text).filter(|l| l.is_error()).map(|l| l.message).collect()
}

fn longest_message(text: &str) -> &str {
    let lines: Vec<LogLine> = log_lines(text).collect();
    let mut best = lines[0].message;
    for pair in lines.windows(2) {
        let m = longer_message(&pair[0], &pair[1]);
        if m.len() > best.len() {
            best = m;
        }
    }
    best
}

fn inside(part: &str, whole: &str) -> bool {
    let base = whole.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    at >= base && at + part.len() <= base + whole.len()
}

fn build_log() -> String {
    let mut text = String::new();
    for i in 0..5 {
        text.push_str(&format!("DEBUG cache::lru: evicted {i} entries\n"));
        text.push_str("not a log line\n");
        text.push_str(&format!("ERROR queue::worker: job {i} failed{}\n", "!".repeat(2 * i)));
    }
    text
}

#[test]
fn heldout_messages_returned_from_helpers_borrow_the_text() {
    let text = build_log();
    let errors = error_messages(&text);
    assert_eq!(errors.len(), 5);
    assert_eq!(errors[4], "job 4 failed!!!!!!!!");
    assert!(errors.iter().all(|m| inside(m, &text)));
}

#[test]
fn heldout_longest_message_outlives_its_lines() {
    let text = build_log();
    let longest = longest_message(&text);
    assert_eq!(longest, "job 4 failed!!!!!!!!");
    assert!(inside(longest, &text));
}

#[test]
fn heldout_parse_line_fields_are_slices() {
    let owned = format!("{} {}: {}", "TRACE", "net::dns", "resolved example.org in 3 ms");
    let parsed = parse_line(&owned).unwrap();
    assert_eq!((parsed.level, parsed.target, parsed.message), ("TRACE", "net::dns", "resolved example.org in 3 ms"));
    assert!(inside(parsed.level, &owned) && inside(parsed.target, &owned) && inside(parsed.message, &owned));
    assert_eq!(parse_line("TRACE net dns: x"), None);
}
