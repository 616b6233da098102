// Small file helpers for the injectors: find candidate test files (sorted, build, vendor and
// hidden folders skipped) and append or insert text.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listTree } from '../../workspace/list-tree.js';

const SKIP = new Set(['node_modules', 'target', 'vendor', '__pycache__', 'out', 'build', 'dist']);

/** Workdir-relative paths of files for which `want(rel)` holds, sorted. */
export async function findFiles(root: string, want: (rel: string) => boolean): Promise<string[]> {
  const skip = (rel: string): boolean => {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    return SKIP.has(name) || name.startsWith('.');
  };
  return (await listTree(root, { skip })).filter(want).sort();
}

export async function readText(root: string, rel: string): Promise<string> {
  return readFile(join(root, rel), 'utf8');
}

export async function writeText(root: string, rel: string, text: string): Promise<void> {
  await writeFile(join(root, rel), text);
}

/** Every capture group 1 of `re` in `text`. */
export function captures(text: string, re: RegExp): string[] {
  return [...text.matchAll(re)].map((m) => m[1] as string);
}

/** The entry of `table` whose key occurs most often as `<key>(` in text; `fallback` when none does. */
export function mostUsed<T>(text: string, table: Readonly<Record<string, T>>, fallback: string): [string, T] {
  let best = fallback;
  let count = 0;
  for (const key of Object.keys(table)) {
    const n = text.split(`${key}(`).length - 1;
    if (n > count) {
      best = key;
      count = n;
    }
  }
  return [best, table[best] as T];
}
