// The TOML manifests of the no-new-dependency constraint, read by a real TOML parser: the
// forms a line-based reader missed (dotted keys, inline tables, multi-line arrays and strings).

import { describe, expect, it } from 'vitest';
import { dependencyParserFor } from '../../src/score/dependency-manifests.js';
import { UNREADABLE } from '../../src/score/toml-dependencies.js';

const cargo = dependencyParserFor('Cargo.toml')!;
const pyproject = dependencyParserFor('pyproject.toml')!;
const pipfile = dependencyParserFor('Pipfile')!;

describe('Cargo.toml', () => {
  it.each([
    ['plain keys', '[dependencies]\nserde = "1"\nrand = { version = "0.8" }\n', ['serde', 'rand']],
    ['a dotted key at the top level', 'dependencies.foo = "1"\n[package]\nname = "x"\n', ['foo']],
    ['a dotted key inside [package]\'s neighbour table', '[dependencies]\nfoo.version = "1"\nfoo.features = ["x"]\n', ['foo']],
    ['an inline table of dependencies', 'dependencies = { foo = "1", bar = { path = "../bar" } }\n', ['foo', 'bar']],
    ['the table form', '[dependencies.tokio]\nversion = "1"\n', ['tokio']],
    ['dev and build dependencies', '[dev-dependencies]\nproptest = "1"\n[build-dependencies]\ncc = "1"\n', ['proptest', 'cc']],
    ["a target's dependencies", "[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n[target.x86_64-pc-windows-gnu.dev-dependencies]\nwinapi = \"0.3\"\n", ['libc', 'winapi']],
    ['workspace dependencies', '[workspace.dependencies]\nanyhow = "1"\n', ['anyhow']],
    ['quoted keys', '[dependencies]\n"serde_json" = "1"\n', ['serde_json']],
    ['a multi-line string that only looks like a table', '[package]\ndescription = """\n[dependencies]\nevil = "1"\n"""\n', []],
    ['a comment that only looks like a key', '[dependencies]\n# evil = "1"\nok = "1"\n', ['ok']],
  ])('%s', (_name, text, names) => {
    expect(cargo(text).sort()).toEqual([...names].sort());
  });

  it('invalid TOML is one UNREADABLE name (new when the manifest was fine before)', () => {
    expect(cargo('[dependencies\nfoo = "1"\n')).toEqual([UNREADABLE]);
  });
});

describe('pyproject.toml', () => {
  it.each([
    ['[project] dependencies on many lines', '[project]\nname = "x"\ndependencies = [\n  "requests>=2",  # http\n  "httpx[http2]>=0.27",\n]\n', ['requests', 'httpx']],
    ['a dotted project key', 'project.dependencies = ["Flask_Login==1"]\n', ['flask-login']],
    ['optional dependencies', '[project.optional-dependencies]\ntest = ["pytest"]\ndocs = [\n "sphinx",\n]\n', ['pytest', 'sphinx']],
    ['dependency groups (include-group tables skipped)', '[dependency-groups]\ndev = ["ruff", { include-group = "test" }]\ntest = ["pytest"]\n', ['ruff', 'pytest']],
    ['poetry tables, python left out', '[tool.poetry.dependencies]\npython = "^3.11"\nrequests = "*"\n[tool.poetry.group.dev.dependencies]\nblack = "*"\n[tool.poetry.dev-dependencies]\nmypy = "*"\n', ['requests', 'black', 'mypy']],
    ['poetry as an inline table', '[tool]\npoetry = { dependencies = { numpy = "*" } }\n', ['numpy']],
    ['a multi-line array with a bracket inside a string', '[project]\ndependencies = [\n  "pkg[extra]>=1",\n]\n', ['pkg']],
  ])('%s', (_name, text, names) => {
    expect(pyproject(text).sort()).toEqual([...names].sort());
  });
});

describe('Pipfile', () => {
  it('packages and dev-packages', () => {
    expect(pipfile('[packages]\nrequests = "*"\n[dev-packages]\npytest = { version = "*" }\n').sort()).toEqual(['pytest', 'requests']);
  });
});
