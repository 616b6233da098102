import { createHash } from 'node:crypto';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashTaskDir } from '../../src/bundle/task-hash.js';
import { hashFiles, tempDir, writeTree } from '../helpers/tar-fixtures.js';

let root: string;
beforeEach(async () => {
  root = await tempDir();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('hashTaskDir', () => {
  it('hashes the sorted `<path>\\0<sha256>\\n` lines (SPEC §5), counting files and bytes', async () => {
    await writeTree(root, { 'b.txt': 'bb', 'a/z.txt': 'z', 'a.txt': 'a' });
    const expected = sha(`a.txt\0${sha('a')}\na/z.txt\0${sha('z')}\nb.txt\0${sha('bb')}\n`);
    expect(await hashTaskDir(root)).toEqual({ sha256: expected, files: 3, bytes: 4 });
  });

  it('sorts by bytes, not by locale, and agrees with the independent fixture hash', async () => {
    const files = { 'B.txt': '1', 'a.txt': '2', 'é.txt': '3', 'z/ä.txt': '4', '_x': '', 'a-b/c': '5' };
    await writeTree(root, files);
    expect(await hashTaskDir(root)).toEqual(hashFiles(files));
  });

  it('ignores empty folders and changes with any content byte', async () => {
    await writeTree(root, { 'x.txt': 'hello' });
    const before = await hashTaskDir(root);
    await mkdir(join(root, 'empty'));
    expect(await hashTaskDir(root)).toEqual(before);
    await writeTree(root, { 'x.txt': 'hellO' });
    expect((await hashTaskDir(root)).sha256).not.toBe(before.sha256);
  });

  it('an empty folder hashes to the sha256 of nothing', async () => {
    expect(await hashTaskDir(root)).toEqual({ sha256: sha(''), files: 0, bytes: 0 });
  });

  it('refuses symlinks', async () => {
    await writeTree(root, { 'x.txt': 'x' });
    await symlink('x.txt', join(root, 'link'));
    await expect(hashTaskDir(root)).rejects.toMatchObject({ code: 'bundle', message: /link: not a regular file/ });
  });
});
