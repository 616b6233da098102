// python -m unittest … → a product-owned runner, run isolated (`python3 -I`: no PYTHON* variables,
// no user site, neither the script's folder nor the cwd on sys.path). The workdir goes on sys.path
// *after* the standard library, so no workdir module can stand in for a stdlib one, and every
// test's outcome is written as one JSON line to a results file outside the graded tree, through
// functions bound before any test module is imported (rebinding json or the file later changes
// nothing). The runner reads the must-fail canary's name from a file it deletes before importing
// anything of the workdir, leaves that canary's failure out of its verdict, and writes the verdict
// as the last line: a run cut short or an exit code rewritten at exit cannot pass.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExecResult } from '../../workspace/types.js';
import type { TestOutcome, TestStatus } from '../types.js';
import { canaryFile, isNamed, jsonLines, type PreparedRun, type Reporter, type ReporterContext } from './types.js';

const RUNNER = String.raw`import json, os, sys, unittest

def parse(args):
    opts = {"start": ".", "pattern": "test*.py", "top": None, "names": []}
    if args and args[0] == "discover":
        rest, i, pos = args[1:], 0, []
        while i < len(rest):
            a = rest[i]
            if a in ("-s", "--start-directory"): opts["start"] = rest[i + 1]; i += 2
            elif a in ("-p", "--pattern"): opts["pattern"] = rest[i + 1]; i += 2
            elif a in ("-t", "--top-level-directory"): opts["top"] = rest[i + 1]; i += 2
            elif a.startswith("-"): i += 1
            else: pos.append(a); i += 1
        for key, value in zip(("start", "pattern", "top"), pos): opts[key] = value
        opts["discover"] = True
    else:
        opts["names"] = [a for a in args if not a.startswith("-")]
        opts["discover"] = not opts["names"]
    return opts

def must_fail(path):
    if not path:
        return None
    try:
        with open(path) as f:
            name = json.load(f)["mustFail"]
        os.unlink(path)
        return name
    except (OSError, ValueError, KeyError):
        return None

def main():
    out = open(sys.argv[1], "w", buffering=1)
    canary = must_fail(sys.argv[2])
    opts = parse(sys.argv[3:])
    cwd = os.getcwd()
    sys.dont_write_bytecode = True
    sys.path.append(cwd)
    dumps, write, flush = json.dumps, out.write, out.flush
    bad = []
    def emit(test, status):
        tid = test.id()
        if status == "failed" and not (canary and (tid == canary or tid.endswith("." + canary))):
            bad.append(tid)
        write(dumps({"id": tid, "status": status}) + "\n")
    class Result(unittest.TextTestResult):
        def addSuccess(self, test): super().addSuccess(test); emit(test, "passed")
        def addFailure(self, test, err): super().addFailure(test, err); emit(test, "failed")
        def addError(self, test, err): super().addError(test, err); emit(test, "failed")
        def addSkip(self, test, reason): super().addSkip(test, reason); emit(test, "skipped")
        def addExpectedFailure(self, test, err): super().addExpectedFailure(test, err); emit(test, "xfail")
        def addUnexpectedSuccess(self, test): super().addUnexpectedSuccess(test); emit(test, "failed")
        def addSubTest(self, test, subtest, err):
            super().addSubTest(test, subtest, err)
            if err is not None: emit(test, "failed")
    loader = unittest.TestLoader()
    if opts["discover"]:
        suite = loader.discover(opts["start"], opts["pattern"], opts["top"] or cwd)
    else:
        suite = loader.loadTestsFromNames(opts["names"])
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2, resultclass=Result).run(suite)
    ok = not bad and result.testsRun > 0
    write(dumps({"end": True, "ran": result.testsRun, "ok": ok}) + "\n")
    flush()
    sys.exit(0 if ok else 1)

main()
`;

function isUnittest(argv: readonly string[]): boolean {
  return (isNamed('python3')(argv) || isNamed('python')(argv)) && argv[1] === '-m' && argv[2] === 'unittest';
}

const STATUSES = new Set<TestOutcome>(['passed', 'failed', 'skipped', 'xfail']);

export const pythonUnittest: Reporter = {
  name: 'python-unittest',
  matches: (argv) => isUnittest(argv),
  async prepare(argv: readonly string[], ctx: ReporterContext): Promise<PreparedRun> {
    const runner = join(ctx.runDir, 'cab_unittest_runner.py');
    const resultsFile = join(ctx.runDir, 'unittest-results.jsonl');
    const canary = canaryFile(ctx);
    await writeFile(runner, RUNNER);
    await writeFile(resultsFile, '');
    if (canary) await writeFile(canary, JSON.stringify({ mustFail: ctx.canaries?.mustFail }));
    return { argv: [argv[0] as string, '-I', runner, resultsFile, canary ?? '', ...argv.slice(3)], env: {}, resultsFile };
  },
  /** The runner's own last line says whether it finished and passed (canary aside); the exit code alone does not. */
  finished(exec: ExecResult, results: string | null): boolean {
    const end = jsonLines(results).find((row) => row.end === true);
    return exec.exitCode === 0 && end?.ok === true;
  },
  parse(_exec: ExecResult, results: string | null): TestStatus[] {
    return jsonLines(results).flatMap((row) =>
      typeof row.id === 'string' && STATUSES.has(row.status as TestOutcome) ? [{ id: row.id, status: row.status as TestOutcome }] : [],
    );
  },
};
