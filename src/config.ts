// Flags + environment → one frozen, validated Config for `check`. The API key is read here,
// once; it travels only to the endpoint client and the redactor.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CabError } from './errors.js';
import type { Io } from './io.js';
import { useColor } from './io.js';
import { flagBool, flagList, flagString, type CommandArgs } from './commands/args.js';
import { parseGateAxes } from './report/compare.js';
import { parseExtraHeaders, type ExtraHeaders } from './llm/extra-headers.js';

export type ToolModeChoice = 'auto' | 'native' | 'text';

export interface Shard {
  index: number; // 1-based
  count: number;
}

export interface CheckConfig {
  tasks: string[];
  categories: string[];
  all: boolean;
  endpoint: string | null;
  key: string | null;
  keyFromFlag: boolean;
  headers?: ExtraHeaders; // --header / CAB_HEADERS, names lower-cased
  model: string | null;
  tui: string;
  bundle: string | undefined;
  sha256: string | undefined;
  allowHttp: boolean;
  maxTurns: number | null;
  timeoutS: number | null;
  maxTotalTokens: number | null;
  concurrency: number;
  repeat: number;
  shard: Shard | null;
  json: boolean;
  out: string | null; // null → default ./cab-runs/<run-id>
  save: boolean;
  keep: boolean;
  shell: boolean;
  unsafeNoSandbox: boolean; // --shell and agent CLIs may run unconfined where no sandbox works
  stream: boolean;
  toolMode: ToolModeChoice;
  failUnder: number | null;
  failUnderPass: number | null;
  summaryMd: string | null;
  junit: string | null;
  baseline?: string | null; // saved runs to compare with (a result.json or a folder)
  failOnRegression?: string[] | null; // axes that fail the run when they regressed significantly
  yes: boolean;
  color: boolean; // for stdout
  colorErr: boolean; // for stderr
  interactiveUsed: boolean; // values came from prompts: print the reproducing command at the end
}

export function firstEnv(env: Io['env'], names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

function positiveInt(raw: string | undefined, flag: string): number | null {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new CabError('usage', `--${flag} must be a whole number ≥ 1, got '${raw}'`, { hint: `e.g. --${flag} 10` });
  }
  return Number(raw);
}

function unitNumber(raw: string | undefined, flag: string): number | null {
  if (raw === undefined) return null;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new CabError('usage', `--${flag} must be a number from 0 to 1, got '${raw}'`, { hint: `e.g. --${flag} 0.7` });
  }
  return value;
}

export function parseShard(raw: string | undefined): Shard | null {
  if (raw === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new CabError('usage', `--shard must be i/n with 1 ≤ i ≤ n, got '${raw}'`, { hint: 'e.g. --shard 2/4' });
  }
  return { index, count };
}

function toolMode(raw: string | undefined): ToolModeChoice {
  if (raw === undefined) return 'auto';
  if (raw === 'auto' || raw === 'native' || raw === 'text') return raw;
  throw new CabError('usage', `--tool-mode must be auto, native or text, got '${raw}'`);
}

export function buildCheckConfig(args: CommandArgs, io: Io): Readonly<CheckConfig> {
  const flagKey = flagString(args, 'key');
  const envKey = firstEnv(io.env, ['CAB_KEY', 'OPENAI_API_KEY']);
  const noColor = flagBool(args, 'no-color');
  const config: CheckConfig = {
    tasks: [...flagList(args, 'task'), ...args.positionals],
    categories: flagList(args, 'category'),
    all: flagBool(args, 'all'),
    endpoint: flagString(args, 'endpoint') ?? firstEnv(io.env, ['CAB_ENDPOINT', 'OPENAI_BASE_URL', 'OPENAI_API_BASE']) ?? null,
    key: flagKey ?? envKey ?? null,
    keyFromFlag: flagKey !== undefined,
    headers: parseExtraHeaders(flagList(args, 'header'), io.env.CAB_HEADERS),
    model: flagString(args, 'model') ?? firstEnv(io.env, ['CAB_MODEL']) ?? null,
    tui: flagString(args, 'tui') ?? 'builtin',
    bundle: flagString(args, 'bundle'),
    sha256: flagString(args, 'sha256')?.toLowerCase(),
    allowHttp: flagBool(args, 'allow-http'),
    maxTurns: positiveInt(flagString(args, 'max-turns'), 'max-turns'),
    timeoutS: positiveInt(flagString(args, 'timeout'), 'timeout'),
    maxTotalTokens: positiveInt(flagString(args, 'max-total-tokens'), 'max-total-tokens'),
    concurrency: positiveInt(flagString(args, 'concurrency'), 'concurrency') ?? 1,
    repeat: positiveInt(flagString(args, 'repeat'), 'repeat') ?? 1,
    shard: parseShard(flagString(args, 'shard')),
    json: flagBool(args, 'json'),
    out: flagString(args, 'out') ?? null,
    save: !flagBool(args, 'no-save'),
    keep: flagBool(args, 'keep'),
    shell: flagBool(args, 'shell'),
    unsafeNoSandbox: flagBool(args, 'unsafe-no-sandbox'),
    stream: !flagBool(args, 'no-stream'),
    toolMode: toolMode(flagString(args, 'tool-mode')),
    failUnder: unitNumber(flagString(args, 'fail-under'), 'fail-under'),
    failUnderPass: unitNumber(flagString(args, 'fail-under-pass'), 'fail-under-pass'),
    summaryMd: flagString(args, 'summary-md') ?? null,
    junit: flagString(args, 'junit') ?? null,
    baseline: flagString(args, 'baseline') ?? null,
    failOnRegression: parseGateAxes(flagString(args, 'fail-on-regression')),
    yes: flagBool(args, 'yes'),
    color: useColor(io, 'stdout', noColor),
    colorErr: useColor(io, 'stderr', noColor),
    interactiveUsed: false,
  };
  if (config.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(config.sha256)) {
    throw new CabError('usage', '--sha256 must be 64 hex characters', { hint: 'sha256sum <bundle> prints it' });
  }
  if (config.out !== null && !config.save) {
    throw new CabError('usage', '--out and --no-save contradict each other', { hint: 'pick one' });
  }
  // checked now, not after a long run: the comparison is the last step
  if (config.baseline && !existsSync(resolve(io.cwd, config.baseline))) {
    throw new CabError('usage', `--baseline: no such file or folder: ${config.baseline}`, { hint: 'a result.json or a folder of saved runs, e.g. cab-runs/<run-id>' });
  }
  if (config.failOnRegression && !config.baseline) {
    throw new CabError('usage', '--fail-on-regression needs --baseline', { hint: 'check --baseline cab-runs/<run-id> --fail-on-regression' });
  }
  return Object.freeze(config);
}
