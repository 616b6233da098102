// The environment every child process gets: an allowlist, never a blocklist. No key, token,
// secret or password ever reaches a test, a shell command or an agent CLI.

const ALLOWED = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TERM', 'TZ', 'TMPDIR', 'SHELL',
  'CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'JAVA_HOME', 'GOROOT', 'GOPATH', 'GOCACHE',
  'GOMODCACHE', 'GOFLAGS', 'PYENV_ROOT', 'PYENV_VERSION', 'VIRTUAL_ENV', 'NVM_DIR', 'NVM_BIN',
  'SSL_CERT_FILE', 'SSL_CERT_DIR',
]);

/** Names that never pass, even when allowlisted or matched by a prefix (belt and braces). */
const NEVER = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|AUTH|CREDENTIAL|COOKIE|SESSION|^CAB_|^OPENAI_|^ANTHROPIC_|^AWS_|^GITHUB_/i;

/** Set for every child: quiet, offline, deterministic toolchains. */
const FIXED: Readonly<Record<string, string>> = {
  CI: '1',
  PYTHONDONTWRITEBYTECODE: '1',
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  GOTOOLCHAIN: 'local', // never download a Go toolchain
  GOPROXY: 'off', // never download modules (tasks are offline)
  CARGO_NET_OFFLINE: 'true',
  CARGO_TERM_COLOR: 'never',
  GIT_TERMINAL_PROMPT: '0',
  NO_COLOR: '1',
};

export interface ChildEnvOptions {
  /**
   * Drop any variable (inherited or extra) whose value contains one of these. Values of
   * secret-named variables in `base` and registerSecret() values are always added; strings
   * shorter than 4 characters are ignored.
   */
  secrets?: readonly string[];
  /** The environment to filter; default process.env. */
  base?: Readonly<Record<string, string | undefined>>;
}

const registered = new Set<string>();

/** Remembers a secret (e.g. a `--key` value) so no child environment ever carries it. */
export function registerSecret(value: string): void {
  if (value.length >= 4) registered.add(value);
}

/** Names whose values are secrets in their own right (CAB_KEY, OPENAI_API_KEY, GH_TOKEN …). */
const SECRET_NAME = /KEY$|TOKEN|SECRET|PASSW/i;

/** Values of secret-named variables in `base` are secrets too (paths excluded: they would drop PATH). */
function secretsOf(base: Readonly<Record<string, string | undefined>>, given: readonly string[]): string[] {
  const inherited = Object.entries(base)
    .filter(([name, value]) => value !== undefined && value.length >= 8 && !value.startsWith('/') && SECRET_NAME.test(name))
    .map(([, value]) => value as string);
  return [...given, ...registered, ...inherited].filter((s) => s.length >= 4);
}

function allowed(name: string): boolean {
  return (ALLOWED.has(name) || name.startsWith('LC_')) && !NEVER.test(name);
}

/**
 * The allowlisted environment plus CI=1 and friends, plus `extra` (set by us: CAB_GRADER_DIR,
 * GOCACHE …; its names are trusted, its values are still checked against `secrets`).
 */
export function childEnv(extra: Record<string, string> = {}, options: ChildEnvOptions = {}): Record<string, string> {
  const base = options.base ?? process.env;
  const secrets = secretsOf(base, options.secrets ?? []);
  const leaks = (value: string): boolean => secrets.some((s) => value.includes(s));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && allowed(name) && !leaks(value)) env[name] = value;
  }
  Object.assign(env, FIXED);
  for (const [name, value] of Object.entries(extra)) {
    if (!leaks(value)) env[name] = value;
  }
  return env;
}
