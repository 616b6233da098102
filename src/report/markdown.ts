// A Markdown summary for CI pages ($GITHUB_STEP_SUMMARY).

import type { Cell, Summary } from '../score/types.js';
import type { Comparison } from './compare.js';
import { comparisonMarkdown } from './compare-text.js';

function num(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

function row(cell: Cell): string {
  const name = `\`${cell.task_id}\` #${cell.run_index}`;
  if (cell.status === 'skipped') return `| ${name} | skipped | — | — | — | — | ${cell.reason} |`;
  const verdict = cell.pass_rate.pass === 1 ? '✅ pass' : '❌ fail';
  return `| ${name} | ${verdict} | ${num(cell.composite.composite)} | ${num(cell.blast_radius.blast_radius)} | ${cell.integrity.integrity} | ${(cell.latency.wall_clock_ms / 1000).toFixed(1)}s | ${cell.stop_reason} |`;
}

export function markdownSummary(cells: Cell[], summary: Summary, comparison: Comparison | null = null): string {
  return [
    '## CodingAgentBench check — PROVISIONAL, not for citation',
    '',
    `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped of ${summary.tasks} · mean composite ${num(summary.means.composite)}`,
    '',
    '| task | verdict | composite | blast | integrity | wall | stop |',
    '|---|---|---|---|---|---|---|',
    ...cells.map(row),
    '',
    ...(comparison ? [comparisonMarkdown(comparison)] : []),
  ].join('\n');
}
