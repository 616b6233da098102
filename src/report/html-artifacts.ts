// What the HTML report shows per cell besides the result: the diff and transcript saved beside
// result.json (cellDir), cut to a size budget so a 27-task run stays well under 1 MB.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatMessage } from '../llm/types.js';
import { cellDir } from './out-files.js';
import type { SourcedCell } from './run-sets.js';

export const PAGE_BUDGET = 720_000; // characters of diffs + transcripts + test output over the whole page
const CELL_CAP = 30_000; // and never more than this per cell
const DIFF_LINE_MARKUP = 26; // <span class="add">…</span> around a diff line

export interface Clipped {
  text: string;
  cut: number; // characters left out (0: whole)
  total: number;
}

export interface CellArtifactsView {
  diff: Clipped | null; // null: no diff.patch saved
  transcript: Array<{ role: string; text: string }> | null;
  transcriptCut: number; // characters left out of the transcript
  transcriptTotal: number;
}

/** Characters the text takes once HTML-escaped (`<` becomes four). */
function escapedLength(text: string, perLine: number): number {
  let extra = 0;
  for (const ch of text) extra += ch === '<' || ch === '>' ? 3 : ch === '&' ? 4 : ch === '"' ? 5 : ch === '\n' ? perLine : 0;
  return text.length + extra;
}

/** Head and tail of a text, the middle left out, within max characters once escaped for HTML
 * (plus `perLine` characters of markup per line, for the coloured diff). */
export function clip(text: string, budget: number, perLine = 0): Clipped {
  const escaped = escapedLength(text, perLine);
  if (escaped <= budget) return { text, cut: 0, total: text.length };
  const max = Math.floor(budget * (text.length / escaped));
  const head = Math.floor(max * 0.6);
  const tail = max - head;
  return { text: `${text.slice(0, head)}\n…\n${text.slice(text.length - tail)}`, cut: text.length - max, total: text.length };
}

function messageText(m: ChatMessage): string {
  const calls = m.role === 'assistant' && m.tool_calls ? m.tool_calls.map((c) => `→ ${c.name}(${c.arguments})`).join('\n') : '';
  const head = m.role === 'tool' ? `[${m.name}] ` : '';
  return `${head}${m.content ?? ''}${calls ? `${m.content ? '\n' : ''}${calls}` : ''}`;
}

/** Transcript messages, each clipped, the whole kept within max characters (first and last messages kept). */
function clipTranscript(messages: ChatMessage[], max: number): Pick<CellArtifactsView, 'transcript' | 'transcriptCut' | 'transcriptTotal'> {
  const texts = messages.map((m) => ({ role: m.role, text: messageText(m) }));
  const total = texts.reduce((s, t) => s + t.text.length, 0);
  const perMessage = Math.max(400, Math.floor(max / Math.max(1, texts.length)));
  const clipped = texts.map((t) => ({ role: t.role, text: clip(t.text, perMessage).text }));
  const kept = clipped.reduce((s, t) => s + t.text.length, 0);
  if (kept > max && clipped.length > 4) {
    const keep = Math.max(2, Math.floor(max / perMessage));
    const head = clipped.slice(0, Math.ceil(keep / 2));
    const tail = clipped.slice(clipped.length - Math.floor(keep / 2));
    const gap = { role: 'note', text: `${clipped.length - head.length - tail.length} messages left out` };
    const shown = [...head, gap, ...tail];
    return { transcript: shown, transcriptCut: total - shown.reduce((s, t) => s + t.text.length, 0), transcriptTotal: total };
  }
  return { transcript: clipped, transcriptCut: Math.max(0, total - kept), transcriptTotal: total };
}

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

export function budgetPerCell(cells: number): number {
  return Math.max(1_500, Math.min(CELL_CAP, Math.floor(PAGE_BUDGET / Math.max(1, cells))));
}

export async function loadArtifacts(entry: SourcedCell, budget: number): Promise<CellArtifactsView> {
  const dir = cellDir(entry.runDir, entry.cell.task_id, entry.cell.run_index);
  const diffText = await readText(join(dir, 'diff.patch'));
  const transcriptText = await readText(join(dir, 'transcript.json'));
  let messages: ChatMessage[] | null = null;
  try {
    const parsed: unknown = transcriptText === null ? null : JSON.parse(transcriptText);
    messages = Array.isArray(parsed) ? (parsed as ChatMessage[]) : null;
  } catch {
    messages = null; // an unreadable transcript is shown as missing
  }
  const diff = diffText === null ? null : clip(diffText, Math.floor(budget * 0.4), DIFF_LINE_MARKUP);
  const transcript = messages === null ? { transcript: null, transcriptCut: 0, transcriptTotal: 0 } : clipTranscript(messages, Math.floor(budget * 0.45));
  return { diff, ...transcript };
}
