// Step 2 of `check`: the endpoint, key and model (and, in a terminal, the task) — from flags,
// env, or interactive prompts. Missing values without a terminal are usage errors naming the
// flag and the env var.

import type { Manifest } from '../bundle/task-spec.js';
import { hasSelection } from '../bundle/select.js';
import type { CheckConfig } from '../config.js';
import { CabError } from '../errors.js';
import type { Io } from '../io.js';
import type { ChatClient } from '../llm/types.js';
import type { Tui } from '../tuis/registry.js';

export interface EndpointInputs {
  config: Readonly<CheckConfig>;
  client: ChatClient | null;
  endpointHost: string | null;
}

interface Args {
  config: Readonly<CheckConfig>;
  tui: Tui;
  io: Io;
  interactive: boolean;
  manifest: Manifest;
}

function missing(what: string, flag: string, env: string): CabError {
  return new CabError('usage', `no ${what} given`, { hint: `pass ${flag} or set ${env} (or try \`--tui oracle\`, which needs no endpoint)` });
}

export async function resolveEndpointInputs({ config, tui, io, interactive, manifest }: Args): Promise<EndpointInputs> {
  let current = config;
  if (interactive && (!hasSelection(current) || (tui.needsEndpoint && (!current.endpoint || !current.model)))) {
    const { promptCheckInputs } = await import('../report/prompts.js');
    current = await promptCheckInputs({ config: current, tui, io, manifest });
  }
  if (!hasSelection(current)) {
    throw new CabError('usage', 'no task chosen', { hint: 'pass --task <id>, --category <name> or --all (see `codingagentbench list`)' });
  }
  if (!tui.needsEndpoint) return { config: current, client: null, endpointHost: null };
  if (!current.endpoint) throw missing('endpoint', '--endpoint <url>', 'CAB_ENDPOINT');
  if (!current.model) throw missing('model', '--model <id>', 'CAB_MODEL');
  if (current.keyFromFlag) {
    io.stderr('warning: --key is visible to other users of this machine (process list, shell history); prefer CAB_KEY in the environment\n');
  }
  const { registerSecret } = await import('../workspace/env.js');
  for (const value of Object.values(current.headers ?? {})) registerSecret(value); // never in a child's environment
  const { endpointHost } = await import('../llm/normalize-url.js');
  if (tui.name !== 'builtin') return { config: current, client: null, endpointHost: endpointHost(current.endpoint) };
  const { createChatClient } = await import('../llm/client.js');
  const client = createChatClient({ baseUrl: current.endpoint, ...(current.key ? { key: current.key } : {}), ...(current.headers ? { headers: current.headers } : {}) });
  return { config: current, client, endpointHost: endpointHost(current.endpoint) };
}
