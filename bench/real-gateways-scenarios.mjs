// What bench/real-gateways.mjs tries against each gateway. A scenario scripts the endpoint, runs
// the built bin through the gateway, and says in one line what came out and whether a user should
// get that (ok) or not (BAD).

const KEY = 'sk-realgw-secret-4242';
const AGENTS = process.env.CAB_AGENTS_PATH ?? `${process.env.HOME}/.cache/cab-agents/node_modules/.bin`;
const SED = "sed -i 's/a - b/a + b/' src/app.py && python3 -m unittest discover -s tests -q";
const PATCH = ['*** Begin Patch', '*** Update File: src/app.py', '@@', ' def add(a, b):', '-    return a - b', '+    return a + b', '*** End Patch', ''].join('\n');
const FIX = 'def add(a, b):\n    return a + b\n';

function solve(h) {
  return [
    h.callTool('read_file', { path: 'src/app.py' }),
    h.callTool('edit_file', { path: 'src/app.py', old_string: 'a - b', new_string: 'a + b' }),
    h.callTool('run_tests', {}),
  ];
}

function check({ runBin, bundle, task, gw }, extra = [], headers = gw.headers) {
  const args = ['check', '--bundle', bundle, '--task', task, '--endpoint', gw.url, '--model', 'fake-model', '--json', '--no-save'];
  return runBin([...args, ...headers.flatMap((x) => ['--header', x]), ...extra], { CAB_KEY: KEY, CAB_AGENTS_PATH: AGENTS }, 300_000);
}

function lastWords(text) {
  return text.trim().split('\n').filter((l) => l.trim() !== '').slice(-2).join(' | ').slice(0, 220);
}

function leaked(run, gw) {
  const secrets = [KEY, ...gw.headers.map((x) => x.split(':').slice(1).join(':').trim()).filter((v) => v.length >= 12 && !v.startsWith('http'))];
  return secrets.some((s) => (run.stdout + run.stderr).includes(s));
}

function cell(run) {
  try {
    return JSON.parse(run.stdout).results[0];
  } catch {
    return null;
  }
}

/** A run that should pass: pass 1, the tool mode wanted, token totals equal to what was served. */
function expectPass(mode, extra = []) {
  return async (ctx) => {
    const run = await check(ctx, extra);
    const c = cell(run);
    if (run.code !== 0 || !c) return { ok: false, line: `exit ${run.code}: ${lastWords(run.stderr)}` };
    const served = ctx.fake.served.prompt_tokens + ctx.fake.served.completion_tokens;
    const t = c.tokens ?? {};
    const ok = c.pass_rate?.pass === 1 && (mode === null || c.tool_mode === mode) && t.total_tokens === served && !t.tokens_estimated && !leaked(run, ctx.gw);
    return { ok, line: `exit 0 pass=${c.pass_rate?.pass} mode=${c.tool_mode} tokens=${t.total_tokens}/${served} estimated=${t.tokens_estimated} composite=${c.composite}${leaked(run, ctx.gw) ? ' SECRET LEAKED' : ''}` };
  };
}

/** A run that must stop as a misconfiguration: exit 3, no scored cell, the server's words on stderr. */
function expectConfigError(words, headers) {
  return async (ctx) => {
    const run = await check(ctx, [], headers?.(ctx.gw) ?? ctx.gw.headers);
    const quoted = words === null || run.stderr.includes(words);
    const ok = run.code === 3 && run.stdout === '' && quoted && !/\n\s+at /.test(run.stderr) && !leaked(run, ctx.gw);
    return { ok, line: `exit ${run.code}${run.stdout ? ' (a cell was printed)' : ''}: ${lastWords(run.stderr)}` };
  };
}

function failing(status, words) {
  return (h) => Array.from({ length: 40 }, () => ({ status, body: { error: { message: words, type: 'upstream_error' } } })).concat(solve(h));
}

const upstream = (status) => ({ name: `upstream-${status}`, script: failing(status, `upstream says ${status}: nope`), run: expectConfigError(`upstream says ${status}: nope`) });

async function doctor(ctx, headers = ctx.gw.headers) {
  const args = ['doctor', '--endpoint', ctx.gw.url, '--model', 'fake-model', '--json', ...headers.flatMap((x) => ['--header', x])];
  const run = await ctx.runBin(args, { CAB_KEY: KEY }, 60_000);
  let e = {};
  try {
    e = JSON.parse(run.stdout).endpoint ?? {};
  } catch {}
  return { run, e };
}

