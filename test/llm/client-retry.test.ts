import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/llm/client.js';
import { EndpointError } from '../../src/llm/endpoint-error.js';
import { isToolsUnsupported } from '../../src/llm/tools-unsupported.js';
import { SERVER_ERRORS } from '../helpers/fake-endpoint.js';
import type { FakeStep } from '../helpers/fake-endpoint.js';
import { chats, closeAfterEach, REQ, setup, track } from './client-setup.js';

closeAfterEach();

describe('chat: URL, key, auth', () => {
  it('base URL without /v1 works; no Authorization header without a key', async () => {
    const { fake } = await setup([{ reply: { content: 'ok' } }]);
    const client = track(createChatClient({ baseUrl: fake.origin, key: '' }));
    expect((await client.chat(REQ, { stream: false })).content).toBe('ok');
    expect(await client.listModels()).toEqual(['fake-model']);
    for (const r of fake.requests) {
      expect(r.path.startsWith('/v1/')).toBe(true);
      expect(r.headers['authorization']).toBeUndefined();
    }
  });

  it('sends Authorization: Bearer <key> when a key is set', async () => {
    const { fake, client } = await setup({ steps: [{ reply: { content: 'ok' } }], requireKey: 'sk-good', models: ['a', 'b'] }, { key: 'sk-good' });
    expect(await client.listModels()).toEqual(['a', 'b']);
    expect((await client.chat(REQ, { stream: true })).content).toBe('ok');
    expect(fake.requests.every((r) => r.headers['authorization'] === 'Bearer sk-good')).toBe(true);
  });

  it('a refused key is an auth error (exit 3), not retried, key never shown', async () => {
    const KEY = 'sk-canary-0d9e8f7a6b5c4d3e2f1a';
    const { fake, client } = await setup({ steps: [], requireKey: 'sk-other' }, { key: KEY });
    const err = (await client.chat(REQ, { stream: false }).catch((e: unknown) => e)) as EndpointError;
    expect(err.kind).toBe('auth');
    expect(err.exitCode).toBe(3);
    expect(err.message).toBe(`endpoint ${new URL(fake.url).host} refused the API key (HTTP 401 Unauthorized): Incorrect API key provided.`);
    expect(chats(fake)).toHaveLength(1);
    expect(client.calls[0]?.status).toBe(401);
  });

  it('the canary key appears in no error, hint, cause or record — even when servers echo it', async () => {
    const KEY = 'sk-canary-5e4d3c2b1a0f9e8d7c6b';
    const echo = (status: number): FakeStep => ({ dynamic: (req) => ({ status, body: { error: { message: `bad key ${req.headers['authorization']} (${KEY})`, metadata: { raw: KEY } } } }) });
    const steps = [401, 403, 400, 404, 422, 500, 500].map(echo);
    const { client } = await setup({ steps: [...steps, { reply: { content: `echo ${KEY}` }, style: { errorInStream: { message: `stream says ${KEY}` } } }] }, { key: KEY, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const errors: unknown[] = [];
    for (let i = 0; i < 7; i++) errors.push(await client.chat(REQ, { stream: i % 2 === 0 }).catch((e: unknown) => e));
    expect(errors.every((e) => e instanceof EndpointError)).toBe(true);
    const dump = JSON.stringify({
      errors: errors.map((e) => ({ m: (e as Error).message, h: (e as EndpointError).hint, s: (e as EndpointError).serverMessage, c: String((e as Error).cause ?? ''), st: (e as Error).stack })),
      calls: client.calls,
    });
    expect(dump).not.toContain(KEY);
    expect(dump).toContain('[redacted]');
  });
});

describe('chat: retries', () => {
  it('429 with Retry-After: 1 succeeds after about a second', async () => {
    const { fake, client } = await setup([SERVER_ERRORS.rateLimited, { reply: { content: 'after wait' } }], { retry: {} });
    const t0 = Date.now();
    const r = await client.chat(REQ, { stream: false });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(r.content).toBe('after wait');
    expect(r.record.retries).toBe(1);
    expect(chats(fake)).toHaveLength(2);
  });

  it('429 with a one-hour Retry-After fails fast with a clear message', async () => {
    const { fake, client } = await setup([{ status: 429, headers: { 'retry-after': '3600' }, body: { error: { message: 'Too many requests today' } } }]);
    const t0 = Date.now();
    const err = (await client.chat(REQ, { stream: false }).catch((e: unknown) => e)) as EndpointError;
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(err.kind).toBe('rate-limited');
    expect(err.message).toContain('Too many requests today');
    expect(err.message).toContain('asked to retry after 60 min, longer than the 60 s cap, so not waiting');
    expect(chats(fake)).toHaveLength(1);
  });

  it('a 5xx storm gives up after N retries', async () => {
    const storm = Array.from({ length: 10 }, () => SERVER_ERRORS.overloaded);
    const { fake, client } = await setup(storm, { retry: { maxRetries: 3, baseDelayMs: 1 } });
    const err = (await client.chat(REQ, { stream: true }).catch((e: unknown) => e)) as EndpointError;
    expect(err.kind).toBe('server');
    expect(err.message).toMatch(/HTTP 503 Service Unavailable\): The server is overloaded, please try again later\.; gave up after 3 retries$/);
    expect(chats(fake)).toHaveLength(4);
    expect(client.calls[0]).toMatchObject({ status: 503, retries: 3 });
  });

  it('retry-after-ms and x-should-retry are honoured', async () => {
    const { fake, client } = await setup([
      { status: 503, headers: { 'retry-after-ms': '30' }, body: 'busy' },
      { status: 500, headers: { 'x-should-retry': 'false' }, body: { error: { message: 'do not retry me' } } },
    ]);
    const err = (await client.chat(REQ, { stream: false }).catch((e: unknown) => e)) as EndpointError;
    expect(err.message).toContain('do not retry me');
    expect(chats(fake)).toHaveLength(2);
  });

  it('insufficient_quota is never retried', async () => {
    const { fake, client } = await setup([SERVER_ERRORS.quota, { reply: { content: 'never' } }]);
    const err = (await client.chat(REQ, { stream: false }).catch((e: unknown) => e)) as EndpointError;
    expect(err.kind).toBe('quota');
    expect(chats(fake)).toHaveLength(1);
  });

  for (const status of [400, 401, 403, 404, 422]) {
    it(`${status} is never retried`, async () => {
      const { fake, client } = await setup([{ status, headers: { 'retry-after': '0' }, body: { error: { message: `status ${status}` } } }, { reply: { content: 'never' } }]);
      await expect(client.chat(REQ, { stream: false })).rejects.toThrow(`status ${status}`);
      expect(chats(fake)).toHaveLength(1);
    });
  }

  for (const style of ['ollama', 'vllm', 'llamacpp', 'openrouter'] as const) {
    it(`${style} tools rejection: recognised, not retried`, async () => {
      const { fake, client } = await setup({ steps: [{ rejectTools: style }, { reply: { content: 'text mode' } }] });
      const err = await client.chat(REQ, { stream: true }).catch((e: unknown) => e);
      expect(isToolsUnsupported(err)).toBe(true);
      expect(chats(fake)).toHaveLength(1);
      const { tools: _omit, ...noTools } = REQ;
      expect((await client.chat(noTools, { stream: true })).content).toBe('text mode');
    });
  }

  it('cancelling aborts the call (also while waiting to retry)', async () => {
    const { client } = await setup([{ status: 503, headers: { 'retry-after': '30' }, body: 'busy' }]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const err = (await client.chat(REQ, { stream: false, signal: ac.signal }).catch((e: unknown) => e)) as EndpointError;
    expect(err.kind).toBe('aborted');
    expect(client.calls[0]?.status).toBe('aborted');
  });
});
