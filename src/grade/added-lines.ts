// The lines a change added, with their line numbers in the new text: a multiset difference, so a
// moved line is not "added" (as in score/line-diff.ts) and huge files cost linear time.

import { splitLines } from '../score/line-diff.js';

export interface AddedLine {
  line: number; // 1-based, in the new text
  text: string;
}

export function addedLineNumbers(before: string | null, after: string | null): AddedLine[] {
  const remaining = new Map<string, number>();
  for (const line of splitLines(before)) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const added: AddedLine[] = [];
  splitLines(after).forEach((text, i) => {
    const left = remaining.get(text) ?? 0;
    if (left > 0) remaining.set(text, left - 1);
    else if (text.trim() !== '') added.push({ line: i + 1, text });
  });
  return added;
}
