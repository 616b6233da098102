// Continue CLI (@continuedev/cli, `cn`): `cn -p --auto --format json` with a private config.yaml
// whose one model is the user's, provider openai at the proxy, the key read from the environment
// (`${{ secrets.NAME }}`). Success from its final JSON object ({"status":"success"}) plus exit 0.

import { jsonLines, str } from './adapter.js';
import type { AdapterSpec, Parsed } from './adapter.js';

function configYaml(model: string, proxyUrl: string, keyEnv: string): string {
  return [
    'name: codingagentbench',
    'version: 1.0.0',
    'schema: v1',
    'models:',
    '  - name: bench',
    '    provider: openai',
    `    model: ${JSON.stringify(model)}`,
    `    apiBase: ${JSON.stringify(proxyUrl)}`,
    `    apiKey: \${{ secrets.${keyEnv} }}`,
    '    roles: [chat, edit, apply]',
    '',
  ].join('\n');
}

export function parseContinue(stdout: string): Parsed {
  const result = [...jsonLines(stdout)].reverse().find((e) => typeof e['status'] === 'string');
  const ok = result?.['status'] === 'success';
  return {
    finalAnswer: str(result?.['response']),
    success: ok,
    error: ok ? null : result === undefined ? 'cn printed no final JSON object' : `${str(result['status'])}: ${str(result['response']) || str(result['error'])}`,
    toolOutputs: [],
    usage: null, // cn reports none; the proxy's records are the numbers
  };
}

export const continueCli: AdapterSpec = {
  name: 'continue',
  bin: 'cn',
  packageName: '@continuedev/cli',
  install: 'npm i -g @continuedev/cli',
  description: 'Continue CLI (cn -p, openai provider at the proxy)',
  droppings: [],
  prepare({ model, proxyUrl, keyEnv, home, prompt }) {
    return {
      argv: ['-p', '--auto', '--format', 'json', '--config', `${home}/.continue/config.yaml`, prompt],
      env: {},
      files: { '.continue/config.yaml': configYaml(model, proxyUrl, keyEnv) },
    };
  },
  parse: (stdout) => parseContinue(stdout),
};
