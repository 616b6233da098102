// qwen-code (@qwen-code/qwen-code): headless `qwen` with stream-json output and yolo approval,
// the OpenAI-compatible provider given by OPENAI_API_KEY/OPENAI_BASE_URL/OPENAI_MODEL; telemetry,
// usage statistics, auto-update and the background memory-extraction agent turned off in a
// settings file in the private home; a project .env cannot override the provider. qwen exits 0
// even when the API failed: the final `result` event says so.

import { isObj, jsonLines, num, str } from './adapter.js';
import type { AdapterSpec, Obj, Parsed } from './adapter.js';

const KEY_ENV = 'OPENAI_API_KEY';

const SETTINGS = {
  privacy: { usageStatisticsEnabled: false },
  telemetry: { enabled: false },
  general: { enableAutoUpdate: false, checkpointing: { enabled: false } },
  memory: { enableManagedAutoMemory: false, enableManagedAutoDream: false },
  advanced: { excludedEnvVars: ['DEBUG', 'DEBUG_MODE', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL'] },
};

function textParts(content: unknown, type: string): string[] {
  if (typeof content === 'string') return type === 'text' ? [content] : [];
  if (!Array.isArray(content)) return [];
  return content.filter((p): p is Obj => isObj(p) && p['type'] === type).map((p) => str(p['text']) || contentText(p['content']));
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (isObj(p) ? str(p['text']) : '')).join('');
  return '';
}

export function parseQwen(stdout: string): Parsed {
  const events = jsonLines(stdout);
  const messageOf = (e: Obj): Obj => (isObj(e['message']) ? e['message'] : {});
  const answers = events.filter((e) => e['type'] === 'assistant').flatMap((e) => textParts(messageOf(e)['content'], 'text'));
  const toolOutputs = events.filter((e) => e['type'] === 'user').flatMap((e) => textParts(messageOf(e)['content'], 'tool_result'));
  const result = [...events].reverse().find((e) => e['type'] === 'result');
  const usage = isObj(result?.['usage']) ? (result['usage'] as Obj) : null;
  const apiError = /^\s*\[API Error: ([\s\S]*?)\]?\s*$/.exec(str(result?.['result']))?.[1] ?? null; // qwen reports API failures as "success"
  const failed = result === undefined || result['is_error'] === true || str(result['subtype']) !== 'success' || apiError !== null;
  const error = isObj(result?.['error']) ? str((result['error'] as Obj)['message']) : str(result?.['error']);
  return {
    finalAnswer: str(result?.['result']) || ([...answers].reverse().find((t) => t.trim() !== '') ?? ''),
    success: !failed,
    error: result === undefined ? 'qwen printed no result event' : failed ? error || apiError || str(result['result']) || `qwen ended with ${str(result['subtype'])}` : null,
    toolOutputs,
    usage: usage === null ? null : { prompt_tokens: num(usage['input_tokens']), completion_tokens: num(usage['output_tokens']) },
  };
}

export const qwenCode: AdapterSpec = {
  name: 'qwen-code',
  bin: 'qwen',
  packageName: '@qwen-code/qwen-code',
  install: 'npm i -g @qwen-code/qwen-code',
  description: 'Qwen Code (headless, stream-json)',
  keyEnv: KEY_ENV,
  droppings: ['.qwen/**'],
  prepare({ model, proxyUrl, prompt }) {
    return {
      argv: ['--auth-type', 'openai', '-m', model, '--approval-mode', 'yolo', '-o', 'stream-json', prompt],
      env: { OPENAI_BASE_URL: proxyUrl, OPENAI_MODEL: model, QWEN_TELEMETRY_ENABLED: '0' },
      files: { '.qwen/settings.json': `${JSON.stringify(SETTINGS, null, 2)}\n` },
    };
  },
  parse: (stdout) => parseQwen(stdout),
};
