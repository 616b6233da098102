// The shape of a task's task.json (SPEC §3) and of the bundle's manifest.json, and their parsers.

import { CabError } from '../errors.js';
import type { ExpectedTests } from './expected-tests.js';
import { FieldReader, isRelativeGlob, type JsonObject } from './json-fields.js';

export type Constraint =
  | { kind: 'file-not-touched'; path: string }
  | { kind: 'no-new-dependency' }
  | { kind: 'no-comments-added'; max_added: number }
  | { kind: 'file-pattern-required-in-diff'; paths: string[]; require_added: boolean };

export type ConstraintKind = Constraint['kind'];

export interface TaskSpec {
  id: string; // "<category>/<name>"
  category: string; // mutations | polyglot | integrity | …
  language: string; // rust | python | javascript | typescript | java | go | …
  title: string;
  description?: string;
  version: string;
  max_turns: number;
  timeout_s: number; // the agent's wall-clock budget
  verify_timeout_s?: number; // how long `verify` may run (default 120)
  test: string[]; // argv the agent may run through run_tests
  verify: string[]; // argv that grades; `{grader}` is replaced by the grader's absolute path
  ground_truth_files: string[]; // expected changes (paths or globs, relative to workdir)
  expected_refusal: boolean;
  refusal_docs: string[]; // e.g. ["REFUSAL.md"], ["CLARIFY.md"]
  protected: string[]; // globs the agent may not change: graded with the pristine version, a change is an integrity finding
  constraints: Constraint[];
  toolchains: string[]; // names from the toolchain registry: cargo, python3, node, go, javac, java …
  ignore: string[]; // build output globs left out of the diff: target/, __pycache__/ …
}

export interface ManifestTask {
  id: string;
  category: string;
  language: string;
  title: string;
  toolchains: string[];
  sha256: string; // over the task folder: sorted lines `<relative path>\0<sha256 of content>\n`
  files: number;
  bytes: number;
  tests?: ExpectedTests; // recorded by `bundle` validation (expected-tests.json)
}

export interface Manifest {
  bundle_version: 1;
  created_at: string;
  tasks: ManifestTask[];
}

// ---------------------------------------------------------------------------------------------
// Parsing: strict validation of every key; errors are CabError('bundle', '<where>: <what>').


export const DEFAULT_VERIFY_TIMEOUT_S = 120;
export const BUNDLE_VERSION = 1;

/** `<category>/<name>`: two plain segments, no dot-leading names. */
const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isTaskId(value: string): boolean {
  return TASK_ID.test(value);
}

const TASK_KEYS = [
  'id', 'category', 'language', 'title', 'description', 'version', 'max_turns', 'timeout_s',
  'verify_timeout_s', 'test', 'verify', 'ground_truth_files', 'expected_refusal', 'refusal_docs',
  'protected', 'constraints', 'toolchains', 'ignore',
] as const;

const TASK_HINT = 'fix task.json: its keys and types are listed in SPEC §3 (task bundle)';

export function parseTaskSpec(json: unknown, where: string): TaskSpec {
  const r: FieldReader = new FieldReader(where, TASK_HINT);
  const obj = r.object(json, 'task.json');
  r.onlyKeys(obj, TASK_KEYS, 'task.json');
  const id = r.string(obj, 'id', TASK_ID);
  const category = r.string(obj, 'category');
  if (id.split('/')[0] !== category) r.fail(`id "${id}" must start with its category "${category}/"`);
  const spec: TaskSpec = {
    id,
    category,
    language: r.string(obj, 'language'),
    title: r.string(obj, 'title'),
    version: r.string(obj, 'version'),
    max_turns: r.integer(obj, 'max_turns', 1),
    timeout_s: r.integer(obj, 'timeout_s', 1),
    verify_timeout_s: obj.verify_timeout_s === undefined ? DEFAULT_VERIFY_TIMEOUT_S : r.integer(obj, 'verify_timeout_s', 1),
    test: r.strings(obj, 'test', { nonEmpty: true }),
    verify: r.strings(obj, 'verify', { nonEmpty: true }),
    ground_truth_files: r.strings(obj, 'ground_truth_files', { relative: true }),
    expected_refusal: r.boolean(obj, 'expected_refusal'),
    refusal_docs: r.strings(obj, 'refusal_docs', { relative: true }),
    protected: r.strings(obj, 'protected', { relative: true }),
    constraints: parseConstraints(r, obj.constraints),
    toolchains: r.strings(obj, 'toolchains'),
    ignore: r.strings(obj, 'ignore', { relative: true }),
  };
  const description = r.optionalString(obj, 'description');
  if (description !== undefined) spec.description = description;
  if (spec.expected_refusal && spec.refusal_docs.length === 0) {
    r.fail('expected_refusal is true but refusal_docs is empty (name the document the agent must write)');
  }
  return spec;
}

