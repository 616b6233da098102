import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, link, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CabError } from '../../src/errors.js';
import { copyTree, createScratch, disposeAllScratch, scratchRootOf } from '../../src/workspace/scratch.js';
import { tempDir, writeTree } from './fixtures.js';

describe('createScratch / disposeAllScratch', () => {
  it('creates a fresh cab-* folder under the OS temp dir and removes it on dispose', async () => {
    const scratch = await createScratch();
    expect(scratch.root.startsWith(join(await import('node:fs/promises').then((m) => m.realpath(tmpdir())), 'cab-'))).toBe(true);
    await writeTree(scratch.root, { 'workdir/a.txt': 'a' });
    expect(scratchRootOf(join(scratch.root, 'workdir'))).toBe(scratch.root);
    await scratch.dispose();
    expect(existsSync(scratch.root)).toBe(false);
    expect(scratchRootOf(join(scratch.root, 'workdir'))).toBeNull();
  });

  it('disposeAllScratch removes every live one, read-only folders (Go module cache) included', async () => {
    const a = await createScratch();
    const b = await createScratch();
    await writeTree(b.root, { 'cache/mod/pkg@v1/file.go': 'package pkg' });
    await chmod(join(b.root, 'cache/mod/pkg@v1'), 0o555);
    await chmod(join(b.root, 'cache/mod'), 0o555);
    await disposeAllScratch();
    expect(existsSync(a.root)).toBe(false);
    expect(existsSync(b.root)).toBe(false);
  });

  it('scratchRootOf does not match a sibling that merely shares the prefix', async () => {
    const scratch = await createScratch();
    expect(scratchRootOf(`${scratch.root}-other/workdir`)).toBeNull();
    await scratch.dispose();
  });
});

