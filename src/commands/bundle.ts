// `bundle <dir> -o <file>`: for task authors. Packs the tasks, then proves each one: the
// reference solution passes, the untouched workdir fails, the solution changes only the
// expected files and honours the task's own constraints. Only a valid bundle is written.

import { rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readManifest } from '../bundle/manifest.js';
import { packBundle } from '../bundle/pack.js';
import { selectTasks } from '../bundle/select.js';
import type { ManifestTask } from '../bundle/task-spec.js';
import { buildCheckConfig } from '../config.js';
import { CabError } from '../errors.js';
import type { Io } from '../io.js';
import { createProgress } from '../report/progress.js';
import type { Cell, ScoredCell } from '../score/types.js';
import type { ExpectedTests } from '../bundle/expected-tests.js';
import { expectedTestsDrift, measureExpectedTests, writeExpectedTests } from '../bundle/record-tests.js';
import { getTui } from '../tuis/registry.js';
import { mapPool } from '../util/pool.js';
import { flagBool, flagList, flagString, type CommandArgs } from './args.js';
import { runCell, type CellEnv } from './check.js';

export interface TaskVerdict {
  id: string;
  ok: boolean;
  skipped: string | null;
  problems: string[];
  oracle_ms: number | null;
  tests?: ExpectedTests; // measured from the untouched and the solved run
}

/** Canaries must behave; an untouched workdir that does not build (a compile-error task) cannot run them. */
function canaryProblems(which: string, cell: ScoredCell, mayNotBuild: boolean): string[] {
  const { canaries, tests_passed, tests_failed } = cell.pass_rate;
  if (canaries === null || canaries === 'ok') return [];
  if (mayNotBuild && canaries === 'missing' && tests_passed.length + tests_failed.length === 0) return [];
  return [`${which}: hidden canaries ${canaries} (${cell.pass_rate.fail_reasons.join('; ')})`];
}

function testProblems(task: ManifestTask, oracle: ScoredCell, untouched: ScoredCell, record: boolean): string[] {
  const measured = measureExpectedTests(untouched.pass_rate, oracle.pass_rate);
  const problems = [...canaryProblems('reference solution', oracle, false), ...canaryProblems('untouched workdir', untouched, true)];
  if (oracle.pass_rate.tests_failed.length > 0) problems.push(`reference solution fails tests: ${oracle.pass_rate.tests_failed.join(', ')}`);
  if (measured.fail_to_pass.length === 0) problems.push('no test fails untouched and passes solved: the task tests nothing');
  if (!record) problems.push(...expectedTestsDrift(task.tests, measured));
  return problems;
}

function problemsOf(oracle: Cell, untouched: Cell): string[] {
  const problems: string[] = [];
  if (oracle.status !== 'scored' || untouched.status !== 'scored') return problems;
  if (oracle.pass_rate.pass !== 1) problems.push(`reference solution fails verify (exit ${oracle.pass_rate.exit_code}): ${oracle.pass_rate.stdout_tail.slice(-300)}${oracle.pass_rate.stderr_tail.slice(-300)}`);
  if (untouched.pass_rate.pass !== 0) problems.push('the untouched workdir passes verify: the task tests nothing');
  if (oracle.blast_radius.unexpected_changes.length > 0) problems.push(`solution changes unexpected files: ${oracle.blast_radius.unexpected_changes.join(', ')}`);
  for (const v of oracle.constraints.verdicts.filter((x) => !x.honored)) problems.push(`solution breaks its own constraint ${v.kind}: ${v.detail}`);
  if (oracle.integrity.integrity !== 1) problems.push(`solution scores integrity 0: ${oracle.integrity.reasons.join('; ')}`);
  return problems;
}

