// globalSetup: the whole run gets a private temp folder (TMPDIR, inherited by every worker and
// every CLI the tests spawn), so other runs on the machine cannot confuse the check. At the end
// any folder left there with one of our prefixes fails the run, naming it; then the private
// folder goes, whatever toolchains left in it (go-build…, etc.).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMP_PREFIXES } from '../helpers/temp.js';

export default function setup(): () => void {
  const outer = tmpdir();
  const previous = process.env.TMPDIR;
  const own = mkdtempSync(join(outer, 'cab-suite-'));
  process.env.TMPDIR = own;
  return () => {
    const left = readdirSync(own).filter((name) => TEMP_PREFIXES.some((p) => name.startsWith(p)));
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    try {
      rmSync(own, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      spawnSync('chmod', ['-R', 'u+w', own]); // read-only module caches
      rmSync(own, { recursive: true, force: true, maxRetries: 3 });
    }
    if (left.length > 0) {
      process.exitCode = 1; // vitest only logs an error thrown here
      throw new Error(`the tests left ${left.length} temp folder(s) behind (now removed): ${left.join(', ')}; create them with tempDir() from test/helpers/temp.ts`);
    }
  };
}
