// The loop's stop reasons and edge cases, with an in-process scripted ChatClient (I/O injected).

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltinAgent } from '../../src/agent/loop.js';
import type { TaskSpec } from '../../src/bundle/task-spec.js';
import { EndpointError } from '../../src/llm/endpoint-error.js';
import type { CallRecord, ChatClient, ChatRequest, ChatResult, ToolCall } from '../../src/llm/types.js';
import { tempDir } from '../helpers/temp.js';

const task = { id: 'polyglot/t', title: 'T', test: ['true'], verify: ['true'], ignore: [], protected: [], verify_timeout_s: 30 } as unknown as TaskSpec;

type Step = Partial<ChatResult> | Error | ((req: ChatRequest, signal?: AbortSignal) => Promise<Partial<ChatResult>>);

function scripted(steps: Step[]): ChatClient & { requests: ChatRequest[] } {
  const calls: CallRecord[] = [];
  const requests: ChatRequest[] = [];
  let i = 0;
  return {
    calls,
    requests,
    async listModels() {
      return ['m'];
    },
    async chat(request, options) {
      requests.push(structuredClone(request));
      const step = steps[i++] ?? { content: 'done' };
      const record: CallRecord = { started_at: new Date().toISOString(), request_sha256: 'x', prompt_tokens: 10, completion_tokens: 5, latency_ms: 1, finish_reason: 'stop', status: 200, retries: 0, usage_estimated: false, stream: options.stream };
      calls.push(record);
      if (step instanceof Error) throw step;
      const got = typeof step === 'function' ? await step(request, options.signal) : step;
      return { content: '', reasoning: '', tool_calls: [], finish_reason: 'stop', usage: { prompt_tokens: 10, completion_tokens: 5, estimated: false }, record, ...got };
    },
  };
}

const tc = (name: string, args: unknown, id = `c${Math.random()}`): ToolCall => ({ id, name, arguments: JSON.stringify(args) });

async function run(client: ChatClient, limits: Partial<{ maxTurns: number; timeoutMs: number; maxTotalTokens: number | null }> = {}, signal?: AbortSignal) {
  const workdir = await tempDir('cab-loop-');
  await writeFile(join(workdir, 'a.txt'), 'hello\n');
  const outcome = await runBuiltinAgent({
    task,
    workdir,
    client,
    model: 'm',
    limits: { maxTurns: 10, timeoutMs: 30_000, maxTotalTokens: null, ...limits },
    shell: false,
    stream: true,
    toolMode: 'auto',
    ...(signal ? { signal } : {}),
  });
  return { outcome, workdir };
}

