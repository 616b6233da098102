// pass_rate: did the task's `verify` command succeed (after protected files were restored).

import type { ExecResult } from '../workspace/types.js';
import { tailText } from './tail.js';
import type { TestCount } from './test-summary.js';
import type { PassRateAxis } from './types.js';

export function scorePassRate(verify: ExecResult, tests: TestCount | null): PassRateAxis {
  const pass = verify.exitCode === 0 && !verify.timedOut && verify.error === undefined ? 1 : 0;
  const stderr = verify.error ? `${verify.stderr}${verify.stderr ? '\n' : ''}${verify.error}` : verify.stderr;
  return {
    pass,
    exit_code: verify.exitCode,
    timed_out: verify.timedOut,
    stdout_tail: tailText(verify.stdout),
    stderr_tail: tailText(stderr),
    partial_score: tests && tests.total > 0 ? tests.passed / tests.total : null,
  };
}
