// Llama 3.x JSON calls: `{"name": …, "parameters": …}` as the whole reply or after
// <|python_tag|>, several separated by `;`; and Granite 3's (and Phi-4-mini's) `<|tool_call|>[{…}, …]`. A bare JSON
// array of calls (Mistral or Granite with the special token dropped) is read here too. Other
// families put such JSON after their own marker: InternLM `<|plugin|>`, Command R7B
// `<|START_ACTION|>` (tool_name/parameters), FireFunction ` functools[…]`, Apertus
// `<|tools_prefix|>[{"NAME": {…}}]`.

import { jsonCalls, shortFormCalls } from './json-call.js';
import { balancedEnd, bare, parseLoose } from './scan.js';
import type { Dialect, RawCall } from './types.js';

/**
 * JSON values separated by `;`, commas or whitespace. `whole`: they must fill the text (null
 * otherwise); else reading stops at the first thing that is not one (a closing token).
 */
function valueSequence(text: string, whole = true): unknown[] | null {
  const values: unknown[] = [];
  let rest = text.trim();
  while (rest !== '') {
    if (rest[0] !== '{' && rest[0] !== '[') return whole ? null : values;
    const end = balancedEnd(rest, 0);
    if (end < 0) return null;
    const value = parseLoose(rest.slice(0, end));
    if (value === undefined) return null;
    values.push(value);
    rest = rest.slice(end).replace(/^[\s;,]+/, '');
  }
  return values;
}

type Read = (value: unknown) => RawCall[];
const lenient: Read = (value) => jsonCalls(value, false);

function afterMarker(text: string, marker: string, read: Read = lenient): RawCall[] {
  const at = text.indexOf(marker);
  if (at < 0) return [];
  const values = valueSequence(bare(text.slice(at + marker.length).split(marker).join(';')), false) ?? [];
  return values.flatMap(read);
}

export function parseLlamaJson(text: string): RawCall[] {
  if (text.includes('<|python_tag|>')) return afterMarker(text, '<|python_tag|>');
  const values = valueSequence(bare(text)) ?? [];
  return values.flatMap((v) => jsonCalls(v, true));
}

export const llama3Json: Dialect = { name: 'llama3-json', vllmParser: 'llama3_json', parse: parseLlamaJson };
export const granite: Dialect = { name: 'granite', vllmParser: 'granite', parse: (t) => afterMarker(t, '<|tool_call|>') };
export const internlm: Dialect = { name: 'internlm', vllmParser: 'internlm', parse: (t) => afterMarker(t, '<|plugin|>') };
export const commandR7b: Dialect = { name: 'command-r7b', vllmParser: null, parse: (t) => afterMarker(t, '<|START_ACTION|>') };
export const firefunction: Dialect = { name: 'firefunction', vllmParser: null, parse: (t) => afterMarker(t, ' functools') };
export const apertus: Dialect = { name: 'apertus', vllmParser: null, parse: (t) => afterMarker(t, '<|tools_prefix|>', shortFormCalls) };
