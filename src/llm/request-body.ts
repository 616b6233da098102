// ChatRequest → the JSON body OpenAI-compatible servers expect, and the request hash we record.

import { createHash } from 'node:crypto';
import type { ChatMessage, ChatRequest } from './types.js';

export type WireBody = Record<string, unknown>;

function wireMessage(m: ChatMessage): Record<string, unknown> {
  switch (m.role) {
    case 'assistant': {
      const calls = m.tool_calls ?? [];
      if (calls.length === 0) return { role: 'assistant', content: m.content };
      return {
        role: 'assistant',
        content: m.content,
        tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: m.tool_call_id, name: m.name, content: m.content };
    default:
      return { role: m.role, content: m.content };
  }
}

/** The body without transport options (stream, stream_options): what the model is asked. */
export function wireBody(request: ChatRequest): WireBody {
  const body: WireBody = { model: request.model, messages: request.messages.map(wireMessage) };
  if (request.tools !== undefined && request.tools.length > 0) {
    body['tools'] = request.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
  }
  if (request.max_tokens !== undefined) body['max_tokens'] = request.max_tokens;
  if (request.temperature !== undefined) body['temperature'] = request.temperature;
  return body;
}

/** JSON with object keys sorted at every level: the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 (hex) of the canonical wire body, transport options excluded. */
export function requestSha256(body: WireBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
