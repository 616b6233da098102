// What one agent run (any TUI: builtin, oracle, external CLI) hands to scoring.

import type { SandboxKind } from '../workspace/types.js';
import type { CallRecord, ChatMessage } from '../llm/types.js';

export type StopReason = 'done' | 'max_turns' | 'max_tokens' | 'timeout' | 'endpoint_error' | 'cancelled';

export type ToolMode = 'native' | 'text' | 'none';

export interface Span {
  span_id: string;
  parent_id: string | null;
  kind: 'task_setup' | 'agent' | 'model_call' | 'tool_call' | 'tests' | 'grading' | 'cleanup' | 'adapter_run';
  name: string;
  start_ms: number; // relative to the run's start
  duration_ms: number;
  attrs: Record<string, unknown>;
  error?: string;
}

/** Something about the run the reader should know that no axis shows (the cell's "warnings"). */
export interface RunWarning {
  kind: 'server-did-not-parse-tool-calls'; // the server took `tools` but the calls came back as text
  dialect: string; // the dialect they were written in (dialects/registry.ts)
  fix: string; // the server setting that makes it parse them
}

export interface AgentOutcome {
  stop_reason: StopReason;
  stop_detail?: string; // e.g. the endpoint error message
  final_answer: string; // the last assistant text
  tool_outputs: string[]; // every tool result text, in order (for refusal keyword search)
  transcript: ChatMessage[]; // the message list is the trajectory
  calls: CallRecord[];
  tool_mode: ToolMode;
  turns: number;
  started_at: string; // ISO
  ended_at: string;
  wall_clock_ms: number; // agent start → agent end
  model_call_ms: number; // sum of call latencies
  spans: Span[];
  tui_version?: string;
  warnings?: RunWarning[];
  sandbox?: SandboxKind; // how the agent's own commands ran (agent CLIs; the built-in's shell), when known
}

export interface AgentEvents {
  onTurn?: (info: { turn: number; maxTurns: number; totalTokens: number }) => void;
  onTool?: (info: { name: string; ok: boolean }) => void;
}
