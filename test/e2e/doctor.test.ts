// `doctor` as a user runs it: toolchains with versions, and what an endpoint supports.

import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { callTool, startFakeEndpoint } from '../helpers/fake-endpoint.js';

describe('doctor', () => {
  it('--json lists toolchains with versions, the drivers and the sandbox', async () => {
    const result = await runCli(['doctor', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.toolchains.python3).toMatch(/3\.\d+/);
    expect(report.toolchains.node).toMatch(/\d+\.\d+/);
    expect(report.tuis.builtin.available).toBe(true);
    expect(report.tuis.oracle.available).toBe(true);
    expect(['bwrap', 'none']).toContain(report.sandbox);
    expect(report.endpoint).toBeNull();
  });

  it('an endpoint with native tools and streaming usage → mode native', async () => {
    const fake = await startFakeEndpoint({ steps: [callTool('list_files', {}), callTool('list_files', {})], models: ['m1', 'm2'] });
    try {
      const result = await runCli(['doctor', '--json', '--endpoint', fake.url.replace(/\/v1$/, ''), '--model', 'm1']);
      expect(result.code).toBe(0);
      const { endpoint } = JSON.parse(result.stdout);
      expect(endpoint).toMatchObject({ reachable: true, models: ['m1', 'm2'], native_tools: true, streaming_usage: true, mode: 'native' });
    } finally {
      await fake.close();
    }
  });

  it('a server that rejects tools (vLLM without auto tool choice) → mode text', async () => {
    const fake = await startFakeEndpoint({ steps: [], rejectTools: 'vllm' });
    try {
      const result = await runCli(['doctor', '--json', '--endpoint', fake.url, '--model', 'fake-model']);
      const { endpoint } = JSON.parse(result.stdout);
      expect(endpoint).toMatchObject({ reachable: true, native_tools: false, mode: 'text' });
    } finally {
      await fake.close();
    }
  });

  it('a server that leaks the probe call as text names the dialect and the server fix', async () => {
    const fake = await startFakeEndpoint({ steps: [{ reply: { content: '<|python_tag|>{"name": "ping", "parameters": {}}' } }] });
    try {
      const result = await runCli(['doctor', '--endpoint', fake.url, '--model', 'llama', '--no-color']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("✗ the probe's tool call came back as text, written in the llama3-json dialect: the server did not parse it");
      expect(result.stdout).toContain('    fix: vLLM: --enable-auto-tool-choice --tool-call-parser llama3_json; llama.cpp: --jinja; Ollama: a model whose template has tools');
    } finally {
      await fake.close();
    }
  });

  it('a refused key exits 3 and says so', async () => {
    const fake = await startFakeEndpoint({ steps: [], requireKey: 'sk-right-key-123456' });
    try {
      const result = await runCli(['doctor', '--endpoint', fake.url, '--model', 'fake-model'], { env: { CAB_KEY: 'sk-wrong-key-654321' } });
      expect(result.code).toBe(3);
      expect(result.stdout).toMatch(/auth: refused/);
      expect(result.stdout + result.stderr).not.toContain('sk-wrong-key-654321');
    } finally {
      await fake.close();
    }
  });
});
