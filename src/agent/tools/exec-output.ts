// How a finished process reads to the model: its status line, then stdout and stderr tails.

import type { ExecResult } from '../../workspace/types.js';
import { capHeadTail, capTail } from '../cap.js';

export function statusLine(result: ExecResult, timeoutMs: number): string {
  const seconds = (result.durationMs / 1000).toFixed(1);
  if (result.error !== undefined) return `could not start ${result.argv[0] ?? 'the command'}: ${result.error}`;
  if (result.timedOut) return `timed out after ${Math.round(timeoutMs / 1000)} s; the process group was killed (exit code ${result.exitCode ?? 'none'})`;
  if (result.exitCode === null) return `killed by ${result.signal ?? 'a signal'} after ${seconds} s`;
  return `exit code ${result.exitCode} (${seconds} s)`;
}

function section(label: string, text: string, max: number, keep: 'tail' | 'head+tail'): string | null {
  if (text.trim() === '') return null;
  const body = keep === 'tail' ? capTail(text, max) : capHeadTail(text, max);
  return `--- ${label} ---\n${body.replace(/\s+$/, '')}`;
}

/** Status line plus each non-empty stream, capped (`tail` for test output, head + tail for shell). */
export function formatExec(result: ExecResult, opts: { timeoutMs: number; maxChars: number; keep: 'tail' | 'head+tail' }): string {
  const parts = [
    statusLine(result, opts.timeoutMs),
    section('stdout', result.stdout, opts.maxChars, opts.keep),
    section('stderr', result.stderr, opts.maxChars, opts.keep),
  ];
  if (parts[1] === null && parts[2] === null) parts.push('(no output)');
  return parts.filter((p): p is string => p !== null).join('\n');
}
