// `show --last`: the newest saved diff of a task under the runs folder, and its colouring.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pc from 'picocolors';
import { CabError } from '../errors.js';

export async function findLastDiff(runsDir: string, taskId: string): Promise<{ path: string; diff: string }> {
  const runs = await readdir(runsDir).catch(() => [] as string[]);
  const candidates: Array<{ path: string; mtime: number }> = [];
  for (const run of runs) {
    const taskDir = join(runsDir, run, ...taskId.split('/'));
    const cells = await readdir(taskDir).catch(() => [] as string[]);
    for (const cell of cells.filter((c) => /^run\d+$/.test(c))) {
      const path = join(taskDir, cell, 'diff.patch');
      const info = await stat(path).catch(() => null);
      if (info) candidates.push({ path, mtime: info.mtimeMs });
    }
  }
  const newest = candidates.sort((a, b) => b.mtime - a.mtime)[0];
  if (!newest) {
    throw new CabError('usage', `no saved run of '${taskId}' under ${runsDir}`, { hint: `run \`codingagentbench check --task ${taskId}\` first (results are saved unless --no-save)` });
  }
  return { path: newest.path, diff: await readFile(newest.path, 'utf8') };
}

export function colorDiff(diff: string, color: boolean): string {
  if (!color) return diff;
  const paint = pc.createColors(true);
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return paint.bold(line);
      if (line.startsWith('+')) return paint.green(line);
      if (line.startsWith('-')) return paint.red(line);
      if (line.startsWith('@@')) return paint.cyan(line);
      return line;
    })
    .join('\n');
}
