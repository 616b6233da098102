// One canary injector per language: finds a test file of the graded tree that the task's test
// command runs, appends a must-pass and a must-fail test written with that file's own framework
// and assertions, and says where it put them.

import type { CanaryPlan } from '../types.js';

export interface Injector {
  language: string;
  inject(gradedDir: string): Promise<CanaryPlan | null>;
}
