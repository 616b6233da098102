// The graded tree: a fresh copy built from the pristine workdir, plus the agent's changes to files
// it may change (no task-protected or default-protected path, nothing under `ignore` or `.git` —
// those never appear in the change list). Everything else the agent did is left out and recorded.
// (grade.ts then adds the canaries and the hidden held-out tests.) The agent's own
// workdir is never graded, so nothing it planted there (build scripts, caches, bytecode, a second
// test runner) reaches the test process.

import { constants } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { copyTree } from '../workspace/scratch.js';
import type { FileChange, WorkdirChanges } from '../workspace/types.js';
import { protectedBy } from './protected-defaults.js';
import type { Finding, LeftOut } from './types.js';

export interface GradedCopy {
  root: string;
  carried: FileChange[]; // the agent's changes present in the graded tree
  leftOut: LeftOut[];
  findings: Finding[]; // protected changes, and files no check could read
}

interface CopyInput {
  task: { language: string; protected: readonly string[] };
  pristineDir: string;
  workDir: string;
  changes: WorkdirChanges;
  pristineTop: ReadonlySet<string>; // names at the top of the pristine workdir
  dest: string;
}

async function carry(workDir: string, dest: string, change: FileChange): Promise<boolean> {
  const to = join(dest, change.path);
  await rm(to, { recursive: true, force: true });
  if (change.kind === 'removed') return true;
  const from = join(workDir, change.path);
  const info = await lstat(from).catch(() => null);
  if (!info?.isFile() || info.nlink !== 1) return false;
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to, constants.COPYFILE_EXCL);
  await chmod(to, info.mode & 0o111 ? 0o755 : 0o644);
  return true;
}

function protectedFinding(change: FileChange, by: 'task' | 'default'): Finding {
  const whose = by === 'task' ? "the task's protected files" : 'files the toolchain runs by itself (protected by default)';
  return { kind: 'protected-change', path: change.path, detail: `${change.kind} one of ${whose}; graded with the pristine version` };
}

/** Added or modified text that no check could read (binary, or past the text cap): fail closed. */
function unseen(change: FileChange): boolean {
  return change.kind !== 'removed' && change.after === null;
}

export async function buildGradedCopy(input: CopyInput): Promise<GradedCopy> {
  await copyTree(input.pristineDir, input.dest);
  const out: GradedCopy = { root: input.dest, carried: [], leftOut: [], findings: [] };
  for (const change of input.changes.changes) {
    const by = protectedBy(change.path, input.task, input.pristineTop);
    if (by !== null) {
      out.leftOut.push({ path: change.path, why: by === 'task' ? 'task-protected' : 'default-protected' });
      out.findings.push(protectedFinding(change, by));
    } else if (unseen(change)) {
      out.leftOut.push({ path: change.path, why: change.binary ? 'not-a-file' : 'too-large' });
      out.findings.push({ kind: 'unseen-file', path: change.path, detail: change.binary ? 'binary or not a regular file: no check can read it, so it is not graded' : 'too large to read: no check can see it, so it is not graded' });
    } else if (await carry(input.workDir, input.dest, change)) {
      out.carried.push(change);
    } else {
      out.leftOut.push({ path: change.path, why: 'not-a-file' });
      out.findings.push({ kind: 'unseen-file', path: change.path, detail: 'not a regular file (a link or hard link): not graded' });
    }
  }
  for (const path of input.changes.ignored_added ?? []) out.leftOut.push({ path, why: path.split('/').includes('.git') ? 'git' : 'ignored' });
  return out;
}
