// Dependency names declared in TOML manifests (Cargo.toml, pyproject.toml, Pipfile), read with a
// real TOML parser (smol-toml, bundled): dotted keys, inline tables, multi-line arrays and
// strings, quoted keys and `[target.'cfg(unix)'.dependencies]` are seen as cargo and pip see
// them. A file that does not parse yields UNREADABLE, so turning a valid manifest into an
// invalid one counts as a change we cannot vouch for, while a file that was already unreadable
// stays neutral.

import { parse } from 'smol-toml';

export const UNREADABLE = '<unreadable TOML>';

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
const tableAt = (root: Table, ...path: string[]): Table => {
  let node: unknown = root;
  for (const key of path) node = isTable(node) ? node[key] : undefined;
  return isTable(node) ? node : {};
};
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function parsed(text: string): Table | null {
  try {
    return parse(text) as Table;
  } catch {
    return null;
  }
}

/** The three Cargo dependency tables of one table (the root, or one `target.<cfg>`). */
function cargoTables(table: Table): string[] {
  return ['dependencies', 'dev-dependencies', 'build-dependencies', 'dev_dependencies', 'build_dependencies'].flatMap((key) => Object.keys(tableAt(table, key)));
}

export function cargoDependencies(text: string): string[] {
  const doc = parsed(text);
  if (!doc) return [UNREADABLE];
  const targets = Object.values(tableAt(doc, 'target')).filter(isTable);
  const workspace = tableAt(doc, 'workspace');
  return [...cargoTables(doc), ...targets.flatMap(cargoTables), ...cargoTables(workspace)];
}

/** PEP 621 `[project]`, `[dependency-groups]` and Poetry tables; names are raw specs (the caller normalises). */
export function pyprojectDependencies(text: string): string[] {
  const doc = parsed(text);
  if (!doc) return [UNREADABLE];
  const project = tableAt(doc, 'project');
  const optional = Object.values(tableAt(project, 'optional-dependencies')).flatMap(strings);
  const groups = Object.values(tableAt(doc, 'dependency-groups')).flatMap(strings); // include-group tables are not names
  const poetry = tableAt(doc, 'tool', 'poetry');
  const poetryGroups = Object.values(tableAt(poetry, 'group')).filter(isTable).map((g) => tableAt(g, 'dependencies'));
  const poetryNames = [tableAt(poetry, 'dependencies'), tableAt(poetry, 'dev-dependencies'), ...poetryGroups].flatMap((t) => Object.keys(t)).filter((name) => name !== 'python');
  return [...strings(project.dependencies), ...optional, ...groups, ...poetryNames];
}

export function pipfileDependencies(text: string): string[] {
  const doc = parsed(text);
  if (!doc) return [UNREADABLE];
  return [...Object.keys(tableAt(doc, 'packages')), ...Object.keys(tableAt(doc, 'dev-packages'))];
}
