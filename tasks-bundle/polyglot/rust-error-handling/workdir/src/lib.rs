//! Parser for the `service.conf` files our deploy tooling writes.
//!
//! The format is one `key = value` per line; blank lines and lines starting
//! with `#` are ignored. Known keys: `host`, `port`, `workers`.

mod error;

pub use error::ConfigError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    pub host: String,
    pub port: u16,
    pub workers: u32,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            host: "127.0.0.1".to_string(),
            port: 8080,
            workers: 4,
        }
    }
}

/// Parses a config file. Keys that are not present keep their default value.
pub fn parse_config(text: &str) -> Result<ServerConfig, ConfigError> {
    let mut config = ServerConfig::default();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once('=').unwrap();
        let (key, value) = (key.trim(), value.trim());
        match key {
            "host" => config.host = value.to_string(),
            "port" => config.port = value.parse().unwrap(),
            "workers" => config.workers = value.parse().expect("workers must be a number"),
            other => panic!("unknown config key: {other}"),
        }
    }
    Ok(config)
}
