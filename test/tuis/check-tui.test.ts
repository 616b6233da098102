// `check --tui <cli>` through the real pipeline (in-process): a bundle holding the tiny python
// task, the scripted endpoint, a real agent CLI. Pass 1, tokens equal to what the server served,
// the run identity naming the CLI and its version; a refused key throws the auth error (exit 3).

import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../src/bundle/pack.js';
import { checkCommand } from '../../src/commands/check.js';
import type { CommandArgs } from '../../src/commands/args.js';
import { isCabError } from '../../src/errors.js';
import type { Io } from '../../src/io.js';
import { createRedactor } from '../../src/redact.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import { FIXED, makeTask, missingReason, SOLVE_SCRIPT, TASK } from './cli-harness.js';
import { tempDir } from '../helpers/temp.js';

const CLI = { name: 'pi', bin: 'pi' };
const missing = missingReason(CLI.bin);

let root = '';
let bundle = '';
beforeAll(async () => {
  if (missing !== null) return;
  root = await tempDir('cab-check-tui-');
  const taskSrc = join(root, 'src', 'polyglot', 'python-add');
  const dirs = await makeTask();
  await mkdir(join(taskSrc, 'solution'), { recursive: true });
  await cp(dirs.workdir, join(taskSrc, 'workdir'), { recursive: true });
  await dirs.cleanup();
  await writeFile(join(taskSrc, 'solution', 'calc.py'), FIXED);
  const { id, category, language, title, version, max_turns, timeout_s, test, verify, ground_truth_files, expected_refusal, refusal_docs, protected: prot, constraints, toolchains, ignore } = TASK;
  await writeFile(join(taskSrc, 'task.json'), JSON.stringify({ id, category, language, title, version, max_turns, timeout_s, test, verify, ground_truth_files, expected_refusal, refusal_docs, protected: prot, constraints, toolchains, ignore }, null, 2));
  bundle = join(root, 'tasks.tar.gz');
  await packBundle(join(root, 'src'), bundle);
});
afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

function io(env: Record<string, string>): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      env,
      cwd: root,
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      signal: new AbortController().signal,
      redact: createRedactor([env['CAB_KEY']]),
    },
  };
}

function args(endpoint: string): CommandArgs {
  return {
    command: 'check',
    values: { tui: CLI.name, bundle, task: ['polyglot/python-add'], endpoint, model: 'fake-model', json: true, 'no-save': true },
    positionals: [],
  };
}

describe.skipIf(missing !== null)(`check --tui ${CLI.name}${missing === null ? '' : ` (skipped: ${missing})`}`, () => {
  it('scores the run: pass 1, tokens = served, identity names the CLI and its version', async () => {
    const fake = await startFakeEndpoint({ steps: SOLVE_SCRIPT, requireKey: 'sk-check-key' });
    try {
      const run = io({ CAB_KEY: 'sk-check-key' });
      const code = await checkCommand(args(fake.url), run.io);
      expect(code).toBe(0);
      const doc = JSON.parse(run.out.join(''));
      const cell = doc.results[0];
      expect(cell.pass_rate.pass).toBe(1);
      expect(cell.tui).toBe(CLI.name);
      expect(cell.tui_version).toMatch(/^\d+\.\d+\.\d+/);
      expect(cell.cell_id).toMatch(new RegExp(`/${CLI.name}/fake-model/polyglot/python-add#run1$`));
      expect(cell.stop_reason).toBe('done');
      expect({ prompt_tokens: cell.tokens.prompt_tokens, completion_tokens: cell.tokens.completion_tokens }).toEqual(fake.served);
      expect(cell.tokens.model_calls).toBe(cell.calls.length);
      expect(cell.blast_radius.modified).toEqual(['calc.py']);
      expect(JSON.stringify(doc)).not.toContain('sk-check-key');
    } finally {
      await fake.close();
    }
  }, 240_000);

  it('a refused key fails the command with the auth error (exit 3)', async () => {
    const fake = await startFakeEndpoint({ steps: SOLVE_SCRIPT, requireKey: 'sk-check-key' });
    try {
      const run = io({ CAB_KEY: 'sk-not-the-key' });
      const err = await checkCommand(args(fake.url), run.io).then(() => null, (e: unknown) => e);
      expect(isCabError(err)).toBe(true);
      expect((err as { exitCode: number }).exitCode).toBe(3);
      expect((err as Error).message).toContain('refused the API key');
    } finally {
      await fake.close();
    }
  }, 240_000);
});
