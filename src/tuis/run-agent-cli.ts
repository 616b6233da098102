// The shared runner for every agent-CLI adapter: a recording proxy in front of the user's endpoint
// (the CLI gets a dummy key by variable name; the real key stays in the proxy), a fresh private
// HOME/XDG/TMPDIR, a minimal environment, stdin closed, its own process group with the task's
// timeout; then the CLI's final event and exit code decide how it ended (cli-outcome.ts), and the
// proxy's records are the calls. A refused key (or an endpoint that never answered) is an
// EndpointError whatever the CLI's exit code was.

import { delimiter } from 'node:path';
import type { AgentOutcome } from '../agent/types.js';
import { CabError } from '../errors.js';
import { startRecordingProxy } from '../proxy/recording-proxy.js';
import type { RecordingProxy } from '../proxy/recording-proxy.js';
import { runCommand, sandboxAvailable } from '../workspace/exec.js';
import type { ExecResult } from '../workspace/types.js';
import { DEFAULT_KEY_ENV } from './adapter.js';
import type { AdapterSpec } from './adapter.js';
import { cliOutcome } from './cli-outcome.js';
import { cliVersion, findCli, searchPath } from './detect.js';
import type { FoundCli } from './detect.js';
import { droppingsFound } from './droppings.js';
import { linkCliCaches } from './cli-cache.js';
import { installRoots } from './install-root.js';
import { notInstalled } from './not-installed.js';
import { cliPrompt } from './prompt.js';
import { createPrivateHome, writeHomeFiles } from './private-home.js';
import type { PrivateHome } from './private-home.js';
import type { TuiContext } from './registry.js';

const MAX_OUTPUT_BYTES = 16 * 1024 * 1024; // JSON event streams: keep enough to find the final event

export function requireCli(spec: Pick<AdapterSpec, 'name' | 'bin' | 'install'>): FoundCli {
  const found = findCli(spec.bin);
  if (found === null) throw notInstalled(spec);
  return found;
}

interface RunPlan {
  found: FoundCli;
  model: string;
  timeoutS: number;
  maxTurns: number;
  key: string; // "" when the endpoint takes none
}

function planRun(spec: AdapterSpec, ctx: TuiContext): RunPlan & { endpoint: string } {
  const found = requireCli(spec);
  const endpoint = ctx.config.endpoint;
  const model = ctx.model ?? ctx.config.model;
  if (!endpoint) throw new CabError('usage', `--tui ${spec.name} needs an endpoint`, { hint: 'pass --endpoint <url> or set CAB_ENDPOINT' });
  if (!model) throw new CabError('usage', `--tui ${spec.name} needs a model`, { hint: 'pass --model <id> or set CAB_MODEL' });
  const timeoutS = ctx.config.timeoutS ?? ctx.task.timeout_s;
  const maxTurns = ctx.config.maxTurns ?? ctx.task.max_turns;
  return { found, endpoint, model, timeoutS, maxTurns, key: ctx.config.key ?? '' };
}

function startProxy(ctx: TuiContext, plan: RunPlan & { endpoint: string }): Promise<RecordingProxy> {
  let tokens = 0;
  let turn = 0;
  return startRecordingProxy({
    upstreamBase: plan.endpoint,
    key: plan.key,
    ...(ctx.config.headers ? { headers: ctx.config.headers } : {}),
    noStream: !ctx.config.stream,
    limits: { maxCalls: plan.maxTurns, maxTotalTokens: ctx.config.maxTotalTokens },
    onCall: (c) => {
      tokens += c.prompt_tokens + c.completion_tokens;
      ctx.events.onTurn?.({ turn: ++turn, maxTurns: plan.maxTurns, totalTokens: tokens });
    },
  });
}

/** Prepares the private home and runs the CLI once, to completion or its time limit. */
async function execCli(spec: AdapterSpec, ctx: TuiContext, plan: RunPlan, proxy: RecordingProxy, home: PrivateHome, prompt: string): Promise<ExecResult> {
  const keyEnv = spec.keyEnv ?? DEFAULT_KEY_ENV;
  const sandboxed = spec.sandbox !== false && (await sandboxAvailable()) === 'bwrap';
  const prepared = await spec.prepare({ model: plan.model, proxyUrl: proxy.url, keyEnv, home: home.root, workdir: ctx.workdir, prompt, maxTurns: plan.maxTurns, timeoutS: plan.timeoutS, sandboxed, cliPath: plan.found.path });
  await writeHomeFiles(home.root, prepared.files);
  const caches = await linkCliCaches(spec.name, home.root, spec.cacheDirs ?? []);
  const exec = await runCommand({
    argv: [plan.found.path, ...prepared.argv],
    cwd: ctx.workdir,
    timeoutMs: plan.timeoutS * 1000,
    env: { ...home.env, PATH: [plan.found.dir, ...searchPath()].join(delimiter), ...prepared.env, [keyEnv]: proxy.token },
    secrets: plan.key === '' ? [] : [plan.key],
    maxOutputBytes: MAX_OUTPUT_BYTES,
    signal: ctx.signal,
    // bwrap where it works (the allowlist view, its own PID namespace), with the network shared
    // so that it reaches the proxy on loopback; its private home writable, its install read-only.
    sandbox: sandboxed ? 'auto' : 'none',
    network: true,
    home: home.root,
    readOnly: installRoots(plan.found),
    writable: caches,
  });
  if (exec.error !== undefined && !ctx.signal.aborted) throw new CabError('usage', `--tui ${spec.name}: ${exec.error}`, { hint: `reinstall it: ${spec.install}` });
  return exec;
}

export async function runAgentCli(spec: AdapterSpec, ctx: TuiContext): Promise<AgentOutcome> {
  const plan = planRun(spec, ctx);
  const version = await cliVersion(spec, plan.found);
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const proxy = await startProxy(ctx, plan);
  const home = await createPrivateHome(spec.name);
  try {
    const prompt = await cliPrompt(ctx.task, ctx.workdir);
    const exec = await execCli(spec, ctx, plan, proxy, home, prompt);
    await proxy.close(); // every call has its record now
    const facts = { name: spec.name, exec, parsed: spec.parse(exec.stdout, exec.stderr), proxy, aborted: ctx.signal.aborted };
    const droppings = await droppingsFound(ctx.workdir, spec.droppings);
    const spanAttrs = { tui: spec.name, tui_version: version, cli: plan.found.path, model: plan.model, droppings, ...(ctx.config.keep ? { home: home.root } : {}) };
    return { ...cliOutcome({ facts, prompt, startedAt, t0, version, spanAttrs }), sandbox: exec.sandbox };
  } finally {
    await proxy.close();
    if (!ctx.config.keep) await home.dispose();
  }
}
