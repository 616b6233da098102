// Grading: the task's `verify` argv in the workdir, `{grader}` replaced by the hidden grader's
// absolute path (also in CAB_GRADER_DIR), through the same process-group runner as everything.

import type { TaskSpec } from '../bundle/task-spec.js';
import { runCommand } from './exec.js';
import type { ExecResult } from './types.js';

export interface VerifyOptions {
  task: TaskSpec;
  workDir: string;
  graderDir: string | null;
  timeoutMs: number;
  signal?: AbortSignal;
  secrets?: readonly string[];
}

export function verifyArgv(argv: readonly string[], graderDir: string | null): string[] {
  return argv.map((arg) => (graderDir === null ? arg : arg.split('{grader}').join(graderDir)));
}

export function runVerify(opts: VerifyOptions): Promise<ExecResult> {
  return runCommand({
    argv: verifyArgv(opts.task.verify, opts.graderDir),
    cwd: opts.workDir,
    timeoutMs: opts.timeoutMs,
    env: opts.graderDir === null ? {} : { CAB_GRADER_DIR: opts.graderDir },
    readable: opts.graderDir === null ? [] : [opts.graderDir],
    writable: [opts.workDir],
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
  });
}
