// One error type for everything the user can cause or fix. Library code throws CabError;
// only cli.ts turns it into a line on stderr and an exit code.

export type ErrorCode =
  | 'usage' // bad flags, missing values, unknown task or tui
  | 'config' // contradictory or invalid configuration
  | 'endpoint' // endpoint unreachable, bad responses before any turn succeeded
  | 'auth' // endpoint refused the key
  | 'bundle' // bundle or task invalid, unsafe tarball
  | 'checksum' // sha256 mismatch
  | 'toolchain' // a toolchain the task needs is missing
  | 'below-threshold' // ran, but under --fail-under or an axis gate
  | 'interrupted' // Ctrl-C / SIGTERM
  | 'internal'; // a bug: printed with its stack

export const EXIT_CODES: Record<ErrorCode, number> = {
  usage: 2,
  config: 2,
  endpoint: 3,
  auth: 3,
  bundle: 4,
  checksum: 4,
  toolchain: 2,
  'below-threshold': 1,
  interrupted: 130,
  internal: 70,
};

// The built bin holds two copies of this module (the start-up file and the lazily loaded command
// chunks, see tsup.config.ts), so a CabError is recognised by a registered symbol, not its class.
const BRAND = Symbol.for('codingagentbench.CabError');

export class CabError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CabError';
    this.code = code;
    this.hint = options.hint;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export function isCabError(error: unknown): error is CabError {
  return error instanceof CabError || (error instanceof Error && (error as unknown as Record<symbol, unknown>)[BRAND] === true);
}

/** The message of any thrown value, for wrapping causes into one line. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
