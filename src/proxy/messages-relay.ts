// POST /v1/messages for drivers that speak only the Anthropic Messages API (Claude Code):
// translated to one chat-completions call upstream, the reply translated back (streamed as
// events, or one object), recorded like any other call. An upstream failure goes back with its
// own status and words, in the Messages error shape. POST /v1/messages/count_tokens is answered
// here with an estimate (no upstream call, no record).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { estimatePromptFromBody } from './call-record.js';
import { forwardRecorded } from './forward-chat.js';
import { sendJson, writeChunk } from './http-io.js';
import { messageJson, messagesError, MessagesStream, newMessageId, sseFrame } from './messages-output.js';
import { messagesToChat } from './messages-request.js';
import type { ProxyState } from './proxy-state.js';
import { answerTranslated, streamTranslated } from './translated-reply.js';
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
  const { body, stream, model } = messagesToChat(request);
  const answered = await forwardRecorded(state, req, res, body, (result) => failBack(res, result));
  if (answered === null) return;
  const id = newMessageId();
  if (!stream) {
    await answerTranslated(state, answered, res, (message, usage) => messageJson(id, model, message, usage), (words) => messagesError(500, words));
    return;
  }
  await streamTranslated(state, answered, new MessagesStream(id, model, (event) => writeChunk(res, sseFrame(event))), res);
}
