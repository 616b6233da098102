// For `bundle`: finds the task folders `<category>/<name>/task.json` of a source tree and
// checks each one (task.json valid, id == folder path, the files every task needs, no
// symlinks, no .git), listing what will be packed — build droppings left out.

import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CabError, messageOf } from '../errors.js';
import { compareBytes } from './task-hash.js';
import { parseTaskSpec, type TaskSpec } from './task-spec.js';

export type SkipNotice = (path: string, reason: string) => void;

export interface TaskSource {
  id: string;
  dir: string;
  spec: TaskSpec;
  /** Relative to the task folder, pre-order, sorted; folders and files to pack. */
  entries: { path: string; kind: 'file' | 'directory'; executable: boolean }[];
}

const DROPPING_DIRS = new Set(['target', 'out', '__pycache__', 'node_modules']);
const HINT = 'fix the task folder, then run `codingagentbench bundle` again';

function isDropping(name: string, isDir: boolean): boolean {
  return isDir ? DROPPING_DIRS.has(name) : name.endsWith('.pyc') || name === '.DS_Store';
}

/** Visible subfolders, sorted. A symlinked folder is an error, not silently skipped. */
async function subfolders(dir: string): Promise<string[]> {
  const items = (await readdir(dir, { withFileTypes: true })).filter((item) => !item.name.startsWith('.'));
  const link = items.find((item) => item.isSymbolicLink());
  if (link) {
    throw new CabError('bundle', `${join(dir, link.name)}: is a symlink; task folders must be real folders`, { hint: HINT });
  }
  return items.filter((item) => item.isDirectory()).map((item) => item.name).sort(compareBytes);
}

async function isFile(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null))?.isFile() ?? false;
}

/** `<category>/<name>` folders holding a task.json, sorted; other folders are reported. */
export async function findTaskDirs(srcDir: string, onSkip: SkipNotice): Promise<{ id: string; dir: string }[]> {
  const found: { id: string; dir: string }[] = [];
  const categories = await subfolders(srcDir).catch((error: unknown) => {
    throw new CabError('bundle', `cannot read task folder ${srcDir}: ${messageOf(error)}`, { hint: 'pass the folder that holds <category>/<name>/task.json', cause: error });
  });
  for (const category of categories) {
    for (const name of await subfolders(join(srcDir, category))) {
      const id = `${category}/${name}`;
      if (await isFile(join(srcDir, id, 'task.json'))) found.push({ id, dir: join(srcDir, id) });
      else onSkip(`${id}/`, 'no task.json');
    }
  }
  if (found.length === 0) {
    throw new CabError('bundle', `no tasks under ${srcDir}`, { hint: 'tasks live in <category>/<name>/task.json' });
  }
  return found;
}

async function readSpec(dir: string, id: string): Promise<TaskSpec> {
  const where = `${id}/task.json`;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(dir, 'task.json'), 'utf8'));
  } catch (error) {
    throw new CabError('bundle', `${where}: not valid JSON (${messageOf(error)})`, { hint: HINT, cause: error });
  }
  const spec = parseTaskSpec(json, where);
  if (spec.id !== id) throw new CabError('bundle', `${where}: id "${spec.id}" does not match its folder "${id}"`, { hint: HINT });
  return spec;
}

async function listEntries(dir: string, id: string, onSkip: SkipNotice): Promise<TaskSource['entries']> {
  const entries: TaskSource['entries'] = [];
  async function walk(rel: string): Promise<void> {
    const names = (await readdir(join(dir, rel))).sort(compareBytes);
    for (const name of names) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const stat = await lstat(join(dir, child));
      const where = `${id}/${child}`;
      if (name.toLowerCase() === '.git') {
        throw new CabError('bundle', `${where}: a .git folder cannot be packed (bundles refuse .git paths)`, { hint: 'remove it from the task' });
      }
      if (!stat.isDirectory() && !stat.isFile()) {
        throw new CabError('bundle', `${where}: is a symlink or special file; tasks hold only regular files and folders`, { hint: HINT });
      }
      if (isDropping(name, stat.isDirectory())) {
        onSkip(stat.isDirectory() ? `${where}/` : where, 'build output');
        continue;
      }
      entries.push({ path: child, kind: stat.isDirectory() ? 'directory' : 'file', executable: (stat.mode & 0o111) !== 0 });
      if (stat.isDirectory()) await walk(child);
    }
  }
  await walk('');
  return entries;
}

function requireLayout(id: string, entries: TaskSource['entries']): void {
  const has = (path: string, kind: 'file' | 'directory'): boolean => entries.some((e) => e.path === path && e.kind === kind);
  const missing = [
    has('workdir/README.md', 'file') ? null : 'workdir/README.md',
    has('workdir/AGENTS.md', 'file') ? null : 'workdir/AGENTS.md',
    has('solution', 'directory') ? null : 'solution/',
  ].filter((item): item is string => item !== null);
  if (missing.length > 0) {
    throw new CabError('bundle', `${id}: missing ${missing.join(', ')}`, { hint: 'every task needs workdir/README.md (the prompt), workdir/AGENTS.md and solution/' });
  }
}

export async function readTaskSource(id: string, dir: string, onSkip: SkipNotice): Promise<TaskSource> {
  const dirStat = await lstat(dir);
  if (!dirStat.isDirectory()) throw new CabError('bundle', `${id}: is a symlink, not a folder`, { hint: HINT });
  const spec = await readSpec(dir, id);
  const entries = await listEntries(dir, id, onSkip);
  requireLayout(id, entries);
  return { id, dir, spec, entries };
}
