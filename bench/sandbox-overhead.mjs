#!/usr/bin/env node
// `node bench/sandbox-overhead.mjs [--reps N]`: the start cost of one sandboxed command, the
// allowlist sandbox (src/workspace/sandbox.ts, as exec builds it) against the previous whole-root
// one (`--ro-bind / /`), and against no sandbox. Medians of N runs of `true`, in ms.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 40;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function loadSandbox() {
  const outdir = join(ROOT, 'bench', '.out');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'sandbox.mjs');
  await build({ entryPoints: [join(ROOT, 'src/workspace/sandbox.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href);
}

function time(argv) {
  const [cmd, ...args] = argv;
  spawnSync(cmd, args); // warm
  const runs = Array.from({ length: reps }, () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  });
  return median(runs);
}

const { sandboxPlan } = await loadSandbox();
const work = mkdtempSync(join(tmpdir(), 'cab-bench-sb-'));
const previous = ['bwrap', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp', '--bind', work, work,
  '--unshare-net', '--unshare-pid', '--unshare-ipc', '--die-with-parent', '--cap-drop', 'ALL', '--chdir', work, '--', 'true'];
const plan = await sandboxPlan(['true'], { cwd: work, writable: [], readable: [], hide: [ROOT] });
if (plan === null) throw new Error('bwrap is not usable here');
const results = { none_ms: time(['true']), previous_ms: time(previous), allowlist_ms: time(plan.argv), mounts: plan.argv.filter((a) => a.startsWith('--') && /bind|tmpfs|symlink/.test(a)).length };
results.added_ms = results.allowlist_ms - results.previous_ms;
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify(results, null, 2));
