// A scripted OpenAI-compatible server on 127.0.0.1 (random port) for end-to-end tests. Each
// script step answers one POST /v1/chat/completions; GET /v1/models is built in; once the
// script runs out every request gets a plain final message ("done", no tool calls).
// Script format and helpers: fake-endpoint-scripts.ts.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finishOf, message, pieces, rejectToolsResponse, toolCallsOf } from './fake-endpoint-scripts.js';
import type { FakeReply, FakeScript, Obj, FakeScriptOptions, FakeStep, FakeStyle, FakeUsage, RecordedRequest } from './fake-endpoint-scripts.js';

export * from './fake-endpoint-scripts.js';

export interface FakeEndpoint {
  url: string; // http://127.0.0.1:<port>/v1
  origin: string; // http://127.0.0.1:<port>
  requests: RecordedRequest[]; // every request, in order, headers included
  served: FakeUsage; // sum of the usage the server reported
  close(): Promise<void>;
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  res.end(text);
}

function toolDeltas(calls: Obj[], style: FakeStyle): Obj[] {
  const mode = style.toolCallDeltas ?? 'split';
  return calls.flatMap((call, index): Obj[] => {
    const fn = call['function'] as { name: string; arguments: unknown };
    const at = mode === 'no-index' ? {} : { index };
    const id = call['id'] === undefined ? {} : { id: call['id'] };
    if (mode === 'whole' || typeof fn.arguments !== 'string') return [{ ...at, ...id, type: 'function', function: fn }];
    const first = { ...at, ...id, type: 'function', function: { name: fn.name, arguments: '' } };
    const rest = pieces(fn.arguments, 3).map((p) => ({ ...at, ...(style.repeatToolCallId ? id : {}), function: { arguments: p } }));
    return [first, ...rest];
  });
}

