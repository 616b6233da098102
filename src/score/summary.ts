// summary of a `{ results, summary }` document: counts, and the mean of each axis' headline
// value and of the composite over the scored cells (null when no cell has a value).

import type { Cell, ScoredCell, Summary } from './types.js';
import { SUMMARY_METRICS } from './summary-metrics.js';
import { stability } from './stability.js';

export { SUMMARY_METRICS };

export function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

export function summarize(cells: readonly Cell[]): Summary {
  const scored = cells.filter((cell): cell is ScoredCell => cell.status === 'scored');
  const passed = scored.filter((cell) => cell.pass_rate.pass === 1).length;
  const repeats = stability(cells);
  const means: Record<string, number | null> = {};
  for (const [name, metric] of Object.entries(SUMMARY_METRICS)) means[name] = mean(scored.map(metric));
  return {
    tasks: cells.length,
    passed,
    failed: scored.length - passed,
    skipped: cells.length - scored.length,
    means,
    ...(repeats.length > 0 ? { stability: repeats } : {}),
  };
}
