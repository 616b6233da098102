// kilo end to end (the shared checks), and what it leaves in its private home: its config came
// from KILO_CONFIG_CONTENT, and no package was installed (it bundles its provider; the npm
// registry is unreachable for the run).

import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterSpec } from '../../src/tuis/adapter.js';
import { kilo } from '../../src/tuis/kilo.js';
import { runAgentCli } from '../../src/tuis/run-agent-cli.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import { describeCliE2e } from './cli-e2e.js';
import { checkConfig, makeTask, missingReason, SOLVE_SCRIPT, testsPass, tuiContext } from './cli-harness.js';

describeCliE2e('kilo', 'kilo');

const missing = missingReason('kilo');
const deadRegistry: AdapterSpec = {
  ...kilo,
  prepare: async (input) => {
    const prepared = await kilo.prepare(input);
    return { ...prepared, env: { ...prepared.env, KILO_LOG_LEVEL: 'DEBUG', npm_config_registry: 'http://127.0.0.1:9/', BUN_CONFIG_REGISTRY: 'http://127.0.0.1:9/' } };
  },
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.skipIf(missing !== null)(`kilo's private home${missing === null ? '' : ` (skipped: ${missing})`}`, () => {
  it('a run without the npm registry works, takes its config from KILO_CONFIG_CONTENT and installs no package', async () => {
    const fake = await startFakeEndpoint({ steps: SOLVE_SCRIPT });
    const dirs = await makeTask();
    let home = '';
    try {
      const outcome = await runAgentCli(deadRegistry, tuiContext(dirs, checkConfig({ tui: 'kilo', endpoint: fake.url, key: '', keep: true })));
      home = String(outcome.spans[0]?.attrs['home'] ?? '');
      expect(outcome.stop_reason).toBe('done');
      expect(testsPass(dirs.workdir)).toBe(true);
      const files = await filesUnder(home);
      expect(files.filter((f) => /node_modules|\.npm|package-lock/.test(f))).toEqual([]);
      const logs = await Promise.all(files.filter((f) => f.endsWith('.log')).map((f) => readFile(f, 'utf8')));
      expect(logs.length).toBeGreaterThan(0);
      expect(logs.join('\n')).toContain('loaded custom config from KILO_CONFIG_CONTENT');
    } finally {
      await fake.close();
      await dirs.cleanup();
      if (home !== '') await rm(home, { recursive: true, force: true });
    }
  }, 180_000);
});
