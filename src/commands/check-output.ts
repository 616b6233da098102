// Step 4 of `check`: print the card or table (or JSON), save files under --out, apply the gates.

import { dirname, resolve } from 'node:path';
import { isCabError } from '../errors.js';
import type { Io } from '../io.js';
import type { CheckConfig } from '../config.js';
import type { Redactor } from '../redact.js';
import { compareWithBaseline } from '../report/baseline.js';
import { renderCard } from '../report/card.js';
import type { Comparison } from '../report/compare.js';
import { renderComparison } from '../report/compare-text.js';
import { findLastRun, renderVsLast } from '../report/last-run.js';
import { resultDocument } from '../report/document.js';
import type { CellArtifacts } from '../report/out-files.js';
import { renderTable } from '../report/table.js';
import { writeCiReports } from '../report/ci-reports.js';
import { reproduceCommand } from '../report/reproduce.js';
import type { Cell, ResultDocument } from '../score/types.js';
import { VERSION } from '../version.js';
import type { CellOutcome } from './check.js';
import { byCodePoint } from '../util/compare.js';

interface FinishArgs {
  io: Io;
  config: Readonly<CheckConfig>;
  outcomes: CellOutcome[];
  outDir: string | null;
  failure: unknown;
  writeDoc: (outDir: string, doc: ResultDocument, redact: Redactor) => Promise<string>;
  writeArtifacts: (outDir: string, artifacts: CellArtifacts, redact: Redactor) => Promise<void>;
}

function byTaskThenRun(a: CellOutcome, b: CellOutcome): number {
  return byCodePoint(a.cell.task_id, b.cell.task_id) || a.cell.run_index - b.cell.run_index;
}

async function save(args: FinishArgs, outcomes: CellOutcome[], doc: ResultDocument): Promise<void> {
  if (!args.outDir) return;
  for (const outcome of outcomes) {
    if (outcome.artifacts) await args.writeArtifacts(args.outDir, outcome.artifacts, args.io.redact);
  }
  const path = await args.writeDoc(args.outDir, doc, args.io.redact);
  args.io.stderr(`saved: ${path}\n`);
}

/** In a terminal, one card: the change since the last saved run of the same task, driver and model. */
async function vsLastRun(args: FinishArgs, cell: Cell): Promise<string> {
  if (!args.io.stdoutIsTTY || cell.status !== 'scored') return '';
  const runsDir = args.outDir ? dirname(args.outDir) : resolve(args.io.cwd, 'cab-runs');
  const last = await findLastRun(runsDir, cell, args.outDir);
  return last ? renderVsLast(last, cell, { color: args.config.color }) : '';
}

async function print(args: FinishArgs, cells: Cell[], doc: ResultDocument, comparison: Comparison | null): Promise<void> {
  const { io, config } = args;
  if (config.json) {
    io.stdout(`${JSON.stringify(comparison ? { ...doc, comparison } : doc, null, 2)}\n`);
    return;
  }
  if (cells.length === 1 && cells[0]) io.stdout(renderCard(cells[0], { color: config.color }) + (comparison ? '' : await vsLastRun(args, cells[0])));
  else if (cells.length > 1) io.stdout(renderTable(cells, doc.summary, { color: config.color }));
  if (comparison) io.stdout(`\n${renderComparison(comparison, { color: config.color })}`);
}

function gates(config: Readonly<CheckConfig>, doc: ResultDocument, io: Io): number {
  const { summary } = doc;
  const composite = summary.means.composite ?? null;
  const scored = summary.passed + summary.failed;
  const passRate = scored > 0 ? summary.passed / scored : null;
  const misses: string[] = [];
  if (config.failUnder !== null && (composite === null || composite < config.failUnder)) {
    misses.push(`mean composite ${composite === null ? 'n/a' : composite.toFixed(3)} < --fail-under ${config.failUnder}`);
  }
  if (config.failUnderPass !== null && (passRate === null || passRate < config.failUnderPass)) {
    misses.push(`pass rate ${passRate === null ? 'n/a' : passRate.toFixed(3)} < --fail-under-pass ${config.failUnderPass}`);
  }
  for (const miss of misses) io.stderr(`below threshold: ${miss}\n`);
  return misses.length > 0 ? 1 : 0;
}

export async function finishCheck(args: FinishArgs): Promise<number> {
  const outcomes = [...args.outcomes].sort(byTaskThenRun);
  const cells = outcomes.map((o) => o.cell);
  const doc = resultDocument(cells, VERSION);
  const interrupted = isCabError(args.failure) && args.failure.code === 'interrupted';
  if (args.failure !== null && cells.length === 0 && !interrupted) throw args.failure;
  if (cells.length > 0) await save(args, outcomes, doc);
  const { baseline, failOnRegression } = args.config;
  const comparison = cells.length > 0 ? await compareWithBaseline({ baseline: baseline ?? null, failOnRegression: failOnRegression ?? null, cells, cwd: args.io.cwd, outDir: args.outDir }) : null;
  await print(args, cells, doc, comparison);
  await writeCiReports({ cells, summary: doc.summary, markdownPath: args.config.summaryMd, junitPath: args.config.junit, env: args.io.env, comparison });
  if (args.config.interactiveUsed) args.io.stderr(`\nReproduce without prompts:\n  ${reproduceCommand(args.config)}\n`);
  if (interrupted) {
    args.io.stderr(`interrupted: ${cells.length} cell(s) finished and ${cells.length > 0 && args.outDir ? 'saved' : 'reported'}; scratch dirs removed${args.config.keep ? ' (except --keep)' : ''}\n`);
    return 130;
  }
  if (args.failure !== null) throw args.failure;
  const code = gates(args.config, doc, args.io);
  if (comparison?.gate?.failed) args.io.stderr(`regressed against ${comparison.baseline.label} (--fail-on-regression ${comparison.gate.axes.join(',')})\n`);
  return comparison?.gate?.failed ? 1 : code;
}

