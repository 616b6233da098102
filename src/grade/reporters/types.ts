// A per-test reporter for one kind of test command: how to run it so that every test's status
// can be read (a structured reporter where the toolchain has one), and how to read it back.

import type { ExecResult } from '../../workspace/types.js';
import type { CanaryPlan, TestStatus } from '../types.js';

export interface ReporterContext {
  gradedDir: string; // the read-only graded tree (the cwd)
  runDir: string; // writable, outside the graded tree: runner files and results live here
  canaries: CanaryPlan | null; // a reporter that owns the exit code leaves the must-fail canary out of it
}

export interface PreparedRun {
  argv: string[];
  env: Record<string, string>;
  resultsFile: string | null; // read after the run, when the reporter writes one
}

export interface Reporter {
  name: string;
  matches(argv: readonly string[], language: string): boolean;
  prepare(argv: readonly string[], ctx: ReporterContext): Promise<PreparedRun>;
  parse(exec: ExecResult, results: string | null, ctx: ReporterContext): TestStatus[];
  /** Did the run finish cleanly? Default: it exited 0. */
  finished?(exec: ExecResult, results: string | null): boolean;
}

/** Where a reporter that runs in a trusted process finds the must-fail canary's name; it deletes the file once read. */
export function canaryFile(ctx: ReporterContext): string | null {
  return ctx.canaries?.mustFail ? `${ctx.runDir}/must-fail-canary.json` : null;
}

/** Lines of JSON objects; anything else on a line is skipped (a crash can cut the last one). */
export function jsonLines(text: string | null): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of (text ?? '').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object' && !Array.isArray(value)) out.push(value as Record<string, unknown>);
    } catch {
      // a torn line: the process died mid-write
    }
  }
  return out;
}

export const isNamed = (name: string) => (argv: readonly string[]): boolean => {
  const base = (argv[0] ?? '').split('/').pop() ?? '';
  return base === name;
};
