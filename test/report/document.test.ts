import { describe, expect, it } from 'vitest';
import { resultDocument, TOOL_NAME } from '../../src/report/document.js';
import { referenceCell, skippedCell } from './cells.js';

describe('resultDocument', () => {
  it('is { provisional, tool, results, summary } and serialises to the same value', () => {
    const cells = [referenceCell(), skippedCell()];
    const doc = resultDocument(cells, '0.1.0');
    expect(Object.keys(doc)).toEqual(['provisional', 'tool', 'results', 'summary']);
    expect(doc.provisional).toBe(true);
    expect(doc.tool).toEqual({ name: TOOL_NAME, version: '0.1.0' });
    expect(doc.results).toEqual(cells);
    expect(doc.summary).toMatchObject({ tasks: 2, passed: 1, failed: 0, skipped: 1, means: { composite: 0.871281608466031 } });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
