// Globs of SPEC §5 "Details pinned": `*` within one segment, `**` across segments, `?` one
// character, a trailing `/` means everything under that folder. Paths are workdir-relative
// with `/` separators. `**/` also matches zero folders (`**/x` matches `x`).
//
// Why ours and not `picomatch`: the SPEC pins a smaller language than picomatch's, and the
// differences are the security-relevant ones. Here dotfiles match like any name (picomatch
// skips them unless `dot`), a trailing `/` means everything under the folder (picomatch has no
// such rule), and `[`, `{`, `!`, `(` are literal (picomatch reads classes, braces, negation and
// extglobs): a task author's `protected` glob means exactly what it says. 30 lines, table-tested.

const cache = new Map<string, RegExp>();

function escapeChar(ch: string): string {
  return /[\\^$.|+(){}[\]]/.test(ch) ? `\\${ch}` : ch;
}

function compileOne(glob: string): RegExp {
  // The trailing `/` stays in the pattern: `tests/**/` then means everything under tests/ at any
  // depth (zero folders included), like `tests/`.
  const pattern = glob.replace(/^\.\//, '');
  const folder = pattern.endsWith('/');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else {
      source += escapeChar(ch);
    }
  }
  // `s`: a newline in a file name is a character like any other (`.` would stop at it).
  return new RegExp(folder ? `^${source}.+$` : `^${source}$`, 's');
}

function regexFor(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    re = compileOne(glob);
    cache.set(glob, re);
  }
  return re;
}

export function matchesGlob(path: string, glob: string): boolean {
  return regexFor(glob).test(path);
}

export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => matchesGlob(path, glob));
}

/** True when everything under `folder` (relative, no trailing slash) is ignored by a folder glob. */
export function folderIgnored(folder: string, globs: readonly string[]): boolean {
  return globs.some((glob) => glob.endsWith('/') && regexFor(glob).test(`${folder}/\u0000`));
}
