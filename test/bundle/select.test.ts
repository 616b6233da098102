// Task selection: sorted by id in code-point order (what `list` shows), shards cover each task once.

import { describe, expect, it } from 'vitest';
import { selectTasks } from '../../src/bundle/select.js';
import type { ManifestTask } from '../../src/bundle/task-spec.js';

const task = (id: string): ManifestTask => ({ id, category: id.split('/')[0] ?? '', language: 'python', title: id, toolchains: ['python3'], sha256: '0'.repeat(64), files: 1, bytes: 1 });
const all = ['polyglot/b', 'mutations/z', 'mutations/A-upper', 'integrity/c', 'mutations/a_1', 'mutations/a.2', 'mutations/a-3'].map(task);
const every = { all: true, tasks: [], categories: [], shard: null };

describe('selectTasks', () => {
  it('sorts by code point', () => {
    expect(selectTasks(all, every).map((t) => t.id)).toEqual(['integrity/c', 'mutations/A-upper', 'mutations/a-3', 'mutations/a.2', 'mutations/a_1', 'mutations/z', 'polyglot/b']);
  });

  it('shards 1/3..3/3 cover every task exactly once', () => {
    const shards = [1, 2, 3].map((index) => selectTasks(all, { ...every, shard: { index, count: 3 } }).map((t) => t.id));
    expect(shards.flat().sort()).toEqual(all.map((t) => t.id).sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
  });
});
