// What `doctor --endpoint` reports: is the endpoint reachable, does it take the key, which
// models it lists, whether native tool calls and streaming usage work, which tool mode `check`
// would use, and when the model's probe call came back as text: its dialect and the server fix.

import type { Agent } from 'undici';
import { createChatClient } from './client.js';
import { readToolCalls, serverFix } from './dialects/registry.js';
import { EndpointError } from './endpoint-error.js';
import { isToolsUnsupported } from './tools-unsupported.js';
import type { Timeouts } from './transport.js';
import type { ChatRequest, ChatResult } from './types.js';

export interface ProbeResult {
  reachable: boolean;
  auth: 'ok' | 'refused' | 'not-required' | 'unknown';
  models: string[] | null;
  native_tools: boolean | null;
  streaming_usage: boolean | null;
  mode: 'native' | 'text' | null;
  /** How the probe's ping call came back: parsed by the server, written as text, or not at all. */
  tool_call: 'parsed' | 'as-text' | 'none' | null;
  dialect?: string; // the dialect of a call that came back as text
  server_fix?: string; // how to make the server parse that dialect
  models_error?: string; // /models failed (5xx) but the chat checks went on
  streaming_error?: string; // the streamed call failed although the plain ones worked: check needs --no-stream
  error?: string;
}

export interface ProbeOptions {
  baseUrl: string;
  key?: string;
  headers?: Readonly<Record<string, string>>;
  model?: string;
  signal?: AbortSignal;
  timeouts?: Partial<Timeouts>;
  dispatcherOptions?: Partial<Agent.Options>; // tests
}

const PING: ChatRequest['tools'] = [
  { name: 'ping', description: 'Answers pong. Call it when asked to.', parameters: { type: 'object', properties: {}, required: [] } },
];

function tiny(model: string, tools: boolean): ChatRequest {
  return {
    model,
    messages: [
      { role: 'system', content: 'You are a connectivity test. Follow the instruction exactly.' },
      { role: 'user', content: tools ? 'Call the ping tool now.' : 'Reply with the single word: pong' },
    ],
    ...(tools ? { tools: PING } : {}),
    max_tokens: tools ? 160 : 32,
    temperature: 0,
  };
}

const authOf = (keySent: boolean): ProbeResult['auth'] => (keySent ? 'ok' : 'not-required');

/** Did the server hand back the ping call as tool_calls, as text in some dialect, or not at all? */
function pingCall(reply: ChatResult): Pick<ProbeResult, 'tool_call' | 'dialect' | 'server_fix'> {
  if (reply.tool_calls.length > 0) return { tool_call: 'parsed' };
  const { dialect } = readToolCalls(reply.content, PING ?? []);
  return dialect === null ? { tool_call: 'none' } : { tool_call: 'as-text', dialect, server_fix: serverFix(dialect) };
}

export async function probeEndpoint(opts: ProbeOptions): Promise<ProbeResult> {
  const keySent = (opts.key ?? '').trim() !== '';
  const result: ProbeResult = { reachable: false, auth: 'unknown', models: null, native_tools: null, streaming_usage: null, mode: null, tool_call: null };
  let client: ReturnType<typeof createChatClient>;
  try {
    client = createChatClient({
      baseUrl: opts.baseUrl,
      ...(opts.key === undefined ? {} : { key: opts.key }),
      ...(opts.headers === undefined ? {} : { headers: opts.headers }),
      timeouts: { connectMs: 10_000, headersMs: 180_000, bodyMs: 60_000, ...opts.timeouts },
      retry: { maxRetries: 1, maxRetryAfterMs: 10_000 },
      ...(opts.dispatcherOptions ? { dispatcherOptions: opts.dispatcherOptions } : {}),
    });
  } catch (err) {
    return { ...result, error: err instanceof Error ? err.message : String(err) };
  }
  const fail = (err: unknown): void => {
    const e = err instanceof EndpointError ? err : null;
    if (e !== null && e.kind === 'auth') result.auth = 'refused';
    if (e !== null && e.kind !== 'unreachable' && e.kind !== 'aborted') result.reachable = true;
    result.error ??= err instanceof Error ? err.message : String(err);
  };
  try {
    try {
      result.models = await client.listModels(opts.signal);
      result.reachable = true;
      result.auth = authOf(keySent);
    } catch (err) {
      fail(err);
      const status = err instanceof EndpointError ? err.status : undefined;
      if (!result.reachable || result.auth === 'refused' || (status !== 404 && status !== 405 && (status ?? 0) < 500)) return result;
      // no /models route, or a gateway failing on it, is fine: go on with the chat checks
      if (status !== undefined && status >= 500) result.models_error = result.error;
      delete result.error;
    }
    const model = opts.model ?? result.models?.[0];
    if (model === undefined) {
      result.error ??= 'no model given and /models listed none; pass --model';
      return result;
    }
    try {
      const reply = await client.chat(tiny(model, true), { stream: false, ...(opts.signal ? { signal: opts.signal } : {}) });
      result.native_tools = true; // a tool call, or at least `tools` accepted
      Object.assign(result, pingCall(reply));
      result.reachable = true;
      if (result.auth === 'unknown') result.auth = authOf(keySent);
    } catch (err) {
      if (isToolsUnsupported(err)) {
        result.native_tools = false;
        result.reachable = true;
        if (result.auth === 'unknown') result.auth = authOf(keySent);
      } else {
        fail(err);
        return result;
      }
    }
    result.mode = result.native_tools ? 'native' : 'text';
    try {
      const streamed = await client.chat(tiny(model, false), { stream: true, ...(opts.signal ? { signal: opts.signal } : {}) });
      result.streaming_usage = !streamed.usage.estimated;
    } catch (err) {
      if (!(err instanceof EndpointError) || err.kind === 'auth' || err.kind === 'aborted') fail(err);
      else result.streaming_error = err.message; // some gateways fail only on streams
    }
    return result;
  } finally {
    await client.close();
  }
}
