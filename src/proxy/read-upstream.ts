// Reads a 2xx chat-completions response while it is relayed: every byte can be handed on as it
// arrives (onBytes), every content delta too (onText), and the reply is assembled on the side for
// the call record (usage, finish reason). Never throws on what the server sent: an error inside a
// 200 stream, junk, a JSON body for a stream are all recorded and the bytes still handed on.

import { errorFromJson, oneLine } from '../llm/error-body.js';
import type { AssembledMessage } from '../llm/message-parts.js';
import { redactSecret } from '../llm/redact-secret.js';
import { parseSse } from '../llm/sse.js';
import { createStreamAssembler } from '../llm/stream-assemble.js';
import type { StreamAssembler } from '../llm/stream-assemble.js';
import type { RawResponse } from '../llm/transport.js';

export interface ReadHooks {
  onBytes?: (chunk: Uint8Array) => Promise<void>; // relay: write to the driver (awaits drain)
  onText?: (text: string) => Promise<void>; // translation: a content delta
  secret?: string;
  signal?: AbortSignal; // the driver went away: stop reading
}

export interface UpstreamReply {
  message: AssembledMessage;
  inlineError: string | null; // an error object the server sent inside the 200 response
  complete: boolean; // [DONE], a finish reason or a whole JSON body arrived
  aborted: boolean;
}

const MAX_CAPTURE = 32 * 1024 * 1024;

type Obj = Record<string, unknown>;

function inlineError(chunk: unknown, secret: string | undefined): string | null {
  if (typeof chunk !== 'object' || chunk === null) return null;
  const obj = chunk as Obj;
  if (obj['error'] === undefined && obj['object'] !== 'error') return null;
  const said = errorFromJson(chunk);
  return oneLine(redactSecret(said?.message || JSON.stringify(chunk), secret));
}

function parseData(data: string): unknown[] {
  try {
    return [JSON.parse(data)];
  } catch {
    const parts: unknown[] = []; // several JSON chunks in one event, one per line
    for (const line of data.split('\n')) {
      const t = line.replace(/^data:\s?/, '').trim();
      if (t === '' || t === '[DONE]') continue;
      try {
        parts.push(JSON.parse(t));
      } catch {
        // noise
      }
    }
    return parts;
  }
}

class ReplyState {
  readonly assembler: StreamAssembler = createStreamAssembler();
  error: string | null = null;
  done = false;
  constructor(private readonly hooks: ReadHooks) {}

  async push(chunk: unknown): Promise<void> {
    const error = inlineError(chunk, this.hooks.secret);
    if (error !== null) {
      this.error ??= error;
      return;
    }
    const text = this.assembler.push(chunk);
    if (text !== '') await this.hooks.onText?.(text);
  }

  result(aborted: boolean): UpstreamReply {
    const message = this.assembler.result();
    return { message, inlineError: this.error, complete: this.done || message.finish_reason !== null, aborted };
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function fromText(text: string, state: ReplyState): Promise<void> {
  const trimmed = text.trim();
  if (/^(data:|:|event:)/.test(trimmed)) {
    for await (const event of parseSse(once(text))) await fromEvent(event.data, event.event, state);
    return;
  }
  try {
    await state.push(JSON.parse(trimmed));
    state.done = true;
  } catch {
    state.error ??= `the endpoint sent a response that is not JSON: ${oneLine(trimmed, 120)}`;
  }
}

async function fromEvent(raw: string, name: string, state: ReplyState): Promise<void> {
  const data = raw.trim();
  if (data === '[DONE]') {
    state.done = true;
    return;
  }
  if (name === 'error') {
    state.error ??= oneLine(data);
    return;
  }
  for (const chunk of parseData(data)) await state.push(chunk);
}

/** Reads (and relays) the whole response; `stream` says whether SSE is expected. */
export async function readUpstream(res: RawResponse, stream: boolean, hooks: ReadHooks): Promise<UpstreamReply> {
  const state = new ReplyState(hooks);
  const isJson = /json/i.test(res.headers['content-type'] ?? '');
  const captured: Uint8Array[] = [];
  let capturedBytes = 0;
  let aborted = false;
  let events = 0; // SSE events seen; until the first, bytes are kept in case the body is JSON after all
  async function* tap(): AsyncGenerator<Uint8Array> {
    for await (const chunk of res.body) {
      if (hooks.signal?.aborted) {
        aborted = true;
        res.body.destroy();
        return;
      }
      if (events === 0 && capturedBytes < MAX_CAPTURE) {
        captured.push(chunk);
        capturedBytes += chunk.byteLength;
      }
      await hooks.onBytes?.(chunk);
      yield chunk;
    }
  }
  try {
    if (stream && !isJson) {
      for await (const event of parseSse(tap())) {
        events++;
        await fromEvent(event.data, event.event, state);
      }
      if (events === 0 && !aborted) await fromText(Buffer.concat(captured).toString('utf8'), state);
    } else {
      for await (const chunk of tap()) void chunk;
      if (!aborted) await fromText(Buffer.concat(captured).toString('utf8'), state);
    }
  } catch (err) {
    if (hooks.signal?.aborted) aborted = true;
    else state.error ??= oneLine(redactSecret(`the response broke off: ${err instanceof Error ? err.message : String(err)}`, hooks.secret));
  }
  return state.result(aborted);
}
