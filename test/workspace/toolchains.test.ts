import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detectToolchains, missingToolchains, toolchainInfo, toolchainNames } from '../../src/workspace/toolchains.js';

function has(bin: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('toolchain registry', () => {
  it('knows the toolchains tasks name', () => {
    expect(toolchainNames()).toEqual(['cargo', 'rustc', 'python3', 'node', 'go', 'javac', 'java', 'git', 'bwrap']);
  });

  it.each([
    ['cargo', 'cargo 1.83.0 (5ffbef321 2024-10-29)', '1.83.0'],
    ['rustc', 'rustc 1.83.0 (90b35a623 2024-11-26)', '1.83.0'],
    ['python3', 'Python 3.12.1', '3.12.1'],
    ['node', 'v20.18.1', '20.18.1'],
    ['go', 'go version go1.22.5 linux/amd64', '1.22.5'],
    ['go', 'go version go1.19.8 linux/amd64', '1.19.8'],
    ['javac', 'javac 17.0.9', '17.0.9'],
    ['java', 'openjdk version "17.0.9" 2023-10-17\nOpenJDK Runtime Environment', '17.0.9'],
    ['java', 'java version "1.8.0_392"\nJava(TM) SE Runtime Environment', '1.8.0_392'],
    ['git', 'git version 2.39.2', '2.39.2'],
    ['bwrap', 'bubblewrap 0.8.0', '0.8.0'],
    ['python3', 'something else entirely', null],
  ])('%s parses %j', (name, output, version) => {
    expect(toolchainInfo(name)?.parse(output)).toBe(version);
  });
});

describe('detectToolchains (real binaries)', () => {
  it('finds the installed ones with a version, in parallel, quickly', async () => {
    const started = performance.now();
    const found = await detectToolchains();
    const took = performance.now() - started;
    console.log(`detectToolchains: ${Math.round(took)} ms`, found);
    expect(Object.keys(found)).toEqual(toolchainNames());
    for (const name of toolchainNames()) {
      const bin = toolchainInfo(name)?.bin as string;
      if (has(bin)) expect(found[name], name).toMatch(/^\d+\.\d+/);
      else expect(found[name], name).toBeNull();
    }
    expect(took).toBeLessThan(6000);
  });

  it('reports missing ones, unknown names included, and never runs a path', async () => {
    expect(await missingToolchains(['node', 'no-such-toolchain-xyz', './evil', '/bin/sh'])).toEqual(['no-such-toolchain-xyz', './evil', '/bin/sh']);
  });

  it('python3 and node are found with their real versions; a made-up name is null', async () => {
    const found = await detectToolchains(['python3', 'node', 'cab-made-up-toolchain-42']);
    expect(found.node).toBe(process.versions.node);
    expect(found.python3).toBe(execFileSync('python3', ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).trim());
    expect(found['cab-made-up-toolchain-42']).toBeNull();
    expect(await missingToolchains(['python3', 'node', 'cab-made-up-toolchain-42'])).toEqual(['cab-made-up-toolchain-42']);
  });

  it('never runs a name that is not a plain command (no shell, no path)', async () => {
    const found = await detectToolchains(['sh -c "touch /tmp/cab-pwned"', '../x', '$(id)']);
    expect(Object.values(found)).toEqual([null, null, null]);
  });

  it('tries an unknown plain name as `<name> --version`', async () => {
    const found = await detectToolchains(['sh', 'tar']);
    expect(found.tar).toMatch(/^\d+\.\d+/);
  });
});
