import { rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CabError } from '../../src/errors.js';
import { scoreCell } from '../../src/score/cell.js';
import { recomputeCell, recomputeComposite } from '../../src/score/recompute.js';
import { cellsFromJson, readResultFiles } from '../../src/score/result-files.js';
import type { ScoredCell } from '../../src/score/types.js';
import { REFERENCE_CHANGES, changes, facts, identity } from './facts.js';
import { tempDirSync } from '../helpers/temp.js';

const referencePath = join(import.meta.dirname, 'fixtures', 'reference-cell.json');
const scratch = tempDirSync('cab-recompute-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fresh(): ScoredCell {
  return scoreCell(facts({ changes: changes(REFERENCE_CHANGES, true) }), identity(), 'none');
}

describe('recomputeCell', () => {
  it('ignores a tampered stored composite', () => {
    const cell = fresh();
    const tampered: ScoredCell = { ...cell, composite: { ...cell.composite, composite: 0.99, components: { ...cell.composite.components, latency_efficiency: 1 } } };
    const again = recomputeCell(tampered) as ScoredCell;
    expect(again.composite.composite).toBe(0.871281608466031);
    expect(again.composite).toEqual(cell.composite);
  });

  it('recomputes blast radius from the lists and tokens per correct task from the raw tokens', () => {
    const cell = fresh();
    const tampered: ScoredCell = {
      ...cell,
      blast_radius: { ...cell.blast_radius, blast_radius: 0, total_changes: 1 },
      tokens: { ...cell.tokens, total_tokens: 5000, tokens_per_correct_task: 1 },
      constraints: { declared: 9, honored: 9, l15: 1, verdicts: [{ kind: 'no-new-dependency', honored: false, detail: 'x' }] },
    };
    const again = recomputeCell(tampered) as ScoredCell;
    expect(again.blast_radius.blast_radius).toBe(8 / 9);
    expect(again.blast_radius.total_changes).toBe(9);
    expect(again.tokens.tokens_per_correct_task).toBe(5000);
    expect(again.constraints).toMatchObject({ declared: 1, honored: 0, l15: 0 });
    expect(again.composite.components.cost_efficiency).toBe(1 / (1 + Math.log10(1.5)));
  });

  it('halves when the raw integrity is 0, whatever the stored factor says', () => {
    const cell = fresh();
    const again = recomputeComposite({ ...cell, integrity: { ...cell.integrity, integrity: 0 } });
    expect(again.components.refusal_factor).toBe(0.5);
    expect(again.composite).toBeCloseTo((0.871281608466031 - 0.2) / 2, 15);
  });

  it('leaves skipped cells alone', () => {
    const skipped = { ...identity(), provisional: true as const, status: 'skipped' as const, reason: 'needs go' };
    expect(recomputeCell(skipped)).toBe(skipped);
  });
});

describe('readResultFiles', () => {
  it('reads the published reference cell as a bare cell and recomputes 0.871281608466031', async () => {
    const [cell] = await readResultFiles([referencePath]);
    expect(cell?.status).toBe('scored');
    const scored = cell as ScoredCell;
    expect(scored.task_id).toBe('mutations/rust-error-negated'); // from integrity.task_id
    expect(scored.composite.composite).toBe(0.871281608466031);
    expect(scored.composite.components.latency_efficiency).toBe(0.7344699823661318);
    expect(scored.constraints.l15).toBeNull();
  });

  it('merges documents, bare cells and lists, in file order', async () => {
    const a = fresh();
    const b = { ...fresh(), cell_id: 'x#run2', run_index: 2, composite: { ...a.composite, composite: 0.1 } };
    const skipped = { ...identity({ task_id: 'polyglot/go-http-handler-fix' }), provisional: true, status: 'skipped', reason: 'needs go' };
    writeFileSync(join(scratch, 'doc.json'), JSON.stringify({ provisional: true, results: [a, skipped], summary: {} }));
    writeFileSync(join(scratch, 'bare.json'), JSON.stringify(b));
    writeFileSync(join(scratch, 'list.json'), JSON.stringify([a]));
    const cells = await readResultFiles([join(scratch, 'doc.json'), join(scratch, 'bare.json'), join(scratch, 'list.json')]);
    expect(cells.map((c) => c.status)).toEqual(['scored', 'skipped', 'scored', 'scored']);
    expect((cells[2] as ScoredCell).composite.composite).toBe(0.871281608466031); // the stored 0.1 is not trusted
    expect(cells[1]).toMatchObject({ reason: 'needs go' });
  });

  const bad: { label: string; content: string; message: RegExp }[] = [
    { label: 'not JSON', content: '{"results": [', message: /bad\.json: not valid JSON/ },
    { label: 'neither document nor cell', content: '{"hello": 1}', message: /bad\.json: neither a \{ results, summary \} document nor a cell/ },
    { label: 'results not a list', content: '{"results": {}}', message: /bad\.json: "results" must be a list/ },
    { label: 'cell without pass_rate', content: JSON.stringify({ cell_id: 'c', task_id: 't' }), message: /bad\.json: pass_rate: missing object "pass_rate"/ },
    { label: 'pass not 0/1', content: JSON.stringify({ results: [{ ...JSON.parse(JSON.stringify(fresh())), pass_rate: { pass: 'yes' } }] }), message: /bad\.json: results\[0\]: pass_rate: "pass" must be a number/ },
    { label: 'blast list of numbers', content: JSON.stringify({ ...JSON.parse(JSON.stringify(fresh())), blast_radius: { added: [1], removed: [], modified: [], unexpected_changes: [] } }), message: /"added" must be a list of paths/ },
    { label: 'unknown status', content: JSON.stringify({ ...JSON.parse(JSON.stringify(fresh())), status: 'weird' }), message: /unknown status "weird"/ },
  ];
  it.each(bad)('rejects $label with a usage error naming the file', async ({ content, message }) => {
    const file = join(scratch, 'bad.json');
    writeFileSync(file, content);
    const error = await readResultFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CabError);
    expect((error as CabError).code).toBe('usage');
    expect((error as CabError).exitCode).toBe(2);
    expect((error as CabError).message).toMatch(message);
    expect((error as CabError).message).toContain(file);
  });

  it('names a missing file', async () => {
    const missing = join(scratch, 'nope.json');
    await expect(readResultFiles([missing])).rejects.toThrow(`cannot read ${missing}`);
  });

  it('round-trips a scored cell through JSON unchanged', async () => {
    const cell = fresh();
    const json = JSON.parse(JSON.stringify({ results: [cell] })) as unknown;
    expect(cellsFromJson(json, 'mem')).toEqual([cell]);
    expect(JSON.parse(await readFile(referencePath, 'utf8'))).toHaveProperty('composite.composite', 0.871281608466031);
  });
});
