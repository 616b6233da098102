// "Is there a program here?" without starting it: an executable regular file (synchronous and
// node:fs only, so `list` can ask at start-up; command-path.ts has the async search for exec).

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `bin` found as an executable file in a folder of `path` (a PATH-style list; empty entries skipped). */
export function onSearchPath(bin: string, path: string): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && isExecutableFile(join(dir, bin)));
}
