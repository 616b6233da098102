import { describe, expect, it } from 'vitest';
import { describeTools, parseTextToolCalls } from '../../src/llm/text-tools.js';
import type { ToolDef } from '../../src/llm/types.js';

const ALLOWED = ['read_file', 'write_file', 'run_tests'];
const calls = (content: string): Array<[string, unknown]> => parseTextToolCalls(content, ALLOWED).map((c) => [c.name, JSON.parse(c.arguments)]);

describe('parseTextToolCalls', () => {
  const table: Array<{ name: string; content: string; want: Array<[string, unknown]> }> = [
    { name: 'one tagged call', content: 'Let me look.\n<tool_call>{"name": "read_file", "arguments": {"path": "src/a.rs"}}</tool_call>', want: [['read_file', { path: 'src/a.rs' }]] },
    { name: 'two tagged calls with newlines', content: '<tool_call>\n{"name":"read_file","arguments":{"path":"a"}}\n</tool_call>\n<tool_call>\n{"name":"run_tests","arguments":{}}\n</tool_call>', want: [['read_file', { path: 'a' }], ['run_tests', {}]] },
    { name: 'arguments as a JSON string', content: '<tool_call>{"name":"read_file","arguments":"{\\"path\\": \\"b\\"}"}</tool_call>', want: [['read_file', { path: 'b' }]] },
    { name: 'unclosed last tag', content: 'ok <tool_call>{"name":"run_tests","arguments":{}}', want: [['run_tests', {}]] },
    { name: 'json fence inside the tag counted once', content: '<tool_call>\n```json\n{"name":"run_tests","arguments":{}}\n```\n</tool_call>', want: [['run_tests', {}]] },
    { name: 'fenced ```json block', content: 'I will write it:\n```json\n{"name": "write_file", "arguments": {"path": "x.py", "content": "print(1)\\n"}}\n```\n', want: [['write_file', { path: 'x.py', content: 'print(1)\n' }]] },
    { name: 'fenced ```tool_call block', content: '```tool_call\n{"name":"read_file","arguments":{"path":"c"}}\n```', want: [['read_file', { path: 'c' }]] },
    { name: 'fenced array of calls', content: '```json\n[{"name":"read_file","arguments":{"path":"a"}},{"name":"read_file","arguments":{"path":"b"}}]\n```', want: [['read_file', { path: 'a' }], ['read_file', { path: 'b' }]] },
    { name: '"parameters" alias and function wrapper', content: '<tool_call>{"type":"function","function":{"name":"read_file","parameters":{"path":"d"}}}</tool_call>', want: [['read_file', { path: 'd' }]] },
    { name: 'missing arguments means {}', content: '<tool_call>{"name":"run_tests"}</tool_call>', want: [['run_tests', {}]] },
    { name: 'text around JSON inside the tag', content: '<tool_call>call: {"name":"run_tests","arguments":{}} thanks</tool_call>', want: [['run_tests', {}]] },
    { name: 'unknown tool ignored', content: '<tool_call>{"name":"rm_rf","arguments":{}}</tool_call><tool_call>{"name":"run_tests","arguments":{}}</tool_call>', want: [['run_tests', {}]] },
    { name: 'malformed JSON ignored', content: '<tool_call>{"name":"read_file","arguments":{"path":</tool_call>', want: [] },
    { name: 'arguments string that is not JSON ignored', content: '<tool_call>{"name":"read_file","arguments":"path=a"}</tool_call>', want: [] },
    { name: 'arguments not an object ignored', content: '<tool_call>{"name":"read_file","arguments":[1,2]}</tool_call>', want: [] },
    { name: 'a plain json fence that is not a call', content: '```json\n{"dependencies": {}}\n```', want: [] },
    { name: 'a python fence is not a call', content: '```python\n{"name":"run_tests","arguments":{}}\n```', want: [] },
    { name: 'no calls at all', content: 'All done, tests pass.', want: [] },
  ];
  for (const row of table) it(row.name, () => expect(calls(row.content)).toEqual(row.want));

  it('gives every call a fresh id', () => {
    const found = parseTextToolCalls('<tool_call>{"name":"run_tests"}</tool_call><tool_call>{"name":"run_tests"}</tool_call>', ALLOWED);
    expect(found[0]?.id).toMatch(/^call_/);
    expect(found[0]?.id).not.toBe(found[1]?.id);
  });
});

describe('describeTools', () => {
  const tools: ToolDef[] = [
    { name: 'read_file', description: 'Read a text file.', parameters: { type: 'object', properties: { path: { type: 'string', description: 'relative path' } }, required: ['path'] } },
    { name: 'run_tests', description: 'Run the tests.', parameters: { type: 'object', properties: {} } },
  ];
  const text = describeTools(tools);

  it('shows the exact call format, every tool, and its parameters', () => {
    expect(text).toContain('<tool_call>{"name": "TOOL_NAME", "arguments": {...}}</tool_call>');
    expect(text).toContain('- read_file: Read a text file.');
    expect(text).toContain('"path": string (required) — relative path');
    expect(text).toContain('- run_tests: Run the tests.');
    expect(text).toContain('arguments: {} (none)');
  });

  it('its own example parses back as a call', () => {
    const example = /For example:\n\n(<tool_call>.*<\/tool_call>)/.exec(text)?.[1] ?? '';
    expect(parseTextToolCalls(example, ['read_file']).map((c) => c.name)).toEqual(['read_file']);
  });
});
