// Extracts ONE task folder from an untrusted bundle (SPEC §6). Two passes over the archive:
// 1. scan: every entry of the whole archive is judged; any unsafe one → CabError('bundle')
//    and nothing is written. The task's own entries are held in memory on the way
//    (task-in-memory.ts) and their sha256 must equal the manifest's before anything is written;
// 2. write: only entries under `<task.id>/`, prefix stripped, files and folders only, modes
//    normalised, never overwriting — from memory, or for a task over the memory budget by a
//    second streaming pass, after which the written folder's sha256 must match.

import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ReadEntry } from 'tar';
import { CabError } from '../errors.js';
import type { SafeEntry } from './entry-check.js';
import { withDefaults, type ExtractLimits } from './limits.js';
import { takeManifest } from './manifest.js';
import { bundleError, walkTarball, type WalkControl } from './tar-walk.js';
import { hashTaskDir } from './task-hash.js';
import { createHolder, hashHeld, MEMORY_BUDGET_BYTES, writeHeld, type HeldTask } from './task-in-memory.js';
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

function mismatch(task: ManifestTask, actual: string): CabError {
  return new CabError('checksum', `task ${task.id}: checksum mismatch (manifest ${task.sha256.slice(0, 12)}…, extracted ${actual.slice(0, 12)}…)`, {
    hint: 'the bundle is corrupt or was modified; download it again or rebuild it with `codingagentbench bundle`',
  });
}

async function writeFileEntry(body: ReadEntry, target: string, mode: number, signal: AbortSignal): Promise<void> {
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

function writer(destDir: string, taskId: string): (entry: SafeEntry, body: ReadEntry, control: WalkControl) => void {
  const root = resolve(destDir);
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
      control.track(mkdir(target, { recursive: true, mode: 0o755 }));
    } else {
      control.track(writeFileEntry(body, target, entry.mode, control.signal));
    }
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

/**
 * Extracts `task` from the bundle into destDir (absent or empty): destDir/task.json,
 * destDir/workdir/…, destDir/solution/…, destDir/grader/…. On any failure destDir is left
 * as it was found (removed when this call created it).
 */
export async function extractTask(
  bundlePath: string,
  task: ManifestTask,
  destDir: string,
  limits: Partial<ExtractLimits> = {},
  memoryBudget = MEMORY_BUDGET_BYTES,
): Promise<void> {
  if (!isTaskId(task.id)) throw bundleError(`invalid task id ${JSON.stringify(task.id)}`);
  const caps = withDefaults(limits);
  const held = await scanBundle(bundlePath, task, caps, memoryBudget);
  if (held && hashHeld(held) !== task.sha256) throw mismatch(task, hashHeld(held)); // nothing written yet
  const created = await prepareDest(destDir);
  try {
    if (held) await writeHeld(destDir, held);
    else await walkTarball(bundlePath, caps, writer(destDir, task.id));
    await normaliseFolderModes(destDir);
    if (held) return; // written from the bytes just hashed
    const actual = await hashTaskDir(destDir);
    if (actual.sha256 !== task.sha256) throw mismatch(task, actual.sha256);
  } catch (error) {
    await clearDest(destDir, created);
    throw error;
  }
}
