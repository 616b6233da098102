import { describe, expect, it } from 'vitest';
import type { Constraint } from '../../src/bundle/task-spec.js';
import { commentLines } from '../../src/score/comment-lines.js';
import { checkConstraint, scoreConstraints } from '../../src/score/constraints.js';
import { dependencyParserFor } from '../../src/score/dependency-manifests.js';
import type { FileChange } from '../../src/workspace/types.js';
import { added, changes, modified, removed, task } from './facts.js';

const RUST_BEFORE = 'pub fn retry() {\n    if result.is_ok() {\n        continue;\n    }\n}\n';
const RUST_FIXED = 'pub fn retry() {\n    if result.is_err() {\n        continue;\n    }\n}\n';

function verdict(constraint: Constraint, list: FileChange[]): { honored: boolean; detail: string } {
  const { honored, detail } = checkConstraint(constraint, list);
  return { honored, detail };
}

describe('file-not-touched', () => {
  const c: Constraint = { kind: 'file-not-touched', path: 'src/config/**' };
  it.each([
    { label: 'untouched', list: [modified('src/lib.rs', RUST_BEFORE, RUST_FIXED)], honored: true },
    { label: 'edited', list: [modified('src/config/a.rs', 'a\n', 'b\n')], honored: false },
    { label: 'deleted', list: [removed('src/config/deep/b.rs')], honored: false },
    { label: 'added under it', list: [added('src/config/new.rs')], honored: false },
  ])('$label → $honored', ({ list, honored }) => {
    expect(verdict(c, list).honored).toBe(honored);
  });
});

