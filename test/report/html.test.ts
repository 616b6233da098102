// The HTML page's size and content rules, in-process (the browser tests are in test/e2e).

import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/commands/report.js';
import { createRedactor } from '../../src/redact.js';
import { resultDocument } from '../../src/report/document.js';
import { cellDir } from '../../src/report/out-files.js';
import { recomputeCell } from '../../src/score/recompute.js';
import type { Cell } from '../../src/score/types.js';
import { referenceCell, tamperedCell } from './cells.js';
import { tempDir } from '../helpers/temp.js';

const roots: string[] = [];
afterAll(async () => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function bigRun(tasks: number): Promise<string> {
  const root = await tempDir('cab-html-size-');
  roots.push(root);
  const run = join(root, 'run');
  const cells = Array.from({ length: tasks }, (_, i) => {
    const base = i % 2 === 0 ? referenceCell() : tamperedCell();
    return recomputeCell({ ...base, task_id: `mutations/task-${String(i).padStart(2, '0')}`, run_index: 1, cell_id: `local/builtin/m/mutations/task-${i}#run1` });
  });
  for (const cell of cells) {
    const dir = cellDir(run, cell.task_id, 1);
    await mkdir(dir, { recursive: true });
    const hunk = `@@ -1,3 +1,3 @@\n-old line ${'x'.repeat(60)}\n+<div className="a">{a && b ? "<b>" : ''}</div>\n context\n`; // escaping grows it
    await writeFile(join(dir, 'diff.patch'), `--- a/src/app.py\n+++ b/src/app.py\n${hunk.repeat(1500)}`);
    const messages = Array.from({ length: 60 }, (_, k) => ({ role: k % 2 ? 'assistant' : 'tool', name: 'bash', tool_call_id: 'x', content: `step ${k} Authorization: Bearer sk-live-abcdefghijkl0123 ${'output '.repeat(800)}` }));
    await writeFile(join(dir, 'transcript.json'), JSON.stringify(messages));
  }
  await writeFile(join(run, 'result.json'), JSON.stringify(resultDocument(cells, '0.0.0')));
  return run;
}

describe('report --html', () => {
  it('a 27-task run with huge diffs and transcripts stays under 1 MB, with visible cut notes and no secret', async () => {
    const run = await bigRun(27);
    const page = join(run, '..', 'page.html');
    let err = '';
    const code = await reportCommand({ files: [run], json: false, color: false, html: page }, { stdout: () => {}, stderr: (s) => (err += s), redact: createRedactor(['sk-live-abcdefghijkl0123']) });
    expect(code).toBe(0);
    expect(err).toContain(`wrote ${page}`);
    const size = (await stat(page)).size;
    expect(size).toBeLessThan(1_000_000);
    expect(size).toBeGreaterThan(300_000); // the budget is used, not thrown away
    const html = await readFile(page, 'utf8');
    expect(html.match(/<details class="cell"/g)).toHaveLength(27);
    expect(html).toMatch(/<p class="cut">diff cut: [\d,]+ of [\d,]+ characters shown/);
    expect(html).toMatch(/<p class="cut">transcript cut: /);
    expect(html).not.toContain('sk-live-abcdefghijkl0123');
    expect(html).toContain('[REDACTED]');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('shows why integrity and constraints failed, and the optional grading fields when present', async () => {
    const root = await tempDir('cab-html-why-');
    roots.push(root);
    const base = tamperedCell();
    const cell = {
      ...base,
      integrity: { ...base.integrity, integrity: 0 as const, reasons: ['protected files changed'], findings: [{ kind: 'framework-tamper', path: 'conftest.py', line: 7, detail: 'pytest hook forces pass' }] },
      pass_rate: { ...base.pass_rate, tests_expected: 4, tests_passed: ['a', 'b', 'c'], tests_failed: ['test_edge'], tests_missing: [], canaries: 'tampered', fail_reasons: ['test_edge failed'] },
      warnings: ['runner printed no per-test results'],
    } as unknown as Cell; // the grade stage's fields, whichever shape this branch's types have
    await writeFile(join(root, 'result.json'), JSON.stringify(resultDocument([cell], '0.0.0')));
    const page = join(root, 'page.html');
    await reportCommand({ files: [join(root, 'result.json')], json: false, color: false, html: page }, { stdout: () => {} });
    const html = await readFile(page, 'utf8');
    expect(html).toContain('<b>framework-tamper</b> <code>conftest.py:7</code> pytest hook forces pass');
    expect(html).toContain('<b>integrity</b> protected files changed');
    expect(html).toMatch(/<b>constraint no-comments-added<\/b>/);
    expect(html).toContain('expected 4 · passed 3 · failed 1 (test_edge) · missing 0 · canaries tampered');
    expect(html).toContain('<b>tests</b> test_edge failed');
    expect(html).toContain('runner printed no per-test results');
    expect(html).toContain('no diff saved for this run');
  });
});

describe('clip', () => {
  it('keeps head and tail within the budget once escaped, markup per line included', async () => {
    const { clip } = await import('../../src/report/html-artifacts.js');
    expect(clip('short', 100)).toEqual({ text: 'short', cut: 0, total: 5 });
    const angle = '<'.repeat(10_000);
    const c = clip(angle, 4_000);
    expect(c.text.length * 4).toBeLessThanOrEqual(4_000 + 12);
    expect(c.cut).toBe(9_000);
    const lines = 'a\n'.repeat(5_000);
    expect(clip(lines, 2_600, 26).text.split('\n').length).toBeLessThanOrEqual(100);
  });
});
