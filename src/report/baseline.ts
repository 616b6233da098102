// `check --baseline`: the cells of this run compared with saved runs, gated by --fail-on-regression.
// The folder of this run is left out of the baseline (it is saved before the comparison).

import { resolve } from 'node:path';
import type { Cell } from '../score/types.js';
import { compareSets, gateComparison, type Comparison } from './compare.js';
import { loadRunSet } from './run-sets.js';

interface BaselineArgs {
  baseline: string | null;
  failOnRegression: readonly string[] | null;
  cells: readonly Cell[];
  cwd: string;
  outDir: string | null; // this run's folder
}

export async function compareWithBaseline(args: BaselineArgs): Promise<Comparison | null> {
  if (args.baseline === null) return null;
  const set = await loadRunSet([resolve(args.cwd, args.baseline)], { label: args.baseline });
  const own = args.outDir === null ? null : resolve(args.outDir);
  const cells = set.entries.filter((e) => e.runDir !== own).map((e) => e.cell);
  const comparison = compareSets({ label: args.baseline, cells }, { label: 'this run', cells: args.cells });
  return args.failOnRegression ? gateComparison(comparison, args.failOnRegression) : comparison;
}
