// The process groups exec has started: killed as a whole, tracked so Ctrl-C can stop them all,
// and waited for until no live member is left (zombies waiting for init do not count).

import { readdirSync, readFileSync } from 'node:fs';

const groups = new Set<number>();

export function trackGroup(pgid: number): void {
  groups.add(pgid);
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid);
}

/** Sends `signal` to every process in the group; false when none is left. */
export function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Kills every process group still running (Ctrl-C, fatal errors). Synchronous on purpose. */
export function killAllProcessGroups(): void {
  for (const pgid of groups) killGroup(pgid, 'SIGKILL');
  groups.clear();
}

/** Live process groups started by exec (for tests and diagnostics). */
export function liveProcessGroups(): number[] {
  return [...groups];
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process is gone already
  }
}

/**
 * Linux: does any member of the group still run (state other than zombie or dead)? Synchronous:
 * a hundred small /proc reads take about a millisecond this way, fifty through the thread pool.
 */
function liveMemberOnLinux(pgid: number): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return true; // no /proc: trust kill(0)
  }
  for (const pid of names) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp …
    if (fields[2] === String(pgid) && fields[0] !== 'Z' && fields[0] !== 'X') return true;
  }
  return false;
}

export async function groupAlive(pgid: number): Promise<boolean> {
  if (!killGroup(pgid, 0)) return false;
  return process.platform === 'linux' ? liveMemberOnLinux(pgid) : true; // elsewhere zombies are reaped fast
}

/** Polls until no member of the group runs, or `maxMs` passed; true when the group is gone. */
export async function waitGroupGone(pgid: number, maxMs: number): Promise<boolean> {
  const deadline = performance.now() + maxMs;
  for (;;) {
    if (!(await groupAlive(pgid))) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
