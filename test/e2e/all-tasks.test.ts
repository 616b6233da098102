// Every shipped task is proven: the reference solution passes, the untouched workdir fails,
// the solution changes only the expected files and honours the task's own constraints.
// This is the `bundle` command's validation, run over tasks-bundle/ exactly as task authors run it.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const TASKS = fileURLToPath(new URL('../../tasks-bundle', import.meta.url));

describe('the shipped bundle', () => {
  it('validates every task (oracle passes, untouched fails)', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'cab-bundle-')), 'tasks.tar.gz');
    const result = await runCli(['bundle', TASKS, '-o', out, '--json'], { timeoutMs: 900_000 });
    expect(result.stderr).not.toMatch(/INVALID|internal error/);
    expect(result.code).toBe(0);
    const { manifest, validation } = JSON.parse(result.stdout);
    expect(manifest.tasks.length).toBeGreaterThanOrEqual(25);
    const skipped = validation.filter((v: { skipped: string | null }) => v.skipped);
    expect(skipped).toEqual([]);
    expect(validation.every((v: { ok: boolean }) => v.ok)).toBe(true);
  }, 900_000);
});
