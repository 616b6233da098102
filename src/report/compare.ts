// Two sets of results side by side: cells paired by task (and by driver × model when a side holds
// several), each axis' mean on both sides, the delta, and whether it is a real change given the
// runs (compare-stats.ts). This is the documented `comparison` object of `--json`.

import { CabError } from '../errors.js';
import { SUMMARY_METRICS } from '../score/summary-metrics.js';
import type { Cell, ScoredCell } from '../score/types.js';
import { ALPHA, permutationMinP, permutationTest, signFlipTest, type TestResult } from './compare-stats.js';

/** The axes compared, and which way is better. */
export const COMPARED_AXES: Readonly<Record<string, 'higher' | 'lower'>> = {
  pass: 'higher',
  composite: 'higher',
  partial_score: 'higher',
  blast_radius: 'lower',
  integrity: 'higher',
  refusal: 'higher',
  l15: 'higher',
  wall_clock_ms: 'lower',
  total_tokens: 'lower',
  tokens_per_correct_task: 'lower',
};

export const DEFAULT_GATE_AXES = ['pass', 'composite'];

/** Per axis, the smallest change worth a verdict besides a relative 5% for times and tokens. */
const FLOOR: Readonly<Record<string, number>> = { wall_clock_ms: 250, total_tokens: 100, tokens_per_correct_task: 100 };

/**
 * The smallest change worth calling better or worse: scores on a 0–1 scale must move by 0.01,
 * times and tokens by 5% of the baseline and at least 250 ms / 100 tokens. Below that a change can
 * be real and still be noise to a user (a few milliseconds of start-up shift every composite by
 * 1e-4, consistently).
 */
function meaningful(axis: string, baseline: number | null, delta: number): boolean {
  const floor = FLOOR[axis];
  if (floor !== undefined) return Math.abs(delta) >= Math.max(floor, 0.05 * Math.abs(baseline ?? 0));
  return Math.abs(delta) >= 0.01;
}

/** `--fail-on-regression` → axis names (empty value: the defaults); null when the flag is absent. */
export function parseGateAxes(raw: string | undefined): string[] | null {
  if (raw === undefined) return null;
  const axes = raw.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const unknown = axes.filter((a) => !(a in COMPARED_AXES));
  if (unknown.length > 0) {
    throw new CabError('usage', `--fail-on-regression: unknown axis ${unknown.join(', ')}`, { hint: `axes: ${Object.keys(COMPARED_AXES).join(', ')}` });
  }
  return axes.length > 0 ? axes : DEFAULT_GATE_AXES;
}

/** better / worse: significant; noise: a delta the test cannot tell from chance; untestable: too few runs. */
export type ChangeVerdict = 'better' | 'worse' | 'same' | 'noise' | 'untestable' | 'n/a';

export interface AxisChange {
  baseline: number | null;
  current: number | null;
  delta: number | null; // current − baseline
  p: number | null;
  verdict: ChangeVerdict;
}

export interface GroupComparison {
  key: string; // task_id, or task_id · driver · model
  task_id: string;
  runs: { baseline: number; current: number };
  note: string | null;
  axes: Record<string, AxisChange>;
}

export interface Comparison {
  method: string;
  alpha: number;
  baseline: { label: string; cells: number };
  current: { label: string; cells: number };
  paired_by: 'task' | 'task+driver+model';
  tasks: GroupComparison[];
  overall: { tasks: number; note: string | null; axes: Record<string, AxisChange> };
  only_in_baseline: string[];
  only_in_current: string[];
  regressions: Array<{ scope: string; axis: string; delta: number; p: number }>;
  gate?: { axes: string[]; failed: boolean };
}

export const METHOD =
  'per task: two-sided exact permutation test of the difference of means over the runs of each side (Fisher exact for pass); ' +
  'overall: two-sided exact sign-flip test over the per-task mean differences; significant when p < alpha ' +
  'and the change is at least 0.01 on a 0–1 score, or 5% of the baseline and 250 ms / 100 tokens for times and tokens. ' +
  'Sampled (20,000 fixed-seed draws) past 100,000 arrangements.';

const driverModel = (c: Cell): string => `${c.tui} · ${c.model ?? 'no-model'}`;

function groupBy(cells: readonly Cell[], byDriver: boolean): Map<string, ScoredCell[]> {
  const out = new Map<string, ScoredCell[]>();
  for (const cell of cells) {
    if (cell.status !== 'scored') continue;
    const key = byDriver ? `${cell.task_id} · ${driverModel(cell)}` : cell.task_id;
    out.set(key, [...(out.get(key) ?? []), cell]);
  }
  return out;
}

function meanOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

