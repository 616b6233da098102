// `check` and `doctor` through the built bin with a loopback gateway (test/helpers/gateway.ts) in
// front of the scripted endpoint: extra request headers, and the faults real gateways showed.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { say, type FakeStep } from '../helpers/fake-endpoint.js';
import { gatewaysPerTest, type GatewayOptions } from '../helpers/gateway.js';
import { buildBundle, PY_ADD, PY_ADD_SOLVE } from '../helpers/task-fixture.js';
import { tempDir } from '../helpers/temp.js';

const FIX = 'def add(a, b):\n    return a + b\n';
const TENANT = 'tenant-secret-value-7731';
const SOLVE = PY_ADD_SOLVE;

let bundle = '';
let cwd = '';

beforeAll(async () => {
  bundle = await buildBundle([PY_ADD]);
  cwd = await tempDir('cab-gateways-');
}, 120_000);

const behind = gatewaysPerTest();

function check(url: string, extra: string[] = [], env: Record<string, string> = {}): ReturnType<typeof runCli> {
  return runCli(['check', '--bundle', bundle, '--task', PY_ADD.id, '--endpoint', url, '--model', 'fake-model', '--json', '--no-save', ...extra], { cwd, env, timeoutMs: 180_000 });
}

function cellOf(run: Awaited<ReturnType<typeof runCli>>): Record<string, any> {
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { results: Array<Record<string, any>> }).results[0] as Record<string, any>;
}

describe('extra request headers (--header, CAB_HEADERS)', () => {
  const need = { requireHeader: { name: 'X-Tenant', value: TENANT } };

  it('without the header: exit 3 quoting the gateway; nothing scored', async () => {
    const { gw } = await behind(SOLVE, need);
    const run = await check(gw.url);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/acme-gateway: provider header required: X-Tenant/);
    expect(run.stderr).toMatch(/hint: .*--header 'Name: value'/); // the fix, not "check the key"
    expect(run.stdout).toBe('');
  }, 60_000);

  it('with --header: sent on every request, pass 1, the value never printed', async () => {
    const { gw } = await behind(SOLVE, need);
    const run = await check(gw.url, ['--header', `X-Tenant: ${TENANT}`]);
    const cell = cellOf(run);
    expect(cell.pass_rate.pass).toBe(1);
    expect(gw.seen.length).toBeGreaterThan(3);
    expect(gw.seen.every((r) => r.headers['x-tenant'] === TENANT)).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(TENANT);
  }, 180_000);

  it('CAB_HEADERS (one per line) works the same', async () => {
    const { gw } = await behind(SOLVE, need);
    const cell = cellOf(await check(gw.url, [], { CAB_HEADERS: `X-Tenant: ${TENANT}\nX-Other: yes-please` }));
    expect(cell.pass_rate.pass).toBe(1);
    expect(gw.seen[0]?.headers['x-other']).toBe('yes-please');
  }, 180_000);

  it('doctor sends it on every probe and shows only the names', async () => {
    const { gw } = await behind([], need);
    const run = await runCli(['doctor', '--endpoint', gw.url, '--model', 'fake-model', '--header', `X-Tenant: ${TENANT}`], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/extra headers sent \(values hidden\): x-tenant/);
    expect(run.stdout).toMatch(/check would use tool mode: native/);
    expect(run.stdout).not.toContain(TENANT);
    expect(gw.seen.every((r) => r.headers['x-tenant'] === TENANT)).toBe(true);
  }, 60_000);

  it('a JSON header value: a field of it echoed by the server is hidden too', async () => {
    const inner = 'pk-inner-secret-4242';
    const refused: FakeStep = { status: 401, body: { error: { message: `invalid api_key ${inner} for provider openai` } } };
    const { gw } = await behind([refused, refused, refused], {});
    const run = await check(gw.url, ['--header', `x-portkey-config: {"provider":"openai","api_key":"${inner}"}`]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/invalid api_key \[REDACTED\] for provider openai/);
    expect(run.stdout + run.stderr).not.toContain(inner);
    expect(gw.seen[0]?.headers['x-portkey-config']).toContain(inner); // sent as given
  }, 60_000);

  it('a malformed header is a usage error with a hint', async () => {
    const run = await check('http://127.0.0.1:9/v1', ['--header', 'X-Tenant acme']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a header/);
    expect(run.stderr).toMatch(/hint: write it as 'Name: value'/);
  }, 30_000);
});

