// Runners that print one line per test, `PASS <name>` / `FAIL <name>[: why]` / `SKIP <name>` (the
// shipped Java runners and the hidden graders do): the fallback reporter for any other command.
// When a command prints no such line at all, the run is one test named `verify`, passed when it
// exited 0 — the exit code alone, as for a grader that reports nothing finer.

import type { ExecResult } from '../../workspace/types.js';
import type { TestOutcome, TestStatus } from '../types.js';
import type { PreparedRun, Reporter } from './types.js';

const LINE = /^(PASS|FAIL|SKIP) (.+?)(?:: .*)?$/gm;
const STATUS: Record<string, TestOutcome> = { PASS: 'passed', FAIL: 'failed', SKIP: 'skipped' };

export const WHOLE_RUN_ID = 'verify';

export const lineReport: Reporter = {
  name: 'pass-fail-lines',
  matches: () => true,
  prepare: (argv: readonly string[]): Promise<PreparedRun> => Promise.resolve({ argv: [...argv], env: {}, resultsFile: null }),
  parse(exec: ExecResult): TestStatus[] {
    const found = [...exec.stdout.replace(/\r/g, '').matchAll(LINE)].map((m) => ({ id: (m[2] as string).trim(), status: STATUS[m[1] as string] as TestOutcome }));
    if (found.length > 0) return found;
    const clean = exec.exitCode === 0 && !exec.timedOut && exec.error === undefined;
    return [{ id: WHOLE_RUN_ID, status: clean ? 'passed' : 'failed' }];
  },
};
