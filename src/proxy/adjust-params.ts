// Request parameters a server may reject that an agent CLI sends anyway. When a 400/422 names one
// of them, the proxy drops it (or maps it to the older name) and tries once more; the fix is kept
// for every later call of the run. Context-length errors are never "fixed" this way.

import { looksContextLength } from '../llm/context-length.js';

export type Body = Record<string, unknown>;

export type Adjustment =
  | { kind: 'drop'; param: string }
  | { kind: 'rename'; param: string; to: string }
  | { kind: 'developer-to-system' };

/** Top-level chat-completions parameters that are safe to drop or rename. */
const ADJUSTABLE: Record<string, Adjustment> = {
  stream_options: { kind: 'drop', param: 'stream_options' },
  store: { kind: 'drop', param: 'store' },
  parallel_tool_calls: { kind: 'drop', param: 'parallel_tool_calls' },
  max_completion_tokens: { kind: 'rename', param: 'max_completion_tokens', to: 'max_tokens' },
  reasoning_effort: { kind: 'drop', param: 'reasoning_effort' },
  prompt_cache_key: { kind: 'drop', param: 'prompt_cache_key' },
  metadata: { kind: 'drop', param: 'metadata' },
  service_tier: { kind: 'drop', param: 'service_tier' },
  safety_identifier: { kind: 'drop', param: 'safety_identifier' },
  verbosity: { kind: 'drop', param: 'verbosity' },
  frequency_penalty: { kind: 'drop', param: 'frequency_penalty' },
  presence_penalty: { kind: 'drop', param: 'presence_penalty' },
  logprobs: { kind: 'drop', param: 'logprobs' },
  top_logprobs: { kind: 'drop', param: 'top_logprobs' },
  tool_choice: { kind: 'drop', param: 'tool_choice' },
};

function names(text: string, param: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${param}($|[^A-Za-z0-9_])`).test(text);
}

function hasDeveloperRole(body: Body): boolean {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as unknown[]) : [];
  return messages.some((m) => typeof m === 'object' && m !== null && (m as Body)['role'] === 'developer');
}

/** The fix for a rejected request, or null when the error is not about a parameter we can change. */
export function adjustmentFor(status: number, text: string, body: Body): Adjustment | null {
  if (status !== 400 && status !== 422) return null;
  if (looksContextLength(text)) return null;
  for (const [param, adjustment] of Object.entries(ADJUSTABLE)) {
    if (body[param] !== undefined && names(text, param)) return adjustment;
  }
  if (hasDeveloperRole(body) && /developer/i.test(text)) return { kind: 'developer-to-system' };
  return null;
}

function applyOne(body: Body, a: Adjustment): Body {
  if (a.kind === 'developer-to-system') {
    if (!Array.isArray(body['messages'])) return body;
    const messages = (body['messages'] as unknown[]).map((m) =>
      typeof m === 'object' && m !== null && (m as Body)['role'] === 'developer' ? { ...(m as Body), role: 'system' } : m,
    );
    return { ...body, messages };
  }
  if (body[a.param] === undefined) return body;
  const { [a.param]: value, ...rest } = body;
  if (a.kind === 'rename' && rest[a.to] === undefined) rest[a.to] = value;
  return rest;
}

/** A copy of the body with every adjustment applied, in order. */
export function applyAdjustments(body: Body, adjustments: readonly Adjustment[]): Body {
  return adjustments.reduce(applyOne, body);
}

export function describeAdjustment(a: Adjustment): string {
  if (a.kind === 'developer-to-system') return 'sent developer messages as system messages';
  return a.kind === 'drop' ? `dropped ${a.param}` : `sent ${a.param} as ${a.to}`;
}
