// Instant start: the bin loads only the chunks its command needs. Each command runs under a
// loader hook (helpers/record-loads.mjs) that logs every file the process really loads; the
// build's metafile says which libraries each chunk holds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { resultDocument } from '../src/report/document.js';
import { tempDir } from './helpers/temp.js';
import { needs } from './helpers/toolchains.js';
import { referenceCell } from './report/cells.js';

const HOOKS = fileURLToPath(new URL('./helpers/record-loads.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const HEAVY = ['undici', 'tar', 'diff', '@clack/prompts', '@clack/core'];

/** File under dist/ (main.cjs, lazy/check.mjs, …) → the npm packages bundled into it. */
function librariesByChunk(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const metafile of ['metafile-cjs.json', 'lazy/metafile-esm.json']) {
    const meta = JSON.parse(readFileSync(join(DIST, metafile), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    for (const [out, { inputs }] of Object.entries(meta.outputs)) {
      const libs = Object.keys(inputs)
        .map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
        .filter((name): name is string => name !== undefined);
      map.set(out.replace(/^dist\//, ''), [...new Set(libs)]);
    }
  }
  return map;
}

let dir = '';
const libs = librariesByChunk();

/** The libraries a command loads, and how many chunk files. */
async function loadedBy(args: string[]): Promise<{ libraries: string[]; files: string[]; code: number | null }> {
  const log = join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const result = await runCli(args, { cwd: dir, nodeArgs: ['--import', HOOKS], env: { CAB_LOAD_LOG: log, XDG_CACHE_HOME: join(dir, 'cache') } });
  const urls = [...new Set(readFileSync(log, 'utf8').trim().split('\n'))];
  const files = urls.filter((u) => u.includes('/dist/')).map((u) => u.slice(u.lastIndexOf('/dist/') + '/dist/'.length));
  return { libraries: [...new Set(files.flatMap((f) => libs.get(f) ?? []))].sort(), files, code: result.code };
}

beforeAll(async () => {
  dir = await tempDir('cab-lazy-');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(dir, 'result.json'), JSON.stringify(resultDocument([referenceCell()], '0.1.0')));
});

describe('what each command loads', () => {
  it.each([
    ['--help', ['--help']],
    ['--version', ['--version']],
    ['check --help', ['check', '--help']],
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['report', ['report', 'result.json']],
    ['show --last', ['show', '--last', 'mutations/rust-error-negated']],
  ])('%s loads no undici, tar, diff or clack', async (_name, args) => {
    const { libraries, files } = await loadedBy(args);
    expect(files.length).toBeGreaterThan(0); // the hook saw the bin
    expect(libraries.filter((l) => HEAVY.includes(l))).toEqual([]);
  });

  // Start-up is mostly Node loading modules, so the instant commands load two CommonJS files.
  it.each([['--help'], ['--version'], ['list']])('%s loads dist/cli.cjs and dist/main.cjs, nothing from dist/lazy/', async (...args) => {
    const { files, code } = await loadedBy(args);
    expect(code).toBe(0);
    expect(files.sort()).toEqual(['cli.cjs', 'main.cjs']);
  });

  it('a command loads its own entry from dist/lazy/', async () => {
    const { files } = await loadedBy(['report', 'result.json']);
    expect(files).toContain('lazy/report.mjs');
  });

  const py = needs('python3');
  it.skipIf(py.missing)(`check loads tar to extract (the recorder sees libraries)${py.reason}`, async () => {
    const { libraries, code } = await loadedBy(['check', '--tui', 'none', '--task', 'polyglot/python-reverse-string', '--no-save', '--json']);
    expect(code).toBe(0);
    expect(libraries).toContain('tar');
    expect(libraries).not.toContain('undici'); // no endpoint: no HTTP client
  });
});
