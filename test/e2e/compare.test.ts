// Comparing saved runs through the built bin: a set where some tasks regressed is flagged on
// exactly those tasks and fails the gate; an identical pair reports no change and passes.

import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TASKS, oracleSet, regressedCopy } from './saved-sets.js';
import { tempDir } from '../helpers/temp.js';

const [OFF_BY_ONE, COMPARATOR, JS_NEGATED] = TASKS as [string, string, string];
let root = '';
let before = '';
let after = '';
let same = '';

beforeAll(async () => {
  root = await tempDir('cab-compare-');
  before = await oracleSet(root, 'before', 4);
  // COMPARATOR fails in all 4 runs (a real regression); JS_NEGATED in 1 of 4 (noise).
  after = await regressedCopy(before, join(root, 'after'), (task, run) => task === COMPARATOR || (task === JS_NEGATED && run === 2));
  same = join(root, 'same');
  await cp(before, same, { recursive: true });
}, 180_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('report --compare', () => {
  it('flags exactly the regressed task, and --fail-on-regression exits 1', async () => {
    const result = await runCli(['report', '--compare', before, after, '--fail-on-regression'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${COMPARATOR} \\(4 vs 4 runs\\)\\n\\s+pass\\s+1\\.000 → 0\\.000\\s+−1\\.000\\s+WORSE \\(p=0\\.029\\)`));
    expect(result.stdout).toMatch(new RegExp(`${JS_NEGATED} \\(4 vs 4 runs\\)\\n\\s+pass\\s+1\\.000 → 0\\.750\\s+−0\\.250\\s+no real change \\(p=1\\.000\\)`));
    expect(result.stdout).toContain(`${OFF_BY_ONE} (4 vs 4 runs): no change`);
    expect(result.stdout).toContain('--fail-on-regression pass,composite: FAILED');
    expect(result.stderr).toContain('regressed against before (--fail-on-regression pass,composite)');
    expect(result.stdout).toContain(`4 significant regressions on 1 scope: ${COMPARATOR} (pass, composite, partial, integrity)`);
  });

  it('--json carries the documented comparison object', async () => {
    const result = await runCli(['report', '--compare', before, after, '--json', '--fail-on-regression', 'pass'], { cwd: root });
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout);
    expect(doc.results).toHaveLength(12); // the current set
    const c = doc.comparison;
    expect(c).toMatchObject({ alpha: 0.05, paired_by: 'task', baseline: { label: 'before', cells: 12 }, current: { label: 'after', cells: 12 }, gate: { axes: ['pass'], failed: true } });
    expect(new Set(c.regressions.map((r: { scope: string }) => r.scope))).toEqual(new Set([COMPARATOR]));
    expect(c.regressions.map((r: { axis: string }) => r.axis).sort()).toEqual(['composite', 'integrity', 'partial_score', 'pass']);
    const row = c.tasks.find((t: { key: string }) => t.key === COMPARATOR);
    expect(row.runs).toEqual({ baseline: 4, current: 4 });
    expect(row.axes.pass).toEqual({ baseline: 1, current: 0, delta: -1, p: 2 / 70, verdict: 'worse' });
    expect(c.overall.note).toContain('too few for an overall test');
    expect(c.overall.axes.pass.verdict).toBe('untestable');
  });

  it('an identical pair reports no change and exits 0 even under the gate', async () => {
    const md = join(root, 'same.md');
    const junit = join(root, 'same.xml');
    const result = await runCli(['report', '--compare', before, same, '--fail-on-regression', '--summary-md', md, '--junit', junit], { cwd: root });
    expect(result.code).toBe(0);
    for (const task of TASKS) expect(result.stdout).toContain(`${task} (4 vs 4 runs): no change`);
    expect(result.stdout).toContain('no significant regression · --fail-on-regression pass,composite: ok');
    expect(await readFile(md, 'utf8')).toContain('No axis changed.');
    expect(await readFile(junit, 'utf8')).toMatch(/<testsuite name="comparison" tests="4" failures="0"/);
  });

  it('a single run per side says plainly that no significance can be claimed', async () => {
    const one = await oracleSet(root, 'one', 1);
    const oneAfter = await regressedCopy(one, join(root, 'one-after'), (task) => task === COMPARATOR);
    const result = await runCli(['report', '--compare', one, oneAfter, '--fail-on-regression'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pass\s+1\.000 → 0\.000\s+−1\.000\s+can't tell/);
    expect(result.stdout).toContain('a single run per side: no significance can be claimed');
  });
});

describe('check --baseline', () => {
  it('a run that regressed against the saved baseline exits 1, in JSON, Markdown and JUnit too', async () => {
    const md = join(root, 'check.md');
    const junit = join(root, 'check.xml');
    const args = ['check', '--tui', 'none', '--task', OFF_BY_ONE, '--repeat', '4', '--no-save', '--baseline', before, '--fail-on-regression', '--json', '--summary-md', md, '--junit', junit];
    const result = await runCli(args, { cwd: root });
    expect(result.code).toBe(1);
    const c = JSON.parse(result.stdout).comparison;
    expect(c.tasks.map((t: { key: string }) => t.key)).toEqual([OFF_BY_ONE]);
    expect(c.only_in_baseline).toEqual([JS_NEGATED, COMPARATOR].sort());
    expect(c.tasks[0].axes.pass.verdict).toBe('worse');
    expect(await readFile(md, 'utf8')).toMatch(/\| `mutations\/python-off-by-one` \| pass \| 1\.000 \| 0\.000 \| −1\.000 \| ❌ WORSE/);
    expect(await readFile(junit, 'utf8')).toMatch(/<testcase classname="comparison" name="vs baseline: mutations\/python-off-by-one" time="0"><failure message="regressed: pass, composite/);
  });

  it('the same tasks solved again pass the gate', async () => {
    const result = await runCli(['check', '--tui', 'oracle', '--task', OFF_BY_ONE, '--repeat', '4', '--no-save', '--baseline', before, '--fail-on-regression'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${OFF_BY_ONE} (4 vs 4 runs)`);
    expect(result.stdout).toContain('no significant regression');
  });

  it('a missing baseline is a usage error before anything runs', async () => {
    const result = await runCli(['check', '--tui', 'oracle', '--task', OFF_BY_ONE, '--no-save', '--baseline', join(root, 'nope')], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--baseline: no such file or folder');
  });
});
