// Cutting byte buffers without splitting a UTF-8 character (caps on reads and process output).

/** Length of `buf` without a UTF-8 character cut off at its end. */
export function wholeCharsLength(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, buf.length); back++) {
    const byte = buf[buf.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/** How many bytes at the start of `buf` finish a character begun before it (0–3). */
export function continuationPrefix(buf: Uint8Array): number {
  let n = 0;
  while (n < buf.length && n < 3 && ((buf[n] as number) & 0xc0) === 0x80) n++;
  return n;
}
