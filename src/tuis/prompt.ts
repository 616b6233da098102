// The message an agent CLI gets: the same task text as the built-in loop's first user message
// (title, README.md, AGENTS.md, the test command), without our tool names — each CLI brings its
// own tools and system prompt.

import type { TaskSpec } from '../bundle/task-spec.js';
import { capHeadTail } from '../agent/cap.js';
import { AGENT_LIMITS } from '../agent/limits.js';
import { readTextCapped } from '../workspace/fs-safe.js';
import { resolveInside } from '../workspace/safe-path.js';

/** Longest prompt we put on a command line (Linux caps one argument at 128 KiB). */
export const MAX_PROMPT_CHARS = 100_000;

async function promptFile(workdir: string, rel: string): Promise<string | null> {
  try {
    const read = await readTextCapped(await resolveInside(workdir, rel, 'read'), AGENT_LIMITS.promptFileChars * 4);
    if (read.binary) return null;
    const text = capHeadTail(read.text, AGENT_LIMITS.promptFileChars).trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

function argvText(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export async function cliPrompt(task: TaskSpec, workdir: string): Promise<string> {
  const [readme, agents] = await Promise.all([promptFile(workdir, 'README.md'), promptFile(workdir, 'AGENTS.md')]);
  const parts = [`# Task: ${task.title}`];
  if (readme !== null) parts.push(`## README.md\n\n${readme}`);
  if (agents !== null) parts.push(`## AGENTS.md (working rules)\n\n${agents}`);
  parts.push(`## Tests\n\nRun the tests from the working directory with: ${argvText(task.test)}`);
  return capHeadTail(parts.join('\n\n'), MAX_PROMPT_CHARS);
}
