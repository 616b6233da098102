// `show <task>`: a task's prompt, constraints, limits and files. `show --last <task>`: the
// unified diff saved by the most recent run of that task under ./cab-runs.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractTask } from '../bundle/extract.js';
import { readManifest } from '../bundle/manifest.js';
import { closeMatches } from '../bundle/select.js';
import { parseTaskSpec, type TaskSpec } from '../bundle/task-spec.js';
import { CabError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { colorDiff, findLastDiff } from '../report/last-diff.js';
import { createScratch } from '../workspace/scratch.js';
import { listTree } from '../workspace/list-tree.js';
import { bundleFromFlags, flagBool, flagString, type CommandArgs } from './args.js';

interface ShownTask {
  spec: TaskSpec;
  readme: string;
  agents: string;
  files: string[];
}

async function loadTask(args: CommandArgs, io: Io, id: string): Promise<ShownTask> {
  const bundlePath = await bundleFromFlags(args, io);
  const manifest = await readManifest(bundlePath);
  const entry = manifest.tasks.find((t) => t.id === id);
  if (!entry) {
    const close = closeMatches(id, manifest.tasks.map((t) => t.id));
    throw new CabError('usage', `unknown task '${id}'`, { hint: close.length > 0 ? `did you mean ${close.join(', ')}?` : 'run `codingagentbench list`' });
  }
  const scratch = await createScratch();
  try {
    await extractTask(bundlePath, entry, scratch.root);
    const spec = parseTaskSpec(JSON.parse(await readFile(join(scratch.root, 'task.json'), 'utf8')), `${id}/task.json`);
    const read = (name: string): Promise<string> => readFile(join(scratch.root, 'workdir', name), 'utf8').catch(() => '');
    return { spec, readme: await read('README.md'), agents: await read('AGENTS.md'), files: await listTree(join(scratch.root, 'workdir')) };
  } finally {
    await scratch.dispose();
  }
}

function describe(task: ShownTask): string {
  const { spec } = task;
  const constraints = spec.constraints.map((c) => `  - ${JSON.stringify(c)}`).join('\n') || '  (none)';
  return [
    `${spec.id} — ${spec.title}`,
    spec.description ? `\n${spec.description}` : '',
    `\ncategory ${spec.category} · language ${spec.language} · toolchains ${spec.toolchains.join(', ')}`,
    `limits: ${spec.max_turns} turns, ${spec.timeout_s}s agent timeout, ${spec.verify_timeout_s ?? 120}s for tests`,
    `test: ${spec.test.join(' ')}`,
    `expected changes: ${[...spec.ground_truth_files, ...(spec.expected_refusal ? spec.refusal_docs : [])].join(', ') || '(none)'}`,
    `protected: ${spec.protected.join(', ') || '(none)'}`,
    `constraints:\n${constraints}`,
    `\nfiles:\n${task.files.map((f) => `  ${f}`).join('\n')}`,
    `\n── README.md (the prompt) ──\n${task.readme.trimEnd()}`,
    `\n── AGENTS.md ──\n${task.agents.trimEnd()}`,
    '',
  ].join('\n');
}

export async function showCommand(args: CommandArgs, io: Io): Promise<number> {
  const id = args.positionals[0];
  if (!id) throw new CabError('usage', 'show needs a task id', { hint: 'e.g. codingagentbench show mutations/rust-error-negated' });
  if (flagBool(args, 'last')) {
    const found = await findLastDiff(join(io.cwd, flagString(args, 'runs') ?? 'cab-runs'), id);
    io.stderr(`last run: ${found.path}\n`);
    io.stdout(colorDiff(found.diff || '(no changes)\n', useColor(io, 'stdout', flagBool(args, 'no-color'))));
    return 0;
  }
  const task = await loadTask(args, io, id);
  if (flagBool(args, 'json')) io.stdout(`${JSON.stringify({ task: task.spec, readme: task.readme, agents: task.agents, files: task.files }, null, 2)}\n`);
  else io.stdout(describe(task));
  return 0;
}
