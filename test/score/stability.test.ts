import { describe, expect, it } from 'vitest';
import { interval95, stability } from '../../src/score/stability.js';
import { summarize } from '../../src/score/summary.js';
import { referenceCell, tamperedCell } from '../report/cells.js';

describe('interval95', () => {
  it.each([
    [[], null],
    [[0.5], { mean: 0.5, low: 0.5, high: 0.5, n: 1 }],
  ])('%j → %j', (values, expected) => {
    expect(interval95(values)).toEqual(expected);
  });

  it("uses Student's t for small samples", () => {
    const ci = interval95([1, 2, 3]);
    // mean 2, s = 1, t(2) = 4.303 → half width 4.303 / √3
    expect(ci?.mean).toBe(2);
    expect(ci?.high).toBeCloseTo(2 + 4.303 / Math.sqrt(3), 10);
    expect(ci?.low).toBeCloseTo(2 - 4.303 / Math.sqrt(3), 10);
  });

  it('is zero-width when every run agrees', () => {
    const ci = interval95([0.8, 0.8, 0.8]);
    expect(ci?.high).toBeCloseTo(0.8, 12);
    expect(ci?.low).toBeCloseTo(0.8, 12);
    expect(ci?.n).toBe(3);
  });
});

describe('stability over reruns', () => {
  it('flags a task whose verdict flips between runs', () => {
    const pass = referenceCell();
    const fail = { ...tamperedCell(), task_id: pass.task_id };
    const [row] = stability([pass, fail]);
    expect(row).toMatchObject({ task_id: pass.task_id, runs: 2, passes: 1, verdict_stable: false });
    expect(row?.intervals.pass?.mean).toBe(0.5);
  });

  it('is stable and absent from single runs', () => {
    expect(stability([referenceCell()])).toEqual([]);
    expect(summarize([referenceCell()]).stability).toBeUndefined();
    const twice = summarize([referenceCell(), { ...referenceCell(), run_index: 2 }]);
    expect(twice.stability?.[0]).toMatchObject({ runs: 2, passes: 2, verdict_stable: true });
  });
});
