// Extracts ONE task folder from an untrusted bundle (SPEC §6). Two passes over the archive:
// 1. scan: every entry of the whole archive is judged; any unsafe one → CabError('bundle')
//    and nothing is written. The task's own entries are held in memory on the way
//    (task-in-memory.ts) when they fit, and their sha256 must equal the manifest's before
//    anything is written;
// 2. write: only entries under `<task.id>/` (and, when asked, only some top-level parts of it:
//    `task.json` and `workdir/` for the agent's phase, `grader/` after it), prefix stripped, files
//    and folders only, modes normalised, never overwriting — from memory, or for a task over the
//    memory budget by a second streaming pass whose whole-task sha256 must equal the manifest's (a
//    full extraction re-hashes the written folder too).

import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ReadEntry } from 'tar';
import { CabError } from '../errors.js';
import type { SafeEntry } from './entry-check.js';
import { withDefaults, type ExtractLimits } from './limits.js';
import { takeManifest } from './manifest.js';
import { bundleError, walkTarball, type WalkControl } from './tar-walk.js';
import { StreamTaskHash } from './stream-hash.js';
import { createHolder, hashHeld, MEMORY_BUDGET_BYTES, writeHeld, type HeldTask } from './task-in-memory.js';
import { hashTaskDir } from './task-hash.js';
import { isTaskId, type ManifestTask } from './task-spec.js';

export { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from './limits.js';

/** Path relative to the task folder, '' for the folder itself, null when outside it. */
function taskRelative(path: string, taskId: string): string | null {
  if (path === taskId) return '';
  return path.startsWith(`${taskId}/`) ? path.slice(taskId.length + 1) : null;
}

/** Judges every entry of the archive; the task's own entries are held in memory when they fit. */
async function scanBundle(bundlePath: string, task: ManifestTask, limits: ExtractLimits, memoryBudget: number): Promise<HeldTask | null> {
  let index = 0;
  let files = 0;
  let listed: ManifestTask | undefined;
  const holder = createHolder(memoryBudget);
  await walkTarball(bundlePath, limits, (entry, body, control) => {
    if (index++ === 0) {
      takeManifest(entry, body, control, (manifest) => (listed = manifest.tasks.find((t) => t.id === task.id)));
      return;
    }
    const rel = taskRelative(entry.path, task.id);
    if (entry.kind === 'file' && rel) files++;
    if (rel) holder.hold(entry, rel, body);
    else body.resume();
  });
  if (!listed) throw bundleError(`task ${task.id} is not in the bundle's manifest`);
  if (listed.sha256 !== task.sha256) {
    throw new CabError('checksum', `task ${task.id}: the bundle's manifest has another sha256 than expected`, {
      hint: 'the bundle changed since its manifest was read; run the command again',
    });
  }
  if (files === 0) throw bundleError(`task ${task.id} is listed in the manifest but its folder is missing from the bundle`);
  return holder.task();
}

async function writeFileEntry(body: NodeJS.ReadableStream, target: string, mode: number, signal: AbortSignal): Promise<void> {
  await mkdir(dirname(target), { recursive: true, mode: 0o755 });
  if (signal.aborted) {
    body.resume();
    throw new Error('extraction aborted');
  }
  const out = createWriteStream(target, { flags: 'wx', mode });
  out.on('error', () => undefined); // reported by finished()
  const onAbort = (): void => {
    out.destroy(new Error('extraction aborted'));
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    body.pipe(out);
    await finished(out);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  await chmod(target, mode);
}

/** Reads streams to their end (hashing them on the way); all are destroyed at once when the walk fails. */
function drainer(signal: AbortSignal): (stream: Transform) => Promise<void> {
  const inflight = new Set<Transform>();
  signal.addEventListener('abort', () => inflight.forEach((s) => s.destroy(new Error('extraction aborted'))), { once: true });
  return async (stream) => {
    inflight.add(stream);
    try {
      await finished(stream.resume());
    } finally {
      inflight.delete(stream);
    }
  };
}

/** The top-level parts of a task folder: `task.json`, `workdir`, `solution`, `grader`. */
export type TaskPart = string;

function selected(rel: string, parts: readonly TaskPart[] | null): boolean {
  return parts === null || parts.includes(rel.split('/')[0] as string);
}

function writer(destDir: string, taskId: string, parts: readonly TaskPart[] | null, hash: StreamTaskHash): (entry: SafeEntry, body: ReadEntry, control: WalkControl) => void {
  const root = resolve(destDir);
  let drain: ((stream: Transform) => Promise<void>) | null = null;
  return (entry, body, control) => {
    const rel = taskRelative(entry.path, taskId);
    if (!rel) {
      body.resume();
      return;
    }
    const target = resolve(root, rel);
    if (!target.startsWith(root + sep)) throw bundleError(`entry ${JSON.stringify(entry.path)} escapes the target folder`);
    if (entry.kind === 'directory') {
      body.resume();
      if (selected(rel, parts)) control.track(mkdir(target, { recursive: true, mode: 0o755 }));
      return;
    }
    const hashed = body.pipe(hash.through(rel));
    if (selected(rel, parts)) control.track(writeFileEntry(hashed, target, entry.mode, control.signal));
    else control.track((drain ??= drainer(control.signal))(hashed));
  };
}

/** Folders under `dir` get 0o755 whatever the umask did to them (`dir` itself is the caller's). */
async function normaliseFolderModes(dir: string): Promise<void> {
  for (const item of await readdir(dir, { withFileTypes: true })) {
    if (!item.isDirectory()) continue;
    await chmod(join(dir, item.name), 0o755);
    await normaliseFolderModes(join(dir, item.name));
  }
}

/** Creates destDir, or accepts it when it is an empty folder. Returns whether it was created. */
async function prepareDest(destDir: string): Promise<boolean> {
  const existing = await readdir(destDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing === null) {
    await mkdir(destDir, { recursive: true, mode: 0o755 });
    return true;
  }
  if (existing.length > 0) throw new CabError('internal', `extractTask: ${destDir} is not empty`);
  return false;
}

async function clearDest(destDir: string, created: boolean): Promise<void> {
  if (created) {
    await rm(destDir, { recursive: true, force: true });
    return;
  }
  const names = await readdir(destDir).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(join(destDir, name), { recursive: true, force: true })));
}

