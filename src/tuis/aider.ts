// aider (pip install aider-chat): one-shot `--message` run with the flags CodingAgentBench uses
// (reference cell: --yes-always --no-stream --no-check-update --no-analytics …). The endpoint and
// key come from OPENAI_API_BASE / OPENAI_API_KEY in its environment — never on the command line.
// aider prints plain text; its history files and caches (.aider*) land in the workdir and count
// in the blast radius, as in the published cells.

import type { AdapterSpec, Parsed } from './adapter.js';

const KEY_ENV = 'OPENAI_API_KEY';
const ERROR_LINE = /^(litellm\.\w*Error|.*\b(AuthenticationError|APIConnectionError|APIError|RateLimitError|BadRequestError|NotFoundError)\b).*$/m;

function kilo(value: string): number {
  const n = Number.parseFloat(value);
  return Math.round(/k$/i.test(value) ? n * 1000 : n);
}

export function parseAider(stdout: string, stderr: string): Parsed {
  const all = `${stdout}\n${stderr}`;
  let prompt = 0;
  let completion = 0;
  let reported = false;
  for (const m of all.matchAll(/Tokens:\s*([\d.]+k?)\s+sent,\s*([\d.]+k?)\s+received/gi)) {
    prompt += kilo(m[1] ?? '0');
    completion += kilo(m[2] ?? '0');
    reported = true;
  }
  const error = ERROR_LINE.exec(all)?.[0]?.trim() ?? null;
  const text = stdout.trim();
  return {
    finalAnswer: text.length > 4000 ? text.slice(-4000) : text,
    success: error === null && text !== '',
    error: error ?? (text === '' ? 'aider printed nothing' : null),
    toolOutputs: [],
    usage: reported ? { prompt_tokens: prompt, completion_tokens: completion } : null,
  };
}

export const aider: AdapterSpec = {
  name: 'aider',
  bin: 'aider',
  packageName: null,
  install: 'python3 -m pip install aider-chat (or: pipx install aider-chat)',
  description: 'aider (one-shot --message, plain text)',
  keyEnv: KEY_ENV,
  droppings: ['.aider*', '.aider*/**', '.gitignore'],
  prepare({ model, proxyUrl, prompt }) {
    return {
      argv: [
        '--model', `openai/${model}`,
        '--yes-always', '--no-stream', '--no-check-update', '--no-analytics', '--no-show-model-warnings',
        '--no-suggest-shell-commands', '--no-auto-commits', '--no-pretty', '--no-fancy-input', '--subtree-only',
        '--message', prompt,
      ],
      env: { OPENAI_API_BASE: proxyUrl, AIDER_CHECK_UPDATE: 'false', AIDER_ANALYTICS: 'false' },
      files: {},
    };
  },
  parse: (stdout, stderr) => parseAider(stdout, stderr),
};
