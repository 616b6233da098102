// Temp folders and file trees for the workspace tests; every folder made here is removed after the test file.

import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempDir as registeredTempDir } from '../helpers/temp.js';

/** A fresh real-path temp folder, removed when the test file ends. */
export async function tempDir(prefix = 'cab-test-'): Promise<string> {
  return realpath(await registeredTempDir(prefix));
}

/** Writes `files` (relative path → content) under `root`. */
export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}
