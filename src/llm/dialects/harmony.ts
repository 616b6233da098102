// gpt-oss (harmony): `<|start|>assistant<|channel|>commentary to=functions.NAME <|constrain|>json
// <|message|>{…}<|call|>`; the recipient may also come before the channel. With the tokens dropped
// what is left is `commentary to=functions.NAME json{…}`, which is still read.

import { balancedAt } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const RECIPIENT = /to=functions\.([A-Za-z_][\w\-]*)/g;
const MESSAGE = '<|message|>';

export function parseHarmony(text: string): RawCall[] {
  const calls: RawCall[] = [];
  const matches = [...text.matchAll(RECIPIENT)];
  for (const [i, m] of matches.entries()) {
    const from = (m.index ?? 0) + m[0].length;
    const until = matches[i + 1]?.index ?? text.length;
    const zone = text.slice(from, until);
    const message = zone.indexOf(MESSAGE);
    const start = message >= 0 ? message + MESSAGE.length : 0;
    const brace = zone.indexOf('{', start);
    if (brace < 0 || (message < 0 && brace > 40)) continue;
    const args = balancedAt(zone, brace);
    if (args !== null) calls.push({ name: m[1] ?? '', args });
  }
  return calls;
}

export const harmony: Dialect = { name: 'gpt-oss-harmony', vllmParser: 'openai', parse: parseHarmony };
