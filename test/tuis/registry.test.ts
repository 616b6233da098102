import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CabError } from '../../src/errors.js';
import { ADAPTERS } from '../../src/tuis/adapters.js';
import { cliVersion, findCli, parseVersion, searchPath } from '../../src/tuis/detect.js';
import { cliPrompt } from '../../src/tuis/prompt.js';
import { adapterFor, getTui, RESERVED_TUIS, tuiNames } from '../../src/tuis/registry.js';
import { tuiStatus } from '../../src/tuis/status.js';
import { makeTask, TASK } from './cli-harness.js';
import { tempDir } from '../helpers/temp.js';

const saved = { PATH: process.env['PATH'], CAB_AGENTS_PATH: process.env['CAB_AGENTS_PATH'] };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** A bin folder with executables named `names`, each printing "<name> 9.8.7". */
async function binDir(names: string[]): Promise<string> {
  const dir = await tempDir('cab-bin-');
  for (const name of names) {
    await writeFile(join(dir, name), `#!/bin/sh\necho "${name} 9.8.7"\n`);
    await chmod(join(dir, name), 0o755);
  }
  return dir;
}

describe('registry', () => {
  it('lists the built-in drivers and one driver per adapter', () => {
    expect(tuiNames()).toEqual(['builtin', 'oracle', 'none', 'opencode', 'qwen-code', 'pi', 'codex', 'claude-code', 'cline', 'continue', 'kilo', 'copilot', 'aider']);
    expect(RESERVED_TUIS.some((n) => tuiNames().includes(n))).toBe(false);
    for (const spec of ADAPTERS) {
      expect(adapterFor(spec.name)).toBe(spec);
      expect(spec.install).not.toBe('');
    }
    expect(adapterFor('builtin')).toBeNull();
  });

  it('an agent CLI that is not installed: usage error (exit 2) naming how to install it', () => {
    process.env['PATH'] = '/nonexistent-bin';
    process.env['CAB_AGENTS_PATH'] = '';
    const err = (() => {
      try {
        getTui('opencode');
        return null;
      } catch (e) {
        return e as CabError;
      }
    })();
    expect(err).toBeInstanceOf(CabError);
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toBe('--tui opencode: the opencode CLI is not installed (looked in CAB_AGENTS_PATH and PATH)');
    expect(err?.hint).toContain('npm i -g opencode-ai');
  });

  it('an installed CLI (found on CAB_AGENTS_PATH) is a driver that needs the endpoint', async () => {
    process.env['CAB_AGENTS_PATH'] = await binDir(['qwen']);
    const tui = getTui('qwen-code');
    expect(tui).toMatchObject({ name: 'qwen-code', needsEndpoint: true });
  });

  it('reserved names without an adapter and unknown names stay clear errors', () => {
    expect(() => getTui('goose')).toThrow(/no adapter for this agent CLI yet/);
    expect(() => getTui('nope')).toThrow(/unknown --tui 'nope'/);
  });
});

describe('detection and versions', () => {
  it('CAB_AGENTS_PATH is searched before PATH; relative entries are ignored', async () => {
    const first = await binDir(['pi']);
    const second = await binDir(['pi']);
    expect(searchPath({ CAB_AGENTS_PATH: `${first}:relative/dir`, PATH: `${second}:/usr/bin` })).toEqual([first, second, '/usr/bin']);
    expect(findCli('pi', { CAB_AGENTS_PATH: first, PATH: second })?.path).toBe(join(first, 'pi'));
    expect(findCli('pi', { PATH: second })?.dir).toBe(second);
    expect(findCli('pi', { PATH: '/nonexistent' })).toBeNull();
  });

  it.each([
    ['codex-cli 0.171.0', '0.171.0'],
    ['GitHub Copilot CLI 1.0.102.\nRun copilot update', '1.0.102'],
    ['aider 0.86.0', '0.86.0'],
    ['1.18.33', '1.18.33'],
    ['v2.0.0-beta.3', '2.0.0-beta.3'],
    ['no version here', null],
  ])('parseVersion(%j) = %j', (text, version) => {
    expect(parseVersion(text)).toBe(version);
  });

  it('reads the version from the npm package.json beside the executable, else from --version', async () => {
    const pkg = await tempDir('cab-pkg-');
    await mkdir(join(pkg, 'bin'));
    await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: 'some-agent', version: '3.2.1' }));
    await writeFile(join(pkg, 'bin', 'some-agent'), '#!/bin/sh\necho "some-agent 0.0.1"\n');
    await chmod(join(pkg, 'bin', 'some-agent'), 0o755);
    const found = findCli('some-agent', { PATH: join(pkg, 'bin') });
    expect(found).not.toBeNull();
    expect(await cliVersion({ packageName: 'some-agent' }, found!)).toBe('3.2.1');
    const plain = await binDir(['other-agent']);
    expect(await cliVersion({ packageName: null }, findCli('other-agent', { PATH: plain })!)).toBe('9.8.7');
  });
});

describe('doctor status', () => {
  it('built-ins, installed CLIs with versions, missing ones with the install line', async () => {
    const dir = await binDir(['pi', 'codex']);
    const status = await tuiStatus({ CAB_AGENTS_PATH: dir, PATH: '/nonexistent' });
    expect(status['builtin']).toEqual({ available: true, version: null, detail: 'built in' });
    expect(status['pi']).toMatchObject({ available: true, version: '9.8.7' });
    expect(status['pi']?.detail).toContain(join(dir, 'pi'));
    expect(status['codex']?.available).toBe(true);
    expect(status['opencode']).toEqual({ available: false, version: null, detail: 'not installed — npm i -g opencode-ai' });
    expect(status['aider']?.detail).toContain('aider-chat');
    expect(status['goose']).toMatchObject({ available: false, detail: 'no adapter yet' });
  });
});

describe('the prompt a CLI gets', () => {
  it('holds the title, README.md, AGENTS.md and the test command — not our tool names', async () => {
    const dirs = await makeTask();
    try {
      const prompt = await cliPrompt(TASK, dirs.workdir);
      expect(prompt.startsWith('# Task: add() subtracts\n\n## README.md\n\n# add() subtracts')).toBe(true);
      expect(prompt).toContain('## AGENTS.md (working rules)\n\n- Do not edit test_calc.py.');
      expect(prompt).toContain('Run the tests from the working directory with: python3 -m unittest -q');
      expect(prompt).not.toContain('run_tests');
    } finally {
      await dirs.cleanup();
    }
  });
});
