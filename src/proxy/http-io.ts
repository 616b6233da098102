// Small node:http helpers for the proxy: reading a capped body, writing with backpressure, a
// signal that fires when the driver hangs up, and handing an upstream failure back as it was.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactSecret } from '../llm/redact-secret.js';
import type { UpstreamResult } from './upstream.js';

export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export async function readBody(req: IncomingMessage, max = MAX_REQUEST_BYTES): Promise<string | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    if (bytes > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** An OpenAI-style error body from the proxy itself. */
export function proxyError(res: ServerResponse, status: number, message: string, type: string): void {
  sendJson(res, status, { error: { message, type, param: null, code: type } });
}

/** Writes a chunk; waits for 'drain' when the socket buffer is full (or the driver is gone). */
export function writeChunk(res: ServerResponse, chunk: Uint8Array | string): Promise<void> {
  if (res.destroyed || res.writableEnded) return Promise.resolve();
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/** Aborts when the driver closes its connection before the response is finished. */
export function driverGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('the driver closed the connection'));
  });
  return controller.signal;
}

const PASSED_HEADERS = ['content-type', 'retry-after', 'retry-after-ms', 'x-should-retry', 'x-request-id'];

/**
 * The upstream's final failure, as the driver would have seen it without us: same status, same
 * body (with the key redacted, should the server echo it).
 */
export function passBack(res: ServerResponse, result: UpstreamResult & { ok: false }, secret?: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (result.status === null) {
    const status = result.recordStatus === 'timeout' ? 504 : 502;
    proxyError(res, status, result.error.message, `upstream_${result.error.kind}`);
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = result.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  if (result.text === '') {
    proxyError(res, result.status, result.error.message, `upstream_${result.error.kind}`);
    return;
  }
  headers['content-type'] ??= 'application/json';
  res.writeHead(result.status, headers);
  res.end(redactSecret(result.text, secret));
}

/** Response headers for a relayed 2xx: the server's content type, no caching, no hop-by-hop headers. */
export function relayHeaders(upstream: Record<string, string>, stream: boolean): Record<string, string> {
  const type = upstream['content-type'] ?? (stream ? 'text/event-stream' : 'application/json');
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
  const id = upstream['x-request-id'];
  if (id !== undefined) headers['x-request-id'] = id;
  return headers;
}
