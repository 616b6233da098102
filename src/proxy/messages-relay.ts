// POST /v1/messages for drivers that speak only the Anthropic Messages API (Claude Code):
// translated to one chat-completions call upstream, the reply translated back (streamed as
// events, or one object), recorded like any other call. An upstream failure goes back with its
// own status and words, in the Messages error shape. POST /v1/messages/count_tokens is answered
// here with an estimate (no upstream call, no record).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { estimatePromptFromBody, startCall, usageFor } from './call-record.js';
import { forwardChat, wholeReply } from './forward-chat.js';
import { driverGone, sendJson, writeChunk } from './http-io.js';
import { messageJson, messagesError, MessagesStream, newMessageId, sseFrame } from './messages-output.js';
import { messagesToChat } from './messages-request.js';
import type { ProxyState } from './proxy-state.js';
import { readUpstream } from './read-upstream.js';
import { secretOf, streamTranslated, type Finished } from './translated-reply.js';
import type { UpstreamReply } from './read-upstream.js';
import type { UpstreamResult } from './upstream.js';

type Obj = Record<string, unknown>;

export function countTokens(res: ServerResponse, request: Obj): void {
  sendJson(res, 200, { input_tokens: estimatePromptFromBody(messagesToChat(request).body) });
}

/** The upstream's final failure with its own status (502/504 without one) and words. */
function failBack(res: ServerResponse, result: UpstreamResult & { ok: false }): void {
  const status = result.status ?? (result.recordStatus === 'timeout' ? 504 : 502);
  sendJson(res, status, messagesError(status, result.error.message));
}

export async function relayMessages(state: ProxyState, req: IncomingMessage, res: ServerResponse, request: Obj): Promise<void> {
  const translated = messagesToChat(request);
  const { stream, model } = translated;
  const { body, upstreamStreams } = wholeReply(translated.body, state.noStream);
  const call = startCall(body, upstreamStreams, state.secret);
  const signal = driverGone(res);
  const { result, sent } = await forwardChat(state, body, signal, req.headers['user-agent']);
  if (!result.ok) {
    state.record(call.failed(result.recordStatus, result.retries, result.error.message), result.error);
    failBack(res, result);
    return;
  }
  const id = newMessageId();
  const done = { state, call, sent, status: result.res.status, retries: result.retries };
  if (!stream) return answerJson(done, id, model, await readUpstream(result.res, false, { signal, ...secretOf(state) }), res);
  const events = new MessagesStream(id, model, (event) => writeChunk(res, sseFrame(event)));
  await streamTranslated(done, result.res, events, signal, res, upstreamStreams);
}

/** A non-streaming Messages request: one message object (or the server's inline error as a 500). */
function answerJson(f: Finished, id: string, model: string, reply: UpstreamReply, res: ServerResponse): void {
  const usage = usageFor(f.sent, reply.message);
  if (reply.inlineError !== null) {
    const error = f.state.inlineError(reply.inlineError);
    f.state.record(f.call.replied(reply.message, usage, f.status, f.retries, error.message), error);
    sendJson(res, 500, messagesError(500, reply.inlineError));
    return;
  }
  f.state.record(f.call.replied(reply.message, usage, f.status, f.retries));
  sendJson(res, 200, messageJson(id, model, reply.message, usage));
}
