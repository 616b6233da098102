// The verdict from per-test results: every test bundle validation recorded is reported passed,
// none missing or skipped, no other test failed, the canaries behaved, and the run exited 0.

import type { ExpectedTests } from '../bundle/expected-tests.js';
import type { ExecResult } from '../workspace/types.js';
import type { CanaryVerdict } from './canaries/index.js';
import type { TestOutcome, TestStatus, TestVerdict } from './types.js';

/** One status per ID: a failure anywhere wins over a skip, a skip over a pass (a forged pass line cannot hide a failure). */
export function consolidate(statuses: readonly TestStatus[]): Map<string, TestOutcome> {
  const rank: Record<TestOutcome, number> = { passed: 0, xfail: 1, skipped: 2, failed: 3 };
  const out = new Map<string, TestOutcome>();
  for (const { id, status } of statuses) {
    const seen = out.get(id);
    if (seen === undefined || rank[status] > rank[seen]) out.set(id, status);
  }
  return out;
}

export interface VerdictInput {
  expected: ExpectedTests | null;
  statuses: readonly TestStatus[]; // without canaries
  exec: ExecResult;
  finished?: boolean; // the reporter's judgement of a clean finish; default: exit 0
  canaries: CanaryVerdict | null; // null when none could be added
}

function exitReason(input: VerdictInput): string | null {
  const { exec, canaries } = input;
  if (exec.error !== undefined) return `the tests could not run: ${exec.error}`;
  if (exec.timedOut) return 'the tests timed out';
  if (exec.exitCode !== 0) return `the tests exited ${exec.exitCode ?? exec.signal ?? 'abnormally'}`;
  if (input.finished === false) return 'the test runner did not finish cleanly (its closing line is missing or says it failed)';
  return null;
}

export function judgeTests(input: VerdictInput): TestVerdict {
  const seen = consolidate(input.statuses);
  const ids = (want: TestOutcome): string[] => [...seen].filter(([, s]) => s === want).map(([id]) => id).sort();
  const recorded = input.expected ? [...input.expected.fail_to_pass, ...input.expected.pass_to_pass] : null;
  const missing = recorded ? recorded.filter((id) => seen.get(id) !== 'passed' && seen.get(id) !== 'failed') : [];
  const failed = ids('failed');
  const reasons: string[] = [];
  if (failed.length > 0) reasons.push(`${failed.length} test(s) failed: ${failed.slice(0, 5).join(', ')}`);
  if (missing.length > 0) reasons.push(`${missing.length} expected test(s) not run or skipped: ${missing.slice(0, 5).join(', ')}`);
  if (!recorded && seen.size === 0) reasons.push('no test was reported');
  if (!recorded && ids('skipped').length > 0) reasons.push(`${ids('skipped').length} test(s) skipped`);
  if (input.canaries && input.canaries.state !== 'ok' && input.canaries.detail) reasons.push(input.canaries.detail);
  const exit = exitReason(input);
  if (exit) reasons.push(exit);
  return {
    pass: reasons.length === 0 ? 1 : 0,
    tests_expected: recorded ? recorded.length : null,
    expected_passed: recorded ? recorded.filter((id) => seen.get(id) === 'passed').length : null,
    tests_passed: ids('passed'),
    tests_failed: failed,
    tests_missing: missing,
    canaries: input.canaries?.state ?? null,
    reasons,
  };
}
