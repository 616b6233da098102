// Claude Code (@anthropic-ai/claude-code): `claude -p --output-format stream-json --verbose` with
// a private CLAUDE_CONFIG_DIR, permissions bypassed (only ever inside our run: IS_SANDBOX says so,
// else it refuses as root), telemetry, auto-update and non-essential traffic off, every model
// alias pointed at the user's model, and ANTHROPIC_BASE_URL at the proxy, which translates the
// Messages API to chat completions. Success comes from its final `result` event.

import { isObj, jsonLines, num, str } from './adapter.js';
import type { AdapterSpec, Obj, Parsed } from './adapter.js';

/** Tool results it printed (user events carrying tool_result blocks), as text. */
function toolOutputs(events: Obj[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const message = isObj(e['message']) ? e['message'] : {};
    if (e['type'] !== 'user' || !Array.isArray(message['content'])) continue;
    for (const block of message['content']) {
      if (!isObj(block) || block['type'] !== 'tool_result') continue;
      const c = block['content'];
      out.push(typeof c === 'string' ? c : Array.isArray(c) ? c.map((p: unknown) => (isObj(p) ? str(p['text']) : '')).join('') : '');
    }
  }
  return out;
}

function lastAssistantText(events: Obj[]): string {
  for (const e of [...events].reverse()) {
    const message = isObj(e['message']) ? e['message'] : {};
    if (e['type'] !== 'assistant' || !Array.isArray(message['content'])) continue;
    const text = message['content'].map((b: unknown) => (isObj(b) && b['type'] === 'text' ? str(b['text']) : '')).join('');
    if (text.trim() !== '') return text;
  }
  return '';
}

export function parseClaudeCode(stdout: string): Parsed {
  const events = jsonLines(stdout);
  const result = [...events].reverse().find((e) => e['type'] === 'result');
  const usage = result !== undefined && isObj(result['usage']) ? result['usage'] : null;
  const failed = result === undefined || result['is_error'] === true || result['subtype'] !== 'success';
  const said = result === undefined ? '' : str(result['result']) || (Array.isArray(result['errors']) ? result['errors'].map(String).join('; ') : '');
  return {
    finalAnswer: (result !== undefined && !failed ? str(result['result']) : '') || lastAssistantText(events),
    success: !failed,
    error: !failed ? null : result === undefined ? 'claude printed no result event' : `${str(result['subtype']) || 'error'}: ${said}`.trim(),
    toolOutputs: toolOutputs(events),
    usage: usage === null ? null : { prompt_tokens: num(usage['input_tokens']), completion_tokens: num(usage['output_tokens']) },
  };
}

export const claudeCode: AdapterSpec = {
  name: 'claude-code',
  bin: 'claude',
  packageName: '@anthropic-ai/claude-code',
  install: 'npm i -g @anthropic-ai/claude-code',
  description: 'Claude Code (claude -p, via the Anthropic Messages translation)',
  keyEnv: 'ANTHROPIC_API_KEY',
  droppings: ['CLAUDE.md', '.claude/**'],
  prepare({ model, proxyUrl, home, prompt, maxTurns }) {
    const aliases = ['ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL'];
    return {
      argv: ['-p', '--output-format', 'stream-json', '--verbose', '--dangerously-skip-permissions', '--model', model, '--max-turns', String(maxTurns), prompt],
      env: {
        ANTHROPIC_BASE_URL: proxyUrl.replace(/\/v1\/?$/, ''),
        ...Object.fromEntries(aliases.map((name) => [name, model])),
        CLAUDE_CONFIG_DIR: `${home}/.claude`,
        IS_SANDBOX: '1',
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_ERROR_REPORTING: '1',
        DISABLE_BUG_COMMAND: '1',
        DISABLE_COST_WARNINGS: '1',
        DISABLE_NON_ESSENTIAL_MODEL_CALLS: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        CLAUDE_CODE_DISABLE_TERMINAL_TITLE: '1',
        CLAUDE_CODE_MAX_RETRIES: '1', // the proxy already retries
      },
      files: { '.claude/.keep': '' },
    };
  },
  parse: (stdout) => parseClaudeCode(stdout),
};
