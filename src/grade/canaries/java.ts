// Java (the shipped runners: `test("name", () -> …)` calls in main, then `finish();`): a
// must-pass call inserted before the first `finish();`, using the runner's own assertion helper.
// The runners have no expected-failure mark; the canary catches output forged or cut short by
// System.exit/halt (its name is unguessable).

import { canaryNames } from './names.js';
import { captures, findFiles, readText, writeText } from './files.js';
import type { Injector } from './types.js';

function check(text: string): string {
  const want = 3;
  const actual = 'java.util.List.of(0, 0, 0).size()';
  const arity = /static\s+(?:<[^>]+>\s+)?void\s+assertEquals\s*\(([^)]*)\)/.exec(text)?.[1]?.split(',').length;
  if (arity === 3) return `assertEquals(${want}, ${actual}, "size")`;
  if (arity === 2) return `assertEquals(${want}, ${actual})`;
  return `{ if (${actual} != ${want}) throw new AssertionError("size"); }`;
}

export const javaCanaries: Injector = {
  language: 'java',
  async inject(root) {
    for (const rel of await findFiles(root, (p) => p.endsWith('.java') && /(^|\/)tests?\//.test(p))) {
      const text = await readText(root, rel);
      const main = text.indexOf('static void main(');
      const at = main < 0 ? -1 : text.indexOf('finish();', main);
      if (at < 0) continue;
      const indent = /[ \t]*$/.exec(text.slice(0, at))?.[0] ?? '        ';
      const siblings = captures(text, /\btest\(\s*"([^"]+)"/g);
      const [mustPass] = canaryNames(siblings, 'case', 'words');
      const call = `test(${JSON.stringify(mustPass)}, () -> ${check(text)});\n${indent}`;
      await writeText(root, rel, `${text.slice(0, at)}${call}${text.slice(at)}`);
      return { file: rel, mustPass, mustFail: null, siblings };
    }
    return null;
  },
};
