import { describe, expect, it } from 'vitest';
import { classifyHttpError, classifyInlineError, EndpointError } from '../../src/llm/endpoint-error.js';
import { serverError } from '../../src/llm/error-body.js';
import { CabError } from '../../src/errors.js';

const KEY = 'sk-canary-7f3a9c1e5b2d4f60a8e7';
const ctx = { host: 'api.example:8000', keySent: true, secret: KEY };

interface Row {
  name: string;
  status: number;
  body: unknown;
  kind: EndpointError['kind'];
  includes: string[];
  excludes?: string[];
}

const rows: Row[] = [
  { name: 'OpenAI 401', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com`, type: 'invalid_request_error', code: 'invalid_api_key' } }, kind: 'auth', includes: ['refused the API key', 'HTTP 401 Unauthorized', 'Incorrect API key provided: [redacted]'] },
  { name: '403 forbidden', status: 403, body: { error: { message: 'Project does not have access to model' } }, kind: 'auth', includes: ['HTTP 403 Forbidden', 'does not have access'] },
  { name: 'OpenAI insufficient_quota 429', status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } }, kind: 'quota', includes: ['quota', 'not retried', 'You exceeded your current quota'] },
  { name: 'OpenRouter 402 credits', status: 402, body: { error: { message: 'Insufficient credits. Add more using https://openrouter.ai/credits', code: 402 } }, kind: 'quota', includes: ['HTTP 402 Payment Required', 'Insufficient credits'] },
  { name: 'Groq 429 rate limit', status: 429, body: { error: { message: 'Rate limit reached for model `llama-3.3-70b-versatile` on tokens per minute (TPM)', type: 'tokens', code: 'rate_limit_exceeded' } }, kind: 'rate-limited', includes: ['rate limiting', 'HTTP 429 Too Many Requests', 'tokens per minute'] },
  { name: 'vLLM context length', status: 400, body: { object: 'error', message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.", type: 'BadRequestError', param: null, code: 400 }, kind: 'context-length', includes: ["context window", 'maximum context length is 4096'] },
  { name: 'llama.cpp context (500)', status: 500, body: { error: { code: 500, message: 'the request exceeds the available context size. try increasing the context size or enable context shift', type: 'exceed_context_size_error' } }, kind: 'context-length', includes: ['HTTP 500', 'exceeds the available context size'] },
  { name: 'OpenAI context_length_exceeded code', status: 400, body: { error: { message: 'Too long.', type: 'invalid_request_error', code: 'context_length_exceeded' } }, kind: 'context-length', includes: ['Too long.'] },
  { name: 'NIM input length', status: 400, body: { object: 'error', message: 'Input length 12007 exceeds maximum allowed token size 8192', detail: {} }, kind: 'context-length', includes: ['Input length 12007'] },
  { name: 'Ollama tools', status: 400, body: { error: { message: 'registry.ollama.ai/library/gemma3:4b does not support tools', type: 'api_error', param: null, code: null } }, kind: 'tools-unsupported', includes: ['native tool calls', 'gemma3:4b does not support tools'] },
  { name: 'Ollama native error string', status: 400, body: { error: 'registry.ollama.ai/library/x does not support tools' }, kind: 'tools-unsupported', includes: ['x does not support tools'] },
  { name: 'vLLM auto tool choice', status: 400, body: { object: 'error', message: '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set', type: 'BadRequestError', code: 400 }, kind: 'tools-unsupported', includes: ['--enable-auto-tool-choice'] },
  { name: 'llama.cpp --jinja (500)', status: 500, body: { error: { code: 500, message: 'tools param requires --jinja flag', type: 'server_error' } }, kind: 'tools-unsupported', includes: ['requires --jinja'] },
  { name: 'OpenRouter 404 tool use', status: 404, body: { error: { message: 'No endpoints found that support tool use. To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing', code: 404 } }, kind: 'tools-unsupported', includes: ['No endpoints found that support tool use'] },
  { name: 'FastAPI 422 detail list', status: 422, body: { detail: [{ type: 'missing', loc: ['body', 'model'], msg: 'Field required' }] }, kind: 'bad-request', includes: ['HTTP 422 Unprocessable Entity', 'body.model: Field required'] },
  { name: '404 wrong path', status: 404, body: { detail: 'Not Found' }, kind: 'bad-request', includes: ['no such route or model', 'Not Found'] },
  { name: 'NIM model 404', status: 404, body: { object: 'error', message: 'The model `nope` does not exist.', type: 'NotFoundError', code: 404 }, kind: 'bad-request', includes: ['The model `nope` does not exist.'] },
  { name: 'LiteLLM 500 with string code', status: 500, body: { error: { message: 'litellm.APIConnectionError: upstream down', type: null, param: null, code: '500' } }, kind: 'server', includes: ['failed on its side', 'HTTP 500 Internal Server Error', 'upstream down'] },
  { name: 'nginx HTML 502', status: 502, body: '<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>', kind: 'server', includes: ['HTTP 502 Bad Gateway', 'HTML page: 502 Bad Gateway'] },
  {
    name: "Express's default error page (express-http-proxy, upstream down): the cause, not the stack",
    status: 500,
    body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Error: connect ECONNREFUSED 127.0.0.1:9<br> &nbsp; &nbsp;at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)</pre>\n</body>\n</html>\n',
    kind: 'server',
    includes: ['HTML page: Error: connect ECONNREFUSED 127.0.0.1:9'],
    excludes: ['TCPConnectWrap'],
  },
  { name: 'HTML without title', status: 503, body: '<!DOCTYPE html><html><body><script>var x=1</script><h1>Service   Unavailable</h1><p>Back soon</p></body></html>', kind: 'server', includes: ['HTML page: Service Unavailable Back soon'] },
  { name: 'plain text body', status: 503, body: 'upstream connect error or disconnect/reset before headers.\nreset reason: overflow', kind: 'server', includes: ['upstream connect error or disconnect/reset before headers. reset reason: overflow'] },
  { name: 'empty body', status: 500, body: '', kind: 'server', includes: ['(empty body)'] },
  { name: '408', status: 408, body: '', kind: 'timeout', includes: ['HTTP 408 Request Timeout'] },
  { name: 'echoed Authorization header', status: 400, body: { error: { message: `bad header Authorization: Bearer ${KEY}` } }, kind: 'bad-request', includes: ['Bearer [redacted]'] },
];

describe('classifyHttpError', () => {
  for (const row of rows) {
    it(row.name, () => {
      const text = typeof row.body === 'string' ? row.body : JSON.stringify(row.body);
      const err = classifyHttpError(row.status, text, {}, ctx);
      expect(err).toBeInstanceOf(EndpointError);
      expect(err).toBeInstanceOf(CabError);
      expect(err.kind).toBe(row.kind);
      expect(err.status).toBe(row.status);
      expect(err.code).toBe(row.kind === 'auth' ? 'auth' : 'endpoint');
      expect(err.message).not.toContain('\n');
      expect(err.message.startsWith('endpoint api.example:8000 ')).toBe(true);
      for (const part of row.includes) expect(err.message).toContain(part);
      for (const part of row.excludes ?? []) expect(err.message).not.toContain(part);
      expect(JSON.stringify({ m: err.message, h: err.hint, s: err.serverMessage })).not.toContain(KEY);
      expect(err.hint === undefined || !err.hint.includes('\n')).toBe(true);
    });
  }

  it('says "requires an API key" when none was sent', () => {
    const err = classifyHttpError(401, '{"error":{"message":"No auth credentials found"}}', {}, { host: 'h:1', keySent: false });
    expect(err.message).toBe('endpoint h:1 requires an API key (HTTP 401 Unauthorized): No auth credentials found');
    expect(err.hint).toContain('CAB_KEY');
  });

  it('names a redirect target', () => {
    const err = classifyHttpError(301, '', { location: 'https://h/v1/chat/completions' }, { host: 'h' });
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('redirect to https://h/v1/chat/completions');
  });

  it('cuts a huge body to one short line and never leaks a key cut in half', () => {
    const body = JSON.stringify({ error: { message: `${'x'.repeat(290)} ${KEY} ${'y'.repeat(5000)}` } });
    const err = classifyHttpError(400, body, {}, ctx);
    expect(err.message.length).toBeLessThan(500);
    expect(err.message).not.toContain(KEY.slice(0, 12));
  });

  it('errors inside a 200 response keep the kind their words imply', () => {
    expect(classifyInlineError({ message: 'Provider returned error', code: '502' }, ctx).kind).toBe('server');
    expect(classifyInlineError({ message: 'Rate limit exceeded', code: '429' }, ctx).kind).toBe('rate-limited');
    const ctxErr = classifyInlineError({ message: "This model's maximum context length is 8192 tokens", code: null }, ctx);
    expect(ctxErr.kind).toBe('context-length');
    expect(ctxErr.message).toContain('inside a 200 response');
  });
});

describe('serverError', () => {
  it('appends OpenRouter provider metadata.raw', () => {
    const said = serverError(JSON.stringify({ error: { message: 'Provider returned error', code: 400, metadata: { raw: 'upstream said no', provider_name: 'X' } } }));
    expect(said.message).toBe('Provider returned error (upstream said no)');
  });
  it('reads vLLM/NIM top-level message and Mistral object messages', () => {
    expect(serverError('{"object":"error","message":"bad","type":"BadRequestError","code":400}')).toEqual({ message: 'bad', code: '400', type: 'BadRequestError' });
    // Express/Nest default shape: the sibling message is the real cause
    expect(serverError('{"error":"Internal Server Error","message":"tools param requires --jinja flag","statusCode":500}').message).toBe('Internal Server Error: tools param requires --jinja flag');
    expect(serverError('{"error":"model not found"}').message).toBe('model not found');
    // Portkey 1.15.2 when its upstream is unreachable
    expect(serverError('{"html-message":"Message: fetch failed Cause: Error: connect ECONNREFUSED 127.0.0.1:9 Name: TypeError"}').message).toBe('Message: fetch failed Cause: Error: connect ECONNREFUSED 127.0.0.1:9 Name: TypeError');
    expect(serverError('{"object":"error","message":{"detail":[{"loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}]}}').message).toBe('body.stream_options: Extra inputs are not permitted');
  });
});

describe('a gateway that names a header it needs', () => {
  it.each([
    [401, '{"error":{"message":"missing x-api-key header"}}'],
    [400, '{"error":"Bad Request","message":"x-portkey-provider header is required"}'],
    [403, '{"message":"tenant header missing"}'],
    [400, '{"error":{"message":"Headers are missing: x-tenant-id"}}'],
  ])('HTTP %i %s: the hint says --header', (status, body) => {
    const err = classifyHttpError(status, body, {}, ctx);
    expect(err.hint).toMatch(/--header 'Name: value'/);
  });

  it.each([
    [401, '{"error":{"message":"Incorrect API key provided"}}'],
    [401, '{"error":{"message":"invalid Authorization header"}}'],
    [400, '{"error":{"message":"max_tokens is too large"}}'],
  ])('HTTP %i %s: no header hint', (status, body) => {
    expect(classifyHttpError(status, body, {}, ctx).hint ?? '').not.toMatch(/--header/);
  });
});
