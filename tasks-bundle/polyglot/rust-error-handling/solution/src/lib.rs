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
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or(ConfigError::MissingSeparator { line: line_no })?;
        let (key, value) = (key.trim(), value.trim());
        let invalid = || ConfigError::InvalidValue {
            line: line_no,
            key: key.to_string(),
            value: value.to_string(),
        };
        match key {
            "host" if value.is_empty() => return Err(invalid()),
            "host" => config.host = value.to_string(),
            "port" => match value.parse::<u16>() {
                Ok(port) if port > 0 => config.port = port,
                _ => return Err(invalid()),
            },
            "workers" => match value.parse::<u32>() {
                Ok(workers) if workers > 0 => config.workers = workers,
                _ => return Err(invalid()),
            },
            other => {
                return Err(ConfigError::UnknownKey {
                    line: line_no,
                    key: other.to_string(),
                })
            }
        }
    }
    Ok(config)
}
