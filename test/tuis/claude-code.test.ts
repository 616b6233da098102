import { describeCliE2e } from './cli-e2e.js';

describeCliE2e('claude-code', 'claude', { timeoutMs: 240_000 });
