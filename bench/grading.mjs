// Grading overhead for `npm run bench`: what the grade stage adds on top of the task's own tests
// (graded copy, canaries, reporter set-up, reading results, the monitor) — the grading span of an
// oracle run minus the test command's own duration, per language.

import { spawnSync } from 'node:child_process';

const TASKS = {
  python: 'mutations/python-off-by-one',
  javascript: 'mutations/js-negated-condition',
  go: 'mutations/go-dropped-error',
  rust: 'mutations/rust-error-negated',
  java: 'mutations/java-off-by-one',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function overheadOnce(cli, task, env) {
  const r = spawnSync(process.execPath, [cli, 'check', '--tui', 'oracle', '--task', task, '--json', '--no-save'], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) return null;
  const cell = JSON.parse(r.stdout).results[0];
  const span = cell.spans?.find((s) => s.kind === 'grading');
  if (!span || typeof span.attrs?.tests_ms !== 'number') return null;
  return span.duration_ms - span.attrs.tests_ms;
}

/** results.grading_overhead_<language>_ms and results.grading_overhead_ms (the median over languages). */
export function measureGrading(results, { cli, reps, env }) {
  const perLanguage = [];
  for (const [language, task] of Object.entries(TASKS)) {
    const runs = Array.from({ length: Math.max(1, Math.min(reps, 5)) }, () => overheadOnce(cli, task, env)).filter((x) => x !== null);
    if (runs.length === 0) continue; // toolchain missing here
    results[`grading_overhead_${language}_ms`] = median(runs);
    perLanguage.push(median(runs));
  }
  if (perLanguage.length > 0) results.grading_overhead_ms = median(perLanguage);
}
