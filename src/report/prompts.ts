// The interactive flow of `check` (only when isInteractive): category → task → endpoint →
// model (from /v1/models when listed) → key (masked) → confirm. Ctrl-C at any prompt cancels.

import type { Manifest } from '../bundle/task-spec.js';
import type { CheckConfig } from '../config.js';
import { CabError } from '../errors.js';
import type { Io } from '../io.js';
import type { Tui } from '../tuis/registry.js';
import { missingToolchains } from '../workspace/toolchains.js';
import { readLastResults } from './saved-runs.js';

interface PromptArgs {
  config: Readonly<CheckConfig>;
  tui: Tui;
  io: Io;
  manifest: Manifest;
}

type Clack = typeof import('@clack/prompts');

function settle<T>(clack: Clack, value: T): Exclude<T, symbol> {
  if (clack.isCancel(value)) {
    clack.cancel('Cancelled.', { output: process.stderr });
    throw new CabError('interrupted', 'cancelled at the prompt');
  }
  return value as Exclude<T, symbol>;
}

async function pickTask(clack: Clack, args: PromptArgs): Promise<string> {
  const common = { input: process.stdin, output: process.stderr, signal: args.io.signal };
  const categories = [...new Set(args.manifest.tasks.map((t) => t.category))].sort();
  const category = settle(clack, await clack.select({ ...common, message: 'Category', options: categories.map((c) => ({ value: c, label: c, hint: `${args.manifest.tasks.filter((t) => t.category === c).length} tasks` })) }));
  const last = await readLastResults(`${args.io.cwd}/cab-runs`);
  const tasks = args.manifest.tasks.filter((t) => t.category === category).sort((a, b) => a.id.localeCompare(b.id));
  const options = await Promise.all(
    tasks.map(async (t) => {
      const missing = await missingToolchains(t.toolchains);
      const seen = last.get(t.id);
      const parts = [t.language, missing.length > 0 ? `needs ${missing.join(', ')}` : `${t.toolchains.join(', ')} ✓`];
      if (seen) parts.push(`last: ${seen.pass ? 'pass' : 'fail'} ${seen.composite.toFixed(3)}`);
      return { value: t.id, label: t.id, hint: parts.join(' · ') };
    }),
  );
  return settle(clack, await clack.select({ ...common, message: 'Task', options, maxItems: 12 }));
}

async function pickModel(clack: Clack, args: PromptArgs, endpoint: string, key: string | null): Promise<string> {
  const headers = args.config.headers ?? {};
  const common = { input: process.stdin, output: process.stderr, signal: args.io.signal };
  let models: string[] = [];
  try {
    const { createChatClient } = await import('../llm/client.js');
    const client = createChatClient({ baseUrl: endpoint, ...(key ? { key } : {}), headers });
    try {
      models = await client.listModels(args.io.signal);
    } finally {
      await client.close();
    }
  } catch (error) {
    clack.log.warn(`could not list models: ${args.io.redact(error instanceof Error ? error.message : String(error))}`, { output: process.stderr });
  }
  if (models.length > 0) return settle(clack, await clack.select({ ...common, message: 'Model', options: models.map((m) => ({ value: m, label: m })), maxItems: 12 }));
  return settle(clack, await clack.text({ ...common, message: 'Model id', validate: (v) => (v && v.trim() ? undefined : 'a model id is required') })).trim();
}

export async function promptCheckInputs(args: PromptArgs): Promise<Readonly<CheckConfig>> {
  const clack = await import('@clack/prompts');
  const common = { input: process.stdin, output: process.stderr, signal: args.io.signal };
  clack.intro('codingagentbench check — provisional, not for citation', { output: process.stderr });
  const next: CheckConfig = { ...args.config };
  if (!next.all && next.tasks.length === 0 && next.categories.length === 0) next.tasks = [await pickTask(clack, args)];
  if (args.tui.needsEndpoint) {
    if (!next.endpoint) {
      next.endpoint = settle(clack, await clack.text({ ...common, message: 'Endpoint (OpenAI-compatible base URL)', placeholder: 'http://localhost:8000/v1', defaultValue: 'http://localhost:8000/v1' })).trim() || 'http://localhost:8000/v1';
    }
    if (next.key === null) {
      const key = settle(clack, await clack.password({ ...common, message: 'API key (empty for none)' }));
      next.key = key ? key : null;
    }
    if (!next.model) next.model = await pickModel(clack, args, next.endpoint ?? '', next.key);
  }
  const go = settle(clack, await clack.confirm({ ...common, message: `Run ${next.tasks.join(', ') || 'the selection'} with --tui ${next.tui}${next.model ? ` and ${next.model}` : ''}?` }));
  if (!go) throw new CabError('interrupted', 'cancelled at the prompt');
  next.interactiveUsed = true;
  return Object.freeze(next);
}
