// Cline CLI (`cline` on npm): `cline <prompt> --json` with its openai-compatible provider pointed
// at the proxy (written to providers.json in a private config/data dir, the key read from
// OPENAI_API_KEY), tools auto-approved (its default). Success comes from its final `run_result`
// event (finishReason "completed").

import { isObj, jsonLines, num, str } from './adapter.js';
import type { AdapterSpec, Obj, Parsed } from './adapter.js';

const PROVIDER = 'openai-compatible';

function providersJson(model: string, proxyUrl: string): string {
  const settings = { provider: PROVIDER, model, baseUrl: proxyUrl };
  return `${JSON.stringify({ version: 1, lastUsedProvider: PROVIDER, modes: {}, providers: { [PROVIDER]: { settings, updatedAt: new Date().toISOString(), tokenSource: 'manual' } } }, null, 2)}\n`;
}

/** Text of tool results it printed (agent events that carry a tool's output). */
function toolOutputs(events: Obj[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const ev = isObj(e['event']) ? e['event'] : null;
    if (e['type'] !== 'agent_event' || ev === null || !/tool/i.test(str(ev['contentType']) + str(ev['type']))) continue;
    const output = ev['output'] ?? ev['result'];
    if (output !== undefined) out.push(typeof output === 'string' ? output : JSON.stringify(output));
  }
  return out;
}

export function parseCline(stdout: string): Parsed {
  const events = jsonLines(stdout);
  const result = [...events].reverse().find((e) => e['type'] === 'run_result');
  const usage = result !== undefined && isObj(result['usage']) ? result['usage'] : null;
  const ok = result !== undefined && result['finishReason'] === 'completed';
  const lastError = [...events].reverse().map((e) => (isObj(e['event']) && e['event']['type'] === 'error' ? e['event']['error'] : undefined)).find(isObj);
  const why = str(lastError?.['message']) || str(result?.['text']);
  return {
    finalAnswer: result === undefined ? '' : str(result['text']),
    success: ok,
    error: ok ? null : result === undefined ? 'cline printed no run_result event' : `${str(result['finishReason']) || 'error'}: ${why}`,
    toolOutputs: toolOutputs(events),
    usage: usage === null ? null : { prompt_tokens: num(usage['inputTokens']), completion_tokens: num(usage['outputTokens']) },
  };
}

export const cline: AdapterSpec = {
  name: 'cline',
  bin: 'cline',
  packageName: 'cline',
  install: 'npm i -g cline',
  description: 'Cline CLI (cline --json, openai-compatible provider)',
  keyEnv: 'OPENAI_API_KEY',
  droppings: [],
  prepare({ model, proxyUrl, home, workdir, prompt }) {
    const config = `${home}/.cline`;
    return {
      argv: ['--json', '-P', PROVIDER, '-m', model, '--config', config, '--data-dir', `${config}/data`, '-c', workdir, '--', prompt],
      env: { AI_SDK_LOG_WARNINGS: 'false' },
      files: { '.cline/data/settings/providers.json': providersJson(model, proxyUrl) },
    };
  },
  parse: (stdout) => parseCline(stdout),
};
