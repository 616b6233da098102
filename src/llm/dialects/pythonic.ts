// Python call lists: `[read_file(path="a"), run_tests()]` as the whole reply (Llama 3.2, many
// fine-tunes), inside Llama 4's <|python_start|>…<|python_end|>, or LFM2's
// <|tool_call_start|>…<|tool_call_end|> (LFM2 may also put a JSON list of {name, arguments} there).

import { jsonCalls, pyCall } from './json-call.js';
import { parsePythonCalls } from './python-literal.js';
import { bare, parseLoose } from './scan.js';
import type { Dialect, RawCall } from './types.js';

function between(text: string, open: string, close: string): RawCall[] {
  const calls: RawCall[] = [];
  let at = text.indexOf(open);
  while (at >= 0) {
    const start = at + open.length;
    const end = text.indexOf(close, start);
    const inner = text.slice(start, end < 0 ? text.length : end);
    const python = parsePythonCalls(inner);
    calls.push(...(python !== null ? python.map(pyCall) : jsonCalls(parseLoose(inner))));
    at = end < 0 ? -1 : text.indexOf(open, end);
  }
  return calls;
}

/** The whole reply is a bracketed list of calls. */
export function parsePythonic(text: string): RawCall[] {
  const payload = bare(text);
  if (!payload.startsWith('[') || !payload.endsWith(']')) return [];
  return (parsePythonCalls(payload) ?? []).map(pyCall);
}

export const pythonic: Dialect = { name: 'pythonic', vllmParser: 'pythonic', parse: parsePythonic };
export const llama4: Dialect = { name: 'llama4-pythonic', vllmParser: 'llama4_pythonic', parse: (t) => between(t, '<|python_start|>', '<|python_end|>') };
export const lfm2: Dialect = { name: 'lfm2', vllmParser: 'pythonic', parse: (t) => between(t, '<|tool_call_start|>', '<|tool_call_end|>') };
