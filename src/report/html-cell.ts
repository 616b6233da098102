// One cell in the HTML report: why it failed (integrity findings, broken constraints, test counts),
// the coloured diff, the test output head and tail, and the transcript, each collapsible.
// Fields the grading may add (integrity.findings, pass_rate test counts, warnings) are optional.

import type { Cell, ScoredCell } from '../score/types.js';
import { fmtInt, fmtMs, fmtScore } from './format.js';
import { clip, type CellArtifactsView, type Clipped } from './html-artifacts.js';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Loose = Record<string, unknown>;

const cutNote = (what: string, c: { cut: number; total: number }): string =>
  c.cut > 0 ? `<p class="cut">${what} cut: ${fmtInt(c.total - c.cut)} of ${fmtInt(c.total)} characters shown (the saved file has it all)</p>` : '';

function findingLines(cell: ScoredCell): string[] {
  const lines: string[] = [];
  const failReasons = (cell.pass_rate as unknown as Loose).fail_reasons;
  if (cell.pass_rate.pass === 0 && Array.isArray(failReasons)) for (const r of failReasons) lines.push(`<li class="bad"><b>tests</b> ${esc(String(r))}</li>`);
  const findings = (cell.integrity as unknown as Loose).findings;
  if (Array.isArray(findings)) {
    for (const f of findings as Loose[]) {
      const where = `${String(f.path ?? '')}${typeof f.line === 'number' ? `:${f.line}` : ''}`;
      lines.push(`<li class="bad"><b>${esc(String(f.kind ?? 'finding'))}</b> <code>${esc(where)}</code> ${esc(String(f.detail ?? ''))}</li>`);
    }
  }
  if (cell.integrity.integrity === 0) for (const r of cell.integrity.reasons) lines.push(`<li class="bad"><b>integrity</b> ${esc(r)}</li>`);
  for (const v of cell.constraints.verdicts.filter((x) => !x.honored)) lines.push(`<li class="bad"><b>constraint ${esc(v.kind)}</b> ${esc(v.detail)}</li>`);
  const warnings = (cell as unknown as Loose).warnings;
  if (Array.isArray(warnings)) for (const w of warnings) lines.push(`<li class="warn"><b>warning</b> ${esc(typeof w === 'string' ? w : JSON.stringify(w))}</li>`);
  for (const path of cell.blast_radius.unexpected_changes) lines.push(`<li class="warn"><b>unexpected change</b> <code>${esc(path)}</code></li>`);
  return lines;
}

function testCounts(cell: ScoredCell): string {
  const p = cell.pass_rate as unknown as Loose;
  const parts: string[] = [];
  for (const key of ['tests_expected', 'tests_passed', 'tests_failed', 'tests_missing']) {
    const v = p[key];
    if (typeof v === 'number') parts.push(`${key.slice(6)} ${v}`);
    else if (Array.isArray(v)) parts.push(`${key.slice(6)} ${v.length}${v.length > 0 && key !== 'tests_passed' ? ` (${esc(v.slice(0, 5).map(String).join(', '))}${v.length > 5 ? ', …' : ''})` : ''}`);
  }
  if (p.canaries !== undefined && p.canaries !== null) parts.push(`canaries ${esc(typeof p.canaries === 'string' ? p.canaries : JSON.stringify(p.canaries))}`);
  const run = `exit ${cell.pass_rate.exit_code ?? 'none'}${cell.pass_rate.timed_out ? ', timed out' : ''}`;
  return `<p class="meta">tests: ${[run, ...parts].join(' · ')}</p>`;
}

function diffBlock(diff: Clipped | null): string {
  if (diff === null) return '<p class="meta">no diff saved for this run</p>';
  if (diff.text.trim() === '') return '<p class="meta">no changes</p>';
  const lines = diff.text.split('\n').map((line) => {
    const kind = line.startsWith('+++') || line.startsWith('---') ? 'file' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : '';
    return kind ? `<span class="${kind}">${esc(line)}</span>` : esc(line);
  });
  return `${cutNote('diff', diff)}<pre class="diff">${lines.join('\n')}</pre>`;
}

function outputBlock(cell: ScoredCell): string {
  const out = clip(cell.pass_rate.stdout_tail, 3_000);
  const err = clip(cell.pass_rate.stderr_tail, 1_500);
  const pre = (label: string, c: Clipped): string => (c.text.trim() === '' ? '' : `<p class="meta">${label}</p>${cutNote(label, c)}<pre>${esc(c.text)}</pre>`);
  return pre('stdout (head and tail)', out) + pre('stderr (head and tail)', err) || '<p class="meta">no test output</p>';
}

function transcriptBlock(view: CellArtifactsView): string {
  if (view.transcript === null) return '<p class="meta">no transcript saved for this run</p>';
  const messages = view.transcript.map((m) => `<div class="msg ${esc(m.role)}"><span class="role">${esc(m.role)}</span><pre>${esc(m.text)}</pre></div>`).join('');
  return `<details><summary>transcript (${view.transcript.length} messages)</summary>${cutNote('transcript', { cut: view.transcriptCut, total: view.transcriptTotal })}${messages}</details>`;
}

export function cellSection(cell: Cell, index: number, view: CellArtifactsView | null): string {
  const id = `cell-${index}`;
  const name = `${esc(cell.task_id)} #${cell.run_index} <span class="meta">${esc(cell.tui)} · ${esc(cell.model ?? 'no-model')}</span>`;
  if (cell.status === 'skipped') return `<details class="cell" id="${id}"><summary>${name} — skipped</summary><p>${esc(cell.reason)}</p></details>`;
  const verdict = cell.pass_rate.pass === 1 ? '<span class="pass">pass</span>' : '<span class="fail">FAIL</span>';
  const why = findingLines(cell);
  const stop = `stop ${esc(cell.stop_reason)}${cell.stop_detail ? `: ${esc(cell.stop_detail)}` : ''} · wall ${fmtMs(cell.latency.wall_clock_ms)} · tokens ${fmtInt(cell.tokens.total_tokens)}`;
  return [
    `<details class="cell" id="${id}"${cell.pass_rate.pass === 0 ? ' open' : ''}>`,
    `<summary>${name} — ${verdict} · composite ${fmtScore(cell.composite.composite)}${why.some((l) => l.includes('class="bad"')) ? ' · <span class="fail">see why</span>' : ''}</summary>`,
    `<p class="meta">${stop}</p>`,
    testCounts(cell),
    why.length > 0 ? `<ul class="why">${why.join('')}</ul>` : '',
    `<details${cell.pass_rate.pass === 0 ? ' open' : ''}><summary>diff</summary>${diffBlock(view?.diff ?? null)}</details>`,
    `<details><summary>test output</summary>${outputBlock(cell)}</details>`,
    view ? transcriptBlock(view) : '',
    '</details>',
  ].join('\n');
}
