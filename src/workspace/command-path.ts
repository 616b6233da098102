// Finding a command the way execvp would, before spawning: inside bwrap a missing binary is only
// bwrap's own exit 1, so "command not found" has to be decided here.

import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

async function executable(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The file `command` runs (searched on `pathVar` unless it holds a `/`), or null. */
export async function resolveCommand(command: string, pathVar: string, cwd: string): Promise<string | null> {
  if (command === '') return null;
  if (command.includes('/')) {
    const abs = isAbsolute(command) ? command : resolve(cwd, command);
    return (await executable(abs)) ? abs : null;
  }
  for (const dir of pathVar.split(delimiter)) {
    const candidate = join(dir === '' ? cwd : resolve(cwd, dir), command);
    if (await executable(candidate)) return candidate;
  }
  return null;
}
