// The flag tables of every command: what parseArgs accepts and what --help prints.
// Kept free of imports so `--help` and `--version` load nothing else.

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  value?: string; // placeholder in help, e.g. "<url>"
  description: string;
  optional?: { fallback: string; accepts: RegExp }; // a string flag whose value may be left out
}

export interface CommandSpec {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
}

const COMMON: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show help for this command' },
  'no-color': { type: 'boolean', description: 'plain output (also NO_COLOR=1)' },
};

const ENDPOINT: Record<string, OptionSpec> = {
  endpoint: { type: 'string', value: '<url>', description: 'OpenAI-compatible base URL, with or without /v1 (env CAB_ENDPOINT, OPENAI_BASE_URL, OPENAI_API_BASE)' },
  key: { type: 'string', value: '<key>', description: 'API key (env CAB_KEY, OPENAI_API_KEY; prefer env: a flag is visible in the process list)' },
  model: { type: 'string', value: '<id>', description: 'model id (env CAB_MODEL); in a terminal, picked from /v1/models when omitted' },
  header: { type: 'string', multiple: true, value: "'Name: value'", description: 'extra request header for a gateway, sent on every call, value redacted (repeatable; env CAB_HEADERS, one per line)' },
};

const BUNDLE: Record<string, OptionSpec> = {
  bundle: { type: 'string', value: '<path|https-url>', description: 'task bundle (default: the one shipped in the package)' },
  sha256: { type: 'string', value: '<hex>', description: 'expected sha256 of the bundle (downloads are cached by hash)' },
  'allow-http': { type: 'boolean', description: 'allow a plain http:// bundle URL' },
};

// The axes a comparison can gate on (src/report/compare.ts COMPARED_AXES; a test keeps them equal).
const AXIS = '(?:pass|composite|partial_score|blast_radius|integrity|refusal|l15|wall_clock_ms|total_tokens|tokens_per_correct_task)';

const COMPARE: Record<string, OptionSpec> = {
  'fail-on-regression': {
    type: 'string',
    value: '[axes]',
    description: 'exit 1 when one of these axes regressed significantly against the baseline (default pass,composite)',
    optional: { fallback: 'pass,composite', accepts: new RegExp(`^${AXIS}(?:,${AXIS})*$`) },
  },
};

/** argv with the fallback value put after an optional-value flag given bare (`--fail-on-regression`). */
export function fillOptionalValues(spec: CommandSpec, argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((arg, i) => {
    out.push(arg);
    const optional = arg.startsWith('--') ? spec.options[arg.slice(2)]?.optional : undefined;
    const next = argv[i + 1];
    if (optional && (next === undefined || !optional.accepts.test(next))) out.push(optional.fallback);
  });
  return out;
}

