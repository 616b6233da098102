// The pass verdict from per-test results (table-driven): recorded tests, canaries, exit code.

import { describe, expect, it } from 'vitest';
import type { CanaryVerdict } from '../../src/grade/canaries/index.js';
import type { TestStatus } from '../../src/grade/types.js';
import { consolidate, judgeTests } from '../../src/grade/verdict.js';
import { exec } from '../score/facts.js';

const ok: CanaryVerdict = { state: 'ok', detail: null };
const expected = { fail_to_pass: ['t.a'], pass_to_pass: ['t.b'] };
const passed = (...ids: string[]): TestStatus[] => ids.map((id) => ({ id, status: 'passed' }));

describe('judgeTests', () => {
  const cases: { label: string; statuses: TestStatus[]; exit: number | null; canaries: CanaryVerdict | null; rec: typeof expected | null; pass: 0 | 1; missing?: string[] }[] = [
    { label: 'every recorded test passed, canaries intact, exit 0', statuses: passed('t.a', 't.b'), exit: 0, canaries: ok, rec: expected, pass: 1 },
    { label: 'every recorded test reported passed but the run exited 1', statuses: passed('t.a', 't.b'), exit: 1, canaries: ok, rec: expected, pass: 0 },
    { label: 'a recorded test missing', statuses: passed('t.b'), exit: 0, canaries: ok, rec: expected, pass: 0, missing: ['t.a'] },
    { label: 'a recorded test skipped counts as missing', statuses: [...passed('t.b'), { id: 't.a', status: 'skipped' }], exit: 0, canaries: ok, rec: expected, pass: 0, missing: ['t.a'] },
    { label: 'a recorded test that is an expected failure counts as missing', statuses: [...passed('t.b'), { id: 't.a', status: 'xfail' }], exit: 0, canaries: ok, rec: expected, pass: 0, missing: ['t.a'] },
    { label: 'an unrecorded test failed', statuses: [...passed('t.a', 't.b'), { id: 't.c', status: 'failed' }], exit: 0, canaries: ok, rec: expected, pass: 0 },
    { label: 'a forged pass cannot hide a failure of the same test', statuses: [...passed('t.a', 't.b'), { id: 't.a', status: 'failed' }], exit: 0, canaries: ok, rec: expected, pass: 0 },
    { label: 'canaries tampered', statuses: passed('t.a', 't.b'), exit: 0, canaries: { state: 'tampered', detail: 'x' }, rec: expected, pass: 0 },
    { label: 'no recorded tests, no canaries: all reported passed and exit 0', statuses: passed('x'), exit: 0, canaries: null, rec: null, pass: 1 },
    { label: 'no recorded tests: nothing reported is a fail', statuses: [], exit: 0, canaries: null, rec: null, pass: 0 },
    { label: 'no canaries: a non-zero exit is a fail', statuses: passed('x'), exit: 2, canaries: null, rec: null, pass: 0 },
  ];
  it.each(cases)('$label', ({ statuses, exit, canaries, rec, pass, missing }) => {
    const verdict = judgeTests({ expected: rec, statuses, exec: exec({ exitCode: exit }), canaries });
    expect(verdict.pass).toBe(pass);
    expect(verdict.reasons.length === 0).toBe(pass === 1);
    if (missing) expect(verdict.tests_missing).toEqual(missing);
  });

  it('a timeout or a spawn error is never a pass', () => {
    expect(judgeTests({ expected, statuses: passed('t.a', 't.b'), exec: exec({ exitCode: 1, timedOut: true }), canaries: ok }).pass).toBe(0);
    expect(judgeTests({ expected: null, statuses: passed('x'), exec: exec({ exitCode: null, error: 'command not found: cargo' }), canaries: null }).pass).toBe(0);
  });

  it('consolidate: failed beats skipped beats passed', () => {
    expect([...consolidate([{ id: 'a', status: 'passed' }, { id: 'a', status: 'skipped' }, { id: 'b', status: 'failed' }, { id: 'b', status: 'passed' }])]).toEqual([['a', 'skipped'], ['b', 'failed']]);
  });
});
