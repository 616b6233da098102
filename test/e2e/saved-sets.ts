// Saved sets of runs for the comparison and HTML tests: a real `check --tui oracle` run on the
// shipped bundle (the real result.json shape and per-cell files), and copies of it in which
// chosen runs are made to fail, as a model that regressed on those tasks would.

import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

export const TASKS = ['mutations/python-off-by-one', 'mutations/python-comparator-swap', 'mutations/js-negated-condition'];

/** `check --tui oracle` over TASKS × repeat, saved to root/name; returns the folder. */
export async function oracleSet(root: string, name: string, repeat: number): Promise<string> {
  const out = join(root, name);
  const args = ['check', '--tui', 'oracle', ...TASKS.flatMap((t) => ['--task', t]), '--repeat', String(repeat), '--out', out, '--json'];
  const result = await runCli(args, { cwd: root });
  if (result.code !== 0) throw new Error(`oracle set failed (${result.code}): ${result.stderr}`);
  return out;
}

type Raw = Record<string, any>;

/** A copy of a saved run where `fail(task, runIndex)` runs are turned into failures. */
export async function regressedCopy(from: string, to: string, fail: (taskId: string, runIndex: number) => boolean): Promise<string> {
  await cp(from, to, { recursive: true });
  const file = join(to, 'result.json');
  const doc = JSON.parse(await readFile(file, 'utf8')) as { results: Raw[] };
  for (const cell of doc.results) {
    if (!fail(cell.task_id, cell.run_index)) continue;
    cell.pass_rate = { ...cell.pass_rate, pass: 0, exit_code: 1, partial_score: 0, stdout_tail: 'FAILED (failures=2)\n' };
    cell.integrity = { ...cell.integrity, integrity: 0, reasons: ['tests/test_app.py was modified'], findings: [{ kind: 'exit-tamper', path: 'app.py', line: 3, detail: 'sys.exit(0) added' }] };
  }
  await writeFile(file, JSON.stringify(doc, null, 2));
  return to;
}
