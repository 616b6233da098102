// The agent's changes as one git-style unified diff (the `diff` package, loaded lazily so
// `--help` and `list` never pay for it). `git apply` accepts the text parts.

import type { FileChange } from './types.js';

const C_ESCAPES: Record<number, string> = { 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x22: '"', 0x5c: '\\' };

/**
 * A name as git (and the diff package, for the ---/+++ lines) writes it: C-quoted with octal
 * UTF-8 bytes when it holds anything but printable ASCII, as is otherwise. A file named
 * `x\n+++ b/y` can then not forge lines in our own headers either.
 */
function quoteName(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name)) return name;
  let body = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const escape = C_ESCAPES[byte];
    if (escape !== undefined) body += `\\${escape}`;
    else if (byte >= 0x20 && byte <= 0x7e) body += String.fromCharCode(byte);
    else body += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `"${body}"`;
}

function gitHeader(c: FileChange): string {
  const head = `diff --git ${quoteName(`a/${c.path}`)} ${quoteName(`b/${c.path}`)}\n`;
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
      parts.push(`${gitHeader(c)}${why} ${quoteName(a)} and ${quoteName(b)} differ\n`);
      continue;
    }
    // createTwoFilesPatch quotes the ---/+++ names itself (diff ≥ 9), the same way.
    const patch = createTwoFilesPatch(a, b, c.before ?? '', c.after ?? '', undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
    parts.push(gitHeader(c) + patch);
  }
  return parts.join('');
}
