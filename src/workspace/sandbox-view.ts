// What a sandboxed command may see of this machine (an allowlist, never the whole root): the
// system folders, the toolchains actually on PATH at their real locations (with the homes of
// rustup, cargo and pyenv), and the variables those toolchains need once HOME is a fresh one.
// Computed once per process: PATH and the toolchain homes do not change during a run.

import { execFile } from 'node:child_process';
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join, sep } from 'node:path';

export interface SandboxView {
  links: Array<[target: string, path: string]>; // top-level symlinks (/bin → usr/bin) recreated as links
  readOnly: string[]; // system folders and toolchain folders, bound read-only at the same path
  env: Record<string, string>; // CARGO_HOME, RUSTUP_HOME, PYENV_ROOT, GOROOT … set to the real paths
}

const SYSTEM = ['/usr', '/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32', '/etc', '/opt'];
const TOOL_BINS = ['cargo', 'rustc', 'rustup', 'python3', 'python', 'pyenv', 'node', 'npm', 'go', 'java', 'javac', 'git', 'bash', 'sh'];

function realDir(path: string): string | null {
  try {
    const real = realpathSync(path);
    return statSync(real).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === '/' ? '/' : dir + sep);
}

export function isSystemPath(path: string): boolean {
  return SYSTEM.some((dir) => within(path, dir));
}

/** A toolchain's home: CARGO_HOME, RUSTUP_HOME, PYENV_ROOT, GOROOT, JAVA_HOME, NVM_DIR (env or default). */
function toolHomes(env: NodeJS.ProcessEnv, goroot: string | null): Record<string, string> {
  const home = homedir();
  const homes: Record<string, string | undefined> = {
    CARGO_HOME: env.CARGO_HOME ?? join(home, '.cargo'),
    RUSTUP_HOME: env.RUSTUP_HOME ?? join(home, '.rustup'),
    PYENV_ROOT: env.PYENV_ROOT ?? join(home, '.pyenv'),
    GOROOT: env.GOROOT ?? goroot ?? undefined,
    JAVA_HOME: env.JAVA_HOME,
    NVM_DIR: env.NVM_DIR,
  };
  const found: Record<string, string> = {};
  for (const [name, dir] of Object.entries(homes)) {
    const real = dir ? realDir(dir) : null;
    if (real) found[name] = real;
  }
  return found;
}

/** Where a binary's toolchain lives: the folder above its `bin/`, else its own folder. */
function installRoot(binDir: string): string {
  return basename(binDir) === 'bin' ? dirname(binDir) : binDir;
}

/** Folders of PATH entries and of the known toolchain binaries on it, outside the system folders. */
function toolDirs(pathVar: string): string[] {
  const dirs = new Set<string>();
  const home = realDir(homedir());
  for (const entry of pathVar.split(delimiter)) {
    const dir = entry.startsWith('/') ? realDir(entry) : null;
    if (dir === null || isSystemPath(dir)) continue;
    const root = installRoot(dir);
    dirs.add(root === home || root === '/' || isSystemPath(root) ? dir : root);
    for (const bin of TOOL_BINS) {
      const real = realFile(join(entry, bin));
      if (real && !isSystemPath(real)) dirs.add(installRoot(dirname(real)));
    }
  }
  return [...dirs].filter((dir) => dir !== home && dir !== '/');
}

function realFile(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** `go env GOROOT` when go is on PATH and GOROOT is not set (apt's go lives under /usr anyway). */
function goRoot(env: NodeJS.ProcessEnv): Promise<string | null> {
  if (env.GOROOT) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('go', ['env', 'GOROOT'], { timeout: 5000, env: { PATH: env.PATH ?? '', HOME: homedir(), GOTOOLCHAIN: 'local' } }, (error, stdout) => {
      resolve(error ? null : stdout.trim() || null);
    });
  });
}

/** The system folders that exist: real folders bound, top-level links recreated. */
function systemMounts(): Pick<SandboxView, 'links' | 'readOnly'> {
  const links: SandboxView['links'] = [];
  const readOnly: string[] = [];
  for (const dir of SYSTEM) {
    const info = (() => {
      try {
        return lstatSync(dir);
      } catch {
        return null;
      }
    })();
    if (info?.isSymbolicLink()) links.push([readlinkSync(dir), dir]);
    else if (info?.isDirectory()) readOnly.push(dir);
  }
  return { links, readOnly };
}

/** Toolchain homes a PATH entry (or toolchain binary) points into are bound, and named in the env. */
async function computeView(env: NodeJS.ProcessEnv): Promise<SandboxView> {
  const system = systemMounts();
  const dirs = toolDirs(env.PATH ?? '');
  const homes = toolHomes(env, await goRoot(env));
  const used: Record<string, string> = {};
  for (const [name, dir] of Object.entries(homes)) {
    if (isSystemPath(dir)) continue;
    if (dirs.some((d) => within(d, dir) || within(dir, d))) used[name] = dir;
  }
  if (used.CARGO_HOME && homes.RUSTUP_HOME && !isSystemPath(homes.RUSTUP_HOME)) used.RUSTUP_HOME = homes.RUSTUP_HOME; // rustup's proxies need it
  const readOnly = [...dirs, ...Object.values(used)].filter((d, i, all) => !all.some((o, j) => j !== i && o !== d && within(d, o)));
  return { ...system, readOnly: [...system.readOnly, ...new Set(readOnly)], env: used };
}

let cached: Promise<SandboxView> | null = null;

/** The allowlist for this process (computed on first use). */
export function sandboxView(): Promise<SandboxView> {
  cached ??= computeView(process.env);
  return cached;
}
