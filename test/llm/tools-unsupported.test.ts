import { describe, expect, it } from 'vitest';
import { classifyHttpError, EndpointError } from '../../src/llm/endpoint-error.js';
import { isToolsUnsupported, looksToolsUnsupported } from '../../src/llm/tools-unsupported.js';
import { rejectToolsResponse } from '../helpers/fake-endpoint-scripts.js';

describe('tools-unsupported detection', () => {
  for (const style of ['ollama', 'vllm', 'llamacpp', 'openrouter'] as const) {
    it(`${style}: the error that server sends`, () => {
      const { status, body } = rejectToolsResponse(style, 'qwen:4b');
      const err = classifyHttpError(status, JSON.stringify(body), {}, { host: 'h' });
      expect(err.kind).toBe('tools-unsupported');
      expect(isToolsUnsupported(err)).toBe(true);
    });
  }

  const generic: Array<[number, string, boolean]> = [
    [400, 'Unrecognized request argument supplied: tools', true],
    [400, "property 'tools' is unsupported, did you mean 'stream'?", true],
    [422, 'body.tools: Extra inputs are not permitted', true],
    [400, 'This model does not support function calling', true],
    [400, 'tool_choice is not supported for this model', true],
    [404, "No endpoints found that support the provided 'tool_choice' value.", true],
    [400, 'Invalid value for temperature', false],
    [400, "Unrecognized request argument supplied: stream_options", false],
    [429, 'tools are not supported right now, slow down', false], // a 429 is about rate, not tools
    [400, 'messages: field required', false],
  ];
  for (const [status, message, want] of generic) {
    it(`${status} "${message}" → ${want}`, () => expect(looksToolsUnsupported(status, message)).toBe(want));
  }

  it('works on any error with a message and on EndpointError kinds', () => {
    expect(isToolsUnsupported(new EndpointError('bad-request', 'x does not support tools', { status: 400 }))).toBe(true);
    expect(isToolsUnsupported(new EndpointError('auth', 'refused: does not support tools', { status: 401 }))).toBe(false);
    expect(isToolsUnsupported(new Error('tools param requires --jinja flag'))).toBe(true);
    expect(isToolsUnsupported(new Error('connection refused'))).toBe(false);
    expect(isToolsUnsupported(null)).toBe(false);
    expect(isToolsUnsupported('does not support tools')).toBe(false);
  });
});
