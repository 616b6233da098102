// Go: a must-pass test function appended to the first `_test.go` file of the module's root
// package (any package when the root has none); the file already imports "testing". Go has no
// expected-failure mark, and code under test cannot rebind `testing`: what a canary must catch
// here is forged or cut-short output, which a must-pass test with an unguessable name does.

import { canaryNames } from './names.js';
import { captures, findFiles, readText, writeText } from './files.js';
import type { Injector } from './types.js';

function goTest(name: string, want: number): string {
  return `\nfunc ${name}(t *testing.T) {\n\tif got := len([]int{0, 0, 0}); got != ${want} {\n\t\tt.Fatalf("len = %d, want ${want}", got)\n\t}\n}\n`;
}

export const goCanaries: Injector = {
  language: 'go',
  async inject(root) {
    const files = await findFiles(root, (p) => p.endsWith('_test.go'));
    const rel = files.find((p) => !p.includes('/')) ?? files[0];
    if (rel === undefined) return null;
    const text = await readText(root, rel);
    if (!/"testing"/.test(text)) return null;
    const siblings = captures(text, /^func (Test\w*)\(\w+ \*testing\.T\)/gm);
    const [mustPass] = canaryNames(siblings, 'TestCase', 'camel');
    await writeText(root, rel, `${text.replace(/\s*$/, '\n')}${goTest(mustPass, 3)}`);
    return { file: rel, mustPass, mustFail: null, siblings };
  },
};
