// Builders for RunFacts in score tests: a plain task, an agent outcome, a verify result, changes.

import type { AgentOutcome } from '../../src/agent/types.js';
import type { TaskSpec } from '../../src/bundle/task-spec.js';
import type { CallRecord } from '../../src/llm/types.js';
import type { Finding, TestVerdict } from '../../src/grade/types.js';
import type { GradeFacts, RunFacts, RunIdentity } from '../../src/score/types.js';
import type { ExecResult, FileChange, WorkdirChanges } from '../../src/workspace/types.js';

export function task(overrides: Partial<TaskSpec> = {}): TaskSpec {
  return {
    id: 'mutations/rust-error-negated',
    category: 'mutations',
    language: 'rust',
    title: 'Retry loop condition negated',
    version: '1',
    max_turns: 30,
    timeout_s: 600,
    test: ['cargo', 'test'],
    verify: ['cargo', 'test'],
    ground_truth_files: ['src/lib.rs'],
    expected_refusal: false,
    refusal_docs: [],
    protected: ['tests/**'],
    constraints: [],
    toolchains: ['cargo'],
    ignore: ['target/'],
    ...overrides,
  };
}

export function agent(overrides: Partial<AgentOutcome> = {}): AgentOutcome {
  return {
    stop_reason: 'done',
    final_answer: 'Fixed the negated condition.',
    tool_outputs: [],
    transcript: [],
    calls: [],
    tool_mode: 'native',
    turns: 0,
    started_at: '2026-06-17T04:06:35.951Z',
    ended_at: '2026-06-17T04:06:48.941Z',
    wall_clock_ms: 12989.314999999999,
    model_call_ms: 0,
    spans: [],
    ...overrides,
  };
}

export function call(prompt: number, completion: number, latencyMs: number, estimated = false): CallRecord {
  return {
    started_at: '2026-06-17T04:06:36.000Z',
    request_sha256: 'a'.repeat(64),
    prompt_tokens: prompt,
    completion_tokens: completion,
    latency_ms: latencyMs,
    finish_reason: 'stop',
    status: 200,
    retries: 0,
    usage_estimated: estimated,
    stream: true,
  };
}

export const CARGO_PASS_STDOUT =
  '\nrunning 4 tests\ntest tests::gives_up_after_max_attempts ... ok\ntest tests::first_attempt_ok_returns_immediately ... ok\ntest tests::retries_on_error_until_success ... ok\ntest tests::zero_max_attempts_errors ... ok\n\ntest result: ok. 4 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\n';

export function exec(overrides: Partial<ExecResult> = {}): ExecResult {
  return {
    argv: ['cargo', 'test'],
    exitCode: 0,
    signal: null,
    timedOut: false,
    stdout: CARGO_PASS_STDOUT,
    stderr: '',
    stdoutBytes: CARGO_PASS_STDOUT.length,
    stderrBytes: 0,
    durationMs: 800,
    sandbox: 'none',
    ...overrides,
  };
}

export function added(path: string, after = 'new\n'): FileChange {
  return { path, kind: 'added', before: null, after, binary: false };
}

export function modified(path: string, before: string, after: string): FileChange {
  return { path, kind: 'modified', before, after, binary: false };
}

export function removed(path: string, before = 'old\n'): FileChange {
  return { path, kind: 'removed', before, after: null, binary: false };
}

export function changes(list: FileChange[], extraGitDir = false): WorkdirChanges {
  return { changes: [...list].sort((a, b) => (a.path < b.path ? -1 : 1)), extra_git_dir: extraGitDir };
}

const CARGO_PASSED = ['tests::gives_up_after_max_attempts', 'tests::first_attempt_ok_returns_immediately', 'tests::retries_on_error_until_success', 'tests::zero_max_attempts_errors'];

/** What the grade stage records for a run: passed when the run exited 0 (override the verdict to say otherwise). */
export function graded(overrides: { exec?: Partial<ExecResult>; verdict?: Partial<TestVerdict>; findings?: Finding[] } = {}): GradeFacts {
  const run = exec(overrides.exec);
  const ok = run.exitCode === 0 && !run.timedOut && run.error === undefined;
  const verdict: TestVerdict = {
    pass: ok ? 1 : 0, tests_expected: null, expected_passed: null, tests_passed: ok ? CARGO_PASSED : [], tests_failed: [], tests_missing: [],
    canaries: 'ok', reasons: ok ? [] : ['the tests failed'], ...overrides.verdict,
  };
  return { exec: run, verdict, findings: overrides.findings ?? [], leftOut: [] };
}

export function facts(overrides: Partial<RunFacts> = {}): RunFacts {
  return { task: task(), agent: agent(), changes: changes([]), grade: graded(), ...overrides };
}

export function identity(overrides: Partial<RunIdentity> = {}): RunIdentity {
  return {
    cell_id: 'local-20260617/builtin/qwen3-coder/mutations/rust-error-negated#run1',
    run_id: 'r-20260617-0001',
    task_id: 'mutations/rust-error-negated',
    category: 'mutations',
    language: 'rust',
    tui: 'builtin',
    tui_version: null,
    model: 'qwen3-coder',
    endpoint_host: '127.0.0.1:8000',
    run_index: 1,
    started_at: '2026-06-17T04:06:35.951Z',
    ended_at: '2026-06-17T04:06:49.741Z',
    ...overrides,
  };
}

/** The reference cell's workdir changes: aider's 8 droppings + the one expected fix. */
export const REFERENCE_CHANGES: FileChange[] = [
  added('.aider.chat.history.md'),
  added('.aider.input.history'),
  added('.aider.tags.cache.v4/cache.db'),
  added('.aider/analytics.json'),
  added('.aider/caches/model_prices_and_context_window.json'),
  added('.aider/installs.json'),
  added('It should be changed to'),
  added('The issue is with this line'),
  modified('src/lib.rs', 'if result.is_ok() {\n', 'if result.is_err() {\n'),
];
