// POST /v1/chat/completions: forwarded as the driver sent it (plus the run's parameter fixes),
// the reply relayed byte for byte as it arrives (SSE or JSON), one CallRecord per call.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { startCall, usageFor } from './call-record.js';
import { forwardChat } from './forward-chat.js';
import { driverGone, passBack, relayHeaders, writeChunk } from './http-io.js';
import type { ProxyState } from './proxy-state.js';
import { readUpstream } from './read-upstream.js';

type Obj = Record<string, unknown>;

export async function relayChat(state: ProxyState, req: IncomingMessage, res: ServerResponse, body: Obj): Promise<void> {
  const stream = body['stream'] === true;
  const call = startCall(body, stream, state.secret);
  const signal = driverGone(res);
  const { result, sent } = await forwardChat(state, body, signal, req.headers['user-agent']);
  if (!result.ok) {
    state.record(call.failed(result.recordStatus, result.retries, result.error.message), result.error);
    passBack(res, result, state.secret);
    return;
  }
  res.writeHead(result.res.status, relayHeaders(result.res.headers, stream));
  const reply = await readUpstream(result.res, stream, {
    onBytes: (chunk) => writeChunk(res, chunk),
    signal,
    ...(state.secret === undefined ? {} : { secret: state.secret }),
  });
  res.end();
  const usage = usageFor(sent, reply.message);
  if (reply.aborted) {
    state.record(call.replied(reply.message, usage, 'aborted', result.retries, 'the driver closed the connection before the reply ended'));
    return;
  }
  if (reply.inlineError !== null) {
    const error = state.inlineError(reply.inlineError);
    state.record(call.replied(reply.message, usage, result.res.status, result.retries, error.message), error);
    return;
  }
  state.record(call.replied(reply.message, usage, result.res.status, result.retries));
}
