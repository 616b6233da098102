// `list` reads the manifest of the same bundle again and again. Decompressing and validating it
// (zlib, the stream machinery, the whole manifest) is most of `list`'s own start-up, so the few
// fields `list` shows are kept under our cache folder, keyed by the bundle's real path and trusted
// only while the bundle's size, mtime and inode are unchanged. Display only: `check` and `show`
// always read the bundle itself.

// Synchronous on purpose: node:fs/promises alone would load a dozen more modules at start-up.
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from '../cache-dir.js';
import type { Manifest } from './task-spec.js';

interface Stamp {
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** FNV-1a (32 bits) of the path: a file name, not a security boundary (the stamp inside is checked). */
function keyOf(path: string): string {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(path, 'utf8')) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** What `list` shows of each task. */
export interface ListedEntry {
  id: string;
  category: string;
  language: string;
  title: string;
  toolchains: string[];
}

const isText = (v: unknown): v is string => typeof v === 'string';

function entriesOf(value: unknown): ListedEntry[] | null {
  if (!Array.isArray(value)) return null;
  const ok = value.every((t: Record<string, unknown> | null) =>
    typeof t === 'object' && t !== null && [t['id'], t['category'], t['language'], t['title']].every(isText) && Array.isArray(t['toolchains']) && t['toolchains'].every(isText));
  return ok ? (value as ListedEntry[]) : null;
}

const entriesFrom = (manifest: Manifest): ListedEntry[] =>
  manifest.tasks.map((t) => ({ id: t.id, category: t.category, language: t.language, title: t.title, toolchains: t.toolchains }));

const sameStamp = (a: Stamp, b: unknown): boolean =>
  typeof b === 'object' && b !== null && (['path', 'size', 'mtimeMs', 'ino'] as const).every((k) => (b as Record<string, unknown>)[k] === a[k]);

function cached(file: string, stamp: Stamp): ListedEntry[] | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: unknown; tasks?: unknown };
    return sameStamp(stamp, record.stamp) ? entriesOf(record.tasks) : null;
  } catch {
    return null; // absent, damaged or from an older format: read the bundle
  }
}

function remember(file: string, stamp: Stamp, tasks: ListedEntry[]): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ stamp, tasks }));
    renameSync(temp, file);
  } catch {
    // a cache that cannot be written only costs the speed-up
  }
}

/** The bundle's tasks as `list` shows them. */
export async function readListing(bundlePath: string, env: NodeJS.ProcessEnv): Promise<ListedEntry[]> {
  const real = realpathSync(bundlePath);
  const info = statSync(real);
  const stamp: Stamp = { path: real, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  const file = join(cacheRoot(env), 'listings', `${keyOf(real)}.json`);
  const hit = cached(file, stamp);
  if (hit !== null) return hit;
  const { readManifest } = await import('./manifest.js');
  const tasks = entriesFrom(await readManifest(bundlePath));
  remember(file, stamp, tasks);
  return tasks;
}
