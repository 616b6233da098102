// node --test → our own reporter module, which runs in the test *runner* process (each test file
// runs in a child process of its own, where the code under test lives), writing one JSON line per
// finished test to a file outside the graded tree (a failing `todo` test is `xfail`). The
// human-readable TAP stays on stdout. The reporter reads the must-fail canary's name from a file
// it deletes at once, and when that canary's failure is the run's only one, the runner exits 0.
// Test ID: `<file relative to the workdir>::<outer name> > <inner name>`.

import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ExecResult } from '../../workspace/types.js';
import type { TestOutcome, TestStatus } from '../types.js';
import { canaryFile, isNamed, jsonLines, type PreparedRun, type Reporter, type ReporterContext } from './types.js';

const REPORTER = `import { readFileSync, unlinkSync } from 'node:fs';

function mustFail(path) {
  if (!path) return null;
  try {
    const name = JSON.parse(readFileSync(path, 'utf8')).mustFail;
    unlinkSync(path);
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

const canary = mustFail(CANARY_FILE);
let others = 0;
process.on('exit', () => {
  if (canary !== null && others === 0 && process.exitCode === 1) process.exitCode = 0;
});

export default async function* cabReporter(source) {
  const stacks = new Map();
  for await (const event of source) {
    if (event.type !== 'test:start' && event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data ?? {};
    const file = d.file ?? '';
    const stack = stacks.get(file) ?? [];
    stacks.set(file, stack);
    const nesting = Number.isInteger(d.nesting) ? d.nesting : 0;
    if (event.type === 'test:start') {
      stack.length = nesting;
      stack[nesting] = d.name;
      continue;
    }
    const path = [...stack.slice(0, nesting), d.name];
    const status = event.type === 'test:fail' ? (d.todo ? 'xfail' : 'failed') : d.skip ? 'skipped' : 'passed';
    if (status === 'failed' && !(nesting === 0 && d.name === canary)) others += 1;
    yield JSON.stringify({ file, path, status }) + '\\n';
  }
}
`;

const STATUSES = new Set<TestOutcome>(['passed', 'failed', 'skipped', 'xfail']);

function withReporter(argv: readonly string[], reporter: string, resultsFile: string): string[] {
  const rest = argv.slice(1).filter((arg) => !arg.startsWith('--test-reporter'));
  return [argv[0] as string, `--test-reporter=${reporter}`, `--test-reporter-destination=${resultsFile}`, '--test-reporter=tap', '--test-reporter-destination=stdout', ...rest];
}

export const nodeTest: Reporter = {
  name: 'node-test',
  matches: (argv) => isNamed('node')(argv) && argv.includes('--test'),
  async prepare(argv: readonly string[], ctx: ReporterContext): Promise<PreparedRun> {
    const reporter = join(ctx.runDir, 'cab-test-reporter.mjs');
    const resultsFile = join(ctx.runDir, 'node-test-results.jsonl');
    const canary = canaryFile(ctx);
    await writeFile(reporter, REPORTER.replace('CANARY_FILE', JSON.stringify(canary)));
    await writeFile(resultsFile, '');
    if (canary) await writeFile(canary, JSON.stringify({ mustFail: ctx.canaries?.mustFail }));
    return { argv: withReporter(argv, reporter, resultsFile), env: {}, resultsFile };
  },
  parse(_exec: ExecResult, results: string | null, ctx: ReporterContext): TestStatus[] {
    return jsonLines(results).flatMap((row) => {
      if (!Array.isArray(row.path) || !STATUSES.has(row.status as TestOutcome)) return [];
      const file = typeof row.file === 'string' && row.file !== '' ? relative(ctx.gradedDir, row.file) : '';
      return [{ id: `${file}::${row.path.join(' > ')}`, status: row.status as TestOutcome }];
    });
  },
};
