// Keeps the head and the tail of a stream within a byte cap, counting everything it was given.

export class HeadTailBuffer {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  total = 0;

  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    const half = Math.floor(this.cap / 2);
    if (this.headBytes < half) {
      const take = chunk.subarray(0, half - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes - (this.tail[0]?.length ?? 0) >= half && this.tail.length > 1) {
      this.tailBytes -= this.tail.shift()?.length ?? 0;
    }
  }

  text(): string {
    const head = Buffer.concat(this.head);
    let tail = Buffer.concat(this.tail);
    const half = Math.floor(this.cap / 2);
    if (tail.length > half) tail = tail.subarray(tail.length - half);
    const elided = this.total - head.length - tail.length;
    if (elided <= 0) return Buffer.concat([head, tail]).toString('utf8');
    return `${head.toString('utf8')}\n… [${elided} bytes elided] …\n${tail.toString('utf8')}`;
  }
}
