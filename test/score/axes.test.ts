import { describe, expect, it } from 'vitest';
import { scoreLatency, CONTAINER_ACTIVE_MEASURES } from '../../src/score/latency.js';
import { scorePassRate } from '../../src/score/pass-rate.js';
import { tailText } from '../../src/score/tail.js';
import { scoreTokens } from '../../src/score/tokens.js';
import { agent, call, CARGO_PASS_STDOUT, graded } from './facts.js';

describe('scorePassRate', () => {
  const cases = [
    { label: 'every test passed → pass', grade: graded(), pass: 1, partial: 1 },
    { label: 'a failing run → fail, partial from the runner summary when no test was reported', grade: graded({ exec: { exitCode: 101, stdout: 'test result: FAILED. 3 passed; 1 failed;\n' } }), pass: 0, partial: 0.75 },
    { label: 'the verdict decides, not the exit code', grade: graded({ verdict: { pass: 0, tests_passed: ['a'], tests_failed: ['b'], reasons: ['1 test(s) failed: b'] } }), pass: 0, partial: 0.5 },
    { label: 'recorded tests: partial = recorded passed / recorded', grade: graded({ verdict: { pass: 0, tests_expected: 4, expected_passed: 3, tests_missing: ['d'], reasons: ['1 expected test(s) not run'] } }), pass: 0, partial: 0.75 },
    { label: 'killed by a signal → fail', grade: graded({ exec: { exitCode: null, signal: 'SIGKILL', stdout: '' } }), pass: 0, partial: null },
    { label: 'spawn failure → fail', grade: graded({ exec: { exitCode: null, error: 'spawn cargo ENOENT', stdout: '' } }), pass: 0, partial: null },
  ];
  it.each(cases)('$label', ({ grade, pass, partial }) => {
    const axis = scorePassRate(grade);
    expect(axis.pass).toBe(pass);
    expect(axis.partial_score).toBe(partial);
    expect(axis.exit_code).toBe(grade.exec.exitCode);
    expect(axis.timed_out).toBe(grade.exec.timedOut);
    expect(axis.fail_reasons.length > 0).toBe(pass === 0);
  });

  it('keeps the last ~2 KB of each stream and the spawn error', () => {
    const long = `${'x'.repeat(5000)}\nEND`;
    const axis = scorePassRate(graded({ exec: { stdout: long, stderr: 'é'.repeat(3000), exitCode: null, error: 'spawn ENOENT' } }));
    expect(axis.stdout_tail.endsWith('END')).toBe(true);
    expect(Buffer.byteLength(axis.stdout_tail)).toBeLessThanOrEqual(2048);
    expect(axis.stderr_tail.endsWith('spawn ENOENT')).toBe(true);
    expect(axis.stderr_tail).not.toContain('\uFFFD');
    expect(scorePassRate(graded()).stdout_tail).toBe(CARGO_PASS_STDOUT);
  });

  it('partial_score is null when nothing was reported or counted', () => {
    expect(scorePassRate(graded({ exec: { stdout: '' }, verdict: { tests_passed: [] } })).partial_score).toBeNull();
  });

  it('tailText cuts on a character boundary', () => {
    expect(tailText('abc', 2)).toBe('bc');
    expect(tailText('aé', 1)).toBe(''); // half of "é" is dropped, not shown as U+FFFD
  });
});

describe('scoreTokens', () => {
  const cases = [
    { label: 'no calls, passed (the reference cell)', calls: [], pass: 1 as const, total: 0, perCorrect: 0, estimated: false },
    { label: 'two calls, passed', calls: [call(1000, 200, 1500), call(1400, 417, 2100)], pass: 1 as const, total: 3017, perCorrect: 3017, estimated: false },
    { label: 'failed → per-correct is null', calls: [call(1000, 200, 1500)], pass: 0 as const, total: 1200, perCorrect: null, estimated: false },
    { label: 'one call estimated → flagged', calls: [call(10, 5, 1), call(20, 5, 1, true)], pass: 1 as const, total: 40, perCorrect: 40, estimated: true },
  ];
  it.each(cases)('$label', ({ calls, pass, total, perCorrect, estimated }) => {
    const axis = scoreTokens(calls, pass);
    expect(axis.total_tokens).toBe(total);
    expect(axis.prompt_tokens + axis.completion_tokens).toBe(total);
    expect(axis.model_calls).toBe(calls.length);
    expect(axis.tokens_per_correct_task).toBe(perCorrect);
    expect(axis.pass_used_for_division).toBe(pass);
    expect(axis.tokens_estimated).toBe(estimated);
  });
});

describe('scoreLatency', () => {
  it('splits wall clock into model calls and the rest', () => {
    const axis = scoreLatency(agent({ wall_clock_ms: 10000, calls: [call(1, 1, 2500), call(1, 1, 1500)], model_call_ms: 999 }));
    expect(axis).toEqual({ wall_clock_ms: 10000, container_active_ms: 6000, container_active_measures: CONTAINER_ACTIVE_MEASURES, model_call_ms: 4000 });
  });

  it('uses the outcome sum when there are no call records, and never goes negative', () => {
    expect(scoreLatency(agent({ wall_clock_ms: 100, calls: [], model_call_ms: 40 })).container_active_ms).toBe(60);
    expect(scoreLatency(agent({ wall_clock_ms: 100, calls: [call(1, 1, 150)] })).container_active_ms).toBe(0);
  });

  it('says what container_active_ms measures', () => {
    expect(CONTAINER_ACTIVE_MEASURES).toBe('agent time outside model calls (tools, tests, harness); no container');
  });
});
