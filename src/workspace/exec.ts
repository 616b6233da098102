// Every test and shell command: its own process group, stdin closed, an allowlisted
// environment, head+tail output caps, a timeout (and abort) that kills the whole group, a sweep
// of stragglers when the command exits, and bwrap where it works.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveCommand } from './command-path.js';
import { childEnv } from './env.js';
import { HeadTailBuffer } from './output-buffer.js';
import { killGroup, signalGroup, sweepGroup, trackGroup, untrackGroup } from './process-group.js';
import { hiddenPaths } from './hidden-paths.js';
import { sandboxPlan, type SandboxMounts } from './sandbox.js';
import { liveScratchRoots, scratchRootOf } from './scratch.js';
import type { ExecResult, SandboxKind } from './types.js';

export { killAllProcessGroups } from './process-group.js';
export { sandboxAvailable } from './sandbox.js';

export interface RunOptions {
  argv: string[];
  cwd: string;
  timeoutMs: number;
  env?: Record<string, string>; // added to the allowlisted environment (and win over it)
  secrets?: readonly string[]; // variables whose value holds one of these are dropped
  maxOutputBytes?: number; // per stream, head + tail halves (default 128 KiB: 64 KiB each)
  signal?: AbortSignal;
  sandbox?: 'auto' | 'none';
  writable?: string[]; // more folders writable inside the sandbox (the cwd always is)
  readable?: string[]; // folders bound read-only inside the sandbox (a grader, an agent CLI's install)
  readOnly?: string[]; // the same as readable (either name works)
  hide?: string[]; // more paths no sandboxed command may see (on top of hidden-paths.ts and live scratch roots)
  home?: string; // bound read-write as HOME inside the sandbox (default: a fresh empty tmpfs)
  network?: boolean; // share the host network inside the sandbox (default: none)
}

export const DEFAULT_OUTPUT_BYTES = 128 * 1024;
const KILL_GRACE_MS = 1000; // SIGTERM → SIGKILL on timeout or abort
const PIPE_GRACE_MS = 250; // after the command exits, how long stragglers may keep the pipes open
const GONE_WAIT_MS = 2000; // most we wait for killed members to disappear
const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout fires at once for anything longer (or NaN)

/** A timer delay that means what it says: huge, infinite or NaN becomes the longest a timer can wait. */
function timerDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_TIMER_MS) : MAX_TIMER_MS;
}

interface Plan {
  argv: string[]; // what is spawned (bwrap … -- argv, or argv)
  env: Record<string, string>;
  sandbox: SandboxKind;
}

type Prepared = Plan | { error: string; sandbox: SandboxKind };

