// The retry policy: which failures are retried, how long to wait (server hints first, then
// jittered exponential backoff), and when to give up. Pure functions; sleep/random injectable.

import type { EndpointErrorKind } from './endpoint-error.js';

export interface RetryPolicy {
  maxRetries: number; // retries after the first attempt (a 5xx storm gives up after this many)
  baseDelayMs: number; // backoff for retry n is ~ base * 2^n, jittered, capped at maxDelayMs
  maxDelayMs: number;
  maxRetryAfterMs: number; // a server asking to wait longer than this fails fast instead
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Never retried, whatever the headers say. */
export const NEVER_RETRY_STATUS: readonly number[] = [400, 401, 403, 404, 422];
const NEVER_RETRY_KIND: readonly EndpointErrorKind[] = ['auth', 'quota', 'tools-unsupported', 'context-length', 'aborted'];

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Server's requested wait: `retry-after-ms`, else `Retry-After` (seconds or HTTP-date); null if none/invalid. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && ms.trim() !== '') {
    const n = Number(ms);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const ra = header(headers, 'retry-after');
  if (ra === undefined || ra.trim() === '') return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return Number(ra) * 1000;
  if (/^\s*[-+\d]/.test(ra)) return null; // negative or junk numbers, not a date
  const date = Date.parse(ra);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Jittered exponential backoff for retry number `attempt` (0-based): between half and all of base·2^n. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(full / 2 + (random() * full) / 2);
}

export type RetryDecision =
  | { retry: true; delayMs: number; source: 'header' | 'backoff' }
  | { retry: false; reason: 'not-retryable' | 'told-not-to' | 'exhausted' | 'retry-after-too-long'; retryAfterMs?: number };

export interface RetryInput {
  status: number | null; // null: a connection dropped before any response
  headers?: Headers;
  kind?: EndpointErrorKind;
  attempt: number; // retries already made
  policy?: RetryPolicy;
  random?: () => number;
  now?: number;
}

export function decideRetry(input: RetryInput): RetryDecision {
  const policy = input.policy ?? DEFAULT_RETRY_POLICY;
  const headers = input.headers ?? {};
  const { status } = input;
  if (status !== null && NEVER_RETRY_STATUS.includes(status)) return { retry: false, reason: 'not-retryable' };
  if (input.kind !== undefined && NEVER_RETRY_KIND.includes(input.kind)) return { retry: false, reason: 'not-retryable' };
  const told = header(headers, 'x-should-retry')?.trim().toLowerCase();
  if (told === 'false') return { retry: false, reason: 'told-not-to' };
  const retryable = told === 'true' || status === null || isRetryableStatus(status);
  if (!retryable) return { retry: false, reason: 'not-retryable' };
  const wait = retryAfterMs(headers, input.now);
  if (wait !== null && wait > policy.maxRetryAfterMs) return { retry: false, reason: 'retry-after-too-long', retryAfterMs: wait };
  if (input.attempt >= policy.maxRetries) return { retry: false, reason: 'exhausted' };
  if (wait !== null) return { retry: true, delayMs: wait, source: 'header' };
  return { retry: true, delayMs: backoffMs(input.attempt, policy, input.random), source: 'backoff' };
}

/** Why no (more) retries happened, to append to the error message; "" when there is nothing to say. */
export function giveUpNote(d: RetryDecision & { retry: false }, retries: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): string {
  if (d.reason === 'retry-after-too-long' && d.retryAfterMs !== undefined) {
    return `; it asked to retry after ${formatWait(d.retryAfterMs)}, longer than the ${formatWait(policy.maxRetryAfterMs)} cap, so not waiting`;
  }
  return retries > 0 ? `; gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
}

/** Human duration for messages: "850 ms", "12 s", "1 h 0 min". */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  return min < 120 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
}

/** Abortable sleep. Rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
