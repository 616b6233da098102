// `report --html`: one self-contained page. Inline CSS, no scripts, no external URL (a CSP meta
// forbids any fetch), collapsible parts are <details>, so it opens from disk in any browser.
// Sections: per-axis bars with 95% intervals, the comparison (two sets), the run table, each cell.

import { summarize } from '../score/summary.js';
import { SUMMARY_METRICS } from '../score/summary-metrics.js';
import { interval95, type Interval } from '../score/stability.js';
import type { Cell, ScoredCell } from '../score/types.js';
import type { Comparison } from './compare.js';
import { AXIS_LABELS, fmtAxis, fmtDelta, gateLine, movedAxes, verdictText } from './compare-text.js';
import { DASH, fmtInt, fmtMs, fmtScore } from './format.js';
import { PAGE_STYLE } from './html-style.js';
import type { CellArtifactsView } from './html-artifacts.js';
import { cellSection, esc } from './html-cell.js';
import type { RunSet } from './run-sets.js';

export interface HtmlInput {
  sets: RunSet[]; // one, or baseline and current
  comparison: Comparison | null;
  artifacts: Map<Cell, CellArtifactsView>; // for the last set's cells
  generatedAt: string;
  version: string;
}

const UNIT_AXES = ['pass', 'composite', 'blast_radius', 'integrity', 'l15'];
const SCALED_AXES = ['wall_clock_ms', 'total_tokens'];

function scored(cells: readonly Cell[]): ScoredCell[] {
  return cells.filter((c): c is ScoredCell => c.status === 'scored');
}

function intervalOf(set: RunSet, axis: string): Interval | null {
  const metric = SUMMARY_METRICS[axis];
  if (!metric) return null;
  return interval95(scored(set.entries.map((e) => e.cell)).map(metric).filter((v): v is number => v !== null && Number.isFinite(v)));
}

function bar(axis: string, ci: Interval | null, scale: number, side: number): string {
  if (ci === null) return `<div class="bar"><span class="track"></span><span class="num">${DASH}</span></div>`;
  const pct = (v: number): string => `${Math.max(0, Math.min(100, (v / scale) * 100)).toFixed(1)}%`;
  const low = Math.max(0, ci.low);
  const high = UNIT_AXES.includes(axis) ? Math.min(1, ci.high) : ci.high;
  const range = ci.n > 1 ? ` [${fmtAxis(axis, low)}, ${fmtAxis(axis, high)}]` : '';
  return `<div class="bar s${side}"><span class="track"><span class="fill" style="width:${pct(ci.mean)}"></span><span class="ci" style="left:${pct(low)};width:calc(${pct(high)} - ${pct(low)})"></span></span><span class="num">${fmtAxis(axis, ci.mean)}${range} <small>n=${ci.n}</small></span></div>`;
}

function barsSection(sets: RunSet[]): string {
  const rows = [...UNIT_AXES, ...SCALED_AXES].map((axis) => {
    const cis = sets.map((s) => intervalOf(s, axis));
    const scale = UNIT_AXES.includes(axis) ? 1 : Math.max(1, ...cis.map((c) => (c ? c.high * 1.05 : 0)));
    return `<div class="axis"><span class="label">${esc(AXIS_LABELS[axis] ?? axis)}</span><div>${cis.map((ci, i) => bar(axis, ci, scale, i)).join('')}</div></div>`;
  });
  const legend = sets.map((s, i) => `<span class="key s${i}">${esc(s.label)}</span>`).join(' ');
  return `<section><h2>Axes — mean with 95% interval</h2><p class="meta">${legend} · interval of the mean over the cells (Student's t); a single cell has none</p>${rows.join('')}</section>`;
}