describe('no-new-dependency', () => {
  const c: Constraint = { kind: 'no-new-dependency' };
  const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}): string =>
    `${JSON.stringify({ name: 'x', version: '1.0.0', dependencies: deps, devDependencies: dev }, null, 2)}\n`;
  const cases: { label: string; list: FileChange[]; honored: boolean; detail?: RegExp }[] = [
    { label: 'no manifest changed', list: [modified('src/lib.rs', RUST_BEFORE, RUST_FIXED)], honored: true, detail: /no dependency manifest changed/ },
    { label: 'requirements.txt: version bump', list: [modified('requirements.txt', 'requests==2.31.0\n', 'requests==2.32.3\n')], honored: true },
    { label: 'requirements.txt: new package', list: [modified('requirements.txt', 'requests==2.31.0\n', 'requests==2.31.0\nnumpy>=1.26  # fast\n')], honored: false, detail: /requirements\.txt: \+numpy/ },
    { label: 'requirements-dev.txt added from nothing', list: [added('requirements-dev.txt', '# tools\npytest\n')], honored: false, detail: /\+pytest/ },
    { label: 'requirements: comment added only', list: [modified('requirements.txt', 'Flask==3.0\n', '# web\nflask==3.0.1\n')], honored: true },
    { label: 'package.json: reformatted, same keys', list: [modified('package.json', pkg({ a: '^1.0.0' }), JSON.stringify({ dependencies: { a: '^1.2.0' }, name: 'x' }))], honored: true },
    { label: 'package.json: new devDependency', list: [modified('package.json', pkg({ a: '^1.0.0' }), pkg({ a: '^1.0.0' }, { lodash: '4' }))], honored: false, detail: /\+lodash/ },
    { label: 'package.json: dependency removed', list: [modified('package.json', pkg({ a: '1', b: '2' }), pkg({ a: '1' }))], honored: true },
    {
      label: 'go.mod: new require in a block',
      list: [modified('go.mod', 'module x\n\ngo 1.21\n\nrequire (\n\tgithub.com/a/b v1.0.0\n)\n', 'module x\n\ngo 1.21\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d v0.2.0 // indirect\n)\n')],
      honored: false,
      detail: /go\.mod: \+github\.com\/c\/d/,
    },
    { label: 'go.mod: single-line require bumped', list: [modified('go.mod', 'module x\nrequire github.com/a/b v1.0.0\n', 'module x\nrequire github.com/a/b v1.1.0\n')], honored: true },
    {
      label: 'Cargo.toml: new dev-dependency',
      list: [modified('Cargo.toml', '[package]\nname = "x"\n\n[dependencies]\nserde = "1"\n', '[package]\nname = "x"\n\n[dependencies]\nserde = { version = "1.0.200", features = ["derive"] }\n\n[dev-dependencies]\nproptest = "1"\n')],
      honored: false,
      detail: /Cargo\.toml: \+proptest/,
    },
    { label: 'Cargo.toml: package version bump', list: [modified('Cargo.toml', '[package]\nversion = "0.1.0"\n[dependencies]\nrand = "0.8"\n', '[package]\nversion = "0.2.0"\n[dependencies]\nrand = "0.8"\n')], honored: true },
    {
      label: 'Cargo.toml: table form [dependencies.tokio]',
      list: [modified('Cargo.toml', '[dependencies]\nrand = "0.8"\n', '[dependencies]\nrand = "0.8"\n\n[dependencies.tokio]\nversion = "1"\n')],
      honored: false,
      detail: /\+tokio/,
    },
    {
      label: 'pyproject.toml: new project dependency',
      list: [modified('pyproject.toml', '[project]\nname = "x"\ndependencies = [\n  "requests>=2",\n]\n', '[project]\nname = "x"\ndependencies = [\n  "requests>=2",\n  "httpx[http2]>=0.27",\n]\n')],
      honored: false,
      detail: /\+httpx/,
    },
    {
      label: 'pyproject.toml: poetry group dependency',
      list: [modified('pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.11"\n', '[tool.poetry.dependencies]\npython = "^3.12"\n\n[tool.poetry.group.dev.dependencies]\nblack = "*"\n')],
      honored: false,
      detail: /\+black/,
    },
    {
      label: 'pom.xml: new <dependency>',
      list: [
        modified(
          'pom.xml',
          '<project><dependencies><dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version></dependency></dependencies></project>',
          '<project><dependencies><dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version></dependency>\n<dependency>\n  <groupId>com.google.guava</groupId>\n  <artifactId>guava</artifactId>\n</dependency></dependencies></project>',
        ),
      ],
      honored: false,
      detail: /pom\.xml: \+com\.google\.guava:guava/,
    },
    {
      label: 'build.gradle: new implementation line',
      list: [modified('build.gradle', "dependencies {\n    testImplementation 'junit:junit:4.13.2'\n}\n", "dependencies {\n    testImplementation 'junit:junit:4.13.2'\n    implementation 'com.google.guava:guava:33.0.0-jre'\n}\n")],
      honored: false,
      detail: /\+com\.google\.guava:guava/,
    },
    { label: 'a removed manifest adds nothing', list: [removed('requirements.txt', 'requests\n')], honored: true },
  ];
  it.each(cases)('$label → $honored', ({ list, honored, detail }) => {
    const v = verdict(c, list);
    expect(v.honored).toBe(honored);
    if (detail) expect(v.detail).toMatch(detail);
  });

  it('knows which files are manifests', () => {
    for (const path of ['requirements.txt', 'a/requirements-dev.txt', 'package.json', 'go.mod', 'Cargo.toml', 'pom.xml', 'build.gradle.kts', 'pyproject.toml']) {
      expect(dependencyParserFor(path), path).not.toBeNull();
    }
    for (const path of ['package-lock.json', 'Cargo.lock', 'go.sum', 'README.md']) expect(dependencyParserFor(path), path).toBeNull();
  });
});