describe('stop reasons', () => {
  it('done when the model answers without a tool call', async () => {
    const { outcome } = await run(scripted([{ tool_calls: [tc('read_file', { path: 'a.txt' })] }, { content: 'All good.' }]));
    expect(outcome).toMatchObject({ stop_reason: 'done', turns: 2, final_answer: 'All good.', tool_mode: 'native' });
    expect(outcome.calls).toHaveLength(2);
    expect(outcome.tool_outputs[0]).toContain('hello');
  });

  it('max_turns', async () => {
    const loop = Array.from({ length: 20 }, () => ({ tool_calls: [tc('list_files', {})] }));
    const { outcome } = await run(scripted(loop), { maxTurns: 3 });
    expect(outcome).toMatchObject({ stop_reason: 'max_turns', turns: 3 });
  });

  it('max_tokens once the running total passes the budget', async () => {
    const loop = Array.from({ length: 20 }, () => ({ tool_calls: [tc('list_files', {})] }));
    const { outcome } = await run(scripted(loop), { maxTotalTokens: 40 });
    expect(outcome.stop_reason).toBe('max_tokens');
    expect(outcome.turns).toBe(3); // 15 tokens a turn: 45 ≥ 40
  });

  it('timeout aborts the in-flight model call', async () => {
    const hang = (_: ChatRequest, signal?: AbortSignal) => new Promise<Partial<ChatResult>>((_r, reject) => signal?.addEventListener('abort', () => reject(new EndpointError('aborted', 'aborted'))));
    const started = Date.now();
    const { outcome } = await run(scripted([hang]), { timeoutMs: 300 });
    expect(outcome.stop_reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cancelled when the caller aborts', async () => {
    const controller = new AbortController();
    const hang = (_: ChatRequest, signal?: AbortSignal) => new Promise<Partial<ChatResult>>((_r, reject) => signal?.addEventListener('abort', () => reject(new EndpointError('aborted', 'aborted'))));
    setTimeout(() => controller.abort(), 100);
    const { outcome } = await run(scripted([hang]), {}, controller.signal);
    expect(outcome.stop_reason).toBe('cancelled');
  });

  it('endpoint_error after a successful turn keeps the run and names the error', async () => {
    const { outcome } = await run(scripted([{ tool_calls: [tc('list_files', {})] }, new EndpointError('server', 'endpoint x failed (HTTP 500): boom')]));
    expect(outcome).toMatchObject({ stop_reason: 'endpoint_error', stop_detail: 'endpoint x failed (HTTP 500): boom' });
  });

  it('any endpoint error before any success is rethrown (check exits 3): a misconfiguration is not a score', async () => {
    await expect(run(scripted([new EndpointError('auth', 'refused the API key')]))).rejects.toMatchObject({ kind: 'auth' });
    await expect(run(scripted([new EndpointError('unreachable', 'cannot connect')]))).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(run(scripted([new EndpointError('bad-request', 'provider header required')]))).rejects.toMatchObject({ message: 'provider header required' });
  });
});

describe('calls the loop must not execute as asked', () => {
  it('arguments cut off by finish_reason length are never executed', async () => {
    const client = scripted([{ tool_calls: [tc('write_file', { path: 'a.txt', content: 'trunc' })], finish_reason: 'length' }, { content: 'ok' }]);
    const { outcome, workdir } = await run(client);
    expect(await readFile(join(workdir, 'a.txt'), 'utf8')).toBe('hello\n');
    expect(outcome.tool_outputs[0]).toMatch(/not executed/);
  });

  it('tools-unsupported switches to text mode, and text calls are parsed', async () => {
    const unsupported = new EndpointError('tools-unsupported', 'model does not support tools', { status: 400 });
    const client = scripted([unsupported, { content: '<tool_call>{"name": "read_file", "arguments": {"path": "a.txt"}}</tool_call>' }, { content: 'fine' }]);
    const { outcome } = await run(client);
    expect(outcome.tool_mode).toBe('text');
    expect(outcome.tool_outputs[0]).toContain('hello');
    expect(client.requests.at(-1)?.tools).toBeUndefined();
    expect(client.requests.at(-1)?.messages[0]?.content).toContain('<tool_call>');
  });

  it('tool markup written as plain content in native mode is run too', async () => {
    const { outcome } = await run(scripted([{ content: '```json\n{"name": "read_file", "arguments": {"path": "a.txt"}}\n```' }, { content: 'fine' }]));
    expect(outcome.tool_mode).toBe('text');
    expect(outcome.tool_outputs[0]).toContain('hello');
    expect(outcome.warnings).toEqual([expect.objectContaining({ kind: 'server-did-not-parse-tool-calls', dialect: 'markdown-json' })]);
  });

  it('a dialect leaked in native mode is run, the run goes on in text mode, one warning names the server fix', async () => {
    const leaked = '<tool_call>\n<function=write_file>\n<parameter=path>\nb.txt\n</parameter>\n<parameter=content>\nnew\n\n</parameter>\n</function>\n</tool_call>';
    const client = scripted([{ content: leaked }, { content: '<tool_call>{"name": "read_file", "arguments": {"path": "b.txt"}}</tool_call>' }, { content: 'done' }]);
    const { outcome, workdir } = await run(client);
    expect(await readFile(join(workdir, 'b.txt'), 'utf8')).toBe('new\n');
    expect(outcome.tool_outputs[1]).toContain('new');
    expect(outcome.tool_mode).toBe('text');
    expect(client.requests[1]?.tools).toBeUndefined();
    expect(outcome.warnings).toEqual([
      { kind: 'server-did-not-parse-tool-calls', dialect: 'qwen3-coder', fix: 'vLLM: --enable-auto-tool-choice --tool-call-parser qwen3_coder; llama.cpp: --jinja; Ollama: a model whose template has tools' },
    ]);
  });

  it('a leaked call cut off by finish_reason length is not executed', async () => {
    const { outcome, workdir } = await run(scripted([{ content: '[TOOL_CALLS]write_file[ARGS]{"path": "a.txt", "content": "x"}', finish_reason: 'length' }, { content: 'ok' }]));
    expect(await readFile(join(workdir, 'a.txt'), 'utf8')).toBe('hello\n');
    expect(outcome.tool_outputs[0]).toMatch(/not executed/);
  });

  it('a plain answer in native mode is no call and no warning', async () => {
    const { outcome } = await run(scripted([{ content: '```json\n{"name": "my-app", "version": "1.0.0"}\n```\nDone.' }]));
    expect(outcome).toMatchObject({ stop_reason: 'done', turns: 1, tool_mode: 'native' });
    expect(outcome.warnings).toBeUndefined();
  });
});
