// One pass instead of two for ordinary tasks: while the scan judges the whole archive, the
// task's own files are kept in memory (up to a budget), hashed there and written only after
// the scan passed and the hash matched. A task over the budget falls back to the second,
// streaming pass of extract.ts. Either way nothing is written before the whole archive passed.

import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { ReadEntry } from 'tar';
import type { SafeEntry } from './entry-check.js';
import { bundleError } from './tar-walk.js';
import { compareBytes } from './task-hash.js';

export const MEMORY_BUDGET_BYTES = 16 * 1024 * 1024;

interface HeldFile {
  rel: string;
  mode: number;
  bytes: Buffer;
}

export interface HeldTask {
  files: HeldFile[];
  folders: string[];
}

/** Keeps the task's entries while they stream by; `task()` is null once the budget was passed. */
export function createHolder(budget = MEMORY_BUDGET_BYTES): { hold: (entry: SafeEntry, rel: string, body: ReadEntry) => void; task: () => HeldTask | null } {
  const held: HeldTask = { files: [], folders: [] };
  let total = 0;
  let over = false;
  return {
    hold(entry, rel, body) {
      if (entry.kind === 'directory') {
        held.folders.push(rel);
        body.resume();
        return;
      }
      total += entry.size;
      if (over || total > budget) {
        over = true;
        held.files = [];
        body.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const file: HeldFile = { rel, mode: entry.mode, bytes: Buffer.alloc(0) };
      held.files.push(file);
      body.on('data', (chunk: Buffer) => chunks.push(chunk));
      body.on('end', () => (file.bytes = Buffer.concat(chunks)));
    },
    task: () => (over ? null : held),
  };
}

/** The SPEC §5 task checksum of held files (same lines as hashTaskDir over the written folder). */
export function hashHeld(task: HeldTask): string {
  const lines = task.files
    .map((f) => ({ rel: f.rel, line: `${f.rel}\0${createHash('sha256').update(f.bytes).digest('hex')}\n` }))
    .sort((a, b) => compareBytes(a.rel, b.rel));
  const outer = createHash('sha256');
  for (const { line } of lines) outer.update(line, 'utf8');
  return outer.digest('hex');
}

/** Writes held folders (0o755) and files (never overwriting) under destDir; only those `keep` selects. */
export async function writeHeld(destDir: string, task: HeldTask, keep: (rel: string) => boolean = () => true): Promise<void> {
  const root = resolve(destDir);
  const inside = (rel: string): string => {
    const target = resolve(root, rel);
    if (!target.startsWith(root + sep)) throw bundleError(`entry ${JSON.stringify(rel)} escapes the target folder`);
    return target;
  };
  for (const rel of task.folders.filter(keep)) await mkdir(inside(rel), { recursive: true, mode: 0o755 });
  for (const file of task.files.filter((f) => keep(f.rel))) {
    const target = inside(file.rel);
    await mkdir(dirname(target), { recursive: true, mode: 0o755 });
    await writeFile(target, file.bytes, { flag: 'wx', mode: file.mode });
    await chmod(target, file.mode);
  }
}
