// go test → `go test -json`: test2json, in the go command's own process, turns the test binary's
// output into one event per test. Test ID: `<import path>.<TestName>` (subtests `TestX/sub`).
// stdout is the events; the readable text for the tail is rebuilt from their Output fields.

import type { ExecResult } from '../../workspace/types.js';
import type { TestOutcome, TestStatus } from '../types.js';
import { isNamed, jsonLines, type PreparedRun, type Reporter } from './types.js';

const ACTIONS: Record<string, TestOutcome> = { pass: 'passed', fail: 'failed', skip: 'skipped' };

export const goTest: Reporter = {
  name: 'go-test',
  matches: (argv) => isNamed('go')(argv) && argv[1] === 'test',
  prepare(argv: readonly string[]): Promise<PreparedRun> {
    const flags = argv.slice(2).filter((arg) => arg !== '-json' && arg !== '-v');
    return Promise.resolve({ argv: [argv[0] as string, 'test', '-json', ...flags], env: {}, resultsFile: null });
  },
  parse(exec: ExecResult): TestStatus[] {
    return jsonLines(exec.stdout).flatMap((event) => {
      const status = ACTIONS[String(event.Action)];
      if (!status || typeof event.Test !== 'string' || event.Test === '') return [];
      return [{ id: `${String(event.Package ?? '')}.${event.Test}`, status }];
    });
  },
};

/** The human text of a `go test -json` stream (the Output fields), for stdout_tail. */
export function goJsonText(stdout: string): string {
  const events = jsonLines(stdout);
  if (events.length === 0) return stdout;
  return events.map((e) => (typeof e.Output === 'string' ? e.Output : '')).join('');
}
