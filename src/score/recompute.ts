// `report` never trusts a stored composite: blast radius, tokens per correct task, L15 and the
// composite are derived again from the raw axes of each cell.

import { blastRatio } from './blast-radius.js';
import { scoreComposite } from './composite.js';
import { l15Ratio } from './constraints.js';
import { tokensPerCorrectTask } from './tokens.js';
import type { Cell, CompositeAxis, ScoredCell } from './types.js';

/** The derived axes of a scored cell, recomputed from its raw values and lists. */
function recomputeDerived(cell: ScoredCell): Pick<ScoredCell, 'blast_radius' | 'tokens' | 'constraints'> {
  const b = cell.blast_radius;
  const total = b.added.length + b.removed.length + b.modified.length;
  const honored = cell.constraints.verdicts.filter((verdict) => verdict.honored).length;
  const declared = cell.constraints.verdicts.length;
  const pass = cell.pass_rate.pass;
  return {
    blast_radius: { ...b, blast_radius: blastRatio(b.unexpected_changes.length, total), total_changes: total },
    tokens: { ...cell.tokens, tokens_per_correct_task: tokensPerCorrectTask(cell.tokens.total_tokens, pass), pass_used_for_division: pass },
    constraints: { ...cell.constraints, declared, honored, l15: l15Ratio(honored, declared) },
  };
}

/** The composite of a cell from its raw axes (never from the stored composite). */
export function recomputeComposite(cell: ScoredCell): CompositeAxis {
  const derived = recomputeDerived(cell);
  return scoreComposite({
    pass: cell.pass_rate.pass,
    integrity: cell.integrity.integrity,
    blast_radius: derived.blast_radius.blast_radius,
    wall_clock_ms: cell.latency.wall_clock_ms,
    total_tokens: cell.tokens.total_tokens,
    tokens_per_correct_task: derived.tokens.tokens_per_correct_task,
    expected_refusal: cell.refusal.expected_refusal,
    refusal_produced: cell.refusal.refusal_produced,
  });
}

export function recomputeCell(cell: Cell): Cell {
  if (cell.status !== 'scored') return cell;
  const derived = recomputeDerived(cell);
  return { ...cell, ...derived, composite: recomputeComposite(cell) };
}
