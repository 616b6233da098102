// Markdown fences: ```json (or ```tool_call, ```tool, a bare ```) holding a call object
// {"name"|"tool": …, "arguments"|"args"|"parameters": …} or an array of them; and a ```tool_calls
// fence of `NAME: {json}` lines.

import { jsonCalls } from './json-call.js';
import { balancedAt, firstValue } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const JSON_FENCE = /```(?:json5?|jsonc|tool_calls?|tool|tool_code|function_call|)[ \t]*\r?\n([\s\S]*?)```/gi;
const LINES_FENCE = /```tool_calls[ \t]*\r?\n([\s\S]*?)```/g;
const LINE = /^[ \t]*[-*]?[ \t]*([A-Za-z_][\w.\-]*)[ \t]*:[ \t]*(?=\{)/gm;

export function parseJsonFences(text: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const m of text.matchAll(JSON_FENCE)) {
    const body = (m[1] ?? '').trim();
    if (!body.startsWith('{') && !body.startsWith('[')) continue;
    calls.push(...jsonCalls(firstValue(body)));
  }
  return calls;
}

export function parseToolCallsFence(text: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const m of text.matchAll(LINES_FENCE)) {
    const body = m[1] ?? '';
    for (const line of body.matchAll(LINE)) {
      const args = balancedAt(body, (line.index ?? 0) + line[0].length);
      if (args !== null) calls.push({ name: line[1] ?? '', args });
    }
  }
  return calls;
}

export const markdownJson: Dialect = { name: 'markdown-json', vllmParser: null, parse: parseJsonFences };
export const markdownToolCalls: Dialect = { name: 'markdown-tool-calls', vllmParser: null, parse: parseToolCallsFence };
