import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTree } from '../../src/workspace/list-tree.js';
import { tempDir, writeTree } from './fixtures.js';

let root = '';
let outside = '';

beforeAll(async () => {
  root = await tempDir();
  outside = await tempDir('cab-outside-');
  await writeTree(outside, { 'secret/a.txt': 'no', 'secret/b.txt': 'no' });
  await writeTree(root, { 'b.txt': 'b', 'a/z.txt': 'z', 'a/y/x.txt': 'x', '.git/config': 'c', 'sub/.git/HEAD': 'h', 'target/debug/app': 'bin' });
  await mkdir(join(root, 'empty'));
  await symlink(join(outside, 'secret'), join(root, 'linkdir'));
});

describe('listTree', () => {
  it('lists files, sorted and relative, skipping every .git; a folder link is one entry, never walked', async () => {
    expect(await listTree(root)).toEqual(['a/y/x.txt', 'a/z.txt', 'b.txt', 'linkdir', 'target/debug/app']);
  });

  it('skips what the callback says (a whole folder or single files)', async () => {
    expect(await listTree(root, { skip: (rel) => rel === 'target' || rel.endsWith('.txt') })).toEqual(['linkdir']);
  });

  it('stops at the limit', async () => {
    expect(await listTree(root, { limit: 2 })).toEqual(['a/y/x.txt', 'a/z.txt']);
  });

  it('a folder of 5,000 files with limit 100 returns 100', async () => {
    const big = await tempDir();
    await writeTree(big, Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${String(i).padStart(5, '0')}`, ''])));
    const listed = await listTree(big, { limit: 100 });
    expect(listed).toHaveLength(100);
    expect(listed[0]).toBe('f00000');
  });
});
