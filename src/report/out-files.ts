// What --out writes: result.json (the whole document) and, per cell, the unified diff of the
// agent's changes, the transcript and the trace. Everything passes the redactor first.

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Span } from '../agent/types.js';
import type { ChatMessage } from '../llm/types.js';
import { redactDeep, type Redactor } from '../redact.js';
import type { ResultDocument } from '../score/types.js';

export interface CellArtifacts {
  taskId: string;
  runIndex: number;
  diff: string;
  transcript: ChatMessage[];
  spans: Span[];
}

export function cellDir(outDir: string, taskId: string, runIndex: number): string {
  return join(outDir, ...taskId.split('/'), `run${runIndex}`);
}

async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

export async function writeResultDocument(outDir: string, doc: ResultDocument, redact: Redactor): Promise<string> {
  const path = join(outDir, 'result.json');
  await writeAtomic(path, `${JSON.stringify(redactDeep(doc, redact), null, 2)}\n`);
  return path;
}

export async function writeCellArtifacts(outDir: string, artifacts: CellArtifacts, redact: Redactor): Promise<void> {
  const dir = cellDir(outDir, artifacts.taskId, artifacts.runIndex);
  await writeAtomic(join(dir, 'diff.patch'), redact(artifacts.diff));
  await writeAtomic(join(dir, 'transcript.json'), `${JSON.stringify(redactDeep(artifacts.transcript, redact), null, 2)}\n`);
  await writeAtomic(join(dir, 'trace.json'), `${JSON.stringify(redactDeep(artifacts.spans, redact), null, 2)}\n`);
}

export function newRunId(date: Date): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${Math.random().toString(16).slice(2, 6)}`;
}
