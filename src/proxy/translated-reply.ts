// What the relays for translated APIs (Responses for codex, Messages for Claude Code) share: the
// call being recorded, and a streamed reply translated as it comes — text as it arrives, the rest
// (tool calls, usage, the stop reason) when the upstream reply ends, an inline error as the API's
// own failure event. Each API supplies only its event writer. Under --no-stream the upstream is
// asked for one whole reply and the driver still gets its stream, built from it.

import type { ServerResponse } from 'node:http';
import type { AssembledMessage } from '../llm/message-parts.js';
import type { RawResponse } from '../llm/transport.js';
import { usageFor, type CallRecorder, type CallUsage } from './call-record.js';
import type { ProxyState } from './proxy-state.js';
import { readUpstream } from './read-upstream.js';

type Obj = Record<string, unknown>;

/** An upstream call that answered: what the relay records once the reply is read. */
export interface Finished {
  state: ProxyState;
  call: CallRecorder;
  sent: Obj;
  status: number;
  retries: number;
}

/** One API's streamed events (ResponsesStream, MessagesStream). */
export interface TranslatedStream {
  start(): Promise<void>;
  textDelta(text: string): Promise<void>;
  finish(message: AssembledMessage, usage: CallUsage): Promise<void>;
  fail(message: string): Promise<void>;
}

export const secretOf = (state: ProxyState): { secret?: string } => (state.secret === undefined ? {} : { secret: state.secret });

/** Streams the upstream reply (SSE, or one whole reply under --no-stream) to the driver through `events`, and records the call. */
export async function streamTranslated(f: Finished, upstream: RawResponse, events: TranslatedStream, signal: AbortSignal, res: ServerResponse, upstreamStreams = true): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  await events.start();
  const reply = await readUpstream(upstream, upstreamStreams, { onText: (t) => events.textDelta(t), signal, ...secretOf(f.state) });
  const usage = usageFor(f.sent, reply.message);
  if (reply.aborted) {
    f.state.record(f.call.replied(reply.message, usage, 'aborted', f.retries, 'the driver closed the connection before the reply ended'));
  } else if (reply.inlineError !== null) {
    const error = f.state.inlineError(reply.inlineError);
    f.state.record(f.call.replied(reply.message, usage, f.status, f.retries, error.message), error);
    await events.fail(reply.inlineError);
  } else {
    f.state.record(f.call.replied(reply.message, usage, f.status, f.retries));
    await events.finish(reply.message, usage);
  }
  res.end();
}
