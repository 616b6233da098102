// cargo test → libtest's per-test lines `test <path> ... ok|FAILED|ignored`, with --no-fail-fast
// so one failing test target (the must-fail canary's) does not hide the others. libtest has no
// stable structured format; a forged line cannot hide a real FAILED (a failure wins over a pass
// of the same name) and cannot report a canary whose name it does not know.

import type { ExecResult } from '../../workspace/types.js';
import type { TestOutcome, TestStatus } from '../types.js';
import { isNamed, type PreparedRun, type Reporter } from './types.js';

const LINE = /^test (.+?) \.\.\. (ok|FAILED|ignored)(?: \(.*\))?$/gm;
const STATUS: Record<string, TestOutcome> = { ok: 'passed', FAILED: 'failed', ignored: 'skipped' };

export const cargoTest: Reporter = {
  name: 'cargo-test',
  matches: (argv) => isNamed('cargo')(argv) && argv[1] === 'test',
  prepare(argv: readonly string[]): Promise<PreparedRun> {
    const flags = argv.slice(2).filter((arg) => arg !== '--no-fail-fast');
    const at = flags.indexOf('--');
    const cargoFlags = at < 0 ? flags : flags.slice(0, at);
    const testFlags = at < 0 ? [] : flags.slice(at);
    return Promise.resolve({ argv: [argv[0] as string, 'test', '--no-fail-fast', ...cargoFlags, ...testFlags], env: {}, resultsFile: null });
  },
  parse(exec: ExecResult): TestStatus[] {
    return [...exec.stdout.replace(/\r/g, '').matchAll(LINE)].map((m) => ({ id: m[1] as string, status: STATUS[m[2] as string] as TestOutcome }));
  },
};
