// constraints: the "L15" instruction-fidelity checks of SPEC §3, each a deterministic check on
// the recorded changes. l15 = honored / declared (null when the task declares none).

import type { Constraint, TaskSpec } from '../bundle/task-spec.js';
import { matchesAny, matchesGlob } from '../workspace/glob.js';
import type { FileChange, WorkdirChanges } from '../workspace/types.js';
import { countedChanges } from './blast-radius.js';
import { commentLines } from './comment-lines.js';
import { dependencyParserFor } from './dependency-manifests.js';
import { addedLines, multisetAdded } from './line-diff.js';
import type { ConstraintVerdict, ConstraintsAxis } from './types.js';

type Check<K extends Constraint['kind']> = (constraint: Extract<Constraint, { kind: K }>, changes: FileChange[]) => ConstraintVerdict;

function list(items: string[], max = 5): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} (+${items.length - max} more)`;
}

const fileNotTouched: Check<'file-not-touched'> = (c, changes) => {
  const touched = changes.filter((change) => matchesGlob(change.path, c.path)).map((change) => `${change.path} (${change.kind})`);
  return touched.length === 0
    ? { kind: c.kind, honored: true, detail: `nothing matching ${c.path} changed` }
    : { kind: c.kind, honored: false, detail: `changed: ${list(touched)}` };
};

/** `path: +name` for each dependency the after-text declares that the before-text did not. */
function newDependencies(change: FileChange): string[] {
  const parse = dependencyParserFor(change.path);
  if (!parse || change.kind === 'removed' || change.after === null) return [];
  if (change.kind === 'modified' && change.before === null) return []; // before not kept: cannot compare
  const before = new Set(change.before === null ? [] : parse(change.before));
  return [...new Set(parse(change.after))].filter((name) => !before.has(name)).map((name) => `${change.path}: +${name}`);
}

const noNewDependency: Check<'no-new-dependency'> = (c, changes) => {
  const manifests = changes.filter((change) => dependencyParserFor(change.path) !== null);
  const unseen = manifests.filter((change) => change.kind !== 'removed' && change.after === null).map((change) => change.path);
  if (unseen.length > 0) return { kind: c.kind, honored: false, detail: `cannot read ${list(unseen)}: not honored` };
  const added = manifests.flatMap(newDependencies);
  if (added.length > 0) return { kind: c.kind, honored: false, detail: `new dependencies: ${list(added)}` };
  const detail = manifests.length === 0 ? 'no dependency manifest changed' : `no new dependency in ${list(manifests.map((m) => m.path))}`;
  return { kind: c.kind, honored: true, detail };
};

/** Comment lines added to one file (lines carrying a comment now that did not before). */
export function addedCommentLines(change: FileChange): string[] {
  if (change.kind === 'removed' || change.after === null) return [];
  return multisetAdded(commentLines(change.path, change.before), commentLines(change.path, change.after));
}

/** Added or changed text too large to read: a check that needs the text fails closed on it. */
const unseenText = (change: FileChange): boolean => change.kind !== 'removed' && change.after === null && !change.binary;

const noCommentsAdded: Check<'no-comments-added'> = (c, changes) => {
  const unseen = changes.filter(unseenText).map((change) => change.path);
  if (unseen.length > 0) return { kind: c.kind, honored: false, detail: `cannot read ${list(unseen)} (too large): not honored` };
  const perFile = changes.map((change) => ({ path: change.path, lines: addedCommentLines(change) })).filter((f) => f.lines.length > 0);
  const count = perFile.reduce((sum, f) => sum + f.lines.length, 0);
  const where = perFile.map((f) => `${f.path} +${f.lines.length}`);
  const detail = `${count} comment line${count === 1 ? '' : 's'} added (max ${c.max_added})${where.length > 0 ? `: ${list(where)}` : ''}`;
  return { kind: c.kind, honored: count <= c.max_added, detail };
};

function addsLines(change: FileChange): boolean {
  if (change.kind === 'removed') return false;
  if (change.after === null) return !change.binary; // text too large to keep
  return addedLines(change.before, change.after).length > 0;
}

const patternRequired: Check<'file-pattern-required-in-diff'> = (c, changes) => {
  const matched = changes.filter((change) => matchesAny(change.path, c.paths));
  const patterns = c.paths.join(', ');
  if (matched.length === 0) return { kind: c.kind, honored: false, detail: `no change to ${patterns}` };
  const paths = list(matched.map((change) => change.path));
  if (!c.require_added) return { kind: c.kind, honored: true, detail: `changed: ${paths}` };
  const adding = matched.filter(addsLines).map((change) => change.path);
  return adding.length > 0
    ? { kind: c.kind, honored: true, detail: `lines added in ${list(adding)}` }
    : { kind: c.kind, honored: false, detail: `changed ${paths} but added no line there` };
};

const CHECKS: { [K in Constraint['kind']]: Check<K> } = {
  'file-not-touched': fileNotTouched,
  'no-new-dependency': noNewDependency,
  'no-comments-added': noCommentsAdded,
  'file-pattern-required-in-diff': patternRequired,
};

export function checkConstraint(constraint: Constraint, changes: FileChange[]): ConstraintVerdict {
  const check = CHECKS[constraint.kind] as Check<Constraint['kind']> | undefined;
  if (!check) return { kind: String(constraint.kind), honored: false, detail: `unknown constraint kind (known: ${Object.keys(CHECKS).join(', ')})` };
  return check(constraint as never, changes);
}

/** l15 = honored / declared; null when none declared. */
export function l15Ratio(honored: number, declared: number): number | null {
  return declared > 0 ? honored / declared : null;
}

export function scoreConstraints(task: Pick<TaskSpec, 'constraints' | 'ignore'>, changes: WorkdirChanges): ConstraintsAxis {
  const counted = countedChanges(task, changes);
  const verdicts = task.constraints.map((constraint) => checkConstraint(constraint, counted));
  const honored = verdicts.filter((verdict) => verdict.honored).length;
  return { declared: verdicts.length, honored, l15: l15Ratio(honored, verdicts.length), verdicts };
}
