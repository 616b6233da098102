// What an agent-CLI adapter declares: how to find and install the CLI, how to prepare one headless
// run (argv, environment, config files in a private HOME), how to read its output, and which
// files it is known to leave in the working directory.

export interface PrepareInput {
  model: string;
  proxyUrl: string; // the recording proxy's API root: http://127.0.0.1:<port>/v1
  keyEnv: string; // NAME of the environment variable that holds the (dummy) key
  home: string; // the private HOME of this run (config files go here)
  workdir: string;
  prompt: string;
  maxTurns: number;
  timeoutS: number;
  sandboxed: boolean; // it runs inside our bwrap view: a CLI's own sandbox would nest (and fail), ours already confines it
  cliPath: string; // the CLI's executable, for an adapter that asks the CLI itself something first (codex's model catalog)
}

export interface Prepared {
  argv: string[]; // arguments after the CLI's own path
  env: Record<string, string>; // the adapter's variables (HOME, XDG_*, TMPDIR, PATH and the key are set by the runner)
  files: Record<string, string>; // path relative to HOME → content
}

export interface Parsed {
  finalAnswer: string; // the CLI's last answer text
  success: boolean; // its final event says the session finished normally
  error: string | null; // the CLI's own error message, if it reported one
  toolOutputs: string[]; // tool results it printed (for refusal keyword search)
  usage: { prompt_tokens: number; completion_tokens: number } | null; // what the CLI itself reports (informational; the proxy's records are authoritative)
}

export interface AdapterSpec {
  name: string; // the --tui name
  bin: string; // executable name looked up on CAB_AGENTS_PATH + PATH
  packageName: string | null; // npm package (its package.json gives the version without running the CLI)
  install: string; // one line telling how to install it
  description: string;
  keyEnv?: string; // variable the CLI reads the key from (default CAB_PROXY_KEY, referenced by its config)
  droppings: string[]; // globs of files it is known to write into the workdir (they count in the blast radius)
  versionArgs?: string[]; // default ["--version"]
  cacheDirs?: string[]; // folders under HOME the CLI downloads into, kept across runs (cli-cache.ts)
  sandbox?: false; // set when the CLI cannot work inside bwrap (say why beside it); it then runs unconfined
  prepare(input: PrepareInput): Prepared | Promise<Prepared>;
  parse(stdout: string, stderr: string): Parsed;
}

export const DEFAULT_KEY_ENV = 'CAB_PROXY_KEY';

/** The text of JSON lines on stdout that parse as objects; everything else is skipped. */
export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const line of stdout.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      const v: unknown = JSON.parse(t);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) out.push(v as Record<string, unknown>);
    } catch {
      // a partial or non-JSON line (the head+tail cap can cut one)
    }
  }
  return out;
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The last line of stderr that looks like an error, for a CLI that printed nothing parseable. */
export function stderrError(stderr: string): string | null {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const errorLine = [...lines].reverse().find((l) => /error|fail|denied|unauthori[sz]ed|refused/i.test(l));
  return errorLine ?? lines.at(-1) ?? null;
}
