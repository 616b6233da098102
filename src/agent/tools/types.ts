// The shape every built-in tool has (SPEC §4 tool contract v1): a name, a description and a JSON
// schema the model sees, and `run` which never throws past the loop (the loop turns throws into
// tool errors too).

import type { TaskSpec } from '../../bundle/task-spec.js';

export interface ToolContext {
  workdir: string; // absolute; every path argument is resolved inside it by resolveInside
  task: TaskSpec;
  signal: AbortSignal; // aborted at the run's deadline or on cancel
}

export interface ToolResult {
  ok: boolean; // false: the model gets the text as an error
  output: string;
}

export type ToolArgs = Record<string, unknown>;

export interface AgentTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>; // JSON schema (type: object)
  run(args: ToolArgs, ctx: ToolContext): Promise<ToolResult>;
}

export function ok(output: string): ToolResult {
  return { ok: true, output };
}

export function fail(output: string): ToolResult {
  return { ok: false, output };
}
