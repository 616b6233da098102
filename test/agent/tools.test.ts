// Hostile tool calls against a real temp workdir: every one is refused with a message the model
// can read, and nothing lands outside the workdir or under .git/.

import { existsSync } from 'node:fs';
import { link, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runTool } from '../../src/agent/run-tool.js';
import { toolsFor } from '../../src/agent/tools/registry.js';
import type { TaskSpec } from '../../src/bundle/task-spec.js';
import { tempDir } from '../helpers/temp.js';

let root = '';
let work = '';
let outside = '';

const task = { id: 'polyglot/t', test: ['python3', '-c', 'print("ran")'], verify: ['true'], verify_timeout_s: 30, ignore: [], protected: [] } as unknown as TaskSpec;
const tools = toolsFor({ shell: false });
const call = (name: string, args: unknown) => runTool(tools, name, typeof args === 'string' ? args : JSON.stringify(args), { workdir: work, task, signal: new AbortController().signal });

beforeEach(async () => {
  root = await tempDir('cab-tools-');
  work = join(root, 'work');
  outside = join(root, 'outside');
  await mkdir(join(work, 'src'), { recursive: true });
  await mkdir(join(work, '.git'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(work, 'src', 'a.py'), 'x = 1\nx = 1\n');
  await writeFile(join(work, '.git', 'config'), '[core]\n');
  await writeFile(join(outside, 'secret.txt'), 'outside secret\n');
});

describe('hostile tool paths are refused', () => {
  it.each([
    ['read_file', { path: '../outside/secret.txt' }, /'\.\.' is not allowed/],
    ['read_file', { path: '/etc/passwd' }, /absolute paths are not allowed/],
    ['read_file', { path: 'src/../../outside/secret.txt' }, /'\.\.' is not allowed/],
    ['read_file', { path: 'src/a.py\u0000.txt' }, /NUL/],
    ['read_file', { path: '.git/config' }, /\.git is off limits/],
    ['write_file', { path: '.git/hooks/pre-commit', content: 'evil' }, /\.git is off limits/],
    ['write_file', { path: '../escape.txt', content: 'x' }, /'\.\.' is not allowed/],
    ['edit_file', { path: '/tmp/x', old_string: 'a', new_string: 'b' }, /absolute paths/],
    ['list_files', { path: '..' }, /'\.\.' is not allowed/],
  ])('%s %j', async (name, args, message) => {
    const result = await call(name, args);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
    expect(existsSync(join(root, 'escape.txt'))).toBe(false);
    expect(existsSync(join(work, '.git', 'hooks'))).toBe(false);
  });

  it('a symlink to outside is not followed, for reading or writing', async () => {
    await symlink(outside, join(work, 'link'));
    await symlink(join(outside, 'secret.txt'), join(work, 'leak.txt'));
    for (const [name, args] of [
      ['read_file', { path: 'link/secret.txt' }],
      ['read_file', { path: 'leak.txt' }],
      ['write_file', { path: 'link/new.txt', content: 'x' }],
      ['write_file', { path: 'leak.txt', content: 'overwritten' }],
    ] as const) {
      const result = await call(name, args);
      expect(result.ok, `${name} ${JSON.stringify(args)}`).toBe(false);
      expect(result.output).toMatch(/symlink/);
    }
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('outside secret\n');
    expect(existsSync(join(outside, 'new.txt'))).toBe(false);
  });

  it('a hard link to a file outside is refused for reading', async () => {
    await link(join(outside, 'secret.txt'), join(work, 'hard.txt'));
    const result = await call('read_file', { path: 'hard.txt' });
    expect(result.ok).toBe(false);
    expect(result.output).not.toContain('outside secret');
  });

  it('a huge write is refused and writes nothing', async () => {
    const result = await call('write_file', { path: 'big.txt', content: 'x'.repeat(5 * 1024 * 1024) });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/limit/);
    expect(existsSync(join(work, 'big.txt'))).toBe(false);
  });
});

describe('malformed calls go back to the model as errors', () => {
  it.each([
    ['read_file', '{"path": ', /not valid JSON/],
    ['read_file', '[1, 2]', /must be a JSON object/],
    ['read_file', '{}', /missing required argument "path"/],
    ['read_file', '{"path": 7}', /must be a string/],
    ['no_such_tool', '{}', /unknown tool "no_such_tool"; available: list_files, read_file, write_file, edit_file, run_tests/],
    ['bash', '{"command": "id"}', /unknown tool "bash"/],
  ])('%s %s', async (name, raw, message) => {
    const result = await call(name, raw);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  });
});

describe('the tools do their job', () => {
  it('edit_file needs exactly one match', async () => {
    expect((await call('edit_file', { path: 'src/a.py', old_string: 'y = 2', new_string: 'z' })).output).toMatch(/not found/);
    expect((await call('edit_file', { path: 'src/a.py', old_string: 'x = 1', new_string: 'z' })).output).toMatch(/2 times|matches 2/);
    const ok = await call('edit_file', { path: 'src/a.py', old_string: 'x = 1\nx = 1', new_string: 'x = 2' });
    expect(ok.ok).toBe(true);
    expect(await readFile(join(work, 'src', 'a.py'), 'utf8')).toBe('x = 2\n');
  });

  it('write_file creates folders inside the workdir; list_files and read_file see the result', async () => {
    expect((await call('write_file', { path: 'pkg/deep/b.py', content: 'print(1)\n' })).ok).toBe(true);
    expect((await call('list_files', {})).output).toContain('pkg/deep/b.py');
    expect((await call('read_file', { path: 'pkg/deep/b.py' })).output).toContain('print(1)');
    expect((await call('list_files', {})).output).not.toContain('.git/config');
  });

  it("run_tests runs the task's own test argv and reports the exit code", async () => {
    const result = await call('run_tests', {});
    expect(result.output).toContain('ran');
    expect(result.output).toMatch(/exit code 0|exit 0/);
  });

  it('bash exists only with --shell', async () => {
    expect(toolsFor({ shell: false }).map((t) => t.name)).toEqual(['list_files', 'read_file', 'write_file', 'edit_file', 'run_tests']);
    expect(toolsFor({ shell: true }).map((t) => t.name)).toContain('bash');
  });
});
