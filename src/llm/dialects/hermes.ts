// Hermes / Qwen 2.5 / Qwen3 / Granite 4: `<tool_call>{"name": …, "arguments": …}</tool_call>`, the
// body also as a Python dict (single quotes) or inside a ```json fence; an unclosed last block
// too. MiniMax-M1 writes one `<tool_calls>` block with a JSON object per line; Nemotron a
// `<TOOLCALL>[…]</TOOLCALL>` list. Other tags models use for the same JSON (llama.cpp's Hermes
// parser lists them: <function_call>, <tool>, <tools>, <response>, <json>, <xml>) are read too.

import { jsonCalls } from './json-call.js';
import { balancedAt, parseLoose } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const TAGS = 'tool_calls?|TOOLCALL|function_call|tools?|response|json|JSON|xml';
const BLOCK = new RegExp(`<(?:${TAGS})>([\\s\\S]*?)(?:</(?:${TAGS})>|$)`, 'g');

/** The values in a block body: each top-level `{…}` or `[…]`, read as JSON or a Python literal. */
function valuesIn(body: string): unknown[] {
  const values: unknown[] = [];
  let at = body.search(/[[{]/);
  while (at >= 0) {
    const slice = balancedAt(body, at);
    if (slice === null) break;
    values.push(parseLoose(slice));
    const next = body.slice(at + slice.length).search(/[[{]/);
    at = next < 0 ? -1 : at + slice.length + next;
  }
  return values;
}

export function parseHermes(text: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const match of text.matchAll(BLOCK)) for (const value of valuesIn(match[1] ?? '')) calls.push(...jsonCalls(value));
  return calls;
}

export const hermes: Dialect = { name: 'hermes', vllmParser: 'hermes', parse: parseHermes };
