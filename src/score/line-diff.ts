// Added lines without a diff library: the lines of `after` left over once every line of `before`
// has been matched by content (a multiset difference). A moved line is not "added"; a line
// that now appears one more time than before is.

export function splitLines(text: string | null): string[] {
  if (text === null || text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Items of `after` not matched one-for-one by an equal item of `before`, in `after` order. */
export function multisetAdded(before: readonly string[], after: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const item of before) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  const added: string[] = [];
  for (const item of after) {
    const left = remaining.get(item) ?? 0;
    if (left > 0) remaining.set(item, left - 1);
    else added.push(item);
  }
  return added;
}

export interface AddedLine {
  line: number; // 1-based, in the new text
  text: string;
}

/** Non-blank lines added by a change, with their line numbers (whitespace-only edits of a line count as added). */
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

/** Non-blank lines added by a change. */
export function addedLines(before: string | null, after: string | null): string[] {
  return addedLineNumbers(before, after).map((added) => added.text);
}
