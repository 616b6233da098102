// Token estimates for servers that omit `usage`: about four characters per token, counted over
// what the model actually reads (messages, tool calls, tool definitions) and writes.

import type { ChatRequest } from './types.js';
import type { AssembledMessage, RawUsage } from './message-parts.js';

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimatePromptTokens(request: ChatRequest): number {
  let chars = 0;
  for (const m of request.messages) {
    chars += m.role.length + m.content.length;
    if (m.role === 'assistant') for (const c of m.tool_calls ?? []) chars += c.name.length + c.arguments.length;
    if (m.role === 'tool') chars += m.name.length;
  }
  if (request.tools !== undefined) chars += JSON.stringify(request.tools).length;
  return Math.ceil(chars / 4);
}

export function estimateCompletionTokens(reply: Pick<AssembledMessage, 'content' | 'reasoning' | 'tool_calls'>): number {
  let chars = reply.content.length + reply.reasoning.length;
  for (const c of reply.tool_calls) chars += c.name.length + c.arguments.length;
  return Math.ceil(chars / 4);
}

/**
 * The usage to record: the server's when it sent one, otherwise an estimate flagged as such.
 * A usage of 0/0 next to a non-empty reply is a server bug, treated as missing.
 */
export function resolveUsage(
  request: ChatRequest,
  reply: AssembledMessage,
): { prompt_tokens: number; completion_tokens: number; estimated: boolean } {
  const u: RawUsage | null = reply.usage;
  const completion = estimateCompletionTokens(reply);
  if (u !== null && !(u.prompt_tokens === 0 && u.completion_tokens === 0 && completion > 0)) {
    return { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens, estimated: false };
  }
  return { prompt_tokens: estimatePromptTokens(request), completion_tokens: completion, estimated: true };
}
