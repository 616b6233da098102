// File writes that never leave a half-written file (temp + rename), and capped reads that
// never follow a symlink or block on a FIFO.

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, lstat, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { wholeCharsLength } from './utf8.js';

/**
 * Writes `content` to a temp file next to `abs`, then renames it over `abs`. The rename replaces
 * the directory entry, so a hard link or symlink at `abs` is never written through. An existing
 * regular file keeps its permission bits; a new one gets 0644.
 */
export async function writeFileAtomic(abs: string, content: string | Uint8Array): Promise<void> {
  // The temp name stays under NAME_MAX however long the real name is (up to 255 bytes is valid).
  const head = Buffer.from(basename(abs)).subarray(0, 64);
  const stem = head.subarray(0, wholeCharsLength(head)).toString('utf8');
  const temp = join(dirname(abs), `.${stem}.cab-${randomBytes(4).toString('hex')}.tmp`);
  const existing = await lstat(abs).catch(() => null);
  const mode = existing?.isFile() ? existing.mode & 0o777 : 0o644;
  try {
    await writeFile(temp, content, { flag: 'wx', mode: 0o600 });
    await chmod(temp, mode);
    await rename(temp, abs);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export interface CappedText {
  text: string;
  bytes: number; // the file's full size
  truncated: boolean;
  binary: boolean; // a NUL byte in what was read
}

/** Reads at most `maxBytes` of a regular file (no symlink, no FIFO), cut on a character boundary. */
export async function readTextCapped(abs: string, maxBytes: number): Promise<CappedText> {
  const handle = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`not a regular file: ${abs}`);
    const length = Math.min(info.size, maxBytes);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    const truncated = info.size > bytesRead;
    const slice = truncated ? buffer.subarray(0, wholeCharsLength(buffer.subarray(0, bytesRead))) : buffer.subarray(0, bytesRead);
    return { text: slice.toString('utf8'), bytes: info.size, truncated, binary: slice.includes(0) };
  } finally {
    await handle.close();
  }
}
