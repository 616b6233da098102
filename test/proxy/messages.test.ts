// The Anthropic Messages API in front of chat completions: the request translation (table), and
// the proxy end to end on loopback (streamed events, one message object, usage, errors).

import { describe, expect, it } from 'vitest';
import { messagesToChat } from '../../src/proxy/messages-request.js';
import { errorType, stopReason } from '../../src/proxy/messages-output.js';
import { SERVER_ERRORS, type FakeStep } from '../helpers/fake-endpoint.js';
import { chatRequests, closeAfterEach, json, setup, sseEvents } from './proxy-setup.js';
import type { RecordingProxy } from '../../src/proxy/recording-proxy.js';

closeAfterEach();

type Obj = Record<string, unknown>;
const BASH = { name: 'Bash', description: 'run a command', input_schema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] } };

describe('Messages → chat request translation', () => {
  it.each<[string, Obj, Obj[]]>([
    ['system string + user text', { system: 'be brief', messages: [{ role: 'user', content: 'hi' }] }, [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }]],
    [
      'system blocks (cache_control ignored), user blocks with an image',
      { system: [{ type: 'text', text: 'a', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'b' }], messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image', source: {} }] }] },
      [{ role: 'system', content: 'a\nb' }, { role: 'user', content: 'look\n[image omitted]' }],
    ],
    [
      'assistant text + two tool_use blocks; thinking dropped',
      { messages: [{ role: 'assistant', content: [{ type: 'thinking', thinking: 'hm' }, { type: 'text', text: 'run both' }, { type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'ls' } }, { type: 'tool_use', id: 't2', name: 'Read', input: { file_path: 'a' } }] }] },
      [{ role: 'assistant', content: 'run both', tool_calls: [{ id: 't1', type: 'function', function: { name: 'Bash', arguments: '{"command":"ls"}' } }, { id: 't2', type: 'function', function: { name: 'Read', arguments: '{"file_path":"a"}' } }] }],
    ],
    [
      'tool_use only: content null',
      { messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: {} }] }] },
      [{ role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'Bash', arguments: '{}' } }] }],
    ],
    [
      'tool results (string, blocks, is_error) become tool messages before the text',
      { messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }, { type: 'tool_result', tool_use_id: 't2', is_error: true, content: [{ type: 'text', text: 'no such file' }] }, { type: 'text', text: 'go on' }] }] },
      [{ role: 'tool', tool_call_id: 't1', content: 'ok' }, { role: 'tool', tool_call_id: 't2', content: 'Error: no such file' }, { role: 'user', content: 'go on' }],
    ],
  ])('%s', (_name, request, messages) => {
    expect(messagesToChat({ model: 'm', max_tokens: 100, ...request }).body['messages']).toEqual(messages);
  });

  it.each<[string, unknown, unknown]>([
    ['auto', { type: 'auto' }, 'auto'],
    ['any', { type: 'any' }, 'required'],
    ['none', { type: 'none' }, 'none'],
    ['one tool', { type: 'tool', name: 'Bash' }, { type: 'function', function: { name: 'Bash' } }],
    ['absent', undefined, undefined],
  ])('tool_choice %s', (_name, choice, expected) => {
    expect(messagesToChat({ model: 'm', messages: [], tools: [BASH], tool_choice: choice }).body['tool_choice']).toEqual(expected);
  });

  it('client tools become function tools, server tools are dropped; stream, limits, stop sequences carried', () => {
    const t = messagesToChat({ model: 'm', messages: [], tools: [BASH, { type: 'web_search_20250305', name: 'web_search' }], stream: true, max_tokens: 512, temperature: 0, stop_sequences: ['END'], metadata: { user_id: 'x' }, thinking: { type: 'enabled' } });
    expect(t.body).toEqual({
      model: 'm',
      messages: [],
      stream: true,
      stream_options: { include_usage: true },
      tools: [{ type: 'function', function: { name: 'Bash', description: 'run a command', parameters: BASH.input_schema } }],
      max_tokens: 512,
      temperature: 0,
      stop: ['END'],
    });
  });

  it.each<[string | null, boolean, string]>([
    ['stop', false, 'end_turn'],
    [null, false, 'end_turn'],
    ['length', false, 'max_tokens'],
    ['tool_calls', true, 'tool_use'],
    ['stop', true, 'tool_use'],
    ['content_filter', false, 'refusal'],
  ])('stop reason %s (tool calls: %s) → %s', (finish, calls, expected) => {
    expect(stopReason(finish, calls)).toBe(expected);
  });

  it.each<[number, string]>([[400, 'invalid_request_error'], [401, 'authentication_error'], [403, 'permission_error'], [404, 'not_found_error'], [429, 'rate_limit_error'], [500, 'api_error'], [503, 'overloaded_error']])('HTTP %i → %s', (status, type) => {
    expect(errorType(status)).toBe(type);
  });
});

