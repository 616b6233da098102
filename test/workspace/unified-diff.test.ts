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
});
