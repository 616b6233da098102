// Text tool calls, for endpoints without native tools (or models that write calls as text):
// describeTools() is the prompt section offering the tools and the exact call format;
// parseTextToolCalls() reads calls back from a reply.

import { newToolCallId } from './message-parts.js';
import type { ToolCall, ToolDef } from './types.js';

type Schema = Record<string, unknown>;

function typeOf(schema: Schema): string {
  const t = schema['type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' | ');
  return 'any';
}

function describeParameters(parameters: Schema): string {
  const props = (parameters['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(parameters['required']) ? (parameters['required'] as string[]) : []);
  const names = Object.keys(props);
  if (names.length === 0) return '    arguments: {} (none)';
  return names
    .map((name) => {
      const p = props[name] ?? {};
      const desc = typeof p['description'] === 'string' ? ` — ${p['description']}` : '';
      return `    "${name}": ${typeOf(p)}${required.has(name) ? ' (required)' : ' (optional)'}${desc}`;
    })
    .join('\n');
}

function example(tool: ToolDef): string {
  const props = (tool.parameters['properties'] ?? {}) as Record<string, Schema>;
  const args: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(props)) args[name] = typeOf(p) === 'string' ? '...' : null;
  return JSON.stringify({ name: tool.name, arguments: args });
}

/** A prompt section that offers the tools and shows the exact call format. */
export function describeTools(tools: ToolDef[]): string {
  const first = tools[0];
  const lines = [
    '## Tools',
    '',
    'You can use the tools below. To call a tool, write a block in exactly this format, with a JSON object inside:',
    '',
    '<tool_call>{"name": "TOOL_NAME", "arguments": {...}}</tool_call>',
    '',
    ...(first === undefined ? [] : ['For example:', '', `<tool_call>${example(first)}</tool_call>`, '']),
    'You may write several <tool_call> blocks in one reply. Then stop and wait: each result comes back in the next message.',
    'When the task is finished, reply with a short summary and no <tool_call> block.',
    '',
    'Available tools:',
  ];
  for (const tool of tools) {
    lines.push('', `- ${tool.name}: ${tool.description}`, describeParameters(tool.parameters));
  }
  return lines.join('\n');
}

function parseJsonLoose(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.search(/[[{]/);
    const end = Math.max(trimmed.lastIndexOf('}'), trimmed.lastIndexOf(']'));
    if (start < 0 || end <= start) return undefined;
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      return undefined;
    }
  }
}

function toCall(value: unknown, allowed: ReadonlySet<string>): ToolCall | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  let obj = value as Record<string, unknown>;
  if (typeof obj['function'] === 'object' && obj['function'] !== null) obj = obj['function'] as Record<string, unknown>;
  const name = obj['name'];
  if (typeof name !== 'string' || !allowed.has(name)) return null;
  const raw: unknown = obj['arguments'] ?? obj['parameters'] ?? {};
  const args: unknown = typeof raw !== 'string' ? raw : raw.trim() === '' ? {} : parseJsonLoose(raw);
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return null;
  return { id: newToolCallId(), name, arguments: JSON.stringify(args) };
}

function callsIn(text: string, allowed: ReadonlySet<string>): ToolCall[] {
  const unfenced = text.replace(/^\s*```[a-z_]*\s*\n?/i, '').replace(/\n?```\s*$/, '');
  const parsed = parseJsonLoose(unfenced);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item) => toCall(item, allowed)).filter((c): c is ToolCall => c !== null);
}

const TAGGED = /<tool_call>([\s\S]*?)(?:<\/tool_call>|$)/gi;
const FENCED = /```(?:json|tool_call|tool|tool_code)[ \t]*\r?\n([\s\S]*?)```/gi;

/**
 * Tool calls written as text: `<tool_call>{"name", "arguments"}</tool_call>` blocks (an unclosed
 * last one too), and fenced ```json / ```tool_call blocks holding {"name", "arguments"} (or an
 * array of them). Arguments may be an object or a JSON string. Only names in `allowed` count;
 * anything malformed is ignored.
 */
export function parseTextToolCalls(content: string, allowed: readonly string[]): ToolCall[] {
  const names = new Set(allowed);
  const calls: ToolCall[] = [];
  const rest = content.replace(TAGGED, (_whole, inner: string) => {
    calls.push(...callsIn(inner, names));
    return ' ';
  });
  for (const match of rest.matchAll(FENCED)) calls.push(...callsIn(match[1] ?? '', names));
  return calls;
}
