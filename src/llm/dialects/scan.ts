// Small text helpers the dialect parsers share: balanced-bracket scanning, JSON read loosely,
// and the clean-up of what servers leave around a reply (think blocks, end-of-turn tokens).

import { parsePythonValue } from './python-literal.js';

const CLOSE: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/** End (exclusive) of the bracketed value opening at `start`, skipping quoted strings; -1 if unclosed. */
export function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch in CLOSE) stack.push(CLOSE[ch] as string);
    else if (ch === '}' || ch === ']' || ch === ')') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** The bracketed value opening at `start` (a `{` or `[`), or null when it never closes. */
export function balancedAt(text: string, start: number): string | null {
  const end = balancedEnd(text, start);
  return end < 0 ? null : text.slice(start, end);
}

/** Every top-level `{…}` object in the text, in order. */
export function objectsIn(text: string): string[] {
  const found: string[] = [];
  let at = text.indexOf('{');
  while (at >= 0) {
    const end = balancedEnd(text, at);
    if (end < 0) break;
    found.push(text.slice(at, end));
    at = text.indexOf('{', end);
  }
  return found;
}

const CONTROL: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Raw newlines and tabs inside double-quoted strings escaped (models write file content that way). */
function escapeControls(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString && ch === '\\') {
      out += ch + (text[++i] ?? '');
      continue;
    }
    if (ch === '"') inString = !inString;
    out += inString ? (CONTROL[ch] ?? ch) : ch;
  }
  return out;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** JSON (raw newlines in strings forgiven), or failing that a Python literal; undefined when neither. */
export function parseLoose(text: string): unknown {
  const trimmed = text.trim();
  const json = tryJson(trimmed);
  if (json.ok) return json.value;
  const forgiving = /[\n\r\t]/.test(trimmed) ? tryJson(escapeControls(trimmed)) : json;
  return forgiving.ok ? forgiving.value : parsePythonValue(trimmed);
}

/** The first `{…}` or `[…]` value in the text, parsed loosely. */
export function firstValue(text: string): unknown {
  const at = text.search(/[[{]/);
  if (at < 0) return undefined;
  const slice = balancedAt(text, at);
  return slice === null ? undefined : parseLoose(slice);
}

/** A value between XML-ish tags: templates put one newline on each side. */
export function tagValue(raw: string): string {
  return raw.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
}

const END_TOKENS = /<\|(?:eot_id|eom_id|eot|end_of_text|endoftext|im_end|end|return)\|>|<\/s>|<end_of_turn>|<｜end▁of▁sentence｜>/g;

const THINK_OPEN = ['<think>', '<thinking>', '[THINK]', '<|START_THINKING|>', '<seed:think>', '<|inner_prefix|>'];
const THINK_CLOSE = ['</think>', '</thinking>', '[/THINK]', '<|END_THINKING|>', '</seed:think>', '<|inner_suffix|>'];

/** The reply without its reasoning: anything up to the last closing tag; nothing if one never closed. */
export function withoutThinking(text: string): string {
  const ends = THINK_CLOSE.map((tag) => [text.lastIndexOf(tag), tag.length] as const).filter(([at]) => at >= 0);
  if (ends.length > 0) return text.slice(Math.max(...ends.map(([at, length]) => at + length)));
  const start = text.trimStart();
  return THINK_OPEN.some((tag) => start.startsWith(tag)) ? '' : text;
}

/** The reply reduced to its payload: end-of-turn tokens removed, trimmed (for whole-text dialects). */
export function bare(text: string): string {
  return text.replace(END_TOKENS, '').trim();
}
