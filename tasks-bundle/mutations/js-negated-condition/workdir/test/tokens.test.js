import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isExpired, validTokens } from '../src/tokens.js';

test('not expired before expiresAt', () => {
  assert.equal(isExpired({ expiresAt: 2000 }, 1000), false);
  assert.equal(isExpired({ expiresAt: 2000 }, 1999), false);
});

test('expired at and after expiresAt', () => {
  assert.equal(isExpired({ expiresAt: 2000 }, 2000), true);
  assert.equal(isExpired({ expiresAt: 2000 }, 3000), true);
});

test('now defaults to the current time', () => {
  assert.equal(isExpired({ expiresAt: 0 }), true);
  assert.equal(isExpired({ expiresAt: Number.MAX_SAFE_INTEGER }), false);
});

test('validTokens keeps only live tokens, in order', () => {
  const a = { id: 'a', expiresAt: 5000 };
  const b = { id: 'b', expiresAt: 100 };
  const c = { id: 'c', expiresAt: 1000 };
  const d = { id: 'd', expiresAt: 9000 };
  assert.deepEqual(validTokens([a, b, c, d], 1000), [a, d]);
});

test('validTokens of an empty list', () => {
  assert.deepEqual(validTokens([], 1000), []);
});
