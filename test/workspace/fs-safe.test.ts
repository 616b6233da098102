import { execFileSync } from 'node:child_process';
import { chmod, link, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextCapped, writeFileAtomic } from '../../src/workspace/fs-safe.js';
import { HeadTailBuffer } from '../../src/workspace/output-buffer.js';
import { tempDir } from './fixtures.js';

describe('writeFileAtomic', () => {
  it('writes a new file 0644 and leaves no temp file behind', async () => {
    const dir = await tempDir();
    await writeFileAtomic(join(dir, 'a.txt'), 'hello');
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('hello');
    expect((await stat(join(dir, 'a.txt'))).mode & 0o777).toBe(0o644);
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('keeps the mode of the file it replaces (a script stays executable)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'run.sh'), 'old');
    await chmod(join(dir, 'run.sh'), 0o755);
    await writeFileAtomic(join(dir, 'run.sh'), '#!/bin/sh\n');
    expect((await stat(join(dir, 'run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('replaces a hard link or symlink instead of writing through it', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    await writeFile(join(outside, 'target.txt'), 'outside');
    await link(join(outside, 'target.txt'), join(dir, 'hard.txt'));
    await symlink(join(outside, 'target.txt'), join(dir, 'soft.txt'));
    await writeFileAtomic(join(dir, 'hard.txt'), 'mine');
    await writeFileAtomic(join(dir, 'soft.txt'), 'mine too');
    expect(await readFile(join(outside, 'target.txt'), 'utf8')).toBe('outside');
    expect(await readFile(join(dir, 'hard.txt'), 'utf8')).toBe('mine');
    expect((await stat(join(dir, 'hard.txt'))).nlink).toBe(1);
  });

  it('fails cleanly (no temp left) when the folder does not exist', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(join(dir, 'no/such/a.txt'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('readTextCapped', () => {
  it('reads whole small files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a'), 'hello\n');
    expect(await readTextCapped(join(dir, 'a'), 100)).toEqual({ text: 'hello\n', bytes: 6, truncated: false, binary: false });
  });

  it('cuts at the cap without splitting a UTF-8 character', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a'), 'ab€cd'); // € is 3 bytes: a b [e2 82 ac] c d
    const r = await readTextCapped(join(dir, 'a'), 4);
    expect(r).toEqual({ text: 'ab', bytes: 7, truncated: true, binary: false });
  });

  it('flags binary content', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'b'), Buffer.from([1, 0, 2]));
    expect((await readTextCapped(join(dir, 'b'), 100)).binary).toBe(true);
  });

  it('refuses a symlink and a FIFO (never blocks)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'real'), 'x');
    await symlink(join(dir, 'real'), join(dir, 'link'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    await expect(readTextCapped(join(dir, 'link'), 10)).rejects.toThrow();
    await expect(readTextCapped(join(dir, 'fifo'), 10)).rejects.toThrow('not a regular file');
  });
});

describe('HeadTailBuffer', () => {
  it('keeps everything under the cap', () => {
    const b = new HeadTailBuffer(100);
    b.push(Buffer.from('hello '));
    b.push(Buffer.from('world'));
    expect([b.text(), b.total]).toEqual(['hello world', 11]);
  });

  it('keeps half at each end with an elided count, across many chunks', () => {
    const b = new HeadTailBuffer(10);
    for (let i = 0; i < 100; i++) b.push(Buffer.from(`${i % 10}`));
    expect(b.text()).toBe('01234\n… [90 bytes elided] …\n56789');
    expect(b.total).toBe(100);
  });

  it('does not split UTF-8 characters at either cut', () => {
    const b = new HeadTailBuffer(8);
    b.push(Buffer.from('aaa€€€€€bbb€'));
    const text = b.text();
    expect(text).not.toContain('\uFFFD');
    expect(text.startsWith('aaa')).toBe(true);
    expect(text.endsWith('b€')).toBe(true); // 4 tail bytes: b + the 3 bytes of €
  });
});
