// Streams a .tar.gz entry by entry, judging every entry (entry-check.ts) and metering the
// decompressed stream (ratio, total). Gunzip is ours, not tar's, so that the metering sees
// every byte — also zero padding after the end-of-archive marker. Any problem settles the
// walk with a CabError('bundle') and tears the streams down; nothing is ever thrown from
// inside a stream callback.

import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Parser, ReadEntry } from 'tar';
import { CabError, isCabError, messageOf } from '../errors.js';
import { createEntryChecker, type SafeEntry } from './entry-check.js';
import type { ExtractLimits } from './limits.js';

export interface WalkControl {
  /** Aborted when the walk fails: in-flight work must stop (e.g. destroy write streams). */
  readonly signal: AbortSignal;
  /** Work the walk waits for before it settles; a rejection fails the walk. */
  track(work: Promise<unknown>): void;
  /** Ends the walk early and successfully (reads no further). */
  stop(): void;
  /** Ends the walk with this error (for failures inside body event handlers). */
  fail(error: unknown): void;
}

/** Must consume `body` (resume it or pipe it somewhere), or the walk stalls. */
export type EntryVisitor = (entry: SafeEntry, body: ReadEntry, control: WalkControl) => void;

const RATIO_FLOOR_BYTES = 1024 * 1024;
const FRAMING_BYTES_PER_ENTRY = 4096;
const HINT = 'the bundle is damaged or not a task bundle; download it again or rebuild it with `codingagentbench bundle`';

export function bundleError(message: string, cause?: unknown): CabError {
  return new CabError('bundle', message, { hint: HINT, cause });
}

/** Empty file and not-gzip are told apart before any streaming. */
export async function checkGzipMagic(file: string): Promise<void> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw bundleError(`cannot read bundle ${file}: ${messageOf(error)}`, error);
  });
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    if (bytesRead === 0) throw bundleError(`bundle ${file} is an empty file`);
    if (bytesRead < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
      throw bundleError(`bundle ${file} is not a gzip file (expected a .tar.gz)`);
    }
  } finally {
    await handle.close();
  }
}

/** Counts decompressed bytes; refuses bombs and a nested compressed stream. */
class StreamMeter extends Transform {
  bytes = 0;
  discard = false;

  constructor(
    private readonly limits: ExtractLimits,
    private readonly compressed: () => number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.bytes === 0 && chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
      done(bundleError('the bundle is compressed twice (a gzip stream inside the gzip stream)'));
      return;
    }
    this.bytes += chunk.length;
    const cap = this.limits.maxTotalBytes + (this.limits.maxEntries + 16) * FRAMING_BYTES_PER_ENTRY;
    if (this.bytes > cap) {
      done(bundleError(`unsafe bundle: more than ${cap} bytes once decompressed; nothing was extracted`));
      return;
    }
    const ratio = this.bytes / Math.max(1, this.compressed());
    if (this.bytes > RATIO_FLOOR_BYTES && ratio > this.limits.maxRatio) {
      done(bundleError(`unsafe bundle: decompression ratio over ${this.limits.maxRatio}x (a gzip bomb?); nothing was extracted`));
      return;
    }
    done(null, this.discard ? undefined : chunk);
  }
}

/** One walk: the stream chain, its settle-once outcome, and the work it waits for. */
class Walk {
  private readonly abort = new AbortController();
  private readonly tracked: Promise<unknown>[] = [];
  private readonly source: ReadStream;
  private readonly gunzip = createGunzip();
  private readonly meter: StreamMeter;
  private compressed = 0;
  private sawEof = false;
  private settled = false;
  readonly control: WalkControl;
  readonly done: Promise<void>;
  private finish!: (error?: unknown) => void;

  constructor(file: string, limits: ExtractLimits) {
    this.source = createReadStream(file);
    this.meter = new StreamMeter(limits, () => this.compressed);
    this.done = new Promise<void>((resolve, reject) => {
      this.finish = (error) => (error === undefined ? resolve() : reject(error));
    });
    this.control = {
      signal: this.abort.signal,
      track: (work) => {
        this.tracked.push(work);
        work.catch((error: unknown) => this.settle(error));
      },
      stop: () => this.settle(),
      fail: (error) => this.settle(error),
    };
  }

  /** Settles once: tears the streams down, waits for tracked work, then resolves or rejects. */
  settle(error?: unknown): void {
    if (this.settled) return;
    this.settled = true;
    if (error !== undefined) this.abort.abort();
    for (const stream of [this.source, this.gunzip, this.meter]) stream.destroy();
    void Promise.allSettled(this.tracked).then((results) => {
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      const problem = error ?? failed?.reason;
      if (problem === undefined) this.finish();
      else this.finish(isCabError(problem) ? problem : bundleError(`cannot read bundle: ${messageOf(problem)}`, problem));
    });
  }

  run(file: string, parser: Parser, check: (entry: ReadEntry) => SafeEntry, visit: EntryVisitor): Promise<void> {
    this.source.on('data', (chunk) => (this.compressed += chunk.length));
    this.source.on('error', (error) => this.settle(bundleError(`cannot read bundle ${file}: ${error.message}`, error)));
    this.gunzip.on('error', (error) => this.settle(bundleError(`bundle is truncated or corrupt (gzip: ${error.message}); nothing was extracted`, error)));
    this.meter.on('error', (error) => this.settle(error));
    parser.on('error', (error: Error) => this.settle(bundleError(`bundle is not a valid tar archive (${error.message}); nothing was extracted`, error)));
    parser.on('ignoredEntry', (body: ReadEntry) => {
      body.resume();
      this.settle(bundleError(`unsafe bundle: entry ${JSON.stringify(body.path)} has an unsupported type (${body.type}); nothing was extracted`));
    });
    parser.on('eof', () => {
      this.sawEof = true;
      this.meter.discard = true; // whatever follows the end marker is metered, never parsed
    });
    parser.on('entry', (body: ReadEntry) => this.onEntry(body, check, visit));
    parser.on('end', () => {
      this.settle(this.sawEof ? undefined : bundleError('bundle is truncated (no end-of-archive marker); nothing was extracted'));
    });
    this.source.pipe(this.gunzip).pipe(this.meter).pipe(parser as unknown as NodeJS.WritableStream);
    return this.done;
  }

  private onEntry(body: ReadEntry, check: (entry: ReadEntry) => SafeEntry, visit: EntryVisitor): void {
    if (this.settled) {
      body.resume();
      return;
    }
    try {
      visit(check(body), body, this.control);
    } catch (error) {
      body.resume();
      this.settle(error);
    }
  }
}

/**
 * Walks every entry of the .tar.gz in order; `visit` sees only entries that passed the checks.
 * Rejects with CabError('bundle') on the first problem (or with the visitor's own error).
 */
export async function walkTarball(file: string, limits: ExtractLimits, visit: EntryVisitor): Promise<void> {
  await checkGzipMagic(file);
  const { Parser } = await import('tar');
  const parser = new Parser({ strict: true, zstd: false });
  return new Walk(file, limits).run(file, parser, createEntryChecker(limits), visit);
}
