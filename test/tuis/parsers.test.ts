// Every adapter's output parser against real output captured from the CLI (fixtures/, trimmed to
// the events the parser reads): a solved run and a run against an endpoint that refused the key.
// cline's were captured from cline 3.0 against the scripted endpoint (test/tuis/cli-harness.ts).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAider } from '../../src/tuis/aider.js';
import { parseCline } from '../../src/tuis/cline.js';
import { parseCodex } from '../../src/tuis/codex.js';
import { parseCopilot } from '../../src/tuis/copilot.js';
import { parseKilo } from '../../src/tuis/kilo.js';
import { parseOpencode } from '../../src/tuis/opencode.js';
import { parsePi } from '../../src/tuis/pi.js';
import { parseQwen } from '../../src/tuis/qwen-code.js';
import type { Parsed } from '../../src/tuis/adapter.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}.jsonl`, import.meta.url), 'utf8');

const PARSERS: Record<string, (stdout: string) => Parsed> = {
  pi: parsePi,
  opencode: parseOpencode,
  'qwen-code': parseQwen,
  codex: parseCodex,
  copilot: parseCopilot,
  cline: parseCline,
  kilo: parseKilo,
};

const AUTH_ERRORS: Record<string, RegExp> = {
  pi: /401 Incorrect API key provided/,
  opencode: /^Incorrect API key provided\.$/,
  'qwen-code': /^401 Incorrect API key provided\.$/,
  codex: /unexpected status 401 Unauthorized/,
  copilot: /Authentication failed with provider .*HTTP 401/,
  cline: /^error: Incorrect API key provided\.$/,
  kilo: /^Incorrect API key provided\.$/,
};

describe.each(Object.keys(PARSERS))('%s output', (name) => {
  const parse = PARSERS[name] as (stdout: string) => Parsed;

  it('a solved run: success, the final answer, the test output among the tool outputs', () => {
    const parsed = parse(fixture(`${name}-ok`));
    expect(parsed.success).toBe(true);
    expect(parsed.error).toBeNull();
    expect(parsed.finalAnswer).toBe('Fixed add() in calc.py; the tests pass.');
    expect(parsed.toolOutputs.join('\n')).toContain('Ran 1 test');
  });

  it('a refused key: not success, the CLI’s own error message', () => {
    const parsed = parse(fixture(`${name}-401`));
    expect(parsed.success).toBe(false);
    expect(parsed.error).toMatch(AUTH_ERRORS[name] as RegExp);
  });

  it('empty or garbled output is never success', () => {
    for (const stdout of ['', 'not json\n{"half":', '{"type":"unknown"}\n']) {
      const parsed = parse(stdout);
      expect(parsed.success).toBe(false);
      expect(parsed.error).not.toBeNull();
    }
  });
});

describe('reported usage (informational)', () => {
  it.each([
    ['pi', { prompt_tokens: 3110, completion_tokens: 47 }],
    ['opencode', { prompt_tokens: 15632, completion_tokens: 47 }],
    ['qwen-code', { prompt_tokens: 32463, completion_tokens: 51 }],
    ['codex', { prompt_tokens: 14558, completion_tokens: 48 }],
    ['copilot', null],
    ['cline', { prompt_tokens: 11235, completion_tokens: 50 }],
    ['kilo', { prompt_tokens: 200, completion_tokens: 14 }],
  ])('%s', (name, usage) => {
    expect((PARSERS[name] as (s: string) => Parsed)(fixture(`${name}-ok`)).usage).toEqual(usage);
  });
});

describe('qwen reports an API failure as a "success" result', () => {
  it('the [API Error: …] text makes it a failure', () => {
    const stdout = '{"type":"result","subtype":"success","is_error":false,"result":"[API Error: 500 boom]"}\n';
    expect(parseQwen(stdout)).toMatchObject({ success: false, error: '500 boom' });
  });
});

describe('aider (plain text)', () => {
  it('a finished run with its token report', () => {
    const stdout = 'Applied edit to src/lib.rs\nTokens: 1.4k sent, 617 received.\nThe retry condition was negated; fixed.\n';
    expect(parseAider(stdout, '')).toMatchObject({ success: true, error: null, usage: { prompt_tokens: 1400, completion_tokens: 617 } });
  });

  it('a litellm error line is a failure with that line', () => {
    const stdout = "litellm.AuthenticationError: AuthenticationError: OpenAIException - Incorrect API key provided.\nThe API provider is not able to authenticate you. Check your API key.\n";
    const parsed = parseAider(stdout, '');
    expect(parsed.success).toBe(false);
    expect(parsed.error).toMatch(/^litellm\.AuthenticationError/);
  });

  it('no output is a failure', () => {
    expect(parseAider('', '').success).toBe(false);
  });
});
