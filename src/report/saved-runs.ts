// Results saved under ./cab-runs: the newest cell of each task (for the picker's "last result").

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface LastResult {
  pass: boolean;
  composite: number;
  ended_at: string;
}

export async function readLastResults(runsDir: string): Promise<Map<string, LastResult>> {
  const out = new Map<string, LastResult>();
  const runs = await readdir(runsDir).catch(() => [] as string[]);
  const dated = await Promise.all(runs.map(async (r) => ({ r, mtime: (await stat(join(runsDir, r, 'result.json')).catch(() => null))?.mtimeMs ?? -1 })));
  for (const { r } of dated.filter((d) => d.mtime >= 0).sort((a, b) => b.mtime - a.mtime).slice(0, 50)) {
    try {
      const doc = JSON.parse(await readFile(join(runsDir, r, 'result.json'), 'utf8')) as { results?: Array<Record<string, any>> };
      for (const cell of doc.results ?? []) {
        if (cell.status !== 'scored' || out.has(cell.task_id)) continue;
        out.set(cell.task_id, { pass: cell.pass_rate?.pass === 1, composite: Number(cell.composite?.composite ?? 0), ended_at: String(cell.ended_at ?? '') });
      }
    } catch {
      // an unreadable saved result is skipped: the picker only decorates with it
    }
  }
  return out;
}
