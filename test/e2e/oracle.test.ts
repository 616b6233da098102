// The README's promise, as a user runs it: the built bin, the shipped bundle, the oracle.

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { needs } from '../helpers/toolchains.js';

const cargo = needs('cargo');

describe.skipIf(cargo.missing)(`check --tui oracle on the shipped bundle${cargo.reason}`, () => {
  it('prints a full card with pass 1 for mutations/rust-error-negated', async () => {
    const cwd = await tempDir('cab-e2e-');
    const result = await runCli(['check', '--tui', 'oracle', '--task', 'mutations/rust-error-negated'], { cwd });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    const card = result.stdout;
    expect(card).toContain('PROVISIONAL — not for citation');
    for (const label of ['Pass', 'Tokens/correct', 'Wall', 'Blast', 'Refusal', 'Integrity', 'L15', 'Composite']) expect(card).toContain(label);
    expect(card).toMatch(/Pass\s+1\.000/);
    expect(card).not.toMatch(/\u001b\[/); // piped: no colour
    const runs = await readdir(join(cwd, 'cab-runs'));
    expect(runs).toHaveLength(1);
    const doc = JSON.parse(await readFile(join(cwd, 'cab-runs', runs[0] as string, 'result.json'), 'utf8'));
    expect(doc.results[0].pass_rate.pass).toBe(1);
    const diff = await readFile(join(cwd, 'cab-runs', runs[0] as string, 'mutations', 'rust-error-negated', 'run1', 'diff.patch'), 'utf8');
    expect(diff).toContain('+++ b/src/lib.rs');
  });

  it('--json prints one document with every axis and the run identity', async () => {
    const result = await runCli(['check', '--tui', 'oracle', '--task', 'mutations/rust-error-negated', '--json', '--no-save']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    const cell = doc.results[0];
    expect(cell.provisional).toBe(true);
    expect(cell.cell_id).toMatch(/^local-\d{8}\/oracle\/no-model\/mutations\/rust-error-negated#run1$/);
    for (const axis of ['pass_rate', 'tokens', 'latency', 'blast_radius', 'refusal', 'integrity', 'constraints', 'composite']) expect(cell[axis]).toBeTypeOf('object');
    expect(cell.pass_rate).toMatchObject({ pass: 1, exit_code: 0, timed_out: false, partial_score: 1 });
    expect(cell.pass_rate.stdout_tail).toContain('test result: ok.');
    expect(cell.pass_rate).toMatchObject({ canaries: 'ok', tests_missing: [], tests_failed: [], fail_reasons: [] });
    expect(cell.pass_rate.tests_passed).toContain('first_attempt_ok_returns_immediately');
    expect(cell.tokens).toMatchObject({ total_tokens: 0, model_calls: 0, pass_used_for_division: 1 });
    expect(cell.blast_radius).toMatchObject({ blast_radius: 0, modified: ['src/lib.rs'], unexpected_changes: [] });
    expect(cell.integrity.integrity).toBe(1);
    expect(cell.constraints.l15).toBe(1);
    expect(cell.composite.composite).toBeGreaterThan(0.9);
    expect(doc.summary).toMatchObject({ tasks: 1, passed: 1, failed: 0, skipped: 0 });
    expect(result.stderr).toContain('[mutations/rust-error-negated#run1] tests');
  });
});

describe('usage and bundle errors', () => {
  it('no task without a TTY exits 2 with a one-line hint', async () => {
    const result = await runCli(['check', '--tui', 'oracle']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: no task chosen\n {2}hint: .*--task/);
    expect(result.stdout).toBe('');
  });

  it('an unknown task id exits 2 listing close matches', async () => {
    const result = await runCli(['check', '--tui', 'oracle', '--task', 'mutations/rust-eror-negated']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown task 'mutations/rust-eror-negated'");
    expect(result.stderr).toContain('mutations/rust-error-negated');
  });

  it('an unknown --tui exits 2 listing the valid names', async () => {
    const result = await runCli(['check', '--tui', 'nope', '--task', 'mutations/rust-error-negated']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/valid names: .*builtin.*oracle/);
  });

  it('a corrupt bundle exits 4', async () => {
    const dir = await tempDir('cab-corrupt-');
    const bundle = join(dir, 'bad.tar.gz');
    await writeFile(bundle, Buffer.from('this is not a gzip file at all'));
    const result = await runCli(['check', '--tui', 'oracle', '--task', 'mutations/rust-error-negated', '--bundle', bundle]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).not.toMatch(/at .*\.mjs:\d+/); // no stack trace
  });

  it('--help and --version answer without a bundle', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: codingagentbench <command>');
    const version = await runCli(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('a missing toolchain', () => {
  it('is a `skipped: needs …` row, never a crash or a fail', async () => {
    const { buildBundle, PY_ADD } = await import('../helpers/task-fixture.js');
    const bundle = await buildBundle([{ ...PY_ADD, id: 'polyglot/needs-zig', spec: { toolchains: ['zig-not-installed-here'] } }, PY_ADD]);
    const result = await runCli(['check', '--bundle', bundle, '--all', '--tui', 'oracle', '--json', '--no-save']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    const skipped = doc.results.find((c: { task_id: string }) => c.task_id === 'polyglot/needs-zig');
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'needs zig-not-installed-here', provisional: true });
    expect(doc.summary).toMatchObject({ tasks: 2, passed: 1, skipped: 1 });
    const card = await runCli(['check', '--bundle', bundle, '--task', 'polyglot/needs-zig', '--tui', 'oracle', '--no-save']);
    expect(card.code).toBe(0);
    expect(card.stdout).toContain('skipped: needs zig-not-installed-here');
    const listed = JSON.parse((await runCli(['list', '--bundle', bundle, '--json'])).stdout);
    expect(listed.tasks.find((t: { id: string }) => t.id === 'polyglot/needs-zig').missing_toolchains).toEqual(['zig-not-installed-here']);
  }, 120_000);
});
