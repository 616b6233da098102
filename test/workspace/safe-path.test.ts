import { chmod, link, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PathError, resolveInside, type PathMode } from '../../src/workspace/safe-path.js';
import { writeFileAtomic } from '../../src/workspace/fs-safe.js';
import { tempDir, writeTree } from './fixtures.js';

let root = '';
let outside = '';

beforeAll(async () => {
  root = await tempDir();
  outside = await tempDir('cab-outside-');
  await writeTree(root, { 'src/main.rs': 'fn main() {}\n', 'README.md': '# hi\n', '.git/config': '[core]\n', '.GIT/config': 'x' });
  await writeFile(join(outside, 'secret.txt'), 'outside\n');
  await symlink(outside, join(root, 'linkdir')); // symlink to a folder outside
  await symlink(join(outside, 'secret.txt'), join(root, 'link.txt')); // symlink as the final component
  await symlink('README.md', join(root, 'inner-link.md')); // even a link that stays inside is refused
  await link(join(outside, 'secret.txt'), join(root, 'hard.txt')); // hard link to a file outside
  await mkdir(join(root, 'src', 'nested'), { recursive: true });
  await symlink(join(root, 'src'), join(root, 'innerdir')); // a folder link that stays inside
  await symlink(outside, join(root, 'src', 'nested', 'escape')); // deeper down
});

// [description, relative path, mode, expected: 'ok' (resolves to root/<path>) or a message fragment]
const TABLE: Array<[string, string, PathMode, string]> = [
  ['normal file, read', 'src/main.rs', 'read', 'ok'],
  ['normal file, write', 'src/main.rs', 'write', 'ok'],
  ['new file in new folders, write', 'src/new/dir/file.rs', 'write', 'ok'],
  ['./ prefix and doubled slashes', './src//main.rs', 'read', 'ok'],
  ['the root itself ("")', '', 'read', 'ok'],
  ['the root itself (".")', '.', 'read', 'ok'],
  ['a folder', 'src/nested', 'read', 'ok'],
  ['absolute path', '/etc/passwd', 'read', 'absolute'],
  ['absolute path, write', '/tmp/x', 'write', 'absolute'],
  ['home-relative path', '~/x', 'read', 'absolute'],
  ['windows drive path', 'C:/x', 'read', 'absolute'],
  ['backslashes', 'src\\main.rs', 'read', 'separator'],
  ['plain ..', '..', 'read', "'..'"],
  ['.. at the start', '../x', 'write', "'..'"],
  ['.. that escapes after a folder', 'a/../../x', 'read', "'..'"],
  ['.. that would stay inside is still refused', 'src/../README.md', 'read', "'..'"],
  ['NUL byte', 'src/main.rs\0.txt', 'read', 'NUL'],
  ['symlink in the middle of the path', 'linkdir/secret.txt', 'read', 'symlink'],
  ['symlink in the middle of the path, write', 'linkdir/new.txt', 'write', 'symlink'],
  ['symlink as the final component, read', 'link.txt', 'read', 'symlink'],
  ['symlink as the final component, write', 'link.txt', 'write', 'symlink'],
  ['symlink pointing inside', 'inner-link.md', 'read', 'symlink'],
  ['.git/config read', '.git/config', 'read', '.git'],
  ['.git/config write', '.git/config', 'write', '.git'],
  ['.git itself', '.git', 'read', '.git'],
  ['nested .git', 'sub/.git/hooks/pre-commit', 'write', '.git'],
  // On case-insensitive file systems (macOS, Windows) .GIT *is* .git: refused everywhere.
  ['.GIT (case variant)', '.GIT/config', 'read', '.git'],
  ['.Git (case variant), write', '.Git/HEAD', 'write', '.git'],
  ['hard link to a file outside, read', 'hard.txt', 'read', 'hard-linked'],
  ['a file used as a folder', 'README.md/x', 'read', 'not a folder'],
  ['./.. (dot then ..)', './../x', 'read', "'..'"],
  ['.. hidden after a trailing slash', 'src/..', 'write', "'..'"],
  ['absolute path with ..', '/../../etc/shadow', 'write', 'absolute'],
  ['lower-case drive letter', 'c:foo', 'write', 'absolute'],
  ['~user path', '~root/.ssh/id_rsa', 'read', 'absolute'],
  ['backslash traversal', '..\\..\\x', 'write', 'separator'],
  ['NUL at the very start', '\0', 'write', 'NUL'],
  ['.git below a folder, write', 'src/.git/x', 'write', '.git'],
  ['.git below a folder, read', 'src/.git/config', 'read', '.git'],
  ['.git with a trailing dot (Windows drops it)', '.git./config', 'write', '.git'],
  ['.git with a trailing space (Windows drops it)', '.git /config', 'write', '.git'],
  ['.git with a zero-width joiner (macOS drops it)', '.g\u200cit/config', 'write', '.git'],
  ['.git as its 8.3 short name', 'GIT~1/config', 'write', '.git'],
  ['a symlinked folder in the middle, pointing inside', 'innerdir/main.rs', 'read', 'symlink'],
  ['a symlink to a folder as the final component', 'linkdir', 'read', 'symlink'],
  ['a symlink two levels down', 'src/nested/escape/x', 'write', 'symlink'],
  ['a name longer than 255 bytes', `${'a'.repeat(256)}.txt`, 'write', 'too long'],
  ['a path longer than 4000 bytes', `${'d/'.repeat(2100)}x`, 'write', 'too long'],
  ['.gitignore is an ordinary file', '.gitignore', 'write', 'ok'],
  ['.github is an ordinary folder', '.github/workflows/ci.yml', 'write', 'ok'],
  ['a name with spaces and unicode', 'docs/naïve file ü.md', 'write', 'ok'],
  ['a dotted name that is not ..', 'a/...', 'write', 'ok'],
];

