import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../src/bundle/bundle-cache.js';
import { defaultBundlePath, resolveBundle } from '../../src/bundle/locate.js';
import { tempDir } from '../helpers/tar-fixtures.js';

let root: string;
let savedEnv: string | undefined;
beforeEach(async () => {
  root = await tempDir();
  savedEnv = process.env.CAB_DEFAULT_BUNDLE;
  delete process.env.CAB_DEFAULT_BUNDLE;
});
afterEach(async () => {
  if (savedEnv === undefined) delete process.env.CAB_DEFAULT_BUNDLE;
  else process.env.CAB_DEFAULT_BUNDLE = savedEnv;
  await rm(root, { recursive: true, force: true });
});

describe('defaultBundlePath', () => {
  it('is tasks.tar.gz next to the running module', () => {
    const path = defaultBundlePath();
    expect(path.endsWith('/tasks.tar.gz')).toBe(true);
    expect(path).toContain('/src/bundle/'); // from source in tests; next to dist/cli.cjs once bundled
  });

  it('CAB_DEFAULT_BUNDLE overrides it', () => {
    process.env.CAB_DEFAULT_BUNDLE = join(root, 'x.tar.gz');
    expect(defaultBundlePath()).toBe(join(root, 'x.tar.gz'));
  });
});

describe('defaultCacheDir', () => {
  it('uses $XDG_CACHE_HOME when absolute, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/codingagentbench/bundles');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/\/\.cache\/codingagentbench\/bundles$/);
    expect(defaultCacheDir({})).toMatch(/\/\.cache\/codingagentbench\/bundles$/);
  });
});

describe('resolveBundle', () => {
  it('undefined → the default bundle (CAB_DEFAULT_BUNDLE), which must exist', async () => {
    const file = join(root, 'default.tar.gz');
    process.env.CAB_DEFAULT_BUNDLE = file;
    await expect(resolveBundle(undefined)).rejects.toMatchObject({ code: 'bundle', message: /built-in task bundle is missing/, hint: /npm run build/ });
    await writeFile(file, 'x');
    expect(await resolveBundle(undefined)).toBe(file);
  });

  it('a local path resolves against cwd and must be an existing file', async () => {
    await writeFile(join(root, 'b.tar.gz'), 'x');
    expect(await resolveBundle('b.tar.gz', { cwd: root })).toBe(join(root, 'b.tar.gz'));
    await expect(resolveBundle('nope.tar.gz', { cwd: root })).rejects.toMatchObject({ code: 'bundle', message: /bundle not found/, hint: /https/ });
    await mkdir(join(root, 'dir'));
    await expect(resolveBundle(join(root, 'dir'))).rejects.toMatchObject({ code: 'bundle', message: /is not a file/ });
  });

  it('file: URLs are local paths', async () => {
    await writeFile(join(root, 'b.tar.gz'), 'x');
    expect(await resolveBundle(pathToFileURL(join(root, 'b.tar.gz')).href)).toBe(join(root, 'b.tar.gz'));
  });

  it('checks --sha256 on local files too', async () => {
    const file = join(root, 'b.tar.gz');
    await writeFile(file, 'bundle bytes');
    const sha = createHash('sha256').update('bundle bytes').digest('hex');
    expect(await resolveBundle(file, { sha256: sha.toUpperCase() })).toBe(file);
    await expect(resolveBundle(file, { sha256: 'b'.repeat(64) })).rejects.toMatchObject({ code: 'checksum' });
  });

  it('a malformed --sha256 is a usage error', async () => {
    await expect(resolveBundle(undefined, { sha256: 'abc' })).rejects.toMatchObject({ code: 'usage', message: /64 hexadecimal/ });
  });

  it('http:// without allowHttp is a usage error (and hides user info)', async () => {
    const error = await resolveBundle('http://user:pw@example.invalid/b.tar.gz', { cacheDir: root }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'usage', hint: /https/ });
    expect((error as Error).message).not.toContain('pw');
  });

  it('other URL schemes are usage errors', async () => {
    await expect(resolveBundle('ftp://example.invalid/b.tar.gz')).rejects.toMatchObject({ code: 'usage', message: /unsupported bundle URL scheme: ftp/ });
  });
});
