// Transport failures (no HTTP status) → EndpointError with a message a user can act on:
// connection refused, DNS failure, TLS error, connect timeout, headers never sent, body stall,
// connection reset, cancelled.

import { EndpointError } from './endpoint-error.js';
import { redactedCause, redactSecret } from './redact-secret.js';

export interface NetworkContext {
  host: string;
  secret?: string;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  aborted: boolean; // the caller's signal fired
}

export interface NetworkVerdict {
  error: EndpointError;
  /** The connection was reset/closed; before any response byte this is safe to retry. */
  connectionDropped: boolean;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const UNROUTABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN']);

function codesOf(err: unknown, depth = 0): string[] {
  if (typeof err !== 'object' || err === null || depth > 4) return [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const inner = Array.isArray(e.errors) ? e.errors.flatMap((x) => codesOf(x, depth + 1)) : [];
  return [...own, ...inner, ...codesOf(e.cause, depth + 1)];
}

function textOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return textOf(err.errors[0]);
  return err instanceof Error ? err.message : String(err);
}

function isTls(codes: string[], text: string): boolean {
  return (
    codes.some((c) => c.startsWith('ERR_SSL') || c.startsWith('ERR_TLS') || c === 'EPROTO' || c.includes('CERT') || c.includes('SELF_SIGNED') || c === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') ||
    /\b(SSL|TLS)\b|certificate|wrong version number/i.test(text)
  );
}

/** OpenSSL's "…:SSL routines:<func>:<reason>:<file>:<line>:" → "<reason>"; other texts as they are. */
function tlsReason(text: string, codes: string[]): string {
  const reason = /SSL routines:[^:]*:([^:]+)/.exec(text)?.[1] ?? text;
  const code = codes.find((c) => c.startsWith('ERR_SSL') || c.startsWith('ERR_TLS') || c.includes('CERT'));
  return code === undefined ? reason : `${reason} (${code})`;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

export function classifyNetworkError(err: unknown, ctx: NetworkContext): NetworkVerdict {
  const codes = codesOf(err);
  const text = redactSecret(textOf(err), ctx.secret);
  const cause = redactedCause(err, ctx.secret);
  const has = (c: string): boolean => codes.includes(c);
  const make = (kind: ConstructorParameters<typeof EndpointError>[0], message: string, hint?: string): EndpointError =>
    new EndpointError(kind, redactSecret(message, ctx.secret), { cause, ...(hint === undefined ? {} : { hint }) });
  const h = ctx.host;
  const verdict = (error: EndpointError, connectionDropped = false): NetworkVerdict => ({ error, connectionDropped });

  if (ctx.aborted || has('UND_ERR_ABORTED') || (err as { name?: unknown } | null)?.name === 'AbortError') {
    return verdict(make('aborted', `request to endpoint ${h} was cancelled`));
  }
  if (has('ECONNREFUSED')) {
    return verdict(make('unreachable', `cannot connect to endpoint ${h}: connection refused`, 'is the model server running and listening on that host and port? check --endpoint'));
  }
  if (codes.some((c) => DNS.has(c))) {
    const name = h.replace(/:\d+$/, '');
    return verdict(make('unreachable', `cannot resolve endpoint host ${name} (DNS lookup failed: ${codes.find((c) => DNS.has(c))})`, 'check the host name in --endpoint and your network/DNS'));
  }
  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    return verdict(make('unreachable', `timed out connecting to endpoint ${h} after ${seconds(ctx.timeouts.connectMs)}`, 'is the host reachable (firewall, VPN, port)?'));
  }
  if (codes.some((c) => UNROUTABLE.has(c))) {
    return verdict(make('unreachable', `cannot reach endpoint ${h}: ${codes.find((c) => UNROUTABLE.has(c))}`, 'check the network route to the host'));
  }
  if (isTls(codes, text)) {
    return verdict(make('unreachable', `TLS handshake with endpoint ${h} failed: ${tlsReason(text, codes)}`, 'if the server speaks plain HTTP use http://, otherwise check its certificate'));
  }
  if (has('UND_ERR_HEADERS_TIMEOUT')) {
    return verdict(make('timeout', `endpoint ${h} sent no response within ${seconds(ctx.timeouts.headersMs)} (headers timeout)`, 'the model may be overloaded or still loading; raise the endpoint timeout if it is just slow'));
  }
  if (has('UND_ERR_BODY_TIMEOUT')) {
    return verdict(make('timeout', `endpoint ${h} stopped sending the response: no data for ${seconds(ctx.timeouts.bodyMs)} (body timeout)`, 'the server stalled mid-response; check its logs'));
  }
  if (codes.some((c) => RESET.has(c)) || /other side closed|socket hang up/i.test(text)) {
    return verdict(make('server', `endpoint ${h} closed the connection: ${text}`, 'the server dropped the connection; check its logs'), true);
  }
  return verdict(make('unreachable', `request to endpoint ${h} failed: ${text}${codes[0] === undefined ? '' : ` (${codes[0]})`}`));
}
