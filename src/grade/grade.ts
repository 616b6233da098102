// The grade stage, between the agent and the score: the one place that decides what the tests
// see and what they reported.
//   1. a fresh graded tree: pristine + the agent's allowed changes + hidden held-out tests
//   2. hidden canaries added to one of the task's own test files, then the held-out tests
//   3. the task's tests, through a per-test reporter, on the tree mounted read-only
//   4. the verdict from per-test results; findings from the copy, the canaries, the exit code
//      and the diff monitor

import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskSpec } from '../bundle/task-spec.js';
import type { WorkdirChanges } from '../workspace/types.js';
import { injectCanaries, judgeCanaries, withoutCanaries } from './canaries/index.js';
import { judgeTests } from './verdict.js';
import { copyTree } from '../workspace/scratch.js';
import { buildGradedCopy } from './graded-copy.js';
import { monitorChanges } from './monitor.js';
import { runTests } from './run-tests.js';
import type { ExpectedTests, Finding, GradeResult } from './types.js';

export interface GradeInput {
  task: TaskSpec;
  expected: ExpectedTests | null; // recorded by `bundle`; null for bundles without them
  pristineDir: string;
  workDir: string;
  graderDir: string | null; // the task's grader/, extracted after the agent was done
  changes: WorkdirChanges;
  scratchRoot: string; // graded/ and grading/ are made here
  signal?: AbortSignal;
  secrets?: readonly string[];
}

async function pathsUnder(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    out.push(rel);
    if (entry.isDirectory()) out.push(...(await pathsUnder(root, rel)));
  }
  return out;
}

/** Read-only for everyone outside bwrap too (root ignores it; bwrap's read-only mount does not). */
async function freeze(root: string): Promise<void> {
  for (const rel of ['', ...(await pathsUnder(root))].reverse()) {
    const path = join(root, rel);
    const mode = (await lstat(path)).mode;
    await chmod(path, mode & 0o555);
  }
}

/** A hidden grader script (verify names `{grader}`) decides on its own: no canaries go into the task's tests. */
function gradedByScript(task: TaskSpec): boolean {
  return task.verify.some((arg) => arg.includes('{grader}'));
}

export async function gradeRun(input: GradeInput): Promise<GradeResult> {
  const { task } = input;
  const gradedDir = join(input.scratchRoot, 'graded');
  const runDir = join(input.scratchRoot, 'grading');
  await mkdir(runDir, { recursive: true });

  // 1. The graded tree.
  const overlay = input.graderDir ? join(input.graderDir, 'overlay') : null;
  const copy = await buildGradedCopy({
    task, pristineDir: input.pristineDir, workDir: input.workDir, changes: input.changes,
    pristineTop: new Set(await readdir(input.pristineDir)), dest: gradedDir,
  });

  // 2. Canaries in the task's own tests; then the hidden held-out tests beside them.
  const plan = gradedByScript(task) ? null : await injectCanaries(gradedDir, task.language);
  if (overlay && (await isDir(overlay))) await copyTree(overlay, gradedDir);
  await freeze(gradedDir);

  // 3. The tests.
  const run = await runTests({ task, gradedDir, graderDir: input.graderDir, runDir, canaries: plan, ...(input.signal ? { signal: input.signal } : {}), ...(input.secrets ? { secrets: input.secrets } : {}) });

  // 4. Verdict and findings.
  const reported = run.reporter.parse(run.raw, run.results, { gradedDir, runDir, canaries: plan });
  const canaries = plan ? judgeCanaries(plan, reported, run.raw.exitCode) : null;
  const statuses = withoutCanaries(plan, reported);
  const verdict = judgeTests({ expected: input.expected, statuses, exec: run.raw, finished: run.finished, canaries });
  const findings: Finding[] = [...copy.findings, ...monitorChanges(task.language, copy.carried)];
  if (canaries?.state === 'tampered') findings.push({ kind: 'canary', path: plan?.file ?? '', detail: canaries.detail ?? 'canaries tampered with' });
  return { exec: run.exec, statuses, verdict, findings, leftOut: copy.leftOut, reporter: run.reporter.name };
}

async function isDir(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null))?.isDirectory() ?? false;
}
