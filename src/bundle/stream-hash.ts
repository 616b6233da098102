// The task checksum (task-hash.ts) computed from the archive stream itself, so that a task can be
// checked whole while only some of its parts are written (the agent's phase never gets solution/
// or grader/ on disk, yet a tampered solution still fails the extraction).

import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { compareBytes } from './task-hash.js';

export class StreamTaskHash {
  private readonly lines: string[] = [];

  /** A pass-through that hashes one file's bytes; the line is recorded when the file ends. */
  through(rel: string): Transform {
    const hash = createHash('sha256');
    const lines = this.lines;
    return new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done: TransformCallback) {
        lines.push(`${rel}\0${hash.digest('hex')}\n`);
        done();
      },
    });
  }

  get files(): number {
    return this.lines.length;
  }

  digest(): string {
    const outer = createHash('sha256');
    for (const line of [...this.lines].sort(compareBytes)) outer.update(line, 'utf8');
    return outer.digest('hex');
  }
}
