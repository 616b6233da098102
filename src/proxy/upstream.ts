// The proxy's side of the wire: one request to the user's endpoint with the user's key, retried
// under the same policy as the chat client (408/409/429/5xx and resets before the first byte,
// Retry-After honoured and capped). A final failure is returned, not thrown, so the proxy can hand
// the server's own status and body back to the driver.

import { classifyHttpError } from '../llm/endpoint-error.js';
import type { EndpointError } from '../llm/endpoint-error.js';
import { classifyNetworkError } from '../llm/network-error.js';
import { decideRetry, DEFAULT_RETRY_POLICY, giveUpNote, sleep as defaultSleep } from '../llm/retry.js';
import type { RetryPolicy } from '../llm/retry.js';
import { withNote } from '../llm/endpoint-error.js';
import { createTransport, DEFAULT_TIMEOUTS, readText } from '../llm/transport.js';
import type { RawResponse, SendInput, Timeouts, Transport } from '../llm/transport.js';
import type { CallRecord } from '../llm/types.js';

export interface UpstreamOptions {
  base: string; // API root, e.g. http://127.0.0.1:8000/v1
  host: string; // host[:port], safe to show
  key?: string;
  headers?: Readonly<Record<string, string>>; // extra headers on every request (--header / CAB_HEADERS)
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy> & { sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; random?: () => number };
}

export type UpstreamResult =
  | { ok: true; res: RawResponse; retries: number }
  | {
      ok: false;
      status: number | null; // null: no HTTP response at all
      headers: Record<string, string>;
      text: string; // the server's body, as it sent it ("" without a response)
      error: EndpointError;
      retries: number;
      recordStatus: CallRecord['status'];
    };

/** Fixes a rejected request for one more try (e.g. drops a parameter the server refused). */
export type Rejected = (status: number, text: string) => boolean;

export interface Upstream {
  readonly base: string;
  readonly host: string;
  readonly keySet: boolean;
  headers(accept: string, userAgent?: string): Record<string, string>;
  send(make: () => SendInput, signal?: AbortSignal, rejected?: Rejected): Promise<UpstreamResult>;
  close(): Promise<void>;
}

function statusOf(error: EndpointError): CallRecord['status'] {
  if (error.kind === 'aborted') return 'aborted';
  if (error.kind === 'timeout' && error.status === undefined) return 'timeout';
  return error.status ?? 'network-error';
}

export function createUpstream(opts: UpstreamOptions): Upstream {
  const key = opts.key?.trim() === '' ? undefined : opts.key?.trim();
  const secret = key === undefined ? {} : { secret: key };
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const random = opts.retry?.random ?? Math.random;
  const pause = opts.retry?.sleep ?? defaultSleep;
  const transport: Transport = createTransport({ timeouts });

  function headers(accept: string, userAgent?: string): Record<string, string> {
    const h: Record<string, string> = { ...opts.headers, accept, 'content-type': 'application/json', 'user-agent': userAgent ?? 'codingagentbench-proxy' };
    if (key !== undefined) h['authorization'] = `Bearer ${key}`;
    return h;
  }

  async function send(make: () => SendInput, signal?: AbortSignal, rejected?: Rejected): Promise<UpstreamResult> {
    let retries = 0;
    for (;;) {
      let res: RawResponse;
      try {
        res = await transport.send({ ...make(), ...(signal === undefined ? {} : { signal }) });
      } catch (err) {
        const v = classifyNetworkError(err, { host: opts.host, timeouts, aborted: signal?.aborted ?? false, ...secret });
        const d = v.connectionDropped ? decideRetry({ status: null, attempt: retries, policy, random }) : null;
        if (d === null || !d.retry) {
          const error = d === null ? v.error : withNote(v.error, giveUpNote(d, retries, policy));
          return { ok: false, status: null, headers: {}, text: '', error, retries, recordStatus: statusOf(error) };
        }
        retries++;
        await pause(d.delayMs, signal).catch(() => undefined);
        continue;
      }
      if (res.status >= 200 && res.status < 300) return { ok: true, res, retries };
      const text = await readText(res.body, 1024 * 1024).catch(() => '');
      if (rejected?.(res.status, text) === true) {
        retries++;
        continue;
      }
      const error = classifyHttpError(res.status, text, res.headers, { host: opts.host, keySent: key !== undefined, ...secret });
      const d = decideRetry({ status: res.status, headers: res.headers, kind: error.kind, attempt: retries, policy, random });
      if (!d.retry || signal?.aborted === true) {
        const final = d.retry ? error : withNote(error, giveUpNote(d, retries, policy));
        return { ok: false, status: res.status, headers: res.headers, text, error: final, retries, recordStatus: res.status };
      }
      retries++;
      await pause(d.delayMs, signal).catch(() => undefined);
    }
  }

  return { base: opts.base, host: opts.host, keySet: key !== undefined, headers, send, close: () => transport.close() };
}
