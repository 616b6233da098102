// Downloads against real loopback servers: https with a self-signed certificate made by
// openssl at test time (trusted through the injectable `ca` option only), and plain http
// with allowHttp. The cache is a temp folder.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/bundle/manifest.js';
import { resolveBundle, type ResolveOptions } from '../../src/bundle/locate.js';
import { bundleParts, gzipOf, tarOf, taskFiles, tempDir } from '../helpers/tar-fixtures.js';
import { tempDirSync } from '../helpers/temp.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  base: string;
  hits: string[];
  routes: Map<string, Handler>;
  close(): Promise<void>;
}

async function startServer(tls: { key: string; cert: string } | null): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const hits: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    hits.push(req.url ?? '');
    const route = routes.get((req.url ?? '').split('?')[0] ?? '');
    if (route) route(req, res);
    else res.writeHead(404).end('not found');
  };
  const server: Server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    hits,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A self-signed certificate for 127.0.0.1, or null when openssl is missing or too old. */
function makeCert(): { key: string; cert: string } | null {
  const dir = tempDirSync('cab-cert-');
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tls = makeCert();

const BUNDLE = gzipOf(tarOf(bundleParts([{ id: 'cat/t1', files: taskFiles('cat/t1') }])));
const BUNDLE_SHA = createHash('sha256').update(BUNDLE).digest('hex');
const serve = (body: Buffer): Handler => (_req, res) => res.writeHead(200, { 'content-type': 'application/gzip' }).end(body);

let cacheDir: string;
let servers: TestServer[] = [];

beforeEach(async () => {
  cacheDir = await tempDir('cab-cache-');
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await rm(cacheDir, { recursive: true, force: true });
});

async function server(kind: 'https' | 'http'): Promise<TestServer> {
  const s = await startServer(kind === 'https' ? tls : null);
  servers.push(s);
  return s;
}

function opts(extra: Partial<ResolveOptions> = {}): ResolveOptions {
  return { cacheDir, allowHttp: true, ...(tls ? { ca: tls.cert } : {}), ...extra };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; hint?: string }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!error) throw new Error('expected a failure');
  return error as { code: string; message: string; hint?: string };
}

/** Nothing half-written in the cache: only finished bundles and the index. */
async function cacheFiles(): Promise<string[]> {
  return (await readdir(cacheDir).catch(() => [] as string[])).sort();
}

describe.runIf(tls !== null)('bundle download over https (self-signed, openssl)', () => {
  it('downloads with its own trust (injected CA), caches by sha256, keeps tokens off disk', async () => {
    const s = await server('https');
    s.routes.set('/tasks.tar.gz', serve(BUNDLE));
    const path = await resolveBundle(`${s.base}/tasks.tar.gz?token=secret123`, opts({ allowHttp: false }));
    expect(path).toBe(join(cacheDir, `${BUNDLE_SHA}.tar.gz`));
    expect(Buffer.compare(await readFile(path), BUNDLE)).toBe(0);
    expect((await readManifest(path)).tasks[0]?.id).toBe('cat/t1');
    expect(await cacheFiles()).toEqual([`${BUNDLE_SHA}.tar.gz`, 'index.json']);
    expect(await readFile(join(cacheDir, 'index.json'), 'utf8')).not.toMatch(/secret123|127\.0\.0\.1/);
  });

  it('does not trust a self-signed server without the CA (no global trust changes)', async () => {
    const s = await server('https');
    s.routes.set('/tasks.tar.gz', serve(BUNDLE));
    const error = await failure(resolveBundle(`${s.base}/tasks.tar.gz`, { cacheDir }));
    expect(error.code).toBe('bundle');
    expect(error.message).toMatch(/cannot download bundle from https:\/\/127\.0\.0\.1:\d+\/tasks\.tar\.gz/);
    expect(await cacheFiles()).toEqual([]);
  });

  it('refuses a redirect from https to http', async () => {
    const plain = await server('http');
    plain.routes.set('/b.tar.gz', serve(BUNDLE));
    const s = await server('https');
    s.routes.set('/tasks.tar.gz', (_req, res) => res.writeHead(302, { location: `${plain.base}/b.tar.gz` }).end());
    const error = await failure(resolveBundle(`${s.base}/tasks.tar.gz`, opts({ allowHttp: false })));
    expect(error).toMatchObject({ code: 'bundle', message: /only https is allowed/ });
    expect(plain.hits).toEqual([]);
  });
});

