// What `doctor` says about each driver: built in, or an agent CLI found on CAB_AGENTS_PATH/PATH
// (with its version and path), or missing (with how to install it).

import { ADAPTERS } from './adapters.js';
import { cliVersion, findCli } from './detect.js';
import { RESERVED_TUIS, tuiNames } from './registry.js';

export interface TuiStatus {
  available: boolean;
  version: string | null;
  detail: string;
}

export async function tuiStatus(env: Readonly<Record<string, string | undefined>> = process.env): Promise<Record<string, TuiStatus>> {
  const out: Record<string, TuiStatus> = {};
  const adapters = new Map(ADAPTERS.map((a) => [a.name, a]));
  const checks = tuiNames().map(async (name): Promise<[string, TuiStatus]> => {
    const spec = adapters.get(name);
    if (spec === undefined) return [name, { available: true, version: null, detail: 'built in' }];
    const found = findCli(spec.bin, env);
    if (found === null) return [name, { available: false, version: null, detail: `not installed — ${spec.install}` }];
    const version = await cliVersion(spec, found);
    return [name, { available: true, version, detail: `${spec.bin} ${version ?? '(version unknown)'} at ${found.path}` }];
  });
  for (const [name, status] of await Promise.all(checks)) out[name] = status;
  for (const name of RESERVED_TUIS) out[name] = { available: false, version: null, detail: 'no adapter yet' };
  return out;
}
