// Small typed readers for task.json / manifest.json. Each one names the key and what is wrong,
// so a task author reads "<where>: max_turns must be a positive integer (got 0)".

import { CabError } from '../errors.js';

export type JsonObject = Record<string, unknown>;

export class FieldReader {
  constructor(
    readonly where: string,
    readonly hint: string,
  ) {}

  fail(what: string): never {
    throw new CabError('bundle', `${this.where}: ${what}`, { hint: this.hint });
  }

  object(value: unknown, label: string): JsonObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(`${label} must be a JSON object (got ${describe(value)})`);
    }
    return value as JsonObject;
  }

  onlyKeys(obj: JsonObject, allowed: readonly string[], label: string): void {
    const unknown = Object.keys(obj).filter((key) => !allowed.includes(key));
    if (unknown.length > 0) {
      this.fail(`${label} has unknown key ${quoteList(unknown)} (allowed: ${allowed.join(', ')})`);
    }
  }

  string(obj: JsonObject, key: string, pattern?: RegExp): string {
    const value = obj[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(`${key} must be a non-empty string (got ${describe(value)})`);
    }
    if (pattern && !pattern.test(value)) this.fail(`${key} has an invalid value ${JSON.stringify(value)}`);
    return value;
  }

  optionalString(obj: JsonObject, key: string): string | undefined {
    return obj[key] === undefined ? undefined : this.string(obj, key);
  }

  boolean(obj: JsonObject, key: string): boolean {
    const value = obj[key];
    if (typeof value !== 'boolean') this.fail(`${key} must be true or false (got ${describe(value)})`);
    return value;
  }

  integer(obj: JsonObject, key: string, min: number): number {
    const value = obj[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      const kind = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
      this.fail(`${key} must be ${kind} (got ${describe(value)})`);
    }
    return value;
  }

  strings(obj: JsonObject, key: string, opts: { nonEmpty?: boolean; relative?: boolean } = {}): string[] {
    const value = obj[key];
    if (!Array.isArray(value)) this.fail(`${key} must be an array of strings (got ${describe(value)})`);
    if (opts.nonEmpty && value.length === 0) this.fail(`${key} must not be empty`);
    value.forEach((item, index) => {
      if (typeof item !== 'string' || item === '') {
        this.fail(`${key}[${index}] must be a non-empty string (got ${describe(item)})`);
      }
      if (opts.relative && !isRelativeGlob(item)) {
        this.fail(`${key}[${index}] must be a workdir-relative path without '..' (got ${JSON.stringify(item)})`);
      }
    });
    return [...(value as string[])];
  }
}

/** Workdir-relative path or glob: no leading `/` or drive, no `..` segment, no backslash, no NUL. */
export function isRelativeGlob(value: string): boolean {
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value) || /[\\\0]/.test(value)) return false;
  return !value.split('/').includes('..');
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function quoteList(keys: string[]): string {
  return keys.map((key) => `'${key}'`).join(', ');
}
