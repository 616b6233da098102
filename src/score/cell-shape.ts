// Validates a cell read from a result file and fills what older or published cells leave out
// (constraints, call records, …). The raw axes the composite needs must be present and typed;
// anything else wrong is a one-line CabError('usage') naming the file and the key.

import { CabError } from '../errors.js';
import { CONTAINER_ACTIVE_MEASURES } from './latency.js';
import { recomputeCell } from './recompute.js';
import type { Cell, ScoredCell } from './types.js';

type Obj = Record<string, unknown>;

function fail(where: string, what: string): never {
  throw new CabError('usage', `${where}: ${what}`, { hint: 'report reads result.json files written by `check` (or bare cells)' });
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function section(raw: Obj, key: string, where: string): Obj {
  const value = raw[key];
  if (!isObj(value)) fail(where, `missing object "${key}"`);
  return value;
}

function num(o: Obj, key: string, where: string, fallback?: number): number {
  const value = o[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, `"${key}" must be a number`);
  return value;
}

function strings(o: Obj, key: string, where: string, fallback?: string[]): string[] {
  const value = o[key] ?? fallback;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) fail(where, `"${key}" must be a list of paths`);
  return value;
}

function str(o: Obj, key: string, where: string, fallback?: string): string {
  const value = o[key] ?? fallback;
  if (typeof value !== 'string') fail(where, `"${key}" must be a string`);
  return value;
}

function zeroOne(o: Obj, key: string, where: string): 0 | 1 {
  const value = num(o, key, where);
  if (value !== 0 && value !== 1) fail(where, `"${key}" must be 0 or 1`);
  return value;
}

function identity(raw: Obj, where: string): Obj {
  const cellId = str(raw, 'cell_id', where);
  const integrity = isObj(raw.integrity) ? raw.integrity : {};
  const taskId = str(raw, 'task_id', where, typeof integrity.task_id === 'string' ? integrity.task_id : undefined);
  const run = /#run(\d+)$/.exec(cellId);
  return {
    run_id: '',
    category: taskId.split('/')[0] ?? '',
    language: '',
    tui: '',
    tui_version: null,
    model: null,
    endpoint_host: null,
    run_index: run ? Number(run[1]) : 1,
    started_at: '',
    ended_at: '',
    ...raw,
    cell_id: cellId,
    task_id: taskId,
    provisional: true,
  };
}

function axes(raw: Obj, where: string, taskId: string): Pick<ScoredCell, 'pass_rate' | 'tokens' | 'latency' | 'blast_radius' | 'integrity'> {
  const p = section(raw, 'pass_rate', `${where}: pass_rate`);
  const t = section(raw, 'tokens', `${where}: tokens`);
  const l = section(raw, 'latency', `${where}: latency`);
  const b = section(raw, 'blast_radius', `${where}: blast_radius`);
  const i = section(raw, 'integrity', `${where}: integrity`);
  const wall = num(l, 'wall_clock_ms', `${where}: latency`);
  const at = (axis: string): string => `${where}: ${axis}`;
  return {
    pass_rate: { exit_code: null, timed_out: false, stdout_tail: '', stderr_tail: '', partial_score: null, tests_expected: null, tests_passed: [], tests_failed: [], tests_missing: [], canaries: null, fail_reasons: [], ...p, pass: zeroOne(p, 'pass', at('pass_rate')) } as ScoredCell['pass_rate'],
    tokens: {
      prompt_tokens: num(t, 'prompt_tokens', at('tokens'), 0),
      completion_tokens: num(t, 'completion_tokens', at('tokens'), 0),
      total_tokens: num(t, 'total_tokens', at('tokens')),
      model_calls: num(t, 'model_calls', at('tokens'), 0),
      tokens_per_correct_task: null,
      pass_used_for_division: 0,
      tokens_estimated: t.tokens_estimated === true,
    },
    latency: { container_active_ms: wall, container_active_measures: CONTAINER_ACTIVE_MEASURES, model_call_ms: 0, ...l, wall_clock_ms: wall } as ScoredCell['latency'],
    blast_radius: {
      ...b,
      blast_radius: 0,
      added: strings(b, 'added', at('blast_radius')),
      removed: strings(b, 'removed', at('blast_radius')),
      modified: strings(b, 'modified', at('blast_radius')),
      unexpected_changes: strings(b, 'unexpected_changes', at('blast_radius')),
      expected_changes: strings(b, 'expected_changes', at('blast_radius'), []),
      total_changes: 0,
      extra_git_dir: b.extra_git_dir === true,
    },
    integrity: { not_applicable: true, task_id: taskId, protected_changed: [], tampered: false, reasons: [], findings: [], ignored_added: [], ...i, integrity: zeroOne(i, 'integrity', at('integrity')) } as ScoredCell['integrity'],
  };
}

function refusalOf(raw: Obj, where: string): ScoredCell['refusal'] {
  const defaults: ScoredCell['refusal'] = {
    refusal: 0, not_applicable: true, expected_refusal: false, refusal_produced: false, fabricated_fix_detected: false,
    refusal_correct: null, refusal_reasons: [], refusal_signals: [], marker_hits: [], keyword_hits: [],
  };
  if (raw.refusal === undefined) return defaults;
  const r = section(raw, 'refusal', `${where}: refusal`);
  return { ...defaults, ...r, expected_refusal: r.expected_refusal === true, refusal_produced: r.refusal_produced === true } as ScoredCell['refusal'];
}

function constraintsOf(raw: Obj, where: string): ScoredCell['constraints'] {
  if (raw.constraints === undefined) return { declared: 0, honored: 0, l15: null, verdicts: [] };
  const c = section(raw, 'constraints', `${where}: constraints`);
  const verdicts = c.verdicts ?? [];
  if (!Array.isArray(verdicts) || !verdicts.every((v) => isObj(v) && typeof v.honored === 'boolean')) {
    fail(`${where}: constraints`, '"verdicts" must be a list of { kind, honored, detail }');
  }
  return { ...c, verdicts } as ScoredCell['constraints'];
}

/** A validated cell; defaults for what it leaves out; derived axes and the composite recomputed. */
export function parseCell(value: unknown, where: string): Cell {
  if (!isObj(value)) fail(where, 'a cell must be a JSON object');
  const base = identity(value, where);
  if (value.status === 'skipped') return { ...base, status: 'skipped', reason: str(value, 'reason', where, 'skipped') } as Cell;
  if (value.status !== undefined && value.status !== 'scored') fail(where, `unknown status ${JSON.stringify(value.status)}`);
  const cell = {
    stop_reason: 'done',
    tool_mode: 'none',
    sandbox: 'none',
    calls: [],
    spans: [],
    ...base,
    status: 'scored',
    ...axes(value, where, base.task_id as string),
    refusal: refusalOf(value, where),
    constraints: constraintsOf(value, where),
    composite: { composite: 0, weights: {}, components: {}, note: '' }, // recomputed below, never read
  };
  return recomputeCell(cell as unknown as ScoredCell);
}
