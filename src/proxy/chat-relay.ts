// POST /v1/chat/completions: forwarded as the driver sent it (plus the run's parameter fixes),
// the reply relayed byte for byte as it arrives (SSE or JSON), one CallRecord per call. Under
// --no-stream a streaming driver's request asks the upstream for one whole reply, which goes
// back to the driver as the chunks a streaming server would have sent.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { usageFor } from './call-record.js';
import { chatStreamOf } from './chat-as-stream.js';
import { forwardRecorded } from './forward-chat.js';
import { passBack, proxyError, relayHeaders, writeChunk } from './http-io.js';
import type { ProxyState } from './proxy-state.js';
import { readUpstream } from './read-upstream.js';
import type { UpstreamReply } from './read-upstream.js';
import type { RawResponse } from '../llm/transport.js';

type Obj = Record<string, unknown>;

/** The upstream's 2xx reply, relayed as it arrives, or (rebuilt) read whole then sent as a stream. */
async function relayReply(state: ProxyState, upstream: RawResponse, res: ServerResponse, stream: boolean, rebuilt: boolean, signal: AbortSignal): Promise<UpstreamReply> {
  const secret = state.secret === undefined ? {} : { secret: state.secret };
  if (!rebuilt) {
    res.writeHead(upstream.status, relayHeaders(upstream.headers, stream));
    return readUpstream(upstream, stream, { onBytes: (chunk) => writeChunk(res, chunk), signal, ...secret });
  }
  const reply = await readUpstream(upstream, false, { signal, ...secret });
  if (reply.inlineError !== null) proxyError(res, 500, reply.inlineError, 'upstream_error');
  return reply;
}

export async function relayChat(state: ProxyState, req: IncomingMessage, res: ServerResponse, request: Obj): Promise<void> {
  const answered = await forwardRecorded(state, req, res, request, (result) => passBack(res, result, state.secret));
  if (answered === null) return;
  const { call, sent, upstream, retries, upstreamStreams, signal } = answered;
  const rebuilt = request['stream'] === true && !upstreamStreams; // the driver streams, the upstream does not
  const reply = await relayReply(state, upstream, res, upstreamStreams, rebuilt, signal);
  const usage = usageFor(sent, reply.message);
  if (rebuilt && !reply.aborted && reply.inlineError === null) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(chatStreamOf(reply.message, usage, typeof request['model'] === 'string' ? request['model'] : ''));
  }
  if (!res.writableEnded) res.end();
  if (reply.aborted) {
    state.record(call.replied(reply.message, usage, 'aborted', retries, 'the driver closed the connection before the reply ended'));
    return;
  }
  if (reply.inlineError !== null) {
    const error = state.inlineError(reply.inlineError);
    state.record(call.replied(reply.message, usage, upstream.status, retries, error.message), error);
    return;
  }
  state.record(call.replied(reply.message, usage, upstream.status, retries));
}
