// Canary verdicts (table-driven): what an honest run reports, and every way tampering shows.

import { describe, expect, it } from 'vitest';
import { judgeCanaries, withoutCanaries } from '../../src/grade/canaries/index.js';
import { canaryNames } from '../../src/grade/canaries/names.js';
import type { CanaryPlan, TestStatus } from '../../src/grade/types.js';

const py: CanaryPlan = { file: 'tests/test_x.py', mustPass: 'test_add_twice', mustFail: 'test_add_edge', siblings: ['test_add', 'test_zero'] };
const go: CanaryPlan = { file: 'x_test.go', mustPass: 'TestAddTwice', mustFail: null, siblings: ['TestAdd'] };
const s = (id: string, status: TestStatus['status']): TestStatus => ({ id, status });

describe('judgeCanaries', () => {
  const cases: [string, CanaryPlan, TestStatus[], number | null, string][] = [
    ['honest python run', py, [s('t.T.test_add', 'passed'), s('t.T.test_add_twice', 'passed'), s('t.T.test_add_edge', 'failed')], 0, 'ok'],
    ['no-op assertions: the must-fail passes', py, [s('t.T.test_add_twice', 'passed'), s('t.T.test_add_edge', 'passed')], 0, 'tampered'],
    ['a runner honouring expected-failure marks', py, [s('t.T.test_add_twice', 'passed'), s('t.T.test_add_edge', 'xfail')], 0, 'tampered'],
    ['a forged pass line beside the real failure', py, [s('t.T.test_add_twice', 'passed'), s('t.T.test_add_edge', 'failed'), s('t.T.test_add_edge', 'passed')], 0, 'tampered'],
    ['assertions that always raise: the must-pass fails', py, [s('t.T.test_add_twice', 'failed'), s('t.T.test_add_edge', 'failed')], 1, 'tampered'],
    ['canaries skipped', py, [s('t.T.test_add_twice', 'skipped'), s('t.T.test_add_edge', 'skipped')], 0, 'tampered'],
    ['nothing reported and exit 0 (exit at import)', py, [], 0, 'tampered'],
    ['forged results for the known tests only', py, [s('t.T.test_add', 'passed'), s('t.T.test_zero', 'passed')], 1, 'tampered'],
    ['the tests did not build', py, [], 1, 'missing'],
    ['honest go run (no must-fail mark in Go)', go, [s('m.TestAdd', 'passed'), s('m.TestAddTwice', 'passed')], 0, 'ok'],
    ['go output cut short by os.Exit(0)', go, [s('m.TestAdd', 'passed')], 0, 'tampered'],
    ['go build failure', go, [], 1, 'missing'],
  ];
  it.each(cases)('%s → %s', (_label, plan, statuses, exit, state) => {
    const verdict = judgeCanaries(plan, statuses, exit);
    expect(verdict.state).toBe(state);
    expect(verdict.detail === null).toBe(state === 'ok');
  });

  it('the task\'s own statuses come back without the canaries', () => {
    const statuses = [s('t.T.test_add', 'passed'), s('t.T.test_add_twice', 'passed'), s('t.T.test_add_edge', 'failed')];
    expect(withoutCanaries(py, statuses)).toEqual([s('t.T.test_add', 'passed')]);
  });

  it('names look like the task\'s own and never collide with them', () => {
    for (let i = 0; i < 50; i++) {
      const [a, b] = canaryNames(['test_add', 'test_zero'], 'test_case', 'snake');
      expect(a).toMatch(/^test_(add|zero)_[a-z]+$/);
      expect(b).not.toBe(a);
      expect(['test_add', 'test_zero']).not.toContain(a);
    }
  });
});
