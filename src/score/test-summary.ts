// Reads "how many tests passed" from a test runner's own summary lines. A registry of parsers
// (name → detect + parse): the first one whose output shape is present decides, so a runner
// that is recognised but whose counts cannot be trusted (a compile error, go without -v) is
// null rather than a guess from a later, looser parser.

export interface TestCount {
  passed: number;
  total: number;
}

interface SummaryParser {
  detect: (text: string) => boolean;
  parse: (text: string) => TestCount | null;
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

function int(value: string | undefined): number {
  return value === undefined ? 0 : Number.parseInt(value, 10);
}

function sumMatches(text: string, re: RegExp): number {
  let sum = 0;
  for (const m of text.matchAll(re)) sum += int(m[1]);
  return sum;
}

// cargo test: one `test result:` line per test binary (unit, integration, doc tests).
const cargo: SummaryParser = {
  detect: (text) => /^test result: /m.test(text) || /could not compile `/.test(text),
  parse(text) {
    if (/could not compile `/.test(text)) return null;
    let passed = 0;
    let failed = 0;
    for (const m of text.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed;/gm)) {
      passed += int(m[1]);
      failed += int(m[2]);
    }
    return { passed, total: passed + failed };
  },
};

function unittestCounts(status: string, detail: string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of (detail ?? '').matchAll(/([a-z ]+)=(\d+)/g)) counts[(m[1] ?? '').trim()] = int(m[2]);
  if (status === 'FAILED' && Object.keys(counts).length === 0) counts.failures = 1;
  return counts;
}

// python -m unittest: `Ran N tests in Xs`, then `OK`, `OK (skipped=1)` or `FAILED (failures=1, errors=1)`.
const pythonUnittest: SummaryParser = {
  detect: (text) => /^Ran \d+ tests? in /m.test(text),
  parse(text) {
    let passed = 0;
    let total = 0;
    let runs = 0;
    for (const m of text.matchAll(/^Ran (\d+) tests? in [^\n]*\n(?:\s*\n)*(OK|FAILED|NO TESTS RAN)(?: \(([^)]*)\))?/gm)) {
      const counts = unittestCounts(m[2] ?? '', m[3]);
      const ran = int(m[1]) - (counts.skipped ?? 0);
      total += ran;
      passed += ran - (counts.failures ?? 0) - (counts.errors ?? 0) - (counts['unexpected successes'] ?? 0);
      runs++;
    }
    return runs === 0 ? null : { passed: Math.max(0, passed), total };
  },
};

// node --test: TAP reporter `# pass N` / `# fail N`, spec reporter (Node 20+) `ℹ pass N` / `ℹ fail N`.
const nodeTest: SummaryParser = {
  detect: (text) => /^[#ℹ] pass \d+$/m.test(text),
  parse(text) {
    const passed = sumMatches(text, /^[#ℹ] pass (\d+)$/gm);
    const failed = sumMatches(text, /^[#ℹ] fail (\d+)$/gm) + sumMatches(text, /^[#ℹ] cancelled (\d+)$/gm);
    return { passed, total: passed + failed };
  },
};

// go test: `--- PASS:` / `--- FAIL:` per test (and subtest). Without -v only failures are
// listed, so the pass count is unknowable: null.
const goTest: SummaryParser = {
  detect: (text) => /^\s*--- (?:PASS|FAIL|SKIP): /m.test(text) || /^(?:ok|FAIL)\s+\S+\s+(?:[\d.]+s|\[|\(cached\))/m.test(text),
  parse(text) {
    if (/^FAIL\s+\S+\s+\[(?:build|setup) failed\]/m.test(text)) return null;
    const passed = (text.match(/^\s*--- PASS: /gm) ?? []).length;
    const failed = (text.match(/^\s*--- FAIL: /gm) ?? []).length;
    const verbose = /^=== RUN /m.test(text) || passed > 0;
    if (!verbose || passed + failed === 0) return null;
    return { passed, total: passed + failed };
  },
};

// JUnit-style: Maven Surefire / JUnit 4 `Tests run: N, Failures: F[, Errors: E][, Skipped: S]`,
// JUnit 4 `OK (N tests)`, JUnit 5 console `[ N tests successful ]` / `[ N tests failed ]`.
const junit: SummaryParser = {
  detect: (text) =>
    /Tests run: \d+,\s+Failures: \d+/.test(text) || /^OK \(\d+ tests?\)/m.test(text) || /\[\s*\d+ tests successful\s*\]/.test(text),
  parse(text) {
    const lines = [...text.matchAll(/Tests run: (\d+),\s+Failures: (\d+)(?:,\s+Errors: (\d+))?(?:,\s+Skipped: (\d+))?(.*)$/gm)];
    // Surefire prints one line per class ("…, Time elapsed: …") and then the run's summary: prefer summaries.
    const summaries = lines.filter((m) => !/Time elapsed/.test(m[5] ?? ''));
    let passed = 0;
    let total = 0;
    for (const m of summaries.length > 0 ? summaries : lines) {
      const ran = int(m[1]) - int(m[4]);
      total += ran;
      passed += ran - int(m[2]) - int(m[3]);
    }
    for (const m of text.matchAll(/^OK \((\d+) tests?\)/gm)) {
      passed += int(m[1]);
      total += int(m[1]);
    }
    const ok = sumMatches(text, /\[\s*(\d+) tests successful\s*\]/g);
    const failed = sumMatches(text, /\[\s*(\d+) tests failed\s*\]/g) + sumMatches(text, /\[\s*(\d+) tests aborted\s*\]/g);
    return { passed: Math.max(0, passed + ok), total: total + ok + failed };
  },
};

// Plain `N passed, M failed` (pytest `1 failed, 3 passed in 0.1s`, vitest, hand-written runners).
const plain: SummaryParser = {
  detect: (text) => /\b\d+ (?:tests? )?passed\b/i.test(text),
  parse(text) {
    const lines = text.split('\n').filter((line) => /\b\d+ (?:tests? )?passed\b/i.test(line));
    const line = lines[lines.length - 1] ?? '';
    const passed = int(/\b(\d+) (?:tests? )?passed\b/i.exec(line)?.[1]);
    const failed = int(/\b(\d+) (?:tests? )?failed\b/i.exec(line)?.[1]);
    const errors = int(/\b(\d+) errors?\b/i.exec(line)?.[1]);
    return { passed, total: passed + failed + errors };
  },
};

/** Parsers in the order they are tried. */
export const TEST_SUMMARY_PARSERS: Readonly<Record<string, SummaryParser>> = {
  cargo,
  'python-unittest': pythonUnittest,
  'node-test': nodeTest,
  'go-test': goTest,
  junit,
  plain,
};

function detect(stdout: string, stderr: string): { name: string; parser: SummaryParser; text: string } | null {
  const text = `${stdout}\n${stderr}`.replace(ANSI, '').replace(/\r\n?/g, '\n');
  for (const [name, parser] of Object.entries(TEST_SUMMARY_PARSERS)) {
    if (parser.detect(text)) return { name, parser, text };
  }
  return null;
}

/** The name of the parser that recognises this output, or null. */
export function detectTestRunner(stdout: string, stderr: string): string | null {
  return detect(stdout, stderr)?.name ?? null;
}

/** Passed and total tests from the runner's summary; null when no summary can be read. */
export function parseTestSummary(stdout: string, stderr: string): TestCount | null {
  const found = detect(stdout, stderr);
  return found ? found.parser.parse(found.text) : null;
}
