import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/commands/report.js';
import { resultDocument } from '../../src/report/document.js';
import { findLastRun, renderVsLast } from '../../src/report/last-run.js';
import { loadRunSet, parseSince } from '../../src/report/run-sets.js';
import type { ScoredCell } from '../../src/score/types.js';
import { referenceCell } from './cells.js';
import { tempDir } from '../helpers/temp.js';

let runs = '';

function cell(task: string, over: Partial<ScoredCell> = {}): ScoredCell {
  return { ...referenceCell(), model: 'm1', task_id: task, cell_id: `local/${over.tui ?? 'builtin'}/${over.model ?? 'm1'}/${task}#run1`, ...over };
}

async function save(name: string, cells: ScoredCell[]): Promise<void> {
  await mkdir(join(runs, name), { recursive: true });
  await writeFile(join(runs, name, 'result.json'), JSON.stringify(resultDocument(cells, '0.0.0')));
}

beforeAll(async () => {
  runs = await tempDir('cab-runs-');
  await save('20261201-100000-aaaa', [cell('t/b', { model: 'm2', started_at: '2026-12-01T10:00:00Z' }), cell('t/a', { model: 'm2', started_at: '2026-12-01T10:00:00Z' })]);
  await save('20261205-100000-bbbb', [cell('t/a', { started_at: '2026-12-05T10:00:00Z', latency: { ...referenceCell().latency, wall_clock_ms: 20_000 } })]);
  await save('20261206-100000-cccc', [cell('t/a', { tui: 'oracle', model: null, started_at: '2026-12-06T10:00:00Z' })]);
});
afterAll(async () => rm(runs, { recursive: true, force: true }));

describe('loadRunSet', () => {
  it('reads a folder of saved runs in a stable order: driver × model, then task, then run', async () => {
    const set = await loadRunSet([runs]);
    expect(set.entries.map((e) => `${e.cell.tui}/${e.cell.model}/${e.cell.task_id}`)).toEqual(['builtin/m1/t/a', 'builtin/m2/t/a', 'builtin/m2/t/b', 'oracle/null/t/a']);
    expect(set.entries[0]?.runDir).toBe(join(runs, '20261205-100000-bbbb'));
  });

  it('takes globbed run folders and result.json files alike, each once; --since keeps later cells', async () => {
    const set = await loadRunSet([join(runs, '20261205-100000-bbbb'), join(runs, '20261205-100000-bbbb', 'result.json'), join(runs, '20261206-100000-cccc')]);
    expect(set.entries).toHaveLength(2);
    expect((await loadRunSet([runs], { since: parseSince('2026-12-05') })).entries).toHaveLength(2);
  });

  it('--since takes a date, an ISO time or a span back from now', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(parseSince('36h', now).toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(parseSince('2026-12-01T08:00:00Z').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(() => parseSince('last week')).toThrow(/--since must be/);
  });

  it('a folder without results is a usage error', async () => {
    await expect(loadRunSet([join(runs, 'missing')])).rejects.toThrow(/no such file or folder/);
  });
});

describe('report over many runs', () => {
  it('groups the table by driver × model, banner once', async () => {
    let out = '';
    await reportCommand({ files: [runs], json: false, color: false }, { stdout: (s) => (out += s) });
    expect(out.match(/PROVISIONAL/g)).toHaveLength(1);
    expect(out.match(/^── .* ──$/gm)).toEqual(['── builtin · m1 ──', '── builtin · m2 ──', '── oracle · no-model ──']);
    expect(out.indexOf('── builtin · m1 ──')).toBeLessThan(out.indexOf('── builtin · m2 ──'));
    expect(out.indexOf('── builtin · m2 ──')).toBeLessThan(out.indexOf('── oracle · no-model ──'));
  });
});

describe('vs your last run', () => {
  it('finds the newest saved cell of the same task, driver and model, leaving this run out', async () => {
    const now = cell('t/a');
    const last = await findLastRun(runs, now, null);
    expect(last?.latency.wall_clock_ms).toBe(20_000);
    expect(await findLastRun(runs, now, join(runs, '20261205-100000-bbbb'))).toBeNull();
    expect(await findLastRun(runs, cell('t/zzz'), null)).toBeNull();
  });

  it('one line per axis with the change', () => {
    const before = cell('t/a', { latency: { ...referenceCell().latency, wall_clock_ms: 20_000 }, ended_at: '2026-12-05T10:01:00Z' });
    const text = renderVsLast(before, cell('t/a'), { color: false });
    expect(text.split('\n').slice(0, 2)).toEqual(['', 'vs your last run (2026-12-05 10:01)']);
    expect(text).toMatch(/pass\s+1\.000 → 1\.000\s+same/);
    expect(text).toMatch(/wall\s+20\.0s → 13\.0s\s+−7\.0s/);
  });
});
