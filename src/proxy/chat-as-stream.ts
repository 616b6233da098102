// --no-stream for drivers that speak chat completions (Cline, Continue) and always stream: the
// upstream's one whole reply, written back as the chunks a streaming server would have sent.

import type { AssembledMessage } from '../llm/message-parts.js';
import type { CallUsage } from './call-record.js';

type Obj = Record<string, unknown>;

/** The SSE text of one whole reply: a delta with everything, the finish chunk, usage, [DONE]. */
export function chatStreamOf(message: AssembledMessage, usage: CallUsage, model: string): string {
  const base = { id: `chatcmpl-cab-${Date.now().toString(36)}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
  const delta: Obj = { role: 'assistant', content: message.content };
  if (message.reasoning !== '') delta['reasoning_content'] = message.reasoning;
  if (message.tool_calls.length > 0) {
    delta['tool_calls'] = message.tool_calls.map((c, index) => ({ index, id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  }
  const finish = message.finish_reason ?? (message.tool_calls.length > 0 ? 'tool_calls' : 'stop');
  const total = usage.prompt_tokens + usage.completion_tokens;
  const chunks: Obj[] = [
    { ...base, choices: [{ index: 0, delta, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] },
    { ...base, choices: [], usage: { prompt_tokens: usage.prompt_tokens, completion_tokens: usage.completion_tokens, total_tokens: total } },
  ];
  return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}
