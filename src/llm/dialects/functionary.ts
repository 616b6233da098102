// Functionary v3.2: `>>>NAME\n{…}` runs (`>>>all` is the model talking, not a call).

import { balancedAt } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const RECIPIENT = />>>\s*([A-Za-z_][\w.\-]*)\s*\n?\s*(?=\{)/g;

export function parseFunctionary(text: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const m of text.matchAll(RECIPIENT)) {
    const args = balancedAt(text, (m.index ?? 0) + m[0].length);
    if (args !== null && m[1] !== 'all') calls.push({ name: m[1] ?? '', args });
  }
  return calls;
}

export const functionary: Dialect = { name: 'functionary', vllmParser: null, parse: parseFunctionary };
