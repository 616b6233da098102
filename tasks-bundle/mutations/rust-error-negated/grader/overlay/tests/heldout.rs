use retry::*;

#[test]
fn heldout_success_on_attempt_k_calls_op_k_times() {
    for max in 1..=6u32 {
        for k in 1..=max {
            let mut calls = Vec::new();
            let result = retry(max, |attempt| {
                calls.push(attempt);
                if attempt == k { Ok(format!("ok@{attempt}")) } else { Err(attempt) }
            });
            assert_eq!(result, Ok(format!("ok@{k}")), "max {max}, k {k}");
            assert_eq!(calls, (1..=k).collect::<Vec<_>>(), "max {max}, k {k}");
        }
    }
}

#[test]
fn heldout_single_attempt_failure_is_exhausted() {
    let result: Result<u8, RetryError<i32>> = retry(1, |_| Err(-7));
    assert_eq!(result, Err(RetryError::Exhausted { attempts: 1, last_error: -7 }));
}

#[test]
fn heldout_always_failing_reports_the_last_error() {
    let mut calls = 0u32;
    let result: Result<(), RetryError<u32>> = retry(7, |attempt| {
        calls += 1;
        Err(attempt * 100)
    });
    assert_eq!(calls, 7);
    assert_eq!(result, Err(RetryError::Exhausted { attempts: 7, last_error: 700 }));
    assert_eq!(result.unwrap_err().to_string(), "gave up after 7 attempt(s): 700");
}