/** An agent CLI's turn: its tool once (the fix), then a final word. Stateless: reads the conversation. */
function cliSolver(tool, args) {
  const answered = (req) => (req.body?.messages ?? []).some((m) => m.role === 'tool');
  const offered = (req) => (req.body?.tools ?? []).some((t) => t.function?.name === tool);
  return () => [{ dynamic: (req) => (answered(req) || !offered(req) ? { reply: { content: 'Fixed add().' } } : { reply: { content: 'Fixing.', tool_calls: [{ name: tool, arguments: args }] } }) }];
}

const noStream = (sc) => ({ ...sc, name: `${sc.name}/no-stream`, run: sc.runWith(['--no-stream']) });
const TEXT = {
  name: 'text-fallback',
  script: (h) => ({ rejectTools: 'llamacpp', steps: [h.say(`<tool_call>{"name": "write_file", "arguments": {"path": "src/app.py", "content": ${JSON.stringify(FIX)}}}</tool_call>`), h.say('Done.')] }),
  runWith: (x) => expectPass('text', x),
};
const PARALLEL = {
  name: 'parallel-tool-calls',
  script: (h) => [{ reply: { tool_calls: [{ name: 'read_file', arguments: { path: 'src/app.py' } }, { name: 'list_files', arguments: {} }] } }, ...solve(h).slice(1)],
  runWith: (x) => expectPass('native', x),
};
const LONG = { name: 'long-reply', script: (h) => [...solve(h), h.say(`Fixed. ${'All good here. '.repeat(8000)}`)], runWith: (x) => expectPass('native', x) };
const CLAUDE = { name: 'tui-claude-code', script: cliSolver('Bash', { command: SED, description: 'fix add' }), runWith: (x) => expectPass(null, ['--tui', 'claude-code', ...x]) };
const CLINE = { name: 'tui-cline', script: cliSolver('run_commands', { commands: [SED] }), runWith: (x) => expectPass(null, ['--tui', 'cline', ...x]) };
const CONTINUE = { name: 'tui-continue', script: cliSolver('Bash', { command: SED }), runWith: (x) => expectPass(null, ['--tui', 'continue', ...x]) };
const CODEX = { name: 'tui-codex', script: cliSolver('apply_patch', { input: PATCH }), runWith: (x) => expectPass(null, ['--tui', 'codex', ...x]) };

export const SCENARIOS = [
  ...[PARALLEL, TEXT, LONG, CLAUDE, CODEX, CLINE, CONTINUE].flatMap((sc) => [{ ...sc, run: sc.runWith([]) }, noStream(sc)]),
  { name: 'stream-native', script: (h) => solve(h), run: expectPass('native') },
  { name: 'no-stream-native', script: (h) => solve(h), run: expectPass('native', ['--no-stream']) },
  ...[400, 401, 404, 429, 500].map(upstream),
  { name: 'gw-no-routing-header', script: (h) => solve(h), run: expectConfigError(null, () => []) },
  { name: 'gw-unknown-provider', script: (h) => solve(h), run: expectConfigError(null, (gw) => gw.unknown ?? []) },
  { name: 'upstream-down', closeUpstream: true, script: (h) => solve(h), run: expectConfigError(null) },
  {
    name: 'error-in-stream',
    script: (h) => [{ reply: { content: 'Let me look at the file first, then fix it.' }, style: { errorInStream: { message: 'upstream overloaded mid-stream' } } }, ...solve(h)],
    async run(ctx) {
      const run = await check(ctx);
      const c = cell(run);
      return { ok: run.code !== null && !/\n\s+at /.test(run.stderr), line: `exit ${run.code}${c ? ` pass=${c.pass_rate?.pass} stop=${c.stop_reason ?? c.agent?.stop_reason}` : ''}: ${lastWords(run.stderr)}` };
    },
  },
  {
    name: 'doctor',
    script: () => [],
    async run(ctx) {
      const { run, e } = await doctor(ctx);
      const told = e.streaming_usage === true || typeof e.streaming_error === 'string'; // works, or says it does not
      const line = `exit ${run.code} reachable=${e.reachable} models=${JSON.stringify(e.models)?.slice(0, 40)} tools=${e.native_tools} usage=${e.streaming_usage} mode=${e.mode}`;
      return { ok: run.code === 0 && e.mode === 'native' && told, line: `${line}${e.streaming_error ? ` streaming_error=${e.streaming_error.slice(0, 90)}` : ''}` };
    },
  },
  {
    name: 'doctor-no-header',
    script: () => [],
    async run(ctx) {
      const { run, e } = await doctor(ctx, []);
      return { ok: run.code !== 0, line: `exit ${run.code} reachable=${e.reachable} mode=${e.mode} err=${String(e.error ?? e.models_error ?? '').slice(0, 120)} ${lastWords(run.stderr)}` };
    },
  },
];
