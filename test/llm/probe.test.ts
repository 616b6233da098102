import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeEndpoint } from '../../src/llm/probe.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint, FakeScript } from '../helpers/fake-endpoint.js';

let fakes: FakeEndpoint[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

async function fake(script: FakeScript): Promise<FakeEndpoint> {
  const f = await startFakeEndpoint(script);
  fakes.push(f);
  return f;
}

describe('probeEndpoint', () => {
  it('a capable local server: native tools and streaming usage, no key needed', async () => {
    const f = await fake({ steps: [{ reply: { tool_calls: [{ name: 'ping', arguments: {} }] } }], models: ['qwen', 'llama'] });
    const r = await probeEndpoint({ baseUrl: f.origin });
    expect(r).toEqual({ reachable: true, auth: 'not-required', models: ['qwen', 'llama'], native_tools: true, streaming_usage: true, mode: 'native', tool_call: 'parsed' });
    const chat = f.requests.filter((q) => q.path === '/v1/chat/completions');
    expect(chat[0]?.body?.model).toBe('qwen'); // first listed model when none given
    expect(chat[0]?.body?.tools).toHaveLength(1);
    expect(chat[1]?.body?.stream_options).toEqual({ include_usage: true });
    expect(f.requests.every((q) => q.headers['authorization'] === undefined)).toBe(true);
  });

  it('a server that took tools but leaked the call as text: the dialect and the server fix', async () => {
    const f = await fake({ steps: [{ reply: { content: '<tool_call>\n<function=ping>\n</function>\n</tool_call>' } }] });
    const r = await probeEndpoint({ baseUrl: f.url, model: 'qwen3-coder' });
    expect(r).toMatchObject({ native_tools: true, mode: 'native', tool_call: 'as-text', dialect: 'qwen3-coder' });
    expect(r.server_fix).toContain('--tool-call-parser qwen3_coder');
  });

  it('a model that answers the probe in words: no call, no dialect', async () => {
    const f = await fake({ steps: [{ reply: { content: 'pong' } }] });
    const r = await probeEndpoint({ baseUrl: f.url, model: 'm' });
    expect(r).toMatchObject({ native_tools: true, tool_call: 'none' });
    expect(r.dialect).toBeUndefined();
  });

  it('a key that works: auth ok, the given model is used', async () => {
    const f = await fake({ steps: [], requireKey: 'sk-good' });
    const r = await probeEndpoint({ baseUrl: f.url, key: 'sk-good', model: 'mine' });
    expect(r).toMatchObject({ reachable: true, auth: 'ok', native_tools: true, mode: 'native' });
    expect(f.requests.filter((q) => q.body !== null).every((q) => q.body?.model === 'mine')).toBe(true);
  });

  it('a refused key stops the probe and says so (key not shown)', async () => {
    const key = 'sk-canary-99aa88bb77cc66dd55ee';
    const f = await fake({ steps: [], requireKey: 'sk-good' });
    const r = await probeEndpoint({ baseUrl: f.url, key });
    expect(r).toMatchObject({ reachable: true, auth: 'refused', models: null, native_tools: null, streaming_usage: null, mode: null });
    expect(r.error).toContain('refused the API key (HTTP 401 Unauthorized)');
    expect(JSON.stringify(r)).not.toContain(key);
  });

  it('tools rejected and stream_options rejected: text mode, no streaming usage', async () => {
    const f = await fake({ steps: [], rejectTools: 'vllm', rejectStreamOptions: true });
    const r = await probeEndpoint({ baseUrl: f.url });
    expect(r).toMatchObject({ reachable: true, native_tools: false, streaming_usage: false, mode: 'text' });
    expect(r.error).toBeUndefined();
  });

  it('nothing listening: unreachable with a clear error', async () => {
    const f = await fake([]);
    const url = f.url;
    await f.close();
    fakes = [];
    const r = await probeEndpoint({ baseUrl: url });
    expect(r).toMatchObject({ reachable: false, auth: 'unknown', models: null, native_tools: null, mode: null });
    expect(r.error).toContain('connection refused');
  });

  it('no /models route: goes on with the chat checks', async () => {
    const server = createServer((req, res) => {
      if (req.url?.endsWith('/models')) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const r = await probeEndpoint({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, model: 'm' });
      expect(r).toEqual({ reachable: true, auth: 'not-required', models: null, native_tools: true, streaming_usage: false, mode: 'native', tool_call: 'none' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('no model given and none listed: asks for --model', async () => {
    const f = await fake({ steps: [], models: [] });
    const r = await probeEndpoint({ baseUrl: f.url });
    expect(r).toMatchObject({ reachable: true, models: [], native_tools: null, mode: null });
    expect(r.error).toContain('--model');
  });

  it('a bad URL is an error, not a throw', async () => {
    const r = await probeEndpoint({ baseUrl: 'ftp://x' });
    expect(r.reachable).toBe(false);
    expect(r.error).toContain('http://');
  });
});
