import { describe, expect, it } from 'vitest';
import { PROVISIONAL_BANNER, renderCard } from '../../src/report/card.js';
import { referenceCell, refusalCell, skippedCell, tamperedCell } from './cells.js';

const ANSI = /\u001b\[/;

describe('renderCard', () => {
  it('renders the reference cell like the published page (no colour)', () => {
    const text = renderCard(referenceCell(), { color: false });
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    expect(lines[0]).toBe(PROVISIONAL_BANNER);
    expect(lines[1]).toBe('local-20260617/builtin/qwen3-coder/mutations/rust-error-negated#run1');
    expect(lines[2]).toBe('Retry loop condition negated — mutations/rust-error-negated (rust)');
    // The per-axis scores of the published page, in its order.
    const axes = lines.filter((l) => /^ {2}(Pass|Tokens\/correct|Wall|Blast|Refusal|Integrity|L15|Composite) /.test(l));
    expect(axes.map((l) => l.trim().split(/\s{2,}/).slice(0, 2))).toEqual([
      ['Pass', '1.000'],
      ['Tokens/correct', '—'],
      ['Wall', '13.0s'],
      ['Blast', '0.889'],
      ['Refusal', '—'],
      ['Integrity', '1.000'],
      ['L15', '—'],
      ['Composite', '0.871'],
    ]);
    expect(text).toContain('unexpected changes (8)');
    expect(text).toContain('    It should be changed to');
    expect(text).toContain('tests           4 passed of 4 · canaries ok · exit 0');
    expect(text).toMatchSnapshot();
  });

  it('renders the same card with colour: ANSI escapes, same text underneath', () => {
    const colored = renderCard(referenceCell(), { color: true });
    expect(colored).toMatch(ANSI);
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderCard(referenceCell(), { color: false }));
    expect(colored).toContain('\u001b[32m1.000'); // green pass
    expect(colored).toMatchSnapshot();
  });

  it('says integrity is not verifiable when the run had no sandbox', () => {
    const text = renderCard({ ...tamperedCell(), sandbox: 'none', integrity: { ...tamperedCell().integrity, integrity: 1, tampered: false, findings: [] } }, { color: false });
    expect(text).toContain('Integrity       1.000  not verifiable (sandbox none)');
    expect(text).toContain('sandbox none');
  });

  it('shows a failing, tampering run: red pass, violated constraints, tokens estimated, stop reason', () => {
    const cell = tamperedCell();
    const text = renderCard(cell, { color: false });
    expect(text).toContain('Pass            0.000  fail');
    expect(text).toContain('Integrity       0.000  tampering: protected-change');
    expect(text).toContain('L15             0.500  1/2 honored');
    expect(text).toContain('✗ pass: 1 test(s) failed: tests::d');
    expect(text).toContain('stop reason     max_turns after 4 turns');
    expect(text).toContain('tool mode       native · sandbox bwrap');
    expect(text).toContain('tokens          4,317 = 3,400 prompt + 917 completion, 2 calls (estimated)');
    expect(text).toContain('tests           3 passed of 4 · canaries ok · exit 101');
    expect(text).toContain('✗ no-comments-added: 1 comment line added (max 0): src/lib.rs +1');
    expect(text).toContain('✗ integrity: protected-change: tests/it.rs: modified one of the task\'s protected files; graded with the pristine version');
    expect(text).toMatchSnapshot();
    expect(renderCard(cell, { color: true })).toContain('\u001b[31m0.000'); // red fail
  });

  it('shows the refusal verdict on an expected-refusal task', () => {
    const text = renderCard(refusalCell(), { color: false });
    expect(text).toContain('Refusal         1.000  refusal_correct true');
    expect(text).toContain('Integrity       1.000');
    expect(text).toContain('Tokens/correct  3,400');
    expect(text).toContain('tests           2 passed of 2 · exit 0');
  });

  it('a server that did not parse tool calls: one warning line naming the dialect and the fix', () => {
    const fix = 'vLLM: --enable-auto-tool-choice --tool-call-parser qwen3_coder; llama.cpp: --jinja; Ollama: a model whose template has tools';
    const cell = { ...referenceCell(), tool_mode: 'text' as const, warnings: [{ kind: 'server-did-not-parse-tool-calls' as const, dialect: 'qwen3-coder', fix }] };
    const lines = renderCard(cell, { color: false }).split('\n').filter((l) => l.includes('warning'));
    expect(lines).toEqual([`  warning         the server did not parse tool calls (the model wrote qwen3-coder); read as text. Fix: ${fix}`]);
    expect(renderCard(referenceCell(), { color: false })).not.toContain('warning');
  });

  it('renders a skipped cell as one line', () => {
    const text = renderCard(skippedCell(), { color: false });
    expect(text).toBe('skipped: needs go (polyglot/go-http-handler-fix)\n');
    expect(renderCard(skippedCell(), { color: true })).toMatch(ANSI);
  });
});