function sseEvents(reply: FakeReply, style: FakeStyle, n: number, model: string, usage: FakeUsage | null): { events: unknown[]; errored: boolean } {
  const base = { id: `chatcmpl-fake-${n}`, object: 'chat.completion.chunk', created: 1700000000, model };
  const chunk = (delta: Obj, finish: string | null = null, extra: Obj = {}): Obj => ({ ...base, choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
  const events: unknown[] = [chunk({ role: 'assistant', content: '' })];
  if (reply.reasoning !== undefined) for (const p of pieces(reply.reasoning, 2)) events.push(chunk({ [style.reasoningField ?? 'reasoning_content']: p }));
  const contentPieces = pieces(reply.content ?? '', 3);
  for (const [i, p] of contentPieces.entries()) {
    events.push(chunk({ content: p }));
    if (i === 0 && style.errorInStream) return { events: [...events, { error: style.errorInStream }], errored: true };
  }
  if (style.errorInStream) return { events: [...events, { error: style.errorInStream }], errored: true };
  for (const d of toolDeltas(toolCallsOf(reply, style, n), style)) events.push(chunk({ tool_calls: [d] }));
  const usageOnFinal = usage !== null && style.usageInFinalChunk ? { usage } : {};
  events.push(chunk({}, finishOf(reply), usageOnFinal));
  if (usage !== null && !style.usageInFinalChunk) events.push({ ...base, choices: [], usage });
  if (!style.noDone) events.push('[DONE]');
  return { events, errored: false };
}

async function writeSse(res: ServerResponse, events: unknown[], style: FakeStyle): Promise<void> {
  const eol = style.crlf ? '\r\n' : '\n';
  const text = events
    .map((e) => `${style.comments ? `: keep-alive${eol}` : ''}data:${style.dataNoSpace ? '' : ' '}${typeof e === 'string' ? e : JSON.stringify(e)}${eol}${eol}`)
    .join('');
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const bytes = Buffer.from(text, 'utf8');
  const size = style.chunkBytes ?? 0;
  if (size <= 0) return void res.end(bytes);
  for (let i = 0; i < bytes.length; i += size) {
    res.write(bytes.subarray(i, i + size));
    await wait(2);
  }
  res.end();
}

function defaultUsage(rec: RecordedRequest, reply: FakeReply): FakeUsage {
  const out = (reply.content ?? '') + (reply.reasoning ?? '') + JSON.stringify(reply.tool_calls ?? []);
  return { prompt_tokens: Math.ceil(rec.raw.length / 4), completion_tokens: Math.max(1, Math.ceil(out.length / 4)) };
}

export async function startFakeEndpoint(script: FakeScript): Promise<FakeEndpoint> {
  const opts: FakeScriptOptions = Array.isArray(script) ? { steps: script } : script;
  const requests: RecordedRequest[] = [];
  const served: FakeUsage = { prompt_tokens: 0, completion_tokens: 0 };
  let next = 0;

  async function answerReply(res: ServerResponse, rec: RecordedRequest, step: { reply: FakeReply; style?: FakeStyle }): Promise<void> {
    const style = { ...opts.style, ...step.style };
    const body = rec.body ?? {};
    const n = requests.length;
    const model = body.model ?? 'fake-model';
    const usage = step.reply.usage === 'omit' ? null : (step.reply.usage ?? defaultUsage(rec, step.reply));
    if (body.stream !== true || style.jsonBody) {
      if (usage !== null) (served.prompt_tokens += usage.prompt_tokens), (served.completion_tokens += usage.completion_tokens);
      const choice = { index: 0, message: message(step.reply, style, n), finish_reason: finishOf(step.reply) };
      return sendJson(res, 200, { id: `chatcmpl-fake-${n}`, object: 'chat.completion', created: 1700000000, model, choices: [choice], ...(usage === null ? {} : { usage }) });
    }
    const wantUsage = body.stream_options?.include_usage === true || style.usageAlways === true;
    const { events, errored } = sseEvents(step.reply, style, n, model, wantUsage ? usage : null);
    if (wantUsage && usage !== null && !errored) (served.prompt_tokens += usage.prompt_tokens), (served.completion_tokens += usage.completion_tokens);
    await writeSse(res, events, style);
  }

  async function answer(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, step: FakeStep, depth = 0): Promise<void> {
    if ('dynamic' in step) return answer(req, res, rec, depth > 8 ? { status: 500, body: 'dynamic loop' } : await step.dynamic(rec), depth + 1);
    if ('raw' in step) return step.raw(req, res, rec);
    if ('rejectTools' in step) {
      const r = rejectToolsResponse(step.rejectTools, rec.body?.model ?? 'fake-model');
      return sendJson(res, r.status, r.body);
    }
    if (step.delayMs !== undefined) await wait(step.delayMs);
    if ('status' in step) return sendJson(res, step.status, step.body, step.headers);
    return answerReply(res, rec, step);
  }

  function pickStep(rec: RecordedRequest): FakeStep {
    const hasTools = (rec.body?.tools ?? []).length > 0;
    while (next < opts.steps.length) {
      const index = next++;
      const step = opts.steps[index] as FakeStep;
      if ('rejectTools' in step && !hasTools) continue;
      rec.step = index;
      return step;
    }
    return { reply: { content: opts.final ?? 'done' } };
  }

  async function chat(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest): Promise<void> {
    const body = rec.body;
    if (body === null) return sendJson(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
    if (opts.rejectStreamOptions && body.stream_options !== undefined) {
      return sendJson(res, 400, { error: { message: 'Unrecognized request argument supplied: stream_options', type: 'invalid_request_error', param: 'stream_options', code: null } });
    }
    if (opts.rejectTools !== undefined && (body.tools ?? []).length > 0) return answer(req, res, rec, { rejectTools: opts.rejectTools });
    return answer(req, res, rec, pickStep(rec));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: RecordedRequest['body'] = null;
    try {
      body = raw === '' ? null : (JSON.parse(raw) as RecordedRequest['body']);
    } catch {
      body = null;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, headers, body, raw, step: null };
    requests.push(rec);
    if (opts.requireKey !== undefined && headers['authorization'] !== `Bearer ${opts.requireKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: (opts.models ?? ['fake-model']).map((id) => ({ id, object: 'model', owned_by: 'fake' })) });
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') return chat(req, res, rec);
    return sendJson(res, 404, { error: { message: `Not Found: ${req.method} ${path}`, type: 'invalid_request_error' } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake endpoint crashed: ${String(err)}` } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
