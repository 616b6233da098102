// The one list of what no agent command may ever see, hidden explicitly even when a bound system
// folder holds it (a global npm install lives under /usr): this package's own folder (it ships
// every task's solution and grader) and its global installs, a `tasks-bundle/` next to it, the
// bundle in use, the download cache, and every live scratch root (exec adds those, minus the
// command's own workdir).

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@codingagentbench/cli';
const extra = new Set<string>();
let knownRoot: string | null | undefined;

/** The folder of the package.json that names this package, walking up from this file (dist/ or src/). */
export function packageRoot(): string | null {
  knownRoot ??= findPackageRoot();
  return knownRoot;
}

function findPackageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
      } catch {
        // not ours: keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Our download and agent-CLI cache: `$XDG_CACHE_HOME/codingagentbench`, else ~/.cache/codingagentbench. */
export function cabCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'codingagentbench');
}

/** Hides one more path from every sandboxed command from now on (check passes the bundle in use). */
export function hidePath(path: string): void {
  extra.add(resolve(path));
}

/** Other installs of this package where npm puts global ones (under /usr, which is shown). */
function globalInstalls(): string[] {
  const prefixes = ['/usr', '/usr/local', '/opt/homebrew', dirname(dirname(process.execPath))];
  return prefixes.map((prefix) => join(prefix, 'lib', 'node_modules', ...PACKAGE_NAME.split('/')));
}

/** Every path to hide that exists now (files and folders). */
export function hiddenPaths(): string[] {
  const root = packageRoot();
  const candidates = [
    ...(root ? [root, join(root, 'tasks-bundle'), join(dirname(root), 'tasks-bundle')] : []),
    ...globalInstalls(),
    cabCacheRoot(),
    ...(process.env.CAB_DEFAULT_BUNDLE ? [resolve(process.env.CAB_DEFAULT_BUNDLE)] : []),
    ...extra,
  ];
  return [...new Set(candidates)].filter((path) => existsSync(path));
}
