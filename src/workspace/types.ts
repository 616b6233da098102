// Facts the workspace layer records: process results and file changes.

export type SandboxKind = 'bwrap' | 'none';

export interface ExecResult {
  argv: string[];
  exitCode: number | null; // null when killed by a signal
  signal: string | null;
  timedOut: boolean;
  stdout: string; // head + tail, with an elided-bytes note in the middle when cut
  stderr: string;
  stdoutBytes: number; // total bytes the process wrote, before capping
  stderrBytes: number;
  durationMs: number;
  sandbox: SandboxKind;
  error?: string; // spawn failure (ENOENT …), already redacted
}

export type ChangeKind = 'added' | 'removed' | 'modified';

export interface FileChange {
  path: string; // relative to the workdir, `/` separators
  kind: ChangeKind;
  before: string | null; // text before (null when added, binary or too large)
  after: string | null; // text after (null when removed, binary or too large)
  binary: boolean;
}

export interface WorkdirChanges {
  changes: FileChange[]; // sorted by path; `ignore` globs and .git/ left out
  extra_git_dir: boolean; // a .git directory exists at the end that the pristine copy did not have
  ignored_added?: string[]; // paths under `ignore` globs the agent created (never graded; recorded)
}
