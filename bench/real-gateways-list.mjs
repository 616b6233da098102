// The real gateways bench/real-gateways.mjs puts in front of the scripted endpoint: how to start
// each (installed under GW_ROOT, default /tmp/gw, outside the repo) and which headers route a
// request through it. Install lines are at the top of bench/real-gateways.mjs.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const GW_ROOT = process.env.GW_ROOT ?? '/tmp/gw';

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`gateway at ${url} did not come up`);
}

function version(prefix, pkg) {
  const file = join(GW_ROOT, prefix, 'node_modules', pkg, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

async function startNode(args, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, args(port), { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  await waitFor(`http://127.0.0.1:${port}/`);
  return { url: `http://127.0.0.1:${port}/v1`, log: () => log, close: () => child.kill('SIGTERM') };
}

// An Express app as an API-management layer: needs an API key header of its own, proxies /v1.
const EXPRESS_APP = (lib) => `
import express from 'express';
${lib === 'hpm' ? "import { createProxyMiddleware } from 'http-proxy-middleware';" : "import proxy from 'express-http-proxy';"}
const app = express();
app.get('/', (_req, res) => res.send('ok'));
app.use('/v1', (req, res, next) => {
  if (req.get('x-apim-key') !== 'apim-secret-1234') return res.status(401).json({ error: 'Unauthorized', message: 'apim: missing or wrong x-apim-key' });
  next();
});
${
  lib === 'hpm'
    ? "app.use('/v1', createProxyMiddleware({ target: process.env.UPSTREAM + '/v1', changeOrigin: true }));"
    : "app.use('/v1', proxy(process.env.UPSTREAM, { proxyReqPathResolver: (req) => '/v1' + req.url }));"
}
app.listen(Number(process.env.PORT), '127.0.0.1');
`;

function expressGateway(lib, pkg) {
  return {
    name: lib,
    version: () => `${pkg}@${version('hpm', pkg)} express@${version('hpm', 'express')}`,
    installed: () => version('hpm', pkg) !== null,
    async start(upstream) {
      const file = join(GW_ROOT, 'hpm', `${lib}-server.mjs`);
      writeFileSync(file, EXPRESS_APP(lib));
      const gw = await startNode(() => [file], { UPSTREAM: upstream.replace(/\/v1$/, '') });
      return { ...gw, headers: ['X-Apim-Key: apim-secret-1234'], missing: [] };
    },
  };
}

export const GATEWAYS = [
  {
    name: 'portkey',
    version: () => `@portkey-ai/gateway@${version('portkey', '@portkey-ai/gateway')}`,
    installed: () => version('portkey', '@portkey-ai/gateway') !== null,
    async start(upstream) {
      const bin = join(GW_ROOT, 'portkey', 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js');
      const gw = await startNode((port) => [bin, `--port=${port}`, '--headless']);
      return { ...gw, headers: ['x-portkey-provider: openai', `x-portkey-custom-host: ${upstream}`], unknown: ['x-portkey-provider: no-such-provider', `x-portkey-custom-host: ${upstream}`] };
    },
    // its fault, not ours: every streamed call is a 500 (TypeError: immutable, appending to a fetch Response's headers)
    theirs: (name, line) => !name.endsWith('/no-stream') && /Something went wrong.*hint: no stream|streaming_error=.*Something went wrong/.test(line),
  },
  {
    name: 'llmops',
    version: () => `@llmops/gateway@${version('llmops', '@llmops/gateway')} (a Portkey fork; a library, served by @hono/node-server@${version('llmops', '@hono/node-server')})`,
    installed: () => version('llmops', '@llmops/gateway') !== null && version('llmops', '@hono/node-server') !== null,
    async start(upstream) {
      const file = join(GW_ROOT, 'llmops', 'serve.mjs');
      writeFileSync(file, "import { serve } from '@hono/node-server';\nimport app from '@llmops/gateway';\nserve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });\n");
      const gw = await startNode(() => [file]);
      return { ...gw, headers: ['x-llmops-provider: openai', `x-llmops-custom-host: ${upstream}`], unknown: ['x-llmops-provider: no-such-provider', `x-llmops-custom-host: ${upstream}`] };
    },
  },
  expressGateway('hpm', 'http-proxy-middleware'),
  expressGateway('ehp', 'express-http-proxy'),
];
