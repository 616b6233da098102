// A chat-completions reply → Responses API output: the streaming events a Responses client reads
// (response.created, output_text deltas, output_item.added/done for the message and each function
// call, response.completed with usage) and the equivalent non-streaming response object.

import { randomBytes } from 'node:crypto';
import type { AssembledMessage } from '../llm/message-parts.js';
import type { CallUsage } from './call-record.js';

type Obj = Record<string, unknown>;

const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

export interface ResponseMeta {
  id: string;
  model: string;
  created_at: number;
  customTools: Set<string>;
}

export function responseMeta(model: string, customTools: Set<string>): ResponseMeta {
  return { id: newId('resp'), model, created_at: Math.floor(Date.now() / 1000), customTools };
}

function usageObject(usage: CallUsage): Obj {
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.completion_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.prompt_tokens + usage.completion_tokens,
  };
}

function messageItem(id: string, text: string, status: string): Obj {
  return { type: 'message', id, role: 'assistant', status, content: status === 'in_progress' ? [] : [{ type: 'output_text', text, annotations: [] }] };
}

function callItem(call: AssembledMessage['tool_calls'][number], meta: ResponseMeta, status: string): Obj {
  const id = newId(meta.customTools.has(call.name) ? 'ctc' : 'fc');
  if (meta.customTools.has(call.name)) {
    let input = call.arguments;
    try {
      const parsed = JSON.parse(call.arguments) as { input?: unknown };
      if (typeof parsed.input === 'string') input = parsed.input;
    } catch {
      // not JSON: the model wrote the raw input
    }
    return { type: 'custom_tool_call', id, call_id: call.id, name: call.name, input, status };
  }
  return { type: 'function_call', id, call_id: call.id, name: call.name, arguments: call.arguments, status };
}

function responseObject(meta: ResponseMeta, status: string, output: Obj[], usage: CallUsage | null, extra: Obj = {}): Obj {
  return {
    id: meta.id,
    object: 'response',
    created_at: meta.created_at,
    status,
    model: meta.model,
    output,
    usage: usage === null ? null : usageObject(usage),
    error: null,
    incomplete_details: null,
    ...extra,
  };
}

function finalStatus(message: AssembledMessage): { status: string; extra: Obj } {
  if (message.finish_reason === 'length') return { status: 'incomplete', extra: { incomplete_details: { reason: 'max_output_tokens' } } };
  return { status: 'completed', extra: {} };
}

/** The non-streaming Responses object for a whole reply. */
export function responseJson(meta: ResponseMeta, message: AssembledMessage, usage: CallUsage): Obj {
  const output: Obj[] = [];
  if (message.content !== '') output.push(messageItem(newId('msg'), message.content, 'completed'));
  for (const call of message.tool_calls) output.push(callItem(call, meta, 'completed'));
  const { status, extra } = finalStatus(message);
  return responseObject(meta, status, output, usage, extra);
}

export type EmitEvent = (event: Obj) => Promise<void>;

/** Emits Responses streaming events in order; `sequence_number` counts them. */
export class ResponsesStream {
  private seq = 0;
  private messageId: string | null = null;
  private text = '';
  private readonly output: Obj[] = [];

  constructor(
    private readonly meta: ResponseMeta,
    private readonly emit: EmitEvent,
  ) {}

  private send(type: string, fields: Obj): Promise<void> {
    return this.emit({ type, sequence_number: this.seq++, ...fields });
  }

  async start(): Promise<void> {
    const response = responseObject(this.meta, 'in_progress', [], null);
    await this.send('response.created', { response });
    await this.send('response.in_progress', { response });
  }

  async textDelta(delta: string): Promise<void> {
    if (this.messageId === null) {
      this.messageId = newId('msg');
      await this.send('response.output_item.added', { output_index: this.output.length, item: messageItem(this.messageId, '', 'in_progress') });
      await this.send('response.content_part.added', { item_id: this.messageId, output_index: this.output.length, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
    }
    this.text += delta;
    await this.send('response.output_text.delta', { item_id: this.messageId, output_index: this.output.length, content_index: 0, delta });
  }

  private async closeMessage(): Promise<void> {
    if (this.messageId === null) return;
    const at = { item_id: this.messageId, output_index: this.output.length, content_index: 0 };
    await this.send('response.output_text.done', { ...at, text: this.text });
    await this.send('response.content_part.done', { ...at, part: { type: 'output_text', text: this.text, annotations: [] } });
    const item = messageItem(this.messageId, this.text, 'completed');
    await this.send('response.output_item.done', { output_index: this.output.length, item });
    this.output.push(item);
  }

  private async toolCall(call: AssembledMessage['tool_calls'][number]): Promise<void> {
    const done = callItem(call, this.meta, 'completed');
    const index = this.output.length;
    const started = done['type'] === 'function_call' ? { ...done, arguments: '', status: 'in_progress' } : { ...done, input: '', status: 'in_progress' };
    await this.send('response.output_item.added', { output_index: index, item: started });
    if (done['type'] === 'function_call') {
      await this.send('response.function_call_arguments.delta', { item_id: done['id'], output_index: index, delta: done['arguments'] });
      await this.send('response.function_call_arguments.done', { item_id: done['id'], output_index: index, arguments: done['arguments'] });
    } else {
      await this.send('response.custom_tool_call_input.delta', { item_id: done['id'], output_index: index, delta: done['input'] });
      await this.send('response.custom_tool_call_input.done', { item_id: done['id'], output_index: index, input: done['input'] });
    }
    await this.send('response.output_item.done', { output_index: index, item: done });
    this.output.push(done);
  }

  /** The reply is complete: close the text, emit each tool call, then response.completed (or .incomplete). */
  async finish(message: AssembledMessage, usage: CallUsage): Promise<void> {
    if (this.messageId === null && message.content !== '') await this.textDelta(message.content);
    await this.closeMessage();
    for (const call of message.tool_calls) await this.toolCall(call);
    const { status, extra } = finalStatus(message);
    const response = responseObject(this.meta, status, this.output, usage, extra);
    await this.send(status === 'completed' ? 'response.completed' : 'response.incomplete', { response });
  }

  /** The upstream failed mid-reply. */
  async fail(message: string, code = 'server_error'): Promise<void> {
    const response = responseObject(this.meta, 'failed', this.output, null, { error: { code, message } });
    await this.send('response.failed', { response });
  }
}

/** One SSE frame for a Responses event: `event: <type>` + `data: <json>`. */
export function sseFrame(event: Obj): string {
  return `event: ${String(event['type'])}\ndata: ${JSON.stringify(event)}\n\n`;
}
