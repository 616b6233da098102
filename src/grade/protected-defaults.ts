// Files a toolchain discovers by itself, per language: on top of a task's own `protected` globs,
// an agent's change to any of these never reaches the graded tree and counts against integrity.
// A build script, a test file, a runner config or a stdlib-shadowing module is how a model gets
// its own code into the test process without touching the code under test.

import { matchesAny } from '../workspace/glob.js';
import { PYTHON_STDLIB } from './python-stdlib.js';

const BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  go: ['**/*_test.go', '**/go.mod', '**/go.sum', '**/go.work', '**/go.work.sum', '**/vendor/'],
  rust: ['**/build.rs', '**/.cargo/', '**/Cargo.toml', '**/Cargo.lock', '**/rust-toolchain', '**/rust-toolchain.toml', 'tests/', 'benches/'],
  python: [
    '**/conftest.py', '**/sitecustomize.py', '**/usercustomize.py', '**/*.pth', '**/setup.cfg', '**/tox.ini',
    '**/pytest.ini', '**/pyproject.toml', '**/*.pyc', '**/*.pyo', '**/__pycache__/',
  ],
  javascript: [
    '**/package.json', '**/package-lock.json', '**/npm-shrinkwrap.json', '**/node_modules/', '**/.npmrc',
    'test/', 'tests/', '**/__tests__/', '**/*.test.*', '**/*.spec.*', '**/.mocharc*', '**/.node-version',
  ],
  java: [],
};

/** java.lang types: a default-package class with one of these names shadows it for the tests. */
const JAVA_LANG = new Set(
  ('Object String System Runtime Thread Math StrictMath Integer Long Short Byte Double Float Boolean Character ' +
    'Number Class ClassLoader Throwable Exception RuntimeException Error AssertionError StringBuilder StringBuffer ' +
    'Iterable Comparable CharSequence Enum Record Void Process ProcessBuilder SecurityManager StackTraceElement ' +
    'ThreadLocal Override Deprecated FunctionalInterface SafeVarargs SuppressWarnings AutoCloseable Cloneable ' +
    'Runnable Appendable Readable Package Module ModuleLayer ArithmeticException ArrayIndexOutOfBoundsException ' +
    'ClassCastException IllegalArgumentException IllegalStateException IndexOutOfBoundsException ' +
    'NullPointerException NumberFormatException UnsupportedOperationException InterruptedException ' +
    'CloneNotSupportedException ClassNotFoundException NoSuchFieldException NoSuchMethodException ' +
    'SecurityException StackOverflowError OutOfMemoryError ExceptionInInitializerError LinkageError ' +
    'NegativeArraySizeException ArrayStoreException StringIndexOutOfBoundsException ReflectiveOperationException')
    .split(' '),
);

export function defaultProtected(language: string): readonly string[] {
  return BY_LANGUAGE[language] ?? [];
}

/** A top-level python module or package (new or changed) named like a stdlib module, unless the task ships it. */
function shadowsPythonStdlib(path: string, pristineTop: ReadonlySet<string>): boolean {
  const top = path.split('/')[0] ?? '';
  const name = path.includes('/') ? top : top.replace(/\.(py|pyc|pyi|so|pyd)$/, '');
  return PYTHON_STDLIB.has(name) && !pristineTop.has(top);
}

function shadowsJavaLang(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.endsWith('.java') && JAVA_LANG.has(base.slice(0, -'.java'.length));
}

export type ProtectedBy = 'task' | 'default';

/**
 * Why a changed path may not reach the graded tree: the task's own `protected` globs, or the
 * language's defaults; null when the agent may change it. `pristineTop` = the names at the top of
 * the untouched workdir.
 */
export function protectedBy(path: string, task: { language: string; protected: readonly string[] }, pristineTop: ReadonlySet<string>): ProtectedBy | null {
  if (matchesAny(path, task.protected)) return 'task';
  if (matchesAny(path, defaultProtected(task.language))) return 'default';
  if (task.language === 'python' && shadowsPythonStdlib(path, pristineTop)) return 'default';
  if (task.language === 'java' && shadowsJavaLang(path)) return 'default';
  return null;
}
