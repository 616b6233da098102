// `--tui oracle`: the task's reference solution, no model. Proves the toolchain and the task.

import { applySolution } from '../workspace/apply-solution.js';
import type { AgentOutcome } from './types.js';

export async function runOracle(input: { solutionDir: string; workdir: string; now?: () => number }): Promise<AgentOutcome> {
  const now = input.now ?? Date.now;
  const start = now();
  const startedAt = new Date().toISOString();
  await applySolution(input.solutionDir, input.workdir);
  const duration = now() - start;
  return {
    stop_reason: 'done',
    final_answer: 'Applied the reference solution.',
    tool_outputs: [],
    transcript: [],
    calls: [],
    tool_mode: 'none',
    turns: 0,
    started_at: startedAt,
    ended_at: new Date().toISOString(),
    wall_clock_ms: duration,
    model_call_ms: 0,
    spans: [{ span_id: 'oracle', parent_id: null, kind: 'agent', name: 'oracle:apply-solution', start_ms: 0, duration_ms: duration, attrs: {} }],
  };
}
