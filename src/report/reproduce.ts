// The exact non-interactive command that reproduces a run (printed after an interactive one).
// The key is never part of it: the user is told to set CAB_KEY instead.

import type { CheckConfig } from '../config.js';

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function reproduceCommand(config: Readonly<CheckConfig>): string {
  const args = ['npx', '@codingagentbench/cli', 'check'];
  for (const task of config.tasks) args.push('--task', task);
  for (const category of config.categories) args.push('--category', category);
  if (config.all) args.push('--all');
  if (config.tui !== 'builtin') args.push('--tui', config.tui);
  if (config.endpoint && config.tui === 'builtin') args.push('--endpoint', config.endpoint);
  if (config.model && config.tui === 'builtin') args.push('--model', config.model);
  if (config.bundle) args.push('--bundle', config.bundle);
  if (config.repeat > 1) args.push('--repeat', String(config.repeat));
  const command = args.map(quote).join(' ');
  return config.key && config.tui === 'builtin' ? `CAB_KEY=… ${command}` : command;
}
