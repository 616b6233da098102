// Small file helpers for the injectors: find candidate test files (sorted, build and vendor
// folders skipped) and append or insert text.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SKIP = new Set(['.git', 'node_modules', 'target', 'vendor', '__pycache__', 'out', 'build', 'dist']);

/** Workdir-relative paths of regular files for which `want(rel)` holds, sorted. */
export async function findFiles(root: string, want: (rel: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  async function visit(dir: string, prefix: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) await visit(join(dir, entry.name), rel);
      } else if (entry.isFile() && want(rel)) {
        found.push(rel);
      }
    }
  }
  await visit(root, '');
  return found.sort();
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
