// Our one cache folder: $XDG_CACHE_HOME/codingagentbench (else ~/.cache/codingagentbench).
// Downloaded bundles live under bundles/, V8's compile cache (Node ≥ 22.1) under compile-cache/.

import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  return join(base, 'codingagentbench');
}
