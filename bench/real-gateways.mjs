#!/usr/bin/env node
// Real gateways from npm in front of the scripted endpoint (test/helpers/fake-endpoint.ts), driven
// through the built bin exactly as a user would. For discovery only: CI never runs it (the faults
// found are reproduced by test/helpers/gateway.ts in test/e2e/gateways*.test.ts).
//
// Install the gateways outside the repo (never into package.json), then build and run:
//   npm i --prefix /tmp/gw/portkey @portkey-ai/gateway
//   npm i --prefix /tmp/gw/llmops @llmops/gateway @hono/node-server
//   npm i --prefix /tmp/gw/hpm express http-proxy-middleware express-http-proxy
//   npm run build && node bench/real-gateways.mjs [gateway-name…] [--only scenario,…]
// GW_ROOT moves /tmp/gw. Prints one line per gateway × scenario: exit code, what came out, and
// whether it is what a user should get (ok), not (BAD), or the gateway's own known fault told to
// the user as it should be (GW). Exit 1 when any line is BAD.

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { GATEWAYS } from './real-gateways-list.mjs';
import { SCENARIOS } from './real-gateways-scenarios.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));

/** The test helpers (TypeScript) bundled next to this file, so their paths to dist/ still hold. */
async function loadHelpers() {
  mkdirSync(`${ROOT}bench/.out`, { recursive: true });
  const outfile = `${ROOT}bench/.out/helpers.mjs`;
  const contents = "export * from '../test/helpers/fake-endpoint.ts';\nexport * from '../test/helpers/task-fixture.ts';\nexport { removeTempDirs } from '../test/helpers/temp.ts';\n";
  await build({ stdin: { contents, resolveDir: `${ROOT}bench`, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(outfile);
}

export function runBin(args, env = {}, timeoutMs = 180_000) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr });
    });
  });
}

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const names = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--only');
const h = await loadHelpers();
const bundle = await h.buildBundle([h.PY_ADD]);
const ctx = { h, bundle, task: h.PY_ADD.id, runBin };
let bad = 0;
for (const gwDef of GATEWAYS.filter((g) => names.length === 0 || names.includes(g.name))) {
  if (!gwDef.installed()) {
    console.log(`${gwDef.name}: not installed under GW_ROOT, skipped`);
    continue;
  }
  console.log(`\n== ${gwDef.version()}`);
  for (const sc of SCENARIOS.filter((s) => only === null || only.includes(s.name))) {
    const fake = await h.startFakeEndpoint(sc.script(h));
    const gw = await gwDef.start(fake.url);
    if (sc.closeUpstream) await fake.close(); // the gateway's own error: its upstream is gone
    try {
      const r = await sc.run({ ...ctx, gw, fake });
      const theirs = !r.ok && gwDef.theirs?.(sc.name, r.line) === true; // the gateway's own known fault, told right
      if (!r.ok && !theirs) bad++;
      console.log(`${r.ok ? 'ok  ' : theirs ? 'GW  ' : 'BAD '} ${sc.name.padEnd(22)} ${r.line}`);
    } catch (err) {
      bad++;
      console.log(`BAD  ${sc.name.padEnd(22)} scenario crashed: ${err?.stack ?? err}`);
    } finally {
      gw.close();
      await fake.close();
    }
  }
}
await h.removeTempDirs();
console.log(`\n${bad} scenario(s) not as a user should get them`);
process.exitCode = bad === 0 ? 0 : 1;
