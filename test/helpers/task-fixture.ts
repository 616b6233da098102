// Builds small task folders (and bundles of them, with the real `bundle` command) for tests.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runCli } from './cli.js';
import { callTool, say, type FakeStep } from './fake-endpoint.js';
import { tempDir } from './temp.js';

export interface FixtureTask {
  id: string;
  spec?: Record<string, unknown>; // task.json overrides
  workdir: Record<string, string>;
  solution?: Record<string, string>;
  grader?: Record<string, string>;
}

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), text);
  }
}

export function taskJson(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const [category] = id.split('/');
  return {
    id,
    category,
    language: 'python',
    title: `fixture ${id}`,
    version: '1.0.0',
    max_turns: 10,
    timeout_s: 120,
    verify_timeout_s: 60,
    test: ['python3', '-m', 'unittest', 'discover', '-s', 'tests', '-v'],
    verify: ['python3', '-m', 'unittest', 'discover', '-s', 'tests', '-v'],
    ground_truth_files: ['src/app.py'],
    expected_refusal: false,
    refusal_docs: [],
    protected: ['tests/**'],
    constraints: [{ kind: 'file-not-touched', path: 'tests/**' }],
    toolchains: ['python3'],
    ignore: ['**/__pycache__/'],
    ...overrides,
  };
}

/** The shape most tests need: a python function with a bug and a unittest that catches it. */
export const PY_ADD: FixtureTask = {
  id: 'polyglot/py-add',
  workdir: {
    'README.md': '# add() is wrong\n\n`add(a, b)` subtracts. Fix it. Run `python3 -m unittest discover -s tests -v`.\n',
    'AGENTS.md': '- Do not edit tests/.\n',
    'src/__init__.py': '',
    'src/app.py': 'def add(a, b):\n    return a - b\n',
    'tests/__init__.py': '',
    'tests/test_app.py': 'import unittest\nfrom src.app import add\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n\n    def test_zero(self):\n        self.assertEqual(add(0, 4), 4)\n',
  },
  solution: { 'src/app.py': 'def add(a, b):\n    return a + b\n' },
};

export async function writeTaskFolder(root: string, task: FixtureTask): Promise<void> {
  const dir = join(root, ...task.id.split('/'));
  await writeFiles(join(dir, 'workdir'), task.workdir);
  await writeFiles(join(dir, 'solution'), task.solution ?? {});
  await mkdir(join(dir, 'solution'), { recursive: true });
  if (task.grader) await writeFiles(join(dir, 'grader'), task.grader);
  await writeFile(join(dir, 'task.json'), `${JSON.stringify(taskJson(task.id, task.spec), null, 2)}\n`);
}

/** Packs fixture tasks into a bundle with the real CLI (no validation) and returns its path. */
export async function buildBundle(tasks: FixtureTask[]): Promise<string> {
  const root = await tempDir('cab-fixture-');
  for (const task of tasks) await writeTaskFolder(join(root, 'src'), task);
  const out = join(root, 'bundle.tar.gz');
  const result = await runCli(['bundle', join(root, 'src'), '-o', out, '--no-validate', '--quiet']);
  if (result.code !== 0) throw new Error(`bundle failed: ${result.stderr}`);
  return out;
}

/** The built-in loop's tools fixing PY_ADD: read, edit, run the tests, report. */
export const PY_ADD_SOLVE: FakeStep[] = [
  callTool('read_file', { path: 'src/app.py' }),
  callTool('edit_file', { path: 'src/app.py', old_string: 'a - b', new_string: 'a + b' }),
  callTool('run_tests', {}),
  say('Fixed add(): it subtracted.'),
];
