// bash {command}: only offered with --shell. `bash -c` in the workdir, own process group,
// timeout, capped output.

import { runCommand } from '../../workspace/exec.js';
import { AGENT_LIMITS } from '../limits.js';
import { requiredString } from './args.js';
import { formatExec } from './exec-output.js';
import { fail, type AgentTool } from './types.js';

export const bashTool: AgentTool = {
  name: 'bash',
  description: `Run a shell command with bash -c in the working directory (no network, stdin closed, killed after ${AGENT_LIMITS.bashTimeoutMs / 1000} s). Returns the exit code, stdout and stderr.`,
  parameters: {
    type: 'object',
    properties: { command: { type: 'string', description: 'the bash command line to run' } },
    required: ['command'],
    additionalProperties: false,
  },
  async run(args, ctx) {
    const command = requiredString(args, 'command');
    if (command.trim() === '') return fail('command is empty');
    const timeoutMs = AGENT_LIMITS.bashTimeoutMs;
    const result = await runCommand({
      argv: ['bash', '-c', command],
      cwd: ctx.workdir,
      timeoutMs,
      maxOutputBytes: AGENT_LIMITS.execOutputBytes,
      signal: ctx.signal,
      writable: [ctx.workdir],
    });
    const output = formatExec(result, { timeoutMs, maxChars: AGENT_LIMITS.bashOutputChars, keep: 'head+tail' });
    return { ok: result.error === undefined, output };
  },
};
