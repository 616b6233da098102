// manifest.json is the bundle's first entry: `list` reads it and stops, without unpacking
// (or even decompressing) the rest of the bundle, and without loading the tar library.

import type { ReadEntry } from 'tar';
import { CabError } from '../errors.js';
import { createEntryChecker, type SafeEntry } from './entry-check.js';
import { readFirstEntry } from './first-entry.js';
import { DEFAULT_EXTRACT_LIMITS } from './limits.js';
import { bundleError, type WalkControl } from './tar-walk.js';
import { parseManifest, type Manifest } from './task-spec.js';

export const MANIFEST_NAME = 'manifest.json';
const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Checks that `entry` is the manifest and reads it. `onManifest` runs synchronously when the
 * body ends — before the parser moves on to the next entry — so it can stop the walk there.
 */
export function takeManifest(
  entry: SafeEntry,
  body: ReadEntry,
  control: WalkControl,
  onManifest: (manifest: Manifest) => void,
): void {
  if (entry.path !== MANIFEST_NAME || entry.kind !== 'file') {
    throw bundleError(`${MANIFEST_NAME} is not the first entry of the bundle (found ${JSON.stringify(entry.path)})`);
  }
  if (entry.size > MANIFEST_MAX_BYTES) throw bundleError(`${MANIFEST_NAME} is larger than ${MANIFEST_MAX_BYTES} bytes`);
  const chunks: Buffer[] = [];
  body.on('data', (chunk: Buffer) => chunks.push(chunk));
  body.on('end', () => {
    try {
      onManifest(parseManifestBytes(Buffer.concat(chunks)));
    } catch (error) {
      control.fail(error);
    }
  });
}

export function parseManifestBytes(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CabError('bundle', `${MANIFEST_NAME}: not valid JSON (${(error as Error).message})`, {
      hint: 'the bundle is damaged; download it again or rebuild it with `codingagentbench bundle`',
      cause: error,
    });
  }
  return parseManifest(json);
}

/** Reads only the first entry (no tar library, nothing else decompressed): what `list` needs. */
export async function readManifest(bundlePath: string): Promise<Manifest> {
  const check = createEntryChecker({ ...DEFAULT_EXTRACT_LIMITS });
  const first = await readFirstEntry(bundlePath, (header) => {
    const entry = check(header as unknown as ReadEntry);
    if (entry.path !== MANIFEST_NAME || entry.kind !== 'file') {
      throw bundleError(`${MANIFEST_NAME} is not the first entry of the bundle (found ${JSON.stringify(entry.path)})`);
    }
    if (entry.size > MANIFEST_MAX_BYTES) throw bundleError(`${MANIFEST_NAME} is larger than ${MANIFEST_MAX_BYTES} bytes`);
  });
  if (!first) throw bundleError(`bundle ${bundlePath} has no ${MANIFEST_NAME}`);
  return parseManifestBytes(first.body);
}
