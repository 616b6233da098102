// A chat-completions reply → Anthropic Messages API output: the streaming events a Messages client
// reads (message_start, ping, content_block_start/delta/stop for text and each tool_use,
// message_delta with stop_reason and usage, message_stop), the same reply as one message object,
// and any failure in the Messages error shape.

import { randomBytes } from 'node:crypto';
import type { AssembledMessage } from '../llm/message-parts.js';
import type { CallUsage } from './call-record.js';

type Obj = Record<string, unknown>;
type Emit = (event: Obj) => Promise<void>;

export const newMessageId = (): string => `msg_${randomBytes(12).toString('hex')}`;

/** Chat finish_reason → Messages stop_reason. */
export function stopReason(finish: string | null, hasToolCalls: boolean): string {
  if (hasToolCalls || finish === 'tool_calls' || finish === 'function_call') return 'tool_use';
  if (finish === 'length') return 'max_tokens';
  if (finish === 'content_filter') return 'refusal';
  return 'end_turn';
}

const usageObject = (usage: CallUsage | null): Obj => ({ input_tokens: usage?.prompt_tokens ?? 0, output_tokens: usage?.completion_tokens ?? 0 });

function toolInput(args: string): unknown {
  try {
    const v: unknown = JSON.parse(args);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

/** The whole reply as one Messages response object (a non-streaming request). */
export function messageJson(id: string, model: string, reply: AssembledMessage, usage: CallUsage): Obj {
  const content: Obj[] = reply.content === '' ? [] : [{ type: 'text', text: reply.content }];
  for (const call of reply.tool_calls) content.push({ type: 'tool_use', id: call.id, name: call.name, input: toolInput(call.arguments) });
  const stop_reason = stopReason(reply.finish_reason, reply.tool_calls.length > 0);
  return { id, type: 'message', role: 'assistant', model, content, stop_reason, stop_sequence: null, usage: usageObject(usage) };
}

/** HTTP status → Messages error type. */
export function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 503 || status === 529) return 'overloaded_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

export function messagesError(status: number, message: string): Obj {
  return { type: 'error', error: { type: errorType(status), message } };
}

export const sseFrame = (event: Obj): string => `event: ${String(event['type'])}\ndata: ${JSON.stringify(event)}\n\n`;

/** The event stream of one reply: text as it arrives, tool calls (whole) and the stop at the end. */
export class MessagesStream {
  private next = 0; // index of the next content block
  private textIndex: number | null = null;

  constructor(
    private readonly id: string,
    private readonly model: string,
    private readonly emit: Emit,
  ) {}

  async start(): Promise<void> {
    const message = { id: this.id, type: 'message', role: 'assistant', model: this.model, content: [], stop_reason: null, stop_sequence: null, usage: usageObject(null) };
    await this.emit({ type: 'message_start', message });
    await this.emit({ type: 'ping' });
  }

  async textDelta(text: string): Promise<void> {
    if (text === '') return;
    if (this.textIndex === null) {
      this.textIndex = this.next++;
      await this.emit({ type: 'content_block_start', index: this.textIndex, content_block: { type: 'text', text: '' } });
    }
    await this.emit({ type: 'content_block_delta', index: this.textIndex, delta: { type: 'text_delta', text } });
  }

  private async closeText(): Promise<void> {
    if (this.textIndex === null) return;
    await this.emit({ type: 'content_block_stop', index: this.textIndex });
    this.textIndex = null;
  }

  async finish(reply: AssembledMessage, usage: CallUsage): Promise<void> {
    await this.closeText();
    for (const call of reply.tool_calls) {
      const index = this.next++;
      await this.emit({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } });
      await this.emit({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(toolInput(call.arguments)) } });
      await this.emit({ type: 'content_block_stop', index });
    }
    const delta = { stop_reason: stopReason(reply.finish_reason, reply.tool_calls.length > 0), stop_sequence: null };
    await this.emit({ type: 'message_delta', delta, usage: usageObject(usage) });
    await this.emit({ type: 'message_stop' });
  }

  async fail(message: string): Promise<void> {
    await this.closeText();
    await this.emit(messagesError(500, message));
  }
}
