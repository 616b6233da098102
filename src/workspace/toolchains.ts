// Toolchains a task may need: a plain record name → how to ask its version. Detection runs the
// real binaries (in parallel, with a short timeout) and is cached for the process.

import { execFile } from 'node:child_process';

interface Toolchain {
  bin: string;
  args: string[];
}

const TOOLCHAINS: Record<string, Toolchain> = {
  cargo: { bin: 'cargo', args: ['--version'] },
  rustc: { bin: 'rustc', args: ['--version'] },
  python3: { bin: 'python3', args: ['--version'] },
  node: { bin: 'node', args: ['--version'] },
  go: { bin: 'go', args: ['version'] },
  javac: { bin: 'javac', args: ['-version'] },
  java: { bin: 'java', args: ['-version'] },
  git: { bin: 'git', args: ['--version'] },
  bwrap: { bin: 'bwrap', args: ['--version'] },
};

const cache = new Map<string, Promise<string | null>>();

export function toolchainNames(): string[] {
  return Object.keys(TOOLCHAINS);
}

function firstLine(text: string): string | null {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line ? line.trim() : null;
}

function probe(name: string): Promise<string | null> {
  const chain = TOOLCHAINS[name] ?? { bin: name, args: ['--version'] };
  return new Promise((resolve) => {
    execFile(chain.bin, chain.args, { timeout: 10_000, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(null);
      const line = firstLine(`${stdout}\n${stderr}`);
      resolve(error && typeof error.code === 'number' ? null : line);
    });
  });
}

function version(name: string): Promise<string | null> {
  let found = cache.get(name);
  if (!found) {
    found = probe(name);
    cache.set(name, found);
  }
  return found;
}

export async function detectToolchains(names: readonly string[] = toolchainNames()): Promise<Record<string, string | null>> {
  const entries = await Promise.all(names.map(async (name) => [name, await version(name)] as const));
  return Object.fromEntries(entries);
}

export async function missingToolchains(names: readonly string[]): Promise<string[]> {
  const found = await detectToolchains(names);
  return names.filter((name) => !found[name]);
}
