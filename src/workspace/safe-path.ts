// THE one guard for every path a tool touches: relative, inside the workdir, no `..`, no NUL,
// no symlink anywhere on the path, nothing under `.git/`, and reads refuse hard links.
//
// `.git` is matched the way git itself guards it (verify_path): case-insensitively (`.GIT`),
// ignoring the invisible characters macOS drops from names (`.g\u200cit`), trailing dots and
// spaces Windows drops (`.git.`), and the 8.3 short name `git~1`. On those file systems the
// variants ARE the .git folder; on Linux refusing them costs nothing.
// Checks are lstat-based and done before the access, so they hold as long as nothing else
// changes the tree meanwhile: exec kills every process group before the next tool call runs.

import { lstat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A path the agent may not use; the message is shown to the model as the tool's error. */
export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

export type PathMode = 'read' | 'write';

const NAME_MAX_BYTES = 255; // one segment (Linux, macOS)
const PATH_MAX_BYTES = 4000; // the whole relative path, under PATH_MAX with room for the root

/** Characters HFS+ ignores in names (git's is_hfs_dotgit list): zero-width and direction marks. */
const HFS_IGNORABLE = /[\u200b-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

function isGitName(segment: string): boolean {
  const name = segment.replace(HFS_IGNORABLE, '').replace(/[. ]+$/, '').toLowerCase();
  return name === '.git' || name === 'git~1';
}

/** Splits a workdir-relative path into clean segments, or throws PathError. "" and "." mean the root. */
export function pathSegments(rel: string): string[] {
  if (typeof rel !== 'string') throw new PathError('path must be a string');
  if (rel.includes('\0')) throw new PathError('path contains a NUL byte');
  if (rel.includes('\\')) throw new PathError(`use / as the separator: ${rel}`);
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || rel.startsWith('~')) {
    throw new PathError(`absolute paths are not allowed (paths are relative to the project root): ${rel}`);
  }
  const segments = rel.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw new PathError(`'..' is not allowed in paths: ${rel}`);
  if (segments.some(isGitName)) throw new PathError(`.git is off limits: ${rel}`);
  if (Buffer.byteLength(rel) > PATH_MAX_BYTES || segments.some((s) => Buffer.byteLength(s) > NAME_MAX_BYTES)) {
    throw new PathError(`path or file name too long: ${rel.slice(0, 80)}…`);
  }
  return segments;
}

async function lstatOrNull(root: string, abs: string): Promise<Awaited<ReturnType<typeof lstat>> | null> {
  try {
    return await lstat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // Anything else (EACCES, ELOOP …) is still a refusal the model can read, never a crash.
    throw new PathError(`cannot use this path (${code ?? 'error'}): ${relative(root, abs)}`);
  }
}

/**
 * Resolves `rel` inside `root` for reading or writing. Every existing component is checked with
 * lstat, so a symlink anywhere on the path is refused; a missing tail is fine (it may be created).
 */
export async function resolveInside(root: string, rel: string, mode: PathMode): Promise<string> {
  const segments = pathSegments(rel);
  let current = root;
  for (const [i, segment] of segments.entries()) {
    current = join(current, segment);
    const info = await lstatOrNull(root, current);
    if (info === null) break;
    if (info.isSymbolicLink()) throw new PathError(`symlinks are not followed: ${segments.slice(0, i + 1).join('/')}`);
    const last = i === segments.length - 1;
    if (!last && !info.isDirectory()) throw new PathError(`${segments.slice(0, i + 1).join('/')} is not a folder`);
    if (last && info.isFile() && info.nlink > 1 && mode === 'read') throw new PathError(`hard-linked files are refused: ${rel}`);
    if (last && !info.isFile() && !info.isDirectory()) throw new PathError(`not a regular file or folder: ${rel}`);
  }
  return segments.length === 0 ? root : join(root, ...segments);
}
