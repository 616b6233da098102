// Interruption as a user does it: Ctrl-C (SIGINT) or SIGTERM during the tests stops every
// process group, removes the scratch dirs, prints what finished and exits 130. EPIPE is quiet.

import { spawn, spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv } from '../helpers/cli.js';
import { buildBundle, PY_ADD } from '../helpers/task-fixture.js';
import { tempDir } from '../helpers/temp.js';

let bundle = '';
const MARKER = `cab_sleep_marker_${process.pid}`;

beforeAll(async () => {
  const slow = {
    ...PY_ADD,
    id: 'polyglot/slow-tests',
    spec: {
      verify: ['sh', '-c', `python3 -c 'import time; time.sleep(300)' ${MARKER} & python3 -c 'import time; time.sleep(300)' ${MARKER}; wait`],
    },
  };
  bundle = await buildBundle([slow, PY_ADD]);
});

function leftovers(): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((line) => line.includes(MARKER) && !line.includes('ps -eo'));
}

async function runUntil(signal: NodeJS.Signals, count: number): Promise<{ code: number | null; stderr: string; tmp: string; ms: number }> {
  const tmp = await tempDir('cab-int-tmp-');
  const cwd = await tempDir('cab-int-cwd-');
  const child = spawn(process.execPath, [CLI, 'check', '--bundle', bundle, '--task', 'polyglot/slow-tests', '--tui', 'oracle'], {
    cwd,
    env: cleanEnv({ TMPDIR: tmp }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const started = Date.now();
  while (!stderr.includes('] tests') && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  expect(leftovers().length).toBeGreaterThan(0);
  // a shell reports death by SIGINT as 130 too: a second signal may land while the first exit is under way
  const closed = new Promise<number | null>((resolve) => child.on('close', (c, s) => resolve(s === 'SIGINT' || s === 'SIGTERM' ? 130 : c)));
  const sent = Date.now();
  for (let i = 0; i < count; i++) {
    child.kill(signal);
    await new Promise((r) => setTimeout(r, 20));
  }
  const code = await closed;
  return { code, stderr, tmp, ms: Date.now() - sent };
}

describe('interruption', () => {
  it('Ctrl-C during the tests kills the process group, removes scratch dirs and exits 130', async () => {
    const { code, stderr, tmp, ms } = await runUntil('SIGINT', 1);
    expect(code).toBe(130);
    expect(ms).toBeLessThan(10_000);
    expect(stderr).toContain('Interrupted');
    expect(stderr).toMatch(/interrupted: 0 cell\(s\) finished/);
    expect(await readdir(tmp)).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('SIGTERM does the same', async () => {
    const { code, tmp } = await runUntil('SIGTERM', 1);
    expect(code).toBe(130);
    expect(await readdir(tmp)).toEqual([]);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('a second Ctrl-C exits at once, still killing the processes', async () => {
    const { code, ms } = await runUntil('SIGINT', 2);
    expect(code).toBe(130);
    expect(ms).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('EPIPE on stdout (| head) is quiet', async () => {
    const child = spawn(process.execPath, [CLI, 'list', '--bundle', bundle], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code === 0 || code === null).toBe(true);
  }, 60_000);
});
