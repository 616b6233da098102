import { execFileSync } from 'node:child_process';
import { cp, link, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareTrees, TEXT_CAP_BYTES } from '../../src/workspace/changes.js';
import { tempDir, writeTree } from './fixtures.js';

let pristine = '';
let work = '';

beforeEach(async () => {
  pristine = await tempDir('cab-pristine-');
  work = await tempDir('cab-work-');
  await writeTree(pristine, {
    'src/lib.rs': 'pub fn a() {}\n',
    'src/keep.rs': 'same\n',
    'tests/t.rs': '#[test] fn t() {}\n',
    'README.md': '# task\n',
    'data.bin': Buffer.from([0, 1, 2, 3]),
  });
  await cp(pristine, work, { recursive: true });
});

describe('compareTrees', () => {
  it('finds nothing in an untouched copy', async () => {
    expect(await compareTrees(pristine, work, [])).toEqual({ changes: [], extra_git_dir: false, ignored_added: [] });
  });

  it('records added, removed and modified files, sorted, with their texts', async () => {
    await writeFile(join(work, 'src/lib.rs'), 'pub fn a() { fixed() }\n');
    await rm(join(work, 'README.md'));
    await writeTree(work, { 'src/new.rs': 'new\n', 'REFUSAL.md': 'I refuse\n' });
    const { changes } = await compareTrees(pristine, work, []);
    expect(changes).toEqual([
      { path: 'README.md', kind: 'removed', before: '# task\n', after: null, binary: false },
      { path: 'REFUSAL.md', kind: 'added', before: null, after: 'I refuse\n', binary: false },
      { path: 'src/lib.rs', kind: 'modified', before: 'pub fn a() {}\n', after: 'pub fn a() { fixed() }\n', binary: false },
      { path: 'src/new.rs', kind: 'added', before: null, after: 'new\n', binary: false },
    ]);
  });

  it('compares content, not timestamps: a rewrite with the same bytes is no change', async () => {
    await writeFile(join(work, 'src/keep.rs'), 'same\n');
    execFileSync('touch', ['-d', '2001-01-01', join(work, 'src/keep.rs')]);
    expect((await compareTrees(pristine, work, [])).changes).toEqual([]);
  });

  it('catches a same-size edit', async () => {
    await writeFile(join(work, 'src/keep.rs'), 'SAME\n');
    expect((await compareTrees(pristine, work, [])).changes.map((c) => [c.path, c.kind])).toEqual([['src/keep.rs', 'modified']]);
  });

  it('marks binary files (NUL byte, invalid UTF-8) and keeps no text for them', async () => {
    await writeFile(join(work, 'data.bin'), Buffer.from([0, 9, 9, 9]));
    await writeFile(join(work, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const { changes } = await compareTrees(pristine, work, []);
    expect(changes).toEqual([
      { path: 'data.bin', kind: 'modified', before: null, after: null, binary: true },
      { path: 'latin1.txt', kind: 'added', before: null, after: null, binary: true },
    ]);
  });

  it('keeps no text over the cap, but still records the change', async () => {
    await writeFile(join(work, 'big.txt'), 'x'.repeat(TEXT_CAP_BYTES + 1));
    expect((await compareTrees(pristine, work, [])).changes).toEqual([{ path: 'big.txt', kind: 'added', before: null, after: null, binary: false }]);
  });

  it('leaves out ignore globs (folders not even walked) and every .git', async () => {
    await writeTree(work, {
      'target/debug/app': 'binary',
      '__pycache__/x.pyc': 'c',
      'pkg/__pycache__/y.pyc': 'c',
      'notes.log': 'log',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'sub/.git/config': '[core]\n',
    });
    const { changes, extra_git_dir } = await compareTrees(pristine, work, ['target/', '**/__pycache__/', '*.log']);
    expect(changes).toEqual([]);
    expect(extra_git_dir).toBe(true);
  });

  it('flags extra_git_dir only when the pristine copy had none', async () => {
    await mkdir(join(pristine, '.git'));
    await mkdir(join(work, '.git'));
    expect((await compareTrees(pristine, work, [])).extra_git_dir).toBe(false);
    await writeFile(join(work, '.git', 'x'), 'y');
    expect((await compareTrees(pristine, work, [])).changes).toEqual([]);
  });

  it('flags a .git created below the root (git init in a subfolder, cargo new) and keeps its files out', async () => {
    await writeTree(work, { 'sub/crate/.git/HEAD': 'ref: refs/heads/main\n', 'sub/crate/src/main.rs': 'fn main() {}\n' });
    const { changes, extra_git_dir } = await compareTrees(pristine, work, []);
    expect(extra_git_dir).toBe(true);
    expect(changes.map((c) => c.path)).toEqual(['sub/crate/src/main.rs']);
  });

  it('a nested .git the pristine copy already had is not extra', async () => {
    await writeTree(pristine, { 'vendor/lib/.git/HEAD': 'x\n' });
    await writeTree(work, { 'vendor/lib/.git/HEAD': 'changed\n' });
    expect(await compareTrees(pristine, work, [])).toEqual({ changes: [], extra_git_dir: false, ignored_added: [] });
  });

  it('a .git file (gitdir link) counts like a folder', async () => {
    await writeFile(join(work, '.git'), 'gitdir: /somewhere/else\n');
    expect(await compareTrees(pristine, work, [])).toEqual({ changes: [], extra_git_dir: true, ignored_added: [] });
  });

  it('a file whose name holds a newline is a change like any other, and ignore globs still apply to it', async () => {
    await writeTree(work, { 'evil\nname.txt': 'x\n', 'target/evil\nbuild': 'y' });
    const { changes } = await compareTrees(pristine, work, ['target/']);
    expect(changes.map((c) => [c.path, c.kind])).toEqual([['evil\nname.txt', 'added']]);
  });

  it('a hard link to a file outside is compared by content, and its text is what the workdir holds', async () => {
    const outside = await tempDir('cab-outside-');
    await writeTree(outside, { 'x.txt': 'outside\n' });
    await rm(join(work, 'src/keep.rs'));
    await link(join(outside, 'x.txt'), join(work, 'src/keep.rs'));
    expect((await compareTrees(pristine, work, [])).changes).toEqual([
      { path: 'src/keep.rs', kind: 'modified', before: 'same\n', after: 'outside\n', binary: false },
    ]);
  });

  it('an emptied file and a file turned empty folder are both seen', async () => {
    await writeFile(join(work, 'src/keep.rs'), '');
    await rm(join(work, 'README.md'));
    await mkdir(join(work, 'README.md'));
    const { changes } = await compareTrees(pristine, work, []);
    expect(changes.map((c) => [c.path, c.kind, c.after])).toEqual([['README.md', 'removed', null], ['src/keep.rs', 'modified', '']]);
  });

  it('never follows a symlink: it is an added entry of its own, binary, no text', async () => {
    const outside = await tempDir('cab-outside-');
    await writeTree(outside, { 'secret.txt': 'outside secret\n', 'deep/file.txt': 'deep\n' });
    await symlink(join(outside, 'secret.txt'), join(work, 'leak.txt'));
    await symlink(outside, join(work, 'linkdir'));
    const { changes } = await compareTrees(pristine, work, []);
    expect(changes).toEqual([
      { path: 'leak.txt', kind: 'added', before: null, after: null, binary: true },
      { path: 'linkdir', kind: 'added', before: null, after: null, binary: true },
    ]);
    expect(JSON.stringify(changes)).not.toContain('outside secret');
  });

  it('a file replaced by a symlink to identical content is still a change', async () => {
    await rm(join(work, 'src/keep.rs'));
    await symlink(join(pristine, 'src/keep.rs'), join(work, 'src/keep.rs'));
    expect((await compareTrees(pristine, work, [])).changes).toEqual([
      { path: 'src/keep.rs', kind: 'modified', before: 'same\n', after: null, binary: true },
    ]);
  });

  it('does not hang on a FIFO the agent left behind', async () => {
    execFileSync('mkfifo', [join(work, 'pipe')]);
    const { changes } = await compareTrees(pristine, work, []);
    expect(changes).toEqual([{ path: 'pipe', kind: 'added', before: null, after: null, binary: true }]);
  });

  it('a folder replaced by a file: the old files removed, the file added', async () => {
    await rm(join(work, 'tests'), { recursive: true });
    await writeFile(join(work, 'tests'), 'flat\n');
    expect((await compareTrees(pristine, work, [])).changes.map((c) => [c.path, c.kind])).toEqual([
      ['tests', 'added'],
      ['tests/t.rs', 'removed'],
    ]);
  });
});
