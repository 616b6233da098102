// Extra request headers for endpoints behind a gateway (a routing header, a tenant id, a second
// auth header): `--header 'Name: value'` (repeatable) and CAB_HEADERS (one per line). Parsed and
// checked once; values are secrets (redacted like the key), names are safe to show.

import { CabError } from '../errors.js';

export type ExtraHeaders = Readonly<Record<string, string>>;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/; // RFC 9110 field-name
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

/** A value and, when it is JSON (Portkey's x-portkey-config), every string inside it of 8+
 *  characters: a server echoing one field (an api_key) must not show it either. */
function withInnerStrings(value: string): string[] {
  const inner: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && v.length >= 8) inner.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  if (/^[[{]/.test(value)) {
    try {
      walk(JSON.parse(value));
    } catch {
      // not JSON: the whole value only
    }
  }
  return [value, ...inner];
}

/** The values, for the redactor and the child-environment filter. */
export function headerSecrets(headers: ExtraHeaders): string[] {
  return Object.values(headers).flatMap(withInnerStrings);
}

/** Best-effort values from raw argv and env, for the redactor built before parsing. */
export function rawHeaderValues(argv: readonly string[], env: string | undefined): string[] {
  const lines = (env ?? '').split('\n');
  argv.forEach((arg, i) => {
    if (arg === '--header') lines.push(argv[i + 1] ?? '');
    if (arg.startsWith('--header=')) lines.push(arg.slice('--header='.length));
  });
  return lines.map((l) => l.slice(l.indexOf(':') + 1).trim()).filter((v) => v.length >= 4).flatMap(withInnerStrings);
}
