// The shared runner, driven with a tiny fake agent CLI (a node script on CAB_AGENTS_PATH) so every
// branch runs everywhere: isolation of the environment, stdin, timeouts, success judged from the
// final event, endpoint failures, budgets, cancellation, a missing CLI.

import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CabError } from '../../src/errors.js';
import { EndpointError } from '../../src/llm/endpoint-error.js';
import { jsonLines } from '../../src/tuis/adapter.js';
import type { AdapterSpec } from '../../src/tuis/adapter.js';
import { runAgentCli } from '../../src/tuis/run-agent-cli.js';
import { sandboxAvailable } from '../../src/workspace/sandbox.js';
import { SERVER_ERRORS, startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint, FakeScript } from '../helpers/fake-endpoint.js';
import { checkConfig, makeTask, tuiContext } from './cli-harness.js';
import type { TaskDirs } from './cli-harness.js';
import { tempDir } from '../helpers/temp.js';

const FAKE_CLI = `#!/usr/bin/env node
const fs = require('node:fs');
const out = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
let stdinBytes = -1;
try { stdinBytes = fs.readSync(0, Buffer.alloc(16)); } catch { stdinBytes = -2; }
const mode = process.argv[2];
out({ type: 'env', env: process.env, cwd: process.cwd(), stdinBytes, prompt: process.argv[3] });
async function call() {
  const res = await fetch(process.env.FAKE_URL + '/chat/completions', {
    method: 'POST',
    headers: { authorization: 'Bearer ' + process.env.CAB_PROXY_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ model: process.env.FAKE_MODEL, messages: [{ role: 'user', content: process.argv[3] }] }),
  });
  const body = await res.json();
  return { ok: res.ok, body };
}
(async () => {
  if (mode === 'sleep') return setTimeout(() => out({ type: 'final', ok: true, text: 'woke' }), 60000);
  if (mode === 'silent') return;
  let r = await call();
  if (mode === 'twice' && r.ok) r = await call();
  if (!r.ok) { out({ type: 'final', ok: false, error: r.body.error && r.body.error.message }); process.exit(mode === 'exit0' ? 0 : 1); }
  out({ type: 'final', ok: true, text: r.body.choices[0].message.content });
})();
`;

function spec(mode: string, bin = 'cab-fake-agent'): AdapterSpec {
  return {
    name: 'fake-agent',
    bin,
    packageName: null,
    install: 'npm i -g cab-fake-agent',
    description: 'a fake agent CLI for tests',
    droppings: ['.fake-agent/**'],
    versionArgs: ['--version'],
    prepare: ({ proxyUrl, model, prompt }) => ({ argv: [mode, prompt], env: { FAKE_URL: proxyUrl, FAKE_MODEL: model }, files: { '.fake/config.json': '{}' } }),
    parse: (stdout) => {
      const events = jsonLines(stdout);
      const final = events.find((e) => e['type'] === 'final');
      const env = events.find((e) => e['type'] === 'env');
      return {
        finalAnswer: typeof final?.['text'] === 'string' ? final['text'] : '',
        success: final?.['ok'] === true,
        error: typeof final?.['error'] === 'string' ? final['error'] : null,
        toolOutputs: env === undefined ? [] : [JSON.stringify(env)],
        usage: null,
      };
    },
  };
}

let binDir = '';
const savedPath = process.env['CAB_AGENTS_PATH'];
beforeAll(async () => {
  binDir = await tempDir('cab-fake-bin-');
  await writeFile(join(binDir, 'cab-fake-agent'), FAKE_CLI);
  await chmod(join(binDir, 'cab-fake-agent'), 0o755);
  process.env['CAB_AGENTS_PATH'] = [binDir, savedPath ?? ''].filter((d) => d !== '').join(delimiter);
});
afterAll(() => {
  if (savedPath === undefined) delete process.env['CAB_AGENTS_PATH'];
  else process.env['CAB_AGENTS_PATH'] = savedPath;
});

const open: Array<FakeEndpoint | TaskDirs> = [];
afterEach(async () => {
  for (const x of open.splice(0)) 'cleanup' in x ? await x.cleanup() : await x.close();
});

async function setup(script: FakeScript, key = 'sk-real-key-123456'): Promise<{ fake: FakeEndpoint; dirs: TaskDirs; key: string }> {
  const fake = await startFakeEndpoint(script);
  const dirs = await makeTask();
  open.push(fake, dirs);
  return { fake, dirs, key };
}

type EnvEvent = { env: Record<string, string>; cwd: string; stdinBytes: number; prompt: string };
const envOf = (toolOutputs: string[]): EnvEvent => JSON.parse(toolOutputs[0] ?? '{}') as EnvEvent;

