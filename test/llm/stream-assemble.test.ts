import { describe, expect, it } from 'vitest';
import { createStreamAssembler } from '../../src/llm/stream-assemble.js';

const chunk = (delta: Record<string, unknown>, finish: string | null = null): unknown => ({ choices: [{ index: 0, delta, finish_reason: finish }] });

function assemble(chunks: unknown[]): ReturnType<ReturnType<typeof createStreamAssembler>['result']> {
  const a = createStreamAssembler();
  for (const c of chunks) a.push(c);
  return a.result();
}

describe('stream assembly', () => {
  it('joins content deltas, null content counts as nothing, returns added text', () => {
    const a = createStreamAssembler();
    expect(a.push(chunk({ role: 'assistant', content: null }))).toBe('');
    expect(a.push(chunk({ content: 'Hel' }))).toBe('Hel');
    expect(a.push(chunk({ content: 'lo' }, 'stop'))).toBe('lo');
    expect(a.result()).toMatchObject({ content: 'Hello', finish_reason: 'stop', tool_calls: [], usage: null });
  });

  it('merges tool calls split by index: id and name only in the first delta', () => {
    const r = assemble([
      chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'read_file', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'list_files', arguments: '{}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"pa' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: 'th": "a.txt"}' } }] }),
      chunk({}, 'tool_calls'),
    ]);
    expect(r.tool_calls).toEqual([
      { id: 'call_a', name: 'read_file', arguments: '{"path": "a.txt"}' },
      { id: 'call_b', name: 'list_files', arguments: '{}' },
    ]);
    expect(r.finish_reason).toBe('tool_calls');
  });

  it('accepts the whole call in one delta with arguments as an object', () => {
    const r = assemble([chunk({ tool_calls: [{ index: 0, id: 'c1', function: { name: 'write_file', arguments: { path: 'x', content: 'é' } } }] }, 'tool_calls')]);
    expect(r.tool_calls).toEqual([{ id: 'c1', name: 'write_file', arguments: '{"path":"x","content":"é"}' }]);
  });

  it('tolerates a repeated id and name in every delta', () => {
    const r = assemble([
      chunk({ tool_calls: [{ index: 0, id: 'c1', function: { name: 'read_file', arguments: '{"path":' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'c1', function: { name: 'read_file', arguments: '"a"}' } }] }),
    ]);
    expect(r.tool_calls).toEqual([{ id: 'c1', name: 'read_file', arguments: '{"path":"a"}' }]);
  });

  it('deltas without index: continuation goes to the last call, a new id starts a new one', () => {
    const r = assemble([
      chunk({ tool_calls: [{ id: 'c1', function: { name: 'read_file', arguments: '{"path":' } }] }),
      chunk({ tool_calls: [{ function: { arguments: '"a"}' } }] }),
      chunk({ tool_calls: [{ id: 'c2', function: { name: 'run_tests', arguments: '{}' } }] }),
    ]);
    expect(r.tool_calls.map((c) => [c.id, c.name, c.arguments])).toEqual([
      ['c1', 'read_file', '{"path":"a"}'],
      ['c2', 'run_tests', '{}'],
    ]);
  });

  it('same index with a different id and name is a second call (buggy servers)', () => {
    const r = assemble([
      chunk({ tool_calls: [{ index: 0, id: 'c1', function: { name: 'read_file', arguments: '{"path":"a"}' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'c2', function: { name: 'read_file', arguments: '{"path":"b"}' } }] }),
    ]);
    expect(r.tool_calls.map((c) => c.arguments)).toEqual(['{"path":"a"}', '{"path":"b"}']);
  });

  it('synthesises a missing id and turns missing arguments into {}', () => {
    const r = assemble([chunk({ tool_calls: [{ index: 0, function: { name: 'run_tests' } }] }, 'stop')]);
    expect(r.tool_calls).toHaveLength(1);
    expect(r.tool_calls[0]?.id).toMatch(/^call_[0-9a-f]{12}$/);
    expect(r.tool_calls[0]?.arguments).toBe('{}');
    expect(r.finish_reason).toBe('tool_calls'); // "stop" with tool calls present
  });

  it('collects reasoning_content and reasoning fields apart from content', () => {
    const r = assemble([chunk({ reasoning_content: 'think ' }), chunk({ reasoning: 'more' }), chunk({ content: 'answer' }, 'stop')]);
    expect(r.reasoning).toBe('think more');
    expect(r.content).toBe('answer');
  });

  it('reads usage from the last chunk with empty choices, and from a finish chunk', () => {
    expect(assemble([chunk({ content: 'x' }, 'stop'), { choices: [], usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 } }]).usage).toEqual({
      prompt_tokens: 11,
      completion_tokens: 3,
    });
    expect(assemble([{ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 5, total_tokens: 9 } }]).usage).toEqual({
      prompt_tokens: 5,
      completion_tokens: 4,
    });
  });

  it('ignores empty choices, other choice indexes and non-objects', () => {
    const r = assemble([{ choices: [] }, 'junk', null, { choices: [{ index: 1, delta: { content: 'other' } }] }, chunk({ content: 'mine' })]);
    expect(r.content).toBe('mine');
  });

  it('reads a whole non-streaming message too (content parts, legacy function_call)', () => {
    const r = assemble([{ choices: [{ index: 0, message: { content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], function_call: { name: 'run_tests', arguments: '{}' } }, finish_reason: 'function_call' }] }]);
    expect(r.content).toBe('ab');
    expect(r.tool_calls.map((c) => c.name)).toEqual(['run_tests']);
    expect(r.finish_reason).toBe('tool_calls');
  });

  it('assembles by id when a gateway renumbers every call to index 0 and re-sends whole calls', () => {
    const r = assemble([
      chunk({ tool_calls: [{ index: 0, id: 'a', type: 'function', function: { name: 'read_file', arguments: '{"path":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"x"}' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'b', type: 'function', function: { name: 'read_file', arguments: '{"path":"y"}' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'a', type: 'function', function: { name: 'read_file', arguments: '{"path":"x"}' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'b', type: 'function', function: { name: 'read_file', arguments: '{"path":"y"}' } }] }, 'tool_calls'),
    ]);
    expect(r.tool_calls).toEqual([
      { id: 'a', name: 'read_file', arguments: '{"path":"x"}' },
      { id: 'b', name: 'read_file', arguments: '{"path":"y"}' },
    ]);
  });

  it('keeps the real usage when a trailing all-zero usage follows', () => {
    const r = assemble([chunk({ content: 'hi' }, 'stop'), { choices: [], usage: { prompt_tokens: 120, completion_tokens: 7 } }, { choices: [], usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } }]);
    expect(r.usage).toEqual({ prompt_tokens: 120, completion_tokens: 7 });
  });
});
