// The task checksum of SPEC §5: the sorted lines `<relative path>\0<sha256 of content>\n`,
// hashed with sha256. Paths use `/`, lines sort by UTF-8 bytes (= code points), only regular
// files count (folders are implied by their files). Anything else in the folder is an error.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CabError } from '../errors.js';

export interface TaskHash {
  sha256: string;
  files: number;
  bytes: number;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `dir`, as sorted `/`-separated relative paths. */
export async function listTaskFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  async function walk(rel: string): Promise<void> {
    const names = await readdir(join(dir, rel));
    for (const name of names) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const stat = await lstat(join(dir, child));
      if (stat.isDirectory()) await walk(child);
      else if (stat.isFile()) files.push(child);
      else {
        throw new CabError('bundle', `${child}: not a regular file or folder (symlinks and special files are not allowed in a task)`, {
          hint: 'replace it with a regular file',
        });
      }
    }
  }
  await walk('');
  return files.sort(compareBytes);
}

export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export async function hashTaskDir(dir: string): Promise<TaskHash> {
  const files = await listTaskFiles(dir);
  const outer = createHash('sha256');
  let bytes = 0;
  for (const rel of files) {
    const abs = join(dir, rel);
    bytes += (await lstat(abs)).size;
    outer.update(`${rel}\0${await sha256File(abs)}\n`, 'utf8');
  }
  return { sha256: outer.digest('hex'), files: files.length, bytes };
}
