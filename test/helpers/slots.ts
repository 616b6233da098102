// A machine-wide limit on how many heavy runs (a whole `check`) happen at once, across vitest
// workers: a slot is a folder made with mkdir (atomic), holding the owner's pid. A slot whose
// owner is gone is taken over. CAB_TEST_SLOTS sets the count (default 2).

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Shared by every test file of the run; it lives in the run's private temp folder, removed at the end.
const ROOT = join(tmpdir(), 'test-slots');
const SLOTS = Math.max(1, Number(process.env['CAB_TEST_SLOTS'] ?? 2) || 2);
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const held = new Set<string>(); // tokens of the slots this process holds
let counter = 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stale(dir: string): Promise<boolean> {
  const text = await readFile(join(dir, 'owner'), 'utf8').catch(() => null);
  if (text === null) return false; // being created right now
  const [pid, token] = text.split(' ');
  return !alive(Number(pid)) || (Number(pid) === process.pid && !held.has(token ?? ''));
}

async function tryTake(i: number, token: string): Promise<string | null> {
  const dir = join(ROOT, `slot-${i}`);
  try {
    await mkdir(dir);
  } catch {
    if (await stale(dir)) await rm(dir, { recursive: true, force: true });
    return null;
  }
  held.add(token);
  await writeFile(join(dir, 'owner'), `${process.pid} ${token}`);
  return dir;
}

/** Runs `fn` while holding one of the slots. */
export async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(ROOT, { recursive: true });
  const token = `${Date.now()}-${counter++}`;
  let dir: string | null = null;
  while (dir === null) {
    for (let i = 0; i < SLOTS && dir === null; i++) dir = await tryTake(i, token);
    if (dir === null) await wait(100 + Math.random() * 150);
  }
  try {
    return await fn();
  } finally {
    held.delete(token);
    await rm(dir, { recursive: true, force: true });
  }
}
