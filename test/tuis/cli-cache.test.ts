// opencode's downloads are kept in our cache folder across runs, and a second run works with the
// npm registry unreachable. (opencode 1.18 also works on a first run without the registry — what
// it fetches is optional — so this shows the cache is used, not that the network was needed.)

import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterSpec } from '../../src/tuis/adapter.js';
import { cliCacheRoot } from '../../src/tuis/cli-cache.js';
import { opencode } from '../../src/tuis/opencode.js';
import { runAgentCli } from '../../src/tuis/run-agent-cli.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import { checkConfig, makeTask, missingReason, SOLVE_SCRIPT, testsPass, tuiContext } from './cli-harness.js';
import { tempDir } from '../helpers/temp.js';

const missing = missingReason('opencode');
const deadRegistry: AdapterSpec = {
  ...opencode,
  prepare: async (input) => {
    const prepared = await opencode.prepare(input);
    return { ...prepared, env: { ...prepared.env, npm_config_registry: 'http://127.0.0.1:9/', BUN_CONFIG_REGISTRY: 'http://127.0.0.1:9/' } };
  },
};

async function run(spec: AdapterSpec): Promise<{ done: boolean; passed: boolean }> {
  const fake = await startFakeEndpoint({ steps: SOLVE_SCRIPT });
  const dirs = await makeTask();
  try {
    const outcome = await runAgentCli(spec, tuiContext(dirs, checkConfig({ tui: 'opencode', endpoint: fake.url, key: '' })));
    return { done: outcome.stop_reason === 'done', passed: testsPass(dirs.workdir) };
  } finally {
    await fake.close();
    await dirs.cleanup();
  }
}

describe.skipIf(missing !== null)(`opencode's downloads are cached${missing === null ? '' : ` (skipped: ${missing})`}`, () => {
  const saved = process.env.XDG_CACHE_HOME;
  beforeAll(async () => {
    process.env.XDG_CACHE_HOME = await tempDir('cab-cli-cache-');
  });
  afterAll(async () => {
    await rm(process.env.XDG_CACHE_HOME ?? '/nonexistent', { recursive: true, force: true });
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  });

  it('after one run, its npm cache is kept in our cache folder and a run without the registry works', async () => {
    expect(await run(opencode)).toEqual({ done: true, passed: true });
    expect((await readdir(join(cliCacheRoot('opencode'), '.npm'))).length).toBeGreaterThan(0);
    expect(await run(deadRegistry)).toEqual({ done: true, passed: true });
  }, 300_000);
});
