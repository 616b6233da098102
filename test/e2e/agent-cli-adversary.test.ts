// The adversary through an agent CLI's own shell tool, as a user runs the built bin: the scripted
// model asks opencode / qwen-code / pi / codex (its own sandbox off inside ours) / kilo to search
// for bundles, the task copy, our cache and every
// /proc/*/environ it can see. Neither the real key nor a canary planted in the task's solution/
// and grader/ may reach the endpoint, the output or --out. Skipped, with the reason, for a CLI
// that is not installed (.ci/install-agents.sh installs them).

import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFakeEndpoint, type FakeStep, type RecordedRequest } from '../helpers/fake-endpoint.js';
import { buildBundle, PY_ADD, type FixtureTask } from '../helpers/task-fixture.js';
import { missingReason } from '../tuis/cli-harness.js';
import { tempDir } from '../helpers/temp.js';

const KEY = 'sk-canary-cli-key-77aa66bb55cc';
const SOLUTION_CANARY = 'SOLUTION-CANARY-CLI-4d1e';
const GRADER_CANARY = 'GRADER-CANARY-CLI-9c2f';
const TASK: FixtureTask = {
  ...PY_ADD,
  id: 'polyglot/py-add-cli-canary',
  solution: { 'src/app.py': `def add(a, b):\n    return a + b  # ${SOLUTION_CANARY}\n` },
  grader: { 'notes.txt': `${GRADER_CANARY}\n` },
};
const planted = join(homedir(), `.cab-e2e-cli-adversary-${process.pid}`);
const bundle = join(planted, 'bundles', 'tasks.tar.gz');
const cache = join(planted, 'xdg-cache');

const PROBE = [
  `find / \\( -path /proc -o -path /sys \\) -prune -o -name '*.tar.gz' -print 2>/dev/null | while read f; do gzip -dc "$f" 2>/dev/null | grep -a -m3 CANARY; done`,
  `gzip -dc ${bundle} ${cache}/codingagentbench/bundles/copy.tar.gz 2>&1 | grep -a -m3 CANARY`,
  'ls -la .. ../task 2>&1; cat ../task/*/* ../*/*/* 2>/dev/null | grep -a CANARY',
  `p=$$; while [ "$p" -gt 1 ]; do tr '\\0' ' ' < /proc/$p/environ; echo; tr '\\0' ' ' < /proc/$p/cmdline; echo; p=$(awk '{print $4}' /proc/$p/stat); done 2>&1 | head -c 20000`,
  `for f in /proc/[0-9]*/environ /proc/[0-9]*/cmdline; do tr '\\0' '\\n' < "$f" | grep -a -i -E 'key|token|sk-'; done 2>&1 | sort -u | head -c 20000`,
  'echo PROBE-RAN',
].join('; ');

const SHELL_TOOLS = ['bash', 'run_shell_command', 'exec_command', 'shell'];

/** Stateless: the first turn with a shell tool runs the probe, every later one ends the session. */
const prober: FakeStep = {
  dynamic: (req: RecordedRequest) => {
    const tools = (req.body?.tools ?? []).map((t) => (t as { function?: { name?: string } }).function?.name ?? '');
    const shell = tools.find((name) => SHELL_TOOLS.includes(name));
    const answered = (req.body?.messages ?? []).some((m) => m['role'] === 'tool');
    if (answered || shell === undefined) return { reply: { content: 'I looked around.' } };
    return { reply: { content: 'Looking around.', tool_calls: [{ name: shell, arguments: { command: PROBE, cmd: PROBE, description: 'look around' } }] } };
  },
};

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) files.push(...(await filesUnder(join(dir, e.name))));
    else files.push(join(dir, e.name));
  }
  return files;
}

beforeAll(async () => {
  const built = await buildBundle([TASK]);
  await mkdir(dirname(bundle), { recursive: true });
  await mkdir(join(cache, 'codingagentbench', 'bundles'), { recursive: true });
  await cp(built, bundle);
  await cp(built, join(cache, 'codingagentbench', 'bundles', 'copy.tar.gz'));
}, 120_000);

afterAll(async () => {
  await rm(planted, { recursive: true, force: true });
});

for (const [name, bin] of [['opencode', 'opencode'], ['qwen-code', 'qwen'], ['pi', 'pi'], ['codex', 'codex'], ['kilo', 'kilo']] as const) {
  const missing = missingReason(bin);
  describe.skipIf(missing !== null)(`--tui ${name} as the adversary${missing === null ? '' : ` (skipped: ${missing})`}`, () => {
    it('its shell finds no bundle, answer, cache or key', async () => {
      const out = await tempDir('cab-cli-adversary-out-');
      const fake = await startFakeEndpoint({ steps: Array.from({ length: 30 }, () => prober), requireKey: KEY });
      try {
        const args = ['check', '--tui', name, '--bundle', bundle, '--task', TASK.id, '--endpoint', fake.url, '--model', 'm', '--json', '--out', out];
        const env = { CAB_KEY: KEY, XDG_CACHE_HOME: cache, CAB_AGENTS_PATH: process.env.CAB_AGENTS_PATH ?? '' };
        const result = await runCli(args, { cwd: out, env, timeoutMs: 240_000 });
        expect(result.stderr).not.toMatch(/internal error/);
        expect(result.code).toBe(0);
        const bodies = fake.requests.map((r) => r.raw).join('\n');
        expect(bodies).toContain('PROBE-RAN'); // the probe really ran and its output went back
        const saved = await Promise.all((await filesUnder(out)).map((f) => readFile(f, 'utf8')));
        for (const secret of [KEY, SOLUTION_CANARY, GRADER_CANARY]) {
          expect(bodies.includes(secret), `${secret} reached the endpoint`).toBe(false);
          expect((result.stdout + result.stderr).includes(secret), `${secret} reached the output`).toBe(false);
          expect(saved.some((t) => t.includes(secret)), `${secret} reached --out`).toBe(false);
        }
        expect(JSON.parse(result.stdout).results[0].sandbox).toBe('bwrap');
      } finally {
        await fake.close();
      }
    }, 300_000);
  });
}
