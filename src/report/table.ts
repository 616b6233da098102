// One aligned row per cell and a summary line: for several tasks in `check`, and for `report`.
// Widths are computed on the plain text; colour (pass/fail only) wraps the padded cell.

import pc from 'picocolors';
import type { Cell, Summary } from '../score/types.js';
import { PROVISIONAL_BANNER } from './card.js';
import { DASH, fmtInt, fmtMs, fmtScore } from './format.js';

type Align = 'left' | 'right';

const COLUMNS: { title: string; align: Align }[] = [
  { title: 'task', align: 'left' },
  { title: 'run', align: 'right' },
  { title: 'pass', align: 'left' },
  { title: 'composite', align: 'right' },
  { title: 'blast', align: 'right' },
  { title: 'integrity', align: 'right' },
  { title: 'L15', align: 'right' },
  { title: 'wall', align: 'right' },
  { title: 'tokens', align: 'right' },
  { title: 'stop', align: 'left' },
];

function row(cell: Cell): string[] {
  const run = `#${cell.run_index}`;
  if (cell.status === 'skipped') return [cell.task_id, run, 'skip', DASH, DASH, DASH, DASH, DASH, DASH, cell.reason];
  const tokens = cell.tokens.total_tokens === 0 && cell.tokens.model_calls === 0 ? DASH : `${fmtInt(cell.tokens.total_tokens)}${cell.tokens.tokens_estimated ? '~' : ''}`;
  return [
    cell.task_id,
    run,
    cell.pass_rate.pass === 1 ? 'pass' : 'FAIL',
    fmtScore(cell.composite.composite),
    fmtScore(cell.blast_radius.blast_radius),
    fmtScore(cell.integrity.integrity),
    fmtScore(cell.constraints.l15),
    fmtMs(cell.latency.wall_clock_ms),
    tokens,
    cell.stop_reason,
  ];
}

function stabilityLines(summary: Summary): string[] {
  if (!summary.stability || summary.stability.length === 0) return [];
  return [
    '',
    'reruns (95% interval of the composite):',
    ...summary.stability.map((t) => {
      const ci = t.intervals.composite;
      const range = ci ? `${fmtScore(ci.mean)} [${fmtScore(ci.low)}, ${fmtScore(ci.high)}]` : '—';
      return `  ${t.task_id}: ${t.passes}/${t.runs} passed, verdict ${t.verdict_stable ? 'stable' : 'UNSTABLE'}, composite ${range}`;
    }),
  ];
}

function summaryLine(summary: Summary): string {
  const m = summary.means;
  return [
    `${summary.tasks} cells: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
    `mean composite ${fmtScore(m.composite)}`,
    `pass ${fmtScore(m.pass)}`,
    `blast ${fmtScore(m.blast_radius)}`,
    `integrity ${fmtScore(m.integrity)}`,
    `L15 ${fmtScore(m.l15)}`,
    `wall ${fmtMs(m.wall_clock_ms)}`,
  ].join(' · ');
}

export function renderTable(cells: readonly Cell[], summary: Summary, opts: { color: boolean }): string {
  const c = pc.createColors(opts.color);
  const rows = [COLUMNS.map((col) => col.title), ...cells.map(row)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const paintPass = (text: string): string => (text.startsWith('pass') ? c.green(text) : text.startsWith('FAIL') ? c.red(text) : c.yellow(text));
  const lines = rows.map((r, rowIndex) =>
    COLUMNS.map((col, i) => {
      const text = r[i] ?? '';
      const last = i === COLUMNS.length - 1;
      const padded = col.align === 'left' ? (last ? text : text.padEnd(widths[i] ?? 0)) : text.padStart(widths[i] ?? 0);
      if (rowIndex === 0) return c.dim(padded);
      return col.title === 'pass' ? paintPass(padded) : padded;
    })
      .join('  ')
      .trimEnd(),
  );
  const estimated = cells.some((cell) => cell.status === 'scored' && cell.tokens.tokens_estimated);
  const legend = estimated ? [c.dim('~ tokens estimated (the server sent no usage)')] : [];
  return [c.bold(c.yellow(PROVISIONAL_BANNER)), ...lines, '', summaryLine(summary), ...stabilityLines(summary), ...legend, ''].join('\n');
}
