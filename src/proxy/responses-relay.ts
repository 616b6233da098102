// POST /v1/responses for drivers that speak only the Responses API (codex): translated to one
// chat-completions call upstream, the reply translated back (streamed as events, or one object),
// recorded like any other call. Upstream errors go back with their own status and body.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { startCall, usageFor } from './call-record.js';
import { forwardChat, wholeReply } from './forward-chat.js';
import { driverGone, passBack, sendJson, writeChunk } from './http-io.js';
import type { ProxyState } from './proxy-state.js';
import { readUpstream } from './read-upstream.js';
import { secretOf, streamTranslated, type Finished } from './translated-reply.js';
import type { UpstreamReply } from './read-upstream.js';
import { responseJson, responseMeta, ResponsesStream, sseFrame } from './responses-output.js';
import type { ResponseMeta } from './responses-output.js';
import { responsesToChat } from './responses-request.js';

type Obj = Record<string, unknown>;

export async function relayResponses(state: ProxyState, req: IncomingMessage, res: ServerResponse, request: Obj): Promise<void> {
  const translated = responsesToChat(request);
  const { stream } = translated;
  const { body, upstreamStreams } = wholeReply(translated.body, state.noStream);
  const call = startCall(body, upstreamStreams, state.secret);
  const signal = driverGone(res);
  const { result, sent } = await forwardChat(state, body, signal, req.headers['user-agent']);
  if (!result.ok) {
    state.record(call.failed(result.recordStatus, result.retries, result.error.message), result.error);
    passBack(res, result, state.secret);
    return;
  }
  const meta = responseMeta(translated.model, translated.customTools);
  const done = { state, call, sent, status: result.res.status, retries: result.retries };
  if (!stream) return answerJson(done, meta, await readUpstream(result.res, false, { signal, ...secretOf(state) }), res);
  const events = new ResponsesStream(meta, (event) => writeChunk(res, sseFrame(event)));
  await streamTranslated(done, result.res, events, signal, res, upstreamStreams);
}

/** A non-streaming Responses request: one response object (or the server's inline error as a 500). */
function answerJson(f: Finished, meta: ResponseMeta, reply: UpstreamReply, res: ServerResponse): void {
  const usage = usageFor(f.sent, reply.message);
  if (reply.inlineError !== null) {
    const error = f.state.inlineError(reply.inlineError);
    f.state.record(f.call.replied(reply.message, usage, f.status, f.retries, error.message), error);
    sendJson(res, 500, { error: { message: reply.inlineError, type: 'server_error', code: 'server_error' } });
    return;
  }
  f.state.record(f.call.replied(reply.message, usage, f.status, f.retries));
  sendJson(res, 200, responseJson(meta, reply.message, usage));
}
