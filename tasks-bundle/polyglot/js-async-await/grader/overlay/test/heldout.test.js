import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadUsers } from '../src/users.js';

function slowDb(users) {
  const db = { inFlight: 0, maxInFlight: 0 };
  db.get = async (id) => {
    db.inFlight += 1;
    db.maxInFlight = Math.max(db.maxInFlight, db.inFlight);
    const user = users.get(id);
    await new Promise((resolve) => setTimeout(resolve, user ? user.wait : 2));
    db.inFlight -= 1;
    return user;
  };
  return db;
}

const STAFF = new Map(
  ['eve', 'fay', 'gus', 'hal', 'ivy', 'jon'].map((name, i) => [`u-${name}`, { id: `u-${name}`, name, wait: 40 - i * 6 }]),
);

test('held-out: string ids resolve to plain objects in id order', async () => {
  const ids = ['u-jon', 'u-eve', 'u-hal', 'u-fay'];
  const users = await loadUsers(slowDb(STAFF), ids);
  assert.ok(Array.isArray(users));
  for (const u of users) assert.equal(typeof u.then, 'undefined');
  assert.deepEqual(users.map((u) => u.name), ['jon', 'eve', 'hal', 'fay']);
});

test('held-out: six lookups all in flight together', async () => {
  const db = slowDb(STAFF);
  const users = await loadUsers(db, [...STAFF.keys()]);
  assert.equal(db.maxInFlight, 6);
  assert.equal(users.length, 6);
});

test('held-out: the first unknown id rejects the whole load', async () => {
  await assert.rejects(loadUsers(slowDb(STAFF), ['u-gus', 'u-nobody', 'u-ivy']), { message: 'no user u-nobody' });
});

test('held-out: repeated ids give repeated users', async () => {
  const users = await loadUsers(slowDb(STAFF), ['u-ivy', 'u-ivy']);
  assert.deepEqual(users, [STAFF.get('u-ivy'), STAFF.get('u-ivy')]);
});
