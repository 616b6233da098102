// The one error for an agent CLI that is not installed: names where we looked and how to install it.

import { CabError } from '../errors.js';
import type { AdapterSpec } from './adapter.js';

export function notInstalled(spec: Pick<AdapterSpec, 'name' | 'bin' | 'install'>): CabError {
  return new CabError('usage', `--tui ${spec.name}: the ${spec.bin} CLI is not installed (looked in CAB_AGENTS_PATH and PATH)`, {
    hint: `install it: ${spec.install} (or set CAB_AGENTS_PATH to the folder holding ${spec.bin})`,
  });
}
