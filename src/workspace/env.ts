// The environment every child process gets: an allowlist, never a blocklist. No key, token,
// secret or password ever reaches a test, a shell command or an agent CLI.

const ALLOWED = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TERM', 'TZ', 'TMPDIR', 'SHELL',
  'CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'JAVA_HOME', 'GOROOT', 'GOPATH', 'GOCACHE',
  'GOFLAGS', 'GOPROXY', 'PYENV_ROOT', 'PYENV_VERSION', 'VIRTUAL_ENV', 'NVM_DIR', 'NVM_BIN', 'SSL_CERT_FILE', 'SSL_CERT_DIR',
]);

const NEVER = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|AUTH|CREDENTIAL|COOKIE|SESSION|^CAB_|^OPENAI_|^ANTHROPIC_|^AWS_|^GITHUB_/i;

export interface ChildEnvOptions {
  extra?: Record<string, string>; // set by us (CAB_GRADER_DIR, GOCACHE …); still filtered for secret values
  secrets?: readonly string[]; // drop any variable whose value contains one of these
  base?: Readonly<Record<string, string | undefined>>; // default process.env
}

function allowed(name: string): boolean {
  return ALLOWED.has(name) || name.startsWith('LC_');
}

export function childEnv(options: ChildEnvOptions = {}): Record<string, string> {
  const base = options.base ?? process.env;
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const leaks = (value: string): boolean => secrets.some((s) => value.includes(s));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || !allowed(name) || NEVER.test(name) || leaks(value)) continue;
    env[name] = value;
  }
  Object.assign(env, { CI: '1', PYTHONDONTWRITEBYTECODE: '1', GOTOOLCHAIN: 'local', GOPROXY: 'off', NO_COLOR: '1', CARGO_TERM_COLOR: 'never' });
  for (const [name, value] of Object.entries(options.extra ?? {})) {
    if (!leaks(value)) env[name] = value;
  }
  return env;
}
