// The terminal card of one cell (SPEC §5): the PROVISIONAL banner, the identity, the per-axis
// scores as on the published cell page, then how the run went. Colour only when asked.

import pc from 'picocolors';
import { parseTestSummary } from '../score/test-summary.js';
import type { Cell, ScoredCell } from '../score/types.js';
import { DASH, fmtInt, fmtMs, fmtScore, plural } from './format.js';

type Colors = ReturnType<typeof pc.createColors>;

export const PROVISIONAL_BANNER = 'PROVISIONAL — not for citation';

interface Row {
  label: string;
  value: string;
  note?: string;
  paint?: (text: string) => string;
}

function tokensPerCorrect(cell: ScoredCell): Row {
  const t = cell.tokens;
  if (t.total_tokens === 0 && t.model_calls === 0) return { label: 'Tokens/correct', value: DASH, note: 'no tokens recorded' };
  if (t.tokens_per_correct_task === null) return { label: 'Tokens/correct', value: DASH, note: 'not passed' };
  return { label: 'Tokens/correct', value: fmtInt(t.tokens_per_correct_task), note: t.tokens_estimated ? 'estimated' : undefined };
}

function refusalRow(cell: ScoredCell, c: Colors): Row {
  const r = cell.refusal;
  if (r.not_applicable) return { label: 'Refusal', value: DASH, note: 'not applicable' };
  const paint = r.refusal_correct === 'true' ? c.green : r.refusal_correct === 'partial' ? c.yellow : c.red;
  const note = `refusal_correct ${r.refusal_correct}${r.fabricated_fix_detected ? ', fabricated fix' : ''}`;
  return { label: 'Refusal', value: fmtScore(r.refusal), note, paint };
}

function axisRows(cell: ScoredCell, c: Colors): Row[] {
  const pass = cell.pass_rate.pass === 1;
  const b = cell.blast_radius;
  const k = cell.constraints;
  const findings = cell.integrity.findings ?? [];
  const unverifiable = cell.sandbox === 'none' ? 'not verifiable (sandbox none)' : undefined;
  const tampering = findings.length > 0 ? `tampering: ${[...new Set(findings.map((f) => f.kind))].join(', ')}` : cell.integrity.tampered ? 'protected files changed' : undefined;
  const integrityNote = tampering ?? unverifiable ?? (cell.integrity.not_applicable ? 'no tampering' : undefined);
  return [
    { label: 'Pass', value: fmtScore(cell.pass_rate.pass), note: pass ? 'pass' : 'fail', paint: pass ? c.green : c.red },
    tokensPerCorrect(cell),
    { label: 'Wall', value: fmtMs(cell.latency.wall_clock_ms), note: cell.latency.model_call_ms > 0 ? `${fmtMs(cell.latency.model_call_ms)} in model calls` : undefined },
    { label: 'Blast', value: fmtScore(b.blast_radius), note: `${b.unexpected_changes.length} of ${plural(b.total_changes, 'change')} unexpected` },
    refusalRow(cell, c),
    { label: 'Integrity', value: fmtScore(cell.integrity.integrity), note: integrityNote, paint: cell.integrity.integrity === 1 ? c.green : c.red },
    { label: 'L15', value: fmtScore(k.l15), note: k.declared === 0 ? 'no constraints declared' : `${k.honored}/${k.declared} honored` },
    { label: 'Composite', value: fmtScore(cell.composite.composite), paint: c.bold },
  ];
}

function countsOf(cell: ScoredCell): string {
  const p = cell.pass_rate;
  if (p.tests_expected !== null && p.tests_expected !== undefined) return `${p.tests_expected - (p.tests_missing?.length ?? 0) - (p.tests_failed?.length ?? 0)} of ${p.tests_expected} recorded tests passed`;
  if ((p.tests_passed?.length ?? 0) + (p.tests_failed?.length ?? 0) > 0) return `${p.tests_passed.length} passed of ${p.tests_passed.length + p.tests_failed.length}`;
  const counts = parseTestSummary(p.stdout_tail, p.stderr_tail);
  return counts ? `${counts.passed} passed of ${counts.total}` : p.partial_score !== null ? `partial ${fmtScore(p.partial_score)}` : 'no runner summary';
}

