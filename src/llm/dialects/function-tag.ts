// `<function=NAME>…</function>` bodies. Qwen3-Coder writes `<parameter=KEY>value</parameter>` tags
// inside a `<tool_call>` block; Llama 3.1 writes a JSON object (`<function=name>{…}</function>`,
// also seen as `<function name="name">{…}</function>`).

import { firstValue, tagValue } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const FUNCTION = /<function(?:=|\s+name\s*=\s*["'])([^>\s"']+)["']?\s*>([\s\S]*?)(<\/function>|(?=<function=)|$)/g;
const PARAMETER = /<parameter=([^>\s]+)\s*>([\s\S]*?)(?:<\/parameter>|(?=<parameter=)|$)/g;

function functionTags(text: string): Array<{ name: string; body: string; closed: boolean }> {
  return [...text.matchAll(FUNCTION)].map((m) => ({ name: m[1] ?? '', body: m[2] ?? '', closed: m[3] !== '' }));
}

function parameters(body: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const m of body.matchAll(PARAMETER)) args[m[1] ?? ''] = tagValue(m[2] ?? '');
  return args;
}

const hasParameters = (body: string): boolean => body.includes('<parameter=');
const isJsonBody = (body: string): boolean => body.trim().startsWith('{');

/** Qwen3-Coder: parameter tags (or none), or a JSON body when the call sits in a <tool_call> block. */
export function parseQwen3Coder(text: string): RawCall[] {
  const inBlock = text.includes('<tool_call>');
  return functionTags(text).flatMap(({ name, body, closed }): RawCall[] => {
    if (hasParameters(body)) return !closed ? [] : [{ name, args: parameters(body) }];
    if (body.trim() === '' && closed) return [{ name, args: {} }];
    if (inBlock && isJsonBody(body)) return [{ name, args: firstValue(body) }];
    return [];
  });
}

/** Llama 3.1: `<function=name>{json}</function>` outside any <tool_call> block. */
export function parseLlamaFunction(text: string): RawCall[] {
  if (text.includes('<tool_call>')) return [];
  return functionTags(text)
    .filter(({ body }) => !hasParameters(body) && isJsonBody(body))
    .map(({ name, body }) => ({ name, args: firstValue(body) }));
}

export const qwen3Coder: Dialect = { name: 'qwen3-coder', vllmParser: 'qwen3_coder', parse: parseQwen3Coder };
export const llama3Function: Dialect = { name: 'llama3-function', vllmParser: 'llama3_json', parse: parseLlamaFunction };
