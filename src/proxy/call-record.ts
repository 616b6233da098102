// One CallRecord per relayed model call, built exactly as the chat client builds its own: the
// request hash over the body without transport options, the server's usage (estimated and flagged
// when missing), latency from the driver's request to the last byte, status, retries.

import { estimateCompletionTokens } from '../llm/estimate.js';
import type { AssembledMessage } from '../llm/message-parts.js';
import { contentText } from '../llm/message-parts.js';
import { redactSecret } from '../llm/redact-secret.js';
import { requestSha256 } from '../llm/request-body.js';
import type { CallRecord } from '../llm/types.js';

type Obj = Record<string, unknown>;

/** The body the model is asked, without the transport options (stream, stream_options). */
export function hashedBody(body: Obj): Obj {
  const { stream: _stream, stream_options: _options, ...rest } = body;
  return rest;
}

/** ≈ chars/4 over what the model reads: every message's role and text, tool calls, tool definitions. */
export function estimatePromptFromBody(body: Obj): number {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as unknown[]) : [];
  let chars = 0;
  for (const raw of messages) {
    if (typeof raw !== 'object' || raw === null) continue;
    const m = raw as Obj;
    chars += String(m['role'] ?? '').length + contentText(m['content']).length;
    if (Array.isArray(m['tool_calls'])) chars += JSON.stringify(m['tool_calls']).length;
  }
  if (Array.isArray(body['tools'])) chars += JSON.stringify(body['tools']).length;
  return Math.ceil(chars / 4);
}

export interface CallUsage {
  prompt_tokens: number;
  completion_tokens: number;
  estimated: boolean;
}

/** The server's usage when it sent a believable one, else an estimate flagged as such. */
export function usageFor(body: Obj, reply: AssembledMessage): CallUsage {
  const completion = estimateCompletionTokens(reply);
  const u = reply.usage;
  if (u !== null && !(u.prompt_tokens === 0 && u.completion_tokens === 0 && completion > 0)) {
    return { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens, estimated: false };
  }
  return { prompt_tokens: estimatePromptFromBody(body), completion_tokens: completion, estimated: true };
}

export interface CallRecorder {
  /** The call ended with a reply (possibly carrying an inline error). */
  replied(reply: AssembledMessage, usage: CallUsage, status: CallRecord['status'], retries: number, error?: string): CallRecord;
  /** The call ended without a reply. */
  failed(status: CallRecord['status'], retries: number, error: string): CallRecord;
}

export function startCall(body: Obj, stream: boolean, secret?: string): CallRecorder {
  const started_at = new Date().toISOString();
  const t0 = performance.now();
  const request_sha256 = requestSha256(hashedBody(body));
  const base = (): Pick<CallRecord, 'started_at' | 'request_sha256' | 'latency_ms' | 'stream'> => ({
    started_at,
    request_sha256,
    latency_ms: Math.round(performance.now() - t0),
    stream,
  });
  return {
    replied(reply, usage, status, retries, error) {
      const r: CallRecord = {
        ...base(),
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        finish_reason: reply.finish_reason,
        status,
        retries,
        usage_estimated: usage.estimated,
      };
      if (error !== undefined) r.error = redactSecret(error, secret);
      return r;
    },
    failed(status, retries, error) {
      return { ...base(), prompt_tokens: 0, completion_tokens: 0, finish_reason: null, status, retries, usage_estimated: false, error: redactSecret(error, secret) };
    },
  };
}
