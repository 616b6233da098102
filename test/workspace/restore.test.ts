import { execFileSync } from 'node:child_process';
import { chmod, cp, link, lstat, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareTrees } from '../../src/workspace/changes.js';
import { restoreProtected } from '../../src/workspace/restore.js';
import { tempDir, writeTree } from './fixtures.js';

let pristine = '';
let work = '';
const PROTECTED = ['tests/**', 'Cargo.toml'];

beforeEach(async () => {
  pristine = await tempDir('cab-pristine-');
  work = await tempDir('cab-work-');
  await writeTree(pristine, {
    'Cargo.toml': '[package]\nname = "x"\n',
    'src/lib.rs': 'pub fn f() {}\n',
    'tests/it.rs': '#[test] fn it() { assert!(x::f()) }\n',
    'tests/data/input.txt': 'input\n',
    'tests/run.sh': '#!/bin/sh\necho run\n',
  });
  await chmod(join(pristine, 'tests/run.sh'), 0o755);
  await cp(pristine, work, { recursive: true });
});

/** The protected part of work must equal the pristine copy again. */
async function protectedChanges(): Promise<string[]> {
  const { changes } = await compareTrees(pristine, work, []);
  return changes.map((c) => c.path).filter((p) => p === 'tests' || p.startsWith('tests/') || p === 'Cargo.toml');
}

describe('restoreProtected', () => {
  it('touches nothing when nothing protected changed (and leaves other edits alone)', async () => {
    await writeFile(join(work, 'src/lib.rs'), 'pub fn f() -> bool { true }\n');
    expect(await restoreProtected(pristine, work, PROTECTED)).toEqual([]);
    expect(await readFile(join(work, 'src/lib.rs'), 'utf8')).toContain('true');
  });

  it('restores edited files, puts back deleted ones, removes added ones; returns the sorted paths', async () => {
    await writeFile(join(work, 'tests/it.rs'), '#[test] fn it() {}\n');
    await rm(join(work, 'tests/data/input.txt'));
    await rm(join(work, 'Cargo.toml'));
    await writeTree(work, { 'tests/extra.rs': 'fn cheat() {}\n', 'tests/new/deep.rs': 'x' });
    const touched = await restoreProtected(pristine, work, PROTECTED);
    expect(touched).toEqual(['Cargo.toml', 'tests/data/input.txt', 'tests/extra.rs', 'tests/it.rs', 'tests/new', 'tests/new/deep.rs']);
    expect(await protectedChanges()).toEqual([]);
    expect(existsSync(join(work, 'tests/new'))).toBe(false);
  });

  it('puts back the whole folder when the agent deleted it', async () => {
    await rm(join(work, 'tests'), { recursive: true });
    expect(await restoreProtected(pristine, work, PROTECTED)).toEqual(['tests/data/input.txt', 'tests/it.rs', 'tests/run.sh']);
    expect(await protectedChanges()).toEqual([]);
  });

  it('restores the executable bit', async () => {
    await chmod(join(work, 'tests/run.sh'), 0o644);
    expect(await restoreProtected(pristine, work, PROTECTED)).toEqual(['tests/run.sh']);
    expect((await stat(join(work, 'tests/run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('replaces a protected folder turned into a symlink, without writing through it', async () => {
    const outside = await tempDir('cab-outside-');
    await writeTree(outside, { 'it.rs': 'outside file\n' });
    await rm(join(work, 'tests'), { recursive: true });
    await symlink(outside, join(work, 'tests'));
    await restoreProtected(pristine, work, PROTECTED);
    expect((await stat(join(work, 'tests'))).isDirectory()).toBe(true);
    expect(await readFile(join(outside, 'it.rs'), 'utf8')).toBe('outside file\n');
    expect(await protectedChanges()).toEqual([]);
  });

  it('replaces a protected file turned into a symlink or a folder', async () => {
    await rm(join(work, 'tests/it.rs'));
    await symlink('/etc/passwd', join(work, 'tests/it.rs'));
    await rm(join(work, 'Cargo.toml'));
    await mkdir(join(work, 'Cargo.toml'));
    await writeFile(join(work, 'Cargo.toml', 'inner'), 'x');
    await restoreProtected(pristine, work, PROTECTED);
    expect(await protectedChanges()).toEqual([]);
  });

  it('replaces a protected folder turned into a symlink even when the target holds identical files', async () => {
    await cp(join(work, 'tests'), join(work, 'tests_real'), { recursive: true });
    await rm(join(work, 'tests'), { recursive: true });
    await symlink('tests_real', join(work, 'tests'));
    const touched = await restoreProtected(pristine, work, PROTECTED);
    expect((await lstat(join(work, 'tests'))).isDirectory()).toBe(true);
    expect(touched).toEqual(['tests/data/input.txt', 'tests/it.rs', 'tests/run.sh']);
    expect(await protectedChanges()).toEqual([]);
    expect(await readFile(join(work, 'tests_real/it.rs'), 'utf8')).toContain('assert!'); // outside the globs: left alone
  });

  it('replaces a protected file hard-linked elsewhere even with the same bytes (the link is cut)', async () => {
    const outside = await tempDir('cab-outside-');
    await writeFile(join(outside, 'it.rs'), await readFile(join(pristine, 'tests/it.rs')));
    await rm(join(work, 'tests/it.rs'));
    await link(join(outside, 'it.rs'), join(work, 'tests/it.rs'));
    expect(await restoreProtected(pristine, work, PROTECTED)).toEqual(['tests/it.rs']);
    expect((await stat(join(work, 'tests/it.rs'))).nlink).toBe(1);
    await writeFile(join(outside, 'it.rs'), 'tampered later\n'); // no longer reaches the workdir
    expect(await protectedChanges()).toEqual([]);
  });

  it('removes an added file whose name holds a newline (no glob blind spot)', async () => {
    await writeTree(work, { 'tests/test_\nsneaky.py': 'import unittest\n' });
    expect(await restoreProtected(pristine, work, PROTECTED)).toEqual(['tests/test_\nsneaky.py']);
    expect(await protectedChanges()).toEqual([]);
  });

  it('removes a FIFO planted under a protected folder', async () => {
    execFileSync('mkfifo', [join(work, 'tests/pipe')]);
    expect(await restoreProtected(pristine, work, PROTECTED)).toEqual(['tests/pipe']);
    expect(existsSync(join(work, 'tests/pipe'))).toBe(false);
  });

  it('does nothing without globs', async () => {
    await writeFile(join(work, 'tests/it.rs'), 'changed\n');
    expect(await restoreProtected(pristine, work, [])).toEqual([]);
    expect(await readFile(join(work, 'tests/it.rs'), 'utf8')).toBe('changed\n');
  });

  it('honours folder globs and single-segment stars', async () => {
    await writeTree(work, { 'tests/added.txt': 'a', 'tests/data/more.txt': 'b' });
    expect(await restoreProtected(pristine, work, ['tests/*.txt'])).toEqual(['tests/added.txt']);
    expect(await restoreProtected(pristine, work, ['tests/'])).toEqual(['tests/data/more.txt']);
  });
});
