import { describe, expect, it } from 'vitest';
import { baseEntry, catalogEntry } from '../../src/tuis/codex-catalog.js';

const entry = (slug: string, priority: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  slug, priority, display_name: slug, base_instructions: `You are Codex (${slug}).`, apply_patch_tool_type: 'freeform', shell_type: 'unified_exec', visibility: 'list', ...extra,
});

describe('codex model catalog entry', () => {
  it('starts from the most general entry with direct tools (not code-mode-only)', () => {
    const models = [entry('new-sol', 1, { tool_mode: 'code_mode_only' }), entry('legacy', 13), entry('auto-review', 43, { tool_mode: 'code_mode_only' }), entry('old', 12)];
    expect(baseEntry(models)?.['slug']).toBe('legacy');
  });

  it('falls back to any entry with instructions when none has direct tools; none without instructions', () => {
    expect(baseEntry([entry('a', 1, { tool_mode: 'code_mode_only' })])?.['slug']).toBe('a');
    expect(baseEntry([{ slug: 'x', priority: 1 }])).toBeNull();
    expect(baseEntry([])).toBeNull();
  });

  it('renames the entry to the user’s model, keeps codex’s instructions and apply_patch, drops hosted extras', () => {
    const json = JSON.stringify({ models: [entry('legacy', 13, { upgrade: { model: 'new-sol' }, input_modalities: ['text', 'image'], supports_search_tool: true })] });
    const out = catalogEntry(json, 'org/qwen2.5-coder:7b', 128_000);
    expect(out).toMatchObject({
      slug: 'org/qwen2.5-coder:7b', display_name: 'org/qwen2.5-coder:7b', base_instructions: 'You are Codex (legacy).', apply_patch_tool_type: 'freeform',
      shell_type: 'unified_exec', upgrade: null, input_modalities: ['text'], supports_search_tool: false, context_window: 128_000,
    });
  });

  it('no entry from output that is not a catalog', () => {
    for (const bad of ['', 'not json', '[]', '{"models": 3}', '{"models": [1, "x"]}']) expect(catalogEntry(bad, 'm', 1000)).toBeNull();
  });
});
