// How an agent-CLI run ended and what it hands to scoring: the stop reason (from the CLI's final
// event, its exit code and the proxy's view of the endpoint — never the exit code alone), the
// trace spans, and the AgentOutcome.

import type { AgentOutcome, Span, StopReason } from '../agent/types.js';
import type { CallRecord } from '../llm/types.js';
import type { RecordingProxy } from '../proxy/recording-proxy.js';
import type { ExecResult } from '../workspace/types.js';
import type { Parsed } from './adapter.js';

export interface RunFacts {
  name: string; // the --tui name
  exec: ExecResult;
  parsed: Parsed;
  proxy: RecordingProxy;
  aborted: boolean;
}

/**
 * How the run ended. Throws the endpoint's error when it refused the key, never answered, or
 * failed every call (a routing or configuration error must never look like a mediocre model).
 */
export function stopOf(f: RunFacts): { reason: StopReason; detail?: string } {
  if (f.aborted) return { reason: 'cancelled' };
  const endpointError = f.proxy.endpointError();
  if (f.proxy.authFailed() && endpointError !== null) throw endpointError;
  if (f.proxy.succeeded() === 0 && endpointError !== null) throw endpointError;
  if (f.exec.timedOut) return { reason: 'timeout', detail: `${f.name} was stopped at the time limit` };
  const limit = f.proxy.limitHit();
  if (limit !== null) return { reason: limit, detail: `the proxy refused further model calls (${limit})` };
  if (f.parsed.success && f.exec.exitCode === 0) return { reason: 'done' };
  const lastCall = f.proxy.calls.at(-1);
  if (endpointError !== null && lastCall?.error !== undefined) return { reason: 'endpoint_error', detail: lastCall.error };
  const why = f.parsed.error ?? (f.exec.exitCode === 0 ? 'no final result event in its output' : `exit code ${f.exec.exitCode ?? f.exec.signal}`);
  return { reason: 'done', detail: `${f.name} did not finish cleanly: ${why}` };
}

/** One adapter_run span for the CLI process and one model_call span per recorded call under it. */
export function cliSpans(name: string, calls: readonly CallRecord[], t0: number, exec: ExecResult, attrs: Record<string, unknown>): Span[] {
  const root: Span = {
    span_id: `${name}-run`,
    parent_id: null,
    kind: 'adapter_run',
    name: `${name}:run`,
    start_ms: 0,
    duration_ms: Date.now() - t0,
    attrs: { exit_code: exec.exitCode, signal: exec.signal, timed_out: exec.timedOut, sandbox: exec.sandbox, ...attrs },
  };
  const callSpans = calls.map((c, i): Span => ({
    span_id: `${name}-call-${i + 1}`,
    parent_id: root.span_id,
    kind: 'model_call',
    name: `model_call:${i + 1}`,
    start_ms: Math.max(0, Date.parse(c.started_at) - t0),
    duration_ms: c.latency_ms,
    attrs: { status: c.status, prompt_tokens: c.prompt_tokens, completion_tokens: c.completion_tokens, finish_reason: c.finish_reason, retries: c.retries },
    ...(c.error === undefined ? {} : { error: c.error }),
  }));
  return [root, ...callSpans];
}

export interface OutcomeInput {
  facts: RunFacts;
  prompt: string;
  startedAt: string;
  t0: number;
  version: string | null;
  spanAttrs: Record<string, unknown>;
}

export function cliOutcome(input: OutcomeInput): AgentOutcome {
  const { facts, prompt, t0, version } = input;
  const stop = stopOf(facts);
  const calls = [...facts.proxy.calls];
  const answer = facts.parsed.finalAnswer;
  return {
    stop_reason: stop.reason,
    ...(stop.detail === undefined ? {} : { stop_detail: stop.detail }),
    final_answer: answer,
    tool_outputs: facts.parsed.toolOutputs,
    transcript: [
      { role: 'user', content: prompt },
      { role: 'assistant', content: answer },
    ],
    calls,
    tool_mode: 'native',
    turns: calls.length,
    started_at: input.startedAt,
    ended_at: new Date().toISOString(),
    wall_clock_ms: Date.now() - t0,
    model_call_ms: calls.reduce((sum, c) => sum + c.latency_ms, 0),
    spans: cliSpans(facts.name, calls, t0, facts.exec, { ...input.spanAttrs, cli_usage: facts.parsed.usage }),
    ...(version === null ? {} : { tui_version: version }),
  };
}
