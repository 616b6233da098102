// The folder an agent CLI is installed in, bound read-only inside the sandbox: for an npm install
// the prefix that holds its node_modules/ (the CLI's own package and the platform packages it
// starts, e.g. opencode's native binary), else the folder of the resolved executable.

import { realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { FoundCli } from './detect.js';

export function installRoots(found: FoundCli): string[] {
  let real: string;
  try {
    real = realpathSync(found.path);
  } catch {
    return [found.dir];
  }
  const at = real.lastIndexOf(`${sep}node_modules${sep}`);
  const root = at > 0 ? real.slice(0, at) : dirname(real);
  const dir = (() => {
    try {
      return realpathSync(found.dir);
    } catch {
      return found.dir;
    }
  })();
  return [...new Set([root, ...(dir.startsWith(root + sep) || dir === root ? [] : [dir])])];
}
