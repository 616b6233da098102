// The package promise: one bin, no runtime dependencies, a tiny CommonJS bin, main.cjs beside it
// and the lazily loaded ES modules in dist/lazy/ (only node built-ins and each other imported), the task bundle, the version from package.json,
// and a Node floor that matches what the bundle needs.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const LIBS = /require\(["'](undici|tar|diff|picocolors|@clack\/prompts)["']\)/;

function importsOf(code: string, commonJs = false): string[] {
  const statics = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)].map((m) => m[1] ?? '');
  const dynamics = [...code.matchAll(/import\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? '');
  const requires = commonJs ? [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? '') : [];
  return [...statics, ...dynamics, ...requires];
}

describe('package.json', () => {
  it('has exactly one bin and no runtime dependencies', () => {
    expect(Object.keys(pkg.bin)).toEqual(['codingagentbench']);
    expect(pkg.bin.codingagentbench).toBe('dist/cli.cjs');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.type).toBe('module');
    expect(pkg.engines.node).toBe('>=20.18.1'); // undici 7's floor
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/*.cjs', 'dist/lazy/*.mjs', 'dist/tasks.tar.gz']));
  });
});

describe('the built package', () => {
  const top = readdirSync(new URL('dist/', root)).sort();
  const lazy = readdirSync(new URL('dist/lazy/', root)).sort();
  const files = [...top.filter((f) => f.endsWith('.cjs') || f.endsWith('.mjs')), ...lazy.filter((f) => f.endsWith('.mjs')).map((f) => `lazy/${f}`)];
  const outputs = (metafile: string): string[] =>
    Object.keys((JSON.parse(readFileSync(new URL(`dist/${metafile}`, root), 'utf8')) as { outputs: Record<string, unknown> }).outputs);

  it('is the bin, main.cjs, the lazy files and the task bundle (nothing stale)', () => {
    expect(top).toEqual(['cli.cjs', 'cli.mjs', 'lazy', 'main.cjs', 'metafile-cjs.json', 'metafile-esm.json', 'tasks.tar.gz']);
    expect(lazy.filter((f) => !f.endsWith('.mjs'))).toEqual(['metafile-esm.json']);
    expect(files.map((f) => `dist/${f}`).sort()).toEqual([...outputs('metafile-cjs.json'), ...outputs('metafile-esm.json'), ...outputs('lazy/metafile-esm.json')].sort());
  });

  it('has a tiny bin with a shebang; every file imports only node built-ins and files of the build', () => {
    const bin = readFileSync(new URL('dist/cli.cjs', root), 'utf8');
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bin.length).toBeLessThan(20_000);
    expect(bin).toContain('require("./main.cjs")');
    for (const file of files) {
      const code = readFileSync(new URL(`dist/${file}`, root), 'utf8');
      const outside = importsOf(code, file.endsWith('.cjs')).filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && !/^\.\/((lazy\/)?[\w.-]+\.mjs|main\.cjs|cli\.cjs)$/.test(name));
      expect(outside, file).toEqual([]);
      expect(code, file).not.toMatch(LIBS);
      const folder = file.startsWith('lazy/') ? 'lazy/' : '';
      for (const name of importsOf(code).filter((n) => n.startsWith('./'))) expect(files, `${file} → ${name}`).toContain(`${folder}${name.slice(2)}`);
    }
  });

  it('ships a task bundle under 1 MB', () => {
    expect(statSync(new URL('dist/tasks.tar.gz', root)).size).toBeLessThan(1_000_000);
  });

  it('node dist/cli.mjs (the path earlier versions documented) is the same CLI: it hands over to cli.cjs', async () => {
    const esm = readFileSync(new URL('dist/cli.mjs', root), 'utf8');
    expect(esm.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(esm.length).toBeLessThan(1_000);
    for (const args of [['--version'], ['list', '--json']]) {
      const viaEsm = spawnSync(process.execPath, [fileURLToPath(new URL('dist/cli.mjs', root)), ...args], { encoding: 'utf8' });
      const viaBin = await runCli(args);
      expect(viaEsm.status).toBe(0);
      expect(viaEsm.stdout).toBe(viaBin.stdout);
    }
    expect(spawnSync(process.execPath, [fileURLToPath(new URL('dist/cli.mjs', root)), '--version'], { encoding: 'utf8' }).stdout).toBe(`${pkg.version}\n`);
  });

  it('prints the version of package.json (built in at build time)', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${pkg.version}\n`);
    }
    expect((await runCli(['--help'])).stdout).toContain(`codingagentbench ${pkg.version} `);
  });

  // undici is CommonJS: from its chunk it is a default export only (llm/load-undici.ts).
  it('the undici chunk works from the built files (the HTTP client and the bundle download)', async () => {
    const chat = await runCli(['check', '--endpoint', 'http://127.0.0.1:9', '--model', 'm', '--task', 'polyglot/python-reverse-string', '--no-save', '--yes']);
    expect(chat.stderr).not.toMatch(/internal error/);
    expect(chat.code).toBe(3);
    const download = await runCli(['list', '--bundle', 'http://127.0.0.1:9/tasks.tar.gz', '--allow-http'], { env: { XDG_CACHE_HOME: '/nonexistent-cab-cache' } });
    expect(download.stderr).not.toMatch(/internal error/);
    expect(download.code).toBe(4);
  });
});
