import { describe, expect, it } from 'vitest';
import { COMMANDS, fillOptionalValues } from '../../src/cli-options.js';
import { COMPARED_AXES, compareSets, gateComparison, parseGateAxes } from '../../src/report/compare.js';
import { renderComparison } from '../../src/report/compare-text.js';
import { recomputeCell } from '../../src/score/recompute.js';
import type { ScoredCell } from '../../src/score/types.js';
import { referenceCell } from './cells.js';

/** A scored cell of a task/driver/model, passed or failed, composite recomputed. */
function cell(task: string, pass: 0 | 1, run = 1, tui = 'builtin', model: string | null = 'm1'): ScoredCell {
  const base = referenceCell();
  return recomputeCell({ ...base, task_id: task, tui, model, run_index: run, cell_id: `local/${tui}/${model}/${task}#run${run}`, pass_rate: { ...base.pass_rate, pass } }) as ScoredCell;
}

const runs = (task: string, passes: number[], tui?: string, model?: string | null): ScoredCell[] => passes.map((p, i) => cell(task, p as 0 | 1, i + 1, tui, model));

describe('compareSets', () => {
  it('pairs by task when each side holds one driver × model, even if they differ', () => {
    const c = compareSets({ label: 'a', cells: runs('t/one', [1, 1, 1, 1], 'builtin', 'm1') }, { label: 'b', cells: runs('t/one', [0, 0, 0, 0], 'builtin', 'm2') });
    expect(c.paired_by).toBe('task');
    expect(c.tasks.map((t) => t.key)).toEqual(['t/one']);
    expect(c.tasks[0]?.axes.pass).toMatchObject({ baseline: 1, current: 0, delta: -1, verdict: 'worse' });
    expect(c.regressions.map((r) => `${r.scope}:${r.axis}`)).toContain('t/one:pass');
  });

  it('pairs by task, driver and model when a side holds several; unpaired keys are listed', () => {
    const a = [...runs('t/one', [1], 'builtin', 'm1'), ...runs('t/one', [1], 'builtin', 'm2')];
    const b = runs('t/one', [1], 'builtin', 'm2');
    const c = compareSets({ label: 'a', cells: a }, { label: 'b', cells: b });
    expect(c.paired_by).toBe('task+driver+model');
    expect(c.tasks.map((t) => t.key)).toEqual(['t/one · builtin · m2']);
    expect(c.only_in_baseline).toEqual(['t/one · builtin · m1']);
    expect(c.only_in_current).toEqual([]);
  });

  it('an improvement is "better", never a regression; lower-is-better axes are read the right way', () => {
    const worse = runs('t/one', [0, 0, 0, 0]).map((x, i) => ({ ...x, latency: { ...x.latency, wall_clock_ms: 1000 + i } }));
    const better = runs('t/one', [1, 1, 1, 1]).map((x, i) => ({ ...x, latency: { ...x.latency, wall_clock_ms: 9000 + i } }));
    const c = compareSets({ label: 'a', cells: worse }, { label: 'b', cells: better });
    expect(c.tasks[0]?.axes.pass?.verdict).toBe('better');
    expect(c.tasks[0]?.axes.wall_clock_ms?.verdict).toBe('worse'); // slower
    expect(gateComparison(c, ['pass', 'composite']).gate).toEqual({ axes: ['pass', 'composite'], failed: false });
    expect(gateComparison(c, ['wall_clock_ms']).gate?.failed).toBe(true);
  });

  it('tests the overall change over paired tasks (sign flip) once there are enough of them', () => {
    const tasks = ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => `t/${t}`);
    const c = compareSets({ label: 'a', cells: tasks.map((t) => cell(t, 1)) }, { label: 'b', cells: tasks.map((t) => cell(t, 0)) });
    expect(c.tasks.every((t) => t.axes.pass?.verdict === 'untestable')).toBe(true);
    expect(c.tasks[0]?.note).toContain('a single run per side: no significance can be claimed');
    expect(c.overall).toMatchObject({ tasks: 6, note: null });
    expect(c.overall.axes.pass).toMatchObject({ baseline: 1, current: 0, p: 2 / 64, verdict: 'worse' });
    expect(c.regressions).toEqual([expect.objectContaining({ scope: 'overall', axis: 'pass' }), expect.objectContaining({ scope: 'overall', axis: 'composite' })]);
  });

  it('renders without colour and says which way each axis moved', () => {
    const c = gateComparison(compareSets({ label: 'before', cells: runs('t/one', [1, 1, 1, 1]) }, { label: 'after', cells: runs('t/one', [0, 0, 0, 0]) }), ['pass']);
    const text = renderComparison(c, { color: false });
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatch(/t\/one \(4 vs 4 runs\)\n\s+pass\s+1\.000 → 0\.000\s+−1\.000\s+WORSE \(p=0\.029\)/);
    expect(text).toContain('--fail-on-regression pass: FAILED');
  });
});

describe('--fail-on-regression', () => {
  it('defaults to pass,composite and rejects unknown axes with the list', () => {
    expect(parseGateAxes(undefined)).toBeNull();
    expect(parseGateAxes('')).toEqual(['pass', 'composite']);
    expect(parseGateAxes('pass,wall_clock_ms')).toEqual(['pass', 'wall_clock_ms']);
    expect(() => parseGateAxes('pass,speed')).toThrow(/unknown axis speed/);
  });

  it('takes an optional value: bare, followed by a flag, or followed by a positional', () => {
    const spec = COMMANDS.report!;
    expect(fillOptionalValues(spec, ['--compare', 'a', 'b', '--fail-on-regression'])).toEqual(['--compare', 'a', 'b', '--fail-on-regression', 'pass,composite']);
    expect(fillOptionalValues(spec, ['--fail-on-regression', '--json'])).toEqual(['--fail-on-regression', 'pass,composite', '--json']);
    expect(fillOptionalValues(spec, ['--fail-on-regression', 'runs/a'])).toEqual(['--fail-on-regression', 'pass,composite', 'runs/a']);
    expect(fillOptionalValues(spec, ['--fail-on-regression', 'pass,l15'])).toEqual(['--fail-on-regression', 'pass,l15']);
  });

  it('the flag table accepts exactly the compared axes', () => {
    const accepts = COMMANDS.check!.options['fail-on-regression']!.optional!.accepts;
    for (const axis of Object.keys(COMPARED_AXES)) expect(accepts.test(axis)).toBe(true);
    expect(accepts.test('speed')).toBe(false);
    expect(accepts.source.match(/\|/g)?.length).toBe(2 * (Object.keys(COMPARED_AXES).length - 1));
  });
});
