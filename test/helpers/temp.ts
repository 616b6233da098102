// Temp folders for tests that clean up after themselves: `await tempDir('cab-x-')` makes
// `<tmp>/cab-x-XXXXXX` and removes it after the test file (test/setup/temp-cleanup.ts runs
// removeTempDirs in an afterAll for every file). The end-of-run check (test/setup/temp-check.ts)
// fails the run when a folder with one of TEMP_PREFIXES is left behind.

import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every prefix our code and tests use for temp folders (src: createScratch 'cab-…', pack 'cab-pack-'). */
export const TEMP_PREFIXES = ['cab-'] as const;

const created = new Set<string>();

function checkPrefix(prefix: string): void {
  if (!TEMP_PREFIXES.some((p) => prefix.startsWith(p))) throw new Error(`temp prefix ${prefix} must start with one of ${TEMP_PREFIXES.join(', ')}`);
}

export async function tempDir(prefix = 'cab-test-'): Promise<string> {
  checkPrefix(prefix);
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.add(dir);
  return dir;
}

export function tempDirSync(prefix = 'cab-test-'): string {
  checkPrefix(prefix);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file (read-only leftovers included). */
export async function removeTempDirs(): Promise<void> {
  const dirs = [...created];
  created.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => forceRemove(dir))));
}

async function forceRemove(dir: string): Promise<void> {
  const { chmod, readdir } = await import('node:fs/promises');
  const open = async (path: string): Promise<void> => {
    await chmod(path, 0o755).catch(() => undefined);
    for (const entry of await readdir(path, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await open(join(path, entry.name));
    }
  };
  await open(dir);
  await rm(dir, { recursive: true, force: true });
}
