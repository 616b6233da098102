// Scratch dirs under the OS temp dir: created fresh per run, tracked so Ctrl-C can remove them
// all, and a copier that copies only files and folders (never follows or creates links).

import { constants } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { CabError } from '../errors.js';

export interface Scratch {
  root: string;
  dispose(): Promise<void>;
}

const live = new Set<string>();

/** Makes every folder under `dir` writable again (Go's module cache and agents leave read-only ones). */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755).catch(() => undefined);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => makeWritable(join(dir, e.name))));
}

async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    await makeWritable(path);
    await rm(path, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** A fresh `<os tmp>/cab-XXXXXX` folder (real path, no symlinks in it), removed by dispose(). */
export async function createScratch(prefix = 'cab-'): Promise<Scratch> {
  const root = await realpath(await mkdtemp(join(tmpdir(), prefix)));
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
  await Promise.all(roots.map((root) => removeTree(root).catch(() => undefined)));
}

/** Every live scratch root (exec hides them all from sandboxed commands: other runs' tasks too). */
export function liveScratchRoots(): string[] {
  return [...live];
}

/** The live scratch root that holds `path`, if any (exec uses it to hide the task folder and place caches). */
export function scratchRootOf(path: string): string | null {
  for (const root of live) {
    if (path === root || path.startsWith(root + sep)) return root;
  }
  return null;
}

function notCopyable(what: string): CabError {
  return new CabError('bundle', `refusing to copy ${what}: not a regular file or folder`, {
    hint: 'task folders hold only files and folders (no symlinks, devices or sockets)',
  });
}

/**
 * Copies files and folders from src over dest (an overlay: files already in dest stay unless
 * replaced). Symlinks or special files in src are an error; whatever sits in dest's way (a
 * symlink, a hard link, a file where a folder goes) is removed first, never written through.
 */
export async function copyTree(src: string, dest: string): Promise<void> {
  const info = await lstat(src);
  if (!info.isDirectory()) throw notCopyable(src);
  const existing = await lstat(dest).catch(() => null);
  if (existing && !existing.isDirectory()) await rm(dest, { force: true });
  const fresh = !existing || !existing.isDirectory(); // nothing in the way of any file: no per-file rm
  await mkdir(dest, { recursive: true });
  const entries = await readdir(src, { withFileTypes: true });
  const bad = entries.find((entry) => !entry.isDirectory() && !entry.isFile());
  if (bad) throw notCopyable(join(src, bad.name));
  // The files of one folder in parallel, then its subfolders one by one (bounded fan-out).
  await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => copyOneFile(join(src, entry.name), join(dest, entry.name), fresh)));
  for (const entry of entries.filter((e) => e.isDirectory())) await copyTree(join(src, entry.name), join(dest, entry.name));
}

async function copyOneFile(from: string, to: string, fresh: boolean): Promise<void> {
  if (!fresh) await rm(to, { recursive: true, force: true });
  const mode = (await lstat(from)).mode & 0o111 ? 0o755 : 0o644;
  await copyFile(from, to, constants.COPYFILE_EXCL);
  await chmod(to, mode);
}
