// Where the bundle comes from: the one shipped next to dist/cli.cjs, a local path, or an
// https URL (downloaded once, then served from the cache). Always returns a local file path.

import { statSync, type Stats } from 'node:fs'; // sync: one stat, and node:fs/promises would load a dozen modules at `list`'s start
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CabError } from '../errors.js';
import type { DownloadOptions } from './download.js';

export interface ResolveOptions extends DownloadOptions {
  /** Relative local paths resolve against this (default: process.cwd()). */
  cwd?: string;
}

/** `CAB_DEFAULT_BUNDLE` when set; else tasks.tar.gz next to dist/cli.cjs (this code runs from
 *  dist/main.cjs or from a chunk in dist/lazy/). */
export function defaultBundlePath(): string {
  const override = process.env.CAB_DEFAULT_BUNDLE;
  if (override) return resolve(override);
  const here = dirname(fileURLToPath(import.meta.url));
  return join(basename(here) === 'lazy' ? dirname(here) : here, 'tasks.tar.gz');
}

function normaliseSha(sha256: string | undefined): string | undefined {
  if (sha256 === undefined || sha256 === '') return undefined;
  if (!/^[0-9a-fA-F]{64}$/.test(sha256)) {
    throw new CabError('usage', `--sha256 must be 64 hexadecimal characters (got ${JSON.stringify(sha256.slice(0, 80))})`, {
      hint: 'copy the value printed by `sha256sum <bundle>`',
    });
  }
  return sha256.toLowerCase();
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

async function localBundle(path: string, sha256: string | undefined, builtIn: boolean): Promise<string> {
  const info = statOrNull(path);
  if (!info) {
    throw new CabError('bundle', builtIn ? `the built-in task bundle is missing (${path})` : `bundle not found: ${path}`, {
      hint: builtIn
        ? 'build it with `npm run build`, or pass --bundle <path|https-url>'
        : 'pass a .tar.gz made by `codingagentbench bundle`, or an https:// URL',
    });
  }
  if (!info.isFile()) {
    throw new CabError('bundle', `bundle ${path} is not a file`, { hint: 'pass the .tar.gz file, not a folder (`codingagentbench bundle <dir> -o <file>` packs a folder)' });
  }
  if (sha256 !== undefined) {
    const { sha256File } = await import('./task-hash.js'); // node:crypto only when asked
    const actual = await sha256File(path);
    if (actual !== sha256) {
      throw new CabError('checksum', `bundle ${path} has sha256 ${actual}, expected ${sha256}`, { hint: 'check the --sha256 value or the file' });
    }
  }
  return path;
}

export async function resolveBundle(spec: string | undefined, opts: ResolveOptions = {}): Promise<string> {
  const sha256 = normaliseSha(opts.sha256);
  if (spec === undefined || spec === '') return localBundle(defaultBundlePath(), sha256, true);
  if (/^https:\/\//i.test(spec) || /^http:\/\//i.test(spec)) {
    if (/^http:/i.test(spec) && !opts.allowHttp) {
      throw new CabError('usage', `refusing to download a bundle over plain http: ${spec.replace(/\/\/[^/@]*@/, '//')}`, {
        hint: 'use an https:// URL (or --allow-http on a network you trust)',
      });
    }
    const { downloadBundle } = await import('./download.js');
    return downloadBundle(spec, { ...opts, sha256 });
  }
  if (/^file:/i.test(spec)) return localBundle(fileURLToPath(spec), sha256, false);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new CabError('usage', `unsupported bundle URL scheme: ${spec.split(':')[0]}`, { hint: 'pass a local path or an https:// URL' });
  }
  return localBundle(resolve(opts.cwd ?? process.cwd(), spec), sha256, false);
}
