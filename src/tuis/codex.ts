// codex (@openai/codex): `codex exec --json` with CODEX_HOME in the private home, no user config,
// ephemeral, a model provider "bench" pointing at the proxy's Responses
// API (codex speaks nothing else; the proxy translates to chat completions), and a model catalog
// entry for the user's model so that codex offers its apply_patch edit tool (codex-catalog.ts).
// Inside our bwrap view codex's own sandbox (bwrap again) cannot start, so there ours is the only
// one (`-s danger-full-access` within it); without ours codex keeps its workspace-write sandbox.
// The proxy already retries, so codex's own request retries are kept small.

import { isObj, jsonLines, num, str } from './adapter.js';
import type { AdapterSpec, Obj, Parsed } from './adapter.js';
import { writeModelCatalog } from './codex-catalog.js';

const PROVIDER = 'bench';
const CONTEXT_WINDOW = 128_000;

/** A TOML basic string. */
function toml(value: string): string {
  return JSON.stringify(value);
}

function providerConfig(proxyUrl: string, keyEnv: string): string {
  const fields = [
    `name=${toml('CodingAgentBench endpoint')}`,
    `base_url=${toml(proxyUrl)}`,
    `env_key=${toml(keyEnv)}`,
    `wire_api=${toml('responses')}`,
    'request_max_retries=1',
    'stream_max_retries=1',
  ];
  return `model_providers.${PROVIDER}={${fields.join(',')}}`;
}

export function parseCodex(stdout: string): Parsed {
  const events = jsonLines(stdout);
  const items = events.filter((e) => e['type'] === 'item.completed' && isObj(e['item'])).map((e) => e['item'] as Obj);
  const answers = items.filter((i) => i['type'] === 'agent_message').map((i) => str(i['text']));
  const toolOutputs = items.filter((i) => i['type'] === 'command_execution').map((i) => str(i['aggregated_output']));
  const completed = events.filter((e) => e['type'] === 'turn.completed');
  const failed = [...events].reverse().find((e) => e['type'] === 'turn.failed');
  const lastError = [...events].reverse().find((e) => e['type'] === 'error');
  let prompt = 0;
  let completion = 0;
  for (const c of completed) {
    const u = isObj(c['usage']) ? c['usage'] : {};
    prompt += num(u['input_tokens']);
    completion += num(u['output_tokens']);
  }
  const failure = failed !== undefined ? str(isObj(failed['error']) ? failed['error']['message'] : failed['error']) : str(lastError?.['message']);
  return {
    finalAnswer: [...answers].reverse().find((t) => t.trim() !== '') ?? '',
    success: completed.length > 0 && failed === undefined,
    error: failed !== undefined || completed.length === 0 ? failure || 'codex printed no turn.completed event' : null,
    toolOutputs,
    usage: completed.length === 0 ? null : { prompt_tokens: prompt, completion_tokens: completion },
  };
}

export const codex: AdapterSpec = {
  name: 'codex',
  bin: 'codex',
  packageName: '@openai/codex',
  install: 'npm i -g @openai/codex',
  description: 'OpenAI Codex CLI (codex exec, via the Responses translation)',
  droppings: [],
  async prepare({ model, proxyUrl, keyEnv, home, prompt, cliPath, sandboxed }) {
    const codexHome = `${home}/.codex`;
    const catalog = await writeModelCatalog(cliPath, home, codexHome, model, CONTEXT_WINDOW);
    const config = [
      `model_provider=${toml(PROVIDER)}`,
      providerConfig(proxyUrl, keyEnv),
      ...(catalog === null ? [] : [`model_catalog_json=${toml(catalog)}`]),
      `model_context_window=${CONTEXT_WINDOW}`,
      'analytics.enabled=false',
      'check_for_update_on_startup=false',
      'tools.web_search=false',
    ];
    return {
      argv: ['exec', '--json', '--ephemeral', '--skip-git-repo-check', '--ignore-user-config', '-s', sandboxed ? 'danger-full-access' : 'workspace-write', '-m', model, ...config.flatMap((c) => ['-c', c]), prompt],
      env: { CODEX_HOME: codexHome },
      files: { '.codex/.keep': '' },
    };
  },
  parse: (stdout) => parseCodex(stdout),
};
