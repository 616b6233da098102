// What the grade stage records: per-test statuses, the canaries' verdict, what was left out of
// the graded tree, and integrity findings. score/ reads these; it never re-runs anything.

import type { ExecResult } from '../workspace/types.js';

export type { ExpectedTests } from '../bundle/expected-tests.js';

/** `xfail`: a test marked as expected to fail did fail (Python expectedFailure, node:test todo). */
export type TestOutcome = 'passed' | 'failed' | 'skipped' | 'xfail';

export interface TestStatus {
  id: string;
  status: TestOutcome;
}

export type FindingKind = 'protected-change' | 'canary' | 'monitor' | 'unseen-file';

export interface Finding {
  kind: FindingKind;
  path: string;
  line?: number;
  detail: string;
}

export type CanaryState = 'ok' | 'tampered' | 'missing';

/** Canaries appended to one test file of the graded tree. */
export interface CanaryPlan {
  file: string; // workdir-relative path of the test file they were added to
  mustPass: string; // test name (IDs end with it)
  mustFail: string | null; // marked expected-to-fail, where the framework has such a mark (Python, node:test)
  siblings: string[]; // names of the task's own tests in that file
}

export interface TestVerdict {
  pass: 0 | 1;
  tests_expected: number | null; // null when the bundle recorded no test IDs for the task
  expected_passed: number | null; // how many of those were reported passed
  tests_passed: string[];
  tests_failed: string[];
  tests_missing: string[];
  canaries: CanaryState | null; // null when the task's tests have no place for canaries
  reasons: string[]; // why pass is 0, in plain words
}

export interface LeftOut {
  path: string;
  why: 'task-protected' | 'default-protected' | 'ignored' | 'git' | 'not-a-file' | 'too-large';
}

export interface GradeResult {
  exec: ExecResult; // the graded run (with the reporter the toolchain needed)
  statuses: TestStatus[]; // every test the run reported, canaries left out
  verdict: TestVerdict;
  findings: Finding[];
  leftOut: LeftOut[];
  reporter: string; // which per-test reporter read the run
}
