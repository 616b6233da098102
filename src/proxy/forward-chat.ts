// One chat-completions request to the upstream, as every relay (chat, Responses, Messages) sends
// it: the call recorded from the start, the run's learned parameter fixes applied, a rejected
// parameter fixed on the fly (and remembered), retries under the client's policy. Under
// --no-stream a streamed request is sent asking for one whole reply (some gateways fail streams).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawResponse } from '../llm/transport.js';
import { adjustmentFor, applyAdjustments } from './adjust-params.js';
import type { Body } from './adjust-params.js';
import { startCall, type CallRecorder } from './call-record.js';
import { driverGone } from './http-io.js';
import type { ProxyState } from './proxy-state.js';
import type { UpstreamResult } from './upstream.js';

interface Forwarded {
  result: UpstreamResult;
  sent: Body; // the body as finally sent (after adjustments)
}

/** --no-stream: the same chat request asking the upstream for one whole reply (some gateways fail streams). */
function wholeReply(body: Body, noStream: boolean): { body: Body; upstreamStreams: boolean } {
  if (!noStream || body['stream'] !== true) return { body, upstreamStreams: body['stream'] === true };
  const { stream_options: _dropped, ...rest } = body;
  return { body: { ...rest, stream: false }, upstreamStreams: false };
}

async function forwardChat(state: ProxyState, body: Body, signal: AbortSignal, userAgent?: string): Promise<Forwarded> {
  const stream = body['stream'] === true;
  let current = applyAdjustments(body, state.adjustments);
  const { upstream } = state;
  const make = () => ({
    method: 'POST' as const,
    url: `${upstream.base}/chat/completions`,
    headers: upstream.headers(stream ? 'text/event-stream' : 'application/json', userAgent),
    body: JSON.stringify(current),
  });
  const rejected = (status: number, text: string): boolean => {
    const fix = adjustmentFor(status, text, current);
    if (fix === null) return false;
    state.adjustments.push(fix);
    current = applyAdjustments(current, [fix]);
    return true;
  };
  const result = await upstream.send(make, signal, rejected);
  return { result, sent: current };
}

/** A call the upstream answered with a 2xx: what every relay reads the reply from and records. */
export interface Answered {
  call: CallRecorder;
  sent: Body; // the body as finally sent
  upstream: RawResponse;
  retries: number;
  upstreamStreams: boolean; // false under --no-stream even when the driver streams
  signal: AbortSignal; // aborted when the driver goes away
}

/**
 * What every relay does first: the chat body (asking for a whole reply under --no-stream) sent
 * upstream with the call being recorded. A final failure is recorded and handed to `failBack`
 * (each API's error shape); then null.
 */
export async function forwardRecorded(
  state: ProxyState,
  req: IncomingMessage,
  res: ServerResponse,
  chatBody: Body,
  failBack: (result: UpstreamResult & { ok: false }) => void,
): Promise<Answered | null> {
  const { body, upstreamStreams } = wholeReply(chatBody, state.noStream);
  const call = startCall(body, upstreamStreams, state.secret);
  const signal = driverGone(res);
  const { result, sent } = await forwardChat(state, body, signal, req.headers['user-agent']);
  if (!result.ok) {
    state.record(call.failed(result.recordStatus, result.retries, result.error.message), result.error);
    failBack(result);
    return null;
  }
  return { call, sent, upstream: result.res, retries: result.retries, upstreamStreams, signal };
}
