// Progress on stderr. Non-interactive: plain lines, one per step. Interactive: one live
// status line redrawn in place (no spinner library, nothing left behind in logs).

import type { Cell } from '../score/types.js';

export type Step = 'extract' | 'agent' | 'tests' | 'score';

export interface Progress {
  step(taskId: string, run: number, step: Step): void;
  turn(taskId: string, run: number, info: { turn: number; maxTurns: number; totalTokens: number }): void;
  cellDone(cell: Cell): void;
  note(text: string): void;
  close(): void;
}

export interface ProgressOptions {
  write: (text: string) => void;
  live: boolean; // a TTY that can redraw a line
  quiet?: boolean;
  columns?: number;
  now?: () => number;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function cellLine(cell: Cell): string {
  const label = `${cell.task_id}#run${cell.run_index}`;
  if (cell.status === 'skipped') return `${label}: skipped (${cell.reason})`;
  const verdict = cell.pass_rate.pass === 1 ? 'pass' : 'fail';
  return `${label}: ${verdict}, composite ${cell.composite.composite.toFixed(3)}, ${seconds(cell.latency.wall_clock_ms)}, stop ${cell.stop_reason}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  let liveText = '';
  const clearLive = (): void => {
    if (options.live && liveText) options.write('\r\u001b[2K');
    liveText = '';
  };
  const line = (text: string): void => {
    if (options.quiet) return;
    clearLive();
    options.write(`${text}\n`);
  };
  const live = (text: string): void => {
    if (options.quiet) return;
    if (!options.live) return;
    liveText = `${text} · ${seconds(now() - started)}`;
    options.write(`\r\u001b[2K${liveText.slice(0, (options.columns ?? 100) - 1)}`);
  };
  return {
    step(taskId, run, step) {
      if (options.live) live(`${taskId}#run${run}: ${step}`);
      else line(`[${taskId}#run${run}] ${step}`);
    },
    turn(taskId, run, info) {
      const text = `${taskId}#run${run}: agent turn ${info.turn}/${info.maxTurns}, ${info.totalTokens} tokens`;
      if (options.live) live(text);
      else line(`[${taskId}#run${run}] turn ${info.turn}/${info.maxTurns}, ${info.totalTokens} tokens`);
    },
    cellDone(cell) {
      line(cellLine(cell));
    },
    note(text) {
      line(text);
    },
    close() {
      clearLive();
    },
  };
}
