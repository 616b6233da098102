import { describe, expect, it } from 'vitest';
import { apiBase, endpointHost } from '../../src/llm/normalize-url.js';
import { CabError } from '../../src/errors.js';

describe('apiBase', () => {
  const table: Array<[string, string]> = [
    ['http://localhost:8000', 'http://localhost:8000/v1'],
    ['http://localhost:8000/', 'http://localhost:8000/v1'],
    ['http://localhost:8000/v1', 'http://localhost:8000/v1'],
    ['http://localhost:8000/v1/', 'http://localhost:8000/v1'],
    ['localhost:11434', 'http://localhost:11434/v1'],
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1'],
    ['https://api.groq.com/openai/v1', 'https://api.groq.com/openai/v1'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/', 'https://generativelanguage.googleapis.com/v1beta/openai'],
    ['https://proxy.example/llm', 'https://proxy.example/llm/v1'],
    ['http://h:8000/v1/chat/completions', 'http://h:8000/v1'],
    ['http://user:sk-secret@h:8000/v1?x=1#frag', 'http://h:8000/v1'],
    ['  http://127.0.0.1:9/  ', 'http://127.0.0.1:9/v1'],
  ];
  for (const [input, want] of table) it(`${input} → ${want}`, () => expect(apiBase(input)).toBe(want));

  it('rejects non-http schemes and empty input with a config error', () => {
    expect(() => apiBase('ftp://h/v1')).toThrow(CabError);
    expect(() => apiBase('ftp://h/v1')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => apiBase('')).toThrow(/empty or not a URL/);
  });
});

describe('endpointHost', () => {
  const table: Array<[string, string]> = [
    ['http://localhost:8000/v1', 'localhost:8000'],
    ['https://user:sk-secret@api.example.com/v1', 'api.example.com'],
    ['https://api.example.com:443/v1', 'api.example.com'],
    ['127.0.0.1:1234', '127.0.0.1:1234'],
    ['http://[::1]:8080', '[::1]:8080'],
    ['', 'invalid-endpoint'],
  ];
  for (const [input, want] of table) it(`${input} → ${want}`, () => expect(endpointHost(input)).toBe(want));
});
