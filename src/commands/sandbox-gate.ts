// Model-controlled commands (the built-in agent's --shell, every agent CLI) run only inside the
// sandbox, unless the user says in so many words that they accept the risk.

import type { CheckConfig } from '../config.js';
import { CabError } from '../errors.js';
import { adapterFor, type Tui } from '../tuis/registry.js';
import { sandboxAvailable } from '../workspace/exec.js';

function runsModelCommands(config: Readonly<CheckConfig>, tui: Tui): string | null {
  if (tui.name === 'builtin' && config.shell) return '--shell';
  if (adapterFor(tui.name) !== null) return `--tui ${tui.name}`;
  return null;
}

/** Throws a usage error when `what` would run model commands with no sandbox and no opt-in. */
export async function requireSandboxOrOptIn(config: Readonly<CheckConfig>, tui: Tui): Promise<void> {
  const what = runsModelCommands(config, tui);
  if (what === null || config.unsafeNoSandbox) return;
  if ((await sandboxAvailable()) !== 'none') return;
  throw new CabError('usage', `${what} needs a sandbox, and none works here (bwrap missing or unusable, or CAB_SANDBOX=none)`, {
    hint: 'install bubblewrap, or pass --unsafe-no-sandbox to run it unconfined (it could read answers and your files; integrity is then not verifiable)',
  });
}
