// A fresh private home for one agent-CLI run: HOME, XDG config/data/cache/state and TMPDIR all
// inside one scratch folder (outside the workdir), removed afterwards; the adapter's config files
// written into it. Nothing of the user's own home is visible to the CLI.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CabError } from '../errors.js';
import { createScratch } from '../workspace/scratch.js';

export interface PrivateHome {
  root: string; // the HOME
  env: Record<string, string>; // HOME, XDG_*, TMPDIR
  dispose(): Promise<void>;
}

export async function createPrivateHome(name: string): Promise<PrivateHome> {
  const scratch = await createScratch(`cab-${name}-home-`);
  const home = scratch.root;
  const env: Record<string, string> = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: join(home, 'tmp'),
  };
  for (const [key, dir] of Object.entries(env)) if (key !== 'HOME') await mkdir(dir, { recursive: true });
  return { root: home, env, dispose: () => scratch.dispose() };
}

/** Writes the adapter's files (paths relative to HOME; none may leave it). */
export async function writeHomeFiles(home: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const abs = resolve(home, rel);
    const inside = relative(home, abs);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..') {
      throw new CabError('internal', `adapter file ${rel} would land outside the private home`);
    }
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content, { mode: 0o600 });
  }
}
