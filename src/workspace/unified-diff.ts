// The agent's changes as one git-style unified diff (the `diff` package, loaded lazily).

import type { FileChange } from './types.js';

export async function unifiedDiff(changes: readonly FileChange[]): Promise<string> {
  if (changes.length === 0) return '';
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  const parts: string[] = [];
  for (const c of changes) {
    const a = c.kind === 'added' ? '/dev/null' : `a/${c.path}`;
    const b = c.kind === 'removed' ? '/dev/null' : `b/${c.path}`;
    const header = `diff --git a/${c.path} b/${c.path}\n`;
    if (c.binary || (c.kind !== 'added' && c.before === null) || (c.kind !== 'removed' && c.after === null)) {
      parts.push(`${header}${c.binary ? 'Binary files' : 'Large files'} ${a} and ${b} differ\n`);
      continue;
    }
    parts.push(header + createTwoFilesPatch(a, b, c.before ?? '', c.after ?? '', '', '', { headerOptions: FILE_HEADERS_ONLY }));
  }
  return parts.join('');
}
