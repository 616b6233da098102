// For `bundle`: packs a tree of task folders into a deterministic .tar.gz — manifest.json
// first, then the task folders in sorted pre-order, one fixed mtime, uid/gid 0 (portable),
// modes 0644/0755. The tasks are staged first (normalised copies, droppings left out), so
// the hash in the manifest is the hash of exactly what is packed. Written via temp + rename.

import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CabError, messageOf } from '../errors.js';
import { EXPECTED_TESTS_FILE, readExpectedTests } from './expected-tests.js';
import { MANIFEST_NAME } from './manifest.js';
import { findTaskDirs, readTaskSource, type SkipNotice, type TaskSource } from './pack-scan.js';
import { hashTaskDir } from './task-hash.js';
import { BUNDLE_VERSION, type Manifest, type ManifestTask } from './task-spec.js';

export type { SkipNotice } from './pack-scan.js';

export interface PackOptions {
  /** manifest created_at and every entry's mtime; default $SOURCE_DATE_EPOCH, else PACK_EPOCH. */
  createdAt?: Date;
  /** Told about everything left out (build droppings, folders without task.json). */
  onSkip?: SkipNotice;
}

/** The fixed default date, so that the same sources always give the same bytes. */
export const PACK_EPOCH = new Date('2025-01-01T00:00:00.000Z');

function packDate(explicit: Date | undefined): Date {
  if (explicit) return new Date(Math.floor(explicit.getTime() / 1000) * 1000);
  const epoch = Number.parseInt(process.env.SOURCE_DATE_EPOCH ?? '', 10);
  return Number.isFinite(epoch) && epoch >= 0 ? new Date(epoch * 1000) : PACK_EPOCH;
}

async function stageTask(source: TaskSource, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  await chmod(dest, 0o755);
  for (const entry of source.entries) {
    const target = join(dest, entry.path);
    if (entry.kind === 'directory') await mkdir(target);
    else await copyFile(join(source.dir, entry.path), target);
    await chmod(target, entry.kind === 'directory' || entry.executable ? 0o755 : 0o644);
  }
}

/** manifest.json, then each category folder, each task folder and its entries, in order. */
function entryList(sources: TaskSource[]): string[] {
  const list = [MANIFEST_NAME];
  let category = '';
  for (const source of sources) {
    if (source.spec.category !== category) {
      category = source.spec.category;
      list.push(category);
    }
    list.push(source.id, ...source.entries.map((entry) => `${source.id}/${entry.path}`));
  }
  return list;
}

async function writeTarball(stage: string, entries: string[], outFile: string, mtime: Date): Promise<void> {
  const tar = await import('tar');
  const temp = join(dirname(outFile), `.${basename(outFile)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await tar.create({ file: temp, gzip: true, cwd: stage, portable: true, noDirRecurse: true, strict: true, mtime }, entries);
    await rename(temp, outFile);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CabError('bundle', `cannot write ${outFile}: ${messageOf(error)}`, { hint: 'check that the output folder exists and is writable', cause: error });
  }
}

function checkOutside(outFile: string, sources: TaskSource[]): void {
  for (const source of sources) {
    const rel = relative(source.dir, outFile);
    if (!rel.startsWith('..') && !rel.startsWith(sep)) {
      throw new CabError('usage', `the output ${outFile} is inside task folder ${source.id}`, { hint: 'write the bundle somewhere else' });
    }
  }
}

export async function packBundle(srcDir: string, outFile: string, opts: PackOptions = {}): Promise<Manifest> {
  const onSkip = opts.onSkip ?? (() => undefined);
  const out = resolve(outFile);
  const sources: TaskSource[] = [];
  for (const { id, dir } of await findTaskDirs(resolve(srcDir), onSkip)) sources.push(await readTaskSource(id, dir, onSkip));
  checkOutside(out, sources);
  const createdAt = packDate(opts.createdAt);
  const stage = await mkdtemp(join(tmpdir(), 'cab-pack-'));
  try {
    const tasks: ManifestTask[] = [];
    for (const source of sources) {
      const staged = join(stage, source.id);
      await stageTask(source, staged);
      const { sha256, files, bytes } = await hashTaskDir(staged);
      const { id, category, language, title, toolchains } = source.spec;
      const tests = await readExpectedTests(source.dir, `${id}/${EXPECTED_TESTS_FILE}`);
      tasks.push({ id, category, language, title, toolchains, sha256, files, bytes, ...(tests ? { tests } : {}) });
    }
    const manifest: Manifest = { bundle_version: BUNDLE_VERSION, created_at: createdAt.toISOString(), tasks };
    await writeFile(join(stage, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    await chmod(join(stage, MANIFEST_NAME), 0o644);
    for (const category of new Set(sources.map((s) => s.spec.category))) await chmod(join(stage, category), 0o755);
    await writeTarball(stage, entryList(sources), out, createdAt);
    return manifest;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
