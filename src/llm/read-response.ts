// A 2xx response → one assembled message. Streams are parsed as SSE (errors inside a 200 stream,
// missing [DONE], keep-alive comments, non-JSON noise); a JSON body is accepted even when a
// stream was asked for, and an SSE body even when it was labelled JSON.

import { classifyInlineError, EndpointError } from './endpoint-error.js';
import { errorFromJson, oneLine, serverError } from './error-body.js';
import type { AssembledMessage } from './message-parts.js';
import { redactSecret } from './redact-secret.js';
import { parseSse } from './sse.js';
import { createStreamAssembler } from './stream-assemble.js';
import { readText } from './transport.js';
import type { RawResponse } from './transport.js';

export interface ReadContext {
  host: string;
  secret?: string;
  onDelta?: (text: string) => void;
}

const MAX_JSON_BYTES = 32 * 1024 * 1024;

type Obj = Record<string, unknown>;

function inlineError(chunk: unknown, ctx: ReadContext): EndpointError | null {
  if (typeof chunk !== 'object' || chunk === null) return null;
  const obj = chunk as Obj;
  if (obj['error'] === undefined && obj['object'] !== 'error') return null;
  const said = errorFromJson(JSON.parse(redactSecret(JSON.stringify(chunk), ctx.secret)));
  return classifyInlineError({ message: said?.message ?? '', code: said?.code ?? null }, ctx);
}

function badResponse(ctx: ReadContext, what: string, sample: string): EndpointError {
  const shown = oneLine(serverError(redactSecret(sample, ctx.secret)).message, 120);
  return new EndpointError('bad-response', `endpoint ${ctx.host} ${what}${shown === '' ? '' : `: ${shown}`}`, {
    hint: 'is --endpoint an OpenAI-compatible API (…/v1)?',
  });
}

function fromJson(text: string, ctx: ReadContext, streamed: boolean): AssembledMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badResponse(ctx, 'sent a response that is not JSON', text);
  }
  const choices = (json as Obj | null)?.['choices'];
  const error = inlineError(json, ctx);
  if (error !== null && (!Array.isArray(choices) || choices.length === 0)) throw error;
  if (!Array.isArray(choices) || choices.length === 0) throw badResponse(ctx, 'sent a response without choices', text);
  const assembler = createStreamAssembler();
  assembler.push(json);
  const message = assembler.result();
  if (streamed && message.content !== '') ctx.onDelta?.(message.content);
  return message;
}

function parseData(data: string): unknown[] {
  try {
    return [JSON.parse(data)];
  } catch {
    // Some servers put several JSON chunks in one event, one per line.
    const parts: unknown[] = [];
    for (const line of data.split('\n')) {
      const trimmed = line.replace(/^data:\s?/, '').trim();
      if (trimmed === '' || trimmed === '[DONE]') continue;
      try {
        parts.push(JSON.parse(trimmed));
      } catch {
        // noise: ignore
      }
    }
    return parts;
  }
}

async function fromSse(body: AsyncIterable<Uint8Array>, ctx: ReadContext): Promise<AssembledMessage> {
  const captured: Uint8Array[] = []; // kept until the first event, for a JSON body sent as a "stream"
  let capturedBytes = 0;
  let events = 0;
  async function* tap(): AsyncGenerator<Uint8Array> {
    for await (const chunk of body) {
      if (events === 0 && capturedBytes < MAX_JSON_BYTES) {
        captured.push(chunk);
        capturedBytes += chunk.byteLength;
      }
      yield chunk;
    }
  }
  const assembler = createStreamAssembler();
  let done = false;
  for await (const event of parseSse(tap())) {
    const data = event.data.trim();
    if (data === '[DONE]') {
      done = true;
      break;
    }
    events++;
    if (event.event === 'error') throw classifyInlineError({ message: oneLine(redactSecret(data, ctx.secret)), code: null }, ctx);
    for (const chunk of parseData(data)) {
      const error = inlineError(chunk, ctx);
      if (error !== null) throw error;
      const text = assembler.push(chunk);
      if (text !== '') ctx.onDelta?.(text);
    }
  }
  if (assembler.gotAnything || done) return assembler.result();
  const raw = Buffer.concat(captured).toString('utf8');
  if (raw.trim().startsWith('{')) return fromJson(raw, ctx, true);
  throw badResponse(ctx, events === 0 ? 'ended the stream without sending any data' : 'sent a stream without any usable chunk', raw);
}

export async function readChatResponse(res: RawResponse, stream: boolean, ctx: ReadContext): Promise<AssembledMessage> {
  const type = res.headers['content-type'] ?? '';
  if (stream && !/json/i.test(type)) return fromSse(res.body, ctx);
  const text = await readText(res.body, MAX_JSON_BYTES);
  if (/^\s*(data:|:|event:)/.test(text)) {
    return fromSse((async function* () { yield Buffer.from(text); })(), ctx);
  }
  return fromJson(text, ctx, stream);
}
