// Who drives a task (`--tui`): a plain record name → driver. Unknown names list the valid ones.

import type { AgentEvents, AgentOutcome } from '../agent/types.js';
import type { ManifestTask, TaskSpec } from '../bundle/task-spec.js';
import type { CheckConfig } from '../config.js';
import { CabError } from '../errors.js';
import type { ChatClient } from '../llm/types.js';
import type { AdapterSpec } from './adapter.js';
import { ADAPTERS } from './adapters.js';
import { findCli } from './detect.js';
import { notInstalled } from './not-installed.js';

export interface TaskSource {
  bundlePath: string;
  task: ManifestTask;
}

export interface TuiContext {
  task: TaskSpec;
  taskDir: string; // the extracted task folder: task.json and workdir/ only while the agent runs
  source: TaskSource; // where the task's other parts come from (the oracle extracts solution/ itself)
  workdir: string;
  config: Readonly<CheckConfig>;
  client: ChatClient | null;
  model: string | null;
  signal: AbortSignal;
  events: AgentEvents;
}

export interface Tui {
  name: string;
  description: string;
  needsEndpoint: boolean;
  run(ctx: TuiContext): Promise<AgentOutcome>;
}

function requireClient(ctx: TuiContext): { client: ChatClient; model: string } {
  if (!ctx.client || !ctx.model) throw new CabError('internal', 'builtin agent started without an endpoint client');
  return { client: ctx.client, model: ctx.model };
}

const BUILT_IN: Record<string, Tui> = {
  builtin: {
    name: 'builtin',
    description: 'the built-in agent loop against your endpoint',
    needsEndpoint: true,
    async run(ctx) {
      const { runBuiltinAgent } = await import('../agent/loop.js');
      const { client, model } = requireClient(ctx);
      return runBuiltinAgent({
        task: ctx.task,
        workdir: ctx.workdir,
        client,
        model,
        limits: {
          maxTurns: ctx.config.maxTurns ?? ctx.task.max_turns,
          timeoutMs: (ctx.config.timeoutS ?? ctx.task.timeout_s) * 1000,
          maxTotalTokens: ctx.config.maxTotalTokens,
        },
        shell: ctx.config.shell,
        stream: ctx.config.stream,
        toolMode: ctx.config.toolMode,
        signal: ctx.signal,
        events: ctx.events,
      });
    },
  },
  oracle: {
    name: 'oracle',
    description: "applies the task's reference solution, no model: proves the toolchain and the task",
    needsEndpoint: false,
    async run(ctx) {
      const { runOracle } = await import('../agent/oracle.js');
      return runOracle({ source: ctx.source, workdir: ctx.workdir });
    },
  },
  none: {
    name: 'none',
    description: 'changes nothing: the untouched baseline (every task must fail it)',
    needsEndpoint: false,
    async run() {
      const { runNoop } = await import('../agent/noop.js');
      return runNoop();
    },
  },
};

/** A driver that runs a locally installed agent CLI through the recording proxy. */
function cliTui(spec: AdapterSpec): Tui {
  return {
    name: spec.name,
    description: spec.description,
    needsEndpoint: true,
    async run(ctx) {
      const { runAgentCli } = await import('./run-agent-cli.js');
      return runAgentCli(spec, ctx);
    },
  };
}

const TUIS: Record<string, Tui> = { ...BUILT_IN, ...Object.fromEntries(ADAPTERS.map((spec) => [spec.name, cliTui(spec)])) };

/** Agent CLIs with reserved names and no adapter yet (adapters live in src/tuis/, one file each). */
export const RESERVED_TUIS = ['goose', 'openhands', 'plandex', 'crush'];

export function tuiNames(): string[] {
  return Object.keys(TUIS);
}

/** The adapter behind an agent-CLI driver, or null for built-in drivers. */
export function adapterFor(name: string): AdapterSpec | null {
  return ADAPTERS.find((a) => a.name === name) ?? null;
}

export function getTui(name: string): Tui {
  const tui = TUIS[name];
  const adapter = adapterFor(name);
  if (tui && adapter !== null && findCli(adapter.bin) === null) throw notInstalled(adapter);
  if (tui) return tui;
  if (RESERVED_TUIS.includes(name)) {
    throw new CabError('usage', `--tui ${name}: no adapter for this agent CLI yet`, {
      hint: `available now: ${tuiNames().join(', ')}`,
    });
  }
  throw new CabError('usage', `unknown --tui '${name}'`, { hint: `valid names: ${tuiNames().join(', ')}` });
}
