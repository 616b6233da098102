// The built-in agent (SPEC §4, tool contract v1). Linear, like mini-swe-agent: the message list
// is the trajectory; one turn is one model call; every stop has a typed reason.

import type { TaskSpec } from '../bundle/task-spec.js';
import { isEndpointError } from '../llm/endpoint-error.js';
import { readToolCalls, serverFix } from '../llm/dialects/registry.js';
import { isToolsUnsupported } from '../llm/tools-unsupported.js';
import type { ChatClient, ChatMessage, ChatResult, ToolCall } from '../llm/types.js';
import { systemPrompt, userMessage } from './prompts.js';
import { runTool } from './run-tool.js';
import { SpanRecorder } from './spans.js';
import { toolDefs, toolsFor } from './tools/registry.js';
import type { AgentTool } from './tools/types.js';
import type { AgentEvents, AgentOutcome, RunWarning, StopReason, ToolMode } from './types.js';

export interface BuiltinAgentInput {
  task: TaskSpec;
  workdir: string;
  client: ChatClient;
  model: string;
  limits: { maxTurns: number; timeoutMs: number; maxTotalTokens: number | null };
  shell: boolean;
  stream: boolean;
  toolMode: 'auto' | 'native' | 'text';
  signal?: AbortSignal;
  events?: AgentEvents;
  now?: () => number;
}

interface RunState {
  mode: Exclude<ToolMode, 'none'>;
  messages: ChatMessage[];
  toolOutputs: string[];
  finalAnswer: string;
  tokens: number;
  turns: number;
  anySucceeded: boolean;
  warnings: RunWarning[];
}

type Stop = { reason: StopReason; detail?: string };

/** Aborts at the deadline or when the caller cancels; says which happened. */
function deadlineController(timeoutMs: number, outer?: AbortSignal): { signal: AbortSignal; why: () => StopReason | null; dispose: () => void } {
  const controller = new AbortController();
  let why: StopReason | null = null;
  const timer = setTimeout(() => {
    why ??= 'timeout';
    controller.abort(new Error('agent timeout'));
  }, timeoutMs);
  const onAbort = (): void => {
    why ??= 'cancelled';
    controller.abort(new Error('cancelled'));
  };
  outer?.addEventListener('abort', onAbort, { once: true });
  if (outer?.aborted) onAbort();
  return { signal: controller.signal, why: () => why, dispose: () => (clearTimeout(timer), outer?.removeEventListener('abort', onAbort)) };
}

async function callModel(input: BuiltinAgentInput, state: RunState, tools: readonly AgentTool[], signal: AbortSignal): Promise<ChatResult> {
  const native = state.mode === 'native';
  const request = { model: input.model, messages: state.messages, ...(native ? { tools: toolDefs(tools) } : {}) };
  try {
    return await input.client.chat(request, { stream: input.stream, signal });
  } catch (error) {
    if (!native || input.toolMode === 'native' || !isToolsUnsupported(error)) throw error;
    switchToText(state, tools);
    return input.client.chat({ model: input.model, messages: state.messages }, { stream: input.stream, signal });
  }
}

function switchToText(state: RunState, tools: readonly AgentTool[]): void {
  state.mode = 'text';
  const first = state.messages[0];
  if (first?.role === 'system') state.messages[0] = { role: 'system', content: systemPrompt(toolDefs(tools)) };
}

/**
 * The calls of a reply: native tool_calls, or calls written as text in any dialect. In native mode
 * such text means the server took `tools` but did not parse the model's calls: they are run
 * anyway, the run goes on in text mode, and the cell gets a warning naming the server fix.
 */
function callsOf(reply: ChatResult, state: RunState, tools: readonly AgentTool[]): ToolCall[] {
  if (reply.tool_calls.length > 0) return reply.tool_calls;
  const { calls, dialect } = readToolCalls(reply.content, toolDefs(tools));
  if (dialect !== null && state.mode === 'native') {
    state.warnings.push({ kind: 'server-did-not-parse-tool-calls', dialect, fix: serverFix(dialect) });
    switchToText(state, tools);
  }
  return calls;
}

function recordReply(state: RunState, reply: ChatResult, calls: ToolCall[]): void {
  const native = reply.tool_calls.length > 0;
  state.messages.push(native ? { role: 'assistant', content: reply.content, tool_calls: calls } : { role: 'assistant', content: reply.content });
  if (reply.content.trim() !== '') state.finalAnswer = reply.content;
}

function pushResult(state: RunState, call: ToolCall, native: boolean, text: string): void {
  state.toolOutputs.push(text);
  if (native) state.messages.push({ role: 'tool', tool_call_id: call.id, name: call.name, content: text });
  else state.messages.push({ role: 'user', content: `<tool_result name="${call.name}">\n${text}\n</tool_result>` });
}

