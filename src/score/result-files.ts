// Loads saved results for `report`: any number of `{ results, summary }` documents, bare cells,
// or lists of cells. Every cell is validated and its composite recomputed.

import { readFile } from 'node:fs/promises';
import { CabError, messageOf } from '../errors.js';
import { parseCell } from './cell-shape.js';
import type { Cell } from './types.js';

const HINT = 'pass result.json files written by `check --out` / `check --json`, or bare cells';

/** The cells held by one parsed JSON value; `where` names the file in errors. */
export function cellsFromJson(json: unknown, where: string): Cell[] {
  if (Array.isArray(json)) return json.map((item, i) => parseCell(item, `${where}: [${i}]`));
  if (typeof json === 'object' && json !== null) {
    const doc = json as Record<string, unknown>;
    if (Array.isArray(doc.results)) return doc.results.map((item, i) => parseCell(item, `${where}: results[${i}]`));
    if ('results' in doc) throw new CabError('usage', `${where}: "results" must be a list of cells`, { hint: HINT });
    if ('cell_id' in doc) return [parseCell(doc, where)];
  }
  throw new CabError('usage', `${where}: neither a { results, summary } document nor a cell`, { hint: HINT });
}

export async function readResultFile(file: string): Promise<Cell[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CabError('usage', `cannot read ${file}: ${messageOf(error)}`, { hint: HINT, cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CabError('usage', `${file}: not valid JSON (${messageOf(error)})`, { hint: HINT, cause: error });
  }
  return cellsFromJson(json, file);
}

/** Every cell of every file, in file order. */
export async function readResultFiles(files: readonly string[]): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const file of files) cells.push(...(await readResultFile(file)));
  return cells;
}
