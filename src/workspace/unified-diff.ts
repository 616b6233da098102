// The agent's changes as one git-style unified diff (the `diff` package, loaded lazily so
// `--help` and `list` never pay for it). `git apply` accepts the text parts.

import type { FileChange } from './types.js';

function gitHeader(c: FileChange): string {
  const head = `diff --git a/${c.path} b/${c.path}\n`;
  if (c.kind === 'added') return `${head}new file mode 100644\n`;
  if (c.kind === 'removed') return `${head}deleted file mode 100644\n`;
  return head;
}

/** True when one side that should have text has none (binary, a link, or over the text cap). */
function textMissing(c: FileChange): boolean {
  return c.binary || (c.kind !== 'added' && c.before === null) || (c.kind !== 'removed' && c.after === null);
}

export async function unifiedDiff(changes: readonly FileChange[]): Promise<string> {
  if (changes.length === 0) return '';
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  const parts: string[] = [];
  for (const c of changes) {
    const a = c.kind === 'added' ? '/dev/null' : `a/${c.path}`;
    const b = c.kind === 'removed' ? '/dev/null' : `b/${c.path}`;
    if (textMissing(c)) {
      const why = c.binary ? 'Binary files' : 'Files (too large to show)';
      parts.push(`${gitHeader(c)}${why} ${a} and ${b} differ\n`);
      continue;
    }
    const patch = createTwoFilesPatch(a, b, c.before ?? '', c.after ?? '', undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
    parts.push(gitHeader(c) + patch);
  }
  return parts.join('');
}
