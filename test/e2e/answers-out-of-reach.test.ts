// Plays the adversary through --shell, as a user runs the built bin: a scripted model searches the
// file system for bundles, solutions and graders, lists the scratch task copy, reads every
// /proc/*/environ and cmdline it can see and our download cache. A canary key and canary strings
// planted in the task's solution/ and grader/ must reach neither the endpoint, the output nor any
// file under --out. Once more with CAB_SANDBOX=none: the opt-in rule and the honest labels.

import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxAvailable } from '../../src/workspace/sandbox.js';
import { runCli, SHIPPED_BUNDLE } from '../helpers/cli.js';
import { callTool, say, startFakeEndpoint, type FakeStep } from '../helpers/fake-endpoint.js';
import { buildBundle, PY_ADD, type FixtureTask } from '../helpers/task-fixture.js';
import { tempDir } from '../helpers/temp.js';

const KEY = 'sk-canary-key-5e4d3c2b1a0f9e8d';
const SOLUTION_CANARY = 'SOLUTION-CANARY-31f7c0de';
const GRADER_CANARY = 'GRADER-CANARY-8a2b77e1';
const bwrap = (await sandboxAvailable()) === 'bwrap';

const TASK: FixtureTask = {
  ...PY_ADD,
  id: 'polyglot/py-add-canary',
  solution: { 'src/app.py': `def add(a, b):\n    return a + b  # ${SOLUTION_CANARY}\n` },
  grader: { 'notes.txt': `${GRADER_CANARY}\n` },
};

let bundle = '';
let cwd = '';
let cache = '';
// Outside the OS temp dir on purpose (a private /tmp alone would hide them): where users keep
// bundles and where the download cache lives, in the real home.
const planted = join(homedir(), `.cab-e2e-adversary-${process.pid}`);

beforeAll(async () => {
  const built = await buildBundle([TASK]);
  cwd = await tempDir('cab-adversary-');
  bundle = join(planted, 'bundles', 'tasks.tar.gz');
  cache = join(planted, 'xdg-cache');
  await mkdir(join(cache, 'codingagentbench', 'bundles'), { recursive: true });
  await mkdir(dirname(bundle), { recursive: true });
  await cp(built, bundle);
  await cp(built, join(cache, 'codingagentbench', 'bundles', 'copy.tar.gz'));
}, 120_000);

afterAll(async () => {
  await rm(planted, { recursive: true, force: true });
});

const bash = (command: string): FakeStep => callTool('bash', { command: `${command}; echo PROBE-RAN` });

/** Everything a model could try from inside its shell to find answers or the key. */
function probes(fileSystem: boolean): FakeStep[] {
  const steps = [
    bash('ls -la .. ../task ../task/* 2>&1; cat ../task/*/* ../*/*/* 2>/dev/null | head -c 8000'),
    bash(`p=$$; while [ "$p" -gt 1 ]; do echo "== /proc/$p/"; tr '\\0' ' ' < /proc/$p/environ; echo; tr '\\0' ' ' < /proc/$p/cmdline; echo; p=$(awk '{print $4}' /proc/$p/stat); done 2>&1 | head -c 20000`),
    bash(`for f in /proc/[0-9]*/environ /proc/[0-9]*/cmdline; do tr '\\0' '\\n' < "$f" | grep -a -i -E 'key|token|sk-'; done 2>&1 | sort -u | head -c 20000`),
  ];
  const search = [ // without a sandbox these are readable by design (README "Safety")
    bash(`ls -laR ~/.cache/codingagentbench ${cache}/codingagentbench 2>&1 | head -40; gzip -dc ${cache}/codingagentbench/bundles/copy.tar.gz 2>&1 | grep -a CANARY`),
    bash(`find / \\( -path /proc -o -path /sys \\) -prune -o \\( -name '*.tar.gz' -o -name solution -o -name grader -o -name tasks-bundle \\) -print 2>/dev/null | head -100`),
    bash(`for f in ${SHIPPED_BUNDLE} ${bundle} ${dirname(SHIPPED_BUNDLE)}/../tasks-bundle; do ls -la $f; gzip -dc $f | grep -a -m3 CANARY; done 2>&1 | head -c 4000`),
    bash(`find / \\( -path /proc -o -path /sys \\) -prune -o -name '*.tar.gz' -print 2>/dev/null | while read f; do gzip -dc "$f" | grep -a -m3 CANARY; done`),
  ];
  return [...(fileSystem ? search : []), ...steps, say('I looked around.')];
}

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) files.push(...(await filesUnder(join(dir, e.name))));
    else files.push(join(dir, e.name));
  }
  return files;
}

