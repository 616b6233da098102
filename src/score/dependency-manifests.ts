// The dependency names a manifest file declares, by file name: requirements*.txt, pyproject.toml,
// Pipfile, package.json, go.mod, Cargo.toml, pom.xml, build.gradle(.kts). Names, not lines:
// a version bump is not a new dependency.

import { cargoDependencies, pipfileDependencies, pyprojectDependencies, UNREADABLE } from './toml-dependencies.js';

type DependencyParser = (text: string) => string[];

/** PEP 503-ish: lower case, runs of `-_.` as one `-`; the name before any version or marker. */
function pythonName(spec: string): string {
  const name = spec.trim().split(/[\s<>=!~;[@(]/)[0] ?? '';
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function requirements(text: string): string[] {
  const names: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const editable = /^(?:-e|--editable)\s+(.+)$/.exec(line);
    if (editable) names.push(editable[1] ?? '');
    else if (!line.startsWith('-')) names.push(pythonName(line));
  }
  return names;
}

const pythonNames = (names: string[]): string[] => names.map((name) => (name === UNREADABLE ? name : pythonName(name)));

const pyproject = (text: string): string[] => pythonNames(pyprojectDependencies(text));
const pipfile = (text: string): string[] => pythonNames(pipfileDependencies(text));
const cargoToml = cargoDependencies;

function packageJson(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof json !== 'object' || json === null) return [];
  const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
  return fields.flatMap((field) => {
    const deps = (json as Record<string, unknown>)[field];
    return typeof deps === 'object' && deps !== null ? Object.keys(deps) : [];
  });
}

function goMod(text: string): string[] {
  const names: string[] = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      if (line === ')') inBlock = false;
      else if (line !== '') names.push(line.split(/\s+/)[0] ?? '');
    } else if (/^require\s*\($/.test(line)) inBlock = true;
    else if (/^require\s+\S/.test(line)) names.push(line.split(/\s+/)[1] ?? '');
  }
  return names;
}

function pomXml(text: string): string[] {
  const clean = text.replace(/<!--[\s\S]*?-->/g, '');
  return [...clean.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)].map((m) => {
    const body = m[1] ?? '';
    const group = /<groupId>\s*([^<]*?)\s*<\/groupId>/.exec(body)?.[1] ?? '';
    const artifact = /<artifactId>\s*([^<]*?)\s*<\/artifactId>/.exec(body)?.[1] ?? '';
    return `${group}:${artifact}`;
  });
}

function braces(line: string): number {
  return (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
}

/** Lines inside `dependencies { … }` blocks: `implementation 'g:a:1.0'`, `api(libs.foo)`, … */
function gradle(text: string): string[] {
  const names: string[] = [];
  let depth = 0; // brace depth inside a dependencies block; 0 = outside
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (depth === 0) {
      if (/^dependencies\s*\{/.test(line)) depth = braces(line);
      continue;
    }
    const dep = /^[A-Za-z]+\s*\(?\s*(?:(["'])([^"']+)\1|([A-Za-z_][\w.]*(?:\([^)]*\))?))/.exec(line);
    if (dep && depth === 1) names.push(dep[2] ? dep[2].split(':').slice(0, 2).join(':') : (dep[3] ?? ''));
    depth += braces(line);
  }
  return names;
}

const MANIFESTS: { test: (base: string) => boolean; parse: DependencyParser }[] = [
  { test: (base) => /^requirements.*\.(txt|in)$/i.test(base), parse: requirements },
  { test: (base) => base === 'pyproject.toml', parse: pyproject },
  { test: (base) => base === 'Pipfile', parse: pipfile },
  { test: (base) => base === 'package.json', parse: packageJson },
  { test: (base) => base === 'go.mod', parse: goMod },
  { test: (base) => base === 'Cargo.toml', parse: cargoToml },
  { test: (base) => base === 'pom.xml', parse: pomXml },
  { test: (base) => base === 'build.gradle' || base === 'build.gradle.kts', parse: gradle },
];

/** The parser for a manifest path, or null when the file declares no dependencies we know of. */
export function dependencyParserFor(path: string): DependencyParser | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return MANIFESTS.find((manifest) => manifest.test(base))?.parse ?? null;
}
