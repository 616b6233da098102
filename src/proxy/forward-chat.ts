// One chat-completions request to the upstream: the run's learned parameter fixes applied, a
// rejected parameter fixed on the fly (and remembered), retries under the client's policy. Under
// --no-stream a streamed request is sent asking for one whole reply (some gateways fail streams).

import { adjustmentFor, applyAdjustments } from './adjust-params.js';
import type { Body } from './adjust-params.js';
import type { ProxyState } from './proxy-state.js';
import type { UpstreamResult } from './upstream.js';

export interface Forwarded {
  result: UpstreamResult;
  sent: Body; // the body as finally sent (after adjustments)
}

/** --no-stream: the same chat request asking the upstream for one whole reply (some gateways fail streams). */
export function wholeReply(body: Body, noStream: boolean): { body: Body; upstreamStreams: boolean } {
  if (!noStream || body['stream'] !== true) return { body, upstreamStreams: body['stream'] === true };
  const { stream_options: _dropped, ...rest } = body;
  return { body: { ...rest, stream: false }, upstreamStreams: false };
}

export async function forwardChat(state: ProxyState, body: Body, signal: AbortSignal, userAgent?: string): Promise<Forwarded> {
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
