import { execFileSync } from 'node:child_process';
import { chmod, link, mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
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

describe('writeFileAtomic under hostile conditions', () => {
  it('writes a 255-byte file name (the temp name stays under NAME_MAX)', async () => {
    const dir = await tempDir();
    const name = `${'é'.repeat(120)}${'b'.repeat(15)}`; // 255 bytes, multi-byte characters at the cut
    expect(Buffer.byteLength(name)).toBe(255);
    await writeFileAtomic(join(dir, name), 'long');
    expect(await readdir(dir)).toEqual([name]);
    expect(await readFile(join(dir, name), 'utf8')).toBe('long');
  });

  it('twenty concurrent writes to one file: one whole content wins, no temp file left', async () => {
    const dir = await tempDir();
    const contents = Array.from({ length: 20 }, (_, i) => `${i}`.repeat(50_000));
    await Promise.all(contents.map((c) => writeFileAtomic(join(dir, 'race.txt'), c)));
    expect(contents).toContain(await readFile(join(dir, 'race.txt'), 'utf8'));
    expect(await readdir(dir)).toEqual(['race.txt']);
  });

  it('replaces a FIFO without blocking on it', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await writeFileAtomic(join(dir, 'pipe'), 'now a file');
    expect((await stat(join(dir, 'pipe'))).isFile()).toBe(true);
    expect(await readdir(dir)).toEqual(['pipe']);
  });

  it('fails on a folder in the way and leaves neither the folder damaged nor a temp file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'keep'), 'k');
    await expect(writeFileAtomic(join(dir, 'sub'), 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['sub']);
    expect(await readFile(join(dir, 'sub', 'keep'), 'utf8')).toBe('k');
  });

  it('never keeps setuid/setgid/sticky bits of the file it replaces', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'suid'), 'x');
    await chmod(join(dir, 'suid'), 0o4755);
    await writeFileAtomic(join(dir, 'suid'), 'y');
    expect((await stat(join(dir, 'suid'))).mode & 0o7777).toBe(0o755);
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

describe('readTextCapped caps', () => {
  it.each([
    [0, '', true],
    [5, 'hello', true],
    [11, 'hello world', false],
    [1000, 'hello world', false],
  ] as Array<[number, string, boolean]>)('cap %i → %j (truncated %s), size always the full 11', async (cap, text, truncated) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'f'), 'hello world');
    expect(await readTextCapped(join(dir, 'f'), cap)).toEqual({ text, bytes: 11, truncated, binary: false });
  });

  it('reads only the cap of a 200 MB sparse file (no big allocation)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big'), '');
    await truncate(join(dir, 'big'), 200 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const r = await readTextCapped(join(dir, 'big'), 1024);
    expect(r).toMatchObject({ bytes: 200 * 1024 * 1024, truncated: true, binary: true });
    expect(r.text.length).toBe(1024);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10 * 1024 * 1024);
  });

  it('flags a NUL anywhere in what was read as binary, and not one past the cap', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'late'), Buffer.concat([Buffer.from('text '.repeat(10)), Buffer.from([0])]));
    expect((await readTextCapped(join(dir, 'late'), 20)).binary).toBe(false);
    expect((await readTextCapped(join(dir, 'late'), 100)).binary).toBe(true);
  });

  it('refuses a folder and a missing file with an error, never a hang', async () => {
    const dir = await tempDir();
    await expect(readTextCapped(dir, 10)).rejects.toThrow();
    await expect(readTextCapped(join(dir, 'missing'), 10)).rejects.toThrow(/ENOENT/);
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

  it('matches a naive head + tail over 200 random chunkings (bytes counted, note exact)', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const cap = 2 + random(60);
      const whole = Array.from({ length: random(300) }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
      const b = new HeadTailBuffer(cap);
      for (let at = 0; at < whole.length; ) {
        const size = 1 + random(40);
        b.push(Buffer.from(whole.slice(at, at + size)));
        at += size;
      }
      const half = Math.floor(cap / 2);
      const expected = whole.length <= 2 * half ? whole : `${whole.slice(0, half)}\n… [${whole.length - 2 * half} bytes elided] …\n${whole.slice(-half)}`;
      expect(b.text(), `round ${round}`).toBe(expected);
      expect(b.total).toBe(whole.length);
    }
  });
});
