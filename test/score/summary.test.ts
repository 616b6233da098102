import { describe, expect, it } from 'vitest';
import { scoreCell } from '../../src/score/cell.js';
import { summarize } from '../../src/score/summary.js';
import type { Cell } from '../../src/score/types.js';
import { agent, call, changes, graded, facts, identity, modified, task } from './facts.js';

function skipped(taskId: string): Cell {
  return { ...identity({ task_id: taskId, cell_id: `local-20260617/builtin/m/${taskId}#run1` }), provisional: true, status: 'skipped', reason: 'needs go' };
}

describe('summarize', () => {
  const passed = scoreCell(facts({ changes: changes([modified('src/lib.rs', 'a\n', 'b\n')]), agent: agent({ wall_clock_ms: 10000, calls: [call(800, 200, 2000)] }) }), identity(), 'none');
  const failed = scoreCell(
    facts({
      task: task({ constraints: [{ kind: 'no-new-dependency' }, { kind: 'file-not-touched', path: 'src/lib.rs' }] }),
      grade: graded({ exec: { exitCode: 101, stdout: 'test result: FAILED. 1 passed; 3 failed;\n' } }),
      changes: changes([modified('src/lib.rs', 'a\n', 'b\n'), modified('README.md', 'a\n', 'b\n')]),
      agent: agent({ wall_clock_ms: 30000, calls: [call(2000, 1000, 5000)] }),
    }),
    identity({ run_index: 2 }),
    'none',
  );

  it('counts and averages over scored cells only', () => {
    const summary = summarize([passed, failed, skipped('polyglot/go-http-handler-fix')]);
    expect(summary).toMatchObject({ tasks: 3, passed: 1, failed: 1, skipped: 1 });
    expect(summary.means.pass).toBe(0.5);
    expect(summary.means.composite).toBeCloseTo((passed.composite.composite + failed.composite.composite) / 2, 15);
    expect(summary.means.blast_radius).toBe(0.25);
    expect(summary.means.integrity).toBe(1);
    expect(summary.means.l15).toBe(0.5); // only the cell that declared constraints
    expect(summary.means.wall_clock_ms).toBe(20000);
    expect(summary.means.total_tokens).toBe(2000);
    expect(summary.means.tokens_per_correct_task).toBe(1000); // the failed cell has none
    expect(summary.means.partial_score).toBe((1 + 0.25) / 2);
    expect(summary.means.refusal).toBeNull(); // no expected-refusal task
  });

  it('gives null means when nothing was scored', () => {
    const summary = summarize([skipped('a/b')]);
    expect(summary).toMatchObject({ tasks: 1, passed: 0, failed: 0, skipped: 1 });
    expect(Object.values(summary.means).every((v) => v === null)).toBe(true);
    expect(Object.keys(summary.means)).toEqual(expect.arrayContaining(['pass', 'composite', 'blast_radius', 'integrity', 'l15', 'wall_clock_ms', 'total_tokens', 'tokens_per_correct_task']));
  });

  it('handles no cells at all', () => {
    expect(summarize([])).toMatchObject({ tasks: 0, passed: 0, failed: 0, skipped: 0, means: { composite: null } });
  });
});
