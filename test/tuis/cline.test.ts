import { describeCliE2e } from './cli-e2e.js';

describeCliE2e('cline', 'cline', { timeoutMs: 240_000 });
