// Every test and shell command: its own process group, stdin closed, an allowlisted
// environment, head+tail output caps, a timeout (and abort) that kills the whole group, a sweep
// of stragglers when the command exits, and bwrap where it works.

import { spawn } from 'node:child_process';
import { childEnv } from './env.js';
import { HeadTailBuffer } from './output-buffer.js';
import { bwrapArgv, sandboxKind } from './sandbox.js';
import type { ExecResult, SandboxKind } from './types.js';

export { sandboxAvailable } from './sandbox.js';

export interface RunOptions {
  argv: string[];
  cwd: string;
  timeoutMs: number;
  env?: Record<string, string>;
  secrets?: readonly string[];
  maxOutputBytes?: number; // per stream, head + tail (default 128 KiB)
  signal?: AbortSignal;
  sandbox?: 'auto' | 'none';
  writable?: string[];
  readable?: string[];
}

const KILL_GRACE_MS = 1500;
const PIPE_GRACE_MS = 500;
const groups = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Kills every process group still running (Ctrl-C, fatal errors). Synchronous on purpose. */
export function killAllProcessGroups(): void {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
}

function plan(opts: RunOptions): { argv: string[]; env: Record<string, string>; sandbox: SandboxKind } {
  const env = childEnv({ extra: opts.env ?? {}, secrets: opts.secrets ?? [] });
  const kind = opts.sandbox === 'none' ? 'none' : sandboxKind();
  if (kind === 'none') return { argv: opts.argv, env, sandbox: 'none' };
  const sandboxed = bwrapArgv(opts.argv, opts.cwd, opts.writable ?? [], opts.readable ?? []);
  return { argv: sandboxed.argv, env: { ...env, ...sandboxed.env }, sandbox: 'bwrap' };
}

export function runCommand(opts: RunOptions): Promise<ExecResult> {
  const cap = opts.maxOutputBytes ?? 128 * 1024;
  const { argv, env, sandbox } = plan(opts);
  const started = performance.now();
  const out = new HeadTailBuffer(cap);
  const err = new HeadTailBuffer(cap);
  return new Promise((resolve) => {
    let timedOut = false;
    let settled = false;
    const child = spawn(argv[0] as string, argv.slice(1), { cwd: opts.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) groups.add(pid);
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    const stop = (): void => {
      if (pid === undefined) return;
      killGroup(pid, 'SIGTERM');
      setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, opts.timeoutMs);
    const onAbort = (): void => stop();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) stop();
    const finish = (exitCode: number | null, signal: string | null, error?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) {
        killGroup(pid, 'SIGKILL'); // sweep stragglers left in the group
        groups.delete(pid);
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
      const result: ExecResult = {
        argv: opts.argv, exitCode, signal, timedOut, stdout: out.text(), stderr: err.text(),
        stdoutBytes: out.total, stderrBytes: err.total, durationMs: Math.round(performance.now() - started), sandbox,
      };
      if (error !== undefined) result.error = error;
      resolve(result);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish(null, null, e.code === 'ENOENT' ? `command not found: ${argv[0]}` : `could not start ${argv[0]}: ${e.message}`);
    });
    child.on('exit', (code, signal) => {
      // a grandchild may hold the pipes open: give them a moment, then stop waiting
      const late = setTimeout(() => finish(code, signal), PIPE_GRACE_MS);
      child.on('close', () => {
        clearTimeout(late);
        finish(code, signal);
      });
    });
  });
}
