// tokens: what the model calls cost. Estimated usage (a server that omitted `usage`) still counts.

import type { CallRecord } from '../llm/types.js';
import type { TokensAxis } from './types.js';

/** total / pass; null when the task was not passed (nothing to divide by). */
export function tokensPerCorrectTask(totalTokens: number, pass: number): number | null {
  return pass > 0 ? totalTokens / pass : null;
}

export function scoreTokens(calls: readonly CallRecord[], pass: 0 | 1): TokensAxis {
  let prompt = 0;
  let completion = 0;
  for (const call of calls) {
    prompt += call.prompt_tokens;
    completion += call.completion_tokens;
  }
  const total = prompt + completion;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: total,
    model_calls: calls.length,
    tokens_per_correct_task: tokensPerCorrectTask(total, pass),
    pass_used_for_division: pass,
    tokens_estimated: calls.some((call) => call.usage_estimated),
  };
}
