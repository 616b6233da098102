// Shared setup for the client tests: a fake endpoint and a client per test, closed afterwards.

import { afterEach } from 'vitest';
import { createChatClient } from '../../src/llm/client.js';
import type { ChatClientOptions, EndpointChatClient } from '../../src/llm/client.js';
import type { ChatRequest } from '../../src/llm/types.js';
import { startFakeEndpoint } from '../helpers/fake-endpoint.js';
import type { FakeEndpoint, FakeScript } from '../helpers/fake-endpoint.js';

export const TOOLS: ChatRequest['tools'] = [{ name: 'read_file', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } }];
export const REQ: ChatRequest = { model: 'fake-model', messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: 'fix the bug' }], tools: TOOLS };

const endpoints: FakeEndpoint[] = [];
const clients: EndpointChatClient[] = [];

/** Call once at the top of a test file: closes every client and endpoint after each test. */
export function closeAfterEach(): void {
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(endpoints.splice(0).map((e) => e.close()));
  });
}

export function track(client: EndpointChatClient): EndpointChatClient {
  clients.push(client);
  return client;
}

export async function setup(script: FakeScript, opts: Partial<ChatClientOptions> = {}): Promise<{ fake: FakeEndpoint; client: EndpointChatClient }> {
  const fake = await startFakeEndpoint(script);
  endpoints.push(fake);
  const client = track(createChatClient({ baseUrl: fake.url, retry: { baseDelayMs: 1 }, ...opts }));
  return { fake, client };
}

export const chats = (fake: FakeEndpoint): FakeEndpoint['requests'] => fake.requests.filter((r) => r.path === '/v1/chat/completions');
