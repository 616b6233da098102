import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isExpired, validTokens } from '../src/tokens.js';

test('not expired before expiresAt', () => {
  assert.equal(isExpired({ expiresAt: 2000 }, 1000), false);
});

test('expired at and after expiresAt', () => {
  assert.equal(isExpired({ expiresAt: 2000 }, 2000), true);
  assert.equal(isExpired({ expiresAt: 2000 }, 3000), true);
});

test('validTokens keeps live ones', () => {
  const live = { id: 'a', expiresAt: 5000 };
  const dead = { id: 'b', expiresAt: 100 };
  assert.deepEqual(validTokens([live, dead], 1000), [live]);
});
