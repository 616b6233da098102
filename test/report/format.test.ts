import { describe, expect, it } from 'vitest';
import { fmtInt, fmtMs, fmtScore, plural } from '../../src/report/format.js';

describe('format helpers', () => {
  it.each([
    [0.871281608466031, '0.871'],
    [1, '1.000'],
    [0, '0.000'],
    [0.8888888888888888, '0.889'],
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
  ])('fmtScore(%s) = %s', (value, text) => {
    expect(fmtScore(value)).toBe(text);
  });

  it.each([
    [12989.314999999999, '13.0s'],
    [0, '0.0s'],
    [850, '0.8s'],
    [59_949, '59.9s'],
    [59_950, '1m 00s'],
    [125_300, '2m 05s'],
    [3_725_000, '1h 02m'],
    [null, '—'],
  ])('fmtMs(%s) = %s', (value, text) => {
    expect(fmtMs(value)).toBe(text);
  });

  it.each([
    [1400, '1,400'],
    [617, '617'],
    [1234567.6, '1,234,568'],
    [-2500, '-2,500'],
    [null, '—'],
  ])('fmtInt(%s) = %s', (value, text) => {
    expect(fmtInt(value)).toBe(text);
  });

  it('plural', () => {
    expect(plural(1, 'change')).toBe('1 change');
    expect(plural(9, 'change')).toBe('9 changes');
  });
});
