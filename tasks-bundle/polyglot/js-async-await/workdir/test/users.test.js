import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadUsers } from '../src/users.js';

const store = new Map([[1, { id: 1, name: 'ada' }], [2, { id: 2, name: 'bob' }]]);

test('resolves to users in order', async () => {
  assert.deepEqual(await loadUsers(store, [2, 1]), [{ id: 2, name: 'bob' }, { id: 1, name: 'ada' }]);
});

test('an unknown id rejects', async () => {
  await assert.rejects(loadUsers(store, [1, 3]), /no user 3/);
});

test('empty list', async () => {
  assert.deepEqual(await loadUsers(store, []), []);
});
