// Endpoint URLs as users type them → the API root we call, and the host we may show.
// The API root never carries user info (user:password@) so it can appear in messages.

import { CabError } from '../errors.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const VERSION_SEGMENT = /\/v\d+(?:alpha\d*|beta\d*)?(?:\/|$)/i;
const PASTED_SUFFIX = /\/(?:chat\/completions|completions|models)$/i;

function parse(url: string): URL | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  const withScheme = SCHEME.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

/**
 * The OpenAI-compatible API root for an endpoint URL, without a trailing slash.
 * `http://h:8000` and `http://h:8000/v1/` both give `http://h:8000/v1`; a URL that already names
 * a version (`/api/v1`, `/v1beta/openai`) is kept; a pasted `/chat/completions` is dropped;
 * no scheme means http; user info, query and fragment are dropped.
 */
export function apiBase(url: string): string {
  const parsed = parse(url);
  if (parsed === null) {
    throw new CabError('config', 'the endpoint URL is empty or not a URL', {
      hint: 'pass --endpoint http://host:port/v1 (or set CAB_ENDPOINT)',
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CabError('config', `the endpoint URL must start with http:// or https:// (got ${parsed.protocol}//)`, {
      hint: 'pass --endpoint http://host:port/v1',
    });
  }
  let path = parsed.pathname.replace(/\/+$/, '');
  path = path.replace(PASTED_SUFFIX, '');
  if (!VERSION_SEGMENT.test(`${path}/`)) path = `${path}/v1`;
  return `${parsed.protocol}//${parsed.host}${path}`;
}

/** host[:port] of an endpoint, never with user info; "invalid-endpoint" when unparsable. */
export function endpointHost(url: string): string {
  const parsed = parse(url);
  if (parsed === null || parsed.host === '') return 'invalid-endpoint';
  return parsed.host;
}
