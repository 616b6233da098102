// The download cache: `<cacheDir>/<sha256>.tar.gz`, plus index.json mapping each URL (by its
// sha256, so that tokens in a URL never land on disk) to the bundle's sha256. A cached file
// is re-hashed before every use; a corrupt one is removed so that it is fetched again.

import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheRoot } from '../cache-dir.js';
import { sha256File } from './task-hash.js';

interface CacheIndex {
  version: 1;
  urls: Record<string, string>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), 'bundles');
}

export function cachedBundlePath(cacheDir: string, sha256: string): string {
  return join(cacheDir, `${sha256}.tar.gz`);
}

function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

async function readIndex(cacheDir: string): Promise<CacheIndex> {
  try {
    const parsed = JSON.parse(await readFile(join(cacheDir, 'index.json'), 'utf8')) as Partial<CacheIndex>;
    if (parsed.version === 1 && typeof parsed.urls === 'object' && parsed.urls !== null) return { version: 1, urls: parsed.urls };
  } catch {
    // missing or unreadable: an empty index (the cache only ever saves a download)
  }
  return { version: 1, urls: {} };
}

async function writeIndex(cacheDir: string, index: CacheIndex): Promise<void> {
  const temp = join(cacheDir, `.index-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, `${JSON.stringify(index, null, 2)}\n`);
  await rename(temp, join(cacheDir, 'index.json'));
}

export async function rememberUrl(cacheDir: string, url: string, sha256: string): Promise<void> {
  const index = await readIndex(cacheDir);
  index.urls[urlKey(url)] = sha256;
  await writeIndex(cacheDir, index);
}

async function forgetUrl(cacheDir: string, url: string): Promise<void> {
  const index = await readIndex(cacheDir);
  delete index.urls[urlKey(url)];
  await writeIndex(cacheDir, index);
}

/** The cached file for this hash when it exists and still hashes right; a corrupt one is removed. */
async function verifiedFile(cacheDir: string, sha256: string): Promise<string | null> {
  const path = cachedBundlePath(cacheDir, sha256);
  const actual = await sha256File(path).catch(() => null);
  if (actual === sha256) return path;
  if (actual !== null) await rm(path, { force: true });
  return null;
}

/**
 * A verified cached bundle for `url` (or for `expected`, when the user pinned a hash), or null
 * when it must be downloaded. No network involved.
 */
export async function cachedBundle(cacheDir: string, url: string, expected?: string): Promise<string | null> {
  const indexed = (await readIndex(cacheDir)).urls[urlKey(url)];
  const sha256 = expected ?? indexed;
  if (!sha256 || !SHA256_HEX.test(sha256)) return null;
  const path = await verifiedFile(cacheDir, sha256);
  if (path === null && indexed === sha256) await forgetUrl(cacheDir, url).catch(() => undefined);
  return path;
}
