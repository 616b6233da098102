// bwrap, where it works: read-only root, only the workdir (and named dirs) writable, a private
// /tmp, no network, its own PID namespace (so nothing outlives the command), no capabilities.
// Probed once per process with the same flags a real run uses; CAB_SANDBOX=none turns it off.

import { spawn } from 'node:child_process';
import type { SandboxKind } from './types.js';

const BASE = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
const ISOLATE = ['--unshare-net', '--unshare-pid', '--unshare-ipc', '--die-with-parent'];
const CAP_DROP = ['--cap-drop', 'ALL'];

interface Probe {
  kind: SandboxKind;
  capDrop: boolean; // `--cap-drop ALL` accepted (it matters when running as root)
}

let probed: Promise<Probe> | null = null;

function succeeds(args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('bwrap', args, { stdio: 'ignore', timeout: 5000 });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

async function probe(): Promise<Probe> {
  if (process.platform !== 'linux') return { kind: 'none', capDrop: false };
  if (await succeeds([...BASE, ...ISOLATE, ...CAP_DROP, 'true'])) return { kind: 'bwrap', capDrop: true };
  if (await succeeds([...BASE, ...ISOLATE, 'true'])) return { kind: 'bwrap', capDrop: false };
  return { kind: 'none', capDrop: false };
}

function probeOnce(): Promise<Probe> {
  probed ??= probe();
  return probed;
}

function disabled(): boolean {
  return process.env.CAB_SANDBOX === 'none';
}

/** 'bwrap' when bubblewrap is installed and can create its namespaces here, else 'none'. */
export async function sandboxAvailable(): Promise<SandboxKind> {
  if (disabled()) return 'none';
  return (await probeOnce()).kind;
}

export interface SandboxMounts {
  cwd: string; // bound read-write (read-only with cwdReadOnly), and the working directory inside
  cwdReadOnly?: boolean; // grading: the graded tree cannot be changed by the code it runs
  writable: readonly string[]; // bound read-write at the same path
  readable: readonly string[]; // bound read-only at the same path (under a hidden folder, say)
  hide: readonly string[]; // covered by an empty tmpfs before the binds (the rest of the scratch dir)
}

/** The bwrap argv running `argv` with the given mounts; null when the sandbox is off or unusable. */
export async function sandboxArgv(argv: readonly string[], mounts: SandboxMounts): Promise<string[] | null> {
  if (disabled()) return null;
  const { kind, capDrop } = await probeOnce();
  if (kind !== 'bwrap') return null;
  const args = [...BASE];
  for (const dir of mounts.hide) args.push('--tmpfs', dir);
  for (const dir of mounts.readable) args.push('--ro-bind', dir, dir);
  if (mounts.cwdReadOnly) args.push('--ro-bind', mounts.cwd, mounts.cwd);
  for (const dir of new Set(mounts.cwdReadOnly ? mounts.writable : [mounts.cwd, ...mounts.writable])) args.push('--bind', dir, dir);
  args.push(...ISOLATE, ...(capDrop ? CAP_DROP : []), '--chdir', mounts.cwd, '--', ...argv);
  return ['bwrap', ...args];
}
