// Every extra-header value is a secret, redacted like the key (issue 15): a routing word such as
// Portkey's `x-portkey-provider: openai` too — a tenant name can be as private as a token, and we
// cannot tell them apart. The cost, accepted: the server's messages naming it show [REDACTED].

import { describe, expect, it } from 'vitest';
import { headerSecrets, parseExtraHeaders, rawHeaderValues } from '../../src/llm/extra-headers.js';

describe('extra-header values are secrets', () => {
  const lines = ['x-portkey-provider: openai', 'x-portkey-api-key: pk-live-1234', 'X-Tenant: acme'];

  it('headerSecrets: every value, plain words included', () => {
    expect(headerSecrets(parseExtraHeaders(lines, undefined)).sort()).toEqual(['acme', 'openai', 'pk-live-1234']);
  });

  it('rawHeaderValues (before parsing): every value from --header and CAB_HEADERS', () => {
    const argv = ['check', '--header', lines[0] as string, `--header=${lines[1] as string}`];
    expect(rawHeaderValues(argv, 'X-Tenant: tenant-7731').sort()).toEqual(['openai', 'pk-live-1234', 'tenant-7731']);
  });
});

describe('a JSON header value (Portkey x-portkey-config)', () => {
  const config = 'x-portkey-config: {"provider":"openai","api_key":"pk-inner-secret-4242","retry":{"attempts":3}}';

  it('the whole value and every string of 8+ characters inside it are secrets', () => {
    const secrets = headerSecrets(parseExtraHeaders([config], undefined));
    expect(secrets).toContain('pk-inner-secret-4242');
    expect(secrets[0]).toMatch(/^\{"provider"/);
    expect(secrets).not.toContain('openai'); // short strings inside JSON would mangle everything
    expect(rawHeaderValues(['--header', config], undefined)).toContain('pk-inner-secret-4242');
  });

  it('a value that only looks like JSON is taken whole', () => {
    expect(headerSecrets(parseExtraHeaders(['x-note: {not json'], undefined))).toEqual(['{not json']);
  });
});