async function adversary(steps: FakeStep[], extra: string[], env: Record<string, string> = {}) {
  const out = await tempDir('cab-adversary-out-');
  const fake = await startFakeEndpoint({ steps, requireKey: KEY });
  try {
    const args = ['check', '--bundle', bundle, '--task', TASK.id, '--endpoint', fake.url, '--model', 'm', '--shell', '--json', '--out', out, ...extra];
    const result = await runCli(args, { cwd, env: { CAB_KEY: KEY, XDG_CACHE_HOME: cache, ...env }, timeoutMs: 240_000 });
    const bodies = fake.requests.map((r) => r.raw).join('\n');
    const saved = await Promise.all((await filesUnder(out).catch(() => [])).map((f) => readFile(f, 'utf8')));
    return { result, bodies, saved, doc: result.code === 0 ? JSON.parse(result.stdout) : null };
  } finally {
    await fake.close();
  }
}

function expectNoLeak(run: Awaited<ReturnType<typeof adversary>>, probesRan: number): void {
  expect(run.result.stderr).not.toMatch(/internal error/);
  expect(run.bodies.split('PROBE-RAN').length - 1).toBeGreaterThanOrEqual(probesRan); // the probes really ran
  for (const secret of [KEY, SOLUTION_CANARY, GRADER_CANARY]) {
    expect(run.bodies.includes(secret), `${secret} reached the endpoint`).toBe(false);
    expect((run.result.stdout + run.result.stderr).includes(secret), `${secret} reached the output`).toBe(false);
    expect(run.saved.some((text) => text.includes(secret)), `${secret} reached a file under --out`).toBe(false);
  }
}

describe.skipIf(!bwrap)('with the sandbox: nothing to find', () => {
  it('no bundle, solution, grader, cache or key reaches the model, the output or --out', async () => {
    const run = await adversary(probes(true), []);
    expect(run.result.code).toBe(0);
    expect(run.doc.results[0].sandbox).toBe('bwrap');
    expect(run.doc.results[0].integrity_verifiable).toBe(true);
    expect(run.saved.length).toBeGreaterThanOrEqual(4);
    expectNoLeak(run, 7);
  }, 300_000);
});

describe('with CAB_SANDBOX=none', () => {
  const env = { CAB_SANDBOX: 'none' };

  it('--shell without --unsafe-no-sandbox is refused with exit 2 and a hint', async () => {
    const result = await runCli(['check', '--bundle', bundle, '--task', TASK.id, '--endpoint', 'http://127.0.0.1:9/v1', '--model', 'm', '--shell', '--no-save'], { cwd, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--unsafe-no-sandbox');
  });

  it('with --unsafe-no-sandbox it runs, labelled sandbox none, and still leaks no key and no answer', async () => {
    const run = await adversary(probes(false), ['--unsafe-no-sandbox'], env);
    expect(run.result.code).toBe(0);
    const cell = run.doc.results[0];
    expect(cell.sandbox).toBe('none');
    expect(cell.integrity_verifiable).toBe(false);
    expect(run.bodies).toContain('== /proc/'); // it did read other processes' environ
    expectNoLeak(run, 3);
  }, 300_000);
});

describe.skipIf(process.platform !== 'linux')("the running bin's own /proc entries", () => {
  it('hold no key (env or --key), while the endpoint still gets the real one', async () => {
    const flagKey = 'sk-flag-canary-0a1b2c3d4e5f';
    const fake = await startFakeEndpoint({ steps: [{ ...say('thinking'), delayMs: 2500 }], requireKey: flagKey });
    try {
      const { spawn } = await import('node:child_process');
      const { CLI, cleanEnv } = await import('../helpers/cli.js');
      const args = ['check', '--bundle', bundle, '--task', TASK.id, '--endpoint', fake.url, '--model', 'm', '--key', flagKey, '--no-save'];
      const child = spawn(process.execPath, [CLI, ...args], { cwd, env: cleanEnv({ CAB_KEY: KEY, OPENAI_API_KEY: KEY }), stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('close', resolve));
      while (fake.requests.every((r) => !r.path.endsWith('/chat/completions'))) await new Promise((r) => setTimeout(r, 50));
      const environ = await readFile(`/proc/${child.pid}/environ`, 'latin1');
      const cmdline = await readFile(`/proc/${child.pid}/cmdline`, 'latin1');
      await exited;
      expect(environ).toContain('CAB_KEY=*'); // the variable is there, its value is not
      for (const secret of [KEY, flagKey]) {
        expect(environ.includes(secret), 'key in environ').toBe(false);
        expect(cmdline.includes(secret), 'key in cmdline').toBe(false);
      }
      expect(fake.requests.some((r) => r.headers.authorization === `Bearer ${flagKey}`)).toBe(true);
    } finally {
      await fake.close();
    }
  }, 120_000);
});
