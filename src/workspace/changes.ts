// Pristine workdir vs the workdir the agent left: added, removed, modified (size + sha256),
// `ignore` globs and every `.git` left out; texts kept for changed files so scoring can read the
// diff. Symlinks are never followed: one in the workdir is a change of its own (binary, no text);
// FIFOs, sockets and devices likewise (never opened, so a FIFO cannot hang the walk).

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { folderIgnored, matchesAny } from './glob.js';
import type { FileChange, WorkdirChanges } from './types.js';

// Texts are kept up to this size so every diff-based check sees every line; a larger file has no
// text, and checks that need it fail closed (grade/graded-copy.ts leaves it out and says so).
export const TEXT_CAP_BYTES = 16 * 1024 * 1024;

type EntryKind = 'file' | 'link' | 'special';

interface Entry {
  abs: string;
  size: number;
  kind: EntryKind;
}

const kindOf = (info: { isFile(): boolean; isSymbolicLink(): boolean }): EntryKind =>
  info.isFile() ? 'file' : info.isSymbolicLink() ? 'link' : 'special';

interface Walked {
  entries: Map<string, Entry>;
  gitDirs: Set<string>; // every `.git` seen (folder, file or link), at any depth
  ignored: Set<string>; // paths left out by an `ignore` glob (a folder once, not its contents)
}

async function walk(root: string, ignore: readonly string[]): Promise<Walked> {
  const out = new Map<string, Entry>();
  const gitDirs = new Set<string>();
  const ignored = new Set<string>();
  async function visit(dir: string, prefix: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.name === '.git') {
        gitDirs.add(rel); // left out of the changes, but remembered for extra_git_dir
        continue;
      }
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!folderIgnored(rel, ignore)) await visit(abs, rel);
        else ignored.add(`${rel}/`);
      } else if (!matchesAny(rel, ignore)) {
        const info = await lstat(abs).catch(() => null);
        if (info) out.set(rel, { abs, size: info.size, kind: kindOf(info) });
      } else {
        ignored.add(rel);
      }
    }
  }
  await visit(root, '');
  return { entries: out, gitDirs, ignored };
}

async function digest(entry: Entry): Promise<string> {
  const hash = createHash('sha256');
  if (entry.kind === 'link') return hash.update(`link:${await readlink(entry.abs)}`).digest('hex');
  if (entry.kind === 'special') return hash.update('special').digest('hex');
  for await (const chunk of createReadStream(entry.abs)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function same(a: Entry, b: Entry): Promise<boolean> {
  if (a.kind !== b.kind || a.size !== b.size) return false;
  return (await digest(a)) === (await digest(b));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text when it is UTF-8 without NUL and within the cap; binary for anything else but size. */
async function textOf(entry: Entry | undefined): Promise<{ text: string | null; binary: boolean }> {
  if (!entry) return { text: null, binary: false };
  if (entry.kind !== 'file') return { text: null, binary: true };
  if (entry.size > TEXT_CAP_BYTES) return { text: null, binary: false };
  const bytes = await readFile(entry.abs);
  if (bytes.includes(0)) return { text: null, binary: true };
  try {
    return { text: utf8.decode(bytes), binary: false };
  } catch {
    return { text: null, binary: true };
  }
}

async function change(path: string, before: Entry | undefined, after: Entry | undefined): Promise<FileChange | null> {
  if (before && after && (await same(before, after))) return null;
  const kind = !before ? 'added' : !after ? 'removed' : 'modified';
  const [b, a] = await Promise.all([textOf(before), textOf(after)]);
  return { path, kind, before: b.text, after: a.text, binary: b.binary || a.binary };
}

/**
 * Pristine vs work. extra_git_dir: the workdir has a `.git` (at any depth: `git init` in a
 * subfolder, `cargo new`) where the pristine copy has none; the files inside never count as changes.
 */
export async function compareTrees(pristineDir: string, workDir: string, ignore: readonly string[]): Promise<WorkdirChanges> {
  const [before, after] = await Promise.all([walk(pristineDir, ignore), walk(workDir, ignore)]);
  const paths = [...new Set([...before.entries.keys(), ...after.entries.keys()])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const c = await change(path, before.entries.get(path), after.entries.get(path));
    if (c) changes.push(c);
  }
  const extra_git_dir = [...after.gitDirs].some((rel) => !before.gitDirs.has(rel));
  const ignored_added = [...after.ignored].filter((rel) => !before.ignored.has(rel)).sort();
  return { changes, extra_git_dir, ignored_added };
}
