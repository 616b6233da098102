import { mkdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTask } from '../../src/bundle/extract.js';
import { readManifest } from '../../src/bundle/manifest.js';
import { PACK_EPOCH, packBundle } from '../../src/bundle/pack.js';
import { hashTaskDir } from '../../src/bundle/task-hash.js';
import { hashFiles, listTree, taskFiles, taskJson, tempDir, writeTree } from '../helpers/tar-fixtures.js';

let root: string;
let src: string;
beforeEach(async () => {
  root = await tempDir();
  src = join(root, 'tasks-bundle');
  await writeTree(join(src, 'polyglot/b-task'), taskFiles('polyglot/b-task'));
  await writeTree(join(src, 'mutations/a-task'), { ...taskFiles('mutations/a-task'), 'workdir/run.sh': '#!/bin/sh\necho hi\n' }, { 'workdir/run.sh': 0o775 });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Listed {
  path: string;
  type: string;
  mode: number;
  uid: number | undefined;
  gid: number | undefined;
  mtime: number | undefined;
}

async function listEntries(file: string): Promise<Listed[]> {
  const tar = await import('tar');
  const out: Listed[] = [];
  await tar.list({
    file,
    onReadEntry: (e) => {
      out.push({ path: e.path, type: e.type, mode: e.mode ?? -1, uid: e.uid, gid: e.gid, mtime: e.mtime?.getTime() });
    },
  });
  return out;
}

describe('packBundle', () => {
  it('packs every <category>/<name>/task.json, manifest first, sorted, deterministic metadata', async () => {
    const out = join(root, 'out.tar.gz');
    const manifest = await packBundle(src, out);
    expect(manifest.tasks.map((t) => t.id)).toEqual(['mutations/a-task', 'polyglot/b-task']);
    expect(manifest.created_at).toBe(PACK_EPOCH.toISOString());
    expect(manifest.tasks[1]).toMatchObject({ category: 'polyglot', language: 'python', toolchains: ['python3'], ...hashFiles(taskFiles('polyglot/b-task')) });

    const entries = await listEntries(out);
    expect(entries[0]?.path).toBe('manifest.json');
    expect(entries.slice(1, 3).map((e) => e.path)).toEqual(['mutations/', 'mutations/a-task/']);
    const paths = entries.map((e) => e.path);
    expect(paths).toContain('polyglot/b-task/workdir/tests/test_calc.py');
    for (const e of entries) {
      expect(e.uid ?? 0).toBe(0);
      expect(e.gid ?? 0).toBe(0);
      // node-tar's portable mode leaves folder mtimes out altogether; files carry the fixed one
      expect(e.mtime).toBe(e.type === 'Directory' ? undefined : PACK_EPOCH.getTime());
      expect(['File', 'Directory']).toContain(e.type);
      const executable = e.type === 'Directory' || e.path.endsWith('run.sh');
      expect(e.mode).toBe(executable ? 0o755 : 0o644);
    }
    expect(await readManifest(out)).toEqual(manifest);
  });

  it('writes the same bytes for the same sources, whatever the mtimes', async () => {
    const first = join(root, 'one.tar.gz');
    const second = join(root, 'two.tar.gz');
    await packBundle(src, first);
    await utimes(join(src, 'polyglot/b-task/workdir/calc.py'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    await packBundle(src, second);
    expect(Buffer.compare(await readFile(first), await readFile(second))).toBe(0);
  });

  it('round-trips: extractTask gives the same hash, the executable bit kept', async () => {
    const out = join(root, 'out.tar.gz');
    const manifest = await packBundle(src, out);
    for (const task of manifest.tasks) {
      const dest = join(root, 'x', task.id);
      await extractTask(out, task, dest);
      expect(await hashTaskDir(dest)).toEqual({ sha256: task.sha256, files: task.files, bytes: task.bytes });
    }
    expect((await stat(join(root, 'x/mutations/a-task/workdir/run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('leaves build droppings out and says so', async () => {
    await writeTree(join(src, 'polyglot/b-task/workdir'), {
      'target/debug/app': 'bin',
      '__pycache__/calc.cpython-312.pyc': 'pyc',
      'sub/x.pyc': 'pyc',
      '.DS_Store': 'mac',
      'node_modules/left-pad/index.js': '',
      'out/Main.class': 'class',
    });
    await mkdir(join(src, 'polyglot/not-a-task'), { recursive: true });
    const skipped: string[] = [];
    const out = join(root, 'out.tar.gz');
    const manifest = await packBundle(src, out, { onSkip: (path, reason) => skipped.push(`${path} (${reason})`) });
    expect(skipped.sort()).toEqual([
      'polyglot/b-task/workdir/.DS_Store (build output)',
      'polyglot/b-task/workdir/__pycache__/ (build output)',
      'polyglot/b-task/workdir/node_modules/ (build output)',
      'polyglot/b-task/workdir/out/ (build output)',
      'polyglot/b-task/workdir/sub/x.pyc (build output)',
      'polyglot/b-task/workdir/target/ (build output)',
      'polyglot/not-a-task/ (no task.json)',
    ]);
    const paths = (await listEntries(out)).map((e) => e.path);
    expect(paths.filter((p) => /target|pycache|\.pyc|DS_Store|node_modules|\/out\//.test(p))).toEqual([]);
    expect(manifest.tasks[1]?.sha256).toBe(hashFiles(taskFiles('polyglot/b-task')).sha256);
  });

  it('writes atomically: no temp file is left next to the output', async () => {
    await packBundle(src, join(root, 'out.tar.gz'));
    expect((await listTree(root)).filter((p) => !p.startsWith('tasks-bundle'))).toEqual(['out.tar.gz']);
  });

  const invalid: [string, () => Promise<void>, RegExp][] = [
    ['id differs from the folder', () => writeFile(join(src, 'polyglot/b-task/task.json'), JSON.stringify(taskJson('polyglot/other'))), /id "polyglot\/other" does not match its folder/],
    ['task.json not JSON', () => writeFile(join(src, 'polyglot/b-task/task.json'), '{'), /polyglot\/b-task\/task\.json: not valid JSON/],
    ['task.json missing a key', () => writeFile(join(src, 'polyglot/b-task/task.json'), JSON.stringify({ ...taskJson('polyglot/b-task'), verify: undefined })), /verify must be an array/],
    ['README.md missing', () => rm(join(src, 'polyglot/b-task/workdir/README.md')), /missing workdir\/README\.md/],
    ['AGENTS.md missing', () => rm(join(src, 'polyglot/b-task/workdir/AGENTS.md')), /missing workdir\/AGENTS\.md/],
    ['solution/ missing', () => rm(join(src, 'polyglot/b-task/solution'), { recursive: true }), /missing solution\//],
    ['a symlink inside a task', () => symlink('/etc/passwd', join(src, 'polyglot/b-task/workdir/passwd')), /symlink or special file/],
    ['a symlinked task folder', () => symlink(join(src, 'polyglot/b-task'), join(src, 'polyglot/c-task')), /is a symlink/],
    ['a .git folder in a task', () => writeTree(join(src, 'polyglot/b-task/workdir/.git'), { HEAD: 'ref' }), /\.git folder cannot be packed/],
  ];

  it.each(invalid)('refuses: %s', async (_name, breakIt, reason) => {
    await breakIt();
    const out = join(root, 'out.tar.gz');
    const error = await packBundle(src, out).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CabError', code: 'bundle' });
    expect((error as Error).message).toMatch(reason);
    expect(await listTree(root)).not.toContain('out.tar.gz');
  });

  it('refuses a tree without tasks', async () => {
    const empty = join(root, 'empty');
    await mkdir(empty);
    await expect(packBundle(empty, join(root, 'o.tar.gz'))).rejects.toMatchObject({ code: 'bundle', message: /no tasks/ });
  });

  it('refuses to write the bundle inside a task folder', async () => {
    await expect(packBundle(src, join(src, 'polyglot/b-task/workdir/b.tar.gz'))).rejects.toMatchObject({ code: 'usage' });
  });

  it('honours an explicit createdAt (whole seconds)', async () => {
    const manifest = await packBundle(src, join(root, 'o.tar.gz'), { createdAt: new Date('2026-03-04T05:06:07.890Z') });
    expect(manifest.created_at).toBe('2026-03-04T05:06:07.000Z');
  });
});