function verdictOf(axis: string, baseline: number | null, delta: number | null, test: TestResult | null): ChangeVerdict {
  if (delta === null || test === null) return 'n/a';
  if (delta === 0) return 'same';
  if (test.min_p >= ALPHA) return 'untestable';
  if (test.p >= ALPHA || !meaningful(axis, baseline, delta)) return 'noise';
  return (delta > 0) === (COMPARED_AXES[axis] === 'higher') ? 'better' : 'worse';
}

function change(axis: string, baseline: number | null, current: number | null, test: TestResult | null): AxisChange {
  const delta = baseline === null || current === null ? null : current - baseline;
  return { baseline, current, delta, p: test && delta !== null ? test.p : null, verdict: verdictOf(axis, baseline, delta, test) };
}

function valuesOf(cells: readonly ScoredCell[], axis: string): number[] {
  const metric = SUMMARY_METRICS[axis];
  return metric ? cells.map(metric).filter((v): v is number => v !== null && Number.isFinite(v)) : [];
}

export function runsNote(n: number, m: number): string | null {
  if (n === 1 && m === 1) return 'a single run per side: no significance can be claimed (use --repeat ≥ 4 on both sides)';
  if (permutationMinP(n, m) >= ALPHA) return `${n} vs ${m} runs: too few to tell a change from noise (use --repeat ≥ 4 on both sides)`;
  return null;
}

function compareGroup(key: string, a: ScoredCell[], b: ScoredCell[]): GroupComparison {
  const axes: Record<string, AxisChange> = {};
  for (const axis of Object.keys(COMPARED_AXES)) {
    const va = valuesOf(a, axis);
    const vb = valuesOf(b, axis);
    const test = va.length > 0 && vb.length > 0 ? permutationTest(va, vb) : null;
    axes[axis] = change(axis, meanOf(va), meanOf(vb), test);
  }
  const taskId = a[0]?.task_id ?? b[0]?.task_id ?? key;
  return { key, task_id: taskId, runs: { baseline: a.length, current: b.length }, note: runsNote(a.length, b.length), axes };
}

function overall(rows: readonly GroupComparison[]): Comparison['overall'] {
  const axes: Record<string, AxisChange> = {};
  for (const axis of Object.keys(COMPARED_AXES)) {
    const paired = rows.map((r) => r.axes[axis]).filter((c): c is AxisChange => c !== undefined && c.delta !== null);
    const test = paired.length > 0 ? signFlipTest(paired.map((c) => c.delta ?? 0)) : null;
    axes[axis] = change(axis, meanOf(paired.map((c) => c.baseline ?? 0)), meanOf(paired.map((c) => c.current ?? 0)), test);
  }
  const few = signFlipTest(new Array(rows.length).fill(1)).min_p >= ALPHA;
  return { tasks: rows.length, note: few ? `${rows.length} paired task(s): too few for an overall test (needs ≥ 6)` : null, axes };
}

function regressions(rows: readonly GroupComparison[], all: Comparison['overall']): Comparison['regressions'] {
  const out: Comparison['regressions'] = [];
  const scan = (scope: string, axes: Record<string, AxisChange>): void => {
    for (const [axis, c] of Object.entries(axes)) if (c.verdict === 'worse') out.push({ scope, axis, delta: c.delta ?? 0, p: c.p ?? 1 });
  };
  for (const row of rows) scan(row.key, row.axes);
  scan('overall', all.axes);
  return out;
}

export interface CompareInput {
  label: string;
  cells: readonly Cell[];
}

/** Pairs the two sides and tests every compared axis per task and overall. Pure. */
export function compareSets(baseline: CompareInput, current: CompareInput): Comparison {
  const combos = (cells: readonly Cell[]): number => new Set(cells.map(driverModel)).size;
  const byDriver = combos(baseline.cells) > 1 || combos(current.cells) > 1;
  const a = groupBy(baseline.cells, byDriver);
  const b = groupBy(current.cells, byDriver);
  const keys = [...a.keys()].filter((k) => b.has(k)).sort();
  const rows = keys.map((k) => compareGroup(k, a.get(k) ?? [], b.get(k) ?? []));
  const all = overall(rows);
  return {
    method: METHOD,
    alpha: ALPHA,
    baseline: { label: baseline.label, cells: baseline.cells.length },
    current: { label: current.label, cells: current.cells.length },
    paired_by: byDriver ? 'task+driver+model' : 'task',
    tasks: rows,
    overall: all,
    only_in_baseline: [...a.keys()].filter((k) => !b.has(k)).sort(),
    only_in_current: [...b.keys()].filter((k) => !a.has(k)).sort(),
    regressions: regressions(rows, all),
  };
}

/** The comparison with its gate applied: failed when a named axis regressed significantly. */
export function gateComparison(comparison: Comparison, axes: readonly string[]): Comparison {
  const failed = comparison.regressions.some((r) => axes.includes(r.axis));
  return { ...comparison, gate: { axes: [...axes], failed } };
}
