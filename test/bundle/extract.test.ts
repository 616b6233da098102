import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTask, extractTaskParts } from '../../src/bundle/extract.js';
import { readManifest } from '../../src/bundle/manifest.js';
import { hashTaskDir } from '../../src/bundle/task-hash.js';
import type { ManifestTask } from '../../src/bundle/task-spec.js';
import {
  bundleParts,
  fileEntry,
  hashFiles,
  listTree,
  manifestEntry,
  manifestFor,
  taskEntries,
  taskFiles,
  tempDir,
  writeBundle,
  type FixtureTask,
} from '../helpers/tar-fixtures.js';

let root: string;
beforeEach(async () => {
  root = await tempDir();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const t1: FixtureTask = { id: 'cat/t1', files: taskFiles('cat/t1') };
const t1x: FixtureTask = { id: 'cat/t1x', files: { ...taskFiles('cat/t1x'), 'workdir/only-in-t1x.txt': 'x\n' } };
const other: FixtureTask = { id: 'other/b', files: taskFiles('other/b') };

async function taskOf(bundle: string, id: string): Promise<ManifestTask> {
  const task = (await readManifest(bundle)).tasks.find((t) => t.id === id);
  if (!task) throw new Error(`fixture: ${id} missing`);
  return task;
}

describe('extractTask (normal bundles)', () => {
  it('extracts only the chosen task, prefix stripped, hash matching the manifest', async () => {
    const bundle = await writeBundle(join(root, 'b.tar.gz'), bundleParts([t1, t1x, other]));
    const dest = join(root, 'dest');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1'), dest);
    const files = (await listTree(dest)).filter((p) => !p.endsWith('/'));
    expect(files).toEqual(Object.keys(t1.files).sort());
    expect(await readFile(join(dest, 'solution/calc.py'), 'utf8')).toBe(t1.files['solution/calc.py']);
    expect((await hashTaskDir(dest)).sha256).toBe(hashFiles(t1.files).sha256);
  });

  it('never confuses cat/t1 with cat/t1x (exact folder prefix)', async () => {
    const bundle = await writeBundle(join(root, 'b.tar.gz'), bundleParts([t1x, t1]));
    const dest = join(root, 'dest');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1'), dest);
    expect(await listTree(dest)).not.toContain('workdir/only-in-t1x.txt');
    const destX = join(root, 'dest-x');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1x'), destX);
    expect(await listTree(destX)).toContain('workdir/only-in-t1x.txt');
  });

  it('normalises modes: 0755 for executables and folders, 0644 otherwise', async () => {
    const task: FixtureTask = { id: 'cat/t1', files: { ...t1.files, 'workdir/run.sh': '#!/bin/sh\n' } };
    const parts = bundleParts([task]).map((part) =>
      part.subarray(0, 100).toString().startsWith('cat/t1/workdir/run.sh') ? fileEntry('cat/t1/workdir/run.sh', '#!/bin/sh\n', 0o750) : part,
    );
    const bundle = await writeBundle(join(root, 'b.tar.gz'), parts);
    const dest = join(root, 'dest');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1'), dest);
    expect((await stat(join(dest, 'workdir/run.sh'))).mode & 0o7777).toBe(0o755);
    expect((await stat(join(dest, 'workdir/calc.py'))).mode & 0o7777).toBe(0o644);
    expect((await stat(join(dest, 'workdir/tests'))).mode & 0o7777).toBe(0o755);
  });

  it('accepts an existing empty destination and keeps it on failure', async () => {
    const bundle = await writeBundle(join(root, 'b.tar.gz'), bundleParts([t1]));
    const dest = join(root, 'scratch');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1'), join(root, 'first'));
    await mkdir(dest);
    const task = await taskOf(bundle, 'cat/t1');
    await expect(extractTask(bundle, { ...task, sha256: 'f'.repeat(64) }, dest)).rejects.toMatchObject({ code: 'checksum' });
    expect((await stat(dest)).isDirectory()).toBe(true);
    expect(await listTree(dest)).toEqual([]);
    await extractTask(bundle, task, dest);
    expect(await listTree(dest)).toContain('task.json');
  });

  it('refuses a destination that is not empty', async () => {
    const bundle = await writeBundle(join(root, 'b.tar.gz'), bundleParts([t1]));
    const dest = join(root, 'dest');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1'), dest);
    await expect(extractTask(bundle, await taskOf(bundle, 'cat/t1'), dest)).rejects.toMatchObject({ code: 'internal' });
  });

  it('extracts empty files', async () => {
    const task: FixtureTask = { id: 'cat/t1', files: { ...t1.files, 'workdir/__init__.py': '' } };
    const bundle = await writeBundle(join(root, 'b.tar.gz'), bundleParts([task]));
    const dest = join(root, 'dest');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1'), dest);
    expect((await stat(join(dest, 'workdir/__init__.py'))).size).toBe(0);
  });
});

describe('extractTaskParts (the agent sees no answer on disk)', () => {
  it('writes only the named parts, yet checks the whole task', async () => {
    const bundle = await writeBundle(join(root, 'b.tar.gz'), bundleParts([t1, other]));
    const task = await taskOf(bundle, 'cat/t1');
    const agent = join(root, 'agent');
    await extractTaskParts(bundle, task, agent, ['task.json', 'workdir']);
    const files = (await listTree(agent)).filter((p) => !p.endsWith('/'));
    expect(files).toEqual(Object.keys(t1.files).filter((p) => p === 'task.json' || p.startsWith('workdir/')).sort());
    const grader = join(root, 'grader');
    await extractTaskParts(bundle, task, grader, ['grader']);
    expect((await listTree(grader)).filter((p) => !p.endsWith('/'))).toEqual(['grader/grade.py']);
  });

  it('a changed solution fails the checksum even when solution/ is not written', async () => {
    const tampered: FixtureTask = { id: 'cat/t1', files: { ...t1.files, 'solution/calc.py': 'print("pwned")\n' } };
    const manifest = manifestEntry(manifestFor([t1]));
    const bundle = await writeBundle(join(root, 'b.tar.gz'), [manifest, ...taskEntries(tampered)]);
    const dest = join(root, 'agent');
    await expect(extractTaskParts(bundle, await taskOf(bundle, 'cat/t1'), dest, ['task.json', 'workdir'])).rejects.toMatchObject({ code: 'checksum' });
    expect(existsSync(dest)).toBe(false);
  });
});

describe('extractTask: held in memory or streamed twice', () => {
  it.each([
    ['in memory (one pass)', undefined],
    ['over the memory budget (second streaming pass)', 0],
  ])('%s: same files, modes and hash', async (_name, budget) => {
    const bundle = await writeBundle(join(root, 'b.tar.gz'), bundleParts([t1, other]));
    const dest = join(root, 'dest');
    await extractTask(bundle, await taskOf(bundle, 'cat/t1'), dest, {}, budget === undefined ? {} : { memoryBudget: budget });
    expect((await listTree(dest)).filter((p) => !p.endsWith('/'))).toEqual(Object.keys(t1.files).sort());
    expect((await hashTaskDir(dest)).sha256).toBe(hashFiles(t1.files).sha256);
    expect((await stat(join(dest, 'workdir'))).mode & 0o7777).toBe(0o755);
  });

  it.each([
    ['in memory: nothing is even created', undefined],
    ['streamed: the half-written folder is removed', 0],
  ])('a checksum mismatch, %s', async (_name, budget) => {
    const listed: FixtureTask = { id: 'cat/t1', files: { ...t1.files, 'workdir/calc.py': 'what the manifest hashed\n' } };
    const bundle = await writeBundle(join(root, 'b.tar.gz'), [manifestEntry(manifestFor([listed])), ...taskEntries(t1)]);
    const dest = join(root, 'dest');
    const task = await taskOf(bundle, 'cat/t1');
    await expect(extractTask(bundle, task, dest, {}, budget === undefined ? {} : { memoryBudget: budget })).rejects.toMatchObject({ code: 'checksum', message: /checksum mismatch/ });
    await expect(stat(dest)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
