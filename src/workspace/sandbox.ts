// bwrap, where it works: an allowlisted view of the machine (system folders and the toolchains on
// PATH, read-only — sandbox-view.ts), a fresh empty HOME, a private /tmp, /dev and /proc of its own
// PID namespace, only the workdir (and named dirs) writable, no network unless asked, no
// capabilities; everything in hidden-paths.ts covered even where a bound folder holds it.
// Probed once per process with the same flags a real run uses; CAB_SANDBOX=none turns it off.

import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { sep } from 'node:path';
import { sandboxView, type SandboxView } from './sandbox-view.js';
import type { SandboxKind } from './types.js';

/** HOME inside the sandbox when the caller brings none: an empty tmpfs at a path of no one's. */
export const SANDBOX_HOME = '/home/cab-agent';

const PRIVATE = ['--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
const ISOLATE = ['--unshare-pid', '--unshare-ipc', '--die-with-parent'];
const NO_NET = ['--unshare-net'];
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
  const view = await sandboxView();
  const base = [...viewArgs(view), ...PRIVATE, '--tmpfs', SANDBOX_HOME, '--remount-ro', '/', ...ISOLATE, ...NO_NET];
  if (await succeeds([...base, ...CAP_DROP, 'true'])) return { kind: 'bwrap', capDrop: true };
  if (await succeeds([...base, 'true'])) return { kind: 'bwrap', capDrop: false };
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
  cwd: string; // bound read-write (read-only when also in `readable`), and the working directory inside
  writable: readonly string[]; // bound read-write at the same path
  readable: readonly string[]; // bound read-only at the same path (an agent CLI's install folder, the grader)
  hide: readonly string[]; // covered (tmpfs, or /dev/null over a file) wherever a mount would show them
  home?: string | null; // bound read-write as HOME (an agent CLI's private home); default an empty tmpfs
  network?: boolean; // share the host network (the loopback proxy); default none
}

/** What the caller must set in the child's environment for the view to work (HOME, toolchain homes). */
export interface SandboxPlan {
  argv: string[];
  env: Record<string, string>;
}

function viewArgs(view: SandboxView): string[] {
  const args: string[] = [];
  for (const dir of view.readOnly) args.push('--ro-bind', dir, dir);
  for (const [target, path] of view.links) args.push('--symlink', target, path);
  return args;
}

function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}

function hideArgs(path: string): string[] {
  const isDir = (() => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return null;
    }
  })();
  if (isDir === null) return [];
  return isDir ? ['--tmpfs', path] : ['--ro-bind', '/dev/null', path];
}

/**
 * Hides go in two places: before the wanted binds when they hold one (the scratch root around the
 * workdir, where a system folder shows it), after them otherwise, so that no bind can reveal them.
 * A path no mount shows is skipped, and so is one the caller asked for by name.
 */
function mountArgs(view: SandboxView, mounts: SandboxMounts, home: string): string[] {
  const homeBind = mounts.home ? [['--bind', mounts.home, home]] : [['--tmpfs', home]];
  const writable = [...new Set([mounts.cwd, ...mounts.writable])].filter((d) => !mounts.readable.includes(d)); // read-only wins
  const binds = [...mounts.readable.map((d) => ['--ro-bind', d, d]), ...writable.map((d) => ['--bind', d, d])];
  const wanted = [...binds.map((m) => m[2] as string), ...(mounts.home ? [mounts.home] : [])];
  const inView = (p: string): boolean => view.readOnly.some((d) => within(p, d) || within(d, p));
  const hides = mounts.hide.filter((p) => !wanted.includes(p) && (inView(p) || wanted.some((d) => within(p, d))));
  const early = hides.filter((p) => inView(p) && wanted.some((d) => within(d, p)));
  const late = hides.filter((p) => !early.includes(p) && !wanted.some((d) => within(d, p)));
  return [...early.flatMap(hideArgs), ...homeBind.flat(), ...binds.flat(), ...late.flatMap(hideArgs)];
}

/** The bwrap argv running `argv` with the given mounts (and its env); null when the sandbox is off or unusable. */
export async function sandboxPlan(argv: readonly string[], mounts: SandboxMounts): Promise<SandboxPlan | null> {
  if (disabled()) return null;
  const { kind, capDrop } = await probeOnce();
  if (kind !== 'bwrap') return null;
  const view = await sandboxView();
  const home = mounts.home ?? SANDBOX_HOME;
  const args = [...viewArgs(view), ...PRIVATE, ...mountArgs(view, mounts, home), '--remount-ro', '/', ...ISOLATE, ...(mounts.network ? [] : NO_NET)];
  args.push(...(capDrop ? CAP_DROP : []), '--chdir', mounts.cwd, '--', ...argv);
  return { argv: ['bwrap', ...args], env: { ...view.env, HOME: home, TMPDIR: '/tmp' } };
}

/** The bwrap argv alone (kept for callers that only need the argv). */
export async function sandboxArgv(argv: readonly string[], mounts: SandboxMounts): Promise<string[] | null> {
  return (await sandboxPlan(argv, mounts))?.argv ?? null;
}
