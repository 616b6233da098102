#!/usr/bin/env node
// `npm run bench`: start-up, package size, install, extraction, harness overhead and peak memory,
// each as a median of repeated runs and as a ratio to a baseline measured in the same run.
// `npm run bench -- --smoke` does one repetition and checks no threshold (CI runs it so it never rots).
// Prints a table and writes bench/results.json.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureGrading } from './grading.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.cjs');
const smoke = process.argv.includes('--smoke');
const reps = smoke ? 1 : Number(process.argv[process.argv.indexOf('--reps') + 1]) || 15;
const TASK = 'polyglot/python-reverse-string';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/KEY|TOKEN|SECRET|^CAB_|^OPENAI_|^CI$/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function timeOnce(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: cleanEnv(opts.env), cwd: opts.cwd ?? ROOT, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

function timeMedian(cmd, args, opts = {}) {
  timeOnce(cmd, args, opts); // warm the file cache
  return median(Array.from({ length: reps }, () => timeOnce(cmd, args, opts).ms));
}

const rssPreload = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cab-bench-rss-'));
  const file = join(dir, 'preload.mjs');
  writeFileSync(file, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CAB_BENCH_RSS_OUT, String(process.resourceUsage().maxRSS)));\n");
  return { dir, url: pathToFileURL(file).href, out: join(dir, 'rss.txt') };
};

function startup(results) {
  const base = timeMedian(process.execPath, ['-e', '0']);
  results.node_e0_ms = base;
  for (const [name, args] of [['help', ['--help']], ['version', ['--version']], ['list', ['list']]]) {
    const ms = timeMedian(process.execPath, [CLI, ...args]);
    results[`${name}_ms`] = ms;
    results[`${name}_ratio`] = ms / base;
  }
}

/** Node 22+ warm start: the compile cache filled by a first run, then the same three commands
 *  against that Node's own `node -e 0`. Uses $CAB_BENCH_NODE, else the Node 22 that
 *  .ci/node-versions.sh installs; skipped (no number) when neither is there. */
function warmStartNode22(results) {
  const node = process.env.CAB_BENCH_NODE ?? join(process.env.HOME ?? '', '.cache', 'cab-nodes', 'node22', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) return;
  const cache = mkdtempSync(join(tmpdir(), 'cab-bench-cc-'));
  try {
    const env = { XDG_CACHE_HOME: cache };
    results.warm_node = timeOnce(node, ['--version']).stdout.trim();
    const base = timeMedian(node, ['-e', '0']);
    results.warm_node_e0_ms = base;
    for (const [name, args] of [['help', ['--help']], ['version', ['--version']], ['list', ['list']]]) {
      timeOnce(node, [CLI, ...args], { env }); // fills the compile cache and the listing cache
      const ms = timeMedian(node, [CLI, ...args], { env });
      results[`warm_${name}_ratio`] = ms / base;
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function packageSize(results) {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' });
  const [info] = JSON.parse(r.stdout);
  results.packed_bytes = info.size;
  results.unpacked_bytes = info.unpackedSize;
  results.packed_files = info.entryCount;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  results.runtime_dependencies = Object.keys(pkg.dependencies ?? {}).length;
}

function installFirstRun(results) {
  const dir = mkdtempSync(join(tmpdir(), 'cab-bench-install-'));
  try {
    const pack = spawnSync('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
    const tgz = join(dir, JSON.parse(pack.stdout)[0].filename);
    const cache = join(dir, 'cache');
    const r = timeOnce('npx', ['--yes', '--cache', cache, '--package', tgz, 'codingagentbench', '--version'], { cwd: dir, env: { npm_config_update_notifier: 'false' } });
    results.install_first_run_ms = r.ms;
    const npxDir = join(cache, '_npx');
    const installs = existsSync(npxDir) ? readdirSync(npxDir) : [];
    results.packages_installed = installs.reduce((n, d) => n + (existsSync(join(npxDir, d, 'node_modules')) ? countPackages(join(npxDir, d, 'node_modules')) : 0), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function countPackages(nodeModules) {
  let n = 0;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) n += readdirSync(join(nodeModules, name)).length;
    else n += 1;
  }
  return n;
}

function extraction(results) {
  const times = Array.from({ length: reps }, () => {
    const r = timeOnce(process.execPath, [CLI, 'check', '--tui', 'none', '--task', TASK, '--json', '--no-save']);
    const cell = JSON.parse(r.stdout).results[0];
    return cell.spans.find((s) => s.kind === 'task_setup').duration_ms;
  });
  results.extract_task_ms = median(times);
}

async function fakeEndpoint() {
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'cab-bench-fake-'));
  const outfile = join(dir, 'fake-endpoint.mjs');
  await esbuild.build({ entryPoints: [join(ROOT, 'test', 'helpers', 'fake-endpoint.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return { mod: await import(pathToFileURL(outfile).href), dir };
}

function solveScript() {
  const solutionDir = join(ROOT, 'tasks-bundle', ...TASK.split('/'), 'solution');
  const files = [];
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), rel ? `${rel}/${e.name}` : e.name);
      else files.push({ path: rel ? `${rel}/${e.name}` : e.name, content: readFileSync(join(d, e.name), 'utf8') });
    }
  };
  walk(solutionDir, '');
  const steps = [{ reply: { tool_calls: [{ name: 'list_files', arguments: {} }] } }];
  for (const f of files) steps.push({ reply: { tool_calls: [{ name: 'read_file', arguments: { path: f.path } }] } });
  for (const f of files) steps.push({ reply: { tool_calls: [{ name: 'write_file', arguments: { path: f.path, content: f.content } }] } });
  steps.push({ reply: { tool_calls: [{ name: 'run_tests', arguments: {} }] } });
  steps.push({ reply: { content: 'Fixed the slice; tests pass.' } });
  return steps;
}

function runCheck(url, preload) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const args = ['--import', preload.url, CLI, 'check', '--task', TASK, '--endpoint', url, '--model', 'bench', '--json', '--no-save'];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: cleanEnv({ CAB_BENCH_RSS_OUT: preload.out }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) return reject(new Error(`check exited ${code}: ${err}`));
      resolve({ ms, doc: JSON.parse(out), rssKb: Number(readFileSync(preload.out, 'utf8')) });
    });
  });
}

