// Builders of normal and hostile task bundles for tests. Hostile entries (`..`, absolute
// paths, devices, FIFOs, setuid, hardlinks…) are written as raw ustar headers, because
// node-tar refuses to create them. The task hash here is an independent implementation of
// SPEC §5 (sorted `<path>\0<sha256>\n` lines), so it cross-checks src/bundle/task-hash.ts.

import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tempDir as registeredTempDir } from './temp.js';

export type Body = string | Buffer;

export interface RawEntry {
  path: string;
  /** ustar typeflag: '0' file, '1' hardlink, '2' symlink, '3' char dev, '4' block dev, '5' dir, '6' FIFO, 'x' pax, 'L' GNU long name. */
  type?: string;
  body?: Body;
  /** Declared size when it must differ from the body (huge or truncated entries). */
  size?: number;
  mode?: number;
  linkpath?: string;
  badChecksum?: boolean;
}

function putString(block: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar-fixtures: "${value}" does not fit in ${length} bytes`);
  bytes.copy(block, offset);
}

function putOctal(block: Buffer, offset: number, length: number, value: number): void {
  putString(block, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function putSize(block: Buffer, value: number): void {
  if (value < 8 ** 11) {
    putOctal(block, 124, 12, value);
    return;
  }
  block[124] = 0x80; // base-256, big-endian in the remaining 11 bytes
  let rest = BigInt(value);
  for (let i = 135; i > 124; i--) {
    block[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

/** One 512-byte ustar header. */
export function rawHeader(entry: RawEntry, size: number): Buffer {
  const block = Buffer.alloc(512);
  const type = entry.type ?? '0';
  putString(block, 0, 100, entry.path);
  putOctal(block, 100, 8, entry.mode ?? (type === '5' ? 0o755 : 0o644));
  putOctal(block, 108, 8, 0);
  putOctal(block, 116, 8, 0);
  putSize(block, size);
  putOctal(block, 136, 12, 1_700_000_000);
  putString(block, 156, 1, type);
  putString(block, 157, 100, entry.linkpath ?? '');
  putString(block, 257, 6, 'ustar\0');
  putString(block, 263, 2, '00');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  if (entry.badChecksum) sum += 1;
  putString(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** Header + body padded to 512 bytes. */
export function rawEntry(entry: RawEntry): Buffer {
  const body = Buffer.from(entry.body ?? '');
  const size = entry.size ?? body.length;
  const padding = (512 - (body.length % 512)) % 512;
  return Buffer.concat([rawHeader(entry, size), body, Buffer.alloc(padding)]);
}

export function dirEntry(path: string, mode = 0o755): Buffer {
  return rawEntry({ path: path.endsWith('/') ? path : `${path}/`, type: '5', mode });
}

export function fileEntry(path: string, body: Body, mode = 0o644): Buffer {
  return rawEntry({ path, body, mode });
}

/** A pax extended header whose records apply to the next entry. */
export function paxEntry(records: Record<string, string>): Buffer {
  const lines = Object.entries(records).map(([key, value]) => {
    const tail = ` ${key}=${value}\n`;
    let length = tail.length + 1;
    while (`${length}${tail}`.length !== length) length++;
    return `${length}${tail}`;
  });
  return rawEntry({ path: 'PaxHeader/x', type: 'x', body: lines.join('') });
}

/** A GNU long-name header whose name applies to the next entry. */
export function gnuLongName(path: string): Buffer {
  return rawEntry({ path: '././@LongLink', type: 'L', body: `${path}\0` });
}

export const EOF_BLOCKS = Buffer.alloc(1024);

export function tarOf(parts: Buffer[], opts: { eof?: boolean } = {}): Buffer {
  return Buffer.concat([...parts, ...(opts.eof === false ? [] : [EOF_BLOCKS])]);
}

export function gzipOf(tar: Buffer): Buffer {
  return gzipSync(tar);
}

// ---------------------------------------------------------------------------------------------
// Tasks: a valid task.json, the files of a small task, their hash, a manifest for them.

export type TaskFiles = Record<string, Body>;

export function taskJson(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    category: id.split('/')[0],
    language: 'python',
    title: `Fixture ${id}`,
    version: '1',
    max_turns: 10,
    timeout_s: 300,
    test: ['python3', '-m', 'unittest'],
    verify: ['python3', '-m', 'unittest'],
    ground_truth_files: ['calc.py'],
    expected_refusal: false,
    refusal_docs: [],
    protected: ['tests/**'],
    constraints: [{ kind: 'no-new-dependency' }],
    toolchains: ['python3'],
    ignore: ['__pycache__/'],
    ...overrides,
  };
}

export function taskFiles(id: string): TaskFiles {
  return {
    'task.json': `${JSON.stringify(taskJson(id), null, 2)}\n`,
    'workdir/README.md': `# ${id}\nFix calc.add.\n`,
    'workdir/AGENTS.md': 'Do not touch tests/.\n',
    'workdir/calc.py': 'def add(a, b):\n    return a - b\n',
    'workdir/tests/test_calc.py': 'import unittest\n',
    'solution/calc.py': 'def add(a, b):\n    return a + b\n',
    'grader/grade.py': 'print("ok")\n',
  };
}

