// `--keep` names every folder it leaves behind, with its size.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBytes, keptFolders } from '../../src/report/kept.js';
import type { Cell } from '../../src/score/types.js';
import { runCli } from '../helpers/cli.js';
import { buildBundle, PY_ADD } from '../helpers/task-fixture.js';
import { tempDir } from '../helpers/temp.js';

describe('kept folders', () => {
  it('sizes a tree without following links', async () => {
    const dir = await tempDir('cab-kept-');
    await mkdir(join(dir, 'a'));
    await writeFile(join(dir, 'a', 'x'), 'x'.repeat(1000));
    await writeFile(join(dir, 'y'), 'y'.repeat(24));
    expect(await folderBytes(dir)).toBe(1024);
    await rm(dir, { recursive: true, force: true });
  });

  it("lists the scratch dir and an agent CLI's private home", () => {
    const cell = { status: 'scored', spans: [{ attrs: { home: '/tmp/cab-opencode-home-x' } }, { attrs: {} }] } as unknown as Cell;
    expect(keptFolders(cell, '/tmp/cab-abc')).toEqual(['/tmp/cab-abc', '/tmp/cab-opencode-home-x']);
  });

  it('check --keep prints each kept folder with its size', async () => {
    const bundle = await buildBundle([PY_ADD]);
    const r = await runCli(['check', '--tui', 'oracle', '--bundle', bundle, '--task', PY_ADD.id, '--keep', '--no-save', '--yes']);
    expect(r.code).toBe(0);
    const line = /kept (\/\S+) \((\d+(?:\.\d)? (?:B|KiB|MiB))\)/.exec(r.stderr);
    expect(line).not.toBeNull();
    await rm(line?.[1] ?? '/nonexistent', { recursive: true, force: true });
  }, 120_000);
});
