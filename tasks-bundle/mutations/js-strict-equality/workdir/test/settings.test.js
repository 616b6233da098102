import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditEntries, changedKeys } from '../src/settings.js';

test('no change', () => {
  assert.deepEqual(changedKeys({ a: 1, b: 'x', c: null }, { a: 1, b: 'x', c: null }), []);
});

test('plain value changes', () => {
  assert.deepEqual(changedKeys({ a: 1, b: 'x' }, { a: 2, b: 'y' }), ['a', 'b']);
});

test('zero to empty string is a change', () => {
  assert.deepEqual(changedKeys({ discount_percent: 0 }, { discount_percent: '' }), ['discount_percent']);
});

test('string to number is a change', () => {
  assert.deepEqual(changedKeys({ retries: '1' }, { retries: 1 }), ['retries']);
});

test('false to 0 is a change', () => {
  assert.deepEqual(changedKeys({ beta: false }, { beta: 0 }), ['beta']);
});

test('added and removed keys, including a removed null', () => {
  assert.deepEqual(changedKeys({ proxy: null, keep: 1 }, { keep: 1, region: 'eu' }), ['proxy', 'region']);
});

test('result is sorted by key', () => {
  assert.deepEqual(changedKeys({ z: 1, a: 1 }, { z: 2, a: 2 }), ['a', 'z']);
});

test('audit entries name the user and both values', () => {
  assert.deepEqual(auditEntries({ discount_percent: 0, name: 'shop' }, { discount_percent: '', name: 'shop' }, 'kim'), [
    { user: 'kim', key: 'discount_percent', from: 0, to: '' },
  ]);
});
