// Transport failures against real sockets on loopback: refused, DNS, TLS, headers never sent,
// a stalled body, a reset before the first byte, and a slow-thinking non-streaming call.

import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/llm/client.js';
import type { ChatClientOptions, EndpointChatClient } from '../../src/llm/client.js';
import { EndpointError } from '../../src/llm/endpoint-error.js';
import { DEFAULT_TIMEOUTS } from '../../src/llm/transport.js';
import type { ChatRequest } from '../../src/llm/types.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint } from '../helpers/fake-endpoint.js';

const REQ: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const KEY = 'sk-canary-a1b2c3d4e5f60718293a';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function client(baseUrl: string, opts: Partial<ChatClientOptions> = {}): EndpointChatClient {
  const c = createChatClient({ baseUrl, key: KEY, retry: { baseDelayMs: 1 }, ...opts });
  cleanups.push(() => c.close());
  return c;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => sockets.add(s));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as AddressInfo).port;
}

async function failure(p: Promise<unknown>): Promise<EndpointError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EndpointError);
  const e = err as EndpointError;
  expect(e.message).not.toContain('\n');
  expect(JSON.stringify([e.message, e.hint, String(e.cause)])).not.toContain(KEY);
  return e;
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('transport failures', () => {
  it('connection refused', async () => {
    const port = await freePort();
    const c = client(`http://127.0.0.1:${port}/v1`);
    const e = await failure(c.chat(REQ, { stream: false }));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toBe(`cannot connect to endpoint 127.0.0.1:${port}: connection refused`);
    expect(e.hint).toContain('is the model server running');
    expect(c.calls[0]).toMatchObject({ status: 'network-error', retries: 0 });
    await expect(c.listModels()).rejects.toThrow('connection refused');
  });

  it('DNS failure', async () => {
    const e = await failure(client('http://does-not-exist.invalid').chat(REQ, { stream: false }));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/^cannot resolve endpoint host does-not-exist\.invalid \(DNS lookup failed: E[A-Z_]+\)$/);
  });

  it('TLS error: https to a plain-http port', async () => {
    const fake: FakeEndpoint = await startFakeEndpoint([]);
    cleanups.push(() => fake.close());
    const e = await failure(client(fake.url.replace('http://', 'https://')).chat(REQ, { stream: false }));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/^TLS handshake with endpoint 127\.0\.0\.1:\d+ failed: wrong version number \(ERR_SSL_WRONG_VERSION_NUMBER\)$/);
    expect(e.hint).toContain('use http://');
  });

  it('headers never sent: headers timeout', async () => {
    const port = await listen(createNetServer(() => undefined)); // accepts, reads, never answers
    const c = client(`http://127.0.0.1:${port}`, { timeouts: { headersMs: 300 } });
    const t0 = Date.now();
    const e = await failure(c.chat(REQ, { stream: false }));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe(`endpoint 127.0.0.1:${port} sent no response within 0.3 s (headers timeout)`);
    expect(c.calls[0]?.status).toBe('timeout');
  });

  it('stream stall: body timeout after the first chunk', async () => {
    const port = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"choices":[{"index":0,"delta":{"content":"hel"}}]}\n\n'); // then silence
      }),
    );
    const c = client(`http://127.0.0.1:${port}/v1`, { timeouts: { bodyMs: 300 } });
    const seen: string[] = [];
    const e = await failure(c.chat(REQ, { stream: true, onDelta: (t) => seen.push(t) }));
    expect(seen).toEqual(['hel']);
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe(`endpoint 127.0.0.1:${port} stopped sending the response: no data for 0.3 s (body timeout)`);
    expect(c.calls[0]).toMatchObject({ status: 'timeout' });
  });

  it('connection reset before the first byte is retried', async () => {
    const fake = await startFakeEndpoint([{ raw: (req) => void req.socket.destroy() }, { raw: (req) => void req.socket.destroy() }, { reply: { content: 'third time lucky' } }]);
    cleanups.push(() => fake.close());
    const c = client(fake.url);
    const r = await c.chat(REQ, { stream: true });
    expect(r.content).toBe('third time lucky');
    expect(r.record.retries).toBe(2);
  });

  it('resets forever give up with a clear message', async () => {
    const port = await listen(createNetServer((s) => s.on('data', () => s.resetAndDestroy())));
    const c = client(`http://127.0.0.1:${port}`, { retry: { maxRetries: 2, baseDelayMs: 1 } });
    const e = await failure(c.chat(REQ, { stream: false }));
    expect(e.kind).toBe('server');
    expect(e.message).toMatch(new RegExp(`^endpoint 127\\.0\\.0\\.1:${port} closed the connection: .+; gave up after 2 retries$`));
  });

  it('a non-streaming call may think longer than undici defaults allow; the timeout is ours', async () => {
    expect(DEFAULT_TIMEOUTS.headersMs).toBeGreaterThan(300_000);
    const fake = await startFakeEndpoint([{ reply: { content: 'slow but fine' }, delayMs: 700 }, { reply: { content: 'too slow' }, delayMs: 2000 }]);
    cleanups.push(() => fake.close());
    const patient = client(fake.url, { timeouts: { headersMs: 1500 } });
    expect((await patient.chat(REQ, { stream: false })).content).toBe('slow but fine');
    const e = await failure(patient.chat(REQ, { stream: false }));
    expect(e.kind).toBe('timeout');
  });

  it('a body that is not JSON or SSE is a bad response', async () => {
    const port = await listen(createHttpServer((_req, res) => res.end('hello, I am not an API')));
    const e = await failure(client(`http://127.0.0.1:${port}`).chat(REQ, { stream: false }));
    expect(e.kind).toBe('bad-response');
    expect(e.message).toBe(`endpoint 127.0.0.1:${port} sent a response that is not JSON: hello, I am not an API`);
    const s = await failure(client(`http://127.0.0.1:${port}`).chat(REQ, { stream: true }));
    expect(s.message).toContain('ended the stream without sending any data: hello, I am not an API');
  });
});
