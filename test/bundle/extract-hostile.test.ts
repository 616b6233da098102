// Hostile and broken bundles (SPEC §6, issue 5). Every case asserts the error code, the reason,
// and that nothing at all landed: not in the target, not next to it, not above it. The hostile
// entry usually comes AFTER the chosen task's files, so only a full scan first can catch it.

import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTask, type ExtractLimits } from '../../src/bundle/extract.js';
import type { ManifestTask } from '../../src/bundle/task-spec.js';
import {
  bundleParts,
  dirEntry,
  fileEntry,
  gnuLongName,
  gzipOf,
  listTree,
  manifestEntry,
  manifestFor,
  paxEntry,
  rawEntry,
  tarOf,
  taskEntries,
  taskFiles,
  tempDir,
  type FixtureTask,
} from '../helpers/tar-fixtures.js';

const t1: FixtureTask = { id: 'cat/t1', files: taskFiles('cat/t1') };
const other: FixtureTask = { id: 'other/b', files: taskFiles('other/b') };
const T1 = (manifestFor([t1, other]).tasks as ManifestTask[])[0] as ManifestTask;
const EVIL_ABS = `/tmp/cab-evil-${randomBytes(4).toString('hex')}`;

/** A valid bundle (t1 + other) with extra entries appended at the end. */
function withExtra(...extra: Buffer[]): Buffer {
  return gzipOf(tarOf([...bundleParts([t1, other]), ...extra]));
}

interface Case {
  name: string;
  bundle: () => Buffer;
  code: 'bundle' | 'checksum';
  reason: RegExp;
  task?: ManifestTask;
  limits?: Partial<ExtractLimits>;
}

