// What the proxy remembers over one run: every call record, the first upstream failures, whether
// any call succeeded, the parameter fixes learned so far, and the run's call/token budget.

import { classifyInlineError, STREAM_HINT, withHint } from '../llm/endpoint-error.js';
import type { EndpointError } from '../llm/endpoint-error.js';
import type { CallRecord } from '../llm/types.js';
import type { Adjustment } from './adjust-params.js';
import type { Upstream } from './upstream.js';

export interface ProxyLimits {
  maxCalls?: number | null; // model calls (turns) allowed; later calls are refused
  maxTotalTokens?: number | null; // prompt + completion over all calls
}

export type ProxyStop = 'max_turns' | 'max_tokens';

export class ProxyState {
  readonly calls: CallRecord[] = [];
  readonly adjustments: Adjustment[] = [];
  private readonly errors: EndpointError[] = [];
  private successes = 0;
  private authError: EndpointError | null = null;
  private stop: ProxyStop | null = null;

  constructor(
    readonly upstream: Upstream,
    readonly secret: string | undefined,
    private readonly limits: ProxyLimits,
    private readonly onCall?: (record: CallRecord) => void,
    readonly noStream = false, // --no-stream: every relay asks the upstream for whole replies
  ) {}

  /** Records one finished call; `error` is its classified failure, if any. */
  record(record: CallRecord, error?: EndpointError): void {
    this.calls.push(record);
    if (error !== undefined) this.noteError(error);
    else if (typeof record.status === 'number' && record.status >= 200 && record.status < 300 && record.error === undefined) this.successes++;
    this.onCall?.(record);
  }

  /** An error seen outside a model call (GET /models) still counts for auth. */
  noteError(error: EndpointError): void {
    this.errors.push(error);
    if (error.kind === 'auth') this.authError ??= error;
  }

  inlineError(message: string): EndpointError {
    return classifyInlineError({ message, code: null }, { host: this.upstream.host, ...(this.secret === undefined ? {} : { secret: this.secret }) });
  }

  /** Why the next call must be refused (budget spent), or null. Remembers the first reason. */
  refusal(): ProxyStop | null {
    const { maxCalls, maxTotalTokens } = this.limits;
    if (maxCalls != null && this.calls.length >= maxCalls) this.stop ??= 'max_turns';
    if (maxTotalTokens != null && this.totalTokens() >= maxTotalTokens) this.stop ??= 'max_tokens';
    return this.stop;
  }

  limitHit(): ProxyStop | null {
    return this.stop;
  }

  totalTokens(): number {
    return this.calls.reduce((sum, c) => sum + c.prompt_tokens + c.completion_tokens, 0);
  }

  succeeded(): number {
    return this.successes;
  }

  authFailed(): boolean {
    return this.authError !== null && this.successes === 0;
  }

  firstEndpointError(): EndpointError | null {
    const first = this.authError ?? this.errors[0] ?? null;
    const streamsOnly = !this.noStream && this.successes === 0 && this.calls.some((c) => c.stream);
    return first !== null && (first.status ?? 0) >= 500 && streamsOnly ? withHint(first, STREAM_HINT) : first;
  }

  firstError(): string | null {
    return this.firstEndpointError()?.message ?? null;
  }
}
