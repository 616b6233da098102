use svcconf::*;

fn invalid(line: usize, key: &str, value: &str) -> ConfigError {
    ConfigError::InvalidValue {
        line,
        key: key.to_string(),
        value: value.to_string(),
    }
}

#[test]
fn parses_full_config() {
    let text = "# production\nhost = 10.0.0.5\n\nport = 9000\nworkers=16\n";
    let expected = ServerConfig {
        host: "10.0.0.5".to_string(),
        port: 9000,
        workers: 16,
    };
    assert_eq!(parse_config(text), Ok(expected));
}

#[test]
fn missing_keys_keep_defaults() {
    assert_eq!(parse_config(""), Ok(ServerConfig::default()));
    let config = parse_config("port = 443").unwrap();
    assert_eq!(config.host, "127.0.0.1");
    assert_eq!(config.port, 443);
    assert_eq!(config.workers, 4);
}

#[test]
fn line_without_separator_is_an_error() {
    let text = "host = example.org\nport 9000\n";
    assert_eq!(
        parse_config(text),
        Err(ConfigError::MissingSeparator { line: 2 })
    );
}

#[test]
fn unknown_key_is_an_error() {
    let text = "# comment\n\nthreads = 8\n";
    assert_eq!(
        parse_config(text),
        Err(ConfigError::UnknownKey {
            line: 3,
            key: "threads".to_string(),
        })
    );
}

#[test]
fn non_numeric_port_is_invalid() {
    assert_eq!(
        parse_config("port = http"),
        Err(invalid(1, "port", "http"))
    );
}

#[test]
fn port_out_of_range_is_invalid() {
    assert_eq!(
        parse_config("host = a\nport = 70000"),
        Err(invalid(2, "port", "70000"))
    );
    assert_eq!(parse_config("port = 0"), Err(invalid(1, "port", "0")));
}

#[test]
fn workers_must_be_positive_number() {
    assert_eq!(parse_config("workers = 0"), Err(invalid(1, "workers", "0")));
    assert_eq!(
        parse_config("workers = -2"),
        Err(invalid(1, "workers", "-2"))
    );
}

#[test]
fn empty_host_is_invalid() {
    assert_eq!(parse_config("host =   "), Err(invalid(1, "host", "")));
}

#[test]
fn first_error_wins_and_displays_line_number() {
    let err = parse_config("port = x\nbogus\n").unwrap_err();
    assert_eq!(err, invalid(1, "port", "x"));
    assert_eq!(err.to_string(), "line 1: invalid value `x` for `port`");
}
