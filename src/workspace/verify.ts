// Grading: the task's `verify` argv in the workdir, `{grader}` replaced by the hidden grader's
// absolute path (also in CAB_GRADER_DIR), through the same process-group runner as everything.
// Build output goes to a fresh folder (CARGO_TARGET_DIR, GOCACHE): a test binary or cache entry
// the agent planted in target/ or the run's Go cache can never stand in for a real build.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_VERIFY_TIMEOUT_S, type TaskSpec } from '../bundle/task-spec.js';
import { runCommand } from './exec.js';
import { scratchRootOf } from './scratch.js';
import type { ExecResult } from './types.js';

export interface VerifyOptions {
  task: TaskSpec;
  workDir: string;
  graderDir: string | null;
  timeoutMs?: number; // default: task.verify_timeout_s
  signal?: AbortSignal;
  secrets?: readonly string[];
  sandbox?: 'auto' | 'none';
}

export function verifyArgv(argv: readonly string[], graderDir: string | null): string[] {
  return argv.map((arg) => (graderDir === null ? arg : arg.split('{grader}').join(graderDir)));
}

export async function runVerify(opts: VerifyOptions): Promise<ExecResult> {
  const build = await mkdtemp(join(scratchRootOf(opts.workDir) ?? tmpdir(), 'verify-build-'));
  try {
    const env: Record<string, string> = { CARGO_TARGET_DIR: join(build, 'cargo-target'), GOCACHE: join(build, 'go-build') };
    if (opts.graderDir !== null) env.CAB_GRADER_DIR = opts.graderDir;
    return await runCommand({
      argv: verifyArgv(opts.task.verify, opts.graderDir),
      cwd: opts.workDir,
      timeoutMs: opts.timeoutMs ?? (opts.task.verify_timeout_s ?? DEFAULT_VERIFY_TIMEOUT_S) * 1000,
      env,
      readable: opts.graderDir === null ? [] : [opts.graderDir],
      writable: [opts.workDir, build],
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.secrets ? { secrets: opts.secrets } : {}),
      ...(opts.sandbox ? { sandbox: opts.sandbox } : {}),
    });
  } finally {
    await rm(build, { recursive: true, force: true });
  }
}
