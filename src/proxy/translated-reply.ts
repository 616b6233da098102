// What the relays for translated APIs (Responses for codex, Messages for Claude Code) share once
// the upstream answered (forward-chat.ts): a whole reply sent as the API's one object, or a
// streamed reply translated as it comes — text as it arrives, the rest
// (tool calls, usage, the stop reason) when the upstream reply ends, an inline error as the API's
// own failure event. Each API supplies only its event writer. Under --no-stream the upstream is
// asked for one whole reply and the driver still gets its stream, built from it.

import type { ServerResponse } from 'node:http';
import type { AssembledMessage } from '../llm/message-parts.js';
import { usageFor, type CallUsage } from './call-record.js';
import type { Answered } from './forward-chat.js';
import { sendJson } from './http-io.js';
import type { ProxyState } from './proxy-state.js';
import { readUpstream } from './read-upstream.js';

type Obj = Record<string, unknown>;

/** One API's streamed events (ResponsesStream, MessagesStream). */
export interface TranslatedStream {
  start(): Promise<void>;
  textDelta(text: string): Promise<void>;
  finish(message: AssembledMessage, usage: CallUsage): Promise<void>;
  fail(message: string): Promise<void>;
}

const secretOf = (state: ProxyState): { secret?: string } => (state.secret === undefined ? {} : { secret: state.secret });

/** Streams the upstream reply (SSE, or one whole reply under --no-stream) to the driver through `events`, and records the call. */
export async function streamTranslated(state: ProxyState, a: Answered, events: TranslatedStream, res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  await events.start();
  const reply = await readUpstream(a.upstream, a.upstreamStreams, { onText: (t) => events.textDelta(t), signal: a.signal, ...secretOf(state) });
  const usage = usageFor(a.sent, reply.message);
  const status = a.upstream.status;
  if (reply.aborted) {
    state.record(a.call.replied(reply.message, usage, 'aborted', a.retries, 'the driver closed the connection before the reply ended'));
  } else if (reply.inlineError !== null) {
    const error = state.inlineError(reply.inlineError);
    state.record(a.call.replied(reply.message, usage, status, a.retries, error.message), error);
    await events.fail(reply.inlineError);
  } else {
    state.record(a.call.replied(reply.message, usage, status, a.retries));
    await events.finish(reply.message, usage);
  }
  res.end();
}

/**
 * A non-streaming request: the whole reply read, recorded, and sent as the API's one object
 * (`answer`), or the server's inline error as a 500 in the API's error shape (`failure`).
 */
export async function answerTranslated(
  state: ProxyState,
  a: Answered,
  res: ServerResponse,
  answer: (message: AssembledMessage, usage: CallUsage) => Obj,
  failure: (words: string) => Obj,
): Promise<void> {
  const reply = await readUpstream(a.upstream, false, { signal: a.signal, ...secretOf(state) });
  const usage = usageFor(a.sent, reply.message);
  if (reply.inlineError !== null) {
    const error = state.inlineError(reply.inlineError);
    state.record(a.call.replied(reply.message, usage, a.upstream.status, a.retries, error.message), error);
    sendJson(res, 500, failure(reply.inlineError));
    return;
  }
  state.record(a.call.replied(reply.message, usage, a.upstream.status, a.retries));
  sendJson(res, 200, answer(reply.message, usage));
}
