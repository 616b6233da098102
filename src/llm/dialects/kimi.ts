// Kimi K2: <|tool_calls_section_begin|><|tool_call_begin|>functions.NAME:0<|tool_call_argument_begin|>{…}
// <|tool_call_end|><|tool_calls_section_end|>. With the special tokens dropped by the server what
// is left is `functions.NAME:0{…}`, which is still read.

import { balancedAt } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const SECTION = /<\|tool_calls?_section_(?:begin|end)\|>|<\|tool_call_(?:begin|end)\|>/g;
const ARGUMENT = '<|tool_call_argument_begin|>';
const CALL = /(?:^|[\s>|}])((?:functions\.)?([A-Za-z_][\w\-]*(?:\.[\w\-]+)*)):(\d+)\s*(?=\{)/g;

export function parseKimi(text: string): RawCall[] {
  if (!text.includes(ARGUMENT) && !/functions\.[\w\-]+:\d+\s*\{/.test(text)) return [];
  const normal = text.replace(SECTION, ' ').split(ARGUMENT).join(' ');
  const calls: RawCall[] = [];
  for (const m of normal.matchAll(CALL)) {
    const args = balancedAt(normal, (m.index ?? 0) + m[0].length);
    if (args !== null) calls.push({ name: m[2] ?? '', args });
  }
  return calls;
}

export const kimi: Dialect = { name: 'kimi-k2', vllmParser: 'kimi_k2', parse: parseKimi };
