// --no-stream for agent CLIs behind a gateway that fails every streamed call (Portkey 1.15.2 on
// Node 20): Claude Code and codex always stream, so the proxy asks the upstream for one whole reply
// and builds their event stream from it. Without it, the run's error says to try --no-stream.

import { describe, expect, it } from 'vitest';
import type { FakeStep } from '../helpers/fake-endpoint.js';
import { chatRequests, closeAfterEach, post, setup, sseEvents } from './proxy-setup.js';

closeAfterEach();

type Obj = Record<string, unknown>;
const REPLY: FakeStep = { reply: { content: 'Running it.', tool_calls: [{ name: 'Bash', arguments: { command: 'ls' } }], usage: { prompt_tokens: 70, completion_tokens: 9 } } };
const FAIL_STREAMS: FakeStep = { dynamic: (req) => (req.body?.stream === true ? { status: 500, body: { status: 'failure', message: 'Something went wrong' } } : REPLY) };
const BASH = { name: 'Bash', input_schema: { type: 'object', properties: { command: { type: 'string' } } } };
const MESSAGES = { model: 'fake-model', max_tokens: 256, stream: true, messages: [{ role: 'user', content: 'fix it' }], tools: [BASH] };
const RESPONSES = { model: 'fake-model', stream: true, input: 'fix it', tools: [{ type: 'function', name: 'Bash', parameters: BASH.input_schema }] };

const data = async (res: Response): Promise<Obj[]> => (await sseEvents(res)).map((e) => JSON.parse(e.data) as Obj);

describe('the recording proxy with noStream', () => {
  it('Messages: the upstream is asked for a whole reply; the driver still gets its event stream, usage as served', async () => {
    const { fake, proxy } = await setup(Array.from({ length: 3 }, () => FAIL_STREAMS), { noStream: true });
    const res = await fetch(`${proxy.url}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': proxy.token }, body: JSON.stringify(MESSAGES) });
    expect(res.status).toBe(200);
    const list = await data(res);
    expect(list[0]?.['type']).toBe('message_start');
    expect(list.at(-1)?.['type']).toBe('message_stop');
    const text = list.filter((e) => (e['delta'] as Obj | undefined)?.['type'] === 'text_delta').map((e) => (e['delta'] as { text: string }).text);
    expect(text.join('')).toBe('Running it.');
    expect(list.find((e) => (e['content_block'] as Obj | undefined)?.['type'] === 'tool_use')).toMatchObject({ content_block: { name: 'Bash' } });
    expect(list.find((e) => e['type'] === 'message_delta')).toMatchObject({ delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } });
    const sent = chatRequests(fake)[0]?.body;
    expect(sent?.stream).toBe(false);
    expect(sent?.stream_options).toBeUndefined();
    expect(proxy.calls[0]).toMatchObject({ prompt_tokens: 70, completion_tokens: 9, status: 200, stream: false, usage_estimated: false });
  });

  it('Responses: the same for codex', async () => {
    const { fake, proxy } = await setup(Array.from({ length: 3 }, () => FAIL_STREAMS), { noStream: true });
    const res = await post(proxy, '/responses', RESPONSES);
    expect(res.status).toBe(200);
    const list = await data(res);
    expect(list.at(-1)).toMatchObject({ type: 'response.completed', response: { usage: { input_tokens: 70, output_tokens: 9 } } });
    expect(list.filter((d) => d['type'] === 'response.output_text.delta').map((d) => d['delta']).join('')).toBe('Running it.');
    expect(chatRequests(fake)[0]?.body?.stream).toBe(false);
    expect(proxy.calls[0]).toMatchObject({ status: 200, stream: false, usage_estimated: false });
  });

  it('chat completions (Cline, Continue): the whole reply goes back to the streaming driver as chunks', async () => {
    const { fake, proxy } = await setup(Array.from({ length: 3 }, () => FAIL_STREAMS), { noStream: true });
    const chat = { model: 'fake-model', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'fix it' }], tools: [{ type: 'function', function: { name: 'Bash', parameters: BASH.input_schema } }] };
    const res = await post(proxy, '/chat/completions', chat);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = await sseEvents(res);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as { choices: Array<{ delta?: Obj; finish_reason: string | null }>; usage?: Obj });
    expect(chunks[0]?.choices[0]?.delta).toMatchObject({ content: 'Running it.', tool_calls: [{ index: 0, type: 'function', function: { name: 'Bash', arguments: '{"command":"ls"}' } }] });
    expect(chunks[1]?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks[2]?.usage).toEqual({ prompt_tokens: 70, completion_tokens: 9, total_tokens: 79 });
    expect(chatRequests(fake)[0]?.body?.stream).toBe(false);
    expect(chatRequests(fake)[0]?.body?.stream_options).toBeUndefined();
    expect(proxy.calls[0]).toMatchObject({ prompt_tokens: 70, completion_tokens: 9, status: 200, stream: false, usage_estimated: false });
  });

  it('without it: streamed calls all failing on the server side → the error hints at --no-stream', async () => {
    const { proxy } = await setup(Array.from({ length: 10 }, () => FAIL_STREAMS));
    const res = await post(proxy, '/responses', RESPONSES);
    expect(res.status).toBe(500);
    expect(proxy.endpointError()?.message).toMatch(/Something went wrong/);
    expect(proxy.endpointError()?.hint).toMatch(/try --no-stream/);
  });

  it('a plain server error on non-streamed calls gets no such hint', async () => {
    const { proxy } = await setup(Array.from({ length: 10 }, () => ({ status: 500, body: { error: { message: 'boom' } } })));
    await post(proxy, '/responses', { ...RESPONSES, stream: false });
    expect(proxy.endpointError()?.message).toMatch(/boom/);
    expect(proxy.endpointError()?.hint).toBeUndefined();
  });
});
