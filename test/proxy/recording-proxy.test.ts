import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { requestSha256 } from '../../src/llm/request-body.js';
import { startRecordingProxy } from '../../src/proxy/recording-proxy.js';
import { SERVER_ERRORS } from '../helpers/fake-endpoint.js';
import type { FakeStep } from '../helpers/fake-endpoint.js';
import { CHAT, chatRequests, closeAfterEach, post, setup, sseEvents, json } from './proxy-setup.js';

closeAfterEach();

const TOOL_REPLY: FakeStep = {
  reply: { content: 'Let me write it.', tool_calls: [{ name: 'write_file', arguments: { path: 'a.py', content: 'x = 1\n' } }], usage: { prompt_tokens: 120, completion_tokens: 30 } },
};

describe('chat completions: relay and records', () => {
  it('passes a stream through event by event and records the usage the server served', async () => {
    const { fake, proxy } = await setup({ steps: [TOOL_REPLY], style: { chunkBytes: 40, comments: true } });
    const res = await post(proxy, '/chat/completions', { ...CHAT, stream: true, stream_options: { include_usage: true } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await sseEvents(res);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data));
    const content = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(content).toBe('Let me write it.');
    expect(chunks.some((c) => c.choices[0]?.delta?.tool_calls?.[0]?.function?.name === 'write_file')).toBe(true);
    expect(proxy.calls).toHaveLength(1);
    expect(proxy.calls[0]).toMatchObject({ prompt_tokens: 120, completion_tokens: 30, finish_reason: 'tool_calls', status: 200, retries: 0, usage_estimated: false, stream: true });
    expect(fake.served).toEqual({ prompt_tokens: 120, completion_tokens: 30 });
    expect(proxy.calls[0]?.request_sha256).toBe(requestSha256(CHAT));
    expect(proxy.succeeded()).toBe(1);
  });

  it('relays bytes as they arrive, before the upstream has finished', async () => {
    const slow: FakeStep = {
      raw: async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'first' } }] })}\n\n`);
        await new Promise((r) => setTimeout(r, 400));
        res.end(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
      },
    };
    const { proxy } = await setup([slow]);
    const t0 = Date.now();
    const res = await post(proxy, '/chat/completions', { ...CHAT, stream: true });
    const reader = res.body!.getReader();
    const first = await reader.read();
    const firstAt = Date.now() - t0;
    expect(new TextDecoder().decode(first.value)).toContain('first');
    while (!(await reader.read()).done);
    expect(firstAt).toBeLessThan(300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    expect(proxy.calls[0]).toMatchObject({ finish_reason: 'stop', usage_estimated: true });
  });

  it('passes a JSON reply through unchanged and records its usage', async () => {
    const { proxy } = await setup([{ reply: { content: 'done', usage: { prompt_tokens: 7, completion_tokens: 2 } } }]);
    const res = await post(proxy, '/chat/completions', CHAT);
    const body = await json(res);
    expect(body).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'done' } }], usage: { prompt_tokens: 7, completion_tokens: 2 } });
    expect(proxy.calls[0]).toMatchObject({ prompt_tokens: 7, completion_tokens: 2, finish_reason: 'stop', stream: false, usage_estimated: false });
  });

  it('estimates and flags usage when the server omits it', async () => {
    const { proxy } = await setup([{ reply: { content: 'no usage here', usage: 'omit' } }]);
    await (await post(proxy, '/chat/completions', { ...CHAT, stream: true })).text();
    expect(proxy.calls[0]?.usage_estimated).toBe(true);
    expect(proxy.calls[0]?.prompt_tokens).toBeGreaterThan(0);
    expect(proxy.calls[0]?.completion_tokens).toBe(Math.ceil('no usage here'.length / 4));
  });

  it('GET /models is forwarded', async () => {
    const { proxy } = await setup({ steps: [], models: ['m1', 'm2'] });
    const res = await fetch(`${proxy.url}/models`, { headers: { authorization: `Bearer ${proxy.token}` } });
    expect((await json(res)).data.map((m: { id: string }) => m.id)).toEqual(['m1', 'm2']);
    expect(proxy.calls).toHaveLength(0);
  });
});

describe('key handling', () => {
  it('sends the real key upstream; the driver only ever holds the per-run dummy key', async () => {
    const { fake, proxy } = await setup({ steps: [{ reply: { content: 'ok' } }], requireKey: 'sk-real-1234' }, { key: 'sk-real-1234' });
    const res = await post(proxy, '/chat/completions', CHAT);
    expect(res.status).toBe(200);
    expect(proxy.token).not.toContain('sk-real');
    expect(fake.requests[0]?.headers['authorization']).toBe('Bearer sk-real-1234');
  });

  it('refuses a driver without the per-run key, without calling upstream', async () => {
    const { fake, proxy } = await setup([{ reply: { content: 'ok' } }]);
    expect((await post(proxy, '/chat/completions', CHAT, null)).status).toBe(401);
    expect((await post(proxy, '/chat/completions', CHAT, 'guess')).status).toBe(401);
    expect(fake.requests).toHaveLength(0);
    expect(proxy.authFailed()).toBe(false);
  });

  it('a 401 upstream goes back with its status and body; authFailed() says so; the key is never echoed', async () => {
    const KEY = 'sk-canary-77aa88bb99cc';
    const echo: FakeStep = { status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}`, code: 'invalid_api_key' } } };
    const { fake, proxy } = await setup([echo], { key: KEY });
    const res = await post(proxy, '/chat/completions', { ...CHAT, stream: true });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('Incorrect API key provided');
    expect(text).not.toContain(KEY);
    expect(chatRequests(fake)).toHaveLength(1); // never retried
    expect(proxy.authFailed()).toBe(true);
    expect(proxy.endpointError()?.kind).toBe('auth');
    expect(proxy.firstError()).toMatch(/refused the API key \(HTTP 401 Unauthorized\)/);
    expect(JSON.stringify(proxy.calls)).not.toContain(KEY);
    expect(proxy.calls[0]).toMatchObject({ status: 401, retries: 0, prompt_tokens: 0 });
  });

  it('authFailed() stays false once a call has succeeded', async () => {
    const { proxy } = await setup([{ reply: { content: 'ok' } }, SERVER_ERRORS.badKey]);
    await post(proxy, '/chat/completions', CHAT);
    expect((await post(proxy, '/chat/completions', CHAT)).status).toBe(401);
    expect(proxy.authFailed()).toBe(false);
    expect(proxy.endpointError()?.kind).toBe('auth');
  });
});

