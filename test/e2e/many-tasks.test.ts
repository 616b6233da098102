// Many tasks from scripts and CI: shards cover every task exactly once, `report` merges shard
// results into the same table as one unsharded run, JUnit XML and Markdown for CI systems.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildBundle, PY_ADD } from '../helpers/task-fixture.js';
import { tempDir } from '../helpers/temp.js';

let dir = '';
let fixtures = '';

beforeAll(async () => {
  dir = await tempDir('cab-many-');
  // seven quick python tasks in three categories: sharding is about selection, not toolchains
  const ids = ['mutations/a1', 'mutations/a2', 'mutations/a3', 'polyglot/b1', 'polyglot/b2', 'integrity/c1', 'integrity/c2'];
  fixtures = await buildBundle(ids.map((id) => ({ ...PY_ADD, id })));
}, 120_000);

async function run(args: string[]): Promise<{ results: Array<Record<string, any>>; summary: Record<string, any> }> {
  const result = await runCli(['check', ...args, '--yes'], { cwd: dir, timeoutMs: 600_000 });
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.code).toBe(0);
  return JSON.parse(await readFile(join(dir, args[args.indexOf('--out') + 1] as string, 'result.json'), 'utf8'));
}

describe('--shard and report', () => {
  it('shards 1/3, 2/3, 3/3 cover every task once and report equals the unsharded table', async () => {
    // --tui none changes nothing and takes no time, so composites are deterministic across runs.
    const common = ['--bundle', fixtures, '--all', '--tui', 'none', '--concurrency', '2'];
    const whole = await run([...common, '--out', 'whole']);
    const shards = await Promise.all([1, 2, 3].map((i) => run([...common, '--shard', `${i}/3`, '--out', `shard${i}`])));
    const ids = shards.flatMap((doc) => doc.results.map((c) => c.task_id)).sort();
    expect(ids).toEqual(whole.results.map((c) => c.task_id).sort());
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(ids.length);
    for (const doc of shards) expect(doc.results.length).toBeGreaterThan(0);

    const merged = await runCli(['report', '--json', ...[1, 2, 3].map((i) => join(dir, `shard${i}`, 'result.json'))]);
    const single = await runCli(['report', '--json', join(dir, 'whole', 'result.json')]);
    expect(merged.code).toBe(0);
    const pick = (text: string) => JSON.parse(text).results.map((c: any) => [c.task_id, c.status, c.composite?.composite ?? null]).sort();
    expect(pick(merged.stdout)).toEqual(pick(single.stdout));
    const table = (await runCli(['report', ...[1, 2, 3].map((i) => join(dir, `shard${i}`, 'result.json'))])).stdout;
    const wholeTable = (await runCli(['report', join(dir, 'whole', 'result.json')])).stdout;
    expect(table).toBe(wholeTable);
  }, 900_000);

  it('rejects a malformed shard', async () => {
    const result = await runCli(['check', '--all', '--tui', 'none', '--shard', '4/3'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--shard');
  });
});

describe('CI reports', () => {
  it('writes JUnit XML with one testcase per task run and a Markdown summary', async () => {
    const args = ['check', '--task', 'mutations/python-*', '--tui', 'oracle', '--repeat', '2', '--junit', 'junit.xml', '--summary-md', 'summary.md', '--no-save', '--yes'];
    const result = await runCli(args, { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') }, timeoutMs: 600_000 });
    expect(result.code).toBe(0);
    const xml = await readFile(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    const cases = xml.match(/<testcase /g) ?? [];
    const suite = /<testsuite [^>]*tests="(\d+)" failures="(\d+)"/.exec(xml);
    expect(Number(suite?.[1])).toBe(cases.length);
    expect(cases.length % 2).toBe(0);
    expect(Number(suite?.[2])).toBe(0);
    expect(xml).toContain('name="mutations/python-off-by-one#run2"');
    expect((xml.match(/<testsuite /g) ?? []).length).toBe(1);
    expect(xml.trim().endsWith('</testsuites>')).toBe(true);
    const md = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(md).toContain('| `mutations/python-off-by-one` #2 | ✅ pass |');
    expect(await readFile(join(dir, 'step-summary.md'), 'utf8')).toBe(md);
  }, 600_000);

  it('--fail-under exits 1 below the gate and 0 above it', async () => {
    const low = await runCli(['check', '--task', 'mutations/python-comparator-swap', '--tui', 'none', '--no-save', '--fail-under', '0.9'], { cwd: dir });
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/below threshold: mean composite .* < --fail-under 0.9/);
    const high = await runCli(['check', '--task', 'mutations/python-comparator-swap', '--tui', 'oracle', '--no-save', '--fail-under', '0.5'], { cwd: dir });
    expect(high.code).toBe(0);
  }, 300_000);
});

describe('non-interactive output', () => {
  it('with stdout piped and CI=true: no ANSI escapes, no prompts, plain progress lines', async () => {
    const result = await runCli(['check', '--task', 'polyglot/python-context-manager', '--tui', 'oracle', '--no-save'], { cwd: dir, env: { CI: 'true' } });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/\u001b\[/);
    expect(result.stderr).toMatch(/^\[polyglot\/python-context-manager#run1\] extract$/m);
    const noTask = await runCli(['check', '--tui', 'oracle'], { cwd: dir, env: { CI: 'true' } });
    expect(noTask.code).toBe(2);
    expect(noTask.stdout + noTask.stderr).not.toMatch(/\u001b\[|◆|│/);
  }, 300_000);

  it('FORCE_COLOR colours the card', async () => {
    const result = await runCli(['check', '--task', 'polyglot/python-context-manager', '--tui', 'oracle', '--no-save'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(result.stdout).toMatch(/\u001b\[/);
  }, 300_000);

  it('show --last prints the saved diff of the last run', async () => {
    const ran = await runCli(['check', '--task', 'mutations/python-wrong-default', '--tui', 'oracle'], { cwd: dir });
    expect(ran.code).toBe(0);
    const shown = await runCli(['show', '--last', 'mutations/python-wrong-default'], { cwd: dir });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^diff --git a\/signup\/validate\.py b\/signup\/validate\.py/m);
    const none = await runCli(['show', '--last', 'polyglot/go-slice-aliasing'], { cwd: await tempDir('cab-empty-') });
    expect(none.code).toBe(2);
  }, 300_000);
});
