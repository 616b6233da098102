use retry::*;

#[test]
fn first_attempt_ok_returns_immediately() {
    let mut calls = 0;
    let result: Result<u32, RetryError<&str>> = retry(3, |_| {
        calls += 1;
        Ok(42)
    });
    assert_eq!(result, Ok(42));
    assert_eq!(calls, 1, "a successful first attempt must not be retried");
}

#[test]
fn gives_up_after_max_attempts() {
    let mut seen = Vec::new();
    let result: Result<(), RetryError<String>> = retry(3, |attempt| {
        seen.push(attempt);
        Err(format!("timeout on attempt {attempt}"))
    });
    assert_eq!(seen, vec![1, 2, 3]);
    assert_eq!(
        result,
        Err(RetryError::Exhausted {
            attempts: 3,
            last_error: "timeout on attempt 3".to_string(),
        })
    );
}

#[test]
fn retries_on_error_until_success() {
    let mut calls = 0;
    let result = retry(5, |attempt| {
        calls += 1;
        if attempt < 3 {
            Err("connection reset")
        } else {
            Ok(attempt * 10)
        }
    });
    assert_eq!(result, Ok(30));
    assert_eq!(calls, 3, "must stop retrying once an attempt succeeds");
}

#[test]
fn zero_max_attempts_errors() {
    let mut calls = 0;
    let result: Result<(), RetryError<&str>> = retry(0, |_| {
        calls += 1;
        Ok(())
    });
    assert_eq!(result, Err(RetryError::NoAttempts));
    assert_eq!(calls, 0);
}
