// JavaScript (node --test): two top-level tests appended to the first test file, importing
// node:test and the same assert module the file uses, with the assertion it uses most. Nothing
// marks the must-fail one: only our reporter, in the runner process, knows its name.

import { canaryNames, helperName } from './names.js';
import { findFiles, mostUsed, readText, writeText } from './files.js';
import type { Injector } from './types.js';

type Pair = [pass: string, fail: string];

const ASSERTS: Record<string, Pair> = {
  '.strictEqual': ['strictEqual([0, 0, 0].length, 3)', 'strictEqual([0, 0, 0].length, 4)'],
  '.deepStrictEqual': ['deepStrictEqual([1, 2].map((x) => x * 2), [2, 4])', 'deepStrictEqual([1, 2].map((x) => x * 2), [2, 5])'],
  '.equal': ['equal([0, 0, 0].length, 3)', 'equal([0, 0, 0].length, 4)'],
  '.deepEqual': ['deepEqual([1, 2].map((x) => x * 2), [2, 4])', 'deepEqual([1, 2].map((x) => x * 2), [2, 5])'],
  '.ok': ['ok([0, 0, 0].length === 3)', 'ok([0, 0, 0].length === 4)'],
  '.throws': ['throws(() => JSON.parse("{"))', 'throws(() => JSON.parse("{}"))'],
};

const TEST_FILE = /(^|\/)(test|tests|__tests__)\/.*\.(c|m)?js$|\.(test|spec)\.(c|m)?js$/;

/** An ES import line (spelled out so the bundle holds no import statement of its own here). */
function esmImport(what: string, from: string): string {
  return ['import', what, 'from', `'${from}';\n`].join(' ');
}

function isEsm(rel: string, text: string): boolean {
  if (rel.endsWith('.mjs')) return true;
  if (rel.endsWith('.cjs')) return false;
  return /^\s*import\s/m.test(text);
}

export const javascriptCanaries: Injector = {
  language: 'javascript',
  async inject(root) {
    const [rel] = await findFiles(root, (p) => TEST_FILE.test(p));
    if (rel === undefined) return null;
    const text = await readText(root, rel);
    const siblings = [...text.matchAll(/\b(?:test|it)\(\s*(['"`])((?:(?!\1).)+)\1/g)].map((m) => m[2] as string);
    const [mustPass, mustFail] = canaryNames(siblings, 'works', 'words');
    const [, [pass, fail]] = mostUsed(text, ASSERTS, '.strictEqual');
    const assertModule = /assert\/strict/.test(text) ? 'node:assert/strict' : 'node:assert';
    const [t, a] = [helperName('t'), helperName('a')];
    const head = isEsm(rel, text)
      ? `${esmImport(`{ test as ${t} }`, 'node:test')}${esmImport(a, assertModule)}`
      : `const { test: ${t} } = require('node:test');\nconst ${a} = require('${assertModule}');\n`;
    const body = `${t}(${JSON.stringify(mustPass)}, () => {\n  ${a}.${pass};\n});\n${t}(${JSON.stringify(mustFail)}, () => {\n  ${a}.${fail};\n});\n`;
    await writeText(root, rel, `${text.replace(/\s*$/, '\n')}\n${head}${body}`);
    return { file: rel, mustPass, mustFail, siblings };
  },
};
