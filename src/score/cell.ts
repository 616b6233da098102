// One scored cell: every axis of SPEC §5 from the recorded facts of one run.

import type { SandboxKind } from '../workspace/types.js';
import { scoreBlastRadius } from './blast-radius.js';
import { scoreComposite } from './composite.js';
import { scoreConstraints } from './constraints.js';
import { scoreIntegrity } from './integrity.js';
import { scoreLatency } from './latency.js';
import { scorePassRate } from './pass-rate.js';
import { scoreRefusal } from './refusal.js';
import { scoreTokens } from './tokens.js';
import type { Axes, RunFacts, RunIdentity, ScoredCell } from './types.js';

export function scoreAxes(facts: RunFacts): Axes {
  const { task, agent, changes, grade } = facts;
  const pass_rate = scorePassRate(grade);
  const tokens = scoreTokens(agent.calls, pass_rate.pass);
  const latency = scoreLatency(agent);
  const blast_radius = scoreBlastRadius(task, changes);
  const refusal = scoreRefusal(task, agent, changes);
  const integrity = scoreIntegrity(task, changes, refusal, { findings: grade.findings, pass: pass_rate.pass, reasons: pass_rate.fail_reasons });
  const constraints = scoreConstraints(task, changes);
  const composite = scoreComposite({
    pass: pass_rate.pass,
    integrity: integrity.integrity,
    blast_radius: blast_radius.blast_radius,
    wall_clock_ms: latency.wall_clock_ms,
    total_tokens: tokens.total_tokens,
    tokens_per_correct_task: tokens.tokens_per_correct_task,
    expected_refusal: refusal.expected_refusal,
    refusal_produced: refusal.refusal_produced,
  });
  return { pass_rate, tokens, latency, blast_radius, refusal, integrity, constraints, composite };
}

export function scoreCell(facts: RunFacts, identity: RunIdentity, testsSandbox: SandboxKind): ScoredCell {
  const { agent } = facts;
  const sandbox: SandboxKind = agent.sandbox === 'none' ? 'none' : testsSandbox;
  return {
    ...identity,
    title: identity.title ?? facts.task.title,
    tui_version: identity.tui_version ?? agent.tui_version ?? null,
    provisional: true,
    status: 'scored',
    stop_reason: agent.stop_reason,
    ...(agent.stop_detail === undefined ? {} : { stop_detail: agent.stop_detail }),
    turns: agent.turns,
    tool_mode: agent.tool_mode,
    sandbox,
    integrity_verifiable: sandbox !== 'none',
    ...scoreAxes(facts),
    calls: agent.calls,
    spans: agent.spans,
    ...(agent.warnings === undefined ? {} : { warnings: agent.warnings }),
  };
}
