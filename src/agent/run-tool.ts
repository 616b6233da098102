// One tool call from the model → one result text. Never throws: unknown tools, malformed
// arguments, refused paths and tool failures all go back to the model as tool errors.

import { capHeadTail } from './cap.js';
import { AGENT_LIMITS } from './limits.js';
import type { AgentTool, ToolContext } from './tools/types.js';

export interface ToolOutcome {
  ok: boolean;
  output: string; // capped, ready to send back
}

function parseArgs(raw: string): Record<string, unknown> | string {
  if (raw.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    return 'arguments must be a JSON object';
  } catch (error) {
    return `arguments are not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

export async function runTool(offered: readonly AgentTool[], name: string, rawArgs: string, ctx: ToolContext): Promise<ToolOutcome> {
  const tool = offered.find((t) => t.name === name);
  if (!tool) return { ok: false, output: `error: unknown tool "${name}"; available: ${offered.map((t) => t.name).join(', ')}` };
  const args = parseArgs(rawArgs);
  if (typeof args === 'string') return { ok: false, output: `error: ${name}: ${args}` };
  try {
    const result = await tool.run(args, ctx);
    const text = result.ok ? result.output : `error: ${result.output}`;
    return { ok: result.ok, output: capHeadTail(text, AGENT_LIMITS.toolResultChars) };
  } catch (error) {
    return { ok: false, output: `error: ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