async function harness(results) {
  const { mod, dir } = await fakeEndpoint();
  const preload = rssPreload();
  const perTurn = [];
  const perRun = [];
  const rss = [];
  try {
    for (let i = 0; i < Math.max(1, Math.min(reps, 7)); i++) {
      const server = await mod.startFakeEndpoint({ steps: solveScript() });
      try {
        const { ms, doc, rssKb } = await runCheck(server.url, preload);
        const cell = doc.results[0];
        if (cell.pass_rate.pass !== 1) throw new Error('the scripted solve did not pass');
        const toolMs = cell.spans.filter((s) => s.kind === 'tool_call').reduce((n, s) => n + s.duration_ms, 0);
        const gradeMs = cell.spans.filter((s) => s.kind === 'grading').reduce((n, s) => n + s.duration_ms, 0);
        const testsMs = cell.spans.filter((s) => s.kind === 'tool_call' && s.name.includes('run_tests')).reduce((n, s) => n + s.duration_ms, 0);
        const turns = cell.calls.length;
        perTurn.push((cell.latency.wall_clock_ms - cell.latency.model_call_ms - toolMs) / turns);
        perRun.push(ms - results.node_e0_ms - cell.latency.model_call_ms - gradeMs - testsMs);
        rss.push(rssKb / 1024);
        results.harness_turns = turns;
      } finally {
        await server.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(preload.dir, { recursive: true, force: true });
  }
  results.overhead_per_turn_ms = median(perTurn);
  results.overhead_per_run_ms = median(perRun);
  results.peak_rss_mb = Math.max(...rss);
}

const TARGETS = [
  ['help_ratio', '--help vs node -e 0', (v) => v <= 1.2, '≤ 1.2×'],
  ['version_ratio', '--version vs node -e 0', (v) => v <= 1.2, '≤ 1.2×'],
  ['list_ratio', 'list vs node -e 0', (v) => v <= 1.2, '≤ 1.2×'],
  ['warm_help_ratio', '--help, Node 22 warm', (v) => v === undefined || v <= 1.1, '≤ 1.1×'],
  ['warm_version_ratio', '--version, Node 22 warm', (v) => v === undefined || v <= 1.1, '≤ 1.1×'],
  ['warm_list_ratio', 'list, Node 22 warm', (v) => v === undefined || v <= 1.1, '≤ 1.1×'],
  ['packed_bytes', 'packed tarball', (v) => v <= 1_000_000, '≤ 1 MB'],
  ['packages_installed', 'packages npx installs', (v) => v === 1, '= 1'],
  ['install_first_run_ms', 'install + first run, empty cache', (v) => v <= 5000, '≤ 5 s'],
  ['overhead_per_turn_ms', 'harness overhead per turn', (v) => v <= 20, '≤ 20 ms'],
  ['overhead_per_run_ms', 'harness overhead per run', (v) => v <= 300, '≤ 300 ms'],
  ['peak_rss_mb', 'peak memory of check', (v) => v <= 150, '≤ 150 MB'],
  ['grading_overhead_ms', 'grading overhead on top of the tests', (v) => v <= 150, '≤ 150 ms'],
];

function fmt(key, v) {
  if (v === undefined || v === null) return '—';
  if (key.endsWith('_ratio')) return `${v.toFixed(2)}×`;
  if (key.endsWith('_bytes')) return `${(v / 1024).toFixed(0)} KiB`;
  if (key.endsWith('_mb')) return `${v.toFixed(1)} MB`;
  if (key.endsWith('_ms')) return `${v.toFixed(1)} ms`;
  return String(v);
}

async function main() {
  if (!existsSync(CLI)) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  const results = { node: process.version, reps, smoke, measured_at: new Date().toISOString() };
  startup(results);
  warmStartNode22(results);
  packageSize(results);
  installFirstRun(results);
  extraction(results);
  await harness(results);
  measureGrading(results, { cli: CLI, reps, env: cleanEnv() });
  const rows = Object.entries(results).filter(([k]) => !['node', 'reps', 'smoke', 'measured_at', 'warm_node'].includes(k));
  console.log(`codingagentbench bench — node ${results.node}${results.warm_node ? ` (warm start: ${results.warm_node})` : ''}, ${reps} repetition(s)${smoke ? ' (smoke: no thresholds)' : ''}\n`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(24)} ${fmt(k, v)}`);
  console.log('\ntargets');
  let missed = 0;
  for (const [key, label, ok, text] of TARGETS) {
    const met = ok(results[key]);
    if (!met) missed += 1;
    console.log(`  ${met ? 'met ' : 'MISS'}  ${label.padEnd(34)} ${fmt(key, results[key]).padStart(10)}  (target ${text})`);
  }
  results.targets_missed = missed;
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
