// The last ~2 KB of a process output, cut on a character boundary.

export const TAIL_BYTES = 2048;

export function tailText(text: string, maxBytes = TAIL_BYTES): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  // A cut through a multi-byte character leaves U+FFFD at the start: drop it.
  return bytes.subarray(bytes.length - maxBytes).toString('utf8').replace(/^\uFFFD+/, '');
}
