// Scratch dirs under the OS temp dir: created fresh per run, tracked so Ctrl-C can remove them
// all, and a copier that copies only files and folders (never follows or creates links).

import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CabError } from '../errors.js';

export interface Scratch {
  root: string;
  dispose(): Promise<void>;
}

const live = new Set<string>();

async function removeTree(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true, maxRetries: 3 });
}

export async function createScratch(prefix = 'cab-'): Promise<Scratch> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  live.add(root);
  return {
    root,
    async dispose() {
      live.delete(root);
      await removeTree(root);
    },
  };
}

/** Removes every scratch dir still alive (Ctrl-C, fatal errors). */
export async function disposeAllScratch(): Promise<void> {
  const roots = [...live];
  live.clear();
  await Promise.all(roots.map(removeTree));
}

/** Copies files and folders from src over dest (an overlay); symlinks or devices in src are an error. */
export async function copyTree(src: string, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  for (const entry of await readdir(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    const existing = await lstat(to).catch(() => null);
    if (entry.isDirectory()) {
      if (existing && !existing.isDirectory()) await rm(to, { recursive: true, force: true });
      await copyTree(from, to);
    } else if (entry.isFile()) {
      if (existing && !existing.isFile()) await rm(to, { recursive: true, force: true });
      const mode = (await lstat(from)).mode & 0o111 ? 0o755 : 0o644;
      await copyFile(from, to);
      await chmod(to, mode);
    } else {
      throw new CabError('bundle', `refusing to copy ${entry.name}: not a regular file or folder`, { hint: 'task folders hold only files and folders' });
    }
  }
}
