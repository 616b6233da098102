import { execFileSync } from 'node:child_process';
import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTrees } from '../../src/workspace/changes.js';
import type { FileChange } from '../../src/workspace/types.js';
import { unifiedDiff } from '../../src/workspace/unified-diff.js';
import { tempDir, writeTree } from './fixtures.js';

const change = (c: Partial<FileChange> & Pick<FileChange, 'path' | 'kind'>): FileChange => ({ before: null, after: null, binary: false, ...c });

describe('unifiedDiff', () => {
  it('is empty for no changes', async () => {
    expect(await unifiedDiff([])).toBe('');
  });

  it('writes git-style headers and hunks for a modified file', async () => {
    const text = await unifiedDiff([change({ path: 'src/lib.rs', kind: 'modified', before: 'a\nb\nc\n', after: 'a\nB\nc\n' })]);
    expect(text).toBe(['diff --git a/src/lib.rs b/src/lib.rs', '--- a/src/lib.rs', '+++ b/src/lib.rs', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c', ''].join('\n'));
  });

  it('uses /dev/null for added and removed files', async () => {
    const text = await unifiedDiff([
      change({ path: 'REFUSAL.md', kind: 'added', after: 'no\n' }),
      change({ path: 'old.txt', kind: 'removed', before: 'gone\n' }),
    ]);
    expect(text).toBe([
      'diff --git a/REFUSAL.md b/REFUSAL.md', 'new file mode 100644', '--- /dev/null', '+++ b/REFUSAL.md', '@@ -0,0 +1,1 @@', '+no',
      'diff --git a/old.txt b/old.txt', 'deleted file mode 100644', '--- a/old.txt', '+++ /dev/null', '@@ -1,1 +0,0 @@', '-gone', '',
    ].join('\n'));
  });

  it('says "Binary files … differ" for binary changes, and notes texts over the cap', async () => {
    const text = await unifiedDiff([
      change({ path: 'data.bin', kind: 'modified', binary: true }),
      change({ path: 'link', kind: 'added', binary: true }),
      change({ path: 'huge.txt', kind: 'modified', before: 'small\n', after: null }),
    ]);
    expect(text).toContain('Binary files a/data.bin and b/data.bin differ\n');
    expect(text).toContain('Binary files /dev/null and b/link differ\n');
    expect(text).toContain('Files (too large to show) a/huge.txt and b/huge.txt differ\n');
  });

  it('marks a missing newline at the end of a file', async () => {
    const text = await unifiedDiff([change({ path: 'x', kind: 'modified', before: 'a\n', after: 'a' })]);
    expect(text).toContain('\\ No newline at end of file');
  });

  it('applies with `git apply` onto the pristine tree (round trip from compareTrees)', async () => {
    const pristine = await tempDir();
    const work = await tempDir();
    await writeTree(pristine, { 'src/lib.rs': 'fn a() {\n    1\n}\n', 'README.md': '# t\n', 'gone.txt': 'bye\n' });
    await cp(pristine, work, { recursive: true });
    await writeFile(join(work, 'src/lib.rs'), 'fn a() {\n    2\n}\n');
    await writeTree(work, { 'src/new.rs': 'pub fn n() {}\n' });
    await rm(join(work, 'gone.txt'));
    const diff = await unifiedDiff((await compareTrees(pristine, work, [])).changes);
    const patch = join(await tempDir(), 'changes.diff');
    await writeFile(patch, diff);
    execFileSync('git', ['apply', patch], { cwd: pristine });
    expect((await compareTrees(pristine, work, [])).changes).toEqual([]);
  });

  it('C-quotes a file name that could forge diff lines (newline, tab, quote, backslash), like git', async () => {
    const text = await unifiedDiff([change({ path: 'evil\n+++ b/src/lib.rs', kind: 'added', after: 'x\n' })]);
    expect(text.split('\n').filter((l) => l.startsWith('+++'))).toEqual(['+++ "b/evil\\n+++ b/src/lib.rs"']);
    expect(text).toContain('diff --git "a/evil\\n+++ b/src/lib.rs" "b/evil\\n+++ b/src/lib.rs"\n');
    const more = await unifiedDiff([change({ path: 'a\tb"c\\d\x01', kind: 'modified', before: '1\n', after: '2\n' })]);
    expect(more).toContain('diff --git "a/a\\tb\\"c\\\\d\\001" "b/a\\tb\\"c\\\\d\\001"\n');
    expect(more).toContain('--- "a/a\\tb\\"c\\\\d\\001"\n');
    const binary = await unifiedDiff([change({ path: 'x\ny.bin', kind: 'added', binary: true })]);
    expect(binary).toContain('Binary files /dev/null and "b/x\\ny.bin" differ\n');
    expect(binary.split('\n')).toHaveLength(4); // header, mode, binary line, final ''
  });

  it('quotes non-ASCII names as octal UTF-8 bytes everywhere (git and the diff package agree), plain ones not at all', async () => {
    const text = await unifiedDiff([change({ path: 'docs/naïve notes.md', kind: 'modified', before: 'a\n', after: 'b\n' })]);
    expect(text).toContain('diff --git "a/docs/na\\303\\257ve notes.md" "b/docs/na\\303\\257ve notes.md"\n--- "a/docs/na\\303\\257ve notes.md"\n');
    const plain = await unifiedDiff([change({ path: 'docs/plain notes.md', kind: 'modified', before: 'a\n', after: 'b\n' })]);
    expect(plain).toContain('diff --git a/docs/plain notes.md b/docs/plain notes.md\n--- a/docs/plain notes.md\n');
  });

  it('round-trips hostile names through `git apply`', async () => {
    const pristine = await tempDir();
    const work = await tempDir();
    const names = ['tab\there.txt', 'quote"d.txt', 'back\\slash.txt', 'new\nline.txt', 'sp ace.txt', 'naïve.txt'];
    await writeTree(pristine, Object.fromEntries(names.map((n) => [n, 'old\n'])));
    await cp(pristine, work, { recursive: true });
    for (const n of names) await writeFile(join(work, n), `new ${n}\n`);
    const diff = await unifiedDiff((await compareTrees(pristine, work, [])).changes);
    const patch = join(await tempDir(), 'changes.diff');
    await writeFile(patch, diff);
    execFileSync('git', ['apply', patch], { cwd: pristine });
    expect((await compareTrees(pristine, work, [])).changes).toEqual([]);
  });
});
