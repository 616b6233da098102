// Relative file paths under a folder, sorted, `/`-separated; symlinks are listed, never followed.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function listTree(root: string, options: { skip?: (rel: string) => boolean; limit?: number } = {}): Promise<string[]> {
  const out: string[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  async function walk(dir: string, prefix: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (out.length >= limit) return;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.name === '.git' || options.skip?.(rel)) continue;
      if (entry.isDirectory()) await walk(join(dir, entry.name), rel);
      else out.push(rel);
    }
  }
  await walk(root, '');
  return out;
}
