// Step 4 of check, in-process: the "vs your last run" lines under the card, only in a terminal.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishCheck } from '../../src/commands/check-output.js';
import type { Io } from '../../src/io.js';
import { resultDocument } from '../../src/report/document.js';
import { checkConfig } from '../tuis/cli-harness.js';
import { referenceCell } from './cells.js';
import { tempDir } from '../helpers/temp.js';

const roots: string[] = [];
afterAll(async () => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function finish(tty: boolean, withLast: boolean): Promise<string> {
  const cwd = await tempDir('cab-vs-last-');
  roots.push(cwd);
  if (withLast) {
    const old = { ...referenceCell(), latency: { ...referenceCell().latency, wall_clock_ms: 20_000 } };
    await mkdir(join(cwd, 'cab-runs', '20261201-000000-aaaa'), { recursive: true });
    await writeFile(join(cwd, 'cab-runs', '20261201-000000-aaaa', 'result.json'), JSON.stringify(resultDocument([old], '0.0.0')));
  }
  let out = '';
  const io: Io = { stdout: (s) => (out += s), stderr: () => {}, env: {}, cwd, stdinIsTTY: tty, stdoutIsTTY: tty, stderrIsTTY: tty, signal: new AbortController().signal, redact: (s) => s };
  const code = await finishCheck({
    io,
    config: checkConfig({ model: 'qwen3-coder' }),
    outcomes: [{ cell: referenceCell(), artifacts: null, keptAt: null }],
    outDir: join(cwd, 'cab-runs', '20261207-000000-bbbb'),
    failure: null,
    writeDoc: async (dir) => join(dir, 'result.json'),
    writeArtifacts: async () => {},
  });
  expect(code).toBe(0);
  return out;
}

describe('vs your last run on the card', () => {
  it('in a terminal, with a saved run of the same task, driver and model: one line per axis', async () => {
    const out = await finish(true, true);
    expect(out).toContain('vs your last run (');
    expect(out).toMatch(/wall\s+20\.0s → 13\.0s\s+.*−7\.0s/);
  });

  it('nothing without a saved run, and nothing when piped', async () => {
    expect(await finish(true, false)).not.toContain('vs your last run');
    expect(await finish(false, true)).not.toContain('vs your last run');
  });
});
