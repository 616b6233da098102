// Reads only the FIRST entry of a .tar.gz (where the manifest lives), without the tar library:
// `list` and `show` then start without loading it. Reads one 512-byte header (plus one pax
// header if present) and the entry's body, then stops decompressing. Everything after the
// first entry is left to the full, tar-based scan of extract.ts.

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { messageOf } from '../errors.js';
import { bundleError, checkGzipMagic } from './tar-walk.js';

export interface EntryHeader {
  path: string;
  type: string; // tar's names: File, Directory, SymbolicLink, …
  mode: number;
  size: number;
}

const BLOCK = 512;
const TYPES: Record<string, string> = {
  '0': 'File', '\0': 'File', '7': 'ContiguousFile', '1': 'Link', '2': 'SymbolicLink',
  '3': 'CharacterDevice', '4': 'BlockDevice', '5': 'Directory', '6': 'FIFO',
};
const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  if ((block[start] ?? 0) & 0x80) return Number.MAX_SAFE_INTEGER; // base-256: far over any cap
  const value = text(block, start, length).trim();
  return value === '' ? 0 : Number.parseInt(value, 8);
}

function checksumOk(block: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
  return sum === octal(block, 148, 8);
}

function parseHeader(block: Buffer, paxPath: string | undefined): EntryHeader {
  if (!checksumOk(block)) throw bundleError('bundle is not a valid tar archive (bad header checksum); nothing was extracted');
  const name = text(block, 0, 100);
  const prefix = block.toString('latin1', 257, 262) === 'ustar' ? text(block, 345, 155) : '';
  const flag = String.fromCharCode(block[156] ?? 0);
  return {
    path: paxPath ?? (prefix ? `${prefix}/${name}` : name),
    type: TYPES[flag] ?? `'${flag}'`,
    mode: octal(block, 100, 8),
    size: octal(block, 124, 12),
  };
}

function paxPathOf(body: Buffer): string | undefined {
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
  return match?.[1];
}

type Step = { need: number } | { header: EntryHeader; bodyAt: number } | null;

/** What the bytes so far say: more is needed, the first header is known, or the archive is empty. */
function step(buf: Buffer): Step {
  if (buf.length < BLOCK) return { need: BLOCK };
  const first = buf.subarray(0, BLOCK);
  if (first.every((b) => b === 0)) return null;
  if (first[156] !== 0x78 /* 'x': pax extended header */) return { header: parseHeader(first, undefined), bodyAt: BLOCK };
  if (!checksumOk(first)) throw bundleError('bundle is not a valid tar archive (bad header checksum); nothing was extracted');
  const paxSize = octal(first, 124, 12);
  if (paxSize > 64 * 1024) throw bundleError('bundle is not a valid tar archive (oversized pax header); nothing was extracted');
  const next = BLOCK + padded(paxSize);
  if (buf.length < next + BLOCK) return { need: next + BLOCK };
  const header = parseHeader(buf.subarray(next, next + BLOCK), paxPathOf(buf.subarray(BLOCK, BLOCK + paxSize)));
  return { header, bodyAt: next + BLOCK };
}

/**
 * The first entry's header and body. `judge` sees the header before the body is read and
 * throws to refuse it (wrong name, unsafe, too large). Null for an empty archive.
 */
export async function readFirstEntry(file: string, judge: (header: EntryHeader) => void): Promise<{ header: EntryHeader; body: Buffer } | null> {
  await checkGzipMagic(file);
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  const chunks: Buffer[] = [];
  let have = 0;
  let need = BLOCK;
  let found: { header: EntryHeader; bodyAt: number } | undefined;
  try {
    for await (const chunk of source.pipe(gunzip)) {
      chunks.push(chunk as Buffer);
      have += (chunk as Buffer).length;
      if (have < need) continue;
      const buf = Buffer.concat(chunks);
      if (found) return { header: found.header, body: buf.subarray(found.bodyAt, need) };
      const next = step(buf);
      if (next === null) return null;
      if ('need' in next) need = next.need;
      else {
        judge(next.header);
        found = next;
        need = next.bodyAt + next.header.size;
        if (have >= need) return { header: next.header, body: buf.subarray(next.bodyAt, need) };
      }
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'CabError') throw error;
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw bundleError(`bundle is truncated or corrupt (gzip: ${messageOf(error)}); nothing was extracted`, error);
    throw bundleError(`cannot read bundle ${file}: ${messageOf(error)}`, error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (have === 0) return null;
  throw bundleError('bundle is truncated (it ends inside its first entry); nothing was extracted');
}
