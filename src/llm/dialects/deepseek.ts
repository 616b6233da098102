// DeepSeek V3 / R1 and V3.1 special-token calls (fullwidth bars `｜` and `▁`; the look-alikes
// llama.cpp also accepts: `_`, a space, `\_`, ASCII `|`):
//   V3:   <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>NAME\n```json\n{…}\n```<｜tool▁call▁end｜>…
//   V3.1: <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>NAME<｜tool▁sep｜>{…}<｜tool▁call▁end｜>…
// The call-begin token may be missing. With all tokens dropped, V3 leaves `functionNAME` + a json
// fence (read here); V3.1 leaves `NAME{…}` (read by mistral.ts's bare form).

import { firstValue } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const SEP = String.raw`(?:\\?[▁_ ])`;
const TOKEN = new RegExp(String.raw`<\s*[｜|]\s*tool${SEP}(calls?${SEP}(?:begin|end)|calls|sep)\s*[｜|]\s*>`, 'g');
const V3 = /function\s*⟨sep⟩\s*([^\s`{⟨]+)\s*/g;
const V31 = /(?:^|⟨call_begin⟩|⟨calls_begin⟩|⟨calls⟩|⟨call_end⟩)\s*([^\n<⟨{]+?)\s*⟨sep⟩/g;
const V3_BARE = /(?<=^|```|\s)function\s*([A-Za-z_][\w.\-]*)\s*\n\s*```json\s*\n/g;

/** The text with every DeepSeek token spelled one way: ⟨call_begin⟩, ⟨sep⟩, … */
function normalise(text: string): string | null {
  if (!/tool\\?[▁_ ]sep/.test(text)) return null;
  return text.replace(TOKEN, (_t, word: string) => `⟨${word.replace(/\\/g, '').replace(/[▁ ]/g, '_')}⟩`);
}

/** The arguments after a name: up to the next token, read as the first JSON value ({} when empty). */
function argsAfter(text: string, from: number): unknown {
  const end = text.indexOf('⟨', from);
  const body = text.slice(from, end < 0 ? text.length : end);
  return body.trim() === '' ? {} : firstValue(body);
}

function matchCalls(text: string, pattern: RegExp): RawCall[] {
  return [...text.matchAll(pattern)].map((m) => ({ name: (m[1] ?? '').trim(), args: argsAfter(text, (m.index ?? 0) + m[0].length) }));
}

export function parseDeepseekV3(text: string): RawCall[] {
  const normal = normalise(text);
  return normal === null ? matchCalls(text, V3_BARE) : matchCalls(normal, V3);
}

export function parseDeepseekV31(text: string): RawCall[] {
  const normal = normalise(text);
  return normal === null ? [] : matchCalls(normal, V31).filter((c) => c.name !== 'function');
}

export const deepseekV3: Dialect = { name: 'deepseek-v3', vllmParser: 'deepseek_v3', parse: parseDeepseekV3 };
export const deepseekV31: Dialect = { name: 'deepseek-v3.1', vllmParser: 'deepseek_v31', parse: parseDeepseekV31 };
