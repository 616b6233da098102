// Streamed chunks → one message. Tool-call deltas are merged by id where an id is present, else by
// index: id and name usually come only in the first delta and arguments in pieces, but some
// servers send the whole call in one delta, repeat the id in every delta, omit the index, send
// arguments as an object, or omit the id altogether (we synthesise one). A gateway seen in the
// wild renumbers every call to index 0 and re-sends whole calls (same id) later: a re-sent call
// replaces the one it repeats. A trailing all-zero usage never hides real numbers sent before it.

import type { ToolCall } from './types.js';
import { contentText, finishReason, newToolCallId, normalizeArguments, reasoningText, usageOf } from './message-parts.js';
import type { AssembledMessage, RawUsage } from './message-parts.js';

interface Slot {
  index: number | null;
  id: string;
  name: string;
  args: string;
  argsObject: boolean; // arguments arrived as an object: replace, don't append
}

export interface StreamAssembler {
  /** Feeds one parsed chunk; returns the content text it added (for onDelta). */
  push(chunk: unknown): string;
  /** True once any content, reasoning, tool call or finish reason arrived. */
  readonly gotAnything: boolean;
  result(): AssembledMessage;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function findSlot(slots: Slot[], delta: Obj): Slot {
  const index = typeof delta['index'] === 'number' ? delta['index'] : null;
  const id = typeof delta['id'] === 'string' && delta['id'] !== '' ? delta['id'] : null;
  const fn = isObj(delta['function']) ? delta['function'] : {};
  const name = typeof fn['name'] === 'string' && fn['name'] !== '' ? fn['name'] : null;
  const hasName = name !== null;
  let slot: Slot | undefined;
  // By id first (same index or no index on either side: ids shared across indexes are not ids)
  if (id !== null) slot = slots.find((s) => s.id === id && (index === null || s.index === null || s.index === index));
  if (slot === undefined && index !== null) slot = [...slots].reverse().find((s) => s.index === index);
  else if (slot === undefined && id === null) slot = hasName ? undefined : slots[slots.length - 1];
  // Same index but a different id on a call that already has a name: a new call (buggy servers).
  if (slot !== undefined && id !== null && slot.id !== '' && slot.id !== id && slot.name !== '') slot = undefined;
  // Same index, no ids, but another tool name: also a new call.
  if (slot !== undefined && name !== null && slot.name !== '' && slot.name !== name) slot = undefined;
  if (slot === undefined) {
    slot = { index, id: '', name: '', args: '', argsObject: false };
    slots.push(slot);
  }
  return slot;
}

function wholeJson(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whole arguments again for a call whose arguments are already whole: a re-sent call. */
function isResent(slot: Slot, args: string): boolean {
  return slot.args !== '' && !slot.argsObject && wholeJson(args) && wholeJson(slot.args);
}

/** Real numbers win over a later usage of all zeros (a gateway's trailing summary chunk). */
function keepUsage(next: RawUsage | null, current: RawUsage | null): RawUsage | null {
  if (next === null) return current;
  if (current !== null && next.prompt_tokens === 0 && next.completion_tokens === 0) return current;
  return next;
}

function mergeToolDelta(slots: Slot[], delta: Obj): void {
  const slot = findSlot(slots, delta);
  if (typeof delta['id'] === 'string' && delta['id'] !== '' && slot.id === '') slot.id = delta['id'];
  const fn = isObj(delta['function']) ? delta['function'] : {};
  if (typeof fn['name'] === 'string' && fn['name'] !== '' && slot.name === '') slot.name = fn['name'];
  const args = fn['arguments'];
  if (typeof args === 'string') {
    if (isResent(slot, args)) slot.args = args;
    else if (!slot.argsObject) slot.args += args;
  } else if (args !== undefined && args !== null) {
    slot.args = JSON.stringify(args);
    slot.argsObject = true;
  }
}

export function createStreamAssembler(): StreamAssembler {
  let content = '';
  let reasoning = '';
  let finish: string | null = null;
  let usage: RawUsage | null = null;
  let got = false;
  const slots: Slot[] = [];

  function push(chunk: unknown): string {
    if (!isObj(chunk)) return '';
    usage = keepUsage(usageOf(chunk['usage']), usage);
    const choices = Array.isArray(chunk['choices']) ? chunk['choices'] : [];
    const choice = choices.find((c: unknown) => isObj(c) && (c['index'] === undefined || c['index'] === 0)) as Obj | undefined;
    if (choice === undefined) return '';
    usage = keepUsage(usageOf(choice['usage']), usage);
    const delta = isObj(choice['delta']) ? choice['delta'] : isObj(choice['message']) ? choice['message'] : {};
    const text = contentText(delta['content']);
    content += text;
    reasoning += reasoningText(delta);
    const calls = Array.isArray(delta['tool_calls']) ? delta['tool_calls'] : [];
    for (const call of calls) if (isObj(call)) mergeToolDelta(slots, call);
    if (isObj(delta['function_call'])) mergeToolDelta(slots, { index: 0, function: delta['function_call'] });
    if (typeof choice['finish_reason'] === 'string' && choice['finish_reason'] !== '') finish = choice['finish_reason'];
    if (text !== '' || reasoning !== '' || calls.length > 0 || finish !== null) got = true;
    return text;
  }

  function result(): AssembledMessage {
    const tool_calls: ToolCall[] = slots
      .filter((s) => s.name !== '')
      .map((s) => ({ id: s.id === '' ? newToolCallId() : s.id, name: s.name, arguments: normalizeArguments(s.args) }));
    return { content, reasoning, tool_calls, finish_reason: finishReason(finish, tool_calls.length > 0), usage };
  }

  return {
    push,
    get gotAnything() {
      return got;
    },
    result,
  };
}
