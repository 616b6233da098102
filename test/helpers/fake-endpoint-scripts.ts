// Script format for the fake OpenAI-compatible endpoint (fake-endpoint.ts), canned error bodies
// as real servers send them, and small helpers for writing scripts.

import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FakeToolCall {
  name: string;
  arguments: Record<string, unknown> | string; // an object is sent as a JSON string unless style.argumentsAsObject
  id?: string; // default call_fake_<request>_<i>
}

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface FakeReply {
  content?: string | null;
  reasoning?: string; // sent as reasoning_content (or style.reasoningField)
  tool_calls?: FakeToolCall[];
  finish_reason?: string | null; // default "tool_calls" with tool calls, else "stop"
  usage?: FakeUsage | 'omit'; // default: ≈ chars/4 of request body and reply
}

/** How a reply is put on the wire. Stream-only options are ignored for non-streaming requests. */
export interface FakeStyle {
  toolCallDeltas?: 'split' | 'whole' | 'no-index'; // split (default): id+name first, arguments in pieces
  repeatToolCallId?: boolean; // id in every delta
  argumentsAsObject?: boolean; // arguments as a JSON object, not a string
  omitToolCallIds?: boolean; // no id at all (client must synthesise)
  emptyContentString?: boolean; // content "" instead of null next to tool calls
  reasoningField?: 'reasoning_content' | 'reasoning';
  comments?: boolean; // ": keep-alive" before every event
  crlf?: boolean; // CRLF line ends
  dataNoSpace?: boolean; // "data:{…}"
  noDone?: boolean; // no "data: [DONE]"
  chunkBytes?: number; // write the stream in pieces of this many bytes (splits UTF-8 sequences)
  errorInStream?: { message: string; code?: string | number }; // after the first content piece, then end
  jsonBody?: boolean; // answer a stream request with a plain JSON body
  usageAlways?: boolean; // usage in the stream even without stream_options.include_usage
  usageInFinalChunk?: boolean; // usage on the finish chunk instead of a separate choices:[] chunk
}

export type RejectToolsStyle = 'ollama' | 'vllm' | 'llamacpp' | 'openrouter';

export type FakeStep =
  | { reply: FakeReply; style?: FakeStyle; delayMs?: number }
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number } // body: string as-is, else JSON
  | { rejectTools: RejectToolsStyle } // consumed by the next request that has `tools`; skipped by one without
  | { dynamic: (request: RecordedRequest) => FakeStep | Promise<FakeStep> }
  | { raw: (req: IncomingMessage, res: ServerResponse, request: RecordedRequest) => void | Promise<void> };

export interface FakeScriptOptions {
  steps: FakeStep[];
  style?: FakeStyle; // default style for every reply step
  models?: string[]; // GET /v1/models (default ["fake-model"])
  requireKey?: string; // every /v1 request without "Authorization: Bearer <key>" gets 401
  rejectTools?: RejectToolsStyle; // every request with tools gets this server's error (no step consumed)
  rejectStreamOptions?: boolean; // every request with stream_options gets 400 (no step consumed)
  final?: string; // the reply once the steps run out (default "done")
}

export type FakeScript = FakeStep[] | FakeScriptOptions;

export interface FakeRequestBody {
  model?: string;
  messages?: Array<Record<string, unknown>>;
  tools?: unknown[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>; // lower-case names
  body: FakeRequestBody | null; // parsed JSON (null for GET or unparsable)
  raw: string;
  step: number | null; // index of the script step that answered, null for built-ins
}

/** The errors real servers send when a request carries `tools` they cannot handle. */
export function rejectToolsResponse(style: RejectToolsStyle, model: string): { status: number; body: unknown } {
  switch (style) {
    case 'ollama':
      return { status: 400, body: { error: { message: `registry.ollama.ai/library/${model} does not support tools`, type: 'api_error', param: null, code: null } } };
    case 'vllm':
      return { status: 400, body: { object: 'error', message: '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set', type: 'BadRequestError', param: null, code: 400 } };
    case 'llamacpp':
      return { status: 500, body: { error: { code: 500, message: 'tools param requires --jinja flag', type: 'server_error' } } };
    case 'openrouter':
      return { status: 404, body: { error: { message: 'No endpoints found that support tool use. To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing', code: 404 } } };
  }
}

/** Error steps as real servers answer them, for end-to-end tests. */
export const SERVER_ERRORS = {
  badKey: { status: 401, body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } },
  quota: { status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } } },
  rateLimited: { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } } },
  vllmContext: { status: 400, body: { object: 'error', message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the messages, 1000 in the completion). Please reduce the length of the messages or completion.", type: 'BadRequestError', param: null, code: 400 } },
  llamacppContext: { status: 400, body: { error: { code: 400, message: 'the request exceeds the available context size, try increasing it', type: 'exceed_context_size_error', n_prompt_tokens: 4390, n_ctx: 4096 } } },
  badGatewayHtml: { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' },
  overloaded: { status: 503, body: { error: { message: 'The server is overloaded, please try again later.', type: 'server_error' } } },
} satisfies Record<string, FakeStep>;

// ---- wire rendering shared with fake-endpoint.ts ----

export type Obj = Record<string, unknown>;

/** Splits a string into up to n pieces on code point boundaries. */
export function pieces(text: string, n: number): string[] {
  const chars = Array.from(text);
  const size = Math.max(1, Math.ceil(chars.length / n));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

export function toolCallsOf(reply: FakeReply, style: FakeStyle, n: number): Obj[] {
  return (reply.tool_calls ?? []).map((c, i) => {
    const args = typeof c.arguments === 'string' || style.argumentsAsObject ? c.arguments : JSON.stringify(c.arguments);
    const id = style.omitToolCallIds ? {} : { id: c.id ?? `call_fake_${n}_${i}` };
    return { ...id, type: 'function', function: { name: c.name, arguments: args } };
  });
}

export function message(reply: FakeReply, style: FakeStyle, n: number): Obj {
  const calls = toolCallsOf(reply, style, n);
  const content = reply.content !== undefined ? reply.content : calls.length > 0 ? (style.emptyContentString ? '' : null) : '';
  const m: Obj = { role: 'assistant', content };
  if (calls.length > 0) m['tool_calls'] = calls;
  if (reply.reasoning !== undefined) m[style.reasoningField ?? 'reasoning_content'] = reply.reasoning;
  return m;
}

export function finishOf(reply: FakeReply): string | null {
  return reply.finish_reason !== undefined ? reply.finish_reason : (reply.tool_calls ?? []).length > 0 ? 'tool_calls' : 'stop';
}

export function say(content: string, usage?: FakeUsage | 'omit'): FakeStep {
  return { reply: { content, ...(usage === undefined ? {} : { usage }) } };
}

export function callTool(name: string, args: Record<string, unknown> | string, extra: Partial<FakeReply> = {}): FakeStep {
  return { reply: { ...extra, tool_calls: [{ name, arguments: args }] } };
}

/** Text of the last message with that role (default: the last tool result), or null. */
export function lastMessage(request: RecordedRequest, role = 'tool'): string | null {
  const messages = request.body?.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.['role'] === role) return typeof m['content'] === 'string' ? m['content'] : JSON.stringify(m['content'] ?? null);
  }
  return null;
}

export const lastToolResult = (request: RecordedRequest): string | null => lastMessage(request, 'tool');
