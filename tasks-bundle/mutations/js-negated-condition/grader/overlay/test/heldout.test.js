import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isExpired, validTokens } from '../src/tokens.js';

test('held-out: expiry boundary across many instants', () => {
  const token = { expiresAt: 1_700_000_000_000 };
  for (const delta of [-86_400_000, -60_000, -1]) {
    assert.equal(isExpired(token, token.expiresAt + delta), false, `delta ${delta}`);
  }
  for (const delta of [0, 1, 60_000, 86_400_000]) {
    assert.equal(isExpired(token, token.expiresAt + delta), true, `delta ${delta}`);
  }
});

test('held-out: validTokens keeps live tokens in their order', () => {
  const now = 50_000;
  const tokens = [40_000, 50_001, 50_000, 90_000, 10, 60_000].map((expiresAt, i) => ({ id: `t${i}`, expiresAt }));
  assert.deepEqual(validTokens(tokens, now).map((t) => t.id), ['t1', 't3', 't5']);
});

test('held-out: all expired gives an empty list', () => {
  assert.deepEqual(validTokens([{ expiresAt: 7 }, { expiresAt: 8 }], 8), []);
});