const cases: Case[] = [
  { name: 'traversal ../ at the top', bundle: () => withExtra(fileEntry('../evil.txt', 'x')), code: 'bundle', reason: /'\.\.' segment/ },
  { name: 'traversal inside the task prefix', bundle: () => withExtra(fileEntry('cat/t1/../../../../evil.txt', 'x')), code: 'bundle', reason: /'\.\.' segment/ },
  { name: 'traversal hidden mid-path', bundle: () => withExtra(fileEntry('cat/t1/workdir/../../../x.txt', 'x')), code: 'bundle', reason: /'\.\.' segment/ },
  { name: 'absolute path', bundle: () => withExtra(fileEntry(`${EVIL_ABS}/evil.txt`, 'x')), code: 'bundle', reason: /absolute path/ },
  { name: 'windows drive path', bundle: () => withExtra(fileEntry('C:/evil.txt', 'x')), code: 'bundle', reason: /absolute path/ },
  { name: 'backslash traversal', bundle: () => withExtra(fileEntry('cat/t1/..\\..\\evil.txt', 'x')), code: 'bundle', reason: /backslash/ },
  { name: 'empty path segment', bundle: () => withExtra(fileEntry('cat/t1//x.txt', 'x')), code: 'bundle', reason: /empty or "\." path segment/ },
  { name: 'dot path segment', bundle: () => withExtra(fileEntry('./cat/t1/x.txt', 'x')), code: 'bundle', reason: /empty or "\." path segment/ },
  { name: 'symlink in the chosen task', bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/link', type: '2', linkpath: '/etc/passwd' })), code: 'bundle', reason: /a symlink/ },
  { name: 'symlink in another task', bundle: () => withExtra(rawEntry({ path: 'other/b/workdir/link', type: '2', linkpath: '../../..' })), code: 'bundle', reason: /a symlink/ },
  { name: 'hard link', bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/hard', type: '1', linkpath: 'cat/t1/workdir/calc.py' })), code: 'bundle', reason: /a hard link/ },
  { name: 'FIFO', bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/fifo', type: '6' })), code: 'bundle', reason: /a FIFO/ },
  { name: 'character device', bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/null', type: '3' })), code: 'bundle', reason: /a character device/ },
  { name: 'block device', bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/sda', type: '4' })), code: 'bundle', reason: /a block device/ },
  { name: 'unknown entry type', bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/vol', type: 'V' })), code: 'bundle', reason: /unsupported/ },
  { name: 'setuid file', bundle: () => withExtra(fileEntry('cat/t1/workdir/suid', 'x', 0o4755)), code: 'bundle', reason: /setuid\/setgid\/sticky/ },
  { name: 'setgid folder', bundle: () => withExtra(dirEntry('cat/t1/workdir/sgid', 0o2755)), code: 'bundle', reason: /setuid\/setgid\/sticky/ },
  { name: 'sticky folder', bundle: () => withExtra(dirEntry('cat/t1/workdir/sticky', 0o1755)), code: 'bundle', reason: /setuid\/setgid\/sticky/ },
  { name: 'world-writable file', bundle: () => withExtra(fileEntry('cat/t1/workdir/ww', 'x', 0o666)), code: 'bundle', reason: /world-writable/ },
  { name: 'world-writable folder', bundle: () => withExtra(dirEntry('cat/t1/workdir/wwd', 0o777)), code: 'bundle', reason: /world-writable/ },
  { name: 'gzip bomb (ratio, default caps)', bundle: () => withExtra(fileEntry('other/b/zeros.bin', Buffer.alloc(30 * 1024 * 1024))), code: 'bundle', reason: /decompression ratio/ },
  {
    name: 'bomb hidden after the end-of-archive marker',
    bundle: () => gzipOf(Buffer.concat([tarOf(bundleParts([t1, other])), Buffer.alloc(100 * 1024 * 1024)])),
    code: 'bundle',
    reason: /decompression ratio|bytes once decompressed/,
  },
  {
    name: '20,000 files',
    bundle: () => withExtra(...Array.from({ length: 20_000 }, (_, i) => fileEntry(`other/b/many/f${i}`, ''))),
    code: 'bundle',
    reason: /cap of 5000/,
  },
  { name: 'huge single entry (declared 4 GiB)', bundle: () => gzipOf(tarOf([...bundleParts([t1]), rawEntry({ path: 'cat/t1/huge', size: 4 * 1024 ** 3 })], { eof: false })), code: 'bundle', reason: /4294967296 bytes \(cap/ },
  { name: 'entry over a lowered cap', bundle: () => withExtra(fileEntry('other/b/big.bin', randomBytes(64 * 1024))), code: 'bundle', reason: /65536 bytes \(cap 1024\)/, limits: { maxEntryBytes: 1024 } },
  { name: 'total size over the cap', bundle: () => withExtra(...[1, 2, 3].map((i) => fileEntry(`other/b/r${i}`, randomBytes(20_000)))), code: 'bundle', reason: /total past/, limits: { maxTotalBytes: 50_000 } },
  {
    name: 'deep nesting (26 levels)',
    bundle: () => withExtra(fileEntry(`other/b/${Array.from({ length: 23 }, () => 'd').join('/')}/x`, 'x')),
    code: 'bundle',
    reason: /nested 26 levels deep/,
  },
  {
    name: 'truncated gzip',
    bundle: () => {
      const whole = withExtra(fileEntry('other/b/noise.bin', randomBytes(200_000)));
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
    code: 'bundle',
    reason: /truncated or corrupt/,
  },
  {
    name: 'truncated tar inside a complete gzip',
    bundle: () => {
      const tar = tarOf([...bundleParts([t1, other]), fileEntry('other/b/n.bin', randomBytes(5000))]);
      return gzipOf(tar.subarray(0, tar.length - 1024 - 3000));
    },
    code: 'bundle',
    reason: /truncated|Truncated/,
  },
  { name: 'no end-of-archive marker', bundle: () => gzipOf(tarOf(bundleParts([t1, other]), { eof: false })), code: 'bundle', reason: /no end-of-archive marker/ },
  { name: 'not gzip (a plain tar)', bundle: () => tarOf(bundleParts([t1])), code: 'bundle', reason: /not a gzip file/ },
  { name: 'not gzip (text)', bundle: () => Buffer.from('<html>404 Not Found</html>\n'), code: 'bundle', reason: /not a gzip file/ },
  { name: 'empty file', bundle: () => Buffer.alloc(0), code: 'bundle', reason: /empty file/ },
  { name: 'gzip inside gzip', bundle: () => gzipOf(gzipOf(tarOf(bundleParts([t1])))), code: 'bundle', reason: /compressed twice/ },
  { name: 'gzip of random bytes', bundle: () => gzipOf(randomBytes(4096)), code: 'bundle', reason: /not a valid tar/ },
  { name: 'corrupt header checksum', bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/x', body: 'x', badChecksum: true })), code: 'bundle', reason: /not a valid tar/ },
  {
    name: 'prefix confusion: manifest lists cat/t1, only cat/t1x is packed',
    bundle: () => gzipOf(tarOf([manifestEntry(manifestFor([t1])), ...taskEntries({ id: 'cat/t1x', files: t1.files })])),
    code: 'bundle',
    reason: /folder is missing/,
  },
  { name: '.git/config in a workdir', bundle: () => withExtra(dirEntry('cat/t1/workdir/.git'), fileEntry('cat/t1/workdir/.git/config', '[core]\n')), code: 'bundle', reason: /\.git folder/ },
  { name: '.GIT in another case', bundle: () => withExtra(fileEntry('other/b/.GIT/hooks/post-checkout', '#!/bin/sh\n')), code: 'bundle', reason: /\.git folder/ },
  { name: 'manifest missing', bundle: () => gzipOf(tarOf(taskEntries(t1))), code: 'bundle', reason: /not the first entry/ },
  { name: 'manifest not first', bundle: () => gzipOf(tarOf([...taskEntries(t1), manifestEntry(manifestFor([t1]))])), code: 'bundle', reason: /not the first entry/ },
  { name: 'manifest invalid JSON', bundle: () => gzipOf(tarOf([fileEntry('manifest.json', '{"bundle_version": 1,'), ...taskEntries(t1)])), code: 'bundle', reason: /not valid JSON/ },
  {
    name: 'manifest with a bad sha256',
    bundle: () => {
      const manifest = manifestFor([t1]) as { tasks: Record<string, unknown>[] };
      (manifest.tasks[0] as Record<string, unknown>).sha256 = 'xyz';
      return gzipOf(tarOf([manifestEntry(manifest), ...taskEntries(t1)]));
    },
    code: 'bundle',
    reason: /sha256 has an invalid value/,
  },
  {
    name: 'checksum mismatch (tampered file)',
    bundle: () => gzipOf(tarOf([manifestEntry(manifestFor([t1])), ...taskEntries({ id: 'cat/t1', files: { ...t1.files, 'solution/calc.py': 'import os; os.system("curl evil")\n' } })])),
    code: 'checksum',
    reason: /checksum mismatch/,
  },
  {
    name: 'checksum mismatch (file added)',
    bundle: () => gzipOf(tarOf([manifestEntry(manifestFor([t1])), ...taskEntries({ id: 'cat/t1', files: { ...t1.files, 'workdir/extra.py': 'x' } })])),
    code: 'checksum',
    reason: /checksum mismatch/,
  },
  { name: 'task not in the manifest', bundle: () => withExtra(), task: { ...T1, id: 'cat/zzz' }, code: 'bundle', reason: /not in the bundle's manifest/ },
  { name: 'task hash differs from the manifest', bundle: () => withExtra(), task: { ...T1, sha256: '0'.repeat(64) }, code: 'checksum', reason: /another sha256/ },
  { name: 'invalid task id', bundle: () => withExtra(), task: { ...T1, id: '../cat' }, code: 'bundle', reason: /invalid task id/ },
  { name: 'duplicate entry', bundle: () => withExtra(fileEntry('cat/t1/workdir/calc.py', 'def add(a, b): return 0\n')), code: 'bundle', reason: /duplicate entry/ },
  { name: 'duplicate by case', bundle: () => withExtra(fileEntry('cat/t1/workdir/CALC.py', 'x')), code: 'bundle', reason: /duplicate entry/ },
  { name: 'entry inside a file', bundle: () => withExtra(fileEntry('cat/t1/workdir/calc.py/x', 'x')), code: 'bundle', reason: /which is a file/ },
  {
    name: 'folder whose "data" smuggles a header',
    bundle: () => withExtra(rawEntry({ path: 'cat/t1/workdir/d/', type: '5', body: fileEntry('../evil.txt', 'x') })),
    code: 'bundle',
    reason: /'\.\.' segment/,
  },
  { name: 'pax header rewriting the path to ../', bundle: () => withExtra(paxEntry({ path: '../../evil.txt' }), fileEntry('cat/t1/workdir/innocent.txt', 'x')), code: 'bundle', reason: /'\.\.' segment/ },
  { name: 'GNU long name with traversal', bundle: () => withExtra(gnuLongName(`cat/t1/${'a/'.repeat(60)}../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../evil`), fileEntry('cat/t1/placeholder', 'x')), code: 'bundle', reason: /'\.\.' segment/ },
];

let root: string;
let expectedTree: string[];
beforeEach(async () => {
  root = await tempDir();
  await mkdir(join(root, 'sandbox/a/b'), { recursive: true });
  expectedTree = ['b.tar.gz', 'sandbox/', 'sandbox/a/', 'sandbox/a/b/'];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('extractTask refuses hostile bundles, extracting nothing', () => {
  it('has at least 25 named cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('the base bundle is valid (so each rejection is the hostile part\'s doing)', async () => {
    const bundle = join(root, 'b.tar.gz');
    await writeFile(bundle, withExtra());
    await extractTask(bundle, T1, join(root, 'sandbox/a/b/dest'));
    expect(await listTree(join(root, 'sandbox/a/b/dest'))).toContain('task.json');
  });

  it.each(cases)('$name', async ({ bundle, code, reason, task, limits }) => {
    const file = join(root, 'b.tar.gz');
    await writeFile(file, bundle());
    const dest = join(root, 'sandbox/a/b/dest');
    const error = await extractTask(file, task ?? T1, dest, limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'CabError', code });
    expect((error as Error).message).toMatch(reason);
    expect((error as { hint?: string }).hint).toBeTruthy();
    expect(await listTree(root)).toEqual(expectedTree);
    await expect(stat(EVIL_ABS)).rejects.toThrow();
  });
});
