import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getTui } from '../../src/tuis/registry.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint, FakeStep, RecordedRequest } from '../helpers/fake-endpoint.js';
import { describeCliE2e } from './cli-e2e.js';
import { chatCalls, checkConfig, FIXED, makeTask, missingReason, testsPass, tuiContext } from './cli-harness.js';
import type { TaskDirs } from './cli-harness.js';

describeCliE2e('codex', 'codex');

// codex's own edit tool: with the catalog entry we hand it, codex offers `apply_patch` (a freeform
// tool, offered to the chat model as a function taking `input`), and the model edits through it.
const PATCH = ['*** Begin Patch', '*** Update File: calc.py', '@@', ' def add(a, b):', '-    return a - b', '+    return a + b', '*** End Patch', ''].join('\n');

const toolNames = (req: RecordedRequest): string[] => (req.body?.tools ?? []).map((t) => String((t as { function?: { name?: string } }).function?.name));
const toolResults = (req: RecordedRequest): string[] =>
  (req.body?.messages ?? []).filter((m) => m['role'] === 'tool').map((m) => String(m['content']));

const patcher: FakeStep = {
  dynamic: (req) => {
    if (toolResults(req).length > 0) return { reply: { content: 'Fixed add() in calc.py with apply_patch.' } };
    if (!toolNames(req).includes('apply_patch')) return { reply: { content: 'No apply_patch tool was offered.' } };
    return { reply: { content: 'Patching calc.py.', tool_calls: [{ name: 'apply_patch', arguments: { input: PATCH } }] } };
  },
};

const missing = missingReason('codex');
describe.skipIf(missing !== null)(`--tui codex edits through apply_patch${missing === null ? '' : ` (skipped: ${missing})`}`, () => {
  const open: Array<FakeEndpoint | TaskDirs> = [];
  afterEach(async () => {
    for (const x of open.splice(0)) 'cleanup' in x ? await x.cleanup() : await x.close();
  });

  for (const model of ['fake-model', 'org/qwen2.5-coder:7b']) {
    it(`a model codex does not know (${model}) gets apply_patch and fixes the file with it`, async () => {
      const fake = await startFakeEndpoint({ steps: Array.from({ length: 6 }, () => patcher) });
      const dirs = await makeTask();
      open.push(fake, dirs);
      const outcome = await getTui('codex').run(tuiContext(dirs, checkConfig({ tui: 'codex', endpoint: fake.url, key: '', model })));
      const calls = chatCalls(fake.requests);
      expect(toolNames(calls[0]!)).toContain('apply_patch');
      expect(calls.every((r) => r.body?.model === model)).toBe(true);
      expect(outcome.stop_reason).toBe('done');
      expect(outcome.final_answer).toContain('with apply_patch');
      expect(await readFile(join(dirs.workdir, 'calc.py'), 'utf8')).toBe(FIXED);
      expect(testsPass(dirs.workdir)).toBe(true);
      const results = toolResults(calls.at(-1)!);
      expect(results).toHaveLength(1); // the one apply_patch call, no shell command
      expect(results[0]).toMatch(/Success|updated|M calc\.py/i);
      // the model saw codex's own instructions, not an empty prompt
      expect(String(calls[0]!.body?.messages?.[0]?.['content'])).toMatch(/codex/i);
    }, 180_000);
  }
});