describe('no-comments-added', () => {
  const c0: Constraint = { kind: 'no-comments-added', max_added: 0 };
  const c2: Constraint = { kind: 'no-comments-added', max_added: 2 };
  const cases: { label: string; c: Constraint; list: FileChange[]; honored: boolean; count: number }[] = [
    { label: 'a clean fix', c: c0, list: [modified('src/lib.rs', RUST_BEFORE, RUST_FIXED)], honored: true, count: 0 },
    { label: 'rust trailing // comment', c: c0, list: [modified('src/lib.rs', RUST_BEFORE, RUST_FIXED.replace('is_err() {', 'is_err() { // fixed: was negated'))], honored: false, count: 1 },
    { label: 'rust block comment, 3 lines', c: c2, list: [modified('src/lib.rs', RUST_BEFORE, `/*\n * Retry on error.\n */\n${RUST_FIXED}`)], honored: false, count: 3 },
    { label: 'python # comment, shebang ignored', c: c0, list: [modified('app.py', 'x = 1\n', '#!/usr/bin/env python3\n# set x\nx = 2\n')], honored: false, count: 1 },
    { label: 'python "#" inside a string is not a comment', c: c0, list: [modified('app.py', 'c = 1\n', 'c = "#fff"\nurl = "http://x"\n')], honored: true, count: 0 },
    { label: 'js // inside a string is not a comment', c: c0, list: [modified('a.js', 'let u;\n', "let u = 'https://example.com';\n")], honored: true, count: 0 },
    { label: 'go // comment within max', c: c2, list: [modified('main.go', 'package main\n', 'package main\n\n// Handler serves /health.\nfunc Handler() {}\n')], honored: true, count: 1 },
    { label: 'java javadoc in a new file', c: c0, list: [added('src/Main.java', '/** Main. */\nclass Main {}\n')], honored: false, count: 1 },
    { label: 'sql -- comment', c: c0, list: [modified('q.sql', 'select 1;\n', '-- one\nselect 1;\n')], honored: false, count: 1 },
    { label: 'html <!-- --> comment', c: c0, list: [modified('index.html', '<p>a</p>\n', '<!-- note -->\n<p>a</p>\n')], honored: false, count: 1 },
    { label: 'an existing comment moved is not added', c: c0, list: [modified('a.py', '# keep\nx = 1\ny = 2\n', 'y = 2\n# keep\nx = 1\n')], honored: true, count: 0 },
    { label: 'comments removed do not count', c: c0, list: [modified('a.py', '# old\nx = 1\n', 'x = 1\n')], honored: true, count: 0 },
    { label: 'markdown headings are not comments', c: c0, list: [added('REFUSAL.md', '# Refusal\nCannot be done.\n')], honored: true, count: 0 },
    { label: 'unknown file types are not counted', c: c0, list: [added('data.bin.x', '// not code\n')], honored: true, count: 0 },
  ];
  it.each(cases)('$label', ({ c, list, honored, count }) => {
    const v = verdict(c, list);
    expect(v.honored).toBe(honored);
    expect(v.detail).toMatch(new RegExp(`^${count} comment line`));
  });

  it('classifies comment lines by language', () => {
    expect(commentLines('a.rs', "fn f<'a>(x: &'a str) {} // c\nlet s = \"/* no */\";\n")).toEqual(["fn f<'a>(x: &'a str) {} // c"]);
    expect(commentLines('a.ts', 'const a = 1; /* x\n still\n*/ const b = 2;\n')).toEqual(['const a = 1; /* x', 'still', '*/ const b = 2;']);
    expect(commentLines('conf.yaml', 'color: a#b\nkey: 1 # note\n')).toEqual(['key: 1 # note']);
    expect(commentLines('script.lua', '--[[ block\nstill ]]\nprint(1)\n')).toEqual(['--[[ block', 'still ]]']);
  });
});

