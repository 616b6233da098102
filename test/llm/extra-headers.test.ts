// Which extra-header values are secrets (redacted everywhere) and which are plain routing names
// that redacted would mangle every message naming them (Portkey's `x-portkey-provider: openai`).

import { describe, expect, it } from 'vitest';
import { headerSecrets, isSecretHeader, parseExtraHeaders, rawHeaderValues } from '../../src/llm/extra-headers.js';

describe('isSecretHeader', () => {
  it.each([
    ['x-portkey-provider', 'openai', false],
    ['x-portkey-provider', 'azure-openai', false],
    ['x-tenant', 'acme', false],
    ['x-portkey-custom-host', 'http://127.0.0.1:8000/v1', true], // not a plain word
    ['x-tenant', 'tenant-secret-value-7731', true], // digits
    ['x-tenant', 'averyveryverylongname', true], // longer than a name
    ['x-api-key', 'letmein', true], // the name says so
    ['x-portkey-api-key', 'letmein', true],
    ['apikey', 'letmein', true],
    ['x-auth-token', 'letmein', true],
    ['x-portkey-config', 'simple', true],
    ['cookie', 'session', true],
  ])('%s: %s → %s', (name, value, secret) => {
    expect(isSecretHeader(name, value)).toBe(secret);
  });

  it('headerSecrets and rawHeaderValues keep only the secrets', () => {
    const lines = ['x-portkey-provider: openai', 'x-portkey-api-key: pk-live-1234'];
    expect(headerSecrets(parseExtraHeaders(lines, undefined))).toEqual(['pk-live-1234']);
    expect(rawHeaderValues(['check', '--header', lines[0] as string, `--header=${lines[1] as string}`], 'X-Tenant: tenant-7731')).toEqual(['tenant-7731', 'pk-live-1234']);
  });
});
