// Mistral: `[TOOL_CALLS][{"name": …, "arguments": …}]` (older tokenizers) and
// `[TOOL_CALLS]NAME[ARGS]{…}` (v11+, Devstral, Magistral; `[CALL_ID]id` may sit before `[ARGS]`).
// With the control tokens dropped what is left is `NAME{…}` as the whole reply, still read.

import { jsonCalls } from './json-call.js';
import { balancedAt, balancedEnd, bare, parseLoose } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const MARK = '[TOOL_CALLS]';
const NAMED = /^\s*([A-Za-z_][\w.\-]*)\s*(?:\[CALL_ID\]\s*[\w\-]*\s*)?\[ARGS\]\s*/;
const NAME_THEN_BRACE = /^\s*([A-Za-z_][\w.\-]*)\s*(?=\{)/;

function segmentCalls(segment: string): RawCall[] {
  const trimmed = segment.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const value = balancedAt(trimmed, 0);
    return value === null ? [] : jsonCalls(parseLoose(value));
  }
  const named = NAMED.exec(segment);
  if (named === null) return [];
  const args = balancedAt(segment, named[0].length);
  return args === null ? [] : [{ name: named[1] ?? '', args }];
}

/** `name{…}name{…}` filling the whole reply; null when anything else is there. */
export function nameJsonSequence(text: string): RawCall[] | null {
  const calls: RawCall[] = [];
  let rest = bare(text);
  while (rest !== '') {
    const m = NAME_THEN_BRACE.exec(rest);
    if (m === null) return null;
    const end = balancedEnd(rest, m[0].length);
    if (end < 0) return null;
    calls.push({ name: m[1] ?? '', args: rest.slice(m[0].length, end) });
    rest = rest.slice(end).replace(/^[\s;,]+/, '');
  }
  return calls.length > 0 ? calls : null;
}

export function parseMistral(text: string): RawCall[] {
  if (!text.includes(MARK)) return nameJsonSequence(text) ?? [];
  return text.split(MARK).slice(1).flatMap(segmentCalls);
}

export const mistral: Dialect = { name: 'mistral', vllmParser: 'mistral', parse: parseMistral };
