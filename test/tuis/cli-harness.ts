// End-to-end harness for agent-CLI adapters: a tiny python task in a temp workdir, a scripted
// model on the fake endpoint that solves it with whatever shell tool the CLI offers, and a
// TuiContext as check.ts builds it. CLIs are found on CAB_AGENTS_PATH (default: the prefix
// .ci/install-agents.sh installs into) and PATH; a missing one skips its tests with the reason.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TaskSpec } from '../../src/bundle/task-spec.js';
import type { CheckConfig } from '../../src/config.js';
import { findCli } from '../../src/tuis/detect.js';
import type { TuiContext } from '../../src/tuis/registry.js';
import type { FakeStep, RecordedRequest } from '../helpers/fake-endpoint.js';
import { tempDir } from '../helpers/temp.js';

/** The default install prefix of .ci/install-agents.sh, searched when CAB_AGENTS_PATH is unset. */
export const DEFAULT_AGENTS_BIN = join(process.env['CAB_AGENTS_PREFIX'] ?? join(homedir(), '.cache', 'cab-agents'), 'node_modules', '.bin');

export function useAgentsPath(): void {
  const current = process.env['CAB_AGENTS_PATH'] ?? '';
  if (!current.split(delimiter).includes(DEFAULT_AGENTS_BIN) && existsSync(DEFAULT_AGENTS_BIN)) {
    process.env['CAB_AGENTS_PATH'] = [current, DEFAULT_AGENTS_BIN].filter((d) => d !== '').join(delimiter);
  }
}

/** null when the CLI is installed, else why its tests are skipped. */
export function missingReason(bin: string): string | null {
  useAgentsPath();
  if (findCli(bin) !== null) return null;
  return `${bin} is not installed (run .ci/install-agents.sh, or set CAB_AGENTS_PATH to its bin folder)`;
}

export const BROKEN = 'def add(a, b):\n    return a - b\n';
export const FIXED = 'def add(a, b):\n    return a + b\n';

export const TASK: TaskSpec = {
  id: 'polyglot/python-add',
  category: 'polyglot',
  language: 'python',
  title: 'add() subtracts',
  version: '1',
  max_turns: 12,
  timeout_s: 240,
  test: ['python3', '-m', 'unittest', '-q'],
  verify: ['python3', '-m', 'unittest', '-q'],
  ground_truth_files: ['calc.py'],
  expected_refusal: false,
  refusal_docs: [],
  protected: ['test_calc.py'],
  constraints: [],
  toolchains: ['python3'],
  ignore: ['__pycache__/'],
};

export interface TaskDirs {
  root: string;
  taskDir: string;
  workdir: string;
  cleanup(): Promise<void>;
}

export async function makeTask(): Promise<TaskDirs> {
  const root = await tempDir('cab-tui-test-');
  const taskDir = join(root, 'task');
  const workdir = join(root, 'workdir');
  await mkdir(taskDir, { recursive: true });
  await mkdir(workdir, { recursive: true });
  await writeFile(join(workdir, 'README.md'), '# add() subtracts\n\n`calc.add(2, 3)` returns -1. Make it return the sum. The tests in test_calc.py must pass.\n');
  await writeFile(join(workdir, 'AGENTS.md'), '- Do not edit test_calc.py.\n- No new dependencies.\n');
  await writeFile(join(workdir, 'calc.py'), BROKEN);
  await writeFile(join(workdir, 'test_calc.py'), 'import unittest\nfrom calc import add\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n\nif __name__ == "__main__":\n    unittest.main()\n');
  return { root, taskDir, workdir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Exit code of the task's tests in the workdir. */
export function testsPass(workdir: string): boolean {
  try {
    execFileSync('python3', ['-m', 'unittest', '-q'], { cwd: workdir, stdio: 'ignore', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    return true;
  } catch {
    return false;
  }
}

export function checkConfig(over: Partial<CheckConfig>): CheckConfig {
  return {
    tasks: [], categories: [], all: false, endpoint: null, key: null, keyFromFlag: false, model: 'fake-model', tui: 'builtin',
    bundle: undefined, sha256: undefined, allowHttp: false, maxTurns: null, timeoutS: null, maxTotalTokens: null, concurrency: 1,
    repeat: 1, shard: null, json: false, out: null, save: false, keep: false, shell: false, unsafeNoSandbox: false, stream: true, toolMode: 'auto',
    failUnder: null, failUnderPass: null, summaryMd: null, junit: null, yes: true, color: false, colorErr: false, interactiveUsed: false,
    ...over,
  };
}

export function tuiContext(dirs: TaskDirs, config: CheckConfig, signal: AbortSignal = new AbortController().signal): TuiContext {
  const source = { bundlePath: join(dirs.root, 'no-bundle.tar.gz'), task: { id: TASK.id, category: TASK.category, language: TASK.language, title: TASK.title, toolchains: TASK.toolchains, sha256: '0'.repeat(64), files: 0, bytes: 0 } };
  return { task: TASK, taskDir: dirs.taskDir, source, workdir: dirs.workdir, config, client: null, model: config.model, signal, events: {} };
}

// ---- the scripted model ----

type Obj = Record<string, unknown>;

const SHELL_TOOLS = ['bash', 'Bash', 'run_shell_command', 'run_commands', 'exec_command', 'shell'];

function toolsOf(req: RecordedRequest): Array<{ name: string; parameters: Obj }> {
  return (req.body?.tools ?? []).flatMap((t) => {
    const fn = (t as { function?: { name?: string; parameters?: Obj } }).function;
    return fn?.name === undefined ? [] : [{ name: fn.name, parameters: fn.parameters ?? {} }];
  });
}

/** Arguments for a shell tool: the command in `cmd` or `command`, other required fields filled plainly. */
function shellArgs(parameters: Obj, command: string): Obj {
  const props = (parameters['properties'] ?? {}) as Record<string, { type?: string; enum?: unknown[] }>;
  if ('commands' in props) return { commands: [command] }; // cline: an array of commands
  const field = 'cmd' in props ? 'cmd' : 'command';
  const args: Obj = { [field]: command };
  for (const name of (parameters['required'] ?? []) as string[]) {
    if (name in args) continue;
    const p = props[name] ?? {};
    args[name] = p.enum?.[0] ?? (p.type === 'boolean' ? false : p.type === 'number' || p.type === 'integer' ? 60 : 'fix calc.py');
  }
  return args;
}

const hasToolResult = (req: RecordedRequest): boolean => (req.body?.messages ?? []).some((m) => m['role'] === 'tool');

export const FIX_COMMAND = `printf 'def add(a, b):\\n    return a + b\\n' > calc.py && python3 -m unittest -q`;

/** One model turn: fix calc.py through the CLI's shell tool, then report. Stateless: reads the conversation. */
export const solver: FakeStep = {
  dynamic: (req) => {
    const tools = toolsOf(req);
    const shell = tools.find((t) => SHELL_TOOLS.includes(t.name));
    if (hasToolResult(req) || shell === undefined) return { reply: { content: 'Fixed add() in calc.py; the tests pass.' } };
    return { reply: { content: 'I will fix calc.py.', tool_calls: [{ name: shell.name, arguments: shellArgs(shell.parameters, FIX_COMMAND) }] } };
  },
};

export const SOLVE_SCRIPT: FakeStep[] = Array.from({ length: 30 }, () => solver);

export function chatCalls(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.path === '/v1/chat/completions');
}
