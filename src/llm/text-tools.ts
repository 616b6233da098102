// Text tool calls, for endpoints without native tools (or models that write calls as text):
// describeTools() is the prompt section offering the tools and the exact call format;
// parseTextToolCalls() reads calls back from a reply, in whatever dialect the model wrote them.

import { readToolCalls } from './dialects/registry.js';
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

/**
 * Tool calls written as text, in any dialect the registry knows (dialects/registry.ts). Only
 * names in `allowed` count; anything malformed is ignored.
 */
export function parseTextToolCalls(content: string, allowed: readonly string[]): ToolCall[] {
  const tools = allowed.map((name) => ({ name, description: '', parameters: {} }));
  return readToolCalls(content, tools).calls;
}
