// The one place that talks HTTP: undici's `request` with this client's own Agent (never the
// global dispatcher), explicit connect/headers/body timeouts, undici loaded lazily.

import type { Agent, Dispatcher } from 'undici';
import { loadUndici } from './load-undici.js';

export interface Timeouts {
  connectMs: number; // TCP + TLS handshake
  headersMs: number; // request sent → response headers (a non-streaming call "thinks" here)
  bodyMs: number; // longest silence between two body chunks (a stream stall)
}

/** Defaults: a non-streaming call may think for up to 15 min before the first byte. */
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 15_000, headersMs: 900_000, bodyMs: 300_000 };

export interface TransportOptions {
  timeouts: Timeouts;
  dispatcherOptions?: Partial<Agent.Options>; // for tests: anything undici's Agent takes
  connect?: Agent.Options['connect']; // for tests: connector options (e.g. TLS) or a custom connector
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown };
}

export interface SendInput {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface Transport {
  send(input: SendInput): Promise<RawResponse>;
  close(): Promise<void>;
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export function createTransport(options: TransportOptions): Transport {
  let agent: Promise<Dispatcher> | null = null;
  const { timeouts } = options;

  async function getAgent(): Promise<Dispatcher> {
    agent ??= loadUndici().then(({ Agent: AgentClass }) => {
      const connect = typeof options.connect === 'function' ? options.connect : { timeout: timeouts.connectMs, ...options.connect };
      return new AgentClass({
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
        keepAliveTimeout: 4_000,
        ...options.dispatcherOptions,
        connect,
      });
    });
    return agent;
  }

  return {
    async send(input: SendInput): Promise<RawResponse> {
      const { request } = await loadUndici();
      const dispatcher = await getAgent();
      const res = await request(input.url, {
        dispatcher,
        method: input.method,
        headers: input.headers,
        ...(input.body === undefined ? {} : { body: input.body }),
        ...(input.signal === undefined ? {} : { signal: input.signal }),
      });
      return { status: res.statusCode, headers: flatten(res.headers), body: res.body };
    },
    async close(): Promise<void> {
      if (agent === null) return;
      const a = await agent;
      agent = null;
      await a.close();
    },
  };
}

/** Reads at most `maxBytes` of a body as text, then drops the rest. */
export async function readText(body: RawResponse['body'], maxBytes = 256 * 1024): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
    if (bytes >= maxBytes) {
      body.destroy();
      break;
    }
  }
  return text + decoder.decode();
}
