// Which tasks a `check` runs: ids, globs, categories, --all, then a deterministic shard.

import { CabError } from '../errors.js';
import { matchesGlob } from '../workspace/glob.js';
import type { Shard } from '../config.js';
import type { ManifestTask } from './task-spec.js';
import { byCodePoint } from '../util/compare.js';

export interface Selection {
  tasks: string[];
  categories: string[];
  all: boolean;
  shard: Shard | null;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] ?? 0;
}

/** Up to three ids that look like what the user typed. */
export function closeMatches(wanted: string, ids: string[]): string[] {
  const name = wanted.split('/').pop() ?? wanted;
  return ids
    .map((id) => ({ id, score: id.includes(name) ? 0 : Math.min(distance(wanted, id), distance(name, id.split('/').pop() ?? id)) }))
    .filter((c) => c.score <= Math.max(3, Math.floor(name.length / 3)))
    .sort((x, y) => x.score - y.score || x.id.localeCompare(y.id))
    .slice(0, 3)
    .map((c) => c.id);
}

function unknownTask(wanted: string, ids: string[]): CabError {
  const close = closeMatches(wanted, ids);
  const hint = close.length > 0 ? `did you mean ${close.join(', ')}?` : 'run `codingagentbench list` for the task ids';
  return new CabError('usage', `unknown task '${wanted}'`, { hint });
}

function pick(all: ManifestTask[], selection: Selection): ManifestTask[] {
  if (selection.all) return all;
  const ids = all.map((t) => t.id);
  const chosen = new Set<string>();
  for (const wanted of selection.tasks) {
    const isGlob = /[*?]/.test(wanted);
    const hits = ids.filter((id) => (isGlob ? matchesGlob(id, wanted) : id === wanted));
    if (hits.length === 0) throw isGlob ? new CabError('usage', `no task matches '${wanted}'`, { hint: 'run `codingagentbench list`' }) : unknownTask(wanted, ids);
    hits.forEach((id) => chosen.add(id));
  }
  const categories = new Set(all.map((t) => t.category));
  for (const category of selection.categories) {
    if (!categories.has(category)) {
      throw new CabError('usage', `unknown category '${category}'`, { hint: `categories: ${[...categories].sort().join(', ')}` });
    }
    all.filter((t) => t.category === category).forEach((t) => chosen.add(t.id));
  }
  return all.filter((t) => chosen.has(t.id));
}

/** Sorted by id (code point order, as `list` shows them); a shard i/n keeps every n-th task starting at i, so shards 1..n cover each task once. */
export function selectTasks(all: ManifestTask[], selection: Selection): ManifestTask[] {
  const sorted = [...all].sort((a, b) => byCodePoint(a.id, b.id));
  const picked = pick(sorted, selection);
  const shard = selection.shard;
  return shard ? picked.filter((_, i) => i % shard.count === shard.index - 1) : picked;
}

export function hasSelection(selection: Selection): boolean {
  return selection.all || selection.tasks.length > 0 || selection.categories.length > 0;
}
