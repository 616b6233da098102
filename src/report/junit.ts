// JUnit XML in the shape CI systems read: <testsuites><testsuite><testcase> with <failure>/<skipped>.

import type { Cell } from '../score/types.js';
import type { Comparison } from './compare.js';
import { AXIS_LABELS, fmtAxis, fmtDelta, movedAxes, verdictText } from './compare-text.js';

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function testcase(cell: Cell): string {
  const name = `${cell.task_id}#run${cell.run_index}`;
  if (cell.status === 'skipped') {
    return `    <testcase classname="${xml(cell.category)}" name="${xml(name)}" time="0"><skipped message="${xml(cell.reason)}"/></testcase>`;
  }
  const time = (cell.latency.wall_clock_ms / 1000).toFixed(3);
  const head = `    <testcase classname="${xml(cell.category)}" name="${xml(name)}" time="${time}">`;
  const props = `<system-out>${xml(`composite ${cell.composite.composite.toFixed(3)}, blast ${cell.blast_radius.blast_radius.toFixed(3)}, integrity ${cell.integrity.integrity}, stop ${cell.stop_reason}`)}</system-out>`;
  if (cell.pass_rate.pass === 1) return `${head}${props}</testcase>`;
  const message = `tests failed (exit ${cell.pass_rate.exit_code ?? 'none'}${cell.pass_rate.timed_out ? ', timed out' : ''})`;
  const body = xml(`${cell.pass_rate.stdout_tail}\n${cell.pass_rate.stderr_tail}`.trim());
  return `${head}<failure message="${xml(message)}" type="TestFailure">${body}</failure>${props}</testcase>`;
}

/** With a baseline: one testcase per compared task and one overall, failed on a significant regression. */
function comparisonSuite(comparison: Comparison): string[] {
  const scopes = [{ key: 'overall', axes: comparison.overall.axes }, ...comparison.tasks];
  const cases = scopes.map(({ key, axes }) => {
    const moved = movedAxes(axes).map(([axis, c]) => `${AXIS_LABELS[axis] ?? axis} ${fmtAxis(axis, c.baseline)} → ${fmtAxis(axis, c.current)} (${fmtDelta(axis, c.delta)}) ${verdictText(c)}`);
    const worse = comparison.regressions.filter((r) => r.scope === key);
    const head = `    <testcase classname="comparison" name="${xml(`vs baseline: ${key}`)}" time="0">`;
    const out = `<system-out>${xml(moved.join('\n') || 'no change')}</system-out>`;
    if (worse.length === 0) return `${head}${out}</testcase>`;
    const message = `regressed: ${worse.map((r) => AXIS_LABELS[r.axis] ?? r.axis).join(', ')}`;
    return `${head}<failure message="${xml(message)}" type="Regression">${xml(moved.join('\n'))}</failure>${out}</testcase>`;
  });
  const failures = scopes.filter(({ key }) => comparison.regressions.some((r) => r.scope === key)).length;
  return [`  <testsuite name="comparison" tests="${scopes.length}" failures="${failures}" errors="0" skipped="0" time="0">`, ...cases, '  </testsuite>'];
}

export function junitXml(cells: Cell[], comparison: Comparison | null = null): string {
  const failures = cells.filter((c) => c.status === 'scored' && c.pass_rate.pass === 0).length;
  const skipped = cells.filter((c) => c.status === 'skipped').length;
  const time = cells.reduce((sum, c) => sum + (c.status === 'scored' ? c.latency.wall_clock_ms : 0), 0) / 1000;
  const attrs = `name="codingagentbench" tests="${cells.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs}>`,
    `  <testsuite ${attrs}>`,
    ...cells.map(testcase),
    '  </testsuite>',
    ...(comparison ? comparisonSuite(comparison) : []),
    '</testsuites>',
    '',
  ].join('\n');
}
