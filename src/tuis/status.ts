// What `doctor` says about each driver: built in, or an agent CLI found on PATH (with version).

import { RESERVED_TUIS, tuiNames } from './registry.js';

export interface TuiStatus {
  available: boolean;
  version: string | null;
  detail: string;
}

export async function tuiStatus(): Promise<Record<string, TuiStatus>> {
  const out: Record<string, TuiStatus> = {};
  for (const name of tuiNames()) out[name] = { available: true, version: null, detail: 'built in' };
  for (const name of RESERVED_TUIS) out[name] = { available: false, version: null, detail: 'adapter not available yet' };
  return out;
}
