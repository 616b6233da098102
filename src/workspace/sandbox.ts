// bwrap, where it works: read-only root, only the workdir (and named dirs) writable, a private
// /tmp, no network. Probed once per process; CAB_SANDBOX=none turns it off.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SandboxKind } from './types.js';

let probed: SandboxKind | null = null;

export function sandboxAvailable(): Promise<SandboxKind> {
  return Promise.resolve(sandboxKind());
}

export function sandboxKind(): SandboxKind {
  if (process.env.CAB_SANDBOX === 'none' || process.platform !== 'linux') return 'none';
  if (probed === null) {
    const r = spawnSync('bwrap', ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-net', '--die-with-parent', 'true'], { stdio: 'ignore', timeout: 5000 });
    probed = r.status === 0 ? 'bwrap' : 'none';
  }
  return probed;
}

/** A persistent, writable Go build cache of our own (the real one stays read-only). */
export function sandboxCacheDir(name: string): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const dir = join(base, 'codingagentbench', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface SandboxPlan {
  argv: string[];
  env: Record<string, string>;
}

export function bwrapArgv(argv: string[], cwd: string, writable: readonly string[], readable: readonly string[]): SandboxPlan {
  const goCache = sandboxCacheDir('go-build');
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
  for (const dir of readable) args.push('--ro-bind', dir, dir);
  for (const dir of new Set([cwd, ...writable, goCache])) args.push('--bind', dir, dir);
  args.push('--unshare-net', '--die-with-parent', '--chdir', cwd, '--', ...argv);
  return { argv: ['bwrap', ...args], env: { TMPDIR: '/tmp', GOCACHE: goCache } };
}
