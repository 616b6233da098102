// One redactor for everything printed or saved: the key's value, Authorization headers,
// URL user info and sk-…-style tokens. Built once per run from the secrets it was given.

export type Redactor = (text: string) => string;

const PATTERNS: Array<[RegExp, string]> = [
  [/(authorization["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',}]+/gi, '$1$2[REDACTED]'],
  [/\bbearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, 'Bearer [REDACTED]'],
  [/\b(sk|rk|pk|nvapi|gsk|hf|xai)-[A-Za-z0-9_-]{8,}/g, '$1-[REDACTED]'],
  [/\b(gh[pousr]_[A-Za-z0-9]{16,})/g, '[REDACTED]'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(:[^/\s@]*)?@/gi, '$1[REDACTED]@'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const literal = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const secretRe = literal.length > 0 ? new RegExp(literal.map(escapeRegExp).join('|'), 'g') : null;
  return (text: string): string => {
    let out = secretRe ? text.replace(secretRe, '[REDACTED]') : text;
    for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
    return out;
  };
}

/** Redacts every string inside a JSON-like value (for documents written to disk or stdout). */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}
