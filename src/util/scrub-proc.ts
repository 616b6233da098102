// Our own process must not carry the key where a child can read it: any process of ours without a
// PID namespace (a test, a shell command with CAB_SANDBOX=none, an agent CLI that runs outside
// bwrap) can read /proc/<our pid>/environ and /proc/<our pid>/cmdline. On Linux this overwrites
// every secret in those two blocks in place, through /proc/self/mem, after moving the environment
// values to the heap (setenv copies them) so that process.env keeps its real values.
// Best effort: anything unexpected leaves the process as it was and returns false.

import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

const MIN_SECRET = 4;

/** [arg_start, arg_end, env_start, env_end] from /proc/self/stat (fields 48–51), or null. */
function blockBounds(): [number, number, number, number] | null {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // field 3 is index 0
  const pick = (field: number): number => Number(fields[field - 3]);
  const bounds = [pick(48), pick(49), pick(50), pick(51)] as [number, number, number, number];
  const sane = bounds.every((n) => Number.isSafeInteger(n) && n > 0) && bounds[1] > bounds[0] && bounds[3] > bounds[2];
  return sane ? bounds : null;
}

/** Every offset of `needle` in `hay`. */
function offsets(hay: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Overwrites each secret inside [start, end) of our memory with '*'; returns how many it covered. */
function scrubRange(fd: number, start: number, end: number, secrets: readonly Buffer[]): number {
  const block = Buffer.alloc(end - start);
  readSync(fd, block, 0, block.length, start);
  let count = 0;
  for (const secret of secrets) {
    for (const at of offsets(block, secret)) {
      writeSync(fd, Buffer.alloc(secret.length, '*'), 0, secret.length, start + at);
      count++;
    }
  }
  return count;
}

/** Moves each named environment value to the heap (setenv), so the original block can be overwritten. */
function detachEnv(names: readonly string[]): void {
  for (const name of names) {
    const value = process.env[name];
    if (value !== undefined) process.env[name] = `${value}`;
  }
}

/**
 * Scrubs `secrets` from /proc/self/environ and /proc/self/cmdline (Linux only). `envNames` are the
 * variables whose values must keep working through process.env. Returns how many copies it covered,
 * or null when it could not try.
 */
export function scrubProcessSecrets(secrets: readonly string[], envNames: readonly string[]): number | null {
  if (process.platform !== 'linux') return null;
  const needles = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET))].map((s) => Buffer.from(s, 'utf8'));
  if (needles.length === 0) return 0;
  let fd: number | null = null;
  try {
    const bounds = blockBounds();
    if (bounds === null) return null;
    detachEnv(envNames);
    fd = openSync('/proc/self/mem', 'r+');
    return scrubRange(fd, bounds[0], bounds[1], needles) + scrubRange(fd, bounds[2], bounds[3], needles);
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
