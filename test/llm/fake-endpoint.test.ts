// The shared fake endpoint (test/helpers) behaves as documented: everyone's e2e tests rely on it.

import { afterEach, describe, expect, it } from 'vitest';
import { callTool, say, startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint, FakeScript } from '../helpers/fake-endpoint.js';

let fake: FakeEndpoint | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function post(script: FakeScript | null, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string; json: () => unknown }> {
  if (script !== null) fake = await startFakeEndpoint(script);
  const res = await fetch(`${fake?.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
}

const BODY = { model: 'm1', messages: [{ role: 'user', content: 'hi' }] };

describe('startFakeEndpoint', () => {
  it('serves steps in order, then "done"; records requests and served usage', async () => {
    const a = await post([say('first', { prompt_tokens: 10, completion_tokens: 2 }), callTool('read_file', { path: 'x' })], BODY, { authorization: 'Bearer k' });
    expect(a.json()).toMatchObject({ object: 'chat.completion', model: 'm1', choices: [{ message: { role: 'assistant', content: 'first' }, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 2 } });
    const b = await post(null, BODY);
    expect(b.json()).toMatchObject({ choices: [{ message: { content: null, tool_calls: [{ type: 'function', function: { name: 'read_file', arguments: '{"path":"x"}' } }] }, finish_reason: 'tool_calls' }] });
    const c = await post(null, BODY);
    expect(c.json()).toMatchObject({ choices: [{ message: { content: 'done' }, finish_reason: 'stop' }] });
    expect(fake?.requests.map((r) => r.step)).toEqual([0, 1, null]);
    expect(fake?.requests[0]?.headers['authorization']).toBe('Bearer k');
    expect(fake?.requests[1]?.headers['authorization']).toBeUndefined();
    expect(fake?.requests[0]?.body?.model).toBe('m1');
    const usageB = (b.json() as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    const usageC = (c.json() as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    expect(fake?.served).toEqual({ prompt_tokens: 10 + usageB.prompt_tokens + usageC.prompt_tokens, completion_tokens: 2 + usageB.completion_tokens + usageC.completion_tokens });
  });

  it('streams SSE with usage only when include_usage is asked', async () => {
    const withUsage = await post([say('hey', { prompt_tokens: 1, completion_tokens: 1 }), say('again', { prompt_tokens: 1, completion_tokens: 1 })], { ...BODY, stream: true, stream_options: { include_usage: true } });
    expect(withUsage.type).toContain('text/event-stream');
    expect(withUsage.text).toContain('"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1}');
    expect(withUsage.text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const without = await post(null, { ...BODY, stream: true });
    expect(without.text).not.toContain('usage');
    expect(fake?.served).toEqual({ prompt_tokens: 1, completion_tokens: 1 });
  });

  it('a rejectTools step answers requests with tools and is skipped by requests without', async () => {
    const skipped = await post([{ rejectTools: 'ollama' }, say('plain')], BODY);
    expect(skipped.json()).toMatchObject({ choices: [{ message: { content: 'plain' } }] });
    fake = await startFakeEndpoint([{ rejectTools: 'llamacpp' }]);
    const rejected = await post(null, { ...BODY, tools: [{ type: 'function', function: { name: 't' } }] });
    expect(rejected.status).toBe(500);
    expect(rejected.text).toContain('tools param requires --jinja flag');
  });

  it('status steps send their headers and body; raw steps own the socket', async () => {
    const r = await post([{ status: 429, headers: { 'retry-after': '7' }, body: { error: { message: 'slow down' } } }, { raw: (_q, res) => void res.writeHead(418).end('teapot') }], BODY);
    expect(r.status).toBe(429);
    expect(r.json()).toEqual({ error: { message: 'slow down' } });
    expect(fake?.requests).toHaveLength(1);
    const raw = await post(null, BODY);
    expect([raw.status, raw.text]).toEqual([418, 'teapot']);
  });

  it('requireKey answers 401 without the right bearer; models are listed', async () => {
    fake = await startFakeEndpoint({ steps: [], requireKey: 'sk-1', models: ['a'] });
    expect((await post(null, BODY)).status).toBe(401);
    const models = await fetch(`${fake.url}/models`, { headers: { authorization: 'Bearer sk-1' } });
    expect(await models.json()).toEqual({ object: 'list', data: [{ id: 'a', object: 'model', owned_by: 'fake' }] });
    expect((await fetch(`${fake.origin}/models`)).status).toBe(401);
  });
});
