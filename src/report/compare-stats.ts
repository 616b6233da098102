// The two tests the comparison uses, both exact permutation tests of a difference of means
// (two-sided, no distribution assumed, so they suit 0/1 verdicts and skewed times alike):
//   - per task, baseline runs vs current runs: every way of splitting the pooled runs into two
//     groups of the original sizes (for 0/1 values this is Fisher's exact test);
//   - overall, the per-task mean differences: every sign flip of those differences (paired by task).
// Beyond EXACT_LIMIT arrangements a fixed-seed sample of SAMPLES arrangements stands in, so the
// answer is the same on every run. Each returns the smallest p-value the design can reach too:
// with too few runs no change can ever be significant, and the report says so.

export const ALPHA = 0.05;
const EXACT_LIMIT = 100_000;
const SAMPLES = 20_000;
const EPS = 1e-9;

export interface TestResult {
  p: number;
  min_p: number; // the smallest p-value this many runs can give; ≥ ALPHA means "cannot tell"
  exact: boolean;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** The observed statistic less a rounding allowance: ties with it count as "as extreme". */
function atLeast(observed: number): number {
  return observed - EPS * Math.max(1, observed);
}

function choose(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i += 1) out = (out * (n - k + i)) / i;
  return Math.round(out);
}

/** mulberry32: a tiny seeded generator, so sampled p-values are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every k-subset of 0…n-1, as index lists, handed to `visit`. */
function eachSubset(n: number, k: number, visit: (picked: number[]) => void): void {
  const picked: number[] = [];
  const walk = (start: number): void => {
    if (picked.length === k) return visit(picked);
    for (let i = start; i <= n - (k - picked.length); i += 1) {
      picked.push(i);
      walk(i + 1);
      picked.pop();
    }
  };
  walk(0);
}

/** The smallest two-sided p-value n runs against m runs can give. */
export function permutationMinP(n: number, m: number): number {
  return n === 0 || m === 0 ? 1 : Math.min(1, 2 / choose(n + m, n));
}

/** Two-sample exact permutation test: is mean(b) − mean(a) further from 0 than chance allows? */
export function permutationTest(a: readonly number[], b: readonly number[]): TestResult {
  if (a.length === 0 || b.length === 0) return { p: 1, min_p: 1, exact: true };
  const pooled = [...a, ...b];
  const n = pooled.length;
  const k = b.length;
  const total = pooled.reduce((s, v) => s + v, 0);
  const observed = atLeast(Math.abs(mean(b) - mean(a)));
  const diffOf = (sumB: number): number => Math.abs(sumB / k - (total - sumB) / (n - k));
  const arrangements = choose(n, k);
  const minP = permutationMinP(a.length, k);
  let extreme = 0;
  if (arrangements <= EXACT_LIMIT) {
    eachSubset(n, k, (picked) => {
      if (diffOf(picked.reduce((s, i) => s + (pooled[i] ?? 0), 0)) >= observed) extreme += 1;
    });
    return { p: extreme / arrangements, min_p: minP, exact: true };
  }
  const random = seeded(n * 7919 + k);
  for (let s = 0; s < SAMPLES; s += 1) {
    const shuffled = [...pooled];
    for (let i = 0; i < k; i += 1) {
      const j = i + Math.floor(random() * (n - i));
      [shuffled[i], shuffled[j]] = [shuffled[j] ?? 0, shuffled[i] ?? 0];
    }
    if (diffOf(shuffled.slice(0, k).reduce((x, v) => x + v, 0)) >= observed) extreme += 1;
  }
  return { p: (extreme + 1) / (SAMPLES + 1), min_p: minP, exact: false };
}

/** Paired sign-flip test on per-pair differences: is their mean further from 0 than chance allows? */
export function signFlipTest(diffs: readonly number[]): TestResult {
  const n = diffs.length;
  if (n === 0) return { p: 1, min_p: 1, exact: true };
  const observed = atLeast(Math.abs(diffs.reduce((s, v) => s + v, 0)));
  const minP = Math.min(1, 2 / 2 ** n);
  let extreme = 0;
  if (2 ** n <= EXACT_LIMIT) {
    for (let mask = 0; mask < 2 ** n; mask += 1) {
      const sum = diffs.reduce((s, d, i) => s + (mask & (1 << i) ? -d : d), 0);
      if (Math.abs(sum) >= observed) extreme += 1;
    }
    return { p: extreme / 2 ** n, min_p: minP, exact: true };
  }
  const random = seeded(n * 104729);
  for (let s = 0; s < SAMPLES; s += 1) {
    const sum = diffs.reduce((x, d) => x + (random() < 0.5 ? -d : d), 0);
    if (Math.abs(sum) >= observed) extreme += 1;
  }
  return { p: (extreme + 1) / (SAMPLES + 1), min_p: minP, exact: false };
}
