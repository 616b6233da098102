import { describe, expect, it } from 'vitest';
import { EndpointError } from '../../src/llm/endpoint-error.js';
import type { ChatRequest } from '../../src/llm/types.js';
import { lastToolResult, SERVER_ERRORS } from '../helpers/fake-endpoint.js';
import type { FakeStyle } from '../helpers/fake-endpoint.js';
import { chats, closeAfterEach, REQ, setup, TOOLS } from './client-setup.js';

closeAfterEach();

describe('chat: replies', () => {
  it('non-streaming: tool call with null content, usage read, call recorded', async () => {
    const usage = { prompt_tokens: 42, completion_tokens: 9 };
    const { fake, client } = await setup([{ reply: { tool_calls: [{ name: 'read_file', arguments: { path: 'a.txt' } }], usage } }]);
    const r = await client.chat(REQ, { stream: false });
    expect(r.content).toBe('');
    expect(r.tool_calls).toEqual([{ id: 'call_fake_1_0', name: 'read_file', arguments: '{"path":"a.txt"}' }]);
    expect(r.finish_reason).toBe('tool_calls');
    expect(r.usage).toEqual({ ...usage, estimated: false });
    expect(client.calls).toHaveLength(1);
    const rec = client.calls[0];
    expect(rec).toMatchObject({ prompt_tokens: 42, completion_tokens: 9, finish_reason: 'tool_calls', status: 200, retries: 0, usage_estimated: false, stream: false });
    expect(rec?.request_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isNaN(Date.parse(rec?.started_at ?? ''))).toBe(false);
    expect(rec?.latency_ms).toBeGreaterThanOrEqual(0);
    expect(r.record).toBe(rec);
    expect(fake.served).toEqual(usage);
    const sent = chats(fake)[0]?.body;
    expect(sent?.stream).toBe(false);
    expect(sent?.stream_options).toBeUndefined();
    expect(sent?.tools).toEqual([{ type: 'function', function: TOOLS?.[0] }]);
  });

  it('streaming: include_usage asked, usage from the last chunk, onDelta gets the text', async () => {
    const { fake, client } = await setup([{ reply: { content: 'Hello there, world', usage: { prompt_tokens: 5, completion_tokens: 4 } } }]);
    const deltas: string[] = [];
    const r = await client.chat(REQ, { stream: true, onDelta: (t) => deltas.push(t) });
    expect(r.content).toBe('Hello there, world');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('Hello there, world');
    expect(r.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, estimated: false });
    expect(chats(fake)[0]?.body?.stream_options).toEqual({ include_usage: true });
    expect(chats(fake)[0]?.headers['accept']).toBe('text/event-stream');
    expect(client.calls[0]?.stream).toBe(true);
  });

  const styles: Array<[string, FakeStyle]> = [
    ['split deltas by index', {}],
    ['whole call in one delta', { toolCallDeltas: 'whole' }],
    ['deltas without index', { toolCallDeltas: 'no-index' }],
    ['id repeated in every delta', { repeatToolCallId: true }],
    ['arguments as an object', { argumentsAsObject: true }],
    ['SSE comments', { comments: true }],
    ['CRLF', { crlf: true }],
    ['data: without space', { dataNoSpace: true }],
    ['no [DONE]', { noDone: true }],
    ['five bytes per write (UTF-8 cut mid-character)', { chunkBytes: 5 }],
    ['usage on the finish chunk', { usageInFinalChunk: true }],
    ['reasoning field', { reasoningField: 'reasoning' }],
    ['JSON body to a stream request', { jsonBody: true }],
    ['everything odd at once', { comments: true, crlf: true, dataNoSpace: true, noDone: true, chunkBytes: 11, repeatToolCallId: true }],
  ];
  for (const [name, style] of styles) {
    it(`streaming quirk: ${name}`, async () => {
      const reply = { content: 'Ünïcödé 日本 🎉 text', reasoning: 'thinking…', tool_calls: [{ name: 'read_file', arguments: { path: 'src/ö.rs' } }, { name: 'read_file', arguments: { path: 'b' } }], usage: { prompt_tokens: 3, completion_tokens: 2 } };
      const { client } = await setup({ steps: [{ reply, style }] });
      const r = await client.chat(REQ, { stream: true });
      expect(r.content).toBe(reply.content);
      expect(r.reasoning).toBe('thinking…');
      expect(r.tool_calls.map((c) => [c.name, JSON.parse(c.arguments)])).toEqual([['read_file', { path: 'src/ö.rs' }], ['read_file', { path: 'b' }]]);
      expect(r.tool_calls[0]?.id).not.toBe(r.tool_calls[1]?.id);
      expect(r.finish_reason).toBe('tool_calls');
      expect(r.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, estimated: false });
    });
  }

  it('synthesises ids when the server omits them; "stop" with tool calls reads as tool_calls', async () => {
    const { client } = await setup({ steps: [{ reply: { tool_calls: [{ name: 'read_file', arguments: '{"path":"a"}' }], finish_reason: 'stop' } }], style: { omitToolCallIds: true } });
    const r = await client.chat(REQ, { stream: false });
    expect(r.tool_calls[0]?.id).toMatch(/^call_[0-9a-f]{12}$/);
    expect(r.finish_reason).toBe('tool_calls');
  });

  it('usage omitted: estimated from chars/4 and flagged (non-streaming and streaming)', async () => {
    const { client } = await setup([{ reply: { content: 'x'.repeat(40), usage: 'omit' } }, { reply: { content: 'y'.repeat(8), usage: 'omit' } }]);
    const a = await client.chat(REQ, { stream: false });
    expect(a.usage).toMatchObject({ completion_tokens: 10, estimated: true });
    expect(a.usage.prompt_tokens).toBeGreaterThan(0);
    const b = await client.chat(REQ, { stream: true });
    expect(b.usage).toMatchObject({ completion_tokens: 2, estimated: true });
    expect(client.calls.map((c) => c.usage_estimated)).toEqual([true, true]);
  });

  it('include_usage rejected with 400: retried once without stream_options, then remembered', async () => {
    const { fake, client } = await setup({ steps: [{ reply: { content: 'one' } }, { reply: { content: 'two' } }], rejectStreamOptions: true });
    const a = await client.chat(REQ, { stream: true });
    expect(a.content).toBe('one');
    expect(a.usage.estimated).toBe(true); // no usage without include_usage
    expect(a.record.retries).toBe(1);
    const b = await client.chat(REQ, { stream: true });
    expect(b.content).toBe('two');
    expect(b.record.retries).toBe(0);
    expect(chats(fake).map((r) => r.body?.stream_options !== undefined)).toEqual([true, false, false]);
  });

  it('an error inside a 200 stream is a one-line error naming the server message, recorded', async () => {
    const { client } = await setup([{ reply: { content: 'partial answer here' }, style: { errorInStream: { message: 'Provider disconnected unexpectedly', code: 502 } } }]);
    const err = await client.chat(REQ, { stream: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointError);
    expect((err as EndpointError).message).toContain('Provider disconnected unexpectedly');
    expect((err as EndpointError).message).toContain('inside a 200 response');
    expect(client.calls[0]).toMatchObject({ status: 200, prompt_tokens: 0, completion_tokens: 0 });
    expect(client.calls[0]?.error).toContain('Provider disconnected');
  });

  it('dynamic steps see the request (e.g. the last tool result); the script ending answers "done"', async () => {
    const { client } = await setup([{ dynamic: (req) => ({ reply: { content: `you said: ${lastToolResult(req) ?? 'nothing'}` } }) }]);
    const withTool: ChatRequest = { ...REQ, messages: [...REQ.messages, { role: 'assistant', content: '', tool_calls: [{ id: 'c', name: 'read_file', arguments: '{}' }] }, { role: 'tool', tool_call_id: 'c', name: 'read_file', content: 'file body' }] };
    expect((await client.chat(withTool, { stream: false })).content).toBe('you said: file body');
    const done = await client.chat(REQ, { stream: true });
    expect(done.content).toBe('done');
    expect(done.tool_calls).toEqual([]);
  });

  it('HTML error pages are summarised', async () => {
    const { client } = await setup([SERVER_ERRORS.badGatewayHtml, SERVER_ERRORS.badGatewayHtml], { retry: { maxRetries: 1, baseDelayMs: 1 } });
    await expect(client.chat(REQ, { stream: false })).rejects.toThrow(/HTTP 502 Bad Gateway\): HTML page: 502 Bad Gateway; gave up after 1 retry$/);
  });

  it('errors inside a 200: a JSON error body (NIM), an `event: error`, a vLLM error chunk', async () => {
    const sse = (text: string) => ({ raw: (_q: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'text/event-stream' }).end(text) });
    const { client } = await setup([
      { status: 200, body: { error: { message: 'Inference connection error', code: 503 } } },
      sse('event: error\ndata: model crashed\n\n'),
      sse('data: {"choices":[{"index":0,"delta":{"content":"a"}}]}\n\ndata: {"object":"error","message":"This model\'s maximum context length is 8192 tokens","code":400}\n\n'),
    ]);
    const errs = [];
    for (const stream of [false, true, true]) errs.push((await client.chat(REQ, { stream }).catch((e: unknown) => e)) as EndpointError);
    expect(errs.map((e) => e.kind)).toEqual(['server', 'server', 'context-length']);
    expect(errs[0]?.message).toContain('Inference connection error');
    expect(errs[1]?.message).toContain('model crashed');
    expect(errs[2]?.message).toContain('maximum context length is 8192');
    expect(client.calls.map((c) => c.status)).toEqual([200, 200, 200]);
  });

  it('an SSE body to a non-streaming request (always-streaming proxies) is still read', async () => {
    const body = 'data: {"choices":[{"index":0,"delta":{"content":"streamed "}}]}\n\ndata: {"choices":[{"index":0,"delta":{"content":"anyway"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    const { client } = await setup([{ raw: (_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body) }]);
    const r = await client.chat(REQ, { stream: false });
    expect([r.content, r.finish_reason, r.usage.estimated]).toEqual(['streamed anyway', 'stop', true]);
  });
});
