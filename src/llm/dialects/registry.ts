// Every tool-call dialect we read, most specific markers first: a plain record name → parser.
// readToolCalls() takes the first dialect whose calls name tools we offered; serverFix() says
// how to make the server parse that dialect itself.

import type { ToolCall, ToolDef } from '../types.js';
import { toContract } from './contract.js';
import { deepseekV3, deepseekV31 } from './deepseek.js';
import { markdownJson, markdownToolCalls } from './fences.js';
import { llama3Function, qwen3Coder } from './function-tag.js';
import { functionGemma, gemmaToolCode } from './gemma.js';
import { glm } from './glm.js';
import { harmony } from './harmony.js';
import { hermes } from './hermes.js';
import { dsml, minimax } from './invoke.js';
import { kimi } from './kimi.js';
import { functionary } from './functionary.js';
import { apertus, commandR7b, firefunction, granite, internlm, llama3Json } from './llama-json.js';
import { mistral } from './mistral.js';
import { lfm2, llama4, pythonic } from './pythonic.js';
import { withoutThinking } from './scan.js';
import type { Dialect } from './types.js';

const ORDER: Dialect[] = [
  dsml, deepseekV3, deepseekV31, kimi, harmony, minimax, glm, qwen3Coder, llama3Function, functionGemma,
  llama4, lfm2, granite, internlm, commandR7b, firefunction, apertus, functionary, mistral, hermes, gemmaToolCode, markdownJson, markdownToolCalls, llama3Json, pythonic,
];

export const DIALECTS: Readonly<Record<string, Dialect>> = Object.fromEntries(ORDER.map((d) => [d.name, d]));

export interface ReadCalls {
  calls: ToolCall[];
  dialect: string | null; // the dialect they were written in; null when there were none
}

/** The tool calls written as text in a reply, in whatever dialect; only tools in `tools` count. */
export function readToolCalls(content: string, tools: readonly ToolDef[]): ReadCalls {
  const text = withoutThinking(content);
  const byName = new Map(tools.map((t) => [t.name, t]));
  for (const dialect of Object.values(DIALECTS)) {
    const calls = dialect.parse(text).map((raw) => toContract(raw, byName)).filter((c): c is ToolCall => c !== null);
    if (calls.length > 0) return { calls, dialect: dialect.name };
  }
  return { calls: [], dialect: null };
}

/** How to make the server turn this dialect into tool_calls itself (one line). */
export function serverFix(dialect: string): string {
  const parser = DIALECTS[dialect]?.vllmParser ?? null;
  const vllm = parser === null ? "vLLM: --enable-auto-tool-choice --tool-call-parser <the model's parser>" : `vLLM: --enable-auto-tool-choice --tool-call-parser ${parser}`;
  return `${vllm}; llama.cpp: --jinja; Ollama: a model whose template has tools`;
}