describe('bundle download: cache, caps, errors (http with allowHttp)', () => {
  it('reuses the cached bundle offline (server stopped)', async () => {
    const s = await server('http');
    s.routes.set('/tasks.tar.gz', serve(BUNDLE));
    const url = `${s.base}/tasks.tar.gz`;
    const first = await resolveBundle(url, opts());
    await s.close();
    servers = [];
    expect(await resolveBundle(url, opts())).toBe(first);
  });

  it('a pinned --sha256 already in the cache needs no network at all', async () => {
    const s = await server('http');
    s.routes.set('/tasks.tar.gz', serve(BUNDLE));
    await resolveBundle(`${s.base}/tasks.tar.gz`, opts());
    const path = await resolveBundle(`${s.base}/elsewhere.tar.gz`, opts({ sha256: BUNDLE_SHA.toUpperCase() }));
    expect(path).toBe(join(cacheDir, `${BUNDLE_SHA}.tar.gz`));
    expect(s.hits).toEqual(['/tasks.tar.gz']);
  });

  it('detects a corrupt cache entry, removes it and fetches again', async () => {
    const s = await server('http');
    s.routes.set('/tasks.tar.gz', serve(BUNDLE));
    const url = `${s.base}/tasks.tar.gz`;
    const path = await resolveBundle(url, opts());
    await writeFile(path, Buffer.concat([BUNDLE.subarray(0, 100), Buffer.from('garbage')]));
    expect(await resolveBundle(url, opts())).toBe(path);
    expect(s.hits).toHaveLength(2);
    expect(Buffer.compare(await readFile(path), BUNDLE)).toBe(0);
  });

  it('sha256 mismatch → CabError(checksum), nothing cached', async () => {
    const s = await server('http');
    s.routes.set('/tasks.tar.gz', serve(BUNDLE));
    const error = await failure(resolveBundle(`${s.base}/tasks.tar.gz`, opts({ sha256: 'a'.repeat(64) })));
    expect(error).toMatchObject({ code: 'checksum', message: new RegExp(`has sha256 ${BUNDLE_SHA}, expected a{64}`) });
    expect(await cacheFiles()).toEqual([]);
  });

  it('byte cap from Content-Length → CabError(bundle), nothing cached', async () => {
    const s = await server('http');
    s.routes.set('/tasks.tar.gz', serve(BUNDLE));
    const error = await failure(resolveBundle(`${s.base}/tasks.tar.gz`, opts({ maxBytes: 100 })));
    expect(error).toMatchObject({ code: 'bundle', message: /over the 100-byte cap/ });
    expect(await cacheFiles()).toEqual([]);
  });

  it('byte cap while streaming (no Content-Length) → CabError(bundle), temp removed', async () => {
    const s = await server('http');
    s.routes.set('/tasks.tar.gz', (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(16 * 1024, i));
      res.end();
    });
    const error = await failure(resolveBundle(`${s.base}/tasks.tar.gz`, opts({ maxBytes: 100_000 })));
    expect(error).toMatchObject({ code: 'bundle', message: /larger than the 100000-byte cap/ });
    expect(await cacheFiles()).toEqual([]);
  });

  it('HTTP 404 → CabError(bundle) naming the status', async () => {
    const s = await server('http');
    const error = await failure(resolveBundle(`${s.base}/missing.tar.gz`, opts()));
    expect(error).toMatchObject({ code: 'bundle', message: /HTTP 404/ });
    expect(error.hint).toMatch(/network/);
  });

  it('HTTP 500 after a redirect names the final URL', async () => {
    const s = await server('http');
    s.routes.set('/a', (_req, res) => res.writeHead(301, { location: '/b' }).end());
    s.routes.set('/b', (_req, res) => res.writeHead(500).end());
    const error = await failure(resolveBundle(`${s.base}/a`, opts()));
    expect(error.message).toMatch(/HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/b/);
  });

  it('follows redirects (relative and absolute)', async () => {
    const s = await server('http');
    s.routes.set('/one', (_req, res) => res.writeHead(302, { location: '/two' }).end());
    s.routes.set('/two', (_req, res) => res.writeHead(307, { location: `${s.base}/final.tar.gz` }).end());
    s.routes.set('/final.tar.gz', serve(BUNDLE));
    const path = await resolveBundle(`${s.base}/one`, opts());
    expect(Buffer.compare(await readFile(path), BUNDLE)).toBe(0);
    expect(s.hits).toEqual(['/one', '/two', '/final.tar.gz']);
  });

  it('stops after 5 redirects', async () => {
    const s = await server('http');
    s.routes.set('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const error = await failure(resolveBundle(`${s.base}/loop`, opts()));
    expect(error).toMatchObject({ code: 'bundle', message: /too many redirects/ });
    expect(s.hits).toHaveLength(6);
  });

  it('unreachable server → CabError(bundle) with a hint', async () => {
    const s = await server('http');
    const url = `${s.base}/tasks.tar.gz`;
    await s.close();
    servers = [];
    const error = await failure(resolveBundle(url, opts()));
    expect(error).toMatchObject({ code: 'bundle', message: /unreachable \(ECONNREFUSED\)/ });
    expect(error.hint).toMatch(/cache/);
  });

  it('a download that is not a bundle is rejected and not cached', async () => {
    const s = await server('http');
    s.routes.set('/tasks.tar.gz', serve(gzipOf(Buffer.from('<html>hello</html>'))));
    const error = await failure(resolveBundle(`${s.base}/tasks.tar.gz`, opts()));
    expect(error).toMatchObject({ code: 'bundle', message: /is not a task bundle/ });
    expect(await cacheFiles()).toEqual([]);
  });

  it('headers timeout → CabError(bundle)', async () => {
    const s = await server('http');
    s.routes.set('/slow', () => undefined);
    const error = await failure(resolveBundle(`${s.base}/slow`, opts({ timeouts: { headersMs: 200 } })));
    expect(error).toMatchObject({ code: 'bundle', message: /no response in time/ });
  });

  it('a stalled body → CabError(bundle), temp removed', async () => {
    const s = await server('http');
    s.routes.set('/stall', (_req, res) => {
      res.writeHead(200, { 'content-length': String(BUNDLE.length) });
      res.write(BUNDLE.subarray(0, 10));
    });
    const error = await failure(resolveBundle(`${s.base}/stall`, opts({ timeouts: { bodyMs: 200 } })));
    expect(error).toMatchObject({ code: 'bundle', message: /stalled/ });
    expect(await cacheFiles()).toEqual([]);
  });

  it('the total deadline covers everything', async () => {
    const s = await server('http');
    s.routes.set('/drip', (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const error = await failure(resolveBundle(`${s.base}/drip`, opts({ timeouts: { totalMs: 400 } })));
    expect(error).toMatchObject({ code: 'bundle', message: /took too long/ });
  });

  it('the caller\'s abort signal → CabError(interrupted)', async () => {
    const s = await server('http');
    s.routes.set('/slow', () => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(resolveBundle(`${s.base}/slow`, opts({ signal: controller.signal })));
    expect(error.code).toBe('interrupted');
    expect(await cacheFiles()).toEqual([]);
  });

  it('asks for no content encoding and hashes the bytes as received', async () => {
    const s = await server('http');
    let encoding: string | undefined;
    s.routes.set('/tasks.tar.gz', (req, res) => {
      encoding = req.headers['accept-encoding'];
      serve(BUNDLE)(req, res);
    });
    await resolveBundle(`${s.base}/tasks.tar.gz`, opts({ sha256: BUNDLE_SHA }));
    expect(encoding).toBe('identity');
  });
});
