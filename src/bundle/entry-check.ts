// Judges one tar entry at a time (SPEC §6): only files and folders, canonical relative paths,
// no `.git`, sane modes, sizes and counts under the caps, no duplicates. Stateful over one pass.

import type { ReadEntry } from 'tar';
import { CabError } from '../errors.js';
import type { ExtractLimits } from './limits.js';

export interface SafeEntry {
  /** Relative path with `/` separators and no trailing slash. */
  path: string;
  kind: 'file' | 'directory';
  size: number;
  /** Normalised: 0o755 for folders and executable files, else 0o644. */
  mode: number;
}

const MAX_PATH_CHARS = 1024;
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
const TYPE_NAMES: Record<string, string> = {
  SymbolicLink: 'a symlink',
  Link: 'a hard link',
  CharacterDevice: 'a character device',
  BlockDevice: 'a block device',
  FIFO: 'a FIFO',
};

export function unsafeEntry(path: string, what: string): CabError {
  const shown = JSON.stringify(path.length > 120 ? `${path.slice(0, 117)}...` : path);
  return new CabError('bundle', `unsafe bundle: entry ${shown} ${what}; nothing was extracted`, {
    hint: 'the tarball is damaged or hostile; use a bundle made by `codingagentbench bundle`',
  });
}

export function describeType(type: string): string {
  return TYPE_NAMES[type] ?? `of unsupported type ${type}`;
}

/** Reason the path is not a canonical relative path, or null when it is fine. */
export function pathProblem(path: string, maxDepth: number): string | null {
  if (path === '') return 'has an empty path';
  if (path.length > MAX_PATH_CHARS) return `has a path longer than ${MAX_PATH_CHARS} characters`;
  if (path.includes('\0')) return 'has a NUL byte in its path';
  if (path.includes('\\')) return 'has a backslash in its path';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'has an absolute path';
  const segments = path.split('/');
  if (segments.includes('..')) return "has a '..' segment";
  if (segments.includes('.') || segments.includes('')) return 'has an empty or "." path segment';
  if (segments.some((s) => s.toLowerCase() === '.git')) return 'is inside a .git folder';
  if (segments.length > maxDepth) return `is nested ${segments.length} levels deep (cap ${maxDepth})`;
  return null;
}

export function createEntryChecker(limits: ExtractLimits): (entry: ReadEntry) => SafeEntry {
  let count = 0;
  let total = 0;
  const seen = new Map<string, 'file' | 'directory'>();
  const implied = new Set<string>();

  return (entry) => {
    const raw = entry.path;
    const kind = FILE_TYPES.has(entry.type) ? 'file' : entry.type === 'Directory' ? 'directory' : null;
    if (kind === null) throw unsafeEntry(raw, `is ${describeType(entry.type)}`);
    const path = kind === 'directory' && raw.endsWith('/') ? raw.slice(0, -1) : raw;
    const problem = pathProblem(path, limits.maxDepth);
    if (problem) throw unsafeEntry(raw, problem);
    const mode = entry.mode ?? 0o644;
    if (mode & 0o7000) throw unsafeEntry(raw, `has a setuid/setgid/sticky mode (${mode.toString(8)})`);
    if (mode & 0o002) throw unsafeEntry(raw, `is world-writable (mode ${mode.toString(8)})`);
    const size = entry.size;
    if (size > limits.maxEntryBytes) throw unsafeEntry(raw, `is ${size} bytes (cap ${limits.maxEntryBytes})`);
    total += size;
    if (total > limits.maxTotalBytes) throw unsafeEntry(raw, `brings the total past the ${limits.maxTotalBytes}-byte cap`);
    if (++count > limits.maxEntries) throw unsafeEntry(raw, `is one entry more than the cap of ${limits.maxEntries}`);
    checkCollisions(raw, path, kind, seen, implied);
    return { path, kind, size, mode: kind === 'directory' || mode & 0o111 ? 0o755 : 0o644 };
  };
}

/** Duplicates (also by case and Unicode form) and entries nested under a file. */
function checkCollisions(
  raw: string,
  path: string,
  kind: 'file' | 'directory',
  seen: Map<string, 'file' | 'directory'>,
  implied: Set<string>,
): void {
  const key = path.normalize('NFC').toLowerCase();
  if (seen.has(key)) throw unsafeEntry(raw, 'appears twice (duplicate entry)');
  if (kind === 'file' && implied.has(key)) throw unsafeEntry(raw, 'is a file where the archive has a folder');
  const segments = key.split('/');
  for (let i = 1; i < segments.length; i++) {
    const ancestor = segments.slice(0, i).join('/');
    if (seen.get(ancestor) === 'file') throw unsafeEntry(raw, `is inside "${ancestor}", which is a file`);
    implied.add(ancestor);
  }
  seen.set(key, kind);
}
