// Pristine workdir vs the workdir the agent left: added, removed, modified (by content hash),
// `ignore` globs and .git/ left out; texts kept for changed files so scoring can read the diff.

import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { folderIgnored, matchesAny } from './glob.js';
import type { FileChange, WorkdirChanges } from './types.js';

const TEXT_CAP = 256 * 1024;

interface Entry {
  abs: string;
  size: number;
  link: boolean;
}

async function walk(root: string, ignore: readonly string[]): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  async function visit(dir: string, prefix: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const abs = join(dir, entry.name);
      if (entry.name === '.git' && entry.isDirectory()) continue;
      if (entry.isDirectory()) {
        if (!folderIgnored(rel, ignore)) await visit(abs, rel);
      } else if (!matchesAny(rel, ignore)) {
        const info = await lstat(abs);
        out.set(rel, { abs, size: info.size, link: entry.isSymbolicLink() });
      }
    }
  }
  await visit(root, '');
  return out;
}

async function digest(entry: Entry): Promise<string> {
  const bytes = entry.link ? Buffer.from(`link:${await readlink(entry.abs)}`) : await readFile(entry.abs);
  return createHash('sha256').update(bytes).digest('hex');
}

async function textOf(entry: Entry | undefined): Promise<{ text: string | null; binary: boolean }> {
  if (!entry) return { text: null, binary: false };
  if (entry.link) return { text: null, binary: true };
  if (entry.size > TEXT_CAP) return { text: null, binary: false };
  const bytes = await readFile(entry.abs);
  if (bytes.includes(0)) return { text: null, binary: true };
  return { text: bytes.toString('utf8'), binary: false };
}

async function change(path: string, before: Entry | undefined, after: Entry | undefined): Promise<FileChange | null> {
  if (before && after && before.size === after.size && before.link === after.link && (await digest(before)) === (await digest(after))) return null;
  const kind = !before ? 'added' : !after ? 'removed' : 'modified';
  const b = await textOf(before);
  const a = await textOf(after);
  return { path, kind, before: b.text, after: a.text, binary: b.binary || a.binary };
}

async function hasGitDir(root: string): Promise<boolean> {
  const info = await lstat(join(root, '.git')).catch(() => null);
  return info !== null;
}

export async function compareTrees(pristineDir: string, workDir: string, ignore: readonly string[]): Promise<WorkdirChanges> {
  const [before, after] = await Promise.all([walk(pristineDir, ignore), walk(workDir, ignore)]);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const c = await change(path, before.get(path), after.get(path));
    if (c) changes.push(c);
  }
  const extra_git_dir = (await hasGitDir(workDir)) && !(await hasGitDir(pristineDir));
  return { changes, extra_git_dir };
}
