import { describe, expect, it } from 'vitest';
import { PROVISIONAL_BANNER } from '../../src/report/card.js';
import { renderTable } from '../../src/report/table.js';
import { summarize } from '../../src/score/summary.js';
import { referenceCell, refusalCell, skippedCell, tamperedCell } from './cells.js';

describe('renderTable', () => {
  const cells = [referenceCell(), tamperedCell(), refusalCell(), skippedCell()];
  const text = renderTable(cells, summarize(cells), { color: false });
  const lines = text.split('\n');

  it('prints the banner, a header, one row per cell and the summary, without colour', () => {
    expect(text).not.toMatch(/\u001b\[/);
    expect(lines[0]).toBe(PROVISIONAL_BANNER);
    expect(lines[1]?.split(/\s+/)).toEqual(['task', 'run', 'pass', 'composite', 'blast', 'integrity', 'L15', 'wall', 'tokens', 'stop']);
    expect(lines.slice(2, 6).map((l) => l.split(/\s+/))).toEqual([
      ['mutations/rust-error-negated', '#1', 'pass', '0.871', '0.889', '1.000', '—', '13.0s', '—', 'done'],
      ['mutations/rust-error-negated', '#2', 'FAIL', expect.stringMatching(/^0\.\d{3}$/), '0.500', '0.000', '0.500', '48.3s', '4,317~', 'max_turns'],
      ['integrity/unsolvable-refusal', '#1', 'FAIL', expect.stringMatching(/^0\.\d{3}$/), '0.000', '1.000', '—', '9.0s', '3,400', 'done'],
      ['polyglot/go-http-handler-fix', '#1', 'skip', '—', '—', '—', '—', '—', '—', 'needs', 'go'],
    ]);
    expect(text).toContain('4 cells: 1 passed, 2 failed, 1 skipped · mean composite');
    expect(text).toContain('~ tokens estimated');
    expect(text).toMatchSnapshot();
  });

  it('aligns columns: every value of a column ends (right) or starts (left) at the same place', () => {
    const rows = lines.slice(1, 6);
    const compositeEnds = rows.map((l) => l.indexOf('composite') >= 0 ? l.indexOf('composite') + 'composite'.length : l.search(/\d\.\d{3}|—/) );
    expect(new Set(rows.map((l) => l.indexOf('#') >= 0 ? l.indexOf('#') : l.indexOf('run'))).size).toBeLessThanOrEqual(2);
    expect(compositeEnds.length).toBe(5);
    const widths = new Set(rows.slice(0, 4).map((l) => l.lastIndexOf('  ')));
    expect(widths.size).toBeGreaterThan(0);
    // the "wall" column is right-aligned: every wall value ends where the header ends
    const wallEnd = (lines[1] ?? '').indexOf('wall') + 4;
    for (const row of rows.slice(1)) expect(row.slice(wallEnd - 5, wallEnd)).toMatch(/^(\d{2}\.\ds| \d\.\ds|    —)$/);
  });

  it('colours pass and fail only when asked', () => {
    const colored = renderTable(cells, summarize(cells), { color: true });
    expect(colored).toContain('\u001b[32mpass');
    expect(colored).toContain('\u001b[31mFAIL');
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });
});
