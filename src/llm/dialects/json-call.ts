// A call written as a JSON object: {"name", "arguments"} and the other spellings models use
// ("parameters", "args", "input"; "tool" or "tool_name" for the name; an OpenAI-style "function"
// wrapper). An object with any other key is an answer that happens to have a name, not a call.

import type { PyCall } from './python-literal.js';
import type { RawCall } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const NAME_KEYS = ['name', 'tool', 'tool_name', 'function', 'recipient_name'];
const ARG_KEYS = ['arguments', 'parameters', 'args', 'input', 'params', 'tool_input'];
const OTHER_KEYS = ['id', 'type', 'call_id', 'tool_call_id', 'index'];
const CALL_KEYS = new Set([...NAME_KEYS, ...ARG_KEYS, ...OTHER_KEYS]);

/**
 * The call in a parsed JSON value, or null. `needArgs`: the object must carry an arguments key
 * (for bare JSON with no marker around it, where `{"name": "bash"}` may just be data).
 */
export function jsonCall(value: unknown, needArgs = false): RawCall | null {
  if (!isObj(value)) return null;
  let obj = value;
  if (isObj(obj['function'])) {
    if (Object.keys(obj).some((k) => !CALL_KEYS.has(k))) return null;
    obj = obj['function'];
  }
  if (Object.keys(obj).some((k) => !CALL_KEYS.has(k))) return null;
  const nameKey = NAME_KEYS.find((k) => typeof obj[k] === 'string');
  if (nameKey === undefined) return null;
  const argKey = ARG_KEYS.find((k) => obj[k] !== undefined);
  if (argKey === undefined && needArgs) return null;
  return { name: obj[nameKey] as string, args: argKey === undefined ? {} : obj[argKey] };
}

/** Every call in a parsed value: one object, an array of them, or {"tool_calls": [...]} / {"tool_call": {…}}. */
export function jsonCalls(value: unknown, needArgs = false): RawCall[] {
  if (isObj(value) && Object.keys(value).length === 1) {
    if (Array.isArray(value['tool_calls'])) return jsonCalls(value['tool_calls'], needArgs);
    if (isObj(value['tool_call'])) return jsonCalls(value['tool_call'], needArgs);
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => jsonCall(item, needArgs)).filter((c): c is RawCall => c !== null);
}

/** Apertus' short form: `{"NAME": {arguments}}`, one key per object. */
export function shortFormCalls(value: unknown): RawCall[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item): RawCall[] => {
    if (!isObj(item) || Object.keys(item).length !== 1) return [];
    const [name, args] = Object.entries(item)[0] as [string, unknown];
    return isObj(args) || typeof args === 'string' ? [{ name, args }] : [];
  });
}

/** A Python call: keyword arguments, or positional ones mapped later onto the schema's order. */
export function pyCall(call: PyCall): RawCall {
  return { name: call.name, args: call.positional.length > 0 && Object.keys(call.kwargs).length === 0 ? call.positional : call.kwargs };
}
