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

/** Non-blank lines added by a change (whitespace-only edits of a line count as added). */
export function addedLines(before: string | null, after: string | null): string[] {
  return multisetAdded(splitLines(before), splitLines(after)).filter((line) => line.trim() !== '');
}
