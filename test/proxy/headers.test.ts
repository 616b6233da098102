// Extra request headers (--header / CAB_HEADERS) reach the upstream on every proxied request:
// chat completions, /models, and the Responses and Messages translations.

import { describe, expect, it } from 'vitest';
import { closeAfterEach, post, setup } from './proxy-setup.js';

closeAfterEach();

describe('the proxy sends the extra headers upstream', () => {
  it('on chat, /models, /responses and /messages', async () => {
    const { fake, proxy } = await setup([], { headers: { 'x-tenant': 'acme-7731', 'x-route': 'eu' } });
    await post(proxy, '/chat/completions', { model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] });
    await fetch(`${proxy.url}/models`, { headers: { authorization: `Bearer ${proxy.token}` } });
    await post(proxy, '/responses', { model: 'fake-model', input: 'hi' });
    await post(proxy, '/messages', { model: 'fake-model', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    expect(fake.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/models', '/v1/chat/completions', '/v1/chat/completions']);
    for (const r of fake.requests) expect(r.headers).toMatchObject({ 'x-tenant': 'acme-7731', 'x-route': 'eu' });
  });
});
