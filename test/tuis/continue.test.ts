import { describeCliE2e } from './cli-e2e.js';

describeCliE2e('continue', 'cn', { timeoutMs: 240_000 });
