// latency: agent start → agent end, split into time spent waiting for the model and the rest.

import type { AgentOutcome } from '../agent/types.js';
import type { LatencyAxis } from './types.js';

export const CONTAINER_ACTIVE_MEASURES = 'agent time outside model calls (tools, tests, harness); no container';

export function scoreLatency(agent: Pick<AgentOutcome, 'wall_clock_ms' | 'model_call_ms' | 'calls'>): LatencyAxis {
  // The call records are the facts; an adapter without per-call records may still report a sum.
  const modelCallMs = agent.calls.length > 0 ? agent.calls.reduce((sum, call) => sum + call.latency_ms, 0) : agent.model_call_ms;
  return {
    wall_clock_ms: agent.wall_clock_ms,
    container_active_ms: Math.max(0, agent.wall_clock_ms - modelCallMs),
    container_active_measures: CONTAINER_ACTIVE_MEASURES,
    model_call_ms: modelCallMs,
  };
}
