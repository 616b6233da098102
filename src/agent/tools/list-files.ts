// list_files {path?}: files under a folder (or the workdir), workdir-relative, sorted, capped.
// .git, dependency caches and the task's `ignore` build folders are skipped; symlinks are listed,
// never followed.

import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskSpec } from '../../bundle/task-spec.js';
import { resolveInside } from '../../workspace/safe-path.js';
import { folderIgnored, matchesAny } from '../../workspace/glob.js';
import { AGENT_LIMITS } from '../limits.js';
import { pathArg } from './args.js';
import { fail, ok, type AgentTool } from './types.js';

/** Folders never worth showing a model: VCS data and dependency / tool caches. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '__pycache__', '.venv', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.gradle']);

interface Walk {
  files: string[];
  skipped: Set<string>;
  truncated: boolean; // the scan cap was hit: counts are a lower bound
}

function skipFolder(rel: string, name: string, task: TaskSpec): boolean {
  return ALWAYS_SKIPPED.has(name) || folderIgnored(rel, task.ignore);
}

async function walk(root: string, start: string, task: TaskSpec): Promise<Walk> {
  const out: Walk = { files: [], skipped: new Set(), truncated: false };
  const queue: string[] = [start];
  while (queue.length > 0) {
    const rel = queue.shift() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(rel === '' ? root : join(root, rel), { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to list
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (skipFolder(child, entry.name, task)) out.skipped.add(`${child}/`);
        else queue.push(child);
      } else if (!matchesAny(child, task.ignore)) {
        out.files.push(entry.isSymbolicLink() ? `${child} (symlink)` : child);
      }
      if (out.files.length >= AGENT_LIMITS.listFilesScan) {
        out.truncated = true;
        return out;
      }
    }
  }
  return out;
}

function render(result: Walk, shownFrom: string, max: number): string {
  const files = result.files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = files.slice(0, max);
  if (files.length === 0) lines.push(`(no files under ${shownFrom || '.'})`);
  if (files.length > max) {
    const more = files.length - max;
    lines.push(`… +${more}${result.truncated ? '+' : ''} more files not shown (list a subfolder to see them)`);
  }
  if (result.skipped.size > 0) {
    lines.push(`(not listed: ${[...result.skipped].sort().join(', ')} — VCS data, caches or build output)`);
  }
  return lines.join('\n');
}

/** The listing of a workdir folder ("" = the root) as the model sees it, at most `max` paths. */
export async function renderFileList(workdir: string, rel: string, task: TaskSpec, max: number = AGENT_LIMITS.listFilesEntries): Promise<string> {
  return render(await walk(workdir, rel, task), rel, max);
}

export const listFilesTool: AgentTool = {
  name: 'list_files',
  description:
    'List the files under a folder of the working directory (default: the whole working directory), one workdir-relative path per line, sorted. Build output and caches are left out.',
  parameters: {
    type: 'object',
    properties: { path: { type: 'string', description: 'folder relative to the working directory; omit for the root' } },
    required: [],
    additionalProperties: false,
  },
  async run(args, ctx) {
    const rel = pathArg(args, 'path', false);
    if (rel !== '') {
      const abs = await resolveInside(ctx.workdir, rel, 'read');
      const info = await stat(abs);
      if (!info.isDirectory()) return ok(rel);
    }
    if (rel !== '' && rel.split('/').some((part) => ALWAYS_SKIPPED.has(part))) {
      return fail(`${rel} is a cache or VCS folder and is not listed`);
    }
    return ok(await renderFileList(ctx.workdir, rel, ctx.task));
  },
};