function postMessages(proxy: RecordingProxy, body: Obj, path = '/messages'): Promise<Response> {
  return fetch(`${proxy.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': proxy.token, 'anthropic-version': '2023-06-01' }, body: JSON.stringify(body) });
}

const ASK = { model: 'fake-model', max_tokens: 256, system: 'be brief', messages: [{ role: 'user', content: 'fix it' }], tools: [BASH] };
const events = async (res: Response): Promise<Obj[]> => (await sseEvents(res)).map((e) => ({ event: e.event, ...(JSON.parse(e.data) as Obj) }));

describe('the proxy serves /v1/messages', () => {
  it('streams text: message_start, ping, one text block, message_delta with usage, message_stop', async () => {
    const { fake, proxy } = await setup([{ reply: { content: 'All fixed now.', usage: { prompt_tokens: 40, completion_tokens: 6 } } }]);
    const list = await events(await postMessages(proxy, { ...ASK, stream: true }));
    expect(list.map((e) => e['type'])).toEqual(['message_start', 'ping', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(list.every((e) => e['event'] === e['type'])).toBe(true);
    const text = list.filter((e) => e['type'] === 'content_block_delta').map((e) => (e['delta'] as { text: string }).text).join('');
    expect(text).toBe('All fixed now.');
    expect(list.at(-2)).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 40, output_tokens: 6 } });
    expect(proxy.calls).toHaveLength(1);
    expect(proxy.calls[0]).toMatchObject({ prompt_tokens: 40, completion_tokens: 6, finish_reason: 'stop', status: 200, usage_estimated: false, stream: true });
    expect(chatRequests(fake)[0]?.body?.messages?.[0]).toEqual({ role: 'system', content: 'be brief' });
  });

  it('several tool calls, arguments arriving upstream as partial JSON: one tool_use block each, whole input', async () => {
    const step: FakeStep = {
      reply: { content: 'Running.', tool_calls: [{ name: 'Bash', arguments: { command: 'ls -la' } }, { name: 'Bash', arguments: { command: 'python3 -m unittest' } }] },
      style: { toolCallDeltas: 'split' },
    };
    const { proxy } = await setup([step]);
    const list = await events(await postMessages(proxy, { ...ASK, stream: true }));
    const starts = list.filter((e) => e['type'] === 'content_block_start').map((e) => [e['index'], (e['content_block'] as Obj)['type']]);
    expect(starts).toEqual([[0, 'text'], [1, 'tool_use'], [2, 'tool_use']]);
    const inputs = list.filter((e) => (e['delta'] as Obj | undefined)?.['type'] === 'input_json_delta').map((e) => JSON.parse((e['delta'] as { partial_json: string }).partial_json) as unknown);
    expect(inputs).toEqual([{ command: 'ls -la' }, { command: 'python3 -m unittest' }]);
    expect(list.find((e) => e['type'] === 'message_delta')).toMatchObject({ delta: { stop_reason: 'tool_use' } });
  });

  it('non-streaming: one message object with text and tool_use blocks and usage', async () => {
    const { proxy } = await setup([{ reply: { content: 'ok', tool_calls: [{ name: 'Bash', arguments: { command: 'ls' }, id: 'call_9' }], usage: { prompt_tokens: 12, completion_tokens: 3 } } }]);
    const res = await postMessages(proxy, ASK);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'fake-model',
      content: [{ type: 'text', text: 'ok' }, { type: 'tool_use', id: 'call_9', name: 'Bash', input: { command: 'ls' } }],
      stop_reason: 'tool_use',
      usage: { input_tokens: 12, output_tokens: 3 },
    });
  });

  it('a max-length stop comes back as max_tokens', async () => {
    const { proxy } = await setup([{ reply: { content: 'cut', finish_reason: 'length' } }]);
    expect(await json(await postMessages(proxy, ASK))).toMatchObject({ stop_reason: 'max_tokens' });
  });

  it('an upstream error keeps its status and words, in the Messages error shape', async () => {
    const { proxy } = await setup([SERVER_ERRORS.badKey], { key: 'sk-wrong-key-0000' });
    const res = await postMessages(proxy, ASK);
    expect(res.status).toBe(401);
    const body = (await json(res)) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('authentication_error');
    expect(body.error.message).toMatch(/refused the API key/);
    expect(proxy.authFailed()).toBe(true);
  });

  it('count_tokens is answered locally with an estimate, no upstream call, no record', async () => {
    const { fake, proxy } = await setup([]);
    const res = await postMessages(proxy, ASK, '/messages/count_tokens');
    expect(res.status).toBe(200);
    expect(((await json(res)) as { input_tokens: number }).input_tokens).toBeGreaterThan(0);
    expect(chatRequests(fake)).toHaveLength(0);
    expect(proxy.calls).toHaveLength(0);
  });

  it('a wrong x-api-key is refused by the proxy itself', async () => {
    const { fake, proxy } = await setup([]);
    const res = await fetch(`${proxy.url}/messages`, { method: 'POST', headers: { 'x-api-key': 'wrong' }, body: JSON.stringify(ASK) });
    expect(res.status).toBe(401);
    expect(chatRequests(fake)).toHaveLength(0);
  });

  it('past the turn budget: refused in the Messages error shape, upstream not asked', async () => {
    const { fake, proxy } = await setup([{ reply: { content: 'one' } }], { limits: { maxCalls: 1 } });
    await postMessages(proxy, ASK);
    const res = await postMessages(proxy, ASK);
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringMatching(/turn budget/) } });
    expect(chatRequests(fake)).toHaveLength(1);
  });
});
