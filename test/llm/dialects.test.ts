// Every dialect's real-shaped samples, read directly and after the SSE stream assembler took them
// in awkward byte chunks (UTF-8 and special tokens split); and replies that must give no call.

import { describe, expect, it } from 'vitest';
import { toolDefs, toolsFor } from '../../src/agent/tools/registry.js';
import { DIALECTS, readToolCalls, serverFix } from '../../src/llm/dialects/registry.js';
import { parseSse } from '../../src/llm/sse.js';
import { createStreamAssembler } from '../../src/llm/stream-assemble.js';
import { NOT_CALLS, SAMPLES, type Want } from './dialect-samples.js';

const TOOLS = toolDefs(toolsFor({ shell: true }));

function read(text: string): { dialect: string | null; calls: Want } {
  const got = readToolCalls(text, TOOLS);
  return { dialect: got.dialect, calls: got.calls.map((c) => [c.name, JSON.parse(c.arguments) as Record<string, unknown>]) };
}

/** The text as a server streams it: 5-character content deltas, SSE bytes cut every 7 bytes. */
async function streamed(text: string): Promise<string> {
  const deltas = Array.from({ length: Math.ceil(text.length / 5) }, (_, i) => text.slice(i * 5, i * 5 + 5));
  const sse = deltas.map((content) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`).join('') + 'data: [DONE]\n\n';
  const bytes = Buffer.from(sse, 'utf8');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
  }
  const assembler = createStreamAssembler();
  for await (const event of parseSse(chunks())) if (event.data !== '[DONE]') assembler.push(JSON.parse(event.data));
  return assembler.result().content;
}

describe('every dialect', () => {
  it('has at least two samples per family', () => {
    for (const name of Object.keys(DIALECTS)) expect(SAMPLES.filter((s) => s.dialect === name).length, name).toBeGreaterThanOrEqual(2);
  });

  for (const sample of SAMPLES) {
    it(`${sample.dialect}: ${sample.note}`, () => {
      expect(read(sample.text)).toEqual({ dialect: sample.dialect, calls: sample.want });
    });
    it(`${sample.dialect}: ${sample.note} (streamed in awkward chunks)`, async () => {
      const text = await streamed(sample.text);
      expect(text).toBe(sample.text);
      expect(read(text)).toEqual({ dialect: sample.dialect, calls: sample.want });
    });
  }
});

describe('not a call', () => {
  for (const sample of NOT_CALLS) it(sample.note, () => expect(read(sample.text)).toEqual({ dialect: null, calls: [] }));
});

describe('mapping onto the tool contract', () => {
  it('renames common argument spellings and drops a functions. prefix', () => {
    const text = '<tool_call>{"name": "functions.edit_file", "arguments": {"file_path": "a.py", "old_str": "x", "new_str": "y"}}</tool_call>';
    expect(read(text).calls).toEqual([['edit_file', { path: 'a.py', old_string: 'x', new_string: 'y' }]]);
  });

  it('positional Python arguments follow the schema order; numbers become strings where we take strings', () => {
    expect(read('[read_file("src/app.py")]').calls).toEqual(READ_APP);
    expect(read('<tool_call>read_file<arg_key>path</arg_key><arg_value>7</arg_value></tool_call>').calls).toEqual([['read_file', { path: '7' }]]);
    expect(read('[read_file(path=7)]').calls).toEqual([['read_file', { path: '7' }]]);
  });

  it('arguments sent as a JSON string are read', () => {
    expect(read('[TOOL_CALLS][{"name": "read_file", "arguments": "{\\"path\\": \\"src/app.py\\"}"}]').calls).toEqual(READ_APP);
  });

  it('gives every call a fresh id', () => {
    const { calls } = readToolCalls('[run_tests(), run_tests()]', TOOLS);
    expect(calls[0]?.id).toMatch(/^call_/);
    expect(calls[0]?.id).not.toBe(calls[1]?.id);
  });
});

describe('hostile replies', () => {
  const cases: Record<string, string> = {
    'one long word before <arg_key>': `${'a'.repeat(100_000)}<arg_key>`,
    'unclosed GLM calls': '<tool_call>a<arg_key>b</arg_key><arg_value>'.repeat(2_000),
    'unclosed FunctionGemma strings': '<start_function_call>call:a{b:<escape>'.repeat(2_000),
    'open brackets': '[{('.repeat(30_000),
    'DeepSeek tokens without bodies': '<｜tool▁call▁begin｜>function<｜tool▁sep｜>'.repeat(2_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: no call, read quickly`, () => {
      const started = performance.now();
      expect(read(text)).toEqual({ dialect: null, calls: [] });
      expect(performance.now() - started).toBeLessThan(3_000);
    });
  }
});

describe('serverFix', () => {
  it('names the vLLM parser, llama.cpp --jinja and an Ollama tool template', () => {
    expect(serverFix('qwen3-coder')).toBe('vLLM: --enable-auto-tool-choice --tool-call-parser qwen3_coder; llama.cpp: --jinja; Ollama: a model whose template has tools');
    expect(serverFix('markdown-json')).toContain("--tool-call-parser <the model's parser>");
  });
});

const READ_APP: Want = [['read_file', { path: 'src/app.py' }]];
