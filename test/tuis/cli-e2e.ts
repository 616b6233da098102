// The same end-to-end checks for every agent CLI: it fixes the task through the scripted model,
// its token totals equal what the server served, and a refused key is EndpointError 'auth' (exit 3).

import { afterEach, describe, expect, it } from 'vitest';
import { EndpointError } from '../../src/llm/endpoint-error.js';
import { getTui } from '../../src/tuis/registry.js';
import { sandboxAvailable } from '../../src/workspace/sandbox.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { chatCalls, checkConfig, makeTask, missingReason, SOLVE_SCRIPT, testsPass, tuiContext } from './cli-harness.js';
import type { TaskDirs } from './cli-harness.js';

export function describeCliE2e(name: string, bin: string, opts: { timeoutMs?: number } = {}): void {
  const missing = missingReason(bin);
  const timeout = opts.timeoutMs ?? 180_000;
  const open: Array<FakeEndpoint | TaskDirs> = [];
  afterEach(async () => {
    for (const x of open.splice(0)) 'cleanup' in x ? await x.cleanup() : await x.close();
  });

  describe.skipIf(missing !== null)(`--tui ${name} end to end${missing === null ? '' : ` (skipped: ${missing})`}`, () => {
    it('fixes the task through the proxy; token totals equal what the server served', async () => {
      const fake = await startFakeEndpoint({ steps: SOLVE_SCRIPT, requireKey: 'sk-test-real' });
      const dirs = await makeTask();
      open.push(fake, dirs);
      const ctx = tuiContext(dirs, checkConfig({ tui: name, endpoint: fake.url, key: 'sk-test-real' }));
      const outcome = await getTui(name).run(ctx);
      expect(outcome.stop_detail ?? '').toBe('');
      expect(outcome.stop_reason).toBe('done');
      expect(testsPass(dirs.workdir)).toBe(true);
      expect(outcome.calls.length).toBeGreaterThanOrEqual(2);
      expect(outcome.calls.length).toBe(chatCalls(fake.requests).length);
      expect(outcome.calls.every((c) => c.status === 200 && !c.usage_estimated)).toBe(true);
      const prompt = outcome.calls.reduce((s, c) => s + c.prompt_tokens, 0);
      const completion = outcome.calls.reduce((s, c) => s + c.completion_tokens, 0);
      expect({ prompt_tokens: prompt, completion_tokens: completion }).toEqual(fake.served);
      expect(outcome.final_answer).toContain('Fixed add()');
      expect(outcome.tui_version).toMatch(/^\d+\.\d+\.\d+/);
      expect(outcome.tool_mode).toBe('native');
      expect(outcome.spans[0]).toMatchObject({ kind: 'adapter_run', attrs: { exit_code: 0, tui: name } });
      expect(outcome.sandbox).toBe(await sandboxAvailable()); // it worked inside bwrap, where bwrap works
      expect(fake.requests.every((r) => r.headers['authorization'] === 'Bearer sk-test-real')).toBe(true);
    }, timeout);

    it('a model id with / and : (OpenRouter, Ollama style) reaches the server unchanged', async () => {
      const fake = await startFakeEndpoint({ steps: SOLVE_SCRIPT });
      const dirs = await makeTask();
      open.push(fake, dirs);
      const model = 'org/qwen2.5-coder:7b';
      const outcome = await getTui(name).run(tuiContext(dirs, checkConfig({ tui: name, endpoint: fake.url, key: '', model })));
      expect(outcome.stop_reason).toBe('done');
      expect(testsPass(dirs.workdir)).toBe(true);
      expect(chatCalls(fake.requests).every((r) => r.body?.model === model)).toBe(true);
      expect(fake.requests.every((r) => r.headers['authorization'] === undefined)).toBe(true); // no key: none upstream
    }, timeout);

    it('a 401 from the endpoint is EndpointError auth (exit 3), whatever the CLI exits with', async () => {
      const fake = await startFakeEndpoint({ steps: SOLVE_SCRIPT, requireKey: 'sk-the-right-one' });
      const dirs = await makeTask();
      open.push(fake, dirs);
      const ctx = tuiContext(dirs, checkConfig({ tui: name, endpoint: fake.url, key: 'sk-wrong-key' }));
      const err = await getTui(name).run(ctx).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(EndpointError);
      expect((err as EndpointError).kind).toBe('auth');
      expect((err as EndpointError).exitCode).toBe(3);
      expect((err as EndpointError).message).toContain('refused the API key');
      expect(testsPass(dirs.workdir)).toBe(false);
    }, timeout);
  });
}
