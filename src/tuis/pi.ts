// pi (@mariozechner/pi-coding-agent): print mode with JSON events, the provider declared in a
// models.json inside PI_CODING_AGENT_DIR (OpenAI chat completions, no developer role, max_tokens,
// no store), no sessions, extensions, skills or prompt templates, offline. pi exits 0 even when
// the model call failed: the last assistant message's stopReason ("error") says so.

import { join } from 'node:path';
import { isObj, jsonLines, num, str } from './adapter.js';
import type { AdapterSpec, Obj, Parsed } from './adapter.js';

const PROVIDER = 'bench';

function modelsJson(model: string, proxyUrl: string, keyEnv: string): string {
  const provider = {
    baseUrl: proxyUrl,
    api: 'openai-completions',
    apiKey: keyEnv, // pi reads the value of the variable with this name
    compat: { supportsDeveloperRole: false, supportsReasoningEffort: false, supportsStore: false, maxTokensField: 'max_tokens' },
    models: [{ id: model, contextWindow: 128_000, maxTokens: 8_192 }],
  };
  return `${JSON.stringify({ providers: { [PROVIDER]: provider } }, null, 2)}\n`;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (isObj(p) && p['type'] === 'text' ? str(p['text']) : '')).join('');
}

/** The messages of the run: agent_end's list when it came, else every message_end seen. */
function messagesOf(events: Obj[]): Obj[] {
  const end = [...events].reverse().find((e) => e['type'] === 'agent_end');
  if (end !== undefined && Array.isArray(end['messages'])) return end['messages'].filter(isObj);
  return events.filter((e) => e['type'] === 'message_end' && isObj(e['message'])).map((e) => e['message'] as Obj);
}

export function parsePi(stdout: string): Parsed {
  const events = jsonLines(stdout);
  const messages = messagesOf(events);
  const assistants = messages.filter((m) => m['role'] === 'assistant');
  const last = assistants.at(-1);
  const stopReason = str(last?.['stopReason']);
  const failed = stopReason === 'error' || stopReason === 'aborted';
  const answer = [...assistants].reverse().map((m) => textOf(m['content'])).find((t) => t.trim() !== '') ?? '';
  let prompt = 0;
  let completion = 0;
  for (const m of assistants) {
    const u = isObj(m['usage']) ? m['usage'] : {};
    prompt += num(u['input']);
    completion += num(u['output']);
  }
  const toolOutputs = messages.filter((m) => m['role'] === 'toolResult').map((m) => textOf(m['content']));
  const ended = events.some((e) => e['type'] === 'agent_end');
  return {
    finalAnswer: answer,
    success: ended && last !== undefined && !failed,
    error: failed ? str(last?.['errorMessage']) || `pi stopped: ${stopReason}` : ended ? null : 'pi printed no agent_end event',
    toolOutputs,
    usage: assistants.length === 0 ? null : { prompt_tokens: prompt, completion_tokens: completion },
  };
}

export const pi: AdapterSpec = {
  name: 'pi',
  bin: 'pi',
  packageName: '@mariozechner/pi-coding-agent',
  install: 'npm i -g @mariozechner/pi-coding-agent',
  description: 'pi coding agent (print mode, JSON events)',
  droppings: [],
  prepare({ model, proxyUrl, keyEnv, home, prompt }) {
    const agentDir = join(home, '.pi', 'agent');
    return {
      argv: ['--provider', PROVIDER, '--model', model, '-p', '--mode', 'json', '--no-session', '--no-extensions', '--no-skills', '--no-prompt-templates', prompt],
      env: { PI_CODING_AGENT_DIR: agentDir, PI_OFFLINE: '1' },
      files: { '.pi/agent/models.json': modelsJson(model, proxyUrl, keyEnv) },
    };
  },
  parse: (stdout) => parsePi(stdout),
};
