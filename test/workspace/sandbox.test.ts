// bwrap confinement: no network, nothing writable but the workdir (and named dirs), a private
// /tmp, the rest of the scratch dir hidden, nothing outliving the command, toolchains working.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, sandboxAvailable } from '../../src/workspace/exec.js';
import { createScratch, type Scratch } from '../../src/workspace/scratch.js';
import { needs } from '../helpers/toolchains.js';
import { tempDir, writeTree } from './fixtures.js';

const bwrap = needs('bwrap');
const available = !bwrap.missing && (await sandboxAvailable()) === 'bwrap';
const why = bwrap.missing ? bwrap.reason : available ? '' : ' (skipped: bwrap cannot make namespaces here)';
const cargo = needs('cargo');
const go = needs('go');
const java = needs('javac', 'java');
const BUNDLE = join(import.meta.dirname, '../../tasks-bundle');

describe.skipIf(!available)(`bwrap sandbox${why}`, () => {
  let work = '';
  let outside = '';
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    work = await tempDir();
    outside = await tempDir('cab-outside-');
    server = createServer((socket) => socket.end('hello from the host\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => {
    server.close();
  });

  const boxed = (argv: string[], extra: Partial<Parameters<typeof runCommand>[0]> = {}) =>
    runCommand({ argv, cwd: work, timeoutMs: 20_000, sandbox: 'auto', ...extra });

  it('has no network: only lo, and the host loopback server is unreachable', async () => {
    const connect = `import socket\ntry:\n  s = socket.create_connection(("127.0.0.1", ${port}), timeout=2); print("CONNECTED", s.recv(100))\nexcept OSError as e:\n  print("FAILED", e)`;
    const free = await runCommand({ argv: ['python3', '-c', connect], cwd: work, timeoutMs: 10_000, sandbox: 'none' });
    expect(free.stdout).toContain('CONNECTED'); // the server really is there
    const r = await boxed(['python3', '-c', connect]);
    expect(r.sandbox).toBe('bwrap');
    expect(r.stdout).toContain('FAILED');
    const dev = await boxed(['cat', '/proc/net/dev']);
    const interfaces = dev.stdout.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.trim().split(':')[0]);
    expect(interfaces).toEqual(['lo']);
  });

  it('can write the workdir, and nothing outside it', async () => {
    const r = await boxed(['sh', '-c', `echo in > inside.txt; echo out > ${outside}/escaped.txt; echo home > ${homedir()}/cab-escape.txt; echo etc > /etc/cab-escape; touch /usr/cab-escape; echo done`]);
    expect(r.stdout).toBe('done\n');
    expect(r.stderr).toMatch(/Read-only file system/);
    expect(await readFile(join(work, 'inside.txt'), 'utf8')).toBe('in\n');
    expect(existsSync(join(outside, 'escaped.txt'))).toBe(false);
    expect(existsSync(join(homedir(), 'cab-escape.txt'))).toBe(false);
    expect(existsSync('/etc/cab-escape')).toBe(false);
    expect(existsSync('/usr/cab-escape')).toBe(false);
  });

  it('cannot remount the root writable (no capabilities, even as root)', async () => {
    const r = await boxed(['sh', '-c', `mount -o remount,rw / 2>&1; echo x > ${outside}/after-remount.txt 2>&1; grep CapEff /proc/self/status`]);
    expect(existsSync(join(outside, 'after-remount.txt'))).toBe(false);
    expect(r.stdout).toMatch(/CapEff:\s+0+\n/);
  });

  it('makes opts.writable folders writable too', async () => {
    const r = await boxed(['sh', '-c', `echo ok > ${outside}/allowed.txt`], { writable: [outside] });
    expect(r.exitCode).toBe(0);
    expect(await readFile(join(outside, 'allowed.txt'), 'utf8')).toBe('ok\n');
  });

  it('gives a private /tmp (TMPDIR=/tmp) that vanishes with the command', async () => {
    const name = `cab-private-${process.pid}-${Date.now()}`;
    const r = await boxed(['sh', '-c', `echo $TMPDIR; echo x > /tmp/${name} && ls /tmp/${name}`]);
    expect(r.stdout).toBe(`/tmp\n/tmp/${name}\n`);
    expect(existsSync(join('/tmp', name))).toBe(false);
  });

  it('kills a process that left the group (setsid) with the PID namespace', async () => {
    const m = 800000 + Math.floor(Math.random() * 99999);
    const r = await boxed(['sh', '-c', `setsid sleep ${m} & sleep 0.2; echo done`]);
    expect(r.stdout).toBe('done\n');
    const ps = execFileSync('ps', ['-eo', 'stat,args'], { encoding: 'utf8' });
    expect(ps.split('\n').filter((l) => l.includes(`sleep ${m}`) && !l.startsWith('Z'))).toEqual([]);
  });

  it('is off with CAB_SANDBOX=none', async () => {
    const saved = process.env.CAB_SANDBOX;
    process.env.CAB_SANDBOX = 'none';
    try {
      expect(await sandboxAvailable()).toBe('none');
      expect((await boxed(['true'])).sandbox).toBe('none');
    } finally {
      if (saved === undefined) delete process.env.CAB_SANDBOX;
      else process.env.CAB_SANDBOX = saved;
    }
  });

  it('a fresh process with CAB_SANDBOX=none runs unconfined, and without it confined (the probe cache cannot mask it)', async () => {
    const dir = await tempDir();
    const entry = join(dir, 'entry.ts');
    await writeFile(entry, `import { runCommand, sandboxAvailable } from ${JSON.stringify(join(import.meta.dirname, '../../src/workspace/exec.ts'))};\n` +
      `const r = await runCommand({ argv: ['true'], cwd: ${JSON.stringify(dir)}, timeoutMs: 5000 });\n` +
      `console.log(JSON.stringify({ available: await sandboxAvailable(), used: r.sandbox }));\n`);
    const esbuild = join(import.meta.dirname, '../../node_modules/.bin/esbuild');
    execFileSync(esbuild, [entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${join(dir, 'entry.mjs')}`, '--log-level=warning']);
    const child = (env: Record<string, string | undefined>) =>
      JSON.parse(execFileSync(process.execPath, [join(dir, 'entry.mjs')], { env: { ...process.env, ...env }, encoding: 'utf8' })) as unknown;
    expect(child({ CAB_SANDBOX: 'none' })).toEqual({ available: 'none', used: 'none' });
    expect(child({ CAB_SANDBOX: undefined })).toEqual({ available: 'bwrap', used: 'bwrap' });
  });

  it('hides every live scratch dir, not just its own, even with the OS temp dir outside /tmp', async () => {
    const base = await mkdtemp('/var/tmp/cab-tmpdir-'); // removed in the finally below
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = base; // os.tmpdir() follows it: scratch dirs are no longer under bwrap's private /tmp
    const mine = await createScratch();
    const other = await createScratch();
    try {
      expect(mine.root.startsWith(`${base}/`)).toBe(true);
      await writeTree(mine.root, { 'workdir/README.md': '# mine\n', 'task/solution/fix.txt': 'my answer\n' });
      await writeTree(other.root, { 'workdir/README.md': '# other\n', 'task/solution/fix.txt': 'their answer\n' });
      const argv = ['sh', '-c', `cat README.md; cat ../task/solution/fix.txt; cat ${other.root}/task/solution/fix.txt; ls ${base}`];
      const r = await runCommand({ argv, cwd: join(mine.root, 'workdir'), timeoutMs: 10_000 });
      expect(r.sandbox).toBe('bwrap');
      expect(r.stdout).toContain('# mine');
      expect(r.stdout).not.toContain('my answer');
      expect(r.stdout).not.toContain('their answer');
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await mine.dispose();
      await other.dispose();
      await rm(base, { recursive: true, force: true });
    }
  });

  it('cannot touch /root, the host /tmp, or a folder next to the workdir', async () => {
    const sibling = await tempDir('cab-sibling-');
    const r = await boxed(['sh', '-c', `touch /root/cab-escape-${process.pid}; touch ${sibling}/x; touch /var/tmp/cab-escape-${process.pid}; echo done`]);
    expect(r.stdout).toBe('done\n');
    expect(existsSync(`/root/cab-escape-${process.pid}`)).toBe(false);
    expect(existsSync(join(sibling, 'x'))).toBe(false);
    expect(existsSync(`/var/tmp/cab-escape-${process.pid}`)).toBe(false);
    expect(r.stderr.match(/Read-only file system|No such file/g)?.length).toBe(3);
  });

  describe('inside a scratch dir', () => {
    let scratch: Scratch;
    let workdir = '';

    beforeAll(async () => {
      scratch = await createScratch();
      workdir = join(scratch.root, 'workdir');
      await writeTree(scratch.root, { 'task/solution/fix.txt': 'the answer\n', 'grader/grade.txt': 'hidden checks\n', 'workdir/README.md': '# task\n' });
    });

    afterAll(async () => {
      await scratch.dispose();
    });

    it('hides the task folder (solution, grader) and shows only what is named', async () => {
      const argv = ['sh', '-c', 'cat ../task/solution/fix.txt; cat ../grader/grade.txt; cat README.md; echo "GOCACHE=$GOCACHE"'];
      const hidden = await runCommand({ argv, cwd: workdir, timeoutMs: 5000 });
      expect(hidden.stdout).not.toContain('the answer');
      expect(hidden.stdout).not.toContain('hidden checks');
      expect(hidden.stdout).toContain('# task');
      expect(hidden.stdout).toContain(`GOCACHE=${join(scratch.root, 'cache', 'go-build')}`);
      const graded = await runCommand({ argv, cwd: workdir, timeoutMs: 5000, readable: [join(scratch.root, 'grader')] });
      expect(graded.stdout).toContain('hidden checks');
      expect(graded.stdout).not.toContain('the answer');
      const r = await runCommand({ argv: ['sh', '-c', 'echo x > ../grader/grade.txt'], cwd: workdir, timeoutMs: 5000, readable: [join(scratch.root, 'grader')] });
      expect(r.exitCode).not.toBe(0);
      expect(await readFile(join(scratch.root, 'grader/grade.txt'), 'utf8')).toBe('hidden checks\n');
    });
  });
});

// The real toolchains, confined, on real tasks of the shipped bundle (their pristine workdirs
// fail their tests: what matters is that the tests compile and run inside the sandbox).
describe.skipIf(!available)(`toolchains inside bwrap${why}`, () => {
  let scratch: Scratch;
  afterEach(async () => {
    await scratch?.dispose();
  });

  async function taskWorkdir(task: string): Promise<string> {
    scratch = await createScratch();
    const workdir = join(scratch.root, 'workdir');
    await cp(join(BUNDLE, task, 'workdir'), workdir, { recursive: true });
    return workdir;
  }

  async function timed(argv: string[], cwd: string) {
    const started = performance.now();
    const r = await runCommand({ argv, cwd, timeoutMs: 180_000, writable: [cwd] });
    console.log(`bwrap ${argv.join(' ')}: ${Math.round(performance.now() - started)} ms, exit ${r.exitCode}`);
    expect(r.sandbox).toBe('bwrap');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/Read-only file system|Permission denied|command not found/i);
    return r;
  }

  it.skipIf(cargo.missing)(`cargo test (offline, CARGO_HOME read-only)${cargo.reason}`, async () => {
    const workdir = await taskWorkdir('mutations/rust-error-negated');
    const r = await timed(['cargo', 'test', '--offline'], workdir);
    expect(r.stdout).toMatch(/test result: FAILED\. \d+ passed; \d+ failed/);
  });

  it.skipIf(go.missing)(`go test with net/http (GOCACHE in the scratch dir)${go.reason}`, async () => {
    const workdir = await taskWorkdir('polyglot/go-http-handler-fix');
    const r = await timed(['go', 'test', '-v', './...'], workdir);
    expect(r.stdout).toMatch(/--- (PASS|FAIL)/);
    expect(existsSync(join(scratch.root, 'cache', 'go-build'))).toBe(true);
  });

  it.skipIf(java.missing)(`javac + java${java.reason}`, async () => {
    const workdir = await taskWorkdir('polyglot/java-exception-handling');
    const r = await timed(['sh', 'run_tests.sh'], workdir);
    expect(r.stdout).toMatch(/Tests run: \d+, Failures: \d+/);
  });

  it('python3 unittest', async () => {
    scratch = await createScratch();
    await writeTree(scratch.root, { 'workdir/test_x.py': 'import unittest, tempfile\nclass T(unittest.TestCase):\n  def test_tmp(self):\n    with tempfile.NamedTemporaryFile() as f: f.write(b"x")\n' });
    const r = await timed(['python3', '-m', 'unittest', '-v'], join(scratch.root, 'workdir'));
    expect(r.stderr).toMatch(/Ran 1 test[\s\S]*OK/);
    expect(existsSync(join(scratch.root, 'workdir', '__pycache__'))).toBe(false); // PYTHONDONTWRITEBYTECODE
  });

  it('node --test', async () => {
    scratch = await createScratch();
    await mkdir(join(scratch.root, 'workdir'));
    await writeFile(join(scratch.root, 'workdir', 'a.test.mjs'), 'import test from "node:test";\ntest("adds", () => { if (1 + 1 !== 2) throw new Error("math"); });\n');
    const r = await timed(['node', '--test'], join(scratch.root, 'workdir'));
    expect(r.stdout).toMatch(/pass 1/);
  });
});
