import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditEntries, changedKeys } from '../src/settings.js';

test('held-out: every loose-equal pair of different values is a change', () => {
  const pairs = [[0, '0'], [1, true], [0, false], ['', false], ['  7 ', 7], [10, '1e1']];
  for (const [from, to] of pairs) {
    assert.deepEqual(changedKeys({ limit: from }, { limit: to }), ['limit'], `${JSON.stringify(from)} -> ${String(to)}`);
  }
});

test('held-out: identical values of every type are not changes', () => {
  const same = { n: 3, s: 'eu-west', b: true, z: null, f: 0.5 };
  assert.deepEqual(changedKeys(same, { ...same }), []);
});

test('held-out: mixed changes are sorted', () => {
  const before = { timeout: 30, mode: 'fast', cache: true, retry: 0 };
  const after = { timeout: '30', mode: 'fast', cache: 1, retry: 0, zone: 'b' };
  assert.deepEqual(changedKeys(before, after), ['cache', 'timeout', 'zone']);
});

test('held-out: audit entry for a type-only change', () => {
  assert.deepEqual(auditEntries({ max_items: '25' }, { max_items: 25 }, 'lee'), [
    { user: 'lee', key: 'max_items', from: '25', to: 25 },
  ]);
});
