use std::fmt;

/// Everything that can be wrong with a service config file.
///
/// `line` is always the 1-based line number in the input text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// A line that is neither blank, nor a `#` comment, nor `key = value`.
    MissingSeparator { line: usize },
    /// A key this service does not know about.
    UnknownKey { line: usize, key: String },
    /// A known key whose value is not acceptable (empty host, port not in
    /// 1..=65535, workers not a number >= 1). `value` is the trimmed text.
    InvalidValue { line: usize, key: String, value: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingSeparator { line } => {
                write!(f, "line {line}: expected `key = value`")
            }
            ConfigError::UnknownKey { line, key } => write!(f, "line {line}: unknown key `{key}`"),
            ConfigError::InvalidValue { line, key, value } => {
                write!(f, "line {line}: invalid value `{value}` for `{key}`")
            }
        }
    }
}

impl std::error::Error for ConfigError {}
