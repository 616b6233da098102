// Which of an agent CLI's known droppings (session folders, history files) it left in the
// workdir. They stay there — the blast radius counts them as CodingAgentBench does; this only
// names them in the run's trace.

import { matchesAny } from '../workspace/glob.js';
import { listTree } from '../workspace/list-tree.js';

export async function droppingsFound(workdir: string, globs: readonly string[]): Promise<string[]> {
  if (globs.length === 0) return [];
  try {
    const files = await listTree(workdir, { limit: 20_000 });
    return files.filter((f) => matchesAny(f, globs));
  } catch {
    return [];
  }
}
