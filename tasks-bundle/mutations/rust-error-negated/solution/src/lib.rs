//! Retry helper used by the sync worker when talking to flaky upstreams.

use std::fmt;

/// Why [`retry`] gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetryError<E> {
    /// `max_attempts` was zero, so the operation was never run.
    NoAttempts,
    /// Every attempt failed; `last_error` is the error of the final attempt.
    Exhausted { attempts: u32, last_error: E },
}

impl<E: fmt::Display> fmt::Display for RetryError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryError::NoAttempts => write!(f, "retry called with max_attempts = 0"),
            RetryError::Exhausted { attempts, last_error } => {
                write!(f, "gave up after {attempts} attempt(s): {last_error}")
            }
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for RetryError<E> {}

/// Runs `op` until it returns `Ok` or `max_attempts` attempts have been made.
///
/// `op` receives the 1-based number of the current attempt. The first `Ok`
/// is returned as is; if every attempt fails, the error of the last attempt
/// is returned inside [`RetryError::Exhausted`].
pub fn retry<T, E>(
    max_attempts: u32,
    mut op: impl FnMut(u32) -> Result<T, E>,
) -> Result<T, RetryError<E>> {
    if max_attempts == 0 {
        return Err(RetryError::NoAttempts);
    }
    let mut attempt = 1;
    loop {
        let outcome = op(attempt);
        let should_retry = outcome.is_err() && attempt < max_attempts;
        if !should_retry {
            return outcome.map_err(|last_error| RetryError::Exhausted {
                attempts: attempt,
                last_error,
            });
        }
        attempt += 1;
    }
}