export const COMMANDS: Record<string, CommandSpec> = {
  check: {
    summary: 'run tasks against your endpoint (or the oracle) and print provisional scores',
    usage: 'codingagentbench check [--task <id|glob>…] [--endpoint <url> --model <id>] [options]',
    options: {
      task: { type: 'string', multiple: true, value: '<id|glob>', description: 'task id or glob (repeatable)' },
      category: { type: 'string', multiple: true, value: '<name>', description: 'every task of a category (repeatable)' },
      all: { type: 'boolean', description: 'every task in the bundle' },
      ...ENDPOINT,
      tui: { type: 'string', value: '<name>', description: 'who drives the task: builtin (default), oracle, none, or an agent CLI adapter' },
      ...BUNDLE,
      'max-turns': { type: 'string', value: '<n>', description: "model calls allowed (default: the task's own)" },
      timeout: { type: 'string', value: '<s>', description: "agent wall-clock budget in seconds (default: the task's own)" },
      'max-total-tokens': { type: 'string', value: '<n>', description: 'stop the agent once this many tokens were used' },
      concurrency: { type: 'string', value: '<n>', description: 'cells run at once (default 1)' },
      repeat: { type: 'string', value: '<n>', description: 'runs per task: verdict stability and a 95% interval' },
      shard: { type: 'string', value: '<i/n>', description: 'run only the i-th of n deterministic slices of the selection' },
      json: { type: 'boolean', description: 'stdout is one JSON document; progress goes to stderr' },
      out: { type: 'string', value: '<dir>', description: 'where results, trace, transcript and diff go (default ./cab-runs/<run-id>/)' },
      'no-save': { type: 'boolean', description: 'write nothing to disk' },
      keep: { type: 'boolean', description: 'keep the scratch workdir and print its path' },
      shell: { type: 'boolean', description: 'give the agent a bash tool (opt-in)' },
      'unsafe-no-sandbox': { type: 'boolean', description: 'allow --shell and agent CLIs where no sandbox works (they can read answers and your files)' },
      'no-stream': { type: 'boolean', description: 'ask for non-streaming responses' },
      'tool-mode': { type: 'string', value: '<auto|native|text>', description: 'native tool calls, the text fallback, or auto (default)' },
      'fail-under': { type: 'string', value: '<composite>', description: 'exit 1 when the mean composite is below this' },
      'fail-under-pass': { type: 'string', value: '<rate>', description: 'exit 1 when the pass rate is below this' },
      'summary-md': { type: 'string', value: '<file>', description: 'write a Markdown summary (also to $GITHUB_STEP_SUMMARY when set)' },
      junit: { type: 'string', value: '<file>', description: 'write JUnit XML, one testcase per cell' },
      baseline: { type: 'string', value: '<result.json|dir>', description: 'compare with saved runs: per task and overall, each axis and whether it really changed' },
      ...COMPARE,
      yes: { type: 'boolean', short: 'y', description: 'never prompt; fail on anything missing' },
      ...COMMON,
    },
  },
  list: {
    summary: 'tasks in the bundle, with toolchains present or missing',
    usage: 'codingagentbench list [--category <name>] [--json]',
    options: { category: { type: 'string', multiple: true, value: '<name>', description: 'only this category' }, json: { type: 'boolean', description: 'print JSON' }, ...BUNDLE, ...COMMON },
  },
  show: {
    summary: "a task's prompt, constraints, limits and files; --last: the saved diff of the last run",
    usage: 'codingagentbench show <task> [--last] [--runs <dir>] [--json]',
    options: {
      last: { type: 'boolean', description: 'print the unified diff saved by the last run of this task' },
      runs: { type: 'string', value: '<dir>', description: 'where saved runs live (default ./cab-runs)' },
      json: { type: 'boolean', description: 'print JSON' },
      ...BUNDLE,
      ...COMMON,
    },
  },
  doctor: {
    summary: 'toolchains, agent CLIs and (with --endpoint) what your endpoint supports',
    usage: 'codingagentbench doctor [--endpoint <url> --model <id>] [--json]',
    options: { ...ENDPOINT, json: { type: 'boolean', description: 'print JSON' }, ...COMMON },
  },
  report: {
    summary: 'one table over saved results (composites recomputed); --compare two sets; --html a page',
    usage: 'codingagentbench report <result.json|dir…> [--since <date>] [--html <file>] [--json]\n       codingagentbench report --compare <A> <B> [--fail-on-regression [axes]] [--html <file>] [--json]',
    options: {
      json: { type: 'boolean', description: 'print the merged { results, summary } JSON (with --compare: also "comparison")' },
      compare: { type: 'boolean', description: 'compare two sets of runs A (baseline) and B: each a result.json or a folder of saved runs' },
      ...COMPARE,
      html: { type: 'string', value: '<file>', description: 'write one self-contained HTML report (no network, no scripts)' },
      since: { type: 'string', value: '<date|36h|7d>', description: 'only cells started on or after this' },
      'summary-md': { type: 'string', value: '<file>', description: 'write a Markdown summary (also to $GITHUB_STEP_SUMMARY when set)' },
      junit: { type: 'string', value: '<file>', description: 'write JUnit XML, one testcase per cell (and per compared task)' },
      ...COMMON,
    },
  },
  bundle: {
    summary: 'for task authors: validate every task and pack the bundle tarball',
    usage: 'codingagentbench bundle <dir> -o <file> [--no-validate | --record-tests]',
    options: {
      output: { type: 'string', short: 'o', value: '<file>', description: 'the .tar.gz to write' },
      'no-validate': { type: 'boolean', description: 'pack without running each task (schema is still checked)' },
      'record-tests': { type: 'boolean', description: 'write each valid task\'s measured fail_to_pass / pass_to_pass to its expected-tests.json (then pack again)' },
      task: { type: 'string', multiple: true, value: '<id|glob>', description: 'validate only these tasks' },
      quiet: { type: 'boolean', short: 'q', description: 'print only errors' },
      json: { type: 'boolean', description: 'print the manifest and validation results as JSON' },
      ...COMMON,
    },
  },
};