/** The run's Go build cache: in the scratch dir when the cwd is in one (shared by that run's commands only). */
async function scratchGoCache(scratchRoot: string | null): Promise<string | null> {
  if (scratchRoot === null) return null;
  const dir = join(scratchRoot, 'cache', 'go-build');
  await mkdir(dir, { recursive: true });
  return dir;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** The named paths that exist (bwrap refuses to bind a missing one; unconfined it makes no difference). */
async function existing(paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(paths.map(async (path) => ((await stat(path).catch(() => null)) ? resolve(path) : null)));
  return found.filter((path): path is string => path !== null);
}

/**
 * What bwrap shows besides the allowlist: the cwd and named folders. Hidden: every live scratch
 * root (this run's task copy, other runs' under --concurrency), the package, bundles and caches.
 */
async function mountsFor(opts: RunOptions, cwd: string, goCache: string | null): Promise<SandboxMounts> {
  return {
    cwd,
    writable: await existing([...(opts.writable ?? []), ...(goCache ? [goCache] : [])]),
    readable: await existing([...(opts.readable ?? []), ...(opts.readOnly ?? [])]),
    hide: await existing([...hiddenPaths(), ...liveScratchRoots(), ...(opts.hide ?? [])]),
    home: opts.home ? resolve(opts.home) : null,
    network: opts.network ?? false,
  };
}

async function prepare(opts: RunOptions): Promise<Prepared> {
  const command = opts.argv[0];
  if (command === undefined || command === '') return { error: 'empty command', sandbox: 'none' };
  if (!(await isDirectory(opts.cwd))) return { error: `working directory not found: ${opts.cwd}`, sandbox: 'none' };
  const cwd = resolve(opts.cwd);
  const goCache = await scratchGoCache(scratchRootOf(cwd));
  const boxed = opts.sandbox === 'none' ? null : await sandboxPlan(opts.argv, await mountsFor(opts, cwd, goCache));
  const sandbox: SandboxKind = boxed ? 'bwrap' : 'none';
  const cache = goCache ?? (boxed ? '/tmp/go-build' : null);
  const extra = { ...(cache ? { GOCACHE: cache } : {}), ...boxed?.env, ...opts.env };
  const env = childEnv(extra, { secrets: opts.secrets ?? [] });
  if ((await resolveCommand(command, env.PATH ?? '', opts.cwd)) === null) return { error: `command not found: ${command}`, sandbox };
  if (opts.signal?.aborted) return { error: 'cancelled before start', sandbox };
  return { argv: boxed?.argv ?? opts.argv, env, sandbox };
}

function result(opts: RunOptions, sandbox: SandboxKind, started: number, fields: Partial<ExecResult>): ExecResult {
  return {
    argv: opts.argv, exitCode: null, signal: null, timedOut: false, stdout: '', stderr: '',
    stdoutBytes: 0, stderrBytes: 0, durationMs: Math.round(performance.now() - started), sandbox, ...fields,
  };
}

/** Runs one command to completion (see the file header). Never throws for a failing or missing command. */
export async function runCommand(opts: RunOptions): Promise<ExecResult> {
  const started = performance.now();
  const plan = await prepare(opts);
  if ('error' in plan) return result(opts, plan.sandbox, started, { error: plan.error });
  return runGroup(opts, plan, started);
}

function startChild(plan: Plan, cwd: string): ChildProcess | string {
  try {
    const [bin, ...args] = plan.argv as [string, ...string[]];
    return spawn(bin, args, { cwd, env: plan.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return `could not start ${plan.argv[0]}: ${(error as Error).message}`;
  }
}

function runGroup(opts: RunOptions, plan: Plan, started: number): Promise<ExecResult> {
  const cap = opts.maxOutputBytes ?? DEFAULT_OUTPUT_BYTES;
  const out = new HeadTailBuffer(cap);
  const err = new HeadTailBuffer(cap);
  const child = startChild(plan, opts.cwd);
  if (typeof child === 'string') return Promise.resolve(result(opts, plan.sandbox, started, { error: child }));
  const pid = child.pid;
  if (pid !== undefined) trackGroup(pid);
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve) => {
    let timedOut = false;
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const stop = (): void => {
      if (pid === undefined || grace !== undefined || !killGroup(pid, 'SIGTERM')) return;
      grace = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timerDelay(opts.timeoutMs));
    opts.signal?.addEventListener('abort', stop, { once: true });
    if (opts.signal?.aborted) stop();
    const finish = async (fields: Partial<ExecResult>): Promise<void> => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace); // never signal a pid that may have been reused after we are done
      opts.signal?.removeEventListener('abort', stop);
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (pid !== undefined) {
        await sweepGroup(pid, GONE_WAIT_MS); // stragglers: the group, and whoever left it for its own
        untrackGroup(pid);
      }
      resolve(result(opts, plan.sandbox, started, {
        ...fields, timedOut, stdout: out.text(), stderr: err.text(), stdoutBytes: out.total, stderrBytes: err.total,
      }));
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      void finish({ error: e.code === 'ENOENT' ? `command not found: ${opts.argv[0]}` : `could not start ${opts.argv[0]}: ${e.message}` });
    });
    child.on('exit', (exitCode, signal) => {
      // The command is done: whatever is left in its group is a straggler. Kill it, then give the
      // pipes a moment to drain (a grandchild outside the group may still hold them open).
      if (pid !== undefined) signalGroup(pid, 'SIGKILL');
      const late = setTimeout(() => void finish({ exitCode, signal }), PIPE_GRACE_MS);
      child.once('close', () => {
        clearTimeout(late);
        void finish({ exitCode, signal });
      });
    });
  });
}
