// GitHub Copilot CLI (@github/copilot): `copilot -p` with JSON lines, bring-your-own-key provider
// through COPILOT_PROVIDER_* (OpenAI chat completions at the proxy), offline, no auto-update, no
// built-in MCP servers (they need GitHub), no ask_user tool. COPILOT_HOME and the ~235 MB package
// cache it unpacks on first start live in the private home.

import { isObj, jsonLines, str } from './adapter.js';
import type { AdapterSpec, Obj, Parsed } from './adapter.js';

const KEY_ENV = 'COPILOT_PROVIDER_API_KEY';

function resultText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isObj(value)) return str(value['content']) || str(value['detailedContent']) || str(value['text']) || str(value['message']);
  return '';
}

export function parseCopilot(stdout: string): Parsed {
  const events = jsonLines(stdout);
  const data = (e: Obj): Obj => (isObj(e['data']) ? e['data'] : {});
  const answers = events.filter((e) => e['type'] === 'assistant.message').map((e) => str(data(e)['content']));
  const toolOutputs = events
    .filter((e) => e['type'] === 'tool.execution_complete')
    .map((e) => resultText(data(e)['result']) || resultText(data(e)['error']))
    .filter((t) => t !== '');
  const result = [...events].reverse().find((e) => e['type'] === 'result');
  const fatal = events.filter((e) => e['type'] === 'session.error' || e['type'] === 'error').at(-1);
  const failedCall = events.filter((e) => e['type'] === 'model.call_final_result' && data(e)['result'] !== 'success').at(-1);
  const exitCode = result?.['exitCode'];
  const success = result !== undefined && exitCode === 0 && fatal === undefined && answers.length > 0;
  const said = (e: Obj | undefined): string => (e === undefined ? '' : str(data(e)['message']) || str(e['message']) || str(data(e)['result']));
  return {
    finalAnswer: [...answers].reverse().find((t) => t.trim() !== '') ?? '',
    success,
    error: success ? null : said(fatal) || said(failedCall) || (result === undefined ? 'copilot printed no result event' : `copilot ended with exit code ${String(exitCode)}`),
    toolOutputs,
    usage: null, // copilot reports token usage only in its session files; the proxy records it
  };
}

export const copilot: AdapterSpec = {
  name: 'copilot',
  bin: 'copilot',
  packageName: '@github/copilot',
  install: 'npm i -g @github/copilot',
  description: 'GitHub Copilot CLI (bring your own key, JSON lines)',
  keyEnv: KEY_ENV,
  droppings: ['copilot-session-*.md'],
  prepare({ model, proxyUrl, home, prompt }) {
    return {
      argv: ['-p', prompt, '--allow-all-tools', '--output-format', 'json', '--no-auto-update', '--no-color', '--no-ask-user', '--disable-builtin-mcps', '--disable-client-telemetry', `--secret-env-vars=${KEY_ENV}`],
      env: {
        COPILOT_HOME: `${home}/.copilot`,
        COPILOT_PROVIDER_BASE_URL: proxyUrl,
        COPILOT_PROVIDER_TYPE: 'openai',
        COPILOT_PROVIDER_WIRE_API: 'completions',
        COPILOT_MODEL: model,
        COPILOT_OFFLINE: 'true',
      },
      files: {},
    };
  },
  parse: (stdout) => parseCopilot(stdout),
};
