// `check`: the one file that knows the whole pipeline
//   bundle → workspace → agent (llm + tools) → score → report
// Each numbered step is one call.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Span } from '../agent/types.js';
import { extractTaskParts } from '../bundle/extract.js';
import { resolveBundle } from '../bundle/locate.js';
import { readManifest } from '../bundle/manifest.js';
import { selectTasks } from '../bundle/select.js';
import { parseTaskSpec, type ManifestTask } from '../bundle/task-spec.js';
import { buildCheckConfig, type CheckConfig } from '../config.js';
import { CabError } from '../errors.js';
import { isInteractive, type Io } from '../io.js';
import type { ChatClient } from '../llm/types.js';
import { createProgress, type Progress } from '../report/progress.js';
import { keptLines } from '../report/kept.js';
import { newRunId, writeCellArtifacts, writeResultDocument, type CellArtifacts } from '../report/out-files.js';
import { scoreCell } from '../score/cell.js';
import type { Cell, ResultDocument, RunIdentity } from '../score/types.js';
import { gradeRun } from '../grade/grade.js';
import { getTui, type Tui } from '../tuis/registry.js';
import { mapPool } from '../util/pool.js';
import { VERSION } from '../version.js';
import { compareTrees } from '../workspace/changes.js';
import { hidePath } from '../workspace/hidden-paths.js';
import { sandboxAvailable } from '../workspace/exec.js';
import { createScratch, copyTree } from '../workspace/scratch.js';
import { missingToolchains } from '../workspace/toolchains.js';
import { unifiedDiff } from '../workspace/unified-diff.js';
import type { CommandArgs } from './args.js';
import { finishCheck } from './check-output.js';
import { resolveEndpointInputs } from './check-inputs.js';
import { requireSandboxOrOptIn } from './sandbox-gate.js';

export interface CellJob {
  task: ManifestTask;
  runIndex: number;
}

export interface CellEnv {
  bundlePath: string;
  config: Readonly<CheckConfig>;
  tui: Tui;
  client: ChatClient | null;
  runId: string;
  date: Date;
  signal: AbortSignal;
  progress: Progress;
  endpointHost: string | null;
}

export interface CellOutcome {
  cell: Cell;
  artifacts: CellArtifacts | null;
  keptAt: string | null;
}

