// An Anthropic Messages API request (POST /v1/messages, what Claude Code sends) → one
// chat-completions body: system blocks → a system message, text / tool_use / tool_result blocks →
// user, assistant (tool_calls) and tool messages, client tools → function tools, tool_choice
// mapped. Thinking, images, cache_control and server tools have no chat equivalent and are left out.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const blocksOf = (content: unknown): Obj[] => (typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? content.filter(isObj) : []);

export interface TranslatedMessages {
  body: Obj; // chat-completions body (stream + stream_options set when streaming)
  stream: boolean;
  model: string;
}

function textOf(content: unknown): string {
  return blocksOf(content)
    .map((b) => (b['type'] === 'text' ? str(b['text']) : b['type'] === 'image' ? '[image omitted]' : ''))
    .filter((t) => t !== '')
    .join('\n');
}

function systemMessage(system: unknown): Obj[] {
  const text = textOf(system);
  return text === '' ? [] : [{ role: 'system', content: text }];
}

/** A user turn: its tool results first (they answer the previous assistant turn), then its text. */
function userMessages(content: unknown): Obj[] {
  const out: Obj[] = [];
  for (const block of blocksOf(content)) {
    if (block['type'] !== 'tool_result') continue;
    const text = textOf(block['content']);
    out.push({ role: 'tool', tool_call_id: str(block['tool_use_id']), content: block['is_error'] === true ? `Error: ${text}` : text });
  }
  const text = textOf(blocksOf(content).filter((b) => b['type'] !== 'tool_result'));
  if (text !== '') out.push({ role: 'user', content: text });
  return out;
}

function assistantMessage(content: unknown): Obj {
  const blocks = blocksOf(content);
  const calls = blocks
    .filter((b) => b['type'] === 'tool_use')
    .map((b) => ({ id: str(b['id']), type: 'function', function: { name: str(b['name']), arguments: JSON.stringify(b['input'] ?? {}) } }));
  const text = textOf(blocks.filter((b) => b['type'] === 'text'));
  return { role: 'assistant', content: text === '' && calls.length > 0 ? null : text, ...(calls.length > 0 ? { tool_calls: calls } : {}) };
}

function chatMessages(request: Obj): Obj[] {
  const out = systemMessage(request['system']);
  const messages = Array.isArray(request['messages']) ? request['messages'].filter(isObj) : [];
  for (const m of messages) out.push(...(m['role'] === 'assistant' ? [assistantMessage(m['content'])] : userMessages(m['content'])));
  return out;
}

/** Client tools (with an input_schema) → function tools; server tools (web search …) are dropped. */
function chatTools(tools: unknown): Obj[] {
  if (!Array.isArray(tools)) return [];
  return tools
    .filter((t): t is Obj => isObj(t) && isObj(t['input_schema']))
    .map((t) => ({ type: 'function', function: { name: str(t['name']), description: str(t['description']), parameters: t['input_schema'] } }));
}

function toolChoice(choice: unknown): unknown {
  if (!isObj(choice)) return undefined;
  if (choice['type'] === 'any') return 'required';
  if (choice['type'] === 'none') return 'none';
  if (choice['type'] === 'tool') return { type: 'function', function: { name: str(choice['name']) } };
  return choice['type'] === 'auto' ? 'auto' : undefined;
}

export function messagesToChat(request: Obj): TranslatedMessages {
  const stream = request['stream'] === true;
  const model = str(request['model']);
  const body: Obj = { model, messages: chatMessages(request), stream };
  const tools = chatTools(request['tools']);
  if (tools.length > 0) body['tools'] = tools;
  const choice = tools.length > 0 ? toolChoice(request['tool_choice']) : undefined;
  if (choice !== undefined) body['tool_choice'] = choice;
  if (typeof request['max_tokens'] === 'number') body['max_tokens'] = request['max_tokens'];
  for (const name of ['temperature', 'top_p'] as const) if (typeof request[name] === 'number') body[name] = request[name];
  if (Array.isArray(request['stop_sequences']) && request['stop_sequences'].length > 0) body['stop'] = request['stop_sequences'];
  if (stream) body['stream_options'] = { include_usage: true };
  return { body, stream, model };
}
