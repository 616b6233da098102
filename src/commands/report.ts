// `report <result.json…>`: one table over saved results, every composite recomputed from the
// raw axes (a stored composite is never trusted); `--json` prints `{ results, summary }`.

import { CabError } from '../errors.js';
import { resultDocument } from '../report/document.js';
import { renderTable } from '../report/table.js';
import { recomputeCell } from '../score/recompute.js';
import { readResultFiles } from '../score/result-files.js';
import { VERSION } from '../version.js';
import { byCodePoint } from '../util/compare.js';

export interface ReportArgs {
  files: string[];
  json: boolean;
  color: boolean;
}

export async function reportCommand(args: ReportArgs, io: { stdout: (s: string) => void }): Promise<number> {
  if (args.files.length === 0) {
    throw new CabError('usage', 'report needs at least one result file', { hint: 'codingagentbench report cab-runs/*/result.json' });
  }
  const cells = (await readResultFiles(args.files))
    .map(recomputeCell)
    .sort((a, b) => byCodePoint(a.task_id, b.task_id) || byCodePoint(a.cell_id, b.cell_id));
  const doc = resultDocument(cells, VERSION);
  if (args.json) io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  else io.stdout(renderTable(doc.results, doc.summary, { color: args.color }));
  return 0;
}
