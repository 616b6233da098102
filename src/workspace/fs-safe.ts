// File writes that never leave a half-written file (temp + rename), and capped reads.

import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(abs: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(abs), `.${basename(abs)}.cab-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx', mode: 0o644 });
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

export async function readTextCapped(abs: string, maxBytes: number): Promise<CappedText> {
  const handle = await open(abs, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    const slice = buffer.subarray(0, bytesRead);
    return { text: slice.toString('utf8'), bytes: size, truncated: size > bytesRead, binary: slice.includes(0) };
  } finally {
    await handle.close();
  }
}
