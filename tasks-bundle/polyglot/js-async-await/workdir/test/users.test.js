import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadUsers } from '../src/users.js';

const USERS = {
  1: { id: 1, name: 'ada', delay: 30 },
  2: { id: 2, name: 'bob', delay: 5 },
  3: { id: 3, name: 'cy', delay: 15 },
};

function fakeDb() {
  const db = { inFlight: 0, maxInFlight: 0 };
  db.get = async (id) => {
    db.inFlight += 1;
    db.maxInFlight = Math.max(db.maxInFlight, db.inFlight);
    const user = USERS[id];
    await new Promise((resolve) => setTimeout(resolve, user ? user.delay : 1));
    db.inFlight -= 1;
    return user;
  };
  return db;
}

test('resolves to the user objects in the order of ids', async () => {
  const users = await loadUsers(fakeDb(), [1, 2, 3]);
  assert.deepEqual(users.map((u) => u.name), ['ada', 'bob', 'cy']);
});

test('order does not depend on which lookup finishes first', async () => {
  const users = await loadUsers(fakeDb(), [3, 1, 2]);
  assert.deepEqual(users, [USERS[3], USERS[1], USERS[2]]);
});

test('lookups run concurrently', async () => {
  const db = fakeDb();
  await loadUsers(db, [1, 2, 3]);
  assert.equal(db.maxInFlight, 3);
});

test('an unknown id rejects with the fetchUser error', async () => {
  await assert.rejects(loadUsers(fakeDb(), [1, 9]), /no user 9/);
});

test('empty list resolves to an empty array', async () => {
  assert.deepEqual(await loadUsers(fakeDb(), []), []);
});
