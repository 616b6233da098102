// The OpenAI-compatible chat client: retries, timeouts, streaming with usage, one CallRecord per
// call, errors that name the server's own words and never the key.

import type { Agent } from 'undici';
import { classifyHttpError, EndpointError, STREAM_HINT, withHint, withNote } from './endpoint-error.js';
import { resolveUsage } from './estimate.js';
import { headerSecrets } from './extra-headers.js';
import { classifyNetworkError } from './network-error.js';
import { apiBase, endpointHost } from './normalize-url.js';
import { readChatResponse } from './read-response.js';
import { redactSecret } from './redact-secret.js';
import { requestSha256, wireBody } from './request-body.js';
import type { WireBody } from './request-body.js';
import { decideRetry, DEFAULT_RETRY_POLICY, giveUpNote, sleep as defaultSleep } from './retry.js';
import type { RetryPolicy } from './retry.js';
import { createTransport, DEFAULT_TIMEOUTS, readText } from './transport.js';
import type { RawResponse, SendInput, Timeouts, Transport } from './transport.js';
import type { CallRecord, ChatClient, ChatOptions, ChatRequest, ChatResult } from './types.js';

export interface ChatClientOptions {
  baseUrl: string; // with or without /v1
  key?: string; // empty or missing: no Authorization header
  headers?: Readonly<Record<string, string>>; // extra headers on every request (a gateway's routing/tenant headers)
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy> & { sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; random?: () => number };
  userAgent?: string;
  streamUsage?: boolean; // false: never send stream_options.include_usage
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  dispatcherOptions?: Partial<Agent.Options>; // tests: anything undici's Agent takes
  connect?: Agent.Options['connect']; // tests: connector options or a custom connector
}

export interface EndpointChatClient extends ChatClient {
  readonly base: string; // API root, e.g. http://127.0.0.1:8000/v1
  readonly host: string; // host[:port], safe to show
  close(): Promise<void>;
}

type CallStatus = CallRecord['status'];
type Attempts = { retries: number; status: CallStatus | null };
type Rejected = (status: number, text: string) => boolean;

function statusOf(error: EndpointError, last: CallStatus | null): CallStatus {
  if (error.kind === 'aborted') return 'aborted';
  if (error.status === undefined && error.kind === 'timeout') return 'timeout';
  return error.status ?? last ?? 'network-error';
}

class EndpointClient implements EndpointChatClient {
  readonly base: string;
  readonly host: string;
  readonly calls: CallRecord[] = [];
  private readonly key: string | undefined;
  private readonly timeouts: Timeouts;
  private readonly policy: RetryPolicy;
  private readonly transport: Transport;
  private streamUsage: boolean | undefined; // undefined: not known yet; false: server rejected it
  private streamWorked = false; // a streamed call came back whole at least once

  constructor(private readonly opts: ChatClientOptions) {
    this.base = apiBase(opts.baseUrl);
    this.host = endpointHost(opts.baseUrl);
    const key = opts.key?.trim();
    this.key = key === '' ? undefined : key;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.streamUsage = opts.streamUsage === false ? false : undefined;
    this.transport = createTransport({
      timeouts: this.timeouts,
      ...(opts.dispatcherOptions === undefined ? {} : { dispatcherOptions: opts.dispatcherOptions }),
      ...(opts.connect === undefined ? {} : { connect: opts.connect }),
    });
  }

  private secret(): { secret?: string } {
    return this.key === undefined ? {} : { secret: this.key };
  }

  private redact(text: string): string {
    let out = redactSecret(text, this.key);
    for (const value of headerSecrets(this.opts.headers ?? {})) out = redactSecret(out, value);
    return out;
  }

  private headers(accept: string, json = false): Record<string, string> {
    const h: Record<string, string> = { ...this.opts.headers, accept, 'user-agent': this.opts.userAgent ?? 'codingagentbench-cli' };
    if (json) h['content-type'] = 'application/json';
    if (this.key !== undefined) h['authorization'] = `Bearer ${this.key}`;
    return h;
  }

  private toError(err: unknown, signal: AbortSignal | undefined): ReturnType<typeof classifyNetworkError> {
    if (err instanceof EndpointError) return { error: err, connectionDropped: false };
    return classifyNetworkError(err, { host: this.host, timeouts: this.timeouts, aborted: signal?.aborted ?? false, ...this.secret() });
  }

  private async pause(delayMs: number, attempt: number, reason: string, signal?: AbortSignal): Promise<void> {
    this.opts.onRetry?.({ attempt, delayMs, reason });
    await (this.opts.retry?.sleep ?? defaultSleep)(delayMs, signal);
  }

