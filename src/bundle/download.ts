// Downloads a bundle over https (undici, its own Agent, never the global dispatcher) into the
// cache: streamed to a temp file with a byte cap and a running sha256, checked against the
// pinned hash and opened as a bundle, then renamed into place. Nothing half-written is ever
// left at a cache path. A cached bundle is reused without any network call.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CabError, isCabError, messageOf } from '../errors.js';
import { cachedBundle, cachedBundlePath, defaultCacheDir, rememberUrl } from './bundle-cache.js';
import { loadUndici } from '../llm/load-undici.js';
import { readManifest } from './manifest.js';

export interface DownloadTimeouts {
  connectMs: number;
  /** Until the response headers arrive. */
  headersMs: number;
  /** Longest silence while the body streams. */
  bodyMs: number;
  /** The whole download, redirects included. */
  totalMs: number;
}

export interface DownloadOptions {
  sha256?: string;
  allowHttp?: boolean;
  cacheDir?: string;
  signal?: AbortSignal;
  maxBytes?: number;
  maxRedirects?: number;
  timeouts?: Partial<DownloadTimeouts>;
  /** Trust these CA certificates instead of the system ones (self-signed servers, tests). */
  ca?: string | Buffer;
}

export const DOWNLOAD_DEFAULTS = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxRedirects: 5,
  timeouts: Object.freeze({ connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000, totalMs: 300_000 }),
});

const HINT = 'check the URL and your network; a bundle downloaded before is reused from the cache when offline';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The URL as shown in messages: no user info, no query (either may hold a token). */
export function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function downloadError(url: URL, reason: string, cause?: unknown): CabError {
  return new CabError('bundle', `cannot download bundle from ${shownUrl(url)}: ${reason}`, { hint: HINT, cause });
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'the server sent no response in time';
    case 'UND_ERR_BODY_TIMEOUT':
      return 'the download stalled';
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `server unreachable (${code})`;
    default:
      return typeof code === 'string' ? `${code}: ${messageOf(error)}` : messageOf(error);
  }
}

function checkScheme(url: URL, allowHttp: boolean, original: URL): void {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && allowHttp)) return;
  throw downloadError(original, `refusing ${url.protocol}// (redirected to ${shownUrl(url)}); only https is allowed`);
}

async function saveBody(body: Readable, temp: string, maxBytes: number, url: URL): Promise<string> {
  const hash = createHash('sha256');
  const out = await open(temp, 'wx', 0o644);
  let bytes = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        body.destroy();
        throw downloadError(url, `the bundle is larger than the ${maxBytes}-byte cap`);
      }
      hash.update(chunk);
      await out.write(chunk);
    }
  } finally {
    await out.close();
  }
  return hash.digest('hex');
}

/** GET with redirects followed by hand (so each hop's scheme is checked); returns the sha256. */
async function fetchToFile(url: URL, temp: string, opts: DownloadOptions, signal: AbortSignal): Promise<string> {
  const { Agent, request } = await loadUndici();
  const t = { ...DOWNLOAD_DEFAULTS.timeouts, ...opts.timeouts };
  const maxBytes = opts.maxBytes ?? DOWNLOAD_DEFAULTS.maxBytes;
  const agent = new Agent({
    connect: { timeout: t.connectMs, ...(opts.ca === undefined ? {} : { ca: opts.ca }) },
    headersTimeout: t.headersMs,
    bodyTimeout: t.bodyMs,
  });
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      checkScheme(current, opts.allowHttp ?? false, url);
      const res = await request(current, {
        dispatcher: agent,
        method: 'GET',
        signal,
        headers: { 'accept-encoding': 'identity', 'user-agent': 'codingagentbench-cli' },
      });
      if (REDIRECTS.has(res.statusCode)) {
        await res.body.dump();
        const location = res.headers.location;
        if (typeof location !== 'string') throw downloadError(url, `HTTP ${res.statusCode} without a Location header`);
        if (hop >= (opts.maxRedirects ?? DOWNLOAD_DEFAULTS.maxRedirects)) throw downloadError(url, 'too many redirects');
        current = new URL(location, current);
        continue;
      }
      if (res.statusCode !== 200) {
        await res.body.dump();
        throw downloadError(url, `HTTP ${res.statusCode}${current === url ? '' : ` from ${shownUrl(current)}`}`);
      }
      const declared = Number(res.headers['content-length']);
      if (declared > maxBytes) {
        res.body.destroy();
        throw downloadError(url, `the bundle is ${declared} bytes, over the ${maxBytes}-byte cap`);
      }
      return await saveBody(res.body, temp, maxBytes, url);
    }
  } finally {
    await agent.destroy();
  }
}

function parseUrl(spec: string): URL {
  try {
    return new URL(spec);
  } catch (error) {
    throw new CabError('usage', `not a valid bundle URL: ${spec}`, { hint: 'pass a local path or an https:// URL', cause: error });
  }
}

export async function downloadBundle(spec: string, opts: DownloadOptions = {}): Promise<string> {
  const url = parseUrl(spec);
  const cacheDir = opts.cacheDir ?? defaultCacheDir();
  const expected = opts.sha256?.toLowerCase();
  const cached = await cachedBundle(cacheDir, url.href, expected);
  if (cached) return cached;

  await mkdir(cacheDir, { recursive: true });
  const temp = join(cacheDir, `.download-${randomBytes(6).toString('hex')}.part`);
  const timeout = AbortSignal.timeout(opts.timeouts?.totalMs ?? DOWNLOAD_DEFAULTS.timeouts.totalMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const sha256 = await fetchToFile(url, temp, opts, signal).catch((error: unknown) => {
      if (isCabError(error)) throw error;
      if (opts.signal?.aborted) throw new CabError('interrupted', 'bundle download cancelled', { cause: error });
      throw downloadError(url, timeout.aborted ? 'the download took too long' : reasonOf(error), error);
    });
    if (expected && sha256 !== expected) {
      throw new CabError('checksum', `bundle from ${shownUrl(url)} has sha256 ${sha256}, expected ${expected}`, {
        hint: 'the file changed on the server or was tampered with; check the URL and the --sha256 value',
      });
    }
    await readManifest(temp).catch((error: unknown) => {
      throw new CabError('bundle', `${shownUrl(url)} is not a task bundle: ${messageOf(error)}`, { hint: HINT, cause: error });
    });
    const final = cachedBundlePath(cacheDir, sha256);
    await rename(temp, final);
    await rememberUrl(cacheDir, url.href, sha256);
    return final;
  } finally {
    await rm(temp, { force: true });
  }
}
