// GLM-4.5 / 4.6 / 4.7: `<tool_call>NAME<arg_key>k</arg_key><arg_value>v</arg_value>…</tool_call>`,
// with or without newlines between the parts. Values are raw text (JSON for non-strings; the
// contract step reads those by the schema's type).

import type { Dialect, RawCall } from './types.js';

const CALL = /<tool_call>\s*([A-Za-z_][\w.\-]*)\s*((?:<arg_key>[\s\S]*?)?)<\/tool_call>/g;
const PAIR = /<arg_key>\s*([\s\S]*?)\s*<\/arg_key>(?:\\n|\s)*<arg_value>([\s\S]*?)<\/arg_value>/g;

/** `NAME<arg_key>…</arg_value>` runs, for a server that dropped the <tool_call> tokens. */
const NO_TOKENS = /(?<![\w.\-])([A-Za-z_][\w.\-]*)\s*((?:<arg_key>[\s\S]*?<\/arg_value>\s*)+)/g;

export function parseGlm(text: string): RawCall[] {
  const calls: RawCall[] = [];
  const pattern = !text.includes('<tool_call>') && text.includes('<arg_key>') ? NO_TOKENS : CALL;
  for (const m of text.matchAll(pattern)) {
    const body = m[2] ?? '';
    const args: Record<string, string> = {};
    for (const pair of body.matchAll(PAIR)) args[pair[1] ?? ''] = pair[2] ?? '';
    calls.push({ name: m[1] ?? '', args });
  }
  return calls;
}

export const glm: Dialect = { name: 'glm', vllmParser: 'glm45', parse: parseGlm };
