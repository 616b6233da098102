// "vs your last run" under the card: the newest saved cell of the same task, driver and model
// (this run's own folder left out), and one line per axis with the change. Nothing when none.

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pc from 'picocolors';
import { readResultFile } from '../score/result-files.js';
import { SUMMARY_METRICS } from '../score/summary-metrics.js';
import type { Cell, ScoredCell } from '../score/types.js';
import { AXIS_LABELS, fmtAxis, fmtDelta } from './compare-text.js';
import { COMPARED_AXES } from './compare.js';

const SCAN_LIMIT = 50; // newest run folders read

const sameSlot = (a: Cell, b: Cell): boolean => a.task_id === b.task_id && a.tui === b.tui && (a.model ?? null) === (b.model ?? null);

export async function findLastRun(runsDir: string, cell: Cell, ownDir: string | null): Promise<ScoredCell | null> {
  const own = ownDir === null ? null : resolve(ownDir);
  const names = await readdir(runsDir).catch(() => [] as string[]);
  const dated = await Promise.all(
    names.filter((n) => resolve(runsDir, n) !== own).map(async (n) => ({ file: join(runsDir, n, 'result.json'), mtime: (await stat(join(runsDir, n, 'result.json')).catch(() => null))?.mtimeMs ?? -1 })),
  );
  for (const { file } of dated.filter((d) => d.mtime >= 0).sort((a, b) => b.mtime - a.mtime).slice(0, SCAN_LIMIT)) {
    const cells = await readResultFile(file).catch(() => [] as Cell[]); // an unreadable saved run only loses the decoration
    const match = cells.filter((c): c is ScoredCell => c.status === 'scored' && sameSlot(c, cell)).sort((a, b) => b.run_index - a.run_index)[0];
    if (match) return match;
  }
  return null;
}

const SHOWN = ['pass', 'composite', 'blast_radius', 'integrity', 'l15', 'wall_clock_ms', 'total_tokens'];

export function renderVsLast(last: ScoredCell, cell: ScoredCell, opts: { color: boolean }): string {
  const c = pc.createColors(opts.color);
  const lines = ['', c.dim(`vs your last run (${last.ended_at ? last.ended_at.slice(0, 16).replace('T', ' ') : last.run_id})`)];
  for (const axis of SHOWN) {
    const metric = SUMMARY_METRICS[axis];
    const before = metric ? metric(last) : null;
    const now = metric ? metric(cell) : null;
    if (before === null && now === null) continue;
    const shownSame = fmtAxis(axis, before) === fmtAxis(axis, now); // a change too small to print is "same"
    const delta = before === null || now === null ? null : shownSame ? 0 : now - before;
    const better = delta !== null && delta !== 0 && (delta > 0) === (COMPARED_AXES[axis] === 'higher');
    const paint = delta === null || delta === 0 ? c.dim : better ? c.green : c.red;
    const change = delta === 0 ? 'same' : fmtDelta(axis, delta);
    lines.push(`  ${c.dim((AXIS_LABELS[axis] ?? axis).padEnd(16))}${`${fmtAxis(axis, before)} → ${fmtAxis(axis, now)}`.padEnd(24)}${paint(change)}`);
  }
  return `${lines.join('\n')}\n`;
}
