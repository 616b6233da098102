// `--tui oracle`: the task's reference solution, no model. Proves the toolchain and the task.
// The solution comes out of the bundle only here, into a folder of its own, removed afterwards:
// no other driver ever has it on disk.

import { join } from 'node:path';
import { extractTaskParts } from '../bundle/extract.js';
import type { ManifestTask } from '../bundle/task-spec.js';
import { applySolution } from '../workspace/apply-solution.js';
import { createScratch } from '../workspace/scratch.js';
import type { AgentOutcome } from './types.js';

export interface OracleInput {
  source: { bundlePath: string; task: ManifestTask };
  workdir: string;
  now?: () => number;
}

async function applyFromBundle(source: OracleInput['source'], workdir: string): Promise<void> {
  const scratch = await createScratch('cab-solution-');
  try {
    await extractTaskParts(source.bundlePath, source.task, scratch.root, ['solution']);
    await applySolution(join(scratch.root, 'solution'), workdir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // a task without solution/ changes nothing
    });
  } finally {
    await scratch.dispose();
  }
}

export async function runOracle(input: OracleInput): Promise<AgentOutcome> {
  const now = input.now ?? Date.now;
  const start = now();
  const startedAt = new Date().toISOString();
  await applyFromBundle(input.source, input.workdir);
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
