import { describe, expect, it } from 'vitest';
import { backoffMs, decideRetry, DEFAULT_RETRY_POLICY, formatWait, retryAfterMs, sleep } from '../../src/llm/retry.js';
import type { RetryInput } from '../../src/llm/retry.js';

const NOW = Date.parse('2025-01-01T00:00:00Z');
const half = (): number => 0.5;

describe('retryAfterMs', () => {
  const table: Array<[Record<string, string>, number | null]> = [
    [{}, null],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '1.5' }, 1.5],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': '300', 'retry-after': '9' }, 300], // ms wins
    [{ 'retry-after-ms': 'soon', 'retry-after': '3' }, 3000], // invalid ms falls back
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, 30_000], // HTTP-date
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }, 0], // date in the past
    [{ 'retry-after': 'whenever' }, null],
    [{ 'retry-after': '-5' }, null],
  ];
  for (const [headers, want] of table) {
    it(`${JSON.stringify(headers)} → ${want}`, () => expect(retryAfterMs(headers, NOW)).toBe(want));
  }
});

describe('decideRetry', () => {
  const base: Omit<RetryInput, 'status'> = { attempt: 0, random: half, now: NOW };
  const table: Array<{ name: string; input: RetryInput; want: ReturnType<typeof decideRetry> }> = [
    { name: '408 retried with backoff', input: { ...base, status: 408 }, want: { retry: true, delayMs: 375, source: 'backoff' } },
    { name: '409 retried', input: { ...base, status: 409 }, want: { retry: true, delayMs: 375, source: 'backoff' } },
    { name: '429 + retry-after-ms', input: { ...base, status: 429, headers: { 'retry-after-ms': '120' } }, want: { retry: true, delayMs: 120, source: 'header' } },
    { name: '503 + Retry-After seconds', input: { ...base, status: 503, headers: { 'retry-after': '3' } }, want: { retry: true, delayMs: 3000, source: 'header' } },
    { name: '429 + Retry-After HTTP-date', input: { ...base, status: 429, headers: { 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' } }, want: { retry: true, delayMs: 5000, source: 'header' } },
    { name: '500 backoff grows with attempt', input: { ...base, status: 500, attempt: 2 }, want: { retry: true, delayMs: 1500, source: 'backoff' } },
    { name: 'backoff capped at maxDelayMs', input: { ...base, status: 502, attempt: 3, policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 9, maxDelayMs: 1000 } }, want: { retry: true, delayMs: 750, source: 'backoff' } },
    { name: '1-hour Retry-After fails fast', input: { ...base, status: 429, headers: { 'retry-after': '3600' } }, want: { retry: false, reason: 'retry-after-too-long', retryAfterMs: 3_600_000 } },
    { name: 'retry-after over a custom cap', input: { ...base, status: 503, headers: { 'retry-after-ms': '5000' }, policy: { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 1000 } }, want: { retry: false, reason: 'retry-after-too-long', retryAfterMs: 5000 } },
    { name: 'x-should-retry: false wins over 503', input: { ...base, status: 503, headers: { 'x-should-retry': 'false' } }, want: { retry: false, reason: 'told-not-to' } },
    { name: 'x-should-retry: true makes 418 retryable', input: { ...base, status: 418, headers: { 'x-should-retry': 'true' } }, want: { retry: true, delayMs: 375, source: 'backoff' } },
    { name: 'x-should-retry: true never overrides 400', input: { ...base, status: 400, headers: { 'x-should-retry': 'true' } }, want: { retry: false, reason: 'not-retryable' } },
    { name: '5xx storm exhausted after maxRetries', input: { ...base, status: 500, attempt: 4 }, want: { retry: false, reason: 'exhausted' } },
    { name: 'insufficient_quota (kind quota) never', input: { ...base, status: 429, kind: 'quota' }, want: { retry: false, reason: 'not-retryable' } },
    { name: 'llama.cpp 500 tools error never', input: { ...base, status: 500, kind: 'tools-unsupported' }, want: { retry: false, reason: 'not-retryable' } },
    { name: 'context-length never', input: { ...base, status: 500, kind: 'context-length' }, want: { retry: false, reason: 'not-retryable' } },
    { name: '413 not retryable', input: { ...base, status: 413 }, want: { retry: false, reason: 'not-retryable' } },
    { name: 'connection dropped (status null) retried', input: { ...base, status: null }, want: { retry: true, delayMs: 375, source: 'backoff' } },
  ];
  for (const status of [400, 401, 403, 404, 422]) {
    table.push({ name: `${status} never, even with Retry-After`, input: { ...base, status, headers: { 'retry-after': '1' } }, want: { retry: false, reason: 'not-retryable' } });
  }
  for (const row of table) it(row.name, () => expect(decideRetry(row.input)).toEqual(row.want));
});

describe('backoff, formatting, sleep', () => {
  it('jitters between half and all of base·2^n', () => {
    expect(backoffMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(500);
    expect(backoffMs(1, DEFAULT_RETRY_POLICY, () => 1)).toBe(1000);
    const seen = new Set(Array.from({ length: 20 }, () => backoffMs(3, DEFAULT_RETRY_POLICY)));
    for (const v of seen) expect(v).toBeGreaterThanOrEqual(2000), expect(v).toBeLessThanOrEqual(4000);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('formats waits for messages', () => {
    expect([formatWait(250), formatWait(12_000), formatWait(3_600_000), formatWait(3 * 3_600_000)]).toEqual(['250 ms', '12 s', '60 min', '3 h 0 min']);
  });

  it('sleep is abortable', async () => {
    const ac = new AbortController();
    const started = Date.now();
    const p = sleep(10_000, ac.signal);
    setTimeout(() => ac.abort(new Error('stop')), 20);
    await expect(p).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
