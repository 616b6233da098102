// `--keep`: every folder a run leaves behind (the scratch dir, an agent CLI's private home), with
// its size, so that nothing large stays on disk unannounced.

import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cell } from '../score/types.js';
import { fmtBytes } from './format.js';

/** Bytes of the regular files under `path` (links not followed). */
export async function folderBytes(path: string): Promise<number> {
  const info = await lstat(path).catch(() => null);
  if (info === null) return 0;
  if (!info.isDirectory()) return info.isFile() ? info.size : 0;
  const entries = await readdir(path).catch(() => [] as string[]);
  const sizes = await Promise.all(entries.map((name) => folderBytes(join(path, name))));
  return sizes.reduce((a, b) => a + b, 0);
}

/** The folders a cell kept: its scratch dir, and the private home an agent CLI ran in. */
export function keptFolders(cell: Cell, keptAt: string | null): string[] {
  const homes = (cell.status === 'scored' ? cell.spans : []).map((s) => s.attrs['home']).filter((h): h is string => typeof h === 'string');
  return [...(keptAt ? [keptAt] : []), ...homes];
}

/** One line per kept folder: `kept <path> (<size>)`. */
export async function keptLines(cell: Cell, keptAt: string | null): Promise<string[]> {
  return Promise.all(keptFolders(cell, keptAt).map(async (dir) => `kept ${dir} (${fmtBytes(await folderBytes(dir))})`));
}
