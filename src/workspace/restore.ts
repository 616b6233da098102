// Before grading, protected globs are made identical to the pristine copy: files the agent added
// there removed, edited files restored, deleted ones put back. A run can never pass by editing
// tests. Nothing is followed: a symlink the agent planted (even in place of a folder) is removed.

import { chmod, copyFile, lstat, mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { matchesAny } from './glob.js';

interface Tree {
  files: string[]; // everything that is not a folder (files, links, specials), sorted
  folders: string[]; // sorted
}

async function walk(root: string): Promise<Tree> {
  const tree: Tree = { files: [], folders: [] };
  async function visit(dir: string, prefix: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.name === '.git') continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        tree.folders.push(rel);
        await visit(join(dir, entry.name), rel);
      } else {
        tree.files.push(rel);
      }
    }
  }
  await visit(root, '');
  tree.files.sort();
  tree.folders.sort();
  return tree;
}

/** True when every folder on the way to workDir/rel is a real folder (no symlink standing in for one). */
async function realFolders(workDir: string, rel: string): Promise<boolean> {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    const info = await lstat(join(workDir, ...parts.slice(0, i))).catch(() => null);
    if (!info?.isDirectory()) return false;
  }
  return true;
}

/** Same bytes and executable bit, reached without following any link; a hard-linked file is never "the same". */
async function sameFile(workDir: string, pristine: string, rel: string): Promise<boolean> {
  if (!(await realFolders(workDir, rel))) return false;
  const work = join(workDir, rel);
  const [a, b] = await Promise.all([lstat(pristine).catch(() => null), lstat(work).catch(() => null)]);
  if (!a || !b || !b.isFile() || b.nlink !== 1 || a.size !== b.size || (a.mode & 0o111) !== (b.mode & 0o111)) return false;
  return (await readFile(pristine)).equals(await readFile(work));
}

/** Copies pristine/rel to work/rel, replacing anything that is not a plain folder on the way. */
async function putBack(pristineDir: string, workDir: string, rel: string): Promise<void> {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = join(workDir, ...parts.slice(0, i));
    const info = await lstat(dir).catch(() => null);
    if (info && !info.isDirectory()) await rm(dir, { force: true });
  }
  const from = join(pristineDir, rel);
  const to = join(workDir, rel);
  await mkdir(dirname(to), { recursive: true });
  await rm(to, { recursive: true, force: true });
  await copyFile(from, to, constants.COPYFILE_EXCL);
  await chmod(to, (await lstat(from)).mode & 0o777);
}

/** Folders under protected globs the pristine copy does not have, deepest first, removed when empty. */
async function removeAddedFolders(workDir: string, pristine: Tree, globs: readonly string[]): Promise<string[]> {
  const known = new Set(pristine.folders);
  const removed: string[] = [];
  const folders = (await walk(workDir)).folders.filter((rel) => matchesAny(rel, globs) && !known.has(rel));
  for (const rel of folders.reverse()) {
    if (await rmdir(join(workDir, rel)).then(() => true, () => false)) removed.push(rel);
  }
  return removed;
}

export async function restoreProtected(pristineDir: string, workDir: string, globs: readonly string[]): Promise<string[]> {
  if (globs.length === 0) return [];
  const pristine = await walk(pristineDir);
  const keep = pristine.files.filter((rel) => matchesAny(rel, globs));
  const kept = new Set(keep);
  const touched: string[] = [];
  for (const rel of (await walk(workDir)).files) {
    if (!matchesAny(rel, globs) || kept.has(rel)) continue;
    await rm(join(workDir, rel), { force: true });
    touched.push(rel);
  }
  for (const rel of keep) {
    if (await sameFile(workDir, join(pristineDir, rel), rel)) continue;
    await putBack(pristineDir, workDir, rel);
    touched.push(rel);
  }
  touched.push(...(await removeAddedFolders(workDir, pristine, globs)));
  return [...new Set(touched)].sort();
}
