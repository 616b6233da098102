import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity, sameQuantity } from '../src/quantity.js';

test('plain digits', () => {
  assert.equal(parseQuantity('08'), 8);
  assert.equal(parseQuantity('42'), 42);
});

test('rejects anything but digits', () => {
  for (const bad of ['1e3', '12abc', '', '-1', ' 3', '0x10']) assert.throws(() => parseQuantity(bad), /bad quantity/);
});

test('strict equality', () => {
  assert.equal(sameQuantity(3, 3), true);
  assert.equal(sameQuantity(1, true), false);
  assert.equal(sameQuantity(0, ''), false);
  assert.equal(sameQuantity(2, '2'), false);
});