function parseConstraints(r: FieldReader, value: unknown): Constraint[] {
  if (!Array.isArray(value)) r.fail('constraints must be an array of objects');
  return value.map((item: unknown, index) => parseConstraint(r, item, `constraints[${index}]`));
}

function parseConstraint(r: FieldReader, value: unknown, label: string): Constraint {
  const obj = r.object(value, label);
  const at: FieldReader = new FieldReader(`${r.where}: ${label}`, r.hint);
  const kind = obj.kind;
  switch (kind) {
    case 'file-not-touched':
      at.onlyKeys(obj, ['kind', 'path'], label);
      return { kind, path: relativeString(at, obj, 'path') };
    case 'no-new-dependency':
      at.onlyKeys(obj, ['kind'], label);
      return { kind };
    case 'no-comments-added':
      at.onlyKeys(obj, ['kind', 'max_added'], label);
      return { kind, max_added: at.integer(obj, 'max_added', 0) };
    case 'file-pattern-required-in-diff':
      at.onlyKeys(obj, ['kind', 'paths', 'require_added'], label);
      return {
        kind,
        paths: at.strings(obj, 'paths', { nonEmpty: true, relative: true }),
        require_added: at.boolean(obj, 'require_added'),
      };
    default:
      return r.fail(
        `${label}.kind must be one of file-not-touched, no-new-dependency, no-comments-added, ` +
          `file-pattern-required-in-diff (got ${JSON.stringify(kind) ?? 'nothing'})`,
      );
  }
}

function relativeString(r: FieldReader, obj: JsonObject, key: string): string {
  const value = r.string(obj, key);
  if (!isRelativeGlob(value)) r.fail(`${key} must be a workdir-relative path without '..' (got ${JSON.stringify(value)})`);
  return value;
}

const MANIFEST_HINT = 'the bundle is damaged or was not made by `codingagentbench bundle`; rebuild or re-download it';

export function parseManifest(json: unknown): Manifest {
  const r: FieldReader = new FieldReader('manifest.json', MANIFEST_HINT);
  const obj = r.object(json, 'manifest.json');
  r.onlyKeys(obj, ['bundle_version', 'created_at', 'tasks'], 'manifest.json');
  if (obj.bundle_version !== BUNDLE_VERSION) {
    const newer = typeof obj.bundle_version === 'number' && obj.bundle_version > BUNDLE_VERSION;
    throw new CabError('bundle', `manifest.json: bundle_version ${JSON.stringify(obj.bundle_version) ?? 'is missing'} is not supported (this CLI reads ${BUNDLE_VERSION})`, {
      hint: newer ? 'update the CLI: npx @codingagentbench/cli@latest' : MANIFEST_HINT,
    });
  }
  const createdAt = r.string(obj, 'created_at');
  if (Number.isNaN(Date.parse(createdAt))) r.fail(`created_at must be an ISO date (got ${JSON.stringify(createdAt)})`);
  const list = obj.tasks;
  if (!Array.isArray(list)) r.fail('tasks must be an array');
  const tasks = list.map((item: unknown, index: number) => parseManifestTask(r, item, index));
  const seen = new Set<string>();
  for (const task of tasks) {
    if (seen.has(task.id)) r.fail(`task "${task.id}" is listed twice`);
    seen.add(task.id);
  }
  return { bundle_version: BUNDLE_VERSION, created_at: createdAt, tasks };
}

function parseManifestTask(r: FieldReader, value: unknown, index: number): ManifestTask {
  const label = `tasks[${index}]`;
  const obj = r.object(value, label);
  const at: FieldReader = new FieldReader(`manifest.json: ${label}`, r.hint);
  at.onlyKeys(obj, ['id', 'category', 'language', 'title', 'toolchains', 'sha256', 'files', 'bytes', 'tests'], label);
  const id = at.string(obj, 'id', TASK_ID);
  const category = at.string(obj, 'category');
  if (id.split('/')[0] !== category) at.fail(`id "${id}" must start with its category "${category}/"`);
  return {
    id,
    category,
    language: at.string(obj, 'language'),
    title: at.string(obj, 'title'),
    toolchains: at.strings(obj, 'toolchains'),
    sha256: at.string(obj, 'sha256', SHA256_HEX),
    files: at.integer(obj, 'files', 1),
    bytes: at.integer(obj, 'bytes', 0),
    ...(obj.tests === undefined ? {} : { tests: parseRecordedTests(at, obj.tests, label) }),
  };
}

function parseRecordedTests(r: FieldReader, value: unknown, label: string): NonNullable<ManifestTask['tests']> {
  const obj = r.object(value, `${label}.tests`);
  r.onlyKeys(obj, ['fail_to_pass', 'pass_to_pass'], `${label}.tests`);
  return { fail_to_pass: r.strings(obj, 'fail_to_pass'), pass_to_pass: r.strings(obj, 'pass_to_pass') };
}
