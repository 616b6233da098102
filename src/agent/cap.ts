// Cutting long text to head + tail with an elided count (mini-swe-agent style), so the model
// sees both how output started and how it ended.

/** Keep at most `max` characters: the head and the tail, with a note of what was cut between. */
export function capHeadTail(text: string, max: number, unit = 'characters'): string {
  if (text.length <= max) return text;
  const head = Math.floor(max * 0.4);
  const tail = max - head;
  const elided = text.length - head - tail;
  return `${text.slice(0, head)}\n[… ${elided} ${unit} elided …]\n${text.slice(text.length - tail)}`;
}

/** Keep at most the last `max` characters, with a note of what was cut before. */
export function capTail(text: string, max: number): string {
  if (text.length <= max) return text;
  const elided = text.length - max;
  return `[… ${elided} earlier characters elided …]\n${text.slice(text.length - max)}`;
}
