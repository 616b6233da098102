// The comparison for people: the terminal block, the Markdown section, and shared wording.

import pc from 'picocolors';
import type { AxisChange, ChangeVerdict, Comparison, GroupComparison } from './compare.js';
import { DASH, fmtInt, fmtMs, fmtScore } from './format.js';

type Colors = ReturnType<typeof pc.createColors>;

export const AXIS_LABELS: Readonly<Record<string, string>> = {
  pass: 'pass',
  composite: 'composite',
  partial_score: 'partial',
  blast_radius: 'blast',
  integrity: 'integrity',
  refusal: 'refusal',
  l15: 'L15',
  wall_clock_ms: 'wall',
  total_tokens: 'tokens',
  tokens_per_correct_task: 'tokens/correct',
};

/** A value of an axis in its own unit. */
export function fmtAxis(axis: string, value: number | null): string {
  if (value === null) return DASH;
  if (axis === 'wall_clock_ms') return fmtMs(value);
  if (axis === 'total_tokens' || axis === 'tokens_per_correct_task') return fmtInt(value);
  return fmtScore(value);
}

export function fmtDelta(axis: string, delta: number | null): string {
  if (delta === null) return DASH;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${fmtAxis(axis, Math.abs(delta))}`;
}

const p = (c: AxisChange): string => (c.p === null ? '' : ` (p=${c.p < 0.001 ? '<0.001' : c.p.toFixed(3)})`);

export function verdictText(c: AxisChange): string {
  const words: Record<ChangeVerdict, string> = { better: 'better', worse: 'WORSE', same: 'same', noise: 'no real change', untestable: "can't tell", 'n/a': DASH };
  return `${words[c.verdict]}${c.verdict === 'same' || c.verdict === 'n/a' || c.verdict === 'untestable' ? '' : p(c)}`;
}

function paintVerdict(c: AxisChange, colors: Colors): (s: string) => string {
  return c.verdict === 'worse' ? colors.red : c.verdict === 'better' ? colors.green : colors.dim;
}

/** Axes whose mean moved; an unchanged task shows none. */
export function movedAxes(axes: Record<string, AxisChange>): Array<[string, AxisChange]> {
  return Object.entries(axes).filter(([, c]) => c.delta !== null && c.delta !== 0);
}

function axisLine(axis: string, c: AxisChange, colors: Colors): string {
  const values = `${fmtAxis(axis, c.baseline)} → ${fmtAxis(axis, c.current)}`;
  return `    ${colors.dim((AXIS_LABELS[axis] ?? axis).padEnd(15))}${values.padEnd(22)}${fmtDelta(axis, c.delta).padEnd(10)}${paintVerdict(c, colors)(verdictText(c))}`.trimEnd();
}

function groupLines(row: GroupComparison, colors: Colors): string[] {
  const moved = movedAxes(row.axes);
  const head = `  ${row.key} (${row.runs.baseline} vs ${row.runs.current} run${row.runs.current === 1 ? '' : 's'})`;
  if (moved.length === 0) return [`${head}: ${colors.dim('no change')}`];
  return [head, ...moved.map(([axis, c]) => axisLine(axis, c, colors))];
}

/** "2 significant regressions on 1 task: t/a (pass, composite)", then the gate's verdict. */
export function gateLine(comparison: Comparison): string {
  const byScope = new Map<string, string[]>();
  for (const r of comparison.regressions) byScope.set(r.scope, [...(byScope.get(r.scope) ?? []), AXIS_LABELS[r.axis] ?? r.axis]);
  const count = comparison.regressions.length;
  const list = [...byScope].map(([scope, axes]) => `${scope} (${axes.join(', ')})`).join('; ');
  const found = count === 0 ? 'no significant regression' : `${count} significant regression${count === 1 ? '' : 's'} on ${byScope.size} scope${byScope.size === 1 ? '' : 's'}: ${list}`;
  if (!comparison.gate) return found;
  return `${found} · --fail-on-regression ${comparison.gate.axes.join(',')}: ${comparison.gate.failed ? 'FAILED' : 'ok'}`;
}

export function renderComparison(comparison: Comparison, opts: { color: boolean }): string {
  const c = pc.createColors(opts.color);
  const o = comparison.overall;
  const headline = ['pass', 'composite', 'blast_radius', 'integrity', 'l15', 'wall_clock_ms', 'total_tokens'];
  const lines = [
    c.bold(`Comparison — baseline ${comparison.baseline.label} (${comparison.baseline.cells} cells) → current ${comparison.current.label} (${comparison.current.cells} cells), paired by ${comparison.paired_by}`),
    `  overall, mean over ${o.tasks} paired task(s)${o.note ? ` — ${o.note}` : ''}`,
    ...headline.filter((a) => o.axes[a]?.delta !== null && o.axes[a] !== undefined).map((a) => axisLine(a, o.axes[a] as AxisChange, c)),
    ...comparison.tasks.flatMap((row) => groupLines(row, c)),
  ];
  const notes = [...new Set(comparison.tasks.map((row) => row.note).filter((n): n is string => n !== null))];
  for (const note of notes) lines.push(c.dim(`  per task: ${note}`));
  if (comparison.only_in_baseline.length > 0) lines.push(c.dim(`  only in baseline: ${comparison.only_in_baseline.join(', ')}`));
  if (comparison.only_in_current.length > 0) lines.push(c.dim(`  only in current: ${comparison.only_in_current.join(', ')}`));
  const gate = gateLine(comparison);
  lines.push(comparison.regressions.length > 0 ? c.red(gate) : gate, '');
  return lines.join('\n');
}

export function comparisonMarkdown(comparison: Comparison): string {
  const rows: string[] = [];
  const add = (scope: string, axes: Record<string, AxisChange>): void => {
    for (const [axis, c] of movedAxes(axes)) {
      rows.push(`| ${scope} | ${AXIS_LABELS[axis] ?? axis} | ${fmtAxis(axis, c.baseline)} | ${fmtAxis(axis, c.current)} | ${fmtDelta(axis, c.delta)} | ${c.verdict === 'worse' ? '❌ ' : c.verdict === 'better' ? '✅ ' : ''}${verdictText(c)} |`);
    }
  };
  add('**overall**', comparison.overall.axes);
  for (const row of comparison.tasks) add(`\`${row.key}\``, row.axes);
  return [
    `### Compared with ${comparison.baseline.label}`,
    '',
    gateLine(comparison),
    '',
    ...(rows.length === 0 ? ['No axis changed.'] : ['| scope | axis | baseline | current | delta | verdict |', '|---|---|---|---|---|---|', ...rows]),
    '',
  ].join('\n');
}
