// Rust: a must-pass #[test] function appended to the first integration test (`tests/*.rs`), else
// to `src/tests.rs`, else to the first source file that holds tests. Rust cannot rebind
// `assert_eq!`; the canary catches forged or cut-short libtest output (its name is unguessable).

import { canaryNames } from './names.js';
import { captures, findFiles, readText, writeText } from './files.js';
import type { Injector } from './types.js';

const TEST_FN = /#\[test\]\s*(?:#\[[^\]]*\]\s*)*fn\s+(\w+)/g;

function rustTest(name: string): string {
  return `\n#[test]\nfn ${name}() {\n    assert_eq!([0u8; 3].len(), 3);\n}\n`;
}

async function target(root: string): Promise<string | undefined> {
  const integration = await findFiles(root, (p) => /^tests\/[^/]+\.rs$/.test(p));
  if (integration[0] !== undefined) return integration[0];
  const sources = await findFiles(root, (p) => p.startsWith('src/') && p.endsWith('.rs'));
  if (sources.includes('src/tests.rs')) return 'src/tests.rs';
  for (const rel of sources) if ((await readText(root, rel)).includes('#[test]')) return rel;
  return undefined;
}

export const rustCanaries: Injector = {
  language: 'rust',
  async inject(root) {
    const rel = await target(root);
    if (rel === undefined) return null;
    const text = await readText(root, rel);
    const siblings = captures(text, TEST_FN);
    const [mustPass] = canaryNames(siblings, 'case', 'snake');
    await writeText(root, rel, `${text.replace(/\s*$/, '\n')}${rustTest(mustPass)}`);
    return { file: rel, mustPass, mustFail: null, siblings };
  },
};
