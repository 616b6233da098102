// Reading tool arguments the model sent: plain checks with messages the model can act on.

import type { ToolArgs } from './types.js';

export class ArgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgError';
  }
}

export function requiredString(args: ToolArgs, key: string): string {
  const value = args[key];
  if (typeof value !== 'string') {
    throw new ArgError(value === undefined ? `missing required argument "${key}" (a string)` : `argument "${key}" must be a string`);
  }
  return value;
}

export function optionalString(args: ToolArgs, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ArgError(`argument "${key}" must be a string`);
  return value;
}

/** A workdir-relative path argument; "" and "." mean the workdir itself (returned as ""). */
export function pathArg(args: ToolArgs, key: string, required: boolean): string {
  const raw = required ? requiredString(args, key) : optionalString(args, key) ?? '';
  const trimmed = raw.trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') {
    if (required) throw new ArgError(`argument "${key}" must name a file inside the workdir`);
    return '';
  }
  return trimmed;
}
