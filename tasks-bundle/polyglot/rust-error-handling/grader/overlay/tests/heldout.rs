use svcconf::*;

fn bad(line: usize, key: &str, value: &str) -> Result<ServerConfig, ConfigError> {
    Err(ConfigError::InvalidValue { line, key: key.to_string(), value: value.to_string() })
}

#[test]
fn heldout_invalid_values_on_later_lines() {
    assert_eq!(parse_config("# a\n# b\nport = 80o\n"), bad(3, "port", "80o"));
    assert_eq!(parse_config("host = h\n\n\nport = 65536"), bad(4, "port", "65536"));
    assert_eq!(parse_config("workers = four"), bad(1, "workers", "four"));
    assert_eq!(parse_config("workers = 2\nworkers = 99999999999"), bad(2, "workers", "99999999999"));
    assert_eq!(parse_config("port = 443\nhost ="), bad(2, "host", ""));
}

#[test]
fn heldout_structural_errors() {
    assert_eq!(parse_config("\n\n\njust words"), Err(ConfigError::MissingSeparator { line: 4 }));
    assert_eq!(
        parse_config("port = 1\nlog_level = debug"),
        Err(ConfigError::UnknownKey { line: 2, key: "log_level".to_string() })
    );
}

#[test]
fn heldout_boundaries_still_parse() {
    let config = parse_config("port = 65535\nworkers = 1\nhost = ::1").unwrap();
    assert_eq!(config, ServerConfig { host: "::1".to_string(), port: 65535, workers: 1 });
    assert_eq!(parse_config("port = 1").unwrap().port, 1);
}

#[test]
fn heldout_never_panics_on_garbage() {
    let inputs = ["=", "==", "port==", "port = -1", "workers = 1.5", "host", "\u{feff}x = y", "port = 99999999999999999999"];
    for input in inputs {
        let outcome = std::panic::catch_unwind(|| parse_config(input));
        assert!(matches!(outcome, Ok(Err(_))), "input {input:?} must give an error, not panic or parse");
    }
}
