import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectTestRunner, parseTestSummary } from '../../src/score/test-summary.js';
import { tempDirSync } from '../helpers/temp.js';

// Outputs captured from real runs (cargo 1.9x, Python 3.11 unittest, Node 20 node --test, go 1.19,
// JUnit 4.13 JUnitCore, pytest 9). surefire-fail is Maven Surefire's documented format (no
// Maven plugins are cached offline here to capture it).
const dir = join(import.meta.dirname, 'fixtures', 'runner-output');
function read(name: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    return '';
  }
}
function fixture(name: string): [string, string] {
  return [read(`${name}.stdout.txt`), read(`${name}.stderr.txt`)];
}

describe('parseTestSummary on captured runner output', () => {
  const cases: { name: string; runner: string | null; expected: { passed: number; total: number } | null }[] = [
    { name: 'cargo-ok', runner: 'cargo', expected: { passed: 4, total: 4 } }, // 3 unit + 1 integration + 0 doc
    { name: 'cargo-fail', runner: 'cargo', expected: { passed: 3, total: 4 } }, // ignored tests left out
    { name: 'cargo-cerr', runner: 'cargo', expected: null }, // compile error: no verdict to read
    { name: 'py-ok', runner: 'python-unittest', expected: { passed: 4, total: 4 } }, // OK (skipped=1)
    { name: 'py-fail', runner: 'python-unittest', expected: { passed: 2, total: 4 } }, // failures=1, errors=1, skipped=1
    { name: 'node-fail', runner: 'node-test', expected: { passed: 3, total: 4 } }, // TAP `# pass 3` / `# fail 1`
    { name: 'node-spec', runner: 'node-test', expected: { passed: 3, total: 4 } }, // spec reporter `ℹ pass 3`
    { name: 'go-verbose', runner: 'go-test', expected: { passed: 2, total: 5 } }, // subtests counted too
    { name: 'go-verbose-ok', runner: 'go-test', expected: { passed: 5, total: 5 } }, // TestA, TestB, TestS + 2 subtests; SKIP left out
    { name: 'go-fail', runner: 'go-test', expected: null }, // without -v the passes are invisible
    { name: 'go-ok', runner: 'go-test', expected: null },
    { name: 'go-build-failed', runner: 'go-test', expected: null },
    { name: 'junit4-fail', runner: 'junit', expected: { passed: 2, total: 4 } },
    { name: 'junit4-ok', runner: 'junit', expected: { passed: 4, total: 4 } },
    { name: 'surefire-fail', runner: 'junit', expected: { passed: 4, total: 6 } }, // the Results summary, not per-class lines
    { name: 'pytest-fail', runner: 'plain', expected: { passed: 4, total: 5 } },
  ];
  it.each(cases)('$name → $expected', ({ name, runner, expected }) => {
    const [stdout, stderr] = fixture(name);
    expect(stdout + stderr).not.toBe('');
    expect(detectTestRunner(stdout, stderr)).toBe(runner);
    expect(parseTestSummary(stdout, stderr)).toEqual(expected);
  });
});

describe('parseTestSummary on small outputs', () => {
  const cases: { label: string; stdout: string; stderr?: string; expected: { passed: number; total: number } | null }[] = [
    { label: 'plain passed/failed', stdout: 'done: 3 passed, 1 failed\n', expected: { passed: 3, total: 4 } },
    { label: 'plain passed only', stdout: 'All good — 7 tests passed\n', expected: { passed: 7, total: 7 } },
    { label: 'pytest with errors', stdout: '=== 1 failed, 2 passed, 1 error in 0.3s ===\n', expected: { passed: 2, total: 4 } },
    { label: 'JUnit without errors key', stdout: 'Tests run: 5, Failures: 2\n', expected: { passed: 3, total: 5 } },
    { label: 'JUnit 5 console launcher', stdout: '[         4 tests successful      ]\n[         1 tests failed          ]\n', expected: { passed: 4, total: 5 } },
    { label: 'unittest FAILED with errors only', stdout: '', stderr: 'Ran 3 tests in 0.010s\n\nFAILED (errors=3)\n', expected: { passed: 0, total: 3 } },
    { label: 'unittest NO TESTS RAN', stdout: '', stderr: 'Ran 0 tests in 0.000s\n\nNO TESTS RAN\n', expected: { passed: 0, total: 0 } },
    { label: 'ANSI colours and CRLF', stdout: '\u001b[32mtest result: ok.\u001b[0m 2 passed; 0 failed; 0 ignored\r\n', expected: { passed: 2, total: 2 } },
    { label: 'cargo summed over binaries', stdout: 'test result: FAILED. 1 passed; 2 failed;\ntest result: ok. 5 passed; 0 failed;\n', expected: { passed: 6, total: 8 } },
    { label: 'nothing recognisable', stdout: 'Segmentation fault\n', stderr: 'core dumped', expected: null },
    { label: 'empty', stdout: '', expected: null },
  ];
  it.each(cases)('$label', ({ stdout, stderr, expected }) => {
    expect(parseTestSummary(stdout, stderr ?? '')).toEqual(expected);
  });
});

describe('parseTestSummary on live runners', () => {
  const scratch = tempDirSync('cab-summary-');
  const hasPython = spawnSync('python3', ['--version']).status === 0;
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reads node --test (TAP when not a TTY) from this very Node', () => {
    writeFileSync(
      join(scratch, 'a.test.mjs'),
      "import test from 'node:test';\nimport assert from 'node:assert';\ntest('a', () => assert.equal(1, 1));\ntest('b', () => assert.equal(1, 2));\ntest('c', () => {});\n",
    );
    const run = spawnSync(process.execPath, ['--test', 'a.test.mjs'], { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.status).toBe(1);
    expect(parseTestSummary(run.stdout, run.stderr)).toEqual({ passed: 2, total: 3 });
  });

  it.skipIf(!hasPython)('reads python3 -m unittest', () => {
    writeFileSync(
      join(scratch, 'test_live.py'),
      'import unittest\nclass T(unittest.TestCase):\n    def test_a(self): pass\n    def test_b(self): self.fail("no")\n',
    );
    const run = spawnSync('python3', ['-m', 'unittest'], { cwd: scratch, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(parseTestSummary(run.stdout, run.stderr)).toEqual({ passed: 1, total: 2 });
  });

  it('detects no runner in a plain shell command', () => {
    const out = execFileSync('sh', ['-c', 'echo building; echo done'], { encoding: 'utf8' });
    expect(parseTestSummary(out, '')).toBeNull();
  });
});
