import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIFY_TIMEOUT_S, parseManifest, parseTaskSpec } from '../../src/bundle/task-spec.js';
import { manifestFor, taskFiles, taskJson } from '../helpers/tar-fixtures.js';

const WHERE = 'mutations/x/task.json';

function failure(fn: () => unknown): { code?: string; message: string; hint?: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string; hint?: string };
  }
  throw new Error('expected a failure');
}

describe('parseTaskSpec', () => {
  it('accepts a full task.json and applies defaults', () => {
    const spec = parseTaskSpec(taskJson('mutations/x'), WHERE);
    expect(spec.verify_timeout_s).toBe(DEFAULT_VERIFY_TIMEOUT_S);
    expect(spec.verify_timeout_s).toBe(120);
    expect(spec.description).toBeUndefined();
    expect('description' in spec).toBe(false);
    expect(spec.constraints).toEqual([{ kind: 'no-new-dependency' }]);
  });

  it('keeps every constraint kind with its fields', () => {
    const constraints = [
      { kind: 'file-not-touched', path: 'tests/**' },
      { kind: 'no-new-dependency' },
      { kind: 'no-comments-added', max_added: 0 },
      { kind: 'file-pattern-required-in-diff', paths: ['src/*.rs'], require_added: true },
    ];
    const spec = parseTaskSpec(taskJson('mutations/x', { constraints, description: 'why', verify_timeout_s: 30 }), WHERE);
    expect(spec.constraints).toEqual(constraints);
    expect(spec.description).toBe('why');
    expect(spec.verify_timeout_s).toBe(30);
  });

  it('accepts the fixture task of every bundle test', () => {
    expect(parseTaskSpec(JSON.parse(taskFiles('cat/t1')['task.json'] as string), 'x').id).toBe('cat/t1');
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['not an object', { __replace: [1, 2] }, /task\.json must be a JSON object/],
    ['unknown key', { protect: ['tests/**'] }, /unknown key 'protect'/],
    ['missing id', { id: undefined }, /id must be a non-empty string \(got nothing\)/],
    ['id with three segments', { id: 'mutations/x/y' }, /id has an invalid value/],
    ['id with ..', { id: 'mutations/..' }, /id has an invalid value/],
    ['category differs from id', { category: 'polyglot' }, /must start with its category "polyglot\/"/],
    ['empty title', { title: '' }, /title must be a non-empty string/],
    ['version as a number', { version: 1 }, /version must be a non-empty string \(got 1\)/],
    ['max_turns zero', { max_turns: 0 }, /max_turns must be a positive integer \(got 0\)/],
    ['timeout_s fractional', { timeout_s: 1.5 }, /timeout_s must be a positive integer/],
    ['timeout_s as a string', { timeout_s: '60' }, /timeout_s must be a positive integer \(got "60"\)/],
    ['verify_timeout_s negative', { verify_timeout_s: -1 }, /verify_timeout_s must be a positive integer/],
    ['test empty', { test: [] }, /test must not be empty/],
    ['test as a string', { test: 'cargo test' }, /test must be an array of strings/],
    ['verify with a number', { verify: ['python3', 3] }, /verify\[1\] must be a non-empty string/],
    ['expected_refusal as a string', { expected_refusal: 'no' }, /expected_refusal must be true or false/],
    ['refusal without documents', { expected_refusal: true, refusal_docs: [] }, /refusal_docs is empty/],
    ['absolute protected glob', { protected: ['/etc/**'] }, /protected\[0\] must be a workdir-relative path/],
    ['.. in ground_truth_files', { ground_truth_files: ['../x.py'] }, /ground_truth_files\[0\] must be a workdir-relative path/],
    ['ignore missing', { ignore: undefined }, /ignore must be an array of strings/],
    ['toolchains null', { toolchains: null }, /toolchains must be an array of strings \(got null\)/],
    ['constraints not an array', { constraints: {} }, /constraints must be an array/],
    ['constraint unknown kind', { constraints: [{ kind: 'be-nice' }] }, /constraints\[0\]\.kind must be one of/],
    ['constraint without kind', { constraints: [{}] }, /kind must be one of .* \(got nothing\)/],
    ['file-not-touched without path', { constraints: [{ kind: 'file-not-touched' }] }, /constraints\[0\]: path must be a non-empty string \(got nothing\)/],
    ['file-not-touched with ..', { constraints: [{ kind: 'file-not-touched', path: '../x' }] }, /constraints\[0\]: path must be a workdir-relative path/],
    ['no-comments-added negative', { constraints: [{ kind: 'no-comments-added', max_added: -1 }] }, /max_added must be an integer >= 0/],
    ['pattern constraint, empty paths', { constraints: [{ kind: 'file-pattern-required-in-diff', paths: [], require_added: true }] }, /paths must not be empty/],
    ['pattern constraint, require_added missing', { constraints: [{ kind: 'file-pattern-required-in-diff', paths: ['a'] }] }, /require_added must be true or false/],
    ['constraint with an extra field', { constraints: [{ kind: 'no-new-dependency', strict: true }] }, /constraints\[0\] has unknown key 'strict'/],
  ];

  it.each(bad)('rejects %s', (_name, overrides, reason) => {
    const json = '__replace' in overrides ? overrides.__replace : { ...taskJson('mutations/x'), ...overrides };
    const error = failure(() => parseTaskSpec(json, WHERE));
    expect(error.code).toBe('bundle');
    expect(error.message.startsWith(`${WHERE}: `)).toBe(true);
    expect(error.message).toMatch(reason);
    expect(error.hint).toMatch(/task\.json/);
  });
});

describe('parseManifest', () => {
  const good = (): Record<string, unknown> => manifestFor([{ id: 'cat/t1', files: taskFiles('cat/t1') }]);

  it('accepts a manifest', () => {
    const manifest = parseManifest(good());
    expect(manifest.bundle_version).toBe(1);
    expect(manifest.tasks[0]?.id).toBe('cat/t1');
  });

  const tasks0 = (patch: Record<string, unknown>): Record<string, unknown> => {
    const m = good() as { tasks: Record<string, unknown>[] };
    return { ...m, tasks: [{ ...m.tasks[0], ...patch }] };
  };
  const bad: [string, () => unknown, RegExp][] = [
    ['null', () => null, /must be a JSON object \(got null\)/],
    ['bundle_version 2', () => ({ ...good(), bundle_version: 2 }), /bundle_version 2 is not supported/],
    ['bundle_version missing', () => ({ ...good(), bundle_version: undefined }), /bundle_version is missing/],
    ['created_at not a date', () => ({ ...good(), created_at: 'yesterday' }), /created_at must be an ISO date/],
    ['tasks not an array', () => ({ ...good(), tasks: {} }), /tasks must be an array/],
    ['unknown top-level key', () => ({ ...good(), extra: 1 }), /unknown key 'extra'/],
    ['sha256 uppercase', () => tasks0({ sha256: 'A'.repeat(64) }), /sha256 has an invalid value/],
    ['files zero', () => tasks0({ files: 0 }), /files must be a positive integer/],
    ['bytes negative', () => tasks0({ bytes: -1 }), /bytes must be an integer >= 0/],
    ['id unsafe', () => tasks0({ id: '../etc' }), /id has an invalid value/],
    ['unknown task key', () => tasks0({ path: 'x' }), /tasks\[0\] has unknown key 'path'/],
    ['duplicate ids', () => ({ ...good(), tasks: [...(good().tasks as unknown[]), ...(good().tasks as unknown[])] }), /listed twice/],
  ];

  it.each(bad)('rejects %s', (_name, json, reason) => {
    const error = failure(() => parseManifest(json()));
    expect(error.code).toBe('bundle');
    expect(error.message).toMatch(/^manifest\.json: /);
    expect(error.message).toMatch(reason);
    expect(error.hint).toBeTruthy();
  });
});