function ymd(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

function identity(env: CellEnv, job: CellJob, started: string, ended: string, tuiVersion: string | null = null): RunIdentity {
  const model = env.tui.needsEndpoint ? env.config.model : null;
  return {
    cell_id: `local-${ymd(env.date)}/${env.tui.name}/${model ?? 'no-model'}/${job.task.id}#run${job.runIndex}`,
    run_id: env.runId,
    task_id: job.task.id,
    category: job.task.category,
    language: job.task.language,
    tui: env.tui.name,
    tui_version: tuiVersion ?? (env.tui.name === 'builtin' || !env.tui.needsEndpoint ? VERSION : null),
    model,
    endpoint_host: env.tui.needsEndpoint ? env.endpointHost : null,
    run_index: job.runIndex,
    started_at: started,
    ended_at: ended,
  };
}

function span(kind: Span['kind'], name: string, start: number, origin: number, attrs: Record<string, unknown> = {}): Span {
  return { span_id: Math.random().toString(16).slice(2, 18), parent_id: null, kind, name, start_ms: start - origin, duration_ms: Date.now() - start, attrs };
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new CabError('interrupted', 'interrupted');
}

/** One task × one run, from extraction to a scored cell. Used by `check` and `bundle` validation. */
export async function runCell(env: CellEnv, job: CellJob): Promise<CellOutcome> {
  const started = new Date().toISOString();
  const origin = Date.now();
  // 1. A missing toolchain is a skipped row, never a crash.
  const missing = await missingToolchains(job.task.toolchains);
  if (missing.length > 0) {
    const cell: Cell = { ...identity(env, job, started, new Date().toISOString()), provisional: true, status: 'skipped', reason: `needs ${missing.join(', ')}` };
    return { cell, artifacts: null, keptAt: null };
  }
  const scratch = await createScratch();
  try {
    // 2. Extract only this task, safely, into a fresh scratch dir; the workdir is a copy of the pristine one.
    env.progress.step(job.task.id, job.runIndex, 'extract');
    // Only task.json and workdir/ now: solution/ and grader/ are never on disk while the agent runs.
    const taskDir = join(scratch.root, 'task');
    const pristine = join(taskDir, 'workdir');
    const workdir = join(scratch.root, 'workdir');
    await extractTaskParts(env.bundlePath, job.task, taskDir, ['task.json', 'workdir']);
    const spec = parseTaskSpec(JSON.parse(await readFile(join(taskDir, 'task.json'), 'utf8')), `${job.task.id}/task.json`);
    await copyTree(pristine, workdir);
    const setup = span('task_setup', `prepare:${spec.id}`, origin, origin, { workdir, task_category: spec.category });

    // 3. The agent (builtin loop, oracle, or an agent CLI) edits the workdir.
    env.progress.step(job.task.id, job.runIndex, 'agent');
    const outcome = await env.tui.run({
      task: spec,
      taskDir,
      source: { bundlePath: env.bundlePath, task: job.task },
      workdir,
      config: env.config,
      client: env.client,
      model: env.config.model,
      signal: env.signal,
      events: { onTurn: (info) => env.progress.turn(job.task.id, job.runIndex, info) },
    });
    throwIfAborted(env.signal);

    // 4. Record what changed; grade a fresh copy: pristine + the agent's allowed changes + hidden tests.
    env.progress.step(job.task.id, job.runIndex, 'tests');
    const gradeStart = Date.now();
    const changes = await compareTrees(pristine, workdir, spec.ignore);
    // The agent (and every process it started) is gone: only now does grader/ come out of the bundle.
    const afterAgent = join(scratch.root, 'after-agent');
    await extractTaskParts(env.bundlePath, job.task, afterAgent, ['grader']);
    const graderDir = existsSync(join(afterAgent, 'grader')) ? join(afterAgent, 'grader') : null;
    const grade = await gradeRun({ task: spec, expected: job.task.tests ?? null, pristineDir: pristine, workDir: workdir, graderDir, changes, scratchRoot: scratch.root, signal: env.signal });
    throwIfAborted(env.signal);
    const grading = span('grading', `verify:${spec.id}`, gradeStart, origin, { argv: grade.exec.argv, exit_code: grade.exec.exitCode, sandbox: grade.exec.sandbox, reporter: grade.reporter, tests_ms: grade.exec.durationMs });

    // 5. Score every axis from the recorded facts.
    env.progress.step(job.task.id, job.runIndex, 'score');
    const scored = scoreCell({ task: spec, agent: outcome, changes, grade }, identity(env, job, started, new Date().toISOString(), outcome.tui_version ?? null), grade.exec.sandbox);
    const cell = { ...scored, spans: [setup, ...scored.spans, grading] };
    const artifacts: CellArtifacts = { taskId: spec.id, runIndex: job.runIndex, diff: await unifiedDiff(changes.changes), transcript: outcome.transcript, spans: cell.spans };
    return { cell, artifacts, keptAt: env.config.keep ? scratch.root : null };
  } finally {
    if (!env.config.keep) await scratch.dispose();
  }
}

function jobsFor(tasks: ManifestTask[], repeat: number): CellJob[] {
  return tasks.flatMap((task) => Array.from({ length: repeat }, (_, i) => ({ task, runIndex: i + 1 })));
}

export async function checkCommand(args: CommandArgs, io: Io): Promise<number> {
  // 1. Flags + env → one frozen config; the driver (--tui) and the bundle.
  let config = buildCheckConfig(args, io);
  const tui = getTui(config.tui);
  await requireSandboxOrOptIn(config, tui);
  const interactive = isInteractive(io, config);
  const bundlePath = await resolveBundle(config.bundle, { sha256: config.sha256, allowHttp: config.allowHttp, signal: io.signal, cwd: io.cwd });
  hidePath(bundlePath); // no sandboxed command may read the bundle in use
  const manifest = await readManifest(bundlePath);

  // 2. What to run, and against what (prompts only in a terminal).
  const inputs = await resolveEndpointInputs({ config, tui, io, interactive, manifest });
  config = inputs.config;
  const tasks = selectTasks(manifest.tasks, config);
  if (tasks.length === 0) throw new CabError('usage', 'the selection (after --shard) holds no task', { hint: 'check --task/--category/--shard' });

  // 3. Run every task × repeat (the once-per-process bwrap probe runs while the first task extracts).
  void sandboxAvailable().catch(() => undefined);
  const date = new Date();
  const runId = newRunId(date);
  const progress = createProgress({ write: io.stderr, live: interactive && io.stderrIsTTY, quiet: false });
  const env: CellEnv = { bundlePath, config, tui, client: inputs.client, runId, date, signal: io.signal, progress, endpointHost: inputs.endpointHost };
  const outcomes: CellOutcome[] = [];
  let failure: unknown = null;
  try {
    await mapPool(jobsFor(tasks, config.repeat), config.concurrency, async (job) => {
      if (failure !== null || io.signal.aborted) return;
      try {
        const outcome = await runCell(env, job);
        outcomes.push(outcome);
        progress.cellDone(outcome.cell);
        if (config.keep) for (const line of await keptLines(outcome.cell, outcome.keptAt)) progress.note(line);
      } catch (error) {
        failure ??= error;
      }
    });
  } finally {
    progress.close();
    await inputs.client?.close?.();
  }
  if (io.signal.aborted) failure = new CabError('interrupted', 'interrupted');

  // 4. Report: card or table, JSON, files under --out; exit code from the gates.
  const outDir = config.save ? resolve(io.cwd, config.out ?? join('cab-runs', runId)) : null;
  return finishCheck({ io, config, outcomes, outDir, failure, writeDoc: writeResultDocument, writeArtifacts: writeCellArtifacts });
}

export type { ResultDocument };
