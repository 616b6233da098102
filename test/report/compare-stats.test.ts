import { describe, expect, it } from 'vitest';
import { ALPHA, permutationMinP, permutationTest, signFlipTest } from '../../src/report/compare-stats.js';

describe('permutationTest (two-sample, exact)', () => {
  it.each([
    // a, b, p — checked by hand: C(8,4) = 70 splits; only the two all-or-nothing ones are as extreme
    [[1, 1, 1, 1], [0, 0, 0, 0], 2 / 70],
    [[0, 0, 0, 0], [1, 1, 1, 1], 2 / 70],
    // Fisher exact, two-sided: 4/4 vs 1/4 passes
    [[1, 1, 1, 1], [1, 0, 0, 0], 10 / 70], // 5 + 5 splits put 1 or 4 of the 5 passes on one side
    [[1, 1, 1, 1], [1, 1, 1, 1], 1],
    [[0.5, 0.6, 0.7], [0.5, 0.6, 0.7], 1],
    [[1], [0], 1], // one run each: the two arrangements are equally extreme
  ])('%j vs %j → p %d', (a, b, p) => {
    expect(permutationTest(a, b).p).toBeCloseTo(p, 12);
  });

  it('continuous values: fully separated groups of 5 give 2 / C(10,5)', () => {
    expect(permutationTest([10, 11, 12, 13, 14], [20, 21, 22, 23, 24])).toEqual({ p: 2 / 252, min_p: 2 / 252, exact: true });
  });

  it('knows when the design can never reach significance', () => {
    expect(permutationMinP(1, 1)).toBe(1);
    expect(permutationMinP(3, 3)).toBeCloseTo(0.1, 12);
    expect(permutationMinP(3, 3) >= ALPHA).toBe(true);
    expect(permutationMinP(4, 4) < ALPHA).toBe(true);
    expect(permutationMinP(0, 4)).toBe(1);
  });

  it('samples past the exact limit, with the same answer every time', () => {
    const a = Array.from({ length: 20 }, (_, i) => i % 3);
    const b = Array.from({ length: 20 }, (_, i) => (i % 3) + 1);
    const first = permutationTest(a, b);
    expect(first.exact).toBe(false);
    expect(first.p).toBeLessThan(0.01);
    expect(permutationTest(a, b)).toEqual(first);
  });
});

describe('signFlipTest (paired, exact)', () => {
  it.each([
    [[1, 1, 1, 1, 1, 1], 2 / 64],
    [[-1, -1, -1, -1, -1, -1], 2 / 64],
    [[1, -1, 1, -1, 1, -1], 1],
    [[0, 0, 0], 1],
    [[], 1],
  ])('%j → p %d', (diffs, p) => {
    expect(signFlipTest(diffs).p).toBeCloseTo(p, 12);
  });

  it('the smallest p of n pairs is 2 / 2^n', () => {
    expect(signFlipTest([1, 1, 1, 1, 1]).min_p).toBeCloseTo(2 / 32, 12);
    expect(signFlipTest([1, 1, 1, 1, 1]).min_p >= ALPHA).toBe(true);
  });

  it('samples beyond 16 pairs, reproducibly', () => {
    const diffs = Array.from({ length: 27 }, (_, i) => (i < 20 ? 0.2 : -0.05));
    const first = signFlipTest(diffs);
    expect(first.exact).toBe(false);
    expect(first.p).toBeLessThan(0.001);
    expect(signFlipTest(diffs)).toEqual(first);
  });
});
