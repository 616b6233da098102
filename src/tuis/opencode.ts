// opencode (opencode-ai): `opencode run` headless with JSON events, the whole configuration in
// OPENCODE_CONFIG_CONTENT — one @ai-sdk/openai-compatible provider "bench" pointing at the proxy,
// the key read from a variable by name, every permission granted, no model list fetch, no
// updates, no LSP downloads, no sharing, no project config.

import { isObj, jsonLines, num, str } from './adapter.js';
import type { AdapterSpec, Obj, Parsed } from './adapter.js';

const PROVIDER = 'bench';

/** The whole opencode configuration (kilo, its fork, reads the same shape): one provider at the proxy. */
export function opencodeConfig(model: string, proxyUrl: string, keyEnv: string, extra: Obj = {}): string {
  return JSON.stringify({
    ...extra,
    provider: {
      [PROVIDER]: {
        npm: '@ai-sdk/openai-compatible',
        name: 'CodingAgentBench endpoint',
        options: { baseURL: proxyUrl, apiKey: `{env:${keyEnv}}` },
        models: { [model]: { name: model, tool_call: true, limit: { context: 128_000, output: 8_192 } } },
      },
    },
    enabled_providers: [PROVIDER],
    model: `${PROVIDER}/${model}`,
    small_model: `${PROVIDER}/${model}`,
    permission: { '*': 'allow' },
    autoupdate: false,
    share: 'disabled',
  });
}

function errorText(e: Obj): string {
  const error = isObj(e['error']) ? e['error'] : isObj(e['part']) && isObj(e['part']['error']) ? e['part']['error'] : e;
  const data = isObj(error['data']) ? error['data'] : {};
  return str(data['message']) || str(error['message']) || str(error['name']) || JSON.stringify(error).slice(0, 300);
}

/** opencode's JSON events (kilo, its fork, prints the same ones); `name` goes into the error text. */
export function parseOpencode(stdout: string, name = 'opencode'): Parsed {
  const events = jsonLines(stdout);
  const part = (e: Obj): Obj => (isObj(e['part']) ? e['part'] : {});
  const texts = events.filter((e) => e['type'] === 'text').map((e) => str(part(e)['text']));
  const finishes = events.filter((e) => e['type'] === 'step_finish').map(part);
  const errors = events.filter((e) => e['type'] === 'error');
  const toolOutputs = events
    .filter((e) => e['type'] === 'tool_use')
    .map((e) => {
      const state = isObj(part(e)['state']) ? (part(e)['state'] as Obj) : {};
      return str(state['output']) || str(state['error']);
    })
    .filter((t) => t !== '');
  let prompt = 0;
  let completion = 0;
  for (const f of finishes) {
    const tokens = isObj(f['tokens']) ? f['tokens'] : {};
    prompt += num(tokens['input']);
    completion += num(tokens['output']) + num(tokens['reasoning']);
  }
  const lastReason = str(finishes.at(-1)?.['reason']);
  const firstError = errors[0];
  return {
    finalAnswer: [...texts].reverse().find((t) => t.trim() !== '') ?? '',
    success: finishes.length > 0 && firstError === undefined && lastReason !== 'error',
    error: firstError !== undefined ? errorText(firstError) : finishes.length === 0 ? `${name} printed no step_finish event` : null,
    toolOutputs,
    usage: finishes.length === 0 ? null : { prompt_tokens: prompt, completion_tokens: completion },
  };
}

export const opencode: AdapterSpec = {
  name: 'opencode',
  bin: 'opencode',
  packageName: 'opencode-ai',
  install: 'npm i -g opencode-ai',
  description: 'opencode (opencode run, JSON events)',
  droppings: ['.opencode/**'],
  cacheDirs: ['.npm', '.cache/opencode'], // the provider package it installs through npm on every fresh home
  prepare({ model, proxyUrl, keyEnv, prompt }) {
    return {
      argv: ['run', '--pure', '--auto', '--title', 'codingagentbench', '--format', 'json', '-m', `${PROVIDER}/${model}`, prompt],
      env: {
        OPENCODE_CONFIG_CONTENT: opencodeConfig(model, proxyUrl, keyEnv, { $schema: 'https://opencode.ai/config.json' }),
        OPENCODE_DISABLE_MODELS_FETCH: '1',
        OPENCODE_DISABLE_AUTOUPDATE: '1',
        OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
        OPENCODE_DISABLE_SHARE: '1',
        OPENCODE_DISABLE_PROJECT_CONFIG: '1',
        OPENCODE_DISABLE_CLAUDE_CODE: '1',
      },
      files: {},
    };
  },
  parse: (stdout) => parseOpencode(stdout),
};
