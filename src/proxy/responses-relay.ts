// POST /v1/responses for drivers that speak only the Responses API (codex): translated to one
// chat-completions call upstream, the reply translated back (streamed as events, or one object),
// recorded like any other call. Upstream errors go back with their own status and body.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { forwardRecorded } from './forward-chat.js';
import { passBack, writeChunk } from './http-io.js';
import type { ProxyState } from './proxy-state.js';
import { responseJson, responseMeta, ResponsesStream, sseFrame } from './responses-output.js';
import { responsesToChat } from './responses-request.js';
import { answerTranslated, streamTranslated } from './translated-reply.js';

type Obj = Record<string, unknown>;

export async function relayResponses(state: ProxyState, req: IncomingMessage, res: ServerResponse, request: Obj): Promise<void> {
  const translated = responsesToChat(request);
  const answered = await forwardRecorded(state, req, res, translated.body, (result) => passBack(res, result, state.secret));
  if (answered === null) return;
  const meta = responseMeta(translated.model, translated.customTools);
  if (!translated.stream) {
    const failure = (words: string): Record<string, unknown> => ({ error: { message: words, type: 'server_error', code: 'server_error' } });
    await answerTranslated(state, answered, res, (message, usage) => responseJson(meta, message, usage), failure);
    return;
  }
  await streamTranslated(state, answered, new ResponsesStream(meta, (event) => writeChunk(res, sseFrame(event))), res);
}
