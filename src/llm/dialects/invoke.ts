// `<invoke name="NAME"><parameter name="KEY">value</parameter></invoke>` blocks: MiniMax-M2 (in a
// `<minimax:tool_call>` block) and DeepSeek V3.2's DSML, whose tags carry a `｜DSML｜` prefix and
// say `string="false"` on a parameter holding JSON. A JSON body instead of parameter tags works too.

import { firstValue, parseLoose, tagValue } from './scan.js';
import type { Dialect, RawCall } from './types.js';

const INVOKE = /<invoke\s+name\s*=\s*["']?([^"'>\s]+)["']?\s*>([\s\S]*?)<\/invoke>/g;
const PARAMETER = /<parameter\s+name\s*=\s*["']?([^"'>\s]+)["']?([^>]*)>([\s\S]*?)<\/parameter>/g;
const DSML = /[｜|]\s*DSML\s*[｜|]/g;
const HAS_DSML = /[｜|]\s*DSML\s*[｜|]/;

function invokeCalls(text: string): RawCall[] {
  return [...text.matchAll(INVOKE)].map((m): RawCall => {
    const body = m[2] ?? '';
    if (!body.includes('<parameter') && body.trim().startsWith('{')) return { name: m[1] ?? '', args: firstValue(body) };
    const args: Record<string, unknown> = {};
    for (const p of body.matchAll(PARAMETER)) {
      const value = tagValue(p[3] ?? '');
      const json = /string\s*=\s*["']?false/.test(p[2] ?? '');
      args[p[1] ?? ''] = json ? (parseLoose(value) ?? value) : value;
    }
    return { name: m[1] ?? '', args };
  });
}

export function parseMinimax(text: string): RawCall[] {
  return HAS_DSML.test(text) ? [] : invokeCalls(text);
}

export function parseDsml(text: string): RawCall[] {
  if (!HAS_DSML.test(text)) return [];
  return invokeCalls(text.replace(DSML, ''));
}

export const minimax: Dialect = { name: 'minimax', vllmParser: 'minimax_m2', parse: parseMinimax };
export const dsml: Dialect = { name: 'deepseek-dsml', vllmParser: 'deepseek_v32', parse: parseDsml };
