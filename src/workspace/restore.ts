// Before grading, protected globs are made identical to the pristine copy: edited files
// restored, deleted ones put back, files the agent added there removed. A run can never pass by
// editing tests.

import { chmod, copyFile, lstat, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { matchesAny } from './glob.js';
import { listTree } from './list-tree.js';

async function sameFile(a: string, b: string): Promise<boolean> {
  const [ia, ib] = await Promise.all([lstat(a).catch(() => null), lstat(b).catch(() => null)]);
  if (!ia || !ib || !ib.isFile() || ia.size !== ib.size || (ia.mode & 0o111) !== (ib.mode & 0o111)) return false;
  return (await readFile(a)).equals(await readFile(b));
}

async function putBack(pristine: string, work: string, rel: string): Promise<void> {
  const from = join(pristine, rel);
  const to = join(work, rel);
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = join(work, ...parts.slice(0, i));
    const info = await lstat(dir).catch(() => null);
    if (info && !info.isDirectory()) await rm(dir, { force: true });
  }
  await mkdir(dirname(to), { recursive: true });
  await rm(to, { recursive: true, force: true });
  await copyFile(from, to);
  await chmod(to, (await lstat(from)).mode & 0o777);
}

export async function restoreProtected(pristineDir: string, workDir: string, globs: readonly string[]): Promise<string[]> {
  if (globs.length === 0) return [];
  const touched: string[] = [];
  const keep = (await listTree(pristineDir)).filter((rel) => matchesAny(rel, globs));
  for (const rel of keep) {
    if (await sameFile(join(pristineDir, rel), join(workDir, rel))) continue;
    await putBack(pristineDir, workDir, rel);
    touched.push(rel);
  }
  const kept = new Set(keep);
  for (const rel of await listTree(workDir)) {
    if (matchesAny(rel, globs) && !kept.has(rel)) {
      await rm(join(workDir, rel), { recursive: true, force: true });
      touched.push(rel);
    }
  }
  return touched.sort();
}
