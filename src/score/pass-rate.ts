// pass_rate: decided by the grade stage from per-test results (every recorded test passed, none
// missing, canaries intact, an honest exit code) — never from the exit code alone.

import type { GradeFacts } from './types.js';
import { tailText } from './tail.js';
import { parseTestSummary } from './test-summary.js';
import type { PassRateAxis } from './types.js';

function partial(grade: GradeFacts): number | null {
  const { verdict } = grade;
  if (verdict.tests_expected && verdict.expected_passed !== null) return verdict.expected_passed / verdict.tests_expected;
  const reported = verdict.tests_passed.length + verdict.tests_failed.length;
  if (reported > 0) return verdict.tests_passed.length / reported;
  const summary = parseTestSummary(grade.exec.stdout, grade.exec.stderr);
  return summary && summary.total > 0 ? summary.passed / summary.total : null;
}

export function scorePassRate(grade: GradeFacts): PassRateAxis {
  const { exec, verdict } = grade;
  const stderr = exec.error ? `${exec.stderr}${exec.stderr ? '\n' : ''}${exec.error}` : exec.stderr;
  return {
    pass: verdict.pass,
    exit_code: exec.exitCode,
    timed_out: exec.timedOut,
    stdout_tail: tailText(exec.stdout),
    stderr_tail: tailText(stderr),
    partial_score: partial(grade),
    tests_expected: verdict.tests_expected,
    tests_passed: verdict.tests_passed,
    tests_failed: verdict.tests_failed,
    tests_missing: verdict.tests_missing,
    canaries: verdict.canaries,
    fail_reasons: verdict.reasons,
  };
}