function testsLine(cell: ScoredCell): string {
  const p = cell.pass_rate;
  const parts = [countsOf(cell)];
  if (p.canaries) parts.push(`canaries ${p.canaries}`);
  parts.push(p.timed_out ? 'timed out' : `exit ${p.exit_code ?? 'signal'}`);
  return parts.join(' · ');
}

function runRows(cell: ScoredCell): [string, string][] {
  const t = cell.tokens;
  const turns = cell.turns ? ` after ${plural(cell.turns, 'turn')}` : '';
  const stop = `${cell.stop_reason}${turns}${cell.stop_detail ? `: ${cell.stop_detail}` : ''}`;
  const tokens = t.model_calls === 0 && t.total_tokens === 0
    ? 'not recorded (no model calls)'
    : `${fmtInt(t.total_tokens)} = ${fmtInt(t.prompt_tokens)} prompt + ${fmtInt(t.completion_tokens)} completion, ${plural(t.model_calls, 'call')}${t.tokens_estimated ? ' (estimated)' : ''}`;
  const model = cell.model === null ? null : `${cell.model}${cell.endpoint_host ? ` @ ${cell.endpoint_host}` : ''}`;
  return [
    ...(model === null ? [] : [['model', model] as [string, string]]),
    ['stop reason', stop],
    ['tool mode', `${cell.tool_mode} · sandbox ${cell.sandbox}`],
    ['tokens', tokens],
    ['tests', testsLine(cell)],
  ];
}

/** One line per warning, e.g. the server that did not parse the model's tool calls and its fix. */
function warningLines(cell: ScoredCell, c: Colors): string[] {
  return (cell.warnings ?? []).map((w) => {
    const text = `the server did not parse tool calls (the model wrote ${w.dialect}); read as text. Fix: ${w.fix}`;
    return `  ${c.dim('warning'.padEnd(16))}${c.yellow(text)}`;
  });
}

function details(cell: ScoredCell, c: Colors): string[] {
  const lines: string[] = [];
  for (const reason of cell.pass_rate.fail_reasons ?? []) lines.push(`  ${c.red('✗')} pass: ${reason}`);
  for (const verdict of cell.constraints.verdicts.filter((v) => !v.honored)) lines.push(`  ${c.red('✗')} ${verdict.kind}: ${verdict.detail}`);
  if (cell.integrity.integrity === 0) for (const reason of cell.integrity.reasons) lines.push(`  ${c.red('✗')} integrity: ${reason}`);
  const unexpected = cell.blast_radius.unexpected_changes;
  if (unexpected.length > 0) {
    lines.push(`  ${c.dim(`unexpected changes (${unexpected.length})`)}`);
    for (const path of unexpected) lines.push(`    ${path}`);
  }
  return lines;
}

function scoredCard(cell: ScoredCell, c: Colors): string {
  const where = `${cell.task_id}${cell.language ? ` (${cell.language})` : ''}`;
  const title = cell.title ? `${cell.title} — ${where}` : where;
  const rows = axisRows(cell, c);
  const width = Math.max(...rows.map((row) => row.value.length));
  const axes = rows.map((row) => {
    const value = row.value.padEnd(width);
    const note = row.note ? `  ${c.dim(row.note)}` : '';
    return `  ${c.dim(row.label.padEnd(16))}${row.paint ? row.paint(value) : value}${note}`.trimEnd();
  });
  const run = runRows(cell).map(([label, value]) => `  ${c.dim(label.padEnd(16))}${value}`);
  return [
    c.bold(c.yellow(PROVISIONAL_BANNER)),
    cell.cell_id,
    title,
    '',
    ...axes,
    '',
    ...run,
    ...warningLines(cell, c),
    ...details(cell, c),
    '',
  ].join('\n');
}

export function renderCard(cell: Cell, opts: { color: boolean }): string {
  const c = pc.createColors(opts.color);
  if (cell.status === 'skipped') return `${c.yellow(`skipped: ${cell.reason}`)} ${c.dim(`(${cell.task_id})`)}\n`;
  return scoredCard(cell, c);
}
