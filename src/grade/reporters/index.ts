// The per-test reporters, a registry: the first whose command shape matches the task's `verify`
// argv runs it. `pass-fail-lines` matches anything and comes last.

import { cargoTest } from './cargo-test.js';
import { goTest } from './go-test.js';
import { lineReport } from './line-report.js';
import { nodeTest } from './node-test.js';
import { pythonUnittest } from './python-unittest.js';
import type { Reporter } from './types.js';

const REPORTERS: readonly Reporter[] = [pythonUnittest, nodeTest, goTest, cargoTest, lineReport];

export function reporterFor(argv: readonly string[], language: string): Reporter {
  return REPORTERS.find((r) => r.matches(argv, language)) ?? lineReport;
}

export type { Reporter, ReporterContext } from './types.js';
export { goJsonText } from './go-test.js';
export { WHOLE_RUN_ID } from './line-report.js';