function comparisonSection(c: Comparison): string {
  const rows: string[] = [];
  const add = (scope: string, axes: Comparison['overall']['axes'], note: string | null): void => {
    const moved = movedAxes(axes);
    if (moved.length === 0) rows.push(`<tr data-scope="${esc(scope)}" data-verdict="same"><td>${esc(scope)}</td><td colspan="5" class="meta">no change</td></tr>`);
    for (const [i, [axis, a]] of moved.entries()) {
      const shownNote = i === 0 && note ? ` <small>${esc(note)}</small>` : '';
      rows.push(
        `<tr data-scope="${esc(scope)}" data-axis="${axis}" data-verdict="${a.verdict}" class="${a.verdict}"><td>${esc(scope)}</td><td>${esc(AXIS_LABELS[axis] ?? axis)}</td><td>${fmtAxis(axis, a.baseline)}</td><td>${fmtAxis(axis, a.current)}</td><td>${fmtDelta(axis, a.delta)}</td><td>${esc(verdictText(a))}${shownNote}</td></tr>`,
      );
    }
  };
  add('overall', c.overall.axes, c.overall.note);
  for (const row of c.tasks) add(row.key, row.axes, row.note);
  const gate = gateLine(c);
  const only = [...c.only_in_baseline.map((k) => `only in baseline: ${k}`), ...c.only_in_current.map((k) => `only in current: ${k}`)];
  return [
    `<section><h2>Comparison — ${esc(c.baseline.label)} → ${esc(c.current.label)}</h2>`,
    `<p class="${c.regressions.length > 0 ? 'fail' : 'pass'}" id="gate">${esc(gate)}</p>`,
    `<table id="comparison"><thead><tr><th>scope</th><th>axis</th><th>baseline</th><th>current</th><th>delta</th><th>verdict</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    only.length > 0 ? `<p class="meta">${esc(only.join(' · '))}</p>` : '',
    `<p class="meta">paired by ${c.paired_by}; α = ${c.alpha}. ${esc(c.method)}</p></section>`,
  ].join('\n');
}

function runRow(cell: Cell, index: number): string {
  const link = `<a href="#cell-${index}">${esc(cell.task_id)}</a>`;
  if (cell.status === 'skipped') return `<tr data-task="${esc(cell.task_id)}" class="skip"><td>${link}</td><td>#${cell.run_index}</td><td>skip</td><td colspan="7" class="meta">${esc(cell.reason)}</td></tr>`;
  const pass = cell.pass_rate.pass === 1;
  const values = [fmtScore(cell.composite.composite), fmtScore(cell.blast_radius.blast_radius), fmtScore(cell.integrity.integrity), fmtScore(cell.constraints.l15), fmtMs(cell.latency.wall_clock_ms), fmtInt(cell.tokens.total_tokens), esc(cell.stop_reason)];
  return `<tr data-task="${esc(cell.task_id)}"><td>${link}</td><td>#${cell.run_index}</td><td class="${pass ? 'pass' : 'fail'}">${pass ? 'pass' : 'FAIL'}</td>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
}

function runTable(set: RunSet): string {
  const cells = set.entries.map((e) => e.cell);
  const s = summarize(cells);
  const groups = new Set(cells.map((c) => `${c.tui} · ${c.model ?? 'no-model'}`));
  let current = '';
  const rows = cells.flatMap((cell, i) => {
    const group = `${cell.tui} · ${cell.model ?? 'no-model'}`;
    const head = groups.size > 1 && group !== current ? [`<tr class="group"><th colspan="10">${esc(group)}</th></tr>`] : [];
    current = group;
    return [...head, runRow(cell, i)];
  });
  const head = ['task', 'run', 'pass', 'composite', 'blast', 'integrity', 'L15', 'wall', 'tokens', 'stop'].map((h) => `<th>${h}</th>`).join('');
  return [
    `<section><h2>Runs — ${esc(set.label)}</h2>`,
    `<p id="summary">${s.tasks} cells: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped · mean composite ${fmtScore(s.means.composite)} · pass ${fmtScore(s.means.pass)}</p>`,
    `<table id="runs"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`,
  ].join('\n');
}

export function renderHtml(input: HtmlInput): string {
  const last = input.sets[input.sets.length - 1] ?? { label: '', entries: [] };
  const cells = last.entries.map((e, i) => cellSection(e.cell, i, input.artifacts.get(e.cell) ?? null)).join('\n');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>CodingAgentBench report — ${esc(last.label)}</title>`,
    `<style>${PAGE_STYLE}</style></head><body>`,
    `<header><h1>CodingAgentBench report</h1><p class="banner">PROVISIONAL — not for citation</p><p class="meta">${esc(input.version)} · generated ${esc(input.generatedAt)}</p></header>`,
    barsSection(input.sets),
    input.comparison ? comparisonSection(input.comparison) : '',
    runTable(last),
    `<section><h2>Cells</h2>${cells}</section>`,
    '</body></html>',
    '',
  ].join('\n');
}
