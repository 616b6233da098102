// Extra request headers for endpoints behind a gateway (a routing header, a tenant id, a second
// auth header): `--header 'Name: value'` (repeatable) and CAB_HEADERS (one per line). Parsed and
// checked once; names are safe to show, values are secrets (redacted like the key) unless a value
// is a plain word under a name that does not say key/token/… — a provider or tenant name such as
// Portkey's `x-portkey-provider: openai`, which redacted would mangle every message and model id
// that mentions it ("openai error: …" shown as "[REDACTED] error: …").

import { CabError } from '../errors.js';

export type ExtraHeaders = Readonly<Record<string, string>>;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/; // RFC 9110 field-name
const SECRET_PART = /^(api)?key$|token|^auth|secret|pass|cookie|session|^sig|credential|^config$/i; // one dash-separated part (not "portkey")
const PLAIN_WORD = /^[A-Za-z][A-Za-z._/-]{0,15}$/; // no digits, short: a name, not a secret
const RESERVED = new Set(['host', 'content-length', 'content-type', 'accept', 'transfer-encoding', 'connection']);

function parseOne(line: string, source: string): [string, string] {
  const colon = line.indexOf(':');
  const name = colon < 0 ? '' : line.slice(0, colon).trim();
  const value = colon < 0 ? '' : line.slice(colon + 1).trim();
  const shown = colon < 0 ? line.slice(0, 40) : `${name}: …`;
  const hint = `write it as 'Name: value', e.g. --header 'X-Tenant: acme' (CAB_HEADERS takes one per line)`;
  if (!TOKEN.test(name)) throw new CabError('usage', `${source}: '${shown}' is not a header (a name, a colon, a value)`, { hint });
  if (value === '' || /[\r\n\0]/.test(value)) throw new CabError('usage', `${source}: header ${name} has an empty or invalid value`, { hint });
  if (RESERVED.has(name.toLowerCase())) throw new CabError('usage', `${source}: header ${name} is set by codingagentbench itself`, { hint: 'pass only the headers your gateway needs' });
  return [name.toLowerCase(), value];
}

/** Flag values first, then CAB_HEADERS lines; a later header of the same name wins. */
export function parseExtraHeaders(flags: readonly string[], env: string | undefined): ExtraHeaders {
  const out: Record<string, string> = {};
  const envLines = (env ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const line of envLines) {
    const [name, value] = parseOne(line, 'CAB_HEADERS');
    out[name] = value;
  }
  for (const line of flags) {
    const [name, value] = parseOne(line, '--header');
    out[name] = value;
  }
  return Object.freeze(out);
}

/** Is this header's value a secret (redacted everywhere)? Everything but a plain word under a plain name. */
export function isSecretHeader(name: string, value: string): boolean {
  return name.split(/[-_]/).some((part) => SECRET_PART.test(part)) || !PLAIN_WORD.test(value);
}

/** The secret values, for the redactor and the child-environment filter. */
export function headerSecrets(headers: ExtraHeaders): string[] {
  return Object.entries(headers)
    .filter(([name, value]) => isSecretHeader(name, value))
    .map(([, value]) => value);
}

/** Best-effort values from raw argv and env, for the redactor built before parsing. */
export function rawHeaderValues(argv: readonly string[], env: string | undefined): string[] {
  const lines = (env ?? '').split('\n');
  argv.forEach((arg, i) => {
    if (arg === '--header') lines.push(argv[i + 1] ?? '');
    if (arg.startsWith('--header=')) lines.push(arg.slice('--header='.length));
  });
  const pairs = lines.map((l) => [l.slice(0, Math.max(0, l.indexOf(':'))).trim(), l.slice(l.indexOf(':') + 1).trim()] as const);
  return pairs.filter(([name, value]) => value.length >= 4 && isSecretHeader(name, value)).map(([, value]) => value);
}
