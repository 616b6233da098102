// Every agent-CLI adapter, in the order doctor lists them.

import type { AdapterSpec } from './adapter.js';
import { aider } from './aider.js';
import { claudeCode } from './claude-code.js';
import { cline } from './cline.js';
import { continueCli } from './continue-cli.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { kilo } from './kilo.js';
import { opencode } from './opencode.js';
import { pi } from './pi.js';
import { qwenCode } from './qwen-code.js';

export const ADAPTERS: readonly AdapterSpec[] = [opencode, qwenCode, pi, codex, claudeCode, cline, continueCli, kilo, copilot, aider];
