// On Node ≥ 22.1, V8 keeps the compiled code of the chunks we import in our cache folder, so a
// warm start skips compiling undici & co. Node 20 has no `module.enableCompileCache`: skipped.
// Best effort: a cache that cannot be written only costs the speed-up.

import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { cacheRoot } from './cache-dir.js';

type EnableCompileCache = (dir?: string) => unknown;

export function enableCompileCache(env: NodeJS.ProcessEnv): boolean {
  const enable = (nodeModule as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function' || env.NODE_DISABLE_COMPILE_CACHE) return false;
  try {
    enable(join(cacheRoot(env), 'compile-cache'));
    return true;
  } catch {
    return false;
  }
}
