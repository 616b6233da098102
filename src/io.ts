// The process boundary handed to commands: output streams, environment, terminals, cancel signal.
// Commands receive an Io and never touch `process` themselves, so tests can drive them in-process.

import type { Redactor } from './redact.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  signal: AbortSignal; // aborted on the first Ctrl-C / SIGTERM
  redact: Redactor;
}

function truthyEnv(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The one gate for prompts and spinners: both ends are terminals and this is not CI. */
export function isInteractive(io: Io, flags: { yes?: boolean; json?: boolean } = {}): boolean {
  if (flags.yes || flags.json) return false;
  return io.stdinIsTTY && io.stdoutIsTTY && !truthyEnv(io.env.CI);
}

/** Colour on a stream: NO_COLOR and --no-color win, FORCE_COLOR forces, else only on a TTY. */
export function useColor(io: Io, stream: 'stdout' | 'stderr', noColorFlag = false): boolean {
  if (noColorFlag || io.env.NO_COLOR !== undefined) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0';
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}