function checkSum(task: ManifestTask, actual: string): void {
  if (actual === task.sha256) return;
  throw new CabError('checksum', `task ${task.id}: checksum mismatch (manifest ${task.sha256.slice(0, 12)}…, extracted ${actual.slice(0, 12)}…)`, {
    hint: 'the bundle is corrupt or was modified; download it again or rebuild it with `codingagentbench bundle`',
  });
}

export interface ExtractOptions {
  parts?: readonly TaskPart[] | null; // only these top-level parts (default: the whole task)
  memoryBudget?: number; // a task up to this size is held in memory and written from it
}

/**
 * Extracts `task` from the bundle into destDir (absent or empty): destDir/task.json,
 * destDir/workdir/…, destDir/solution/…, destDir/grader/… — or only the top-level `parts` named
 * (a part the task lacks is simply absent). On any failure destDir is left as it was found
 * (removed when this call created it).
 */
export async function extractTask(bundlePath: string, task: ManifestTask, destDir: string, limits: Partial<ExtractLimits> = {}, opts: ExtractOptions = {}): Promise<void> {
  if (!isTaskId(task.id)) throw bundleError(`invalid task id ${JSON.stringify(task.id)}`);
  const parts = opts.parts ?? null;
  const caps = withDefaults(limits);
  const held = await scanBundle(bundlePath, task, caps, opts.memoryBudget ?? MEMORY_BUDGET_BYTES);
  if (held) checkSum(task, hashHeld(held)); // the whole task, before anything is written
  const created = await prepareDest(destDir);
  try {
    if (held) {
      await writeHeld(destDir, held, (rel) => selected(rel, parts));
      await normaliseFolderModes(destDir);
      return;
    }
    const hash = new StreamTaskHash();
    await walkTarball(bundlePath, caps, writer(destDir, task.id, parts, hash));
    await normaliseFolderModes(destDir);
    checkSum(task, hash.digest());
    if (parts === null) checkSum(task, (await hashTaskDir(destDir)).sha256);
  } catch (error) {
    await clearDest(destDir, created);
    throw error;
  }
}

/** Only the named top-level parts of a task (see extractTask), e.g. ['task.json', 'workdir']. */
export function extractTaskParts(bundlePath: string, task: ManifestTask, destDir: string, parts: readonly TaskPart[], limits: Partial<ExtractLimits> = {}): Promise<void> {
  return extractTask(bundlePath, task, destDir, limits, { parts });
}
