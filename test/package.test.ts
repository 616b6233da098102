// The package promise: one bin, no runtime dependencies, one bundled file, the task bundle
// beside it, and a Node floor that matches what the bundle needs.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

describe('package.json', () => {
  it('has exactly one bin and no runtime dependencies', () => {
    expect(Object.keys(pkg.bin)).toEqual(['codingagentbench']);
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.type).toBe('module');
    expect(pkg.engines.node).toBe('>=20.18.1'); // undici 7's floor
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/cli.mjs', 'dist/tasks.tar.gz']));
  });
});

describe('the built bundle', () => {
  it('is a single ESM file with a shebang that imports nothing but node built-ins', () => {
    const dist = readdirSync(new URL('dist/', root)).sort();
    expect(dist).toEqual(['cli.mjs', 'tasks.tar.gz']);
    const code = readFileSync(new URL('dist/cli.mjs', root), 'utf8');
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const imported = [...code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !name?.startsWith('node:') && !builtinModules.includes(name ?? ''))).toEqual([]);
    expect(code).not.toMatch(/require\(["'](undici|tar|diff|picocolors|@clack\/prompts)["']\)/);
  });

  it('ships a task bundle under 1 MB', () => {
    expect(statSync(new URL('dist/tasks.tar.gz', root)).size).toBeLessThan(1_000_000);
  });
});
