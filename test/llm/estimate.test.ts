import { describe, expect, it } from 'vitest';
import { estimateCompletionTokens, estimatePromptTokens, estimateTokens, resolveUsage } from '../../src/llm/estimate.js';
import type { AssembledMessage } from '../../src/llm/message-parts.js';
import { canonicalJson, requestSha256, wireBody } from '../../src/llm/request-body.js';
import type { ChatRequest } from '../../src/llm/types.js';

const request: ChatRequest = {
  model: 'm',
  messages: [
    { role: 'system', content: 'x'.repeat(394) }, // 6 + 394 = 400 chars
    { role: 'assistant', content: '', tool_calls: [{ id: 'c1', name: 'read_file', arguments: '{"path":"a"}' }] }, // 9 + 9 + 12 = 30
    { role: 'tool', tool_call_id: 'c1', name: 'read_file', content: 'y'.repeat(66) }, // 4 + 66 + 9 = 79 → total 509
  ],
};

const reply = (over: Partial<AssembledMessage>): AssembledMessage => ({ content: '', reasoning: '', tool_calls: [], finish_reason: 'stop', usage: null, ...over });

describe('token estimates (≈ chars / 4)', () => {
  it('counts text, tool calls and tool results', () => {
    expect(estimateTokens('abcd1')).toBe(2);
    expect(estimatePromptTokens(request)).toBe(Math.ceil(509 / 4));
    const withTools = { ...request, tools: [{ name: 't', description: 'd', parameters: {} }] };
    expect(estimatePromptTokens(withTools)).toBeGreaterThan(estimatePromptTokens(request));
    expect(estimateCompletionTokens(reply({ content: '12345678', reasoning: 'abcd', tool_calls: [{ id: 'x', name: 'ab', arguments: '{}' }] }))).toBe(4);
  });

  it('uses the server usage when present, unflagged', () => {
    expect(resolveUsage(request, reply({ content: 'hi', usage: { prompt_tokens: 100, completion_tokens: 7 } }))).toEqual({ prompt_tokens: 100, completion_tokens: 7, estimated: false });
  });

  it('estimates and flags when usage is missing', () => {
    expect(resolveUsage(request, reply({ content: 'x'.repeat(40) }))).toEqual({ prompt_tokens: 128, completion_tokens: 10, estimated: true });
  });

  it('treats 0/0 usage next to a real reply as missing', () => {
    expect(resolveUsage(request, reply({ content: 'hello', usage: { prompt_tokens: 0, completion_tokens: 0 } })).estimated).toBe(true);
    expect(resolveUsage(request, reply({ content: '', usage: { prompt_tokens: 0, completion_tokens: 0 } })).estimated).toBe(false);
  });
});

describe('request body and hash', () => {
  it('puts tools and tool calls in OpenAI wire shape', () => {
    const body = wireBody({ ...request, tools: [{ name: 'read_file', description: 'd', parameters: { type: 'object' } }], temperature: 0 });
    expect(body['tools']).toEqual([{ type: 'function', function: { name: 'read_file', description: 'd', parameters: { type: 'object' } } }]);
    const messages = body['messages'] as Array<Record<string, unknown>>;
    expect(messages[1]).toEqual({ role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a"}' } }] });
    expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 'c1', name: 'read_file', content: 'y'.repeat(66) });
    expect(body['temperature']).toBe(0);
    expect('max_tokens' in body).toBe(false);
  });

  it('hashes the canonical body: key order does not matter, content does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], u: undefined })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const h1 = requestSha256({ model: 'm', messages: [] });
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(requestSha256({ messages: [], model: 'm' })).toBe(h1);
    expect(requestSha256({ messages: [], model: 'n' })).not.toBe(h1);
  });
});
