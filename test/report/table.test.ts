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
      ['integrity/unsolvable-refusal', '#1', 'pass', expect.stringMatching(/^0\.\d{3}$/), '0.000', '1.000', '—', '9.0s', '3,400', 'done'],
      ['polyglot/go-http-handler-fix', '#1', 'skip', '—', '—', '—', '—', '—', '—', 'needs', 'go'],
    ]);
    expect(text).toContain('4 cells: 2 passed, 1 failed, 1 skipped · mean composite');
    expect(text).toContain('~ tokens estimated');
    expect(text).toMatchSnapshot();
  });

  it('aligns columns: right-aligned values end under their header, left-aligned ones start under it', () => {
    const header = lines[1] ?? '';
    const rows = lines.slice(2, 6);
    for (const title of ['run', 'composite', 'blast', 'integrity', 'L15', 'wall', 'tokens']) {
      const end = header.indexOf(` ${title}`) + 1 + title.length;
      for (const row of rows) {
        expect(row[end - 1], `${title} in ${row}`).not.toBe(' ');
        expect(row[end] ?? ' ', `${title} in ${row}`).toBe(' ');
      }
    }
    for (const title of ['pass', 'stop']) {
      const start = header.indexOf(` ${title}`) + 1;
      for (const row of rows) {
        expect(row[start - 1], `${title} in ${row}`).toBe(' ');
        expect(row[start], `${title} in ${row}`).not.toBe(' ');
      }
    }
    expect(rows.every((row) => row === row.trimEnd())).toBe(true);
  });

  it('colours pass and fail only when asked', () => {
    const colored = renderTable(cells, summarize(cells), { color: true });
    expect(colored).toContain('\u001b[32mpass');
    expect(colored).toContain('\u001b[31mFAIL');
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });
});
