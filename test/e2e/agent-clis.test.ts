// `check --tui claude-code`, `cline`, `continue`, `codex` and `kilo` through the built bin, as a user
// runs them: Claude Code through the proxy's Messages translation, Cline, Continue and Kilo through
// their OpenAI-compatible providers, codex through the Responses translation editing with its own
// apply_patch tool, against the scripted endpoint. Skipped with a visible reason when
// the CLI is not installed (.ci/install-agents.sh installs them), except under CI.

import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI, cleanEnv, runCli } from '../helpers/cli.js';
import { startFakeEndpoint, type FakeStep, type RecordedRequest } from '../helpers/fake-endpoint.js';
import { buildBundle, PY_ADD } from '../helpers/task-fixture.js';
import { missingReason, useAgentsPath } from '../tuis/cli-harness.js';
import { tempDir } from '../helpers/temp.js';

const MARKER = `cab_cli_marker_${process.pid}`;
const TASK = { ...PY_ADD, workdir: { ...PY_ADD.workdir, 'README.md': `${PY_ADD.workdir['README.md'] ?? ''}\n<!-- ${MARKER} -->\n` } };
const FIX = "sed -i 's/a - b/a + b/' src/app.py && python3 -m unittest discover -s tests -q";
const PATCH = ['*** Begin Patch', '*** Update File: src/app.py', '@@', ' def add(a, b):', '-    return a - b', '+    return a + b', '*** End Patch', ''].join('\n');

const answered = (req: RecordedRequest): boolean => (req.body?.messages ?? []).some((m) => m['role'] === 'tool');
const hasTool = (req: RecordedRequest, name: string): boolean => (req.body?.tools ?? []).some((t) => (t as { function?: { name?: string } }).function?.name === name);

/** Fix through the CLI's shell tool once, then report. Stateless: reads the conversation. */
function solverFor(tool: string, args: Record<string, unknown>): FakeStep {
  return { dynamic: (req) => (answered(req) || !hasTool(req, tool) ? { reply: { content: 'Fixed add(): it subtracted.' } } : { reply: { content: 'Fixing.', tool_calls: [{ name: tool, arguments: args }] } }) };
}

const CLIS = [
  { tui: 'claude-code', bin: 'claude', solver: solverFor('Bash', { command: FIX, description: 'fix add' }) },
  { tui: 'cline', bin: 'cline', solver: solverFor('run_commands', { commands: [FIX] }) },
  { tui: 'continue', bin: 'cn', solver: solverFor('Bash', { command: FIX }) },
  { tui: 'codex', bin: 'codex', solver: solverFor('apply_patch', { input: PATCH }) }, // its real edit tool, not the shell
  { tui: 'kilo', bin: 'kilo', solver: solverFor('bash', { command: FIX, description: 'fix add' }) },
];

let bundle = '';
let cwd = '';
let agentsPath = '';

beforeAll(async () => {
  useAgentsPath();
  agentsPath = process.env['CAB_AGENTS_PATH'] ?? '';
  bundle = await buildBundle([TASK]);
  cwd = await tempDir('cab-claude-');
}, 120_000);

describe.each(CLIS)('check --tui $tui through the built bin', ({ tui, bin, solver }) => {
  const missing = process.env['CI'] ? null : missingReason(bin);
  const args = (url: string): string[] => ['check', '--bundle', bundle, '--task', TASK.id, '--tui', tui, '--endpoint', url, '--model', 'fake-model', '--json', '--no-save'];
  const it = missing === null ? test : test.skip;
  if (missing !== null) test.skip(`skipped: ${missing}`, () => undefined);

  it('solves the task: pass 1, only the fix changed, token totals equal what the endpoint served', async () => {
    const fake = await startFakeEndpoint({ steps: Array.from({ length: 20 }, () => solver), requireKey: 'sk-claude-real' });
    try {
      const run = await runCli(args(fake.url), { cwd, env: { CAB_KEY: 'sk-claude-real', CAB_AGENTS_PATH: agentsPath }, timeoutMs: 240_000 });
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(0);
      const cell = (JSON.parse(run.stdout) as { results: Array<Record<string, any>> }).results[0] as Record<string, any>;
      expect(cell.pass_rate.pass).toBe(1);
      expect(cell.tui).toBe(tui);
      expect(cell.tui_version).toMatch(/^\d+\.\d+\.\d+/);
      expect(cell.blast_radius.modified).toEqual(['src/app.py']);
      expect(cell.tokens.total_tokens).toBe(fake.served.prompt_tokens + fake.served.completion_tokens);
      expect(cell.tokens.tokens_estimated).toBe(false);
      expect(run.stdout + run.stderr).not.toContain('sk-claude-real');
    } finally {
      await fake.close();
    }
  }, 240_000);

  it('a refused key: exit 3 with the server’s words, nothing scored', async () => {
    const fake = await startFakeEndpoint({ steps: [solver], requireKey: 'sk-the-right-one' });
    try {
      const run = await runCli(args(fake.url), { cwd, env: { CAB_KEY: 'sk-wrong-key-123', CAB_AGENTS_PATH: agentsPath }, timeoutMs: 240_000 });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/refused the API key/);
      expect(run.stdout).toBe('');
    } finally {
      await fake.close();
    }
  }, 240_000);

  it(`Ctrl-C while ${tui} waits on the model: exit 130, no ${bin} process left`, async () => {
    let seen: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (seen = resolve));
    const hang: FakeStep = { raw: () => seen() }; // never answers
    const fake = await startFakeEndpoint({ steps: [hang] });
    try {
      const child = spawn(process.execPath, [CLI, ...args(fake.url)], { cwd, env: cleanEnv({ CAB_AGENTS_PATH: agentsPath }), stdio: ['ignore', 'pipe', 'pipe'] });
      const code = new Promise<number | null>((resolve) => child.on('close', resolve));
      await Promise.race([asked, code]); // a CLI that exits before asking fails below, not by timeout
      child.kill('SIGINT');
      expect(await code).toBe(130);
      const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
      expect(ps.split('\n').filter((l) => l.includes(MARKER) && !l.includes('ps -eo'))).toEqual([]);
    } finally {
      await fake.close();
    }
  }, 120_000);
});