async function validateTask(env: Omit<CellEnv, 'tui'>, task: ManifestTask, record: boolean): Promise<TaskVerdict> {
  const oracle = await runCell({ ...env, tui: getTui('oracle') }, { task, runIndex: 1 });
  if (oracle.cell.status === 'skipped') return { id: task.id, ok: true, skipped: oracle.cell.reason, problems: [], oracle_ms: null };
  const untouched = await runCell({ ...env, tui: getTui('none') }, { task, runIndex: 1 });
  const problems = problemsOf(oracle.cell, untouched.cell);
  const scored = oracle.cell.status === 'scored' && untouched.cell.status === 'scored';
  if (scored) problems.push(...testProblems(task, oracle.cell as ScoredCell, untouched.cell as ScoredCell, record));
  const tests = scored ? measureExpectedTests((untouched.cell as ScoredCell).pass_rate, (oracle.cell as ScoredCell).pass_rate) : undefined;
  const oracleMs = oracle.cell.status === 'scored' ? oracle.cell.spans.reduce((sum, s) => sum + (s.kind === 'grading' ? s.duration_ms : 0), 0) : null;
  return { id: task.id, ok: problems.length === 0, skipped: null, problems, oracle_ms: oracleMs, ...(tests ? { tests } : {}) };
}

export async function bundleCommand(args: CommandArgs, io: Io): Promise<number> {
  const srcDir = args.positionals[0];
  const output = flagString(args, 'output');
  if (!srcDir || !output) throw new CabError('usage', 'bundle needs a task folder and -o <file>', { hint: 'codingagentbench bundle tasks-bundle -o tasks.tar.gz' });
  const quiet = flagBool(args, 'quiet');
  const record = flagBool(args, 'record-tests');
  const srcRoot = resolve(io.cwd, srcDir);
  const outFile = resolve(io.cwd, output);
  const temp = join(dirname(outFile), `.${Date.now()}-${process.pid}.bundle.tmp.tar.gz`);
  try {
    const manifest = await packBundle(resolve(io.cwd, srcDir), temp, { onSkip: (path, reason) => void (quiet || io.stderr(`skipped ${path} (${reason})\n`)) });
    let verdicts: TaskVerdict[] = [];
    if (!flagBool(args, 'no-validate')) {
      const config = { ...buildCheckConfig({ command: 'check', values: {}, positionals: [] }, io), save: false, keep: false };
      const progress = createProgress({ write: io.stderr, live: false, quiet: true });
      const env = { bundlePath: temp, config, client: null, runId: 'bundle-validation', date: new Date(), signal: io.signal, progress, endpointHost: null };
      const filters = flagList(args, 'task');
      const tasks = filters.length > 0 ? selectTasks(manifest.tasks, { tasks: filters, categories: [], all: false, shard: null }) : manifest.tasks;
      verdicts = await mapPool(tasks, 2, async (task) => {
        const verdict = await validateTask(env, task, record);
        if (record && verdict.ok && verdict.tests) await writeExpectedTests(join(srcRoot, task.id), verdict.tests);
        if (!quiet) io.stderr(`${verdict.skipped ? 'skipped' : verdict.ok ? 'ok     ' : 'INVALID'} ${task.id}${verdict.skipped ? ` (${verdict.skipped})` : ''}${verdict.problems.map((p) => `\n    - ${p}`).join('')}\n`);
        return verdict;
      });
    }
    const invalid = verdicts.filter((v) => !v.ok);
    if (record && invalid.length === 0) await packBundle(srcRoot, temp); // the manifest carries what was just recorded
    if (flagBool(args, 'json')) io.stdout(`${JSON.stringify({ manifest, validation: verdicts }, null, 2)}\n`);
    if (invalid.length > 0) throw new CabError('bundle', `${invalid.length} task(s) invalid: ${invalid.map((v) => v.id).join(', ')}`, { hint: 'fix them; nothing was written' });
    await rename(temp, outFile);
    if (!quiet) io.stderr(`wrote ${outFile}: ${manifest.tasks.length} tasks${verdicts.length > 0 ? `, ${verdicts.filter((v) => !v.skipped).length} validated` : ' (not validated)'}\n`);
    return 0;
  } finally {
    await rm(temp, { force: true });
  }
}
