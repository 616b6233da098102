// Which tests can run on this machine. A test that needs a toolchain the machine lacks is
// skipped with the reason in its title — `it.skipIf(go.missing)(\`runs go${go.reason}\`, …)` —
// so `npm test` passes on a fresh machine with only node and python3. Under CI (where .ci/run
// installs everything) a missing toolchain is a failure instead: nothing is skipped silently.

import { onSearchPath } from '../../src/util/executable.js';

/** The toolchains the suite knows, and the command that proves each one is present. */
const BINS = {
  cargo: 'cargo',
  go: 'go',
  javac: 'javac',
  java: 'java',
  bwrap: 'bwrap',
  tmux: 'tmux',
  python3: 'python3',
} as const;

export type SuiteToolchain = keyof typeof BINS;

export interface Need {
  missing: boolean;
  /** '' when present, else ` (skipped: needs go, javac)` to append to the test's title. */
  reason: string;
  /** The missing toolchains, by name. */
  lacking: string[];
}

export function onPath(bin: string, path = process.env.PATH ?? ''): boolean {
  return onSearchPath(bin, path);
}

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Missing task toolchains by name (a task's `toolchains` list may hold names we do not know: tried as commands). */
export function lacking(names: readonly string[]): string[] {
  return names.filter((name) => !onPath((BINS as Record<string, string>)[name] ?? name));
}

const warned = new Set<string>();

/** What a test needs; throws under CI when something is missing (a failure, not a skip). */
export function needs(...names: SuiteToolchain[]): Need {
  return needsAll(names);
}

/** needs() for names from data (a task's `toolchains`, `bwrap` for a --shell run): unknown names are tried as commands. */
export function needsAll(names: readonly string[], missingToo: readonly string[] = []): Need {
  const missing = [...lacking(names), ...missingToo];
  if (missing.length > 0 && inCi()) {
    throw new Error(`CI is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: .ci/run installs every toolchain the suite needs`);
  }
  const note = `skipping tests that need ${missing.join(', ')} (missing on this machine)`;
  if (missing.length > 0 && !warned.has(note)) console.warn(note); // shown beside the file, once
  warned.add(note);
  return { missing: missing.length > 0, reason: missing.length > 0 ? ` (skipped: needs ${missing.join(', ')})` : '', lacking: missing };
}
