// Selecting saved runs for `report` and `--baseline`: any mix of result.json files, run folders
// (holding result.json) and folders of runs (./cab-runs), so shell globs work
// (`report cab-runs/20261207-*`). `--since` keeps cells that started on or after a date.
// Each cell keeps the folder it was saved in: its diff and transcript live there.

import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CabError } from '../errors.js';
import { readResultFile } from '../score/result-files.js';
import type { Cell } from '../score/types.js';

export interface SourcedCell {
  cell: Cell;
  runDir: string; // the folder of the result.json it came from
}

export interface RunSet {
  label: string;
  entries: SourcedCell[];
}

const isFile = async (path: string): Promise<boolean> => (await stat(path).catch(() => null))?.isFile() ?? false;

/** The result.json files a path names: itself, its own result.json, or those of its sub-folders. */
async function resultFilesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new CabError('usage', `no such file or folder: ${path}`, { hint: 'pass result.json files or folders of saved runs (default ./cab-runs)' });
  if (info.isFile()) return [path];
  if (await isFile(join(path, 'result.json'))) return [join(path, 'result.json')];
  const names = (await readdir(path)).sort();
  const files: string[] = [];
  for (const name of names) if (await isFile(join(path, name, 'result.json'))) files.push(join(path, name, 'result.json'));
  if (files.length === 0) throw new CabError('usage', `no result.json in ${path} or its sub-folders`, { hint: 'runs are saved by `check` under ./cab-runs/<run-id>/' });
  return files;
}

/** "2026-12-01", an ISO time, or a span back from now: "36h", "7d". */
export function parseSince(raw: string, now: Date = new Date()): Date {
  const span = /^(\d+)([hd])$/.exec(raw.trim());
  if (span) return new Date(now.getTime() - Number(span[1]) * (span[2] === 'h' ? 3_600_000 : 86_400_000));
  const date = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(date.getTime())) {
    throw new CabError('usage', `--since must be a date (2026-12-01), an ISO time or a span (36h, 7d), got '${raw}'`);
  }
  return date;
}

function startedOnOrAfter(cell: Cell, since: Date, fallback: number): boolean {
  const when = Date.parse(cell.started_at || cell.ended_at);
  return (Number.isNaN(when) ? fallback : when) >= since.getTime();
}

/** Driver × model first, then task and run: the same order whatever order the files came in. */
export function byDriverTaskRun(a: Cell, b: Cell): number {
  const key = (c: Cell): string => `${c.tui}\u0000${c.model ?? ''}`;
  return key(a).localeCompare(key(b)) || a.task_id.localeCompare(b.task_id) || a.run_index - b.run_index || a.cell_id.localeCompare(b.cell_id);
}

function labelOf(paths: readonly string[]): string {
  if (paths.length === 1 && paths[0]) return basename(paths[0]) === 'result.json' ? basename(dirname(resolve(paths[0]))) : basename(resolve(paths[0]));
  return `${paths.length} paths`;
}

export async function loadRunSet(paths: readonly string[], opts: { since?: Date | null; label?: string } = {}): Promise<RunSet> {
  const entries: SourcedCell[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    for (const file of await resultFilesUnder(path)) {
      const absolute = resolve(file);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      const mtime = (await stat(absolute)).mtimeMs;
      for (const cell of await readResultFile(file)) {
        if (opts.since && !startedOnOrAfter(cell, opts.since, mtime)) continue;
        entries.push({ cell, runDir: dirname(absolute) });
      }
    }
  }
  entries.sort((x, y) => byDriverTaskRun(x.cell, y.cell));
  return { label: opts.label ?? labelOf(paths), entries };
}
