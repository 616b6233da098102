// The result cell (SPEC §5). Axis and key names match the published cells exactly.

import type { AgentOutcome, RunWarning, Span, StopReason, ToolMode } from '../agent/types.js';
import type { TaskSpec } from '../bundle/task-spec.js';
import type { CallRecord } from '../llm/types.js';
import type { TaskStability } from './stability.js';
import type { CanaryState, Finding, GradeResult } from '../grade/types.js';
import type { SandboxKind, WorkdirChanges } from '../workspace/types.js';

/** What the grade stage recorded (grade/grade.ts). */
export type GradeFacts = Pick<GradeResult, 'exec' | 'verdict' | 'findings' | 'leftOut'>;

/** Everything recorded about one run; every axis is a pure function of this. */
export interface RunFacts {
  task: TaskSpec;
  agent: AgentOutcome;
  changes: WorkdirChanges; // pristine vs the workdir the agent left
  grade: GradeFacts;
}

export interface PassRateAxis {
  pass: 0 | 1;
  exit_code: number | null;
  timed_out: boolean;
  stdout_tail: string;
  stderr_tail: string;
  partial_score: number | null;
  tests_expected: number | null; // how many tests bundle validation recorded (null: none recorded)
  tests_passed: string[]; // test IDs reported passed (hidden canaries left out)
  tests_failed: string[];
  tests_missing: string[]; // recorded tests not reported passed or failed (skipped, or never ran)
  canaries: CanaryState | null; // null when the task's tests had no place for canaries
  fail_reasons: string[]; // why pass is 0, in plain words
}

export interface TokensAxis {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  model_calls: number;
  tokens_per_correct_task: number | null;
  pass_used_for_division: number;
  tokens_estimated: boolean;
}

export interface LatencyAxis {
  wall_clock_ms: number;
  container_active_ms: number;
  container_active_measures: string;
  model_call_ms: number;
}

export interface BlastRadiusAxis {
  blast_radius: number;
  added: string[];
  removed: string[];
  modified: string[];
  unexpected_changes: string[];
  expected_changes: string[];
  total_changes: number;
  extra_git_dir: boolean;
}

export type RefusalCorrect = 'true' | 'partial' | 'false' | null;

export interface RefusalAxis {
  refusal: 0 | 0.5 | 1;
  not_applicable: boolean;
  expected_refusal: boolean;
  refusal_produced: boolean;
  fabricated_fix_detected: boolean;
  refusal_correct: RefusalCorrect;
  refusal_reasons: string[];
  refusal_signals: string[];
  marker_hits: string[]; // refusal documents found
  keyword_hits: string[]; // refusal words found in the answer or outputs
}

export interface IntegrityAxis {
  integrity: 0 | 1;
  not_applicable: boolean;
  task_id: string;
  protected_changed: string[];
  tampered: boolean;
  reasons: string[];
  findings: Finding[]; // what grading found: protected changes, canaries, exit code, the monitor
  ignored_added: string[]; // paths under `ignore` globs or .git the agent created (never graded)
}

export interface ConstraintVerdict {
  kind: string;
  honored: boolean;
  detail: string;
}

export interface ConstraintsAxis {
  declared: number;
  honored: number;
  l15: number | null; // honored / declared; null when none declared
  verdicts: ConstraintVerdict[];
}

export interface CompositeAxis {
  composite: number;
  weights: { pass_rate: number; integrity: number; cost: number; latency: number; blast_radius: number };
  components: Record<string, number | boolean | null>;
  note: string;
}

export interface Axes {
  pass_rate: PassRateAxis;
  tokens: TokensAxis;
  latency: LatencyAxis;
  blast_radius: BlastRadiusAxis;
  refusal: RefusalAxis;
  integrity: IntegrityAxis;
  constraints: ConstraintsAxis;
  composite: CompositeAxis;
}

export interface RunIdentity {
  cell_id: string; // local-<YYYYMMDD>/<tui>/<model>/<task_id>#run<N>
  run_id: string;
  task_id: string;
  title?: string; // the task's title (scoreCell fills it from the task when missing)
  category: string;
  language: string;
  tui: string;
  tui_version: string | null;
  model: string | null;
  endpoint_host: string | null; // never the key, never user info
  run_index: number; // 1-based
  started_at: string;
  ended_at: string;
}

export interface ScoredCell extends RunIdentity, Axes {
  provisional: true;
  status: 'scored';
  stop_reason: StopReason;
  stop_detail?: string;
  turns?: number; // model calls the agent made (a turn is one call)
  tool_mode: ToolMode;
  sandbox: SandboxKind; // the weakest confinement of the run: 'none' when the agent or the tests ran unconfined
  integrity_verifiable?: boolean; // false with sandbox 'none': the agent could have read answers or the key
  calls: CallRecord[];
  spans: Span[];
  warnings?: RunWarning[]; // e.g. the server did not parse tool calls (with the fix)
}

export interface SkippedCell extends RunIdentity {
  provisional: true;
  status: 'skipped';
  reason: string; // e.g. "needs go"
}

export type Cell = ScoredCell | SkippedCell;

export interface Summary {
  tasks: number;
  passed: number;
  failed: number;
  skipped: number;
  means: Record<string, number | null>;
  // mean of each axis' headline value and of the composite over scored cells
  stability?: TaskStability[]; // with --repeat: verdict stability and 95% intervals per task
}

export interface ResultDocument {
  provisional: true;
  tool: { name: string; version: string };
  results: Cell[];
  summary: Summary;
}
