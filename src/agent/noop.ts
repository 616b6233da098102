// `--tui none`: changes nothing. The untouched baseline every task must fail.

import type { AgentOutcome } from './types.js';

export async function runNoop(): Promise<AgentOutcome> {
  const now = new Date().toISOString();
  return {
    stop_reason: 'done',
    final_answer: '',
    tool_outputs: [],
    transcript: [],
    calls: [],
    tool_mode: 'none',
    turns: 0,
    started_at: now,
    ended_at: now,
    wall_clock_ms: 0,
    model_call_ms: 0,
    spans: [],
  };
}