  /** Sends until a 2xx arrives or the policy gives up. `rejected` may fix the request for one more try. */
  private async send(make: () => SendInput, state: Attempts, signal?: AbortSignal, rejected?: Rejected): Promise<RawResponse> {
    const random = this.opts.retry?.random ?? Math.random;
    for (;;) {
      let res: RawResponse;
      try {
        res = await this.transport.send({ ...make(), ...(signal === undefined ? {} : { signal }) });
      } catch (err) {
        const v = this.toError(err, signal);
        state.status = statusOf(v.error, null);
        if (!v.connectionDropped) throw v.error;
        const d = decideRetry({ status: null, attempt: state.retries, policy: this.policy, random });
        if (!d.retry) throw withNote(v.error, giveUpNote(d, state.retries, this.policy));
        await this.pause(d.delayMs, ++state.retries, v.error.message, signal);
        continue;
      }
      state.status = res.status;
      if (res.status >= 200 && res.status < 300) return res;
      const text = await readText(res.body).catch(() => '');
      if (rejected?.(res.status, text) === true) {
        state.retries++;
        continue;
      }
      const error = classifyHttpError(res.status, text, res.headers, { host: this.host, keySent: this.key !== undefined, ...this.secret() });
      const d = decideRetry({ status: res.status, headers: res.headers, kind: error.kind, attempt: state.retries, policy: this.policy, random });
      if (!d.retry) throw withNote(error, giveUpNote(d, state.retries, this.policy));
      await this.pause(d.delayMs, ++state.retries, error.message, signal);
    }
  }

  private chatInput(body: WireBody, stream: boolean): SendInput {
    const usage = stream && this.streamUsage !== false ? { stream_options: { include_usage: true } } : {};
    const headers = this.headers(stream ? 'text/event-stream' : 'application/json', true);
    return { method: 'POST', url: `${this.base}/chat/completions`, headers, body: JSON.stringify({ ...body, stream, ...usage }) };
  }

  /** A 400/422 naming stream_options: the server does not take include_usage. Remembered. */
  private usageRejected(stream: boolean): Rejected {
    return (status, text) => {
      if (!stream || this.streamUsage === false || (status !== 400 && status !== 422)) return false;
      if (!/stream_options|include_usage/i.test(text)) return false;
      this.streamUsage = false;
      return true;
    };
  }

  async chat(request: ChatRequest, options: ChatOptions): Promise<ChatResult> {
    const started_at = new Date().toISOString();
    const t0 = performance.now();
    const body = wireBody(request);
    const state: Attempts = { retries: 0, status: null };
    const { stream, signal } = options;
    const record = (fields: Pick<CallRecord, 'prompt_tokens' | 'completion_tokens' | 'finish_reason' | 'usage_estimated'>, error?: EndpointError): CallRecord => {
      const status = error === undefined ? (state.status ?? 200) : statusOf(error, state.status);
      const r: CallRecord = { started_at, request_sha256: requestSha256(body), ...fields, latency_ms: Math.round(performance.now() - t0), status, retries: state.retries, stream };
      if (error !== undefined) r.error = this.redact(error.message);
      this.calls.push(r);
      return r;
    };
    try {
      const res = await this.send(() => this.chatInput(body, stream), state, signal, this.usageRejected(stream));
      const onDelta = options.onDelta === undefined ? {} : { onDelta: options.onDelta };
      const reply = await readChatResponse(res, stream, { host: this.host, ...this.secret(), ...onDelta });
      if (stream && this.streamUsage === undefined && reply.usage !== null) this.streamUsage = true;
      if (stream) this.streamWorked = true;
      const usage = resolveUsage(request, reply);
      const rec = record({ prompt_tokens: usage.prompt_tokens, completion_tokens: usage.completion_tokens, finish_reason: reply.finish_reason, usage_estimated: usage.estimated });
      return { content: reply.content, reasoning: reply.reasoning, tool_calls: reply.tool_calls, finish_reason: reply.finish_reason, usage, record: rec };
    } catch (err) {
      const { error } = this.toError(err, signal);
      record({ prompt_tokens: 0, completion_tokens: 0, finish_reason: null, usage_estimated: false }, error);
      // Portkey 1.15 on Node answers every streamed call with a 500 and every plain one correctly
      throw stream && !this.streamWorked && (error.status ?? 0) >= 500 ? withHint(error, STREAM_HINT) : error;
    }
  }

  async listModels(signal?: AbortSignal): Promise<string[]> {
    const input = (): SendInput => ({ method: 'GET', url: `${this.base}/models`, headers: this.headers('application/json') });
    let json: { data?: unknown; models?: unknown };
    try {
      const res = await this.send(input, { retries: 0, status: null }, signal);
      json = JSON.parse(await readText(res.body, 8 * 1024 * 1024)) as typeof json;
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw this.toError(err, signal).error;
      throw new EndpointError('bad-response', `endpoint ${this.host} sent a /models list that is not JSON`, { hint: 'is --endpoint an OpenAI-compatible API (…/v1)?' });
    }
    const list: unknown[] = Array.isArray(json.data) ? json.data : Array.isArray(json.models) ? json.models : [];
    return list.map(modelId).filter((id): id is string => id !== null);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

/** An entry of /models: {id} (OpenAI), {name}/{model} (Ollama, llama.cpp), or a bare string. */
function modelId(entry: unknown): string | null {
  if (typeof entry === 'string') return entry === '' ? null : entry;
  if (typeof entry !== 'object' || entry === null) return null;
  const e = entry as { id?: unknown; name?: unknown; model?: unknown };
  const id = e.id ?? e.name ?? e.model;
  return typeof id === 'string' && id !== '' ? id : null;
}

export function createChatClient(opts: ChatClientOptions): EndpointChatClient {
  return new EndpointClient(opts);
}