/** SPEC §5, written independently of src/bundle/task-hash.ts. */
export function hashFiles(files: TaskFiles): { sha256: string; files: number; bytes: number } {
  const paths = Object.keys(files).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const outer = createHash('sha256');
  let bytes = 0;
  for (const path of paths) {
    const content = Buffer.from(files[path] as Body);
    bytes += content.length;
    outer.update(`${path}\0${createHash('sha256').update(content).digest('hex')}\n`);
  }
  return { sha256: outer.digest('hex'), files: paths.length, bytes };
}

export interface FixtureTask {
  id: string;
  files: TaskFiles;
}

export function manifestFor(tasks: FixtureTask[]): Record<string, unknown> {
  return {
    bundle_version: 1,
    created_at: '2025-01-01T00:00:00.000Z',
    tasks: tasks.map(({ id, files }) => ({
      id,
      category: id.split('/')[0],
      language: 'python',
      title: `Fixture ${id}`,
      toolchains: ['python3'],
      ...hashFiles(files),
    })),
  };
}

/** The entries of a task folder: its folder, sub-folders and files, sorted. */
export function taskEntries(task: FixtureTask): Buffer[] {
  const dirs = new Set<string>([task.id]);
  for (const path of Object.keys(task.files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(`${task.id}/${parts.slice(0, i).join('/')}`);
  }
  const all = [...dirs].map((d) => ({ path: d, dir: true })).concat(Object.keys(task.files).map((p) => ({ path: `${task.id}/${p}`, dir: false })));
  all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return all.map((e) => (e.dir ? dirEntry(e.path) : fileEntry(e.path, task.files[e.path.slice(task.id.length + 1)] as Body)));
}

export function manifestEntry(manifest: unknown): Buffer {
  return fileEntry('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A whole valid bundle as raw tar parts: manifest.json, then each task's entries. */
export function bundleParts(tasks: FixtureTask[]): Buffer[] {
  return [manifestEntry(manifestFor(tasks)), ...tasks.flatMap((task) => taskEntries(task))];
}

export async function writeBundle(file: string, parts: Buffer[], opts: { eof?: boolean } = {}): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, gzipOf(tarOf(parts, opts)));
  return file;
}

// ---------------------------------------------------------------------------------------------
// Real folders on disk (for pack) and a look at what a folder holds (for "nothing landed").

export async function writeTree(root: string, files: TaskFiles, modes: Record<string, number> = {}): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
    if (modes[path] !== undefined) await chmod(abs, modes[path] as number);
  }
}

/** Every path under root (folders end with '/'), sorted. */
export async function listTree(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const items = await readdir(join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const item of items) {
      const child = rel ? `${rel}/${item.name}` : item.name;
      out.push(item.isDirectory() ? `${child}/` : child);
      if (item.isDirectory()) await walk(child);
    }
  }
  await walk('');
  return out.sort();
}

/** Removed after the test file (see helpers/temp.ts). */
export function tempDir(prefix = 'cab-bundle-test-'): Promise<string> {
  return registeredTempDir(prefix);
}
