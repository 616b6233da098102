// Gemma. FunctionGemma: `<start_function_call>call:NAME{key:<escape>text<escape>,n:1}<end_function_call>`
// (strings between <escape> tokens, other values bare). Gemma 3 with a tool prompt: a ```tool_code
// fence holding Python calls, often `print(default_api.NAME(…))`.

import { pyCall } from './json-call.js';
import { parsePythonCalls } from './python-literal.js';
import type { Dialect, RawCall } from './types.js';

const ESC = '<escape>';
const CALL = /(?:<start_function_call>\s*call:|^\s*call:)([A-Za-z_][\w.\-]*)\s*\{/gm;

class GemmaReader {
  constructor(readonly s: string, public i: number) {}

  object(): Record<string, unknown> | null {
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      if (this.s[this.i] === '}') return this.i++, out;
      const colon = this.s.indexOf(':', this.i);
      if (colon < 0) return null;
      const key = this.s.slice(this.i, colon).trim().replace(/^<escape>|<escape>$/g, '');
      this.i = colon + 1;
      const value = this.value();
      if (value === undefined) return null;
      out[key] = value;
    }
  }

  list(): unknown[] | undefined {
    const out: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.s[this.i] === ']') return this.i++, out;
      const value = this.value();
      if (value === undefined) return undefined;
      out.push(value);
    }
  }

  value(): unknown {
    this.i += /^\s*/.exec(this.s.slice(this.i))?.[0].length ?? 0;
    if (this.s.startsWith(ESC, this.i)) {
      const end = this.s.indexOf(ESC, this.i + ESC.length);
      if (end < 0) return undefined;
      const text = this.s.slice(this.i + ESC.length, end);
      this.i = end + ESC.length;
      return text;
    }
    if (this.s[this.i] === '{') return this.i++, this.object() ?? undefined;
    if (this.s[this.i] === '[') return this.i++, this.list();
    const raw = /^[^,}\]]*/.exec(this.s.slice(this.i))?.[0] ?? '';
    this.i += raw.length;
    return scalar(raw.trim());
  }

  skip(): void {
    while (this.i < this.s.length && /[\s,]/.test(this.s[this.i] as string)) this.i++;
  }
}

function scalar(raw: string): unknown {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  if (raw !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

/** Where a call's body must end: at its end token, or the next call's start. */
function callEnd(text: string, from: number): number {
  const ends = ['<end_function_call>', '<start_function_call>'].map((t) => text.indexOf(t, from)).filter((i) => i >= 0);
  return ends.length === 0 ? text.length : Math.min(...ends);
}

export function parseFunctionGemma(text: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const m of text.matchAll(CALL)) {
    const start = (m.index ?? 0) + m[0].length;
    const args = new GemmaReader(text.slice(0, callEnd(text, start)), start).object();
    if (args !== null) calls.push({ name: m[1] ?? '', args });
  }
  return calls;
}

const TOOL_CODE = /```tool_code[ \t]*\r?\n([\s\S]*?)```/g;
const PRINT = /^\s*print\(([\s\S]*)\)\s*$/;

export function parseGemmaToolCode(text: string): RawCall[] {
  const calls: RawCall[] = [];
  for (const m of text.matchAll(TOOL_CODE)) {
    const lines = (m[1] ?? '').split('\n').map((line) => line.replace(PRINT, '$1')).join('\n');
    calls.push(...(parsePythonCalls(lines) ?? []).map(pyCall));
  }
  return calls;
}

export const functionGemma: Dialect = { name: 'functiongemma', vllmParser: 'functiongemma', parse: parseFunctionGemma };
export const gemmaToolCode: Dialect = { name: 'gemma-tool-code', vllmParser: 'pythonic', parse: parseGemmaToolCode };
