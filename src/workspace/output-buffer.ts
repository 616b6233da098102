// Keeps the head and the tail of a stream within a byte cap, counting everything it was given.
// Memory stays bounded (head + tail + one chunk) however much the process writes.

import { continuationPrefix, wholeCharsLength } from './utf8.js';

export const ELIDED_NOTE = (bytes: number): string => `\n… [${bytes} bytes elided] …\n`;

export class HeadTailBuffer {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private readonly tail: Buffer[] = [];
  private tailBytes = 0;
  private readonly half: number;
  total = 0;

  /** `cap` is the most bytes kept: half from the start, half from the end. */
  constructor(cap: number) {
    this.half = Math.max(1, Math.floor(cap / 2));
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.headBytes < this.half) {
      const take = chunk.subarray(0, this.half - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tail.length > 1 && this.tailBytes - (this.tail[0] as Buffer).length >= this.half) {
      this.tailBytes -= (this.tail.shift() as Buffer).length;
    }
  }

  text(): string {
    const head = Buffer.concat(this.head);
    let tail = Buffer.concat(this.tail);
    if (tail.length > this.half) tail = tail.subarray(tail.length - this.half);
    if (head.length + tail.length >= this.total) return Buffer.concat([head, tail]).toString('utf8');
    const headKept = head.subarray(0, wholeCharsLength(head));
    const tailKept = tail.subarray(continuationPrefix(tail));
    const elided = this.total - headKept.length - tailKept.length;
    return `${headKept.toString('utf8')}${ELIDED_NOTE(elided)}${tailKept.toString('utf8')}`;
  }
}
