// The machine-readable result: `{ provisional, tool, results, summary }` (SPEC §5), as printed
// by `check --json` / `report --json` and saved as result.json.

import { summarize } from '../score/summary.js';
import type { Cell, ResultDocument } from '../score/types.js';

export const TOOL_NAME = '@codingagentbench/cli';

export function resultDocument(cells: readonly Cell[], version: string): ResultDocument {
  return { provisional: true, tool: { name: TOOL_NAME, version }, results: [...cells], summary: summarize(cells) };
}
