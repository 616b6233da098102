// The interactive flow in a real pseudo-terminal (tmux): pick a task with the arrow keys, get the
// card and the command that reproduces the run; Ctrl-C at a prompt cancels cleanly with 130.

import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertBuilt, CLI } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { needs } from '../helpers/toolchains.js';

const tools = needs('tmux', 'cargo'); // the picked task is a Rust one
const sessions: string[] = [];

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

function screen(session: string): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-300', '-t', session);
}

async function waitFor(session: string, test: (text: string) => boolean, what: string, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen(session);
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function start(args: string): Promise<string> {
  assertBuilt();
  const cwd = await tempDir('cab-pty-');
  const session = `cab-test-${process.pid}-${sessions.length}`;
  sessions.push(session);
  const command = `cd ${cwd} && env -u CI -u GITHUB_ACTIONS -u NO_COLOR -u FORCE_COLOR -u CAB_KEY -u OPENAI_API_KEY ${process.execPath} ${CLI} ${args}; echo EXIT=$?; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', command);
  return session;
}

afterEach(() => {
  for (const s of sessions.splice(0)) spawnSync('tmux', ['kill-session', '-t', s]);
});

describe.skipIf(tools.missing)(`interactive check in a terminal${tools.reason}`, () => {
  it('picks category and task with the arrow keys and prints the card and the reproducing command', async () => {
    const session = await start('check --tui oracle');
    await waitFor(session, (t) => t.includes('Category'), 'the category prompt');
    const target = 'mutations';
    for (let i = 0; i < 5 && !/●\s*mutations/.test(screen(session)); i++) {
      tmux('send-keys', '-t', session, 'Down');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(screen(session)).toMatch(new RegExp(`●\\s*${target}`));
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, (t) => t.includes('Task'), 'the task prompt');
    for (let i = 0; i < 30 && !/●\s*mutations\/rust-error-negated/.test(screen(session)); i++) {
      tmux('send-keys', '-t', session, 'Down');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(screen(session)).toMatch(/●\s*mutations\/rust-error-negated/);
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, (t) => t.includes('with --tui oracle?'), 'the confirm prompt');
    tmux('send-keys', '-t', session, 'Enter');
    const text = await waitFor(session, (t) => /EXIT=\d+/.test(t), 'the run to finish', 180_000);
    expect(text).toContain('EXIT=0');
    expect(text).toContain('PROVISIONAL — not for citation');
    expect(text).toMatch(/Pass\s+1\.000/);
    expect(text).toContain('Reproduce without prompts:');
    expect(text).toContain('npx @codingagentbench/cli check --task mutations/rust-error-negated --tui oracle');
  }, 300_000);

  it('Ctrl-C at a prompt cancels and exits 130', async () => {
    const session = await start('check --tui oracle');
    await waitFor(session, (t) => t.includes('Category'), 'the category prompt');
    tmux('send-keys', '-t', session, 'C-c');
    const text = await waitFor(session, (t) => /EXIT=\d+/.test(t), 'the exit');
    expect(text).toContain('EXIT=130');
    expect(text).not.toMatch(/internal error|at .*\.mjs/);
  }, 120_000);
});
