// The process groups exec has started: killed as a whole, tracked so Ctrl-C can stop them all,
// and waited for until no live member is left (zombies waiting for init do not count).
//
// Every command is started detached, so it leads a new session as well as a new group (both ids
// are its pid). A descendant can leave the group without leaving the session (setpgid: shells
// with job control, `subprocess.Popen(process_group=0)`, `make`); on Linux those are found
// through /proc by their session id and killed with the group. Only setsid() escapes both; bwrap's
// PID namespace catches that one too.

import { readdirSync, readFileSync } from 'node:fs';

const groups = new Set<number>();

export function trackGroup(pgid: number): void {
  groups.add(pgid);
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid);
}

function signalOne(target: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(target, signal);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` to the process group only: one system call, no /proc walk (the hot path). */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  return signalOne(-pgid, signal);
}

/**
 * Sends `signal` to every process in the group, and on Linux to every live process that left the
 * group but not the session; false when none is left.
 */
export function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  let sent = signalOne(-pgid, signal);
  if (signal !== 0) {
    for (const pid of liveMembersOnLinux(pgid) ?? []) sent = signalOne(pid, signal) || sent;
  }
  return sent;
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
 * Linux: the pids still running (state other than zombie or dead) whose process group or session
 * is `id`; null where there is no /proc. Synchronous: a hundred small /proc reads take about a
 * millisecond this way, fifty through the thread pool.
 */
function liveMembersOnLinux(id: number): number[] | null {
  if (process.platform !== 'linux') return null;
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  const wanted = String(id);
  const members: number[] = [];
  for (const pid of names) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp session …
    if ((fields[2] === wanted || fields[3] === wanted) && fields[0] !== 'Z' && fields[0] !== 'X') members.push(Number(pid));
  }
  return members;
}

export async function groupAlive(pgid: number): Promise<boolean> {
  const members = liveMembersOnLinux(pgid);
  if (members !== null) return members.length > 0;
  return killGroup(pgid, 0); // elsewhere zombies are reaped fast
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

/**
 * SIGKILLs whatever is left of the group and its session until nothing runs, or `maxMs` passed;
 * true when all are gone. One /proc walk per round: the common case (nothing left) costs one.
 */
export async function sweepGroup(pgid: number, maxMs: number): Promise<boolean> {
  const deadline = performance.now() + maxMs;
  for (;;) {
    const members = liveMembersOnLinux(pgid);
    if (members === null) {
      signalOne(-pgid, 'SIGKILL');
      return waitGroupGone(pgid, Math.max(0, deadline - performance.now()));
    }
    if (members.length === 0) return true;
    signalOne(-pgid, 'SIGKILL');
    for (const pid of members) signalOne(pid, 'SIGKILL');
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
