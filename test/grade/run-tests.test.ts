import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskSpec } from '../../src/bundle/task-spec.js';
import { applySolution } from '../../src/workspace/apply-solution.js';
import { sandboxAvailable } from '../../src/workspace/exec.js';
import { createScratch, type Scratch } from '../../src/workspace/scratch.js';
import { runTests, verifyArgv } from '../../src/grade/run-tests.js';
import { writeTree } from '../workspace/fixtures.js';

function task(verify: string[], extra: Partial<TaskSpec> = {}): TaskSpec {
  return {
    id: 'polyglot/demo', category: 'polyglot', language: 'python', title: 'demo', version: '1', max_turns: 5, timeout_s: 60,
    verify_timeout_s: 30, test: verify, verify, ground_truth_files: [], expected_refusal: false, refusal_docs: [], protected: [],
    constraints: [], toolchains: ['python3'], ignore: [], ...extra,
  };
}

const GRADE = `import os, sys
from pathlib import Path
grader = os.environ["CAB_GRADER_DIR"]
assert Path(sys.argv[0]).resolve().parent == Path(grader).resolve(), (sys.argv[0], grader)
answer = Path("answer.txt").read_text().strip()
print("cwd", os.getcwd())
print("grader", grader)
print("CARGO_TARGET_DIR", os.environ.get("CARGO_TARGET_DIR"))
print("1 passed, 0 failed" if answer == "42" else "0 passed, 1 failed")
sys.exit(0 if answer == "42" else 1)
`;

const boxed = (await sandboxAvailable()) === 'bwrap';
let scratch: Scratch | null = null;
afterEach(async () => {
  await scratch?.dispose();
  scratch = null;
});

async function layout(answer: string): Promise<{ workdir: string; grader: string; solution: string }> {
  scratch = await createScratch();
  await writeTree(scratch.root, {
    'workdir/answer.txt': answer,
    'grader/grade.py': GRADE,
    'task/solution/answer.txt': '42\n',
    'task/solution/extra/new.txt': 'added by the solution\n',
  });
  await mkdir(join(scratch.root, 'grading'));
  return { workdir: join(scratch.root, 'workdir'), grader: join(scratch.root, 'grader'), solution: join(scratch.root, 'task/solution') };
}

/** The graded run's exec result, in the scratch dir's grading/ folder. */
async function runVerify(opts: { task: TaskSpec; workDir: string; graderDir: string | null; timeoutMs?: number }) {
  const run = await runTests({ task: opts.task, gradedDir: opts.workDir, graderDir: opts.graderDir, runDir: join(scratch?.root as string, 'grading'), canaries: null, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
  return run.exec;
}

describe('verifyArgv', () => {
  it.each([
    [['python3', '{grader}/grade.py'], '/g', ['python3', '/g/grade.py']],
    [['sh', '-c', 'cd {grader} && ls {grader}'], '/g', ['sh', '-c', 'cd /g && ls /g']],
    [['cargo', 'test'], '/g', ['cargo', 'test']],
    [['python3', '{grader}/grade.py'], null, ['python3', '{grader}/grade.py']],
  ])('%j with grader %s → %j', (argv, grader, expected) => {
    expect(verifyArgv(argv, grader)).toEqual(expected);
  });
});

describe('runTests', () => {
  it('runs the grader script by absolute path, in the workdir, with CAB_GRADER_DIR', async () => {
    const { workdir, grader } = await layout('41\n');
    const failing = await runVerify({ task: task(['python3', '{grader}/grade.py']), workDir: workdir, graderDir: grader, timeoutMs: 20_000 });
    expect(failing.exitCode).toBe(1);
    expect(failing.argv).toEqual(['python3', `${grader}/grade.py`]);
    expect(failing.stdout).toContain(`cwd ${workdir}`);
    expect(failing.stdout).toContain(`grader ${grader}`);
    expect(failing.stdout).toContain('0 passed, 1 failed');
  });

  it('passes after the reference solution is overlaid (applySolution)', async () => {
    const { workdir, grader, solution } = await layout('41\n');
    await applySolution(solution, workdir);
    expect(await readFile(join(workdir, 'extra/new.txt'), 'utf8')).toBe('added by the solution\n');
    const r = await runVerify({ task: task(['python3', '{grader}/grade.py']), workDir: workdir, graderDir: grader });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('1 passed, 0 failed');
  });

  it('builds into a fresh folder outside the graded tree (CARGO_TARGET_DIR)', async () => {
    const { workdir, grader } = await layout('42\n');
    const r = await runVerify({ task: task(['python3', '{grader}/grade.py']), workDir: workdir, graderDir: grader });
    const target = /CARGO_TARGET_DIR (\S+)/.exec(r.stdout)?.[1] as string;
    expect(target.startsWith(join(scratch?.root as string, 'grading', 'build'))).toBe(true);
    expect((await stat(target)).isDirectory()).toBe(true);
  });

  it.skipIf(!boxed)('the graded tree is read-only while the tests run', async () => {
    const { workdir } = await layout('42\n');
    const r = await runVerify({ task: task(['sh', '-c', 'echo 41 > answer.txt; touch new.txt']), workDir: workdir, graderDir: null });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/Read-only file system/);
    expect(await readFile(join(workdir, 'answer.txt'), 'utf8')).toBe('42\n');
  });

  it('times out by the task (verify_timeout_s) unless told otherwise', async () => {
    const { workdir } = await layout('42\n');
    const started = performance.now();
    const r = await runVerify({ task: task(['sleep', '30'], { verify_timeout_s: 1 }), workDir: workdir, graderDir: null });
    expect(r.timedOut).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it.skipIf(!boxed)('cannot write into the grader folder (read-only inside the sandbox)', async () => {
    const { workdir, grader } = await layout('42\n');
    const r = await runVerify({ task: task(['sh', '-c', 'echo tampered > {grader}/grade.py']), workDir: workdir, graderDir: grader });
    expect(r.sandbox).toBe('bwrap');
    expect(r.exitCode).not.toBe(0);
    expect(await readFile(join(grader, 'grade.py'), 'utf8')).toBe(GRADE);
  });

  it('without a grader: no CAB_GRADER_DIR, `{grader}` left as is, and nothing secret in the environment', async () => {
    const { workdir } = await layout('42\n');
    const saved = process.env.CAB_KEY;
    process.env.CAB_KEY = 'cab-verify-canary-31337';
    try {
      const r = await runVerify({ task: task(['sh', '-c', 'env; echo "arg={grader}"']), workDir: workdir, graderDir: null });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toMatch(/^CAB_GRADER_DIR=/m);
      expect(r.stdout).toContain('arg={grader}');
      expect(r.stdout).toMatch(/^CI=1$/m);
      expect(r.stdout).not.toContain('cab-verify-canary-31337');
    } finally {
      if (saved === undefined) delete process.env.CAB_KEY;
      else process.env.CAB_KEY = saved;
    }
  });

  it.skipIf(!boxed)('the graded code cannot see the task folder (the reference solution) next to the workdir', async () => {
    const { workdir, grader } = await layout('42\n');
    const r = await runVerify({ task: task(['sh', '-c', 'cat ../task/solution/answer.txt; ls ..; cat {grader}/grade.py | head -1']), workDir: workdir, graderDir: grader });
    expect(r.stdout).not.toContain('42');
    expect(r.stdout).toContain('import os, sys'); // the grader itself is readable
  });
});
