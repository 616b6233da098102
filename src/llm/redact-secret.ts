// Defensive redaction of the API key inside the llm module: every message, record and cause
// text built here passes through this before it leaves. (src/redact.ts is the CLI-wide one.)

const BEARER = /\b(Bearer)\s+[^\s"',;]+/gi;

export function redactSecret(text: string, secret: string | undefined): string {
  let out = text.replace(BEARER, '$1 [redacted]');
  if (secret !== undefined && secret.length >= 4) {
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      out = out.split(form).join('[redacted]');
    }
  }
  return out;
}

/** A copy of an error safe to keep as a `cause`: message redacted, code kept, nothing else. */
export function redactedCause(error: unknown, secret: string | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  const copy = new Error(redactSecret(message, secret));
  copy.name = error instanceof Error ? error.name : 'Error';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}
