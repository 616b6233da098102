// THE one guard for every path a tool touches: relative, inside the workdir, no `..`, no NUL,
// no symlink anywhere on the path, nothing under `.git/`, and reads refuse hard links.
//
// `.git` is matched case-insensitively (`.GIT`, `.Git`): on case-insensitive file systems
// (macOS, Windows) those names ARE the .git folder, and on Linux refusing them costs nothing.
// Checks are lstat-based and done before the access, so they hold as long as nothing else
// changes the tree meanwhile: exec kills every process group before the next tool call runs.

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';

/** A path the agent may not use; the message is shown to the model as the tool's error. */
export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

export type PathMode = 'read' | 'write';

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
  if (segments.some((s) => s.toLowerCase() === '.git')) throw new PathError(`.git is off limits: ${rel}`);
  return segments;
}

async function lstatOrNull(abs: string): Promise<Awaited<ReturnType<typeof lstat>> | null> {
  try {
    return await lstat(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
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
    const info = await lstatOrNull(current);
    if (info === null) break;
    if (info.isSymbolicLink()) throw new PathError(`symlinks are not followed: ${segments.slice(0, i + 1).join('/')}`);
    const last = i === segments.length - 1;
    if (!last && !info.isDirectory()) throw new PathError(`${segments.slice(0, i + 1).join('/')} is not a folder`);
    if (last && info.isFile() && info.nlink > 1 && mode === 'read') throw new PathError(`hard-linked files are refused: ${rel}`);
    if (last && !info.isFile() && !info.isDirectory()) throw new PathError(`not a regular file or folder: ${rel}`);
  }
  return segments.length === 0 ? root : join(root, ...segments);
}
