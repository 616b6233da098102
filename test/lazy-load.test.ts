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

/** Chunk file name → the npm packages bundled into it. */
function librariesByChunk(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(join(DIST, 'metafile-esm.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const map = new Map<string, string[]>();
  for (const [out, { inputs }] of Object.entries(meta.outputs)) {
    const libs = Object.keys(inputs)
      .map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
      .filter((name): name is string => name !== undefined);
    map.set(out.replace(/^dist\//, ''), [...new Set(libs)]);
  }
  return map;
}

let dir = '';
const libs = librariesByChunk();

/** The libraries a command loads, and how many chunk files. */
async function loadedBy(args: string[]): Promise<{ libraries: string[]; files: string[]; code: number | null }> {
  const log = join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const result = await runCli(args, { cwd: dir, nodeArgs: ['--import', HOOKS], env: { CAB_LOAD_LOG: log, XDG_CACHE_HOME: join(dir, 'cache') } });
  const urls = readFileSync(log, 'utf8').trim().split('\n');
  const files = urls.filter((u) => u.includes('/dist/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
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

  it('--help and --version load the bin and the few chunks it imports, no command', async () => {
    const { files } = await loadedBy(['--help']);
    expect(files.length).toBeLessThanOrEqual(8);
    expect(files.some((f) => /^(check|list|show|doctor|report|bundle)-/.test(f))).toBe(false);
  });

  const py = needs('python3');
  it.skipIf(py.missing)(`check loads tar to extract (the recorder sees libraries)${py.reason}`, async () => {
    const { libraries, code } = await loadedBy(['check', '--tui', 'none', '--task', 'polyglot/python-reverse-string', '--no-save', '--json']);
    expect(code).toBe(0);
    expect(libraries).toContain('tar');
    expect(libraries).not.toContain('undici'); // no endpoint: no HTTP client
  });
});
