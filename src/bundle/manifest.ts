// manifest.json is the bundle's first entry: `list` reads it and stops, without unpacking
// (or even decompressing) the rest of the bundle.

import type { ReadEntry } from 'tar';
import { CabError } from '../errors.js';
import type { SafeEntry } from './entry-check.js';
import { DEFAULT_EXTRACT_LIMITS } from './limits.js';
import { bundleError, walkTarball, type WalkControl } from './tar-walk.js';
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

export async function readManifest(bundlePath: string): Promise<Manifest> {
  let manifest: Manifest | undefined;
  let first = true;
  await walkTarball(bundlePath, { ...DEFAULT_EXTRACT_LIMITS }, (entry, body, control) => {
    if (!first) {
      body.resume();
      return;
    }
    first = false;
    takeManifest(entry, body, control, (parsed) => {
      manifest = parsed;
      control.stop();
    });
  });
  if (!manifest) throw bundleError(`bundle ${bundlePath} has no ${MANIFEST_NAME}`);
  return manifest;
}