describe('faults real gateways showed', () => {
  it("(1) an Express-shaped error keeps the upstream's words: the text-tool fallback triggers", async () => {
    const steps: FakeStep[] = [
      say('<tool_call>{"name": "read_file", "arguments": {"path": "src/app.py"}}</tool_call>'),
      say(`<tool_call>{"name": "write_file", "arguments": {"path": "src/app.py", "content": ${JSON.stringify(FIX)}}}</tool_call>`),
      say('Done.'),
    ];
    const { gw } = await behind({ steps, rejectTools: 'llamacpp' }, { expressErrors: true }); // every call with tools: 500
    const cell = cellOf(await check(gw.url));
    expect(cell.tool_mode).toBe('text');
    expect(cell.pass_rate.pass).toBe(1);
  }, 180_000);

  it('(2) a trailing all-zero usage keeps the real numbers', async () => {
    const { fake, gw } = await behind(SOLVE, { trailingZeroUsage: true });
    const cell = cellOf(await check(gw.url));
    expect(cell.tokens.tokens_estimated).toBe(false);
    expect(cell.tokens.total_tokens).toBe(fake.served.prompt_tokens + fake.served.completion_tokens);
  }, 180_000);

  it('(3) doctor goes on after a 5xx on /models and reports tools, streaming and mode', async () => {
    const { gw } = await behind([], { modelsStatus: 500 });
    const run = await runCli(['doctor', '--endpoint', gw.url, '--model', 'fake-model', '--json'], { cwd });
    const report = JSON.parse(run.stdout) as { endpoint: Record<string, unknown> };
    expect(report.endpoint).toMatchObject({ reachable: true, native_tools: true, streaming_usage: true, mode: 'native', models: null });
    expect(String(report.endpoint['models_error'])).toMatch(/model catalog backend unavailable/);
    expect(run.code).toBe(0);
  }, 60_000);

  it.each([
    ['404 unknown model', { status: 404, body: { error: { message: 'model fake-model not found' } } }, {}, /model fake-model not found/],
    ['a 401 rewritten to 500', { status: 401, body: { error: { message: 'Incorrect API key provided.' } } }, { rewriteStatus: { 401: 500 }, expressErrors: true }, /Incorrect API key provided/],
  ] as const)('(4) a first call failing for a config reason (%s): exit 3 with the words, no cell', async (_name, step, opts, words) => {
    const fail = step as FakeStep;
    const { gw } = await behind([fail, fail, fail, fail, fail, ...SOLVE], opts as GatewayOptions);
    const run = await check(gw.url);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(words);
    expect(run.stdout).toBe('');
  }, 120_000);

  it('tool calls renumbered to index 0 and re-sent whole are assembled by id', async () => {
    const twice: FakeStep = { reply: { tool_calls: [{ name: 'read_file', arguments: { path: 'src/app.py' } }, { name: 'list_files', arguments: {} }] } };
    const { fake, gw } = await behind([twice, ...SOLVE.slice(1)], { resendToolCalls: true });
    const cell = cellOf(await check(gw.url));
    expect(cell.pass_rate.pass).toBe(1);
    const second = fake.requests.filter((r) => r.path.endsWith('/chat/completions'))[1];
    const toolMessages = (second?.body?.messages ?? []).filter((m) => m['role'] === 'tool');
    expect(toolMessages).toHaveLength(2);
  }, 180_000);
});
