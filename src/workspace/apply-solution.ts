// The oracle's move: overlay the task's reference solution onto the workdir.

import { copyTree } from './scratch.js';

export async function applySolution(solutionDir: string, workDir: string): Promise<void> {
  await copyTree(solutionDir, workDir);
}
