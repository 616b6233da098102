// The tests a task's grading must see, recorded by `bundle` validation (SWE-bench's FAIL_TO_PASS
// and PASS_TO_PASS): `<task>/expected-tests.json` in the task source, copied into the manifest.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CabError } from '../errors.js';

export interface ExpectedTests {
  fail_to_pass: string[];
  pass_to_pass: string[];
}

export const EXPECTED_TESTS_FILE = 'expected-tests.json';

function idList(value: unknown, where: string, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new CabError('bundle', `${where}: ${key} must be an array of test IDs`, { hint: 'rerun `bundle --record-tests` to rewrite it' });
  }
  return value as string[];
}

export function parseExpectedTests(json: unknown, where: string): ExpectedTests {
  const obj = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  return { fail_to_pass: idList(obj.fail_to_pass, where, 'fail_to_pass'), pass_to_pass: idList(obj.pass_to_pass, where, 'pass_to_pass') };
}

/** A task source's recorded tests, or null when it has none yet. */
export async function readExpectedTests(taskDir: string, where: string): Promise<ExpectedTests | null> {
  const text = await readFile(join(taskDir, EXPECTED_TESTS_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return parseExpectedTests(JSON.parse(text), where);
  } catch (error) {
    if (error instanceof CabError) throw error;
    throw new CabError('bundle', `${where}: not valid JSON`, { hint: 'rerun `bundle --record-tests` to rewrite it', cause: error });
  }
}

