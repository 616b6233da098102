// Toolchains a task may need: a plain record name → how to ask its version and read the answer.
// Detection runs the real binaries (in parallel, short timeout, allowlisted env, from the temp
// dir so no project file in the user's cwd can steer rustup or go) and is cached per process.

import { tmpdir } from 'node:os';
import { onSearchPath } from '../util/executable.js';
import { childEnv } from './env.js';

export interface Toolchain {
  bin: string;
  versionArgs: string[];
  parse: (output: string) => string | null; // stdout + stderr → version, or null when unreadable
}

/** The first `1.2` / `1.2.3` / `17.0.9_1`-like number after `prefix` (a regex source). */
function versionAfter(prefix: string): (output: string) => string | null {
  const re = new RegExp(`${prefix}\\s*v?(\\d+(?:\\.\\d+)+(?:[._+-][0-9A-Za-z.]+)?)`);
  return (output) => re.exec(output)?.[1] ?? null;
}

const TOOLCHAINS: Record<string, Toolchain> = {
  cargo: { bin: 'cargo', versionArgs: ['--version'], parse: versionAfter('cargo') },
  rustc: { bin: 'rustc', versionArgs: ['--version'], parse: versionAfter('rustc') },
  python3: { bin: 'python3', versionArgs: ['--version'], parse: versionAfter('Python') },
  node: { bin: 'node', versionArgs: ['--version'], parse: versionAfter('^') },
  go: { bin: 'go', versionArgs: ['version'], parse: versionAfter('go version go') },
  javac: { bin: 'javac', versionArgs: ['-version'], parse: versionAfter('javac') },
  java: { bin: 'java', versionArgs: ['-version'], parse: versionAfter('version "?') },
  git: { bin: 'git', versionArgs: ['--version'], parse: versionAfter('git version') },
  bwrap: { bin: 'bwrap', versionArgs: ['--version'], parse: versionAfter('bubblewrap') },
};

const PROBE_TIMEOUT_MS = 5000;
const cache = new Map<string, Promise<string | null>>();

export function toolchainNames(): string[] {
  return Object.keys(TOOLCHAINS);
}

export function toolchainInfo(name: string): Toolchain | undefined {
  return TOOLCHAINS[name];
}

/** Runs the version command: the version (or its first line), null when missing or failing. */
async function probe(chain: Toolchain): Promise<string | null> {
  const { execFile } = await import('node:child_process'); // not at load: `list` only looks on PATH
  return new Promise((resolve) => {
    const options = { timeout: PROBE_TIMEOUT_MS, cwd: tmpdir(), env: childEnv(), maxBuffer: 64 * 1024 };
    execFile(chain.bin, chain.versionArgs, options, (error, stdout, stderr) => {
      if (error) return resolve(null);
      const output = `${stdout}\n${stderr}`.trim();
      resolve(chain.parse(output) ?? (output.split('\n')[0] || 'unknown version')); // it ran: present

    });
  });
}

/** Unknown names are tried as `<name> --version` when they look like a plain command name. */
function chainFor(name: string): Toolchain | null {
  const known = TOOLCHAINS[name];
  if (known) return known;
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name)) return null;
  return { bin: name, versionArgs: ['--version'], parse: versionAfter('') };
}

function version(name: string): Promise<string | null> {
  let found = cache.get(name);
  if (!found) {
    const chain = chainFor(name);
    found = chain ? probe(chain) : Promise.resolve(null);
    cache.set(name, found);
  }
  return found;
}

export async function detectToolchains(names: readonly string[] = toolchainNames()): Promise<Record<string, string | null>> {
  const entries = await Promise.all(names.map(async (name) => [name, await version(name)] as const));
  return Object.fromEntries(entries);
}

/**
 * Toolchains whose command is not on PATH. A PATH lookup, no process started: `list` and each
 * `check` cell stay instant (version shims such as pyenv's take ~100 ms to answer). `doctor`
 * runs the real version commands.
 */
export async function missingToolchains(names: readonly string[]): Promise<string[]> {
  return names.filter((name) => {
    const chain = chainFor(name);
    return chain === null || !onSearchPath(chain.bin, process.env.PATH ?? '');
  });
}
