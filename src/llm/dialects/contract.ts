// Raw calls → our tool contract: the name must be a tool we offered (a "functions." or
// "default_api." prefix is dropped), arguments become an object with our parameter names (common
// other spellings renamed) and our types (strings where we take strings).

import { newToolCallId } from '../message-parts.js';
import type { ToolCall, ToolDef } from '../types.js';
import { parseLoose } from './scan.js';
import type { RawCall } from './types.js';

type Obj = Record<string, unknown>;

const ALIASES: Record<string, string[]> = {
  path: ['file_path', 'filepath', 'file', 'filename', 'file_name', 'dir', 'directory', 'folder'],
  content: ['contents', 'file_text', 'text', 'data', 'body', 'code'],
  old_string: ['old_str', 'old_text', 'old', 'search', 'find'],
  new_string: ['new_str', 'new_text', 'new', 'replace', 'replacement'],
  command: ['cmd', 'script', 'shell'],
};

const PREFIX = /^(?:functions|default_api|tools|tool|api)[.:]/;

function properties(tool: ToolDef): Record<string, Obj> {
  const props = tool.parameters['properties'];
  return typeof props === 'object' && props !== null ? (props as Record<string, Obj>) : {};
}

function argsObject(args: unknown, tool: ToolDef): Obj | null {
  const value = typeof args === 'string' ? (args.trim() === '' ? {} : parseLoose(args)) : args;
  if (Array.isArray(value)) {
    const names = Object.keys(properties(tool));
    if (value.length > names.length) return null;
    return Object.fromEntries(value.map((v, i) => [names[i] as string, v]));
  }
  return typeof value === 'object' && value !== null ? { ...(value as Obj) } : null;
}

function rename(args: Obj, props: Record<string, Obj>): void {
  for (const [target, others] of Object.entries(ALIASES)) {
    if (!(target in props) || args[target] !== undefined) continue;
    const other = others.find((k) => args[k] !== undefined && !(k in props));
    if (other === undefined) continue;
    args[target] = args[other];
    delete args[other];
  }
}

function coerce(value: unknown, schema: Obj | undefined): unknown {
  const type = schema?.['type'];
  if (type === 'string') return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (type === undefined || typeof value !== 'string') return value;
  const parsed = parseLoose(value);
  return parsed === undefined ? value : parsed;
}

/** The call as we run it, or null when it names no tool we offered or its arguments are no object. */
export function toContract(raw: RawCall, tools: ReadonlyMap<string, ToolDef>): ToolCall | null {
  const name = raw.name.trim().replace(PREFIX, '');
  const tool = tools.get(name);
  if (tool === undefined) return null;
  const args = argsObject(raw.args, tool);
  if (args === null) return null;
  const props = properties(tool);
  rename(args, props);
  for (const key of Object.keys(args)) args[key] = coerce(args[key], props[key]);
  return { id: newToolCallId(), name, arguments: JSON.stringify(args) };
}
