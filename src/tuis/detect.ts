// Finding an agent CLI: CAB_AGENTS_PATH (bin dirs, ':'-separated, searched first) then PATH.
// Its version comes from the npm package.json next to the resolved executable when there is one
// (no need to start the CLI), else from `<bin> --version`.

import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { isExecutableFile } from '../util/executable.js';
import type { AdapterSpec } from './adapter.js';

export interface FoundCli {
  path: string; // absolute path of the executable as found (may be a symlink)
  dir: string; // its folder, put first on the CLI's PATH
}

/** Bin dirs searched, in order: CAB_AGENTS_PATH, then PATH. */
export function searchPath(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const dirs = [...(env['CAB_AGENTS_PATH'] ?? '').split(delimiter), ...(env['PATH'] ?? '').split(delimiter)];
  return [...new Set(dirs.filter((d) => d !== '' && isAbsolute(d)))];
}

export function findCli(bin: string, env: Readonly<Record<string, string | undefined>> = process.env): FoundCli | null {
  for (const dir of searchPath(env)) {
    const path = join(dir, bin);
    if (isExecutableFile(path)) return { path, dir };
  }
  return null;
}

const SEMVER = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/;

/** First version-looking token of a `--version` output ("codex-cli 0.171.0" → "0.171.0"). */
export function parseVersion(text: string): string | null {
  return SEMVER.exec(text)?.[0] ?? null;
}

async function packageVersion(found: FoundCli, packageName: string): Promise<string | null> {
  let dir: string;
  try {
    dir = dirname(realpathSync(found.path));
  } catch {
    return null;
  }
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === packageName && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: go up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

const versions = new Map<string, Promise<string | null>>();

/** The CLI's version (cached per path), or null when it cannot be told. */
export function cliVersion(spec: Pick<AdapterSpec, 'packageName' | 'versionArgs'>, found: FoundCli): Promise<string | null> {
  let cached = versions.get(found.path);
  if (cached === undefined) {
    cached = (async () => {
      const fromPackage = spec.packageName === null ? null : await packageVersion(found, spec.packageName);
      if (fromPackage !== null) return fromPackage;
      const { runCommand } = await import('../workspace/exec.js');
      const r = await runCommand({ argv: [found.path, ...(spec.versionArgs ?? ['--version'])], cwd: dirname(found.path), timeoutMs: 20_000, sandbox: 'none', env: { PATH: [found.dir, process.env['PATH'] ?? ''].join(delimiter) } });
      return parseVersion(`${r.stdout}\n${r.stderr}`);
    })();
    versions.set(found.path, cached);
  }
  return cached;
}
