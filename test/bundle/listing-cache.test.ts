// `list`'s cache of what it shows: used while the bundle is the same file, never once it changed,
// and never in the way when it is damaged or cannot be written.

import { copyFile, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readListing } from '../../src/bundle/listing-cache.js';
import { runCli } from '../helpers/cli.js';
import { buildBundle, PY_ADD } from '../helpers/task-fixture.js';
import { tempDir } from '../helpers/temp.js';

const OTHER = { ...PY_ADD, id: 'polyglot/py-add-other', spec: { title: 'The other task' } };
let one = '';
let two = '';

beforeAll(async () => {
  one = await buildBundle([PY_ADD]);
  two = await buildBundle([PY_ADD, OTHER]);
}, 120_000);

async function cacheFile(cache: string): Promise<string> {
  const dir = join(cache, 'codingagentbench', 'listings');
  const [name] = await readdir(dir);
  return join(dir, name ?? '');
}

describe('the listing cache', () => {
  it('a second read of the same bundle comes from the cache; a changed bundle is read again', async () => {
    const dir = await tempDir('cab-listing-');
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const bundle = join(dir, 'tasks.tar.gz');
    await copyFile(one, bundle);
    expect((await readListing(bundle, env)).map((t) => t.id)).toEqual([PY_ADD.id]);
    const file = await cacheFile(env.XDG_CACHE_HOME);
    const record = JSON.parse(await readFile(file, 'utf8'));
    record.tasks[0].title = 'FROM THE CACHE';
    await writeFile(file, JSON.stringify(record));
    expect((await readListing(bundle, env))[0]?.title).toBe('FROM THE CACHE'); // same file: the cache answers

    await copyFile(two, bundle); // replaced in place: size, mtime (and often inode) differ
    expect((await readListing(bundle, env)).map((t) => t.id).sort()).toEqual([PY_ADD.id, OTHER.id].sort());

    await utimes(bundle, new Date(), new Date(Date.now() + 5000)); // only the mtime moved
    const again = JSON.parse(await readFile(file, 'utf8'));
    again.tasks[0].title = 'STALE';
    await writeFile(file, JSON.stringify({ ...again, stamp: { ...again.stamp, mtimeMs: 1 } }));
    expect((await readListing(bundle, env)).some((t) => t.title === 'STALE')).toBe(false);
  });

  it('a damaged or wrongly shaped cache file is ignored', async () => {
    const dir = await tempDir('cab-listing-');
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    await readListing(one, env);
    const file = await cacheFile(env.XDG_CACHE_HOME);
    const record = JSON.parse(await readFile(file, 'utf8'));
    for (const bad of ['{not json', JSON.stringify({ ...record, tasks: [{ id: 1 }] }), JSON.stringify({ ...record, tasks: 'x' })]) {
      await writeFile(file, bad);
      expect((await readListing(one, env)).map((t) => t.id)).toEqual([PY_ADD.id]);
    }
  });

  it('list through the bin works when the cache folder cannot be written', async () => {
    const dir = await tempDir('cab-listing-');
    const cache = join(dir, 'cache');
    await writeFile(cache, 'a file where the cache folder would be');
    const run = await runCli(['list', '--bundle', one, '--json'], { env: { XDG_CACHE_HOME: cache } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).tasks.map((t: { id: string }) => t.id)).toEqual([PY_ADD.id]);
  });
});
