// Reports CI systems read: JUnit XML (one testcase per cell) and a Markdown summary
// (also appended to $GITHUB_STEP_SUMMARY when set).

import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Cell, Summary } from '../score/types.js';
import type { Comparison } from './compare.js';
import { markdownSummary } from './markdown.js';
import { junitXml } from './junit.js';

interface CiReportArgs {
  cells: Cell[];
  summary: Summary;
  markdownPath: string | null;
  junitPath: string | null;
  env: Readonly<Record<string, string | undefined>>;
  comparison?: Comparison | null; // with --baseline: a section / a testsuite of its own
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

export async function writeCiReports(args: CiReportArgs): Promise<void> {
  const stepSummary = args.env.GITHUB_STEP_SUMMARY;
  if (args.markdownPath || stepSummary) {
    const markdown = markdownSummary(args.cells, args.summary, args.comparison ?? null);
    if (args.markdownPath) await writeText(args.markdownPath, markdown);
    if (stepSummary) await appendFile(stepSummary, markdown);
  }
  if (args.junitPath) await writeText(args.junitPath, junitXml(args.cells, args.comparison ?? null));
}
