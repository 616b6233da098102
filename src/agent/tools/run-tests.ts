// run_tests {}: runs the task's own `test` argv in the workdir (own process group, timeout,
// capped output) and returns the exit code and the output tail.

import { runCommand } from '../../workspace/exec.js';
import { AGENT_LIMITS } from '../limits.js';
import { formatExec } from './exec-output.js';
import type { AgentTool } from './types.js';

export const runTestsTool: AgentTool = {
  name: 'run_tests',
  description: "Run the project's test suite (the task's own test command) and get the exit code and the end of its output.",
  parameters: { type: 'object', properties: {}, required: [], additionalProperties: false },
  async run(_args, ctx) {
    const timeoutMs = (ctx.task.verify_timeout_s ?? AGENT_LIMITS.defaultTestTimeoutMs / 1000) * 1000;
    const result = await runCommand({
      argv: ctx.task.test,
      cwd: ctx.workdir,
      timeoutMs,
      maxOutputBytes: AGENT_LIMITS.execOutputBytes,
      signal: ctx.signal,
      writable: [ctx.workdir],
    });
    const text = `$ ${ctx.task.test.join(' ')}\n${formatExec(result, { timeoutMs, maxChars: AGENT_LIMITS.testOutputTailChars, keep: 'tail' })}`;
    return { ok: result.error === undefined, output: text };
  },
};

