import { describe, expect, it } from 'vitest';
import { responsesToChat } from '../../src/proxy/responses-request.js';
import { SERVER_ERRORS } from '../helpers/fake-endpoint.js';
import { chatRequests, closeAfterEach, post, setup, sseEvents, json } from './proxy-setup.js';

closeAfterEach();

const TOOLS = [
  { type: 'function', name: 'exec_command', description: 'run a command', strict: false, parameters: { type: 'object', properties: { cmd: { type: 'string' } }, required: ['cmd'] } },
  { type: 'custom', name: 'apply_patch', description: 'apply a patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: …' } },
  { type: 'web_search', external_web_access: false },
  { type: 'namespace', name: 'multi_agent_v1', tools: [] },
];

const CONVERSATION = {
  model: 'fake-model',
  instructions: 'You are codex.',
  input: [
    { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'rules' }] },
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'fix it' }] },
    { type: 'reasoning', summary: [], encrypted_content: 'opaque' },
    { type: 'function_call', call_id: 'call_1', name: 'exec_command', arguments: '{"cmd":"ls"}' },
    { type: 'function_call_output', call_id: 'call_1', output: 'a.py\n' },
    { type: 'custom_tool_call', call_id: 'call_2', name: 'apply_patch', input: '*** Begin Patch' },
    { type: 'custom_tool_call_output', call_id: 'call_2', output: 'Done' },
    { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'late note' }] },
  ],
  tools: TOOLS,
  tool_choice: 'auto',
  parallel_tool_calls: false,
  reasoning: { summary: 'auto' },
  store: false,
  include: ['reasoning.encrypted_content'],
  max_output_tokens: 500,
  stream: true,
};

describe('Responses → chat request translation', () => {
  it('maps instructions, messages, calls, outputs and tools', () => {
    const t = responsesToChat(CONVERSATION);
    expect(t.stream).toBe(true);
    expect(t.body['stream_options']).toEqual({ include_usage: true });
    expect(t.body['max_tokens']).toBe(500);
    expect(t.body['store']).toBeUndefined();
    expect(t.body['parallel_tool_calls']).toBe(false);
    expect(t.body['messages']).toEqual([
      { role: 'system', content: 'You are codex.\n\nrules' },
      { role: 'user', content: 'fix it' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'exec_command', arguments: '{"cmd":"ls"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'a.py\n' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'apply_patch', arguments: '{"input":"*** Begin Patch"}' } }] },
      { role: 'tool', tool_call_id: 'call_2', content: 'Done' },
      { role: 'user', content: '[system note]\nlate note' },
    ]);
    const tools = t.body['tools'] as Array<{ function: { name: string; parameters: unknown } }>;
    expect(tools.map((x) => x.function.name)).toEqual(['exec_command', 'apply_patch']);
    expect(tools[1]?.function.parameters).toMatchObject({ required: ['input'] });
    expect([...t.customTools]).toEqual(['apply_patch']);
  });

  it('a plain string input is one user message', () => {
    expect(responsesToChat({ model: 'm', input: 'hi' }).body['messages']).toEqual([{ role: 'user', content: 'hi' }]);
  });
});

describe('POST /v1/responses through the proxy', () => {
  it('streams a function call as Responses events with the served usage', async () => {
    const { fake, proxy } = await setup([
      { reply: { content: 'Running it.', tool_calls: [{ name: 'exec_command', arguments: { cmd: 'python3 -m unittest' } }], usage: { prompt_tokens: 300, completion_tokens: 40 } } },
    ]);
    const res = await post(proxy, '/responses', CONVERSATION);
    expect(res.status).toBe(200);
    const events = await sseEvents(res);
    const data = events.map((e) => JSON.parse(e.data));
    expect(events.every((e, i) => e.event === data[i].type)).toBe(true);
    const types = data.map((d) => d.type);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    const text = data.filter((d) => d.type === 'response.output_text.delta').map((d) => d.delta).join('');
    expect(text).toBe('Running it.');
    const added = data.filter((d) => d.type === 'response.output_item.added').map((d) => d.item.type);
    expect(added).toEqual(['message', 'function_call']);
    const call = data.find((d) => d.type === 'response.output_item.done' && d.item.type === 'function_call').item;
    expect(call).toMatchObject({ name: 'exec_command', arguments: '{"cmd":"python3 -m unittest"}', status: 'completed' });
    expect(call.call_id).toMatch(/^call_/);
    const completed = data.at(-1).response;
    expect(completed.usage).toMatchObject({ input_tokens: 300, output_tokens: 40, total_tokens: 340 });
    expect(completed.output.map((o: { type: string }) => o.type)).toEqual(['message', 'function_call']);
    expect(data.map((d) => d.sequence_number)).toEqual(data.map((_, i) => i));
    const sent = chatRequests(fake)[0]?.body;
    expect(sent?.messages?.[0]).toEqual({ role: 'system', content: 'You are codex.\n\nrules' });
    expect(sent?.stream_options).toEqual({ include_usage: true });
    expect(proxy.calls[0]).toMatchObject({ prompt_tokens: 300, completion_tokens: 40, finish_reason: 'tool_calls', status: 200, stream: true, usage_estimated: false });
    expect(fake.served).toEqual({ prompt_tokens: 300, completion_tokens: 40 });
  });

  it('a custom tool call goes back as custom_tool_call with its raw input', async () => {
    const { proxy } = await setup([{ reply: { tool_calls: [{ name: 'apply_patch', arguments: { input: '*** Begin Patch\n*** End Patch' } }] } }]);
    const data = (await sseEvents(await post(proxy, '/responses', CONVERSATION))).map((e) => JSON.parse(e.data));
    const item = data.find((d) => d.type === 'response.output_item.done').item;
    expect(item).toMatchObject({ type: 'custom_tool_call', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' });
  });

  it('answers a non-streaming request with one response object', async () => {
    const { proxy } = await setup([{ reply: { content: 'All fixed.', usage: { prompt_tokens: 9, completion_tokens: 3 } } }]);
    const res = await post(proxy, '/responses', { model: 'fake-model', input: 'fix it' });
    const body = await json(res);
    expect(body).toMatchObject({ object: 'response', status: 'completed', usage: { input_tokens: 9, output_tokens: 3 } });
    expect(body.output[0]).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'All fixed.' }] });
  });

  it('an error inside the upstream stream becomes response.failed', async () => {
    const { proxy } = await setup([{ reply: { content: 'partial answer' }, style: { errorInStream: { message: 'model crashed' } } }]);
    const data = (await sseEvents(await post(proxy, '/responses', { ...CONVERSATION }))).map((e) => JSON.parse(e.data));
    expect(data.at(-1)).toMatchObject({ type: 'response.failed', response: { status: 'failed', error: { message: 'model crashed' } } });
    expect(proxy.calls[0]?.error).toContain('model crashed');
    expect(proxy.succeeded()).toBe(0);
  });

  it('passes an upstream 401 back with its status and body', async () => {
    const { proxy } = await setup([SERVER_ERRORS.badKey]);
    const res = await post(proxy, '/responses', CONVERSATION);
    expect(res.status).toBe(401);
    expect((await json(res)).error.code).toBe('invalid_api_key');
    expect(proxy.authFailed()).toBe(true);
  });
});