describe('copyTree', () => {
  it('copies files and folders with normalised modes', async () => {
    const src = await tempDir();
    const dest = join(await tempDir(), 'out');
    await writeTree(src, { 'a.txt': 'a', 'bin/run.sh': '#!/bin/sh\n', 'deep/er/x': 'x' });
    await chmod(join(src, 'bin/run.sh'), 0o775);
    await chmod(join(src, 'a.txt'), 0o600);
    await copyTree(src, dest);
    expect(await readFile(join(dest, 'deep/er/x'), 'utf8')).toBe('x');
    expect((await stat(join(dest, 'bin/run.sh'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(dest, 'a.txt'))).mode & 0o777).toBe(0o644);
  });

  it('refuses a symlink in the source (CabError), and never follows it', async () => {
    const src = await tempDir();
    const outside = await tempDir();
    await writeTree(outside, { 'secret.txt': 'secret' });
    await symlink(join(outside, 'secret.txt'), join(src, 'link.txt'));
    const dest = join(await tempDir(), 'out');
    const error = await copyTree(src, dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CabError);
    expect((error as CabError).code).toBe('bundle');
    expect(existsSync(join(dest, 'link.txt'))).toBe(false);
  });

  it('overlays: replaces a symlink or hard link in dest instead of writing through it', async () => {
    const src = await tempDir();
    const dest = await tempDir();
    const outside = await tempDir();
    await writeTree(outside, { 'victim.txt': 'victim\n', 'linked.txt': 'linked\n' });
    await writeTree(src, { 'a.txt': 'new a\n', 'b.txt': 'new b\n', 'dir/c.txt': 'c\n' });
    await writeTree(dest, { 'keep.txt': 'kept\n' });
    await symlink(join(outside, 'victim.txt'), join(dest, 'a.txt'));
    await link(join(outside, 'linked.txt'), join(dest, 'b.txt'));
    await symlink(outside, join(dest, 'dir'));
    await copyTree(src, dest);
    expect(await readFile(join(outside, 'victim.txt'), 'utf8')).toBe('victim\n');
    expect(await readFile(join(outside, 'linked.txt'), 'utf8')).toBe('linked\n');
    expect(existsSync(join(outside, 'c.txt'))).toBe(false);
    expect(await readFile(join(dest, 'a.txt'), 'utf8')).toBe('new a\n');
    expect(await readFile(join(dest, 'b.txt'), 'utf8')).toBe('new b\n');
    expect(await readFile(join(dest, 'dir/c.txt'), 'utf8')).toBe('c\n');
    expect(await readFile(join(dest, 'keep.txt'), 'utf8')).toBe('kept\n');
  });

  it('replaces a folder in dest where the source has a file', async () => {
    const src = await tempDir();
    const dest = await tempDir();
    await writeTree(src, { 'x': 'file now' });
    await mkdir(join(dest, 'x'));
    await writeFile(join(dest, 'x', 'inner'), 'i');
    await copyTree(src, dest);
    expect(await readFile(join(dest, 'x'), 'utf8')).toBe('file now');
  });

  it('refuses a FIFO in the source (never opens it, so never blocks)', async () => {
    const src = await tempDir();
    execFileSync('mkfifo', [join(src, 'pipe')]);
    const error = await copyTree(src, join(await tempDir(), 'out')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CabError);
  });

  it('refuses a source that is itself a symlink to a folder', async () => {
    const real = await tempDir();
    const holder = await tempDir();
    await symlink(real, join(holder, 'link'));
    await expect(copyTree(join(holder, 'link'), join(holder, 'out'))).rejects.toBeInstanceOf(CabError);
  });

  it('copied files are new inodes (a hard link in the source is not shared with dest)', async () => {
    const src = await tempDir();
    const dest = join(await tempDir(), 'out');
    await writeTree(src, { 'a.txt': 'a' });
    await copyTree(src, dest);
    expect((await stat(join(dest, 'a.txt'))).ino).not.toBe((await stat(join(src, 'a.txt'))).ino);
    expect((await stat(join(dest, 'a.txt'))).nlink).toBe(1);
  });

  it('keeps the executable bit when overlaying onto an existing non-executable file', async () => {
    const src = await tempDir();
    const dest = await tempDir();
    await writeTree(src, { 'run.sh': '#!/bin/sh\necho new\n' });
    await chmod(join(src, 'run.sh'), 0o700);
    await writeTree(dest, { 'run.sh': 'old' });
    await chmod(join(dest, 'run.sh'), 0o600);
    await copyTree(src, dest);
    expect((await stat(join(dest, 'run.sh'))).mode & 0o777).toBe(0o755);
    expect(execFileSync(join(dest, 'run.sh'), { encoding: 'utf8' })).toBe('new\n');
  });
});

describe('dispose under hostile leftovers', () => {
  it('removes a scratch dir holding a symlink to outside without touching the target', async () => {
    const outside = await tempDir();
    await writeTree(outside, { 'precious.txt': 'keep me' });
    const scratch = await createScratch();
    await symlink(outside, join(scratch.root, 'escape'));
    await symlink(join(outside, 'precious.txt'), join(scratch.root, 'file-link'));
    await scratch.dispose();
    expect(existsSync(scratch.root)).toBe(false);
    expect(await readFile(join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('removes folders made unreadable (mode 000) and read-only files', async () => {
    const scratch = await createScratch();
    await writeTree(scratch.root, { 'workdir/locked/deep/f.txt': 'x', 'workdir/ro.txt': 'r' });
    await chmod(join(scratch.root, 'workdir/ro.txt'), 0o444);
    await chmod(join(scratch.root, 'workdir/locked/deep'), 0o000);
    await chmod(join(scratch.root, 'workdir/locked'), 0o000);
    await scratch.dispose();
    expect(existsSync(scratch.root)).toBe(false);
  });

  it('a second dispose and disposeAllScratch after it are harmless', async () => {
    const scratch = await createScratch();
    await scratch.dispose();
    await expect(scratch.dispose()).resolves.toBeUndefined();
    await expect(disposeAllScratch()).resolves.toBeUndefined();
  });
});
