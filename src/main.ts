// What the bin runs: parse argv, pick the command, map errors to exit codes. The only file that
// touches process.argv, process.exit and signal handlers (cli.ts only turns the compile cache on).

import { parseArgs } from 'node:util';
import { COMMANDS, fillOptionalValues, type CommandSpec } from './cli-options.js';
import { CabError, isCabError } from './errors.js';
import type { Io } from './io.js';
import { rawHeaderValues } from './llm/extra-headers.js';
import { createRedactor } from './redact.js';
import { scrubProcessSecrets } from './util/scrub-proc.js';
import { VERSION } from './version.js';
import { helpText, mainHelp } from './help.js';
import type { CommandArgs } from './commands/args.js';

type CommandRun = (args: CommandArgs, io: Io) => Promise<number>;

const LOADERS: Record<string, () => Promise<CommandRun>> = {
  check: async () => (await import('./commands/check.js')).checkCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  doctor: async () => (await import('./commands/doctor.js')).doctorCommand,
  report: async () => (await import('./commands/report.js')).reportCli,
  bundle: async () => (await import('./commands/bundle.js')).bundleCommand,
};

function parseCommand(name: string, spec: CommandSpec, argv: string[]): CommandArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [flag, o] of Object.entries(spec.options)) {
    options[flag] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  try {
    const parsed = parseArgs({ args: fillOptionalValues(spec, argv), options, allowPositionals: true, strict: true });
    return { command: name, values: parsed.values as CommandArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new CabError('usage', message.replace(/^TypeError \[[A-Z_]+\]: /, ''), {
      hint: `run \`codingagentbench ${name} --help\` for the options`,
    });
  }
}

function secretsFrom(argv: string[], env: NodeJS.ProcessEnv): string[] {
  const secrets = [env.CAB_KEY, env.OPENAI_API_KEY];
  argv.forEach((arg, i) => {
    if (arg === '--key') secrets.push(argv[i + 1]);
    if (arg.startsWith('--key=')) secrets.push(arg.slice('--key='.length));
  });
  secrets.push(...rawHeaderValues(argv, env.CAB_HEADERS));
  return secrets.filter((s): s is string => typeof s === 'string' && s !== '');
}

/** Our own environ and cmdline blocks lose every secret (a child without a PID namespace could read them). */
function scrubOwnSecrets(secrets: readonly string[]): void {
  if (secrets.length === 0) return;
  const holders = Object.keys(process.env).filter((name) => secrets.some((s) => process.env[name]?.includes(s)));
  scrubProcessSecrets(secrets, holders); // best effort: null or 0 changes nothing
}

function makeIo(signal: AbortSignal, argv: string[]): Io {
  const redact = createRedactor(secretsFrom(argv, process.env));
  return {
    stdout: (text) => void process.stdout.write(redact(text)),
    stderr: (text) => void process.stderr.write(redact(text)),
    env: process.env,
    cwd: process.cwd(),
    // Asked only when a command needs them: node:tty pulls in net and the stream machinery, a
    // fifth of `--help` on Node 22. stdout/stderr: the stream a command writes to anyway; stdin:
    // isatty(), since creating process.stdin just to ask costs more.
    get stdinIsTTY() {
      return process.getBuiltinModule('node:tty').isatty(0);
    },
    get stdoutIsTTY() {
      return Boolean(process.stdout.isTTY);
    },
    get stderrIsTTY() {
      return Boolean(process.stderr.isTTY);
    },
    signal,
    redact,
  };
}

function printError(io: Io, error: unknown): number {
  if (isCabError(error)) {
    io.stderr(`error: ${error.message}\n`);
    if (error.hint) io.stderr(`  hint: ${error.hint}\n`);
    if (io.env.CAB_DEBUG && error.cause) io.stderr(`  cause: ${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`internal error (a bug in codingagentbench, please report it):\n${stack}\n`);
  return 70;
}

function installSignals(controller: AbortController, io: Io): void {
  let count = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    count += 1;
    if (count === 1) {
      io.stderr(`\n${signal === 'SIGINT' ? 'Interrupted' : 'Terminated'}: stopping the agent and the tests, cleaning up… (again to quit at once)\n`);
      controller.abort(new CabError('interrupted', 'interrupted'));
      return;
    }
    void import('./workspace/exec.js').then((m) => m.killAllProcessGroups()).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

async function main(argv: string[]): Promise<number> {
  scrubOwnSecrets(secretsFrom(argv, process.env));
  const controller = new AbortController();
  const io = makeIo(controller.signal, argv);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  try {
    const spec = COMMANDS[name];
    const load = LOADERS[name];
    if (!spec || !load) {
      throw new CabError('usage', `unknown command '${name}'`, { hint: `commands: ${Object.keys(COMMANDS).join(', ')}` });
    }
    if (rest.includes('--version')) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const args = parseCommand(name, spec, rest);
    if (args.values.help) {
      io.stdout(helpText(name, spec));
      return 0;
    }
    installSignals(controller, io);
    const run = await load();
    return await run(args, io);
  } catch (error) {
    return printError(io, error);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
