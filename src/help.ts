// --help text, built from the flag tables in cli-options.ts.

import { COMMANDS, type CommandSpec } from './cli-options.js';
import { VERSION } from './version.js';

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`);
  return [
    `codingagentbench ${VERSION} — provisional CodingAgentBench scores on your own machine (not for citation)`,
    '',
    'Usage: codingagentbench <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Try it with no endpoint:  npx @codingagentbench/cli check --tui oracle --task mutations/rust-error-negated',
    'Every command takes --help.  Exit codes: 0 ok · 1 below --fail-under or regressed · 2 usage · 3 endpoint/auth · 4 bundle · 130 interrupted',
    '',
  ].join('\n');
}

export function helpText(name: string, spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([flag, o]) => {
    const short = o.short ? `-${o.short}, ` : '    ';
    return [`  ${short}--${flag}${o.value ? ` ${o.value}` : ''}`, o.description] as const;
  });
  const width = Math.min(40, Math.max(...rows.map(([left]) => left.length)));
  const body = rows.map(([left, desc]) => (left.length > width ? `${left}\n${' '.repeat(width + 2)}${desc}` : `${left.padEnd(width)}  ${desc}`));
  return [`codingagentbench ${name} — ${spec.summary}`, '', `Usage: ${spec.usage}`, '', 'Options:', ...body, ''].join('\n');
}
