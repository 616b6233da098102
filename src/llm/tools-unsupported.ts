// Recognising "this server/model cannot do native tool calls", in each server's own words, so
// the agent can fall back to text tool calls. Examples (as real servers send them):
//   Ollama      400 "registry.ollama.ai/library/gemma3:4b does not support tools"
//   vLLM        400 "\"auto\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set"
//   llama.cpp   500 "tools param requires --jinja flag"
//   OpenRouter  404 "No endpoints found that support tool use. …"
//   others      400/422 "Unrecognized request argument supplied: tools", "property 'tools' is unsupported", …

const SPECIFIC: RegExp[] = [
  /does not support tools/i,
  /doesn't support tools/i,
  /tool choice requires --enable-auto-tool-choice/i,
  /--enable-auto-tool-choice/i,
  /tools param requires --jinja/i,
  /no endpoints found that support tool/i,
  /no endpoints found that support the provided 'tool_choice'/i,
];

const MENTIONS_TOOLS = /\btools?\b|tool[_ ]choice|tool[_ ]use|tool[_ ]call|function[_ ]call(ing)?/i;
const REFUSES =
  /not supported|unsupported|does not support|doesn't support|not enabled|requires|unrecognized|unknown (parameter|field|argument|property)|extra inputs|not permitted|not allowed|no endpoints found|not available/i;

/** True when a server's error text (with its HTTP status) says native tools are unavailable. */
export function looksToolsUnsupported(status: number | undefined, message: string): boolean {
  if (SPECIFIC.some((re) => re.test(message))) return true;
  if (status !== undefined && ![400, 404, 405, 422, 500, 501].includes(status)) return false;
  return MENTIONS_TOOLS.test(message) && REFUSES.test(message);
}

/** True for an error (EndpointError or anything with a message) that means "no native tools". */
export function isToolsUnsupported(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { kind, status, message } = err as { kind?: unknown; status?: unknown; message?: unknown };
  if (kind === 'tools-unsupported') return true;
  if (kind !== undefined && kind !== 'bad-request' && kind !== 'server') return false;
  if (typeof message !== 'string') return false;
  return looksToolsUnsupported(typeof status === 'number' ? status : undefined, message);
}
