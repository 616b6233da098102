import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/commands/report.js';
import { resultDocument } from '../../src/report/document.js';
import { CabError } from '../../src/errors.js';
import type { ResultDocument, ScoredCell } from '../../src/score/types.js';
import { referenceCell, refusalCell, skippedCell, tamperedCell } from './cells.js';
import { tempDirSync } from '../helpers/temp.js';

const scratch = tempDirSync('cab-report-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

async function run(files: string[], json: boolean, color = false): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await reportCommand({ files, json, color }, { stdout: (s) => (out += s) });
  return { code, out };
}

describe('reportCommand', () => {
  // One saved run document whose stored composite was tampered with, plus a bare published cell.
  const cheat = referenceCell();
  const tampered: ScoredCell = { ...cheat, composite: { ...cheat.composite, composite: 1 } };
  const docFile = write('result.json', resultDocument([tampered, tamperedCell(), skippedCell()], '0.1.0'));
  const bareFile = write('refusal-cell.json', refusalCell());
  const reference = join(import.meta.dirname, '..', 'score', 'fixtures', 'reference-cell.json');

  it('--json prints one { results, summary } document with every composite recomputed', async () => {
    const { code, out } = await run([docFile, bareFile, reference], true);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as ResultDocument;
    expect(doc.provisional).toBe(true);
    expect(doc.results).toHaveLength(5);
    const composites = doc.results.filter((c): c is ScoredCell => c.status === 'scored').map((c) => [c.cell_id, c.composite.composite]);
    expect(composites).toContainEqual([cheat.cell_id, 0.871281608466031]); // not the stored 1
    expect(composites).toContainEqual([expect.stringMatching(/^expansion-20260616\//), 0.871281608466031]); // the published cell
    expect(doc.summary).toMatchObject({ tasks: 5, passed: 3, failed: 1, skipped: 1 });
    expect(doc.summary.means.composite).toBeCloseTo(
      (0.871281608466031 * 2 + tamperedCell().composite.composite + refusalCell().composite.composite) / 4,
      15,
    );
  });

  it('prints the merged table without colour by default', async () => {
    const { code, out } = await run([docFile, bareFile], false);
    expect(code).toBe(0);
    expect(out).not.toMatch(/\u001b\[/);
    expect(out.split('\n')[0]).toBe('PROVISIONAL — not for citation');
    expect(out).toContain('4 cells: 2 passed, 1 failed, 1 skipped');
    expect(out).toMatch(/mutations\/rust-error-negated\s+#1\s+pass\s+0\.871\s/);
    expect(out).not.toContain('1.000  0.889'); // the tampered composite 1 never shows
  });

  it('colours the table when asked', async () => {
    const { out } = await run([docFile], false, true);
    expect(out).toMatch(/\u001b\[/);
  });

  it('needs at least one file', async () => {
    await expect(run([], false)).rejects.toMatchObject({ code: 'usage' });
  });

  it('names a bad file in a usage error', async () => {
    const bad = write('bad.json', { results: [{ cell_id: 'x', task_id: 'y', status: 'scored' }] });
    const error = await run([docFile, bad], false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CabError);
    expect((error as CabError).exitCode).toBe(2);
    expect((error as CabError).message).toContain(bad);
  });
});
