// A loopback "gateway" in front of an OpenAI-compatible endpoint (usually the scripted one), with
// the habits real gateways and API-management layers showed: a required routing header, errors
// rewritten to the Express/Nest shape, statuses rewritten, a failing /models, a trailing all-zero
// usage chunk, tool calls renumbered to index 0 and re-sent whole; and Portkey's (1.15.2, as run by
// bench/real-gateways.mjs): errors prefixed with the provider's name, streamed calls failing with
// a 500 while plain ones work. Responses are buffered.

import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { startFakeEndpoint, type FakeEndpoint, type FakeScript } from './fake-endpoint.js';

export interface GatewayOptions {
  requireHeader?: { name: string; value: string }; // else 400 with the gateway's words
  expressErrors?: boolean; // non-2xx bodies become {"error":"<status text>","message":"<upstream words>"}
  rewriteStatus?: Record<number, number>; // e.g. {401: 500}
  modelsStatus?: number; // GET /models answered with this status, never forwarded
  trailingZeroUsage?: boolean; // SSE: one more usage chunk of all zeros before [DONE]
  resendToolCalls?: boolean; // SSE: every tool call at index 0, then each re-sent whole (same id)
  providerErrors?: string; // non-2xx bodies become {"error":{"message":"<provider> error: <words>"},"provider":"<provider>"}
  failStreams?: boolean; // every streamed request: 500 {"status":"failure","message":"Something went wrong"}
  downPage?: 'express' | 'portkey'; // upstream unreachable: Express's default HTML error page (with a stack) or Portkey's {"html-message"}
}

export interface Gateway {
  url: string; // http://127.0.0.1:<port>/v1
  seen: Array<{ path: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;
const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway' };

function forward(upstream: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const headers = { ...req.headers, host: upstream.host };
  return new Promise((resolve, reject) => {
    const out = request(new URL(req.url ?? '/', upstream), { method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') }, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

function upstreamWords(text: string): string {
  try {
    const json = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    if (typeof json.error === 'object' && typeof json.error?.message === 'string') return json.error.message;
    return typeof json.message === 'string' ? json.message : typeof json.error === 'string' ? json.error : text;
  } catch {
    return text;
  }
}

function parseSse(text: string): unknown[] {
  return text.split(/\r?\n\r?\n/).flatMap((block) => {
    const data = block.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('');
    if (data === '') return [];
    if (data === '[DONE]') return ['[DONE]'];
    return [JSON.parse(data) as unknown];
  });
}

/** Tool-call deltas renumbered to index 0; each call re-sent whole (same id) before the finish chunk. */
function resend(events: unknown[]): unknown[] {
  const whole = new Map<number, { id: string; name: string; args: string }>();
  const out: unknown[] = [];
  for (const e of events) {
    const choice = typeof e === 'object' && e !== null ? ((e as Obj)['choices'] as Obj[] | undefined)?.[0] : undefined;
    const delta = choice?.['delta'] as { tool_calls?: Array<Obj & { index: number; id?: string; function?: { name?: string; arguments?: string } }> } | undefined;
    if (choice?.['finish_reason'] && whole.size > 0) {
      const again = [...whole.values()].map((c) => ({ index: 0, id: c.id, type: 'function', function: { name: c.name, arguments: c.args } }));
      for (const call of again) out.push({ ...(e as Obj), choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: null }] });
    }
    for (const call of delta?.tool_calls ?? []) {
      const c = whole.get(call.index) ?? { id: '', name: '', args: '' };
      whole.set(call.index, { id: call.id ?? c.id, name: call.function?.name ?? c.name, args: c.args + (call.function?.arguments ?? '') });
      call.index = 0;
    }
    out.push(e);
  }
  return out;
}

function rewriteStream(text: string, opts: GatewayOptions): string {
  let events = parseSse(text);
  if (opts.resendToolCalls) events = resend(events);
  if (opts.trailingZeroUsage) {
    const done = events.indexOf('[DONE]');
    const zero = { id: 'gw-usage', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } };
    events.splice(done < 0 ? events.length : done, 0, zero);
  }
  return events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');
}

function downPage(res: ServerResponse, kind: 'express' | 'portkey', err: Error): void {
  const stack = (err.stack ?? '').split('\n').slice(1, 3).map((l) => ` &nbsp; &nbsp;${l.trim()}`).join('<br>');
  if (kind === 'portkey') return void res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ 'html-message': `Message: fetch failed Cause: ${String(err)} Name: TypeError` }));
  const page = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${String(err)}<br>${stack}</pre>\n</body>\n</html>\n`;
  res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end(page);
}

async function handle(upstream: URL, opts: GatewayOptions, seen: Gateway['seen'], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
  seen.push({ path: req.url ?? '/', headers });
  const json = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const need = opts.requireHeader;
  if (need && headers[need.name.toLowerCase()] !== need.value) {
    return json(400, { error: { message: `acme-gateway: provider header required: ${need.name}`, type: 'gateway_error' } });
  }
  if (opts.modelsStatus !== undefined && req.method === 'GET' && (req.url ?? '').endsWith('/models')) {
    return json(opts.modelsStatus, { error: STATUS_TEXT[opts.modelsStatus] ?? 'Error', message: 'acme-gateway: model catalog backend unavailable' });
  }
  const body = Buffer.concat(chunks);
  if (opts.failStreams && /"stream"\s*:\s*true/.test(body.toString('utf8'))) return json(500, { status: 'failure', message: 'Something went wrong' });
  const up = await forward(upstream, req, body).catch((err: unknown) => {
    if (opts.downPage === undefined) throw err;
    return { status: 500, headers: {}, text: '', down: err instanceof Error ? err : new Error(String(err)) };
  });
  if ('down' in up) return downPage(res, opts.downPage ?? 'express', up.down);
  const status = opts.rewriteStatus?.[up.status] ?? up.status;
  const p = opts.providerErrors;
  if (status >= 400 && p !== undefined) return json(status, { error: { message: `${p} error: ${upstreamWords(up.text)}`, type: 'invalid_request_error', param: null, code: null }, provider: p });
  if (status >= 400 && opts.expressErrors) return json(status, { error: STATUS_TEXT[status] ?? 'Error', message: upstreamWords(up.text), statusCode: status });
  if (status >= 400) return void res.writeHead(status, up.headers).end(up.text);
  const stream = (up.headers['content-type'] ?? '').includes('text/event-stream');
  res.writeHead(status, up.headers).end(stream ? rewriteStream(up.text, opts) : up.text);
}

export async function startGateway(upstreamUrl: string, opts: GatewayOptions = {}): Promise<Gateway> {
  const upstream = new URL(upstreamUrl.replace(/\/v1\/?$/, '/'));
  const seen: Gateway['seen'] = [];
  const server = createServer((req, res) => {
    handle(upstream, opts, seen, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`gateway failed: ${String(err)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a test file: `behind(script, opts)` starts the scripted endpoint and a loopback gateway in
 * front of it; both are closed after each test.
 */
export function gatewaysPerTest(): (script: FakeScript, opts: GatewayOptions) => Promise<{ fake: FakeEndpoint; gw: Gateway }> {
  const open: Array<FakeEndpoint | Gateway> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (script, opts) => {
    const fake = await startFakeEndpoint(script);
    const gw = await startGateway(fake.url, opts);
    open.push(fake, gw);
    return { fake, gw };
  };
}
