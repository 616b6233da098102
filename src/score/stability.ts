// --repeat: per task, whether the verdict held across reruns and a 95% interval for each axis
// (mean ± t·s/√n, Student's t for small n). Pure function of the scored cells.

import { SUMMARY_METRICS } from './summary-metrics.js';
import type { Cell, ScoredCell } from './types.js';

export interface Interval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

export interface TaskStability {
  task_id: string;
  runs: number;
  passes: number;
  verdict_stable: boolean; // every run passed, or every run failed
  intervals: Record<string, Interval | null>;
}

// two-sided 95% Student's t quantiles for 1…30 degrees of freedom; 1.96 beyond
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

const UNIT_RANGE = new Set(['pass', 'partial_score', 'composite', 'blast_radius', 'integrity', 'refusal', 'l15']);

/** The interval clipped to the values an axis can take (0…1 for scores, ≥ 0 for times and tokens). */
function clip(ci: Interval | null, metric: string): Interval | null {
  if (!ci) return null;
  const high = UNIT_RANGE.has(metric) ? Math.min(1, ci.high) : ci.high;
  return { ...ci, low: Math.max(0, ci.low), high };
}

export function interval95(values: readonly number[]): Interval | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, low: mean, high: mean, n };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = (T95[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, n };
}

export function stability(cells: readonly Cell[]): TaskStability[] {
  const byTask = new Map<string, ScoredCell[]>();
  for (const cell of cells) {
    if (cell.status !== 'scored') continue;
    byTask.set(cell.task_id, [...(byTask.get(cell.task_id) ?? []), cell]);
  }
  const out: TaskStability[] = [];
  for (const [task_id, runs] of [...byTask].sort(([a], [b]) => a.localeCompare(b))) {
    if (runs.length < 2) continue;
    const passes = runs.filter((c) => c.pass_rate.pass === 1).length;
    const intervals: Record<string, Interval | null> = {};
    for (const [name, metric] of Object.entries(SUMMARY_METRICS)) {
      intervals[name] = clip(interval95(runs.map(metric).filter((v): v is number => v !== null && Number.isFinite(v))), name);
    }
    out.push({ task_id, runs: runs.length, passes, verdict_stable: passes === 0 || passes === runs.length, intervals });
  }
  return out;
}
