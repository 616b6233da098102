// What an agent CLI downloads for itself (opencode's provider packages through npm) is kept across
// runs in our cache folder, one folder per CLI, and linked into each fresh private home, so a second
// run needs no registry. The folders are bound writable inside the sandbox (the CLI updates them);
// the rest of our cache folder stays hidden.

import { mkdir, rm, symlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { CabError } from '../errors.js';
import { cabCacheRoot } from '../workspace/hidden-paths.js';

export function cliCacheRoot(name: string): string {
  return join(cabCacheRoot(), 'agents', name);
}

/** Links HOME/<rel> to the CLI's cache folder for each rel; returns the cache folders (to bind). */
export async function linkCliCaches(name: string, home: string, rels: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const rel of rels) {
    const inside = relative(home, join(home, rel));
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..') throw new CabError('internal', `cache folder ${rel} would land outside the private home`);
    const real = join(cliCacheRoot(name), inside);
    await mkdir(real, { recursive: true });
    await mkdir(dirname(join(home, inside)), { recursive: true });
    await rm(join(home, inside), { recursive: true, force: true });
    await symlink(real, join(home, inside));
    folders.push(real);
  }
  return folders;
}
