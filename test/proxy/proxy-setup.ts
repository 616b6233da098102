// Shared setup for the recording-proxy tests: a fake endpoint behind a proxy, both closed after
// each test, and a tiny driver (plain fetch) that speaks to the proxy with its per-run key.

import { afterEach } from 'vitest';
import { startRecordingProxy } from '../../src/proxy/recording-proxy.js';
import type { RecordingProxy, RecordingProxyOptions } from '../../src/proxy/recording-proxy.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint, FakeScript } from '../helpers/fake-endpoint.js';

const open: Array<{ close(): Promise<void> }> = [];

export function closeAfterEach(): void {
  afterEach(async () => {
    while (open.length > 0) await open.pop()?.close();
  });
}

export async function setup(script: FakeScript, opts: Partial<RecordingProxyOptions> = {}): Promise<{ fake: FakeEndpoint; proxy: RecordingProxy }> {
  const fake = await startFakeEndpoint(script);
  open.push(fake);
  const proxy = await startRecordingProxy({ upstreamBase: fake.url, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...opts });
  open.push(proxy);
  return { fake, proxy };
}

export const chatRequests = (fake: FakeEndpoint) => fake.requests.filter((r) => r.path === '/v1/chat/completions');

export function post(proxy: RecordingProxy, path: string, body: unknown, token: string | null = proxy.token): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  return fetch(`${proxy.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

export interface SseEvent {
  event: string | null;
  data: string;
}

/** Reads an SSE body into events (test-side, deliberately simple). */
export async function sseEvents(res: Response): Promise<SseEvent[]> {
  const text = await res.text();
  return text
    .split(/\n\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? null;
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      return { event, data };
    });
}

export const CHAT = { model: 'fake-model', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'fix the bug' }] };

/** A JSON response body, loosely typed for assertions. */
export async function json(res: Response): Promise<any> {
  return res.json();
}
