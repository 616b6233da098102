// Small normalisers shared by the streaming and non-streaming paths: content null vs "" vs parts,
// reasoning fields, tool-call arguments as string or object, missing ids, usage shapes.

import { randomBytes } from 'node:crypto';
import type { ToolCall } from './types.js';

export interface RawUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** What one reply amounts to, before usage estimation and recording. */
export interface AssembledMessage {
  content: string;
  reasoning: string;
  tool_calls: ToolCall[];
  finish_reason: string | null;
  usage: RawUsage | null;
}

/** Content as text: null/undefined → "", an array of parts → their text joined. */
export function contentText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((part: unknown) => (typeof part === 'string' ? part : typeof (part as { text?: unknown })?.text === 'string' ? (part as { text: string }).text : ''))
      .join('');
  }
  return '';
}

/** reasoning_content (vLLM, DeepSeek, llama.cpp) or reasoning (Ollama, OpenRouter, Groq). */
export function reasoningText(obj: Record<string, unknown>): string {
  return contentText(obj['reasoning_content']) + contentText(obj['reasoning']);
}

/** Arguments always become a JSON string: objects are serialised, empty/missing become "{}". */
export function normalizeArguments(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '{}' : value;
  if (value === null || value === undefined) return '{}';
  return JSON.stringify(value);
}

export function newToolCallId(): string {
  return `call_${randomBytes(6).toString('hex')}`;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** usage → {prompt, completion}; accepts input_/output_tokens and total-only shapes; null when absent. */
export function usageOf(value: unknown): RawUsage | null {
  if (typeof value !== 'object' || value === null) return null;
  const u = value as Record<string, unknown>;
  const prompt = num(u['prompt_tokens']) ?? num(u['input_tokens']);
  let completion = num(u['completion_tokens']) ?? num(u['output_tokens']);
  const total = num(u['total_tokens']);
  if (completion === null && prompt !== null && total !== null) completion = Math.max(0, total - prompt);
  if (prompt === null && completion === null) return null;
  return { prompt_tokens: prompt ?? 0, completion_tokens: completion ?? 0 };
}

/** Servers say "stop" (or nothing) while returning tool calls; we report "tool_calls" then. */
export function finishReason(raw: unknown, hasToolCalls: boolean): string | null {
  const reason = typeof raw === 'string' && raw !== '' ? raw : null;
  if (hasToolCalls && (reason === null || reason === 'stop' || reason === 'eos' || reason === 'function_call')) return 'tool_calls';
  return reason;
}