describe('runAgentCli', () => {
  it('runs the CLI in the workdir with a private home, a minimal environment, closed stdin and only the dummy key', async () => {
    process.env['OPENAI_API_KEY'] = 'sk-parent-secret-999';
    try {
      const { fake, dirs, key } = await setup([{ reply: { content: 'fixed it', usage: { prompt_tokens: 11, completion_tokens: 4 } } }]);
      const outcome = await runAgentCli(spec('once'), tuiContext(dirs, checkConfig({ tui: 'fake-agent', endpoint: fake.url, key })));
      expect(outcome).toMatchObject({ stop_reason: 'done', final_answer: 'fixed it', tool_mode: 'native', turns: 1 });
      expect(outcome.stop_detail).toBeUndefined();
      expect(outcome.calls).toHaveLength(1);
      expect(outcome.calls[0]).toMatchObject({ prompt_tokens: 11, completion_tokens: 4, status: 200 });
      expect(fake.requests[0]?.headers['authorization']).toBe(`Bearer ${key}`);
      const seen = envOf(outcome.tool_outputs);
      expect(seen.cwd).toBe(dirs.workdir);
      expect(seen.stdinBytes).toBe(0);
      expect(seen.prompt).toContain('# Task: add() subtracts');
      expect(seen.prompt).toContain('`calc.add(2, 3)` returns -1');
      expect(seen.prompt).toContain('Do not edit test_calc.py');
      expect(seen.prompt).toContain('python3 -m unittest -q');
      const { env } = seen;
      expect(env['CAB_PROXY_KEY']).toMatch(/^cab-proxy-[0-9a-f]{32}$/);
      expect(env['HOME']).not.toBe(process.env['HOME']);
      for (const name of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'TMPDIR']) expect(env[name]?.startsWith(`${env['HOME']}/`)).toBe(true);
      expect(env['PATH']?.split(delimiter)[0]).toBe(binDir);
      expect(env['FAKE_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(env['OPENAI_API_KEY']).toBeUndefined();
      expect(JSON.stringify(env)).not.toContain(key);
      expect(JSON.stringify(env)).not.toContain('sk-parent-secret-999');
      expect(existsSync(env['HOME'] ?? '/nonexistent')).toBe(false); // the private home is gone
      expect(outcome.spans[0]).toMatchObject({ kind: 'adapter_run', attrs: { exit_code: 0, tui: 'fake-agent' } });
      expect(outcome.sandbox).toBe(await sandboxAvailable()); // inside bwrap where it works, network shared
      expect(outcome.spans[1]).toMatchObject({ kind: 'model_call', parent_id: outcome.spans[0]?.span_id });
    } finally {
      delete process.env['OPENAI_API_KEY'];
    }
  });

  it('exit code 0 without a final event is not success', async () => {
    const { fake, dirs, key } = await setup([]);
    const outcome = await runAgentCli(spec('silent'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key })));
    expect(outcome.stop_reason).toBe('done');
    expect(outcome.stop_detail).toMatch(/did not finish cleanly/);
  });

  it('a refused key is EndpointError auth even when the CLI exits 0', async () => {
    const { fake, dirs } = await setup({ steps: [], requireKey: 'sk-right-key' }, 'sk-wrong-key');
    const err = await runAgentCli(spec('exit0'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key: 'sk-wrong-key' }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointError);
    expect((err as EndpointError).kind).toBe('auth');
    expect((err as EndpointError).exitCode).toBe(3);
  });

  it('an endpoint that cannot be reached before any call succeeded is EndpointError unreachable', async () => {
    const { fake, dirs, key } = await setup([]);
    await fake.close();
    const err = await runAgentCli(spec('once'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key }))).catch((e: unknown) => e);
    expect((err as EndpointError).kind).toBe('unreachable');
  });

  it('a server error on every call (none succeeded) is thrown with the server’s words, never scored', async () => {
    const { fake, dirs, key } = await setup([SERVER_ERRORS.badGatewayHtml, SERVER_ERRORS.badGatewayHtml, SERVER_ERRORS.badGatewayHtml, SERVER_ERRORS.badGatewayHtml, SERVER_ERRORS.badGatewayHtml]);
    const err = await runAgentCli(spec('once'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointError);
    expect((err as EndpointError).message).toContain('502 Bad Gateway');
    expect((err as EndpointError).exitCode).toBe(3);
  }, 60_000);

  it('stops at the time limit: stop_reason timeout', async () => {
    const { fake, dirs, key } = await setup([]);
    const t0 = Date.now();
    const outcome = await runAgentCli(spec('sleep'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key, timeoutS: 1 })));
    expect(outcome.stop_reason).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('refuses calls beyond max turns: stop_reason max_turns', async () => {
    const { fake, dirs, key } = await setup([{ reply: { content: 'one' } }, { reply: { content: 'two' } }]);
    const outcome = await runAgentCli(spec('twice'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key, maxTurns: 1 })));
    expect(outcome.stop_reason).toBe('max_turns');
    expect(outcome.calls).toHaveLength(1);
  });

  it('Ctrl-C (the abort signal) is stop_reason cancelled', async () => {
    const { fake, dirs, key } = await setup([]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const outcome = await runAgentCli(spec('sleep'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key }), controller.signal));
    expect(outcome.stop_reason).toBe('cancelled');
  });

  it('a CLI that is not installed is a usage error naming how to install it', async () => {
    const { fake, dirs, key } = await setup([]);
    const err = await runAgentCli(spec('once', 'cab-no-such-agent'), tuiContext(dirs, checkConfig({ endpoint: fake.url, key }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CabError);
    expect((err as CabError).code).toBe('usage');
    expect((err as CabError).message).toContain('cab-no-such-agent CLI is not installed');
    expect((err as CabError).hint).toContain('npm i -g cab-fake-agent');
  });
});
