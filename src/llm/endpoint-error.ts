// One error type for everything an endpoint can do wrong, with a `kind` the agent and doctor act
// on, and a one-line message that names the host and the server's own words (never the key).

import { STATUS_CODES } from 'node:http';
import { CabError } from '../errors.js';
import { looksContextLength } from './context-length.js';
import { serverError, oneLine } from './error-body.js';
import { redactSecret } from './redact-secret.js';
import { looksToolsUnsupported } from './tools-unsupported.js';

export type EndpointErrorKind =
  | 'auth'
  | 'unreachable'
  | 'tools-unsupported'
  | 'context-length'
  | 'quota'
  | 'rate-limited'
  | 'server'
  | 'bad-request'
  | 'bad-response'
  | 'timeout'
  | 'aborted';

export interface EndpointErrorOptions {
  status?: number;
  hint?: string;
  cause?: unknown;
  serverMessage?: string;
}

export class EndpointError extends CabError {
  readonly kind: EndpointErrorKind;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;

  constructor(kind: EndpointErrorKind, message: string, options: EndpointErrorOptions = {}) {
    super(kind === 'auth' ? 'auth' : 'endpoint', oneLine(message, 600), {
      ...(options.hint === undefined ? {} : { hint: options.hint }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.name = 'EndpointError';
    this.kind = kind;
    this.status = options.status;
    this.serverMessage = options.serverMessage;
  }
}

/** The same error with a note appended to its message ("" → unchanged). */
export function withNote(error: EndpointError, note: string): EndpointError {
  if (note === '') return error;
  return new EndpointError(error.kind, error.message + note, {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.serverMessage === undefined ? {} : { serverMessage: error.serverMessage }),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}

/** For a server error on streamed calls before any stream worked (Portkey 1.15 on Node fails every one). */
export const STREAM_HINT = 'no streamed call has worked yet: some gateways fail only on streams; try --no-stream (`doctor --endpoint …` tries both)';

/** The same error with a hint, unless it already has one. */
export function withHint(error: EndpointError, hint: string): EndpointError {
  if (error.hint !== undefined) return error;
  return new EndpointError(error.kind, error.message, {
    hint,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.serverMessage === undefined ? {} : { serverMessage: error.serverMessage }),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}

export function isEndpointError(error: unknown): error is EndpointError {
  return error instanceof EndpointError;
}

export interface ClassifyContext {
  host?: string; // shown in the message, e.g. "127.0.0.1:8000"
  keySent?: boolean; // was an Authorization header sent?
  secret?: string; // redacted from everything, defensively
}

type Headers = Record<string, string | string[] | undefined>;

function statusLabel(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? `HTTP ${status}` : `HTTP ${status} ${text}`;
}

interface Verdict {
  kind: EndpointErrorKind;
  what: string;
  hint?: string;
}

const QUOTA = /insufficient_quota|exceeded your current quota|insufficient (credits|balance|funds)|billing/i;

// The server's words name a request header other than Authorization (a gateway's routing or
// tenant header, a second auth header): then the fix is likely --header, not the key.
const NAMES_HEADER = /\b(x-[a-z0-9][a-z0-9-]*|[a-z0-9-]+ header|header [a-z0-9-]+|headers? (is |are )?(missing|required))\b/i;
const HEADER_HINT = "the server's words name a header: a gateway in front of the model may need it — pass it with --header 'Name: value' (or CAB_HEADERS); `doctor` shows which headers are sent";

function namesHeader(text: string): boolean {
  return NAMES_HEADER.test(text.replace(/\bauthorization header\b/gi, ''));
}

function verdict(status: number, text: string, code: string, keySent: boolean): Verdict {
  const v = statusVerdict(status, text, code, keySent);
  if ((v.kind === 'auth' || v.kind === 'bad-request') && namesHeader(text)) return { ...v, hint: HEADER_HINT };
  return v;
}

function statusVerdict(status: number, text: string, code: string, keySent: boolean): Verdict {
  if (status === 401 || status === 403) {
    return keySent
      ? { kind: 'auth', what: 'refused the API key', hint: 'check the key (CAB_KEY / OPENAI_API_KEY / --key) and that it may use this model' }
      : { kind: 'auth', what: 'requires an API key', hint: 'set CAB_KEY (or OPENAI_API_KEY); --key also works but is visible in the process list' };
  }
  if (status === 402 || QUOTA.test(code) || (status === 429 && QUOTA.test(text))) {
    return { kind: 'quota', what: 'reports the quota or credits are exhausted (not retried)', hint: 'add credits or use another key or model' };
  }
  if (status === 429) return { kind: 'rate-limited', what: 'is rate limiting requests', hint: 'wait a little, lower --concurrency, or use a higher rate tier' };
  if (looksContextLength(`${text} ${code}`)) {
    return { kind: 'context-length', what: "says the conversation exceeds the model's context window", hint: 'use a model or server setting with a larger context (vLLM --max-model-len, llama.cpp -c, Ollama num_ctx)' };
  }
  if (looksToolsUnsupported(status, text)) {
    return { kind: 'tools-unsupported', what: 'does not support native tool calls here', hint: 'check falls back to text tool calls; or enable tool calling on the server (vLLM --enable-auto-tool-choice --tool-call-parser …, llama.cpp --jinja)' };
  }
  if (status === 408) return { kind: 'timeout', what: 'timed out handling the request' };
  if (status >= 300 && status < 400) {
    return { kind: 'bad-response', what: 'answered with a redirect', hint: 'use the final URL of the API (e.g. https:// instead of http://) in --endpoint' };
  }
  if (status === 404 || status === 405) {
    return { kind: 'bad-request', what: 'has no such route or model', hint: 'check --endpoint points at the OpenAI-compatible API root (e.g. http://host:8000/v1) and that --model is an id from /v1/models' };
  }
  if (status >= 500) return { kind: 'server', what: 'failed on its side' };
  return { kind: 'bad-request', what: 'rejected the request' };
}

/**
 * Turns an HTTP error (status, body, headers) into an EndpointError. The message is one line:
 * `endpoint <host> <what> (HTTP <status> <text>): <server message>`.
 */
export function classifyHttpError(status: number, bodyText: string, headers: Headers = {}, context: ClassifyContext = {}): EndpointError {
  const said = serverError(redactSecret(bodyText, context.secret)); // redact before any cut
  const code = [said.code, said.type].filter((x) => x !== null).join(' ');
  const v = verdict(status, said.message, code, context.keySent ?? false);
  const where = context.host === undefined ? 'the endpoint' : `endpoint ${context.host}`;
  const location = typeof headers['location'] === 'string' ? ` to ${headers['location']}` : '';
  const words = said.message === '' ? '(empty body)' : said.message;
  const message = redactSecret(`${where} ${v.what}${location} (${statusLabel(status)}): ${words}`, context.secret);
  return new EndpointError(v.kind, message, {
    status,
    ...(v.hint === undefined ? {} : { hint: v.hint }),
    serverMessage: redactSecret(said.message, context.secret),
  });
}

/** An error object that arrived inside a 200 response (a stream chunk or a JSON body). */
export function classifyInlineError(said: { message: string; code: string | null }, context: ClassifyContext = {}): EndpointError {
  const numeric = Number(said.code);
  const status = Number.isInteger(numeric) && numeric >= 400 && numeric < 600 ? numeric : 500;
  const base = classifyHttpError(status, JSON.stringify({ error: { message: said.message, code: said.code } }), {}, context);
  const where = context.host === undefined ? 'the endpoint' : `endpoint ${context.host}`;
  const message = redactSecret(`${where} sent an error inside a 200 response: ${said.message || '(no message)'}`, context.secret);
  return new EndpointError(base.kind === 'bad-request' ? 'server' : base.kind, message, {
    status: 200,
    ...(base.hint === undefined ? {} : { hint: base.hint }),
    serverMessage: base.serverMessage ?? '',
  });
}