describe('retries', () => {
  it('retries a 429 honouring retry-after-ms, one record with retries = 1', async () => {
    const limited: FakeStep = { ...SERVER_ERRORS.rateLimited, headers: { 'retry-after-ms': '60' } };
    const { fake, proxy } = await setup([limited, { reply: { content: 'after wait', usage: { prompt_tokens: 5, completion_tokens: 2 } } }]);
    const t0 = Date.now();
    const res = await post(proxy, '/chat/completions', { ...CHAT, stream: true, stream_options: { include_usage: true } });
    await res.text();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
    expect(res.status).toBe(200);
    expect(chatRequests(fake)).toHaveLength(2);
    expect(proxy.calls).toHaveLength(1);
    expect(proxy.calls[0]).toMatchObject({ status: 200, retries: 1, prompt_tokens: 5, completion_tokens: 2 });
  });

  it('after the retries are spent the server’s own status and body go back', async () => {
    const { fake, proxy } = await setup([SERVER_ERRORS.overloaded, SERVER_ERRORS.overloaded, SERVER_ERRORS.overloaded], { retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const res = await post(proxy, '/chat/completions', CHAT);
    expect(res.status).toBe(503);
    expect((await json(res)).error.message).toBe('The server is overloaded, please try again later.');
    expect(chatRequests(fake)).toHaveLength(3);
    expect(proxy.calls[0]).toMatchObject({ status: 503, retries: 2 });
    expect(proxy.calls[0]?.error).toMatch(/gave up after 2 retries/);
  });

  it('an unreachable endpoint is a 502 to the driver and an unreachable error for the run', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const proxy = await startRecordingProxy({ upstreamBase: `http://127.0.0.1:${port}` });
    try {
      const res = await post(proxy, '/chat/completions', CHAT);
      expect(res.status).toBe(502);
      expect(proxy.endpointError()?.kind).toBe('unreachable');
      expect(proxy.calls[0]?.status).toBe('network-error');
    } finally {
      await proxy.close();
    }
  });
});

describe('parameter adjustment', () => {
  it('drops stream_options when the server rejects it, and remembers', async () => {
    const { fake, proxy } = await setup({ steps: [{ reply: { content: 'a' } }, { reply: { content: 'b' } }], rejectStreamOptions: true });
    const body = { ...CHAT, stream: true, stream_options: { include_usage: true } };
    await (await post(proxy, '/chat/completions', body)).text();
    await (await post(proxy, '/chat/completions', body)).text();
    const sent = chatRequests(fake).map((r) => r.body?.stream_options !== undefined);
    expect(sent).toEqual([true, false, false]);
    expect(proxy.calls.map((c) => [c.status, c.retries])).toEqual([[200, 1], [200, 0]]);
  });

  it('drops store and parallel_tool_calls, maps max_completion_tokens to max_tokens', async () => {
    const strict: FakeStep = {
      dynamic: (req) => {
        for (const p of ['store', 'parallel_tool_calls', 'max_completion_tokens']) {
          if (req.body?.[p] !== undefined) return { status: 400, body: { error: { message: `Unrecognized request argument supplied: ${p}`, type: 'invalid_request_error' } } };
        }
        return { reply: { content: 'accepted' } };
      },
    };
    const { fake, proxy } = await setup(Array.from({ length: 6 }, () => strict));
    const res = await post(proxy, '/chat/completions', { ...CHAT, store: false, parallel_tool_calls: true, max_completion_tokens: 300 });
    expect((await json(res)).choices[0].message.content).toBe('accepted');
    const last = chatRequests(fake).at(-1)?.body;
    expect(last?.store).toBeUndefined();
    expect(last?.parallel_tool_calls).toBeUndefined();
    expect(last?.max_completion_tokens).toBeUndefined();
    expect(last?.max_tokens).toBe(300);
    expect(proxy.calls[0]).toMatchObject({ status: 200, retries: 3 });
  });

  it('never "fixes" a context-length error', async () => {
    const { fake, proxy } = await setup([SERVER_ERRORS.vllmContext]);
    const res = await post(proxy, '/chat/completions', { ...CHAT, max_completion_tokens: 1000 });
    expect(res.status).toBe(400);
    expect(chatRequests(fake)).toHaveLength(1);
    expect(proxy.endpointError()?.kind).toBe('context-length');
  });
});

describe('budgets', () => {
  it('refuses calls beyond maxCalls and says which limit was hit', async () => {
    const { fake, proxy } = await setup([{ reply: { content: 'one' } }, { reply: { content: 'two' } }], { limits: { maxCalls: 1 } });
    expect((await post(proxy, '/chat/completions', CHAT)).status).toBe(200);
    const refused = await post(proxy, '/chat/completions', CHAT);
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.message).toMatch(/turn budget/);
    expect(chatRequests(fake)).toHaveLength(1);
    expect(proxy.limitHit()).toBe('max_turns');
  });
});
