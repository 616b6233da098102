// SPEC §5 glob semantics, as one table: `*` within one segment, `**` across segments (zero
// included), a trailing `/` means everything under that folder, and no prefix confusion.

import { describe, expect, it } from 'vitest';
import { folderIgnored, matchesAny, matchesGlob } from '../../src/workspace/glob.js';

// [glob, path, matches]
const TABLE: Array<[string, string, boolean]> = [
  // `*` stays inside one segment
  ['*.rs', 'main.rs', true],
  ['*.rs', 'src/main.rs', false],
  ['src/*.rs', 'src/main.rs', true],
  ['src/*.rs', 'src/bin/main.rs', false],
  ['src/*', 'src/a', true],
  ['src/*', 'src/a/b', false],
  ['*', 'README.md', true],
  ['*', 'a/b', false],
  ['*.md', '.hidden.md', true],
  // `**` crosses segments, and `**/` also matches zero folders
  ['**', 'a/b/c.txt', true],
  ['**/*.pyc', 'x.pyc', true],
  ['**/*.pyc', 'pkg/sub/x.pyc', true],
  ['**/*.pyc', 'pkg/x.py', false],
  ['tests/**', 'tests/a.rs', true],
  ['tests/**', 'tests/deep/er/a.rs', true],
  ['tests/**', 'tests', false],
  ['tests/**', 'tests2/a.rs', false],
  ['a/**/c', 'a/c', true],
  ['a/**/c', 'a/b/c', true],
  ['a/**/c', 'a/b/b/c', true],
  ['a/**/c', 'a/bc', false],
  ['a/**/c', 'x/a/b/c', false],
  ['**/__pycache__/', '__pycache__/m.pyc', true],
  ['**/__pycache__/', 'pkg/__pycache__/m.pyc', true],
  ['**/__pycache__/', 'pkg/__pycache__', false],
  // a trailing `/`: everything under that folder, at any depth, never the folder's name alone
  ['target/', 'target/debug/app', true],
  ['target/', 'target/x', true],
  ['target/', 'target', false],
  ['target/', 'targets/x', false],
  ['target/', 'src/target/x', false],
  ['tests/**/', 'tests/a.rs', true],
  ['tests/**/', 'tests/deep/a.rs', true],
  // no prefix confusion: an exact path is exact
  ['tasks/t1', 'tasks/t1', true],
  ['tasks/t1', 'tasks/t1x', false],
  ['tasks/t1', 'tasks/t1/x', false],
  ['tasks/t1', 'xtasks/t1', false],
  ['mutations/*', 'mutations/rust-error-negated', true],
  ['mutations/*', 'mutationsx/rust', false],
  // `?` is one character, not a slash
  ['a?c', 'abc', true],
  ['a?c', 'a/c', false],
  ['a?c', 'abbc', false],
  // regex characters are literal
  ['a.b', 'aXb', false],
  ['a.b', 'a.b', true],
  ['[x]+(y)', '[x]+(y)', true],
  ['f^$|{}', 'f^$|{}', true],
  // `./` prefix is dropped
  ['./src/*.rs', 'src/a.rs', true],
  // a newline in a file name does not hide it from a glob (protected folders, ignore)
  ['tests/**', 'tests/evil\nname.py', true],
  ['tests/', 'tests/evil\nname.py', true],
  ['*.py', 'evil\nname.py', true],
  // dotfiles and dot folders are names like any other (a hidden test file stays protected)
  ['tests/*', 'tests/.hidden_test.py', true],
  ['**/*.pyc', '.venv/x.pyc', true],
  ['tests/**', 'tests/.cache/x', true],
  ['**', '.env', true],
  // picomatch syntax we do not have: braces, classes, negation and extglobs are literal
  ['{a,b}.rs', 'a.rs', false],
  ['{a,b}.rs', '{a,b}.rs', true],
  ['[ab].rs', 'a.rs', false],
  ['!tests/*', 'src/a.rs', false],
  ['!tests/*', '!tests/a', true],
  ['+(a).rs', 'a.rs', false],
  // `*` and `**` never reach past the path: no match for an empty segment where one is required
  ['src/*', 'src/', true],
  ['a/*/c', 'a//c', true],
  ['a/*/c', 'a/c', false],
  // a trailing slash on a deeper folder, and `**` in the middle of a name
  ['a/b/', 'a/b/c/d', true],
  ['a/b/', 'a/bc/d', false],
  ['a**b', 'a/x/b', true],
];

describe('matchesGlob (SPEC §5 globs)', () => {
  it.each(TABLE)('%j vs %j → %s', (glob, path, expected) => {
    expect(matchesGlob(path, glob)).toBe(expected);
  });
});

describe('matchesAny', () => {
  it('is true when any glob matches, false for none', () => {
    expect(matchesAny('src/a.rs', ['*.md', 'src/*.rs'])).toBe(true);
    expect(matchesAny('src/a.rs', ['*.md', 'tests/'])).toBe(false);
    expect(matchesAny('src/a.rs', [])).toBe(false);
  });
});

describe('folderIgnored (skip walking a whole folder)', () => {
  it.each([
    ['target', ['target/'], true],
    ['target/debug', ['target/'], true],
    ['pkg/__pycache__', ['**/__pycache__/'], true],
    ['__pycache__', ['**/__pycache__/'], true],
    ['tests', ['tests/**/'], true],
    ['targets', ['target/'], false],
    ['src', ['target/'], false],
    // only folder globs skip a folder: `target/**` matches its files one by one instead
    ['target', ['target/**'], false],
    ['target', ['*.log'], false],
    ['target', [], false],
  ] as Array<[string, string[], boolean]>)('%j with %j → %s', (folder, globs, expected) => {
    expect(folderIgnored(folder, globs)).toBe(expected);
  });
});
