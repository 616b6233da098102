// `report <result.json|dir…>`: one table over saved results, every composite recomputed from the
// raw axes (a stored composite is never trusted); grouped by driver × model when there are several.
// `--compare A B`: the two sets side by side, with `--fail-on-regression` as a gate.
// `--json` prints `{ results, summary }` (and `comparison`); `--html` writes one self-contained page.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CabError } from '../errors.js';
import type { Io } from '../io.js';
import { useColor } from '../io.js';
import { redactDeep, type Redactor } from '../redact.js';
import { writeCiReports } from '../report/ci-reports.js';
import { compareSets, gateComparison, parseGateAxes, type Comparison } from '../report/compare.js';
import { renderComparison } from '../report/compare-text.js';
import { resultDocument, TOOL_NAME } from '../report/document.js';
import { loadRunSet, parseSince, type RunSet } from '../report/run-sets.js';
import { renderTable } from '../report/table.js';
import { summarize } from '../score/summary.js';
import type { Cell } from '../score/types.js';
import { VERSION } from '../version.js';
import { flagBool, flagString, type CommandArgs } from './args.js';
import { byCodePoint } from '../util/compare.js';

export interface ReportArgs {
  files: string[];
  json: boolean;
  color: boolean;
  compare?: boolean;
  failOnRegression?: string[] | null;
  html?: string | null;
  since?: Date | null;
  summaryMd?: string | null;
  junit?: string | null;
}

type ReportIo = Pick<Io, 'stdout'> & Partial<Pick<Io, 'stderr' | 'env' | 'redact'>>;

const USAGE_HINT = 'codingagentbench report cab-runs/*/result.json   ·   report --compare cab-runs/<before> cab-runs/<after>';

/** Several driver × model pairs: one table each, under a heading; the banner only once. */
function renderTables(cells: Cell[], color: boolean): string {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = `${cell.tui} · ${cell.model ?? 'no-model'}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  if (groups.size <= 1) return renderTable(cells, summarize(cells), { color });
  return [...groups]
    .map(([key, group], i) => {
      const table = renderTable(group, summarize(group), { color }).split('\n');
      return [...(i === 0 ? table.slice(0, 1) : []), `── ${key} ──`, ...table.slice(1)].join('\n');
    })
    .join('\n');
}

async function writeHtml(path: string, sets: RunSet[], comparison: Comparison | null, redact: Redactor): Promise<void> {
  const { loadArtifacts, budgetPerCell } = await import('../report/html-artifacts.js');
  const { renderHtml } = await import('../report/html.js');
  const last = sets[sets.length - 1];
  const artifacts = new Map();
  const budget = budgetPerCell(last?.entries.length ?? 1);
  for (const entry of last?.entries ?? []) artifacts.set(entry.cell, redactDeep(await loadArtifacts(entry, budget), redact));
  const page = renderHtml({ sets, comparison, artifacts, generatedAt: new Date().toISOString(), version: `${TOOL_NAME} ${VERSION}` });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, redact(page));
}

async function loadSets(args: ReportArgs): Promise<RunSet[]> {
  const since = args.since ?? null;
  if (!args.compare) return [await loadRunSet(args.files, { since })];
  if (args.files.length !== 2) throw new CabError('usage', `--compare needs exactly two sets, got ${args.files.length}`, { hint: USAGE_HINT });
  return [await loadRunSet([args.files[0] ?? ''], { since }), await loadRunSet([args.files[1] ?? ''], { since })];
}

export async function reportCommand(args: ReportArgs, io: ReportIo): Promise<number> {
  if (args.files.length === 0) throw new CabError('usage', 'report needs at least one result file or folder', { hint: USAGE_HINT });
  if (args.failOnRegression && !args.compare) throw new CabError('usage', '--fail-on-regression needs --compare A B', { hint: USAGE_HINT });
  const sets = await loadSets(args);
  const redact = io.redact ?? ((s: string) => s);
  const [first, second] = sets;
  let comparison: Comparison | null = null;
  if (first && second) {
    comparison = compareSets({ label: first.label, cells: first.entries.map((e) => e.cell) }, { label: second.label, cells: second.entries.map((e) => e.cell) });
    if (args.failOnRegression) comparison = gateComparison(comparison, args.failOnRegression);
  }
  const cells = (second ?? first)?.entries.map((e) => e.cell) ?? [];
  const doc = resultDocument(cells, VERSION);
  if (args.json) io.stdout(`${JSON.stringify(comparison ? { ...doc, comparison } : doc, null, 2)}\n`);
  else io.stdout(comparison ? renderComparison(comparison, { color: args.color }) : renderTables(cells, args.color));
  if (args.html) await writeHtml(args.html, sets, comparison, redact);
  await writeCiReports({ cells, summary: doc.summary, markdownPath: args.summaryMd ?? null, junitPath: args.junit ?? null, env: comparison ? (io.env ?? {}) : {}, comparison }); // $GITHUB_STEP_SUMMARY only for a comparison
  if (args.html) io.stderr?.(`wrote ${args.html}\n`);
  if (comparison?.gate?.failed) {
    io.stderr?.(`regressed against ${comparison.baseline.label} (--fail-on-regression ${comparison.gate.axes.join(',')})\n`);
    return 1;
  }
  return 0;
}

/** cli.ts → reportCommand: the flags read once, here. */
export function reportCli(args: CommandArgs, io: Io): Promise<number> {
  const since = flagString(args, 'since');
  return reportCommand(
    {
      files: args.positionals,
      json: flagBool(args, 'json'),
      color: useColor(io, 'stdout', flagBool(args, 'no-color')),
      compare: flagBool(args, 'compare'),
      failOnRegression: parseGateAxes(flagString(args, 'fail-on-regression')),
      html: flagString(args, 'html') ?? null,
      since: since === undefined ? null : parseSince(since),
      summaryMd: flagString(args, 'summary-md') ?? null,
      junit: flagString(args, 'junit') ?? null,
    },
    io,
  );
}
