// The allowlist view: a sandboxed command sees the system folders and the toolchains on PATH, a
// fresh empty HOME, and never this package, a bundle, our cache, or a hidden path inside a folder
// it is shown.

import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand, sandboxAvailable } from '../../src/workspace/exec.js';
import { cabCacheRoot, hidePath, packageRoot } from '../../src/workspace/hidden-paths.js';
import { SANDBOX_HOME } from '../../src/workspace/sandbox.js';
import { tempDir } from './fixtures.js';

const available = (await sandboxAvailable()) === 'bwrap';

describe.skipIf(!available)('allowlist sandbox', () => {
  const saved = process.env.XDG_CACHE_HOME;
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  });

  const boxed = async (script: string, extra: Partial<Parameters<typeof runCommand>[0]> = {}) =>
    runCommand({ argv: ['bash', '-c', script], cwd: await tempDir(), timeoutMs: 20_000, ...extra });

  it('HOME is a fresh empty folder; the real home shows only toolchain folders', async () => {
    await writeFile(join(homedir(), `.cab-visible-${process.pid}`), 'secret\n').catch(() => undefined);
    const r = await boxed(`echo "$HOME"; ls -A "$HOME" | wc -l; cat ${homedir()}/.cab-visible-${process.pid} 2>&1; ls -A ${homedir()} 2>/dev/null`);
    await rm(join(homedir(), `.cab-visible-${process.pid}`), { force: true });
    expect(r.sandbox).toBe('bwrap');
    const [home, count, ...rest] = r.stdout.trim().split('\n');
    expect(home).toBe(SANDBOX_HOME);
    expect(count).toBe('0');
    expect(rest.join('\n')).not.toContain('secret');
    for (const name of rest.slice(1)) expect(['.cargo', '.rustup', '.pyenv', '.nvm', '.local', 'go', 'sdk', '.sdkman']).toContain(name);
  });

  it('the toolchains on PATH still run with the new HOME', async () => {
    const r = await boxed('python3 -c "print(40+2)"; node -e "console.log(42)"; (command -v cargo >/dev/null && cargo --version >/dev/null && echo cargo-ok) || echo cargo-missing');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^42\n42\ncargo-(ok|missing)\n$/);
  });

  it("this package's folder (with its tasks.tar.gz) is covered, even where a PATH entry shows part of it", async () => {
    const root = packageRoot();
    expect(root).not.toBeNull();
    const r = await boxed(`ls -A ${root} | wc -l; test -e ${root}/dist/tasks.tar.gz && echo VISIBLE; find / -name tasks.tar.gz -not -path '/proc/*' 2>/dev/null`);
    expect(r.stdout.trim()).toBe('0');
  });

  it('a hidden folder or file inside a shown folder is covered; the shown folder stays readable', async () => {
    const shown = await tempDir('cab-shown-');
    await mkdir(join(shown, 'secret-dir'));
    await writeFile(join(shown, 'secret-dir', 'answer.txt'), 'ANSWER\n');
    await writeFile(join(shown, 'bundle.tar.gz'), 'BUNDLE\n');
    await writeFile(join(shown, 'plain.txt'), 'plain\n');
    hidePath(join(shown, 'bundle.tar.gz'));
    const r = await boxed(`cat ${shown}/plain.txt; cat ${shown}/secret-dir/answer.txt 2>&1; cat ${shown}/bundle.tar.gz; echo end`, { readOnly: [shown], hide: [join(shown, 'secret-dir')] });
    expect(r.stdout).toContain('plain');
    expect(r.stdout).not.toContain('ANSWER');
    expect(r.stdout).not.toContain('BUNDLE');
    expect(r.stdout).toContain('end');
  });

  it('our download cache is covered wherever it lives', async () => {
    const shown = await tempDir('cab-xdg-');
    process.env.XDG_CACHE_HOME = shown;
    await mkdir(join(cabCacheRoot(), 'bundles'), { recursive: true });
    await writeFile(join(cabCacheRoot(), 'bundles', 'x.tar.gz'), 'CACHED\n');
    const r = await boxed(`cat ${cabCacheRoot()}/bundles/x.tar.gz 2>&1; echo end`, { readOnly: [shown] });
    expect(existsSync(join(cabCacheRoot(), 'bundles', 'x.tar.gz'))).toBe(true);
    expect(r.stdout).not.toContain('CACHED');
  });

  it('sees only its own processes: no /proc/<pid>/environ of ours', async () => {
    const r = await boxed(`ls /proc | grep -E '^[0-9]+$' | wc -l; cat /proc/${process.pid}/environ 2>&1 | head -c 200; echo`);
    expect(Number(r.stdout.split('\n')[0])).toBeLessThan(6);
    expect(r.stdout).not.toContain('PATH=');
  });

  it('a working directory also named read-only stays read-only (a graded tree)', async () => {
    const graded = await tempDir('cab-graded-');
    await writeFile(join(graded, 'app.py'), 'ok\n');
    const r = await runCommand({ argv: ['bash', '-c', 'cat app.py; echo x > app.py; touch new.txt; echo end'], cwd: graded, timeoutMs: 20_000, readOnly: [graded] });
    expect(r.stdout).toBe('ok\nend\n');
    expect(r.stderr).toMatch(/Read-only file system/);
    expect(existsSync(join(graded, 'new.txt'))).toBe(false);
  });
});
