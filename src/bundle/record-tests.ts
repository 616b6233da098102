// For `bundle` validation: the expected tests of a task measured from two graded runs — the
// untouched workdir and the reference solution — as SWE-bench records them: fail_to_pass (not
// passed untouched, passed solved) and pass_to_pass (passed in both). Written to the task source
// with --record-tests; otherwise compared with what the source has recorded.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPECTED_TESTS_FILE, type ExpectedTests } from './expected-tests.js';

export interface TestRunFacts {
  tests_passed: readonly string[];
  tests_failed: readonly string[];
}

export function measureExpectedTests(untouched: TestRunFacts, solved: TestRunFacts): ExpectedTests {
  const before = new Set(untouched.tests_passed);
  return {
    fail_to_pass: solved.tests_passed.filter((id) => !before.has(id)).sort(),
    pass_to_pass: solved.tests_passed.filter((id) => before.has(id)).sort(),
  };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);
}

/** What differs between the recorded tests and the measured ones, in plain words; [] when they agree. */
export function expectedTestsDrift(recorded: ExpectedTests | undefined, measured: ExpectedTests): string[] {
  if (!recorded) return [`no ${EXPECTED_TESTS_FILE} recorded (run \`bundle --record-tests\`)`];
  const drift: string[] = [];
  if (!same(recorded.fail_to_pass, measured.fail_to_pass)) drift.push(`fail_to_pass recorded ${JSON.stringify(recorded.fail_to_pass)} but measured ${JSON.stringify(measured.fail_to_pass)}`);
  if (!same(recorded.pass_to_pass, measured.pass_to_pass)) drift.push(`pass_to_pass recorded ${JSON.stringify(recorded.pass_to_pass)} but measured ${JSON.stringify(measured.pass_to_pass)}`);
  return drift.length > 0 ? [...drift, 'rerun `bundle --record-tests` if the change is intended'] : [];
}

export async function writeExpectedTests(taskSourceDir: string, tests: ExpectedTests): Promise<void> {
  await writeFile(join(taskSourceDir, EXPECTED_TESTS_FILE), `${JSON.stringify(tests, null, 2)}\n`);
}
