// DeepSeek V3 / R1 and V3.1 special-token calls (fullwidth bars `｜` and `▁`; ASCII look-alikes too):
//   V3:   <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>NAME\n```json\n{…}\n```<｜tool▁call▁end｜>…
//   V3.1: <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>NAME<｜tool▁sep｜>{…}<｜tool▁call▁end｜>…
// With the tokens dropped, V3 leaves `functionNAME` + a json fence (read here); V3.1 leaves
// `NAME{…}` (read by mistral.ts's bare form).

import { firstValue } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const TOKEN = /<\s*[｜|]\s*tool[▁_ ](calls?[▁_ ](?:begin|end)|sep)\s*[｜|]\s*>/g;
const CALL = /⟨call_begin⟩([\s\S]*?)(?:⟨call_end⟩|⟨calls_end⟩|(?=⟨call_begin⟩)|$)/g;

function bodies(text: string): Array<{ left: string; right: string }> {
  if (!/tool[▁_ ]sep/.test(text)) return [];
  const normal = text.replace(TOKEN, (_t, word: string) => `⟨${word.replace(/^tool/, '').replace(/[▁ ]/g, '_')}⟩`);
  return [...normal.matchAll(CALL)]
    .map((m) => (m[1] ?? '').split('⟨sep⟩'))
    .filter((parts) => parts.length === 2)
    .map(([left, right]) => ({ left: (left ?? '').trim(), right: right ?? '' }));
}

/** V3 with the special tokens dropped: `functionNAME\n```json\n{…}\n```` runs. */
const V3_BARE = /(?<=^|```|\s)function\s*([A-Za-z_][\w.\-]*)\s*\n\s*```json\s*\n/g;

function bareV3(text: string): RawCall[] {
  return [...text.matchAll(V3_BARE)].map((m) => ({ name: m[1] ?? '', args: firstValue(text.slice((m.index ?? 0) + m[0].length)) }));
}

export function parseDeepseekV3(text: string): RawCall[] {
  if (!/tool[▁_ ]sep/.test(text)) return bareV3(text);
  return bodies(text)
    .filter((b) => b.left === 'function')
    .map(({ right }) => {
      const name = /^\s*([^\s`{]+)/.exec(right)?.[1] ?? '';
      return { name, args: firstValue(right.slice(right.indexOf(name) + name.length)) };
    });
}

export function parseDeepseekV31(text: string): RawCall[] {
  return bodies(text)
    .filter((b) => b.left !== 'function' && b.left !== '')
    .map(({ left, right }) => ({ name: left, args: right.trim() === '' ? {} : firstValue(right) }));
}

export const deepseekV3: Dialect = { name: 'deepseek-v3', vllmParser: 'deepseek_v3', parse: parseDeepseekV3 };
export const deepseekV31: Dialect = { name: 'deepseek-v3.1', vllmParser: 'deepseek_v31', parse: parseDeepseekV31 };
