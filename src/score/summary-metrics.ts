// The headline value of each axis, as summaries and intervals read it.

import type { ScoredCell } from './types.js';

export type Metric = (cell: ScoredCell) => number | null;

/** Mean over the cells that have a value; an axis that does not apply (null) is left out. */
export const SUMMARY_METRICS: Readonly<Record<string, Metric>> = {
  pass: (c) => c.pass_rate.pass,
  partial_score: (c) => c.pass_rate.partial_score,
  composite: (c) => c.composite.composite,
  blast_radius: (c) => c.blast_radius.blast_radius,
  integrity: (c) => c.integrity.integrity,
  refusal: (c) => (c.refusal.expected_refusal ? c.refusal.refusal : null),
  l15: (c) => c.constraints.l15,
  wall_clock_ms: (c) => c.latency.wall_clock_ms,
  model_call_ms: (c) => c.latency.model_call_ms,
  total_tokens: (c) => c.tokens.total_tokens,
  tokens_per_correct_task: (c) => c.tokens.tokens_per_correct_task,
};