describe('file-pattern-required-in-diff', () => {
  const cases: { label: string; c: Constraint; list: FileChange[]; honored: boolean }[] = [
    { label: 'a matching file changed', c: { kind: 'file-pattern-required-in-diff', paths: ['CHANGELOG.md'], require_added: false }, list: [modified('CHANGELOG.md', 'a\n', '')], honored: true },
    { label: 'no matching file changed', c: { kind: 'file-pattern-required-in-diff', paths: ['tests/**'], require_added: false }, list: [modified('src/lib.rs', 'a\n', 'b\n')], honored: false },
    { label: 'require_added: a test added', c: { kind: 'file-pattern-required-in-diff', paths: ['tests/**/*.py'], require_added: true }, list: [modified('tests/unit/test_a.py', 'def test_a(): pass\n', 'def test_a(): pass\ndef test_b(): pass\n')], honored: true },
    { label: 'require_added: lines only deleted', c: { kind: 'file-pattern-required-in-diff', paths: ['tests/**'], require_added: true }, list: [modified('tests/test_a.py', 'a\nb\n', 'a\n')], honored: false },
    { label: 'require_added: the file removed', c: { kind: 'file-pattern-required-in-diff', paths: ['tests/**'], require_added: true }, list: [removed('tests/test_a.py')], honored: false },
    { label: 'require_added: a new file', c: { kind: 'file-pattern-required-in-diff', paths: ['docs/*.md'], require_added: true }, list: [added('docs/fix.md', 'Why\n')], honored: true },
  ];
  it.each(cases)('$label → $honored', ({ c, list, honored }) => {
    expect(verdict(c, list).honored).toBe(honored);
  });
});

describe('scoreConstraints', () => {
  it('l15 = honored / declared, with one verdict per constraint in order', () => {
    const spec = task({
      constraints: [
        { kind: 'file-not-touched', path: 'tests/**' },
        { kind: 'no-new-dependency' },
        { kind: 'no-comments-added', max_added: 0 },
        { kind: 'file-pattern-required-in-diff', paths: ['src/lib.rs'], require_added: true },
      ],
    });
    const axis = scoreConstraints(spec, changes([modified('src/lib.rs', RUST_BEFORE, RUST_FIXED.replace('continue;', 'continue; // retry')), modified('Cargo.toml', '[dependencies]\n', '[dependencies]\nanyhow = "1"\n')]));
    expect(axis.verdicts.map((v) => [v.kind, v.honored])).toEqual([
      ['file-not-touched', true],
      ['no-new-dependency', false],
      ['no-comments-added', false],
      ['file-pattern-required-in-diff', true],
    ]);
    expect(axis.declared).toBe(4);
    expect(axis.honored).toBe(2);
    expect(axis.l15).toBe(0.5);
  });

  it('l15 is null when nothing is declared', () => {
    expect(scoreConstraints(task(), changes([]))).toEqual({ declared: 0, honored: 0, l15: null, verdicts: [] });
  });

  it('ignored build output does not break a constraint', () => {
    const spec = task({ ignore: ['target/'], constraints: [{ kind: 'no-comments-added', max_added: 0 }] });
    const axis = scoreConstraints(spec, changes([added('target/debug/build/x/out.rs', '// generated\n')]));
    expect(axis.l15).toBe(1);
  });

  it('an unknown kind is a failed verdict, not a crash', () => {
    const v = checkConstraint({ kind: 'no-emoji' } as unknown as Constraint, []);
    expect(v).toMatchObject({ kind: 'no-emoji', honored: false });
    expect(v.detail).toMatch(/unknown constraint kind/);
  });
});

describe('constraints fail closed on text no check can read', () => {
  const huge = { path: 'src/lib.rs', kind: 'modified' as const, before: 'fn a() {}\n', after: null, binary: false };
  it('no-comments-added is not honored when a changed file is too large to read', () => {
    const verdict = checkConstraint({ kind: 'no-comments-added', max_added: 0 }, [huge]);
    expect(verdict).toMatchObject({ honored: false });
    expect(verdict.detail).toContain('cannot read src/lib.rs');
  });
  it('no-new-dependency is not honored when a changed manifest cannot be read', () => {
    expect(checkConstraint({ kind: 'no-new-dependency' }, [{ ...huge, path: 'Cargo.toml' }])).toMatchObject({ honored: false });
  });
});
