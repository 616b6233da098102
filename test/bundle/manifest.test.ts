import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTask } from '../../src/bundle/extract.js';
import { readManifest } from '../../src/bundle/manifest.js';
import {
  bundleParts,
  fileEntry,
  gnuLongName,
  gzipOf,
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

let root: string;
beforeEach(async () => {
  root = await tempDir();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const t1: FixtureTask = { id: 'cat/t1', files: taskFiles('cat/t1') };
const b: FixtureTask = { id: 'other/b', files: taskFiles('other/b') };

async function bundleOf(bytes: Buffer): Promise<string> {
  const file = join(root, 'b.tar.gz');
  await writeFile(file, bytes);
  return file;
}

describe('readManifest', () => {
  it('reads and validates manifest.json', async () => {
    const file = await bundleOf(gzipOf(tarOf(bundleParts([t1, b]))));
    const manifest = await readManifest(file);
    expect(manifest).toEqual(manifestFor([t1, b]));
    expect(manifest.tasks.map((t) => t.id)).toEqual(['cat/t1', 'other/b']);
  });

  it('stops after the manifest: a bundle corrupt further on still lists', async () => {
    const whole = gzipOf(tarOf([...bundleParts([t1]), fileEntry('cat/t1/noise.bin', randomBytes(2_000_000))]));
    const file = await bundleOf(whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await readManifest(file)).tasks).toHaveLength(1);
    // the full scan of extractTask does see the damage
    const task = (await readManifest(file)).tasks[0];
    await expect(extractTask(file, task as never, join(root, 'dest'))).rejects.toMatchObject({ code: 'bundle', message: /truncated/ });
  });

  it('stops after the manifest: hostile entries later on do not matter to list', async () => {
    const file = await bundleOf(gzipOf(tarOf([...bundleParts([t1]), fileEntry('../evil', 'x')])));
    expect((await readManifest(file)).tasks).toHaveLength(1);
  });

  const broken: [string, () => Buffer, RegExp][] = [
    ['empty file', () => Buffer.alloc(0), /empty file/],
    ['not gzip', () => Buffer.from('PK\u0003\u0004 a zip file'), /not a gzip file/],
    ['truncated before the manifest ends', () => gzipOf(tarOf(bundleParts([t1]))).subarray(0, 30), /truncated/],
    ['manifest missing', () => gzipOf(tarOf(taskEntries(t1))), /not the first entry/],
    ['manifest not first', () => gzipOf(tarOf([...taskEntries(t1), manifestEntry(manifestFor([t1]))])), /not the first entry/],
    ['manifest invalid JSON', () => gzipOf(tarOf([fileEntry('manifest.json', 'not json')])), /not valid JSON/],
    ['manifest is a folder', () => gzipOf(tarOf([fileEntry('manifest.json/', '')])), /empty or "\." path segment|not the first entry/],
    ['empty archive', () => gzipOf(tarOf([])), /no manifest\.json|not a valid tar/],
    ['manifest entry is unsafe', () => gzipOf(tarOf([fileEntry('/manifest.json', '{}')])), /absolute path/],
    [
      'newer bundle_version',
      () => gzipOf(tarOf([manifestEntry({ ...manifestFor([t1]), bundle_version: 2 })])),
      /bundle_version 2 is not supported/,
    ],
  ];

  it.each(broken)('%s → CabError(bundle)', async (_name, bytes, reason) => {
    const file = await bundleOf(bytes());
    const error = await readManifest(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CabError', code: 'bundle' });
    expect((error as Error).message).toMatch(reason);
    expect((error as { hint?: string }).hint).toBeTruthy();
  });

  // readManifest reads the first entry without the tar library (bundle/first-entry.ts).
  it('reads a manifest named by a pax header', async () => {
    const json = JSON.stringify(manifestFor([t1]));
    const file = await bundleOf(gzipOf(tarOf([paxEntry({ path: 'manifest.json' }), fileEntry('x'.repeat(99), json), ...taskEntries(t1)])));
    expect((await readManifest(file)).tasks.map((t) => t.id)).toEqual(['cat/t1']);
  });

  it.each([
    ['a pax header naming another file', () => gzipOf(tarOf([paxEntry({ path: 'other.json' }), manifestEntry(manifestFor([t1]))])), /not the first entry of the bundle \(found "other\.json"\)/],
    ['a bad header checksum', () => gzipOf(tarOf([rawEntry({ path: 'manifest.json', body: '{}', badChecksum: true })])), /not a valid tar archive/],
    ['a GNU long-name header first', () => gzipOf(tarOf([gnuLongName('manifest.json'), manifestEntry(manifestFor([t1]))])), /unsupported type/],
    ['a setuid manifest', () => gzipOf(tarOf([fileEntry('manifest.json', JSON.stringify(manifestFor([t1])), 0o4644)])), /setuid/],
    ['a world-writable manifest', () => gzipOf(tarOf([fileEntry('manifest.json', JSON.stringify(manifestFor([t1])), 0o666)])), /world-writable/],
    ['a symlink named manifest.json', () => gzipOf(tarOf([rawEntry({ path: 'manifest.json', type: '2', linkpath: '/etc/passwd' })])), /a symlink/],
    ['a manifest over 4 MiB', () => gzipOf(tarOf([fileEntry('manifest.json', Buffer.alloc(5 * 1024 * 1024, 0x20))])), /larger than/],
    ['an archive that ends inside the manifest', () => gzipOf(tarOf([manifestEntry(manifestFor([t1]))]).subarray(0, 700)), /truncated/],
  ])('%s → CabError(bundle)', async (_name, bytes, reason) => {
    const error = await readManifest(await bundleOf(bytes())).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CabError', code: 'bundle' });
    expect((error as Error).message).toMatch(reason);
  });

  it('a missing file is a bundle error', async () => {
    await expect(readManifest(join(root, 'nope.tar.gz'))).rejects.toMatchObject({ code: 'bundle', message: /cannot read bundle/ });
  });
});
