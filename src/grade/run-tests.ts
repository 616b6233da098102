// The graded run: the task's `verify` argv, through the per-test reporter its toolchain needs,
// in the graded tree mounted read-only. `{grader}` is replaced by the hidden grader's absolute
// path (also in CAB_GRADER_DIR). Build output goes to fresh folders outside the tree
// (CARGO_TARGET_DIR, GOCACHE, PYTHONPYCACHEPREFIX, CAB_BUILD_DIR for scripts), so nothing the
// agent left anywhere can stand in for a real build.

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_VERIFY_TIMEOUT_S, type TaskSpec } from '../bundle/task-spec.js';
import { runCommand } from '../workspace/exec.js';
import type { ExecResult } from '../workspace/types.js';
import { goJsonText, reporterFor, type Reporter } from './reporters/index.js';
import type { CanaryPlan } from './types.js';

export interface TestRunInput {
  task: TaskSpec;
  gradedDir: string;
  graderDir: string | null;
  runDir: string; // a fresh writable folder outside the graded tree
  canaries: CanaryPlan | null;
  timeoutMs?: number;
  signal?: AbortSignal;
  secrets?: readonly string[];
}

export interface TestRun {
  raw: ExecResult; // what the reporter reads
  exec: ExecResult; // the same run for people: verify's argv, readable output
  results: string | null; // the reporter's results file, when it writes one
  reporter: Reporter;
  finished: boolean; // the run finished cleanly, as the reporter judges it (default: exit 0)
}

/** Per stream: per-test lines must not fall into the elided middle of a long run. */
const GRADING_OUTPUT_BYTES = 8 * 1024 * 1024;

export function verifyArgv(argv: readonly string[], graderDir: string | null): string[] {
  return argv.map((arg) => (graderDir === null ? arg : arg.split('{grader}').join(graderDir)));
}

async function buildEnv(runDir: string, graderDir: string | null): Promise<Record<string, string>> {
  const build = join(runDir, 'build');
  const dirs = { CARGO_TARGET_DIR: join(build, 'cargo-target'), GOCACHE: join(build, 'go-build'), PYTHONPYCACHEPREFIX: join(build, 'pycache'), CAB_BUILD_DIR: join(build, 'out') };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  return { ...dirs, PYTHONDONTWRITEBYTECODE: '1', ...(graderDir === null ? {} : { CAB_GRADER_DIR: graderDir }) };
}

export async function runTests(input: TestRunInput): Promise<TestRun> {
  const argv = verifyArgv(input.task.verify, input.graderDir);
  const reporter = reporterFor(argv, input.task.language);
  const ctx = { gradedDir: input.gradedDir, runDir: input.runDir, canaries: input.canaries };
  const prepared = await reporter.prepare(argv, ctx);
  const exec = await runCommand({
    argv: prepared.argv,
    cwd: input.gradedDir,
    maxOutputBytes: GRADING_OUTPUT_BYTES,
    timeoutMs: input.timeoutMs ?? (input.task.verify_timeout_s ?? DEFAULT_VERIFY_TIMEOUT_S) * 1000,
    env: { ...(await buildEnv(input.runDir, input.graderDir)), ...prepared.env },
    readOnly: [input.gradedDir, ...(input.graderDir === null ? [] : [input.graderDir])], // the graded tree (the cwd) too
    writable: [input.runDir],
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.secrets ? { secrets: input.secrets } : {}),
  });
  const results = prepared.resultsFile ? await readFile(prepared.resultsFile, 'utf8').catch(() => null) : null;
  const stdout = reporter.name === 'go-test' ? goJsonText(exec.stdout) : exec.stdout;
  const finished = reporter.finished ? reporter.finished(exec, results) : exec.exitCode === 0;
  return { raw: exec, exec: { ...exec, argv, stdout }, results, reporter, finished };
}