async function runCalls(input: BuiltinAgentInput, state: RunState, reply: ChatResult, calls: ToolCall[], tools: readonly AgentTool[], spans: SpanRecorder, signal: AbortSignal): Promise<void> {
  const native = reply.tool_calls.length > 0;
  const cutOff = reply.finish_reason === 'length';
  for (const call of calls) {
    if (cutOff) {
      pushResult(state, call, native, `error: not executed: the reply was cut off at the token limit (finish_reason "length"), so the arguments of ${call.name} may be incomplete. Send a shorter call.`);
      continue;
    }
    const done = spans.start('tool_call', `tool:${call.name}`);
    const result = await runTool(tools, call.name, call.arguments, { workdir: input.workdir, task: input.task, signal });
    done({ tool: call.name, ok: result.ok });
    input.events?.onTool?.({ name: call.name, ok: result.ok });
    pushResult(state, call, native, result.output);
    if (signal.aborted) return;
  }
}

/** One model turn; returns a stop when the run ends here. */
async function turn(input: BuiltinAgentInput, state: RunState, tools: readonly AgentTool[], spans: SpanRecorder, signal: AbortSignal): Promise<Stop | null> {
  state.turns += 1;
  const done = spans.start('model_call', `model:${input.model}`);
  const reply = await callModel(input, state, tools, signal);
  state.anySucceeded = true;
  state.tokens += reply.usage.prompt_tokens + reply.usage.completion_tokens;
  done({ turn: state.turns, prompt_tokens: reply.usage.prompt_tokens, completion_tokens: reply.usage.completion_tokens, finish_reason: reply.finish_reason });
  input.events?.onTurn?.({ turn: state.turns, maxTurns: input.limits.maxTurns, totalTokens: state.tokens });
  const calls = callsOf(reply, state, tools);
  recordReply(state, reply, calls);
  if (calls.length === 0) return { reason: 'done' };
  await runCalls(input, state, reply, calls, tools, spans, signal);
  if (input.limits.maxTotalTokens !== null && state.tokens >= input.limits.maxTotalTokens) return { reason: 'max_tokens', detail: `${state.tokens} tokens used, limit ${input.limits.maxTotalTokens}` };
  if (state.turns >= input.limits.maxTurns) return { reason: 'max_turns', detail: `${state.turns} turns` };
  return null;
}

function stopFromError(error: unknown, state: RunState, why: StopReason | null): Stop {
  if (why !== null) return { reason: why };
  if (!isEndpointError(error)) throw error;
  // No successful turn: a misconfiguration (routing header, unknown model, refused key), not a score
  if (!state.anySucceeded) throw error;
  return { reason: 'endpoint_error', detail: error.message };
}

export async function runBuiltinAgent(input: BuiltinAgentInput): Promise<AgentOutcome> {
  const now = input.now ?? Date.now;
  const startedAt = new Date().toISOString();
  const spans = new SpanRecorder(now);
  const callsBefore = input.client.calls.length;
  const tools = toolsFor({ shell: input.shell });
  const mode = input.toolMode === 'text' ? 'text' : 'native';
  const state: RunState = { mode, messages: [], toolOutputs: [], finalAnswer: '', tokens: 0, turns: 0, anySucceeded: false, warnings: [] };
  state.messages.push({ role: 'system', content: systemPrompt(mode === 'text' ? toolDefs(tools) : null) });
  state.messages.push({ role: 'user', content: await userMessage(input.task, input.workdir) });
  const deadline = deadlineController(input.limits.timeoutMs, input.signal);
  let stop: Stop | null = null;
  try {
    while (stop === null) {
      if (deadline.why() !== null) stop = { reason: deadline.why() as StopReason };
      else stop = await turn(input, state, tools, spans, deadline.signal).catch((error: unknown) => stopFromError(error, state, deadline.why()));
    }
  } finally {
    deadline.dispose();
  }
  const calls = input.client.calls.slice(callsBefore);
  return {
    stop_reason: stop.reason,
    ...(stop.detail ? { stop_detail: stop.detail } : {}),
    final_answer: state.finalAnswer,
    tool_outputs: state.toolOutputs,
    transcript: state.messages,
    calls,
    tool_mode: state.mode,
    turns: state.turns,
    started_at: startedAt,
    ended_at: new Date().toISOString(),
    wall_clock_ms: spans.elapsed(),
    model_call_ms: calls.reduce((sum, c) => sum + c.latency_ms, 0),
    spans: spans.list(),
    ...(state.warnings.length > 0 ? { warnings: state.warnings } : {}),
  };
}
