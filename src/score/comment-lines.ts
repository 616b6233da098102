// Which lines of a source file carry a comment (whole-line, trailing, or inside a block),
// by language, from the file's extension. Quotes are tracked within a line so `"http://x"`
// or `"#fff"` are not comments; a first-line shebang is not a comment.

interface CommentSyntax {
  line: string[]; // line comment openers
  block: [string, string][]; // [open, close]
  quotes: string[];
  lineNeedsSpace?: boolean; // `#` only at a line start or after whitespace (`a#b` in YAML is not a comment)
}

const C_LIKE: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'", '`'] };
const RUST: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"'] }; // `'a` is a lifetime
const HASH: CommentSyntax = { line: ['#'], block: [], quotes: ['"', "'"], lineNeedsSpace: true };
const SQL: CommentSyntax = { line: ['--'], block: [['/*', '*/']], quotes: ["'", '"'] };
const LUA: CommentSyntax = { line: ['--'], block: [['--[[', ']]']], quotes: ["'", '"'] };
const HASKELL: CommentSyntax = { line: ['--'], block: [['{-', '-}']], quotes: ['"'] };
const MARKUP: CommentSyntax = { line: [], block: [['<!--', '-->']], quotes: [] };
const CSS: CommentSyntax = { line: [], block: [['/*', '*/']], quotes: ['"', "'"] };
const SCSS: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'"] };
const PHP: CommentSyntax = { line: ['//', '#'], block: [['/*', '*/']], quotes: ['"', "'"] };

const BY_EXTENSION: Record<string, CommentSyntax> = {};
function register(syntax: CommentSyntax, extensions: string): void {
  for (const ext of extensions.split(' ')) BY_EXTENSION[ext] = syntax;
}
register(C_LIKE, 'js mjs cjs jsx ts tsx mts cts java go c h cc cpp cxx hpp hh cs kt kts swift scala dart gradle groovy proto zig');
register(RUST, 'rs');
register(HASH, 'py pyi rb sh bash zsh fish yaml yml toml r pl pm cfg conf mk cmake tf dockerfile makefile gitignore');
register(SQL, 'sql');
register(LUA, 'lua');
register(HASKELL, 'hs elm');
register(MARKUP, 'html htm xhtml xml svg vue svelte md markdown');
register(CSS, 'css');
register(SCSS, 'scss less');
register(PHP, 'php');

/** The comment syntax of a file, or null for a language we do not know. */
export function commentSyntaxFor(path: string): CommentSyntax | null {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'makefile' || base === 'dockerfile' || base === 'cmakelists.txt' || base === '.gitignore') {
    return HASH;
  }
  if (/^requirements.*\.(txt|in)$/.test(base)) return HASH;
  const dot = base.lastIndexOf('.');
  return dot < 0 ? null : (BY_EXTENSION[base.slice(dot + 1)] ?? null);
}

function lineOpens(syntax: CommentSyntax, line: string, j: number): boolean {
  if (syntax.lineNeedsSpace && j > 0 && !/\s/.test(line[j - 1] ?? '')) return false;
  return syntax.line.some((token) => line.startsWith(token, j));
}

/** Scans one line; returns whether it carries a comment and the block closer still open after it. */
function scanLine(syntax: CommentSyntax, line: string, open: string | null): { comment: boolean; open: string | null } {
  let comment = open !== null;
  let quote: string | null = null;
  for (let j = 0; j < line.length; ) {
    if (open !== null) {
      const end = line.indexOf(open, j);
      if (end < 0) return { comment: true, open };
      j = end + open.length;
      open = null;
      continue;
    }
    const ch = line[j] ?? '';
    if (quote !== null) {
      if (ch === '\\') j += 2;
      else {
        if (ch === quote) quote = null;
        j++;
      }
      continue;
    }
    const block = syntax.block.find(([start]) => line.startsWith(start, j));
    if (block) {
      comment = true;
      open = block[1];
      j += block[0].length;
    } else if (lineOpens(syntax, line, j)) {
      return { comment: true, open: null };
    } else {
      if (syntax.quotes.includes(ch)) quote = ch;
      j++;
    }
  }
  return { comment, open };
}

/** The trimmed, non-blank lines of `text` that carry a comment. */
export function commentLines(path: string, text: string | null): string[] {
  const syntax = commentSyntaxFor(path);
  if (!syntax || !text) return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const found: string[] = [];
  let open: string | null = null;
  lines.forEach((line, i) => {
    if (i === 0 && line.startsWith('#!')) return;
    const scanned = scanLine(syntax, line, open);
    open = scanned.open;
    if (scanned.comment && line.trim() !== '') found.push(line.trim());
  });
  return found;
}
