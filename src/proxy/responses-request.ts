// A Responses API request (what codex sends) → the chat-completions body the user's endpoint
// takes: instructions and developer messages become one leading system message, function calls
// and their outputs become assistant tool_calls and tool messages, function tools stay function
// tools, freeform ("custom") tools become a function taking one string `input`; hosted tools
// (web_search, namespaces, …) and reasoning items are left out.

import { normalizeArguments } from '../llm/message-parts.js';

type Obj = Record<string, unknown>;

export interface TranslatedRequest {
  body: Obj; // chat-completions body (stream + stream_options set when streaming)
  stream: boolean;
  model: string;
  customTools: Set<string>; // tool names whose calls go back as custom_tool_call
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

type Part = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

function parts(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [];
  const out: Part[] = [];
  for (const p of content) {
    if (typeof p === 'string') out.push({ type: 'text', text: p });
    else if (isObj(p) && typeof p['text'] === 'string') out.push({ type: 'text', text: p['text'] });
    else if (isObj(p) && p['type'] === 'input_image' && typeof p['image_url'] === 'string') out.push({ type: 'image_url', image_url: { url: p['image_url'] } });
  }
  return out;
}

/** Text-only content as one string (parts joined by a blank line); with images, the parts array. */
function chatContent(content: unknown): string | Part[] {
  const list = parts(content);
  if (list.some((p) => p.type === 'image_url')) return list;
  return list.map((p) => (p.type === 'text' ? p.text : '')).join('\n\n');
}

function textOf(content: unknown): string {
  const c = chatContent(content);
  return typeof c === 'string' ? c : c.map((p) => (p.type === 'text' ? p.text : '[image]')).join('\n\n');
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return textOf(output);
  if (isObj(output) && typeof output['content'] === 'string') return output['content'];
  return JSON.stringify(output ?? '');
}

class MessageList {
  readonly messages: Obj[] = [];

  add(message: Obj): void {
    this.messages.push(message);
  }

  /** A tool call joins the assistant message right before it, else starts a new one. */
  toolCall(id: string, name: string, args: string): void {
    const last = this.messages[this.messages.length - 1];
    const call = { id, type: 'function', function: { name, arguments: args } };
    if (last !== undefined && last['role'] === 'assistant') {
      last['tool_calls'] = [...(Array.isArray(last['tool_calls']) ? last['tool_calls'] : []), call];
      return;
    }
    this.add({ role: 'assistant', content: '', tool_calls: [call] });
  }
}

function addItem(list: MessageList, item: Obj): void {
  const type = item['type'] ?? (item['role'] !== undefined ? 'message' : undefined);
  switch (type) {
    case 'message': {
      const role = item['role'] === 'developer' || item['role'] === 'system' ? 'system' : item['role'] === 'assistant' ? 'assistant' : 'user';
      list.add({ role, content: role === 'user' ? chatContent(item['content']) : textOf(item['content']) });
      return;
    }
    case 'function_call':
      list.toolCall(str(item['call_id']) || str(item['id']), str(item['name']), normalizeArguments(item['arguments']));
      return;
    case 'custom_tool_call':
      list.toolCall(str(item['call_id']) || str(item['id']), str(item['name']), JSON.stringify({ input: str(item['input']) }));
      return;
    case 'function_call_output':
    case 'custom_tool_call_output':
      list.add({ role: 'tool', tool_call_id: str(item['call_id']), content: outputText(item['output']) });
      return;
    default:
      return; // reasoning, web_search_call, … carry nothing a chat model can use
  }
}

/** Leading system messages merged into one; a later one becomes a user note (many chat templates allow a system message only first). */
function normaliseSystem(messages: Obj[]): Obj[] {
  const lead: string[] = [];
  let i = 0;
  while (i < messages.length && messages[i]?.['role'] === 'system') lead.push(str(messages[i]?.['content'])), i++;
  const rest = messages.slice(i).map((m) => (m['role'] === 'system' ? { role: 'user', content: `[system note]\n${str(m['content'])}` } : m));
  return lead.length === 0 ? rest : [{ role: 'system', content: lead.join('\n\n') }, ...rest];
}

function translateTools(tools: unknown): { tools: Obj[]; custom: Set<string> } {
  const out: Obj[] = [];
  const custom = new Set<string>();
  for (const t of Array.isArray(tools) ? tools : []) {
    if (!isObj(t) || typeof t['name'] !== 'string') continue;
    const description = str(t['description']);
    if (t['type'] === 'function') {
      const parameters = isObj(t['parameters']) ? t['parameters'] : { type: 'object', properties: {} };
      out.push({ type: 'function', function: { name: t['name'], description, parameters } });
    } else if (t['type'] === 'custom') {
      custom.add(t['name']);
      const input = { type: 'string', description: 'the raw input for this tool, exactly as its description asks' };
      out.push({ type: 'function', function: { name: t['name'], description, parameters: { type: 'object', properties: { input }, required: ['input'] } } });
    }
  }
  return { tools: out, custom };
}

function toolChoice(choice: unknown): unknown {
  if (typeof choice === 'string') return choice;
  if (isObj(choice) && typeof choice['name'] === 'string') return { type: 'function', function: { name: choice['name'] } };
  return undefined;
}

export function responsesToChat(req: Obj): TranslatedRequest {
  const list = new MessageList();
  if (typeof req['instructions'] === 'string' && req['instructions'] !== '') list.add({ role: 'system', content: req['instructions'] });
  const input = req['input'];
  if (typeof input === 'string') list.add({ role: 'user', content: input });
  else if (Array.isArray(input)) for (const item of input) if (isObj(item)) addItem(list, item);
  const { tools, custom } = translateTools(req['tools']);
  const stream = req['stream'] === true;
  const model = str(req['model']);
  const body: Obj = { model, messages: normaliseSystem(list.messages) };
  if (tools.length > 0) {
    body['tools'] = tools;
    const choice = toolChoice(req['tool_choice']);
    if (choice !== undefined) body['tool_choice'] = choice;
    if (typeof req['parallel_tool_calls'] === 'boolean') body['parallel_tool_calls'] = req['parallel_tool_calls'];
  }
  if (typeof req['max_output_tokens'] === 'number') body['max_tokens'] = req['max_output_tokens'];
  if (typeof req['temperature'] === 'number') body['temperature'] = req['temperature'];
  if (typeof req['top_p'] === 'number') body['top_p'] = req['top_p'];
  body['stream'] = stream;
  if (stream) body['stream_options'] = { include_usage: true };
  return { body, stream, model, customTools: custom };
}
