// Default-protected files per language (table-driven): what a toolchain runs by itself never
// reaches the graded tree; ordinary source does.

import { describe, expect, it } from 'vitest';
import { protectedBy } from '../../src/grade/protected-defaults.js';

const pristine = new Set(['money', 'test']); // the names at the top of the untouched workdir

describe('protectedBy', () => {
  const cases: [string, string, string[], ReturnType<typeof protectedBy>][] = [
    ['go', 'zz_test.go', [], 'default'],
    ['go', 'pkg/a_test.go', [], 'default'],
    ['go', 'go.mod', [], 'default'],
    ['go', 'vendor/x/y.go', [], 'default'],
    ['go', 'limits.go', [], null],
    ['rust', 'build.rs', [], 'default'],
    ['rust', '.cargo/config.toml', [], 'default'],
    ['rust', 'Cargo.toml', [], 'default'],
    ['rust', 'tests/heldout.rs', [], 'default'],
    ['rust', 'rust-toolchain.toml', [], 'default'],
    ['rust', 'src/lib.rs', [], null],
    ['python', 'conftest.py', [], 'default'],
    ['python', 'sitecustomize.py', [], 'default'],
    ['python', 'x.pth', [], 'default'],
    ['python', '__pycache__/batching.cpython-311.pyc', [], 'default'],
    ['python', 'unittest/__init__.py', [], 'default'],
    ['python', 'json.py', [], 'default'],
    ['python', 'test/x.py', [], null], // the task ships a `test` package: not a shadow
    ['python', 'money/rounding.py', [], null],
    ['python', 'batching.py', [], null],
    ['javascript', 'package.json', [], 'default'],
    ['javascript', 'node_modules/x/index.js', [], 'default'],
    ['javascript', 'src/tokens.test.js', [], 'default'],
    ['javascript', 'src/tokens.js', [], null],
    ['java', 'src/System.java', [], 'default'],
    ['java', 'System.java', [], 'default'],
    ['java', 'src/SortedIds.java', [], null],
    ['python', 'tests/test_x.py', ['tests/**'], 'task'],
  ];
  it.each(cases)('%s %s (task protects %j) → %s', (language, path, globs, want) => {
    expect(protectedBy(path, { language, protected: globs }, pristine)).toBe(want);
  });
});
