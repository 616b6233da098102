// The one local recording proxy every agent CLI talks to: node:http on 127.0.0.1 (random port) in
// front of the user's endpoint. It holds the real key (drivers get a per-run dummy key and must
// present it), forwards chat completions and /models with the client's retry policy, fixes
// request parameters a server rejects, translates the Responses API (codex) and the Anthropic
// Messages API (Claude Code), enforces the run's turn/token budget and records one CallRecord per
// model call.

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EndpointError } from '../llm/endpoint-error.js';
import { apiBase, endpointHost } from '../llm/normalize-url.js';
import { redactSecret } from '../llm/redact-secret.js';
import type { RetryPolicy } from '../llm/retry.js';
import { readText } from '../llm/transport.js';
import type { Timeouts } from '../llm/transport.js';
import type { CallRecord } from '../llm/types.js';
import { relayChat } from './chat-relay.js';
import { passBack, proxyError, readBody, relayHeaders, sendJson } from './http-io.js';
import { messagesError } from './messages-output.js';
import { ProxyState } from './proxy-state.js';
import type { ProxyLimits, ProxyStop } from './proxy-state.js';
import { countTokens, relayMessages } from './messages-relay.js';
import { relayResponses } from './responses-relay.js';
import { createUpstream } from './upstream.js';

export type { ProxyLimits, ProxyStop } from './proxy-state.js';

export interface RecordingProxyOptions {
  upstreamBase: string; // the user's endpoint, with or without /v1
  key?: string; // the user's key; empty or missing: no Authorization upstream
  headers?: Readonly<Record<string, string>>; // extra upstream headers (--header / CAB_HEADERS)
  token?: string; // the dummy key drivers must send (default: random per proxy)
  limits?: ProxyLimits;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy> & { sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; random?: () => number };
  onCall?: (record: CallRecord) => void;
  noStream?: boolean; // --no-stream: the upstream is asked for whole replies; streaming drivers get streams built from them
}

export interface RecordingProxy {
  url: string; // http://127.0.0.1:<port>/v1
  token: string; // give this to the driver as its API key
  calls: CallRecord[]; // one per model call, in the order they ended
  authFailed(): boolean; // the upstream refused the key (401/403) and no call has succeeded
  firstError(): string | null; // the first upstream failure, one redacted line
  endpointError(): EndpointError | null; // the same, classified (auth first)
  succeeded(): number; // calls that got a whole reply
  limitHit(): ProxyStop | null; // a call was refused because the turn/token budget was spent
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;

const CLOSE_GRACE_MS = 2_000;

function presentedToken(req: IncomingMessage): string | null {
  const auth = req.headers['authorization'];
  const bearer = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim())?.[1] : undefined;
  if (bearer !== undefined) return bearer.trim();
  for (const name of ['x-api-key', 'api-key']) {
    const v = req.headers[name];
    if (typeof v === 'string') return v.trim();
  }
  return null;
}

async function relayModels(state: ProxyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { upstream } = state;
  const result = await upstream.send(() => ({ method: 'GET', url: `${upstream.base}/models`, headers: upstream.headers('application/json', req.headers['user-agent']) }));
  if (!result.ok) {
    state.noteError(result.error);
    passBack(res, result, state.secret);
    return;
  }
  const text = await readText(result.res.body, 8 * 1024 * 1024);
  res.writeHead(result.res.status, relayHeaders(result.res.headers, false));
  res.end(text);
}

function parseObject(raw: string): Obj | null {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
  } catch {
    return null;
  }
}

function budgetMessage(stop: ProxyStop): string {
  return stop === 'max_turns'
    ? 'codingagentbench: the turn budget of this run is spent (max turns); stop now'
    : 'codingagentbench: the token budget of this run is spent (--max-total-tokens); stop now';
}

async function handle(state: ProxyState, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]?.replace(/\/+$/, '') ?? '';
  if (presentedToken(req) !== token) {
    req.resume();
    return proxyError(res, 401, 'codingagentbench proxy: missing or wrong API key (drivers get a per-run key)', 'invalid_api_key');
  }
  if (req.method === 'GET' && path === '/v1/models') return relayModels(state, req, res);
  const chat = path === '/v1/chat/completions';
  const responses = path === '/v1/responses';
  const messages = path === '/v1/messages';
  const counting = path === '/v1/messages/count_tokens';
  if (req.method !== 'POST' || (!chat && !responses && !messages && !counting)) {
    req.resume();
    return proxyError(res, 404, `codingagentbench proxy: no route ${req.method ?? ''} ${path}`, 'not_found');
  }
  const raw = await readBody(req);
  const body = raw === null ? null : parseObject(raw);
  if (body === null) return proxyError(res, 400, 'codingagentbench proxy: the request body is not a JSON object (or is too large)', 'invalid_request_error');
  if (counting) return countTokens(res, body);
  const stop = state.refusal();
  if (stop !== null && messages) return sendJson(res, 400, messagesError(400, budgetMessage(stop)));
  if (stop !== null) return proxyError(res, 400, budgetMessage(stop), 'budget_exhausted');
  if (messages) return relayMessages(state, req, res, body);
  return chat ? relayChat(state, req, res, body) : relayResponses(state, req, res, body);
}

export async function startRecordingProxy(opts: RecordingProxyOptions): Promise<RecordingProxy> {
  const key = opts.key?.trim() === '' ? undefined : opts.key?.trim();
  const upstream = createUpstream({
    base: apiBase(opts.upstreamBase),
    host: endpointHost(opts.upstreamBase),
    ...(key === undefined ? {} : { key }),
    ...(opts.headers === undefined ? {} : { headers: opts.headers }),
    ...(opts.timeouts === undefined ? {} : { timeouts: opts.timeouts }),
    ...(opts.retry === undefined ? {} : { retry: opts.retry }),
  });
  const state = new ProxyState(upstream, key, opts.limits ?? {}, opts.onCall, opts.noStream === true);
  const token = opts.token ?? `cab-proxy-${randomBytes(16).toString('hex')}`;
  const inflight = new Set<Promise<void>>();
  const server: Server = createServer((req, res) => {
    const done = handle(state, token, req, res).catch((err: unknown) => {
      const message = redactSecret(err instanceof Error ? err.message : String(err), key);
      if (!res.headersSent) proxyError(res, 500, `codingagentbench proxy failed: ${message}`, 'proxy_error');
      else res.destroy();
    });
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    token,
    calls: state.calls,
    authFailed: () => state.authFailed(),
    firstError: () => state.firstError(),
    endpointError: () => state.firstEndpointError(),
    succeeded: () => state.succeeded(),
    limitHit: () => state.limitHit(),
    close: () => {
      closing ??= (async () => {
        // A driver may exit on the last byte, before that call's record is written: let handlers finish.
        await Promise.race([Promise.allSettled([...inflight]), new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref())]);
        await new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        });
        await upstream.close();
      })();
      return closing;
    },
  };
}
