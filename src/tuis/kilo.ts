// Kilo Code CLI (@kilocode/cli, a fork of opencode): `kilo run` headless with opencode's JSON
// events, the whole configuration in KILO_CONFIG_CONTENT — one @ai-sdk/openai-compatible provider
// "bench" at the proxy (kilo bundles that package: nothing is installed at run time), the key read
// from a variable by name, every permission granted. Its telemetry (PostHog), model list fetch,
// updates, LSP downloads, sharing, session upload, project config and Claude Code files are off;
// the session gets a title so that no extra model call names it. Kilo's own command sandbox is off
// by default (its policy file says so), so inside our bwrap nothing nests.

import { opencodeConfig, parseOpencode } from './opencode.js';
import type { AdapterSpec, Parsed } from './adapter.js';

const PROVIDER = 'bench';

/** kilo prints opencode's events (step_finish with tokens, text, tool_use, error). */
export const parseKilo = (stdout: string): Parsed => parseOpencode(stdout, 'kilo');

export const kilo: AdapterSpec = {
  name: 'kilo',
  bin: 'kilo',
  packageName: '@kilocode/cli',
  install: 'npm i -g @kilocode/cli@7.7.7',
  description: 'Kilo Code CLI (kilo run, JSON events)',
  droppings: ['.kilo/**', '.kilocode/**'],
  prepare({ model, proxyUrl, keyEnv, prompt }) {
    return {
      argv: ['run', '--pure', '--auto', '--title', 'codingagentbench', '--format', 'json', '-m', `${PROVIDER}/${model}`, prompt],
      env: {
        KILO_CONFIG_CONTENT: opencodeConfig(model, proxyUrl, keyEnv),
        KILO_TELEMETRY_LEVEL: 'off',
        KILO_DISABLE_MODELS_FETCH: '1',
        KILO_DISABLE_AUTOUPDATE: '1',
        KILO_DISABLE_LSP_DOWNLOAD: '1',
        KILO_DISABLE_SHARE: '1',
        KILO_DISABLE_SESSION_INGEST: '1',
        KILO_DISABLE_PROJECT_CONFIG: '1',
        KILO_DISABLE_CLAUDE_CODE: '1',
        KILO_DISABLE_EXTERNAL_SKILLS: '1',
      },
      files: {},
    };
  },
  parse: (stdout) => parseKilo(stdout),
};