describe('resolveInside: the one path guard', () => {
  it.each(TABLE)('%s (%j, %s)', async (_name, rel, mode, expected) => {
    const attempt = resolveInside(root, rel, mode);
    if (expected === 'ok') {
      const clean = rel.replace(/^\.\//, '').split('/').filter((s) => s !== '' && s !== '.');
      await expect(attempt).resolves.toBe(clean.length === 0 ? root : join(root, ...clean));
    } else {
      await expect(attempt).rejects.toBeInstanceOf(PathError);
      await expect(resolveInside(root, rel, mode)).rejects.toThrow(expected);
    }
  });

  it('allows writing over a hard-linked file (writes are temp + rename, so the link is replaced, not written through)', async () => {
    await expect(resolveInside(root, 'hard.txt', 'write')).resolves.toBe(join(root, 'hard.txt'));
  });

  it('refuses a FIFO as the final component (a read would block forever)', async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(root, 'pipe')]);
    await expect(resolveInside(root, 'pipe', 'read')).rejects.toThrow('not a regular file');
  });

  it('gives a message fit for the model (names the path, no stack noise)', async () => {
    const error = await resolveInside(root, '../../etc/passwd', 'read').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PathError);
    expect((error as Error).name).toBe('PathError');
    expect((error as Error).message).toContain('../../etc/passwd');
  });
});

describe('resolveInside: what gets through really stays inside', () => {
  it('a refused write leaves the outside file untouched (symlink, hard link, .git), an allowed one lands inside', async () => {
    const write = async (rel: string): Promise<string> => {
      const abs = await resolveInside(root, rel, 'write');
      await writeFileAtomic(abs, 'pwned\n');
      return abs;
    };
    await expect(write('linkdir/secret.txt')).rejects.toBeInstanceOf(PathError);
    await expect(write('link.txt')).rejects.toBeInstanceOf(PathError);
    await expect(write('.git/config')).rejects.toBeInstanceOf(PathError);
    expect(await write('hard.txt')).toBe(join(root, 'hard.txt')); // replaced, not written through
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('outside\n');
    expect(await readFile(join(root, '.git/config'), 'utf8')).toBe('[core]\n');
  });

  it('a hard link that stays inside is refused for reading too (nlink > 1, whoever the twin is)', async () => {
    await writeFile(join(root, 'twin-a.txt'), 'a');
    await link(join(root, 'twin-a.txt'), join(root, 'twin-b.txt'));
    await expect(resolveInside(root, 'twin-b.txt', 'read')).rejects.toThrow('hard-linked');
  });

  it('a folder the guard cannot enter is a PathError, not a crash (EACCES as non-root, or it resolves as root)', async () => {
    await mkdir(join(root, 'locked', 'inner'), { recursive: true });
    await chmod(join(root, 'locked'), 0o000);
    try {
      const attempt = await resolveInside(root, 'locked/inner/x', 'read').then((abs) => abs, (e: unknown) => e);
      if (process.getuid?.() === 0) expect(attempt).toBe(join(root, 'locked/inner/x'));
      else expect(attempt).toBeInstanceOf(PathError);
    } finally {
      await chmod(join(root, 'locked'), 0o755);
    }
  });

  it('refuses non-string input the model may send (malformed arguments)', async () => {
    for (const bad of [undefined, null, 42, ['a'], { path: 'a' }]) {
      await expect(resolveInside(root, bad as unknown as string, 'read')).rejects.toThrow('path must be a string');
    }
  });
});
