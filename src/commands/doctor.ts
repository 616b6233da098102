// `doctor`: toolchains found (with versions), the sandbox, the drivers, and with --endpoint what
// the server supports, which tool mode `check` would use, and in which dialect the model's
// tool call came back when the server did not parse it (with the server fix).

import { firstEnv } from '../config.js';
import { useColor, type Io } from '../io.js';
import { tuiStatus, type TuiStatus } from '../tuis/status.js';
import { detectToolchains, toolchainNames } from '../workspace/toolchains.js';
import { sandboxAvailable } from '../workspace/exec.js';
import { flagBool, flagList, flagString, type CommandArgs } from './args.js';
import { parseExtraHeaders } from '../llm/extra-headers.js';
import pc from 'picocolors';

type Probe = Awaited<ReturnType<typeof import('../llm/probe.js')['probeEndpoint']>>;

interface DoctorReport {
  toolchains: Record<string, string | null>;
  sandbox: string;
  tuis: Record<string, TuiStatus>;
  endpoint: (Probe & { url_host: string | null; headers: string[] }) | null;
}

async function probe(args: CommandArgs, io: Io): Promise<DoctorReport['endpoint']> {
  const endpoint = flagString(args, 'endpoint') ?? firstEnv(io.env, ['CAB_ENDPOINT', 'OPENAI_BASE_URL', 'OPENAI_API_BASE']);
  if (!endpoint) return null;
  const key = flagString(args, 'key') ?? firstEnv(io.env, ['CAB_KEY', 'OPENAI_API_KEY']);
  const model = flagString(args, 'model') ?? firstEnv(io.env, ['CAB_MODEL']);
  const headers = parseExtraHeaders(flagList(args, 'header'), io.env.CAB_HEADERS);
  const { probeEndpoint } = await import('../llm/probe.js');
  const { endpointHost } = await import('../llm/normalize-url.js');
  const result = await probeEndpoint({ baseUrl: endpoint, ...(key ? { key } : {}), headers, ...(model ? { model } : {}) });
  return { ...result, url_host: endpointHost(endpoint), headers: Object.keys(headers) };
}

function toolCallLines(e: NonNullable<DoctorReport['endpoint']>, mark: (ok: boolean) => string): string[] {
  if (e.tool_call === 'parsed') return [`  ${mark(true)} the probe's tool call came back as tool_calls`];
  if (e.tool_call === 'none') return ['  - the model answered the probe without a tool call'];
  if (e.tool_call !== 'as-text') return [];
  return [
    `  ${mark(false)} the probe's tool call came back as text, written in the ${e.dialect ?? '?'} dialect: the server did not parse it (check reads it anyway, with a warning)`,
    `    fix: ${e.server_fix ?? ''}`,
  ];
}

function render(report: DoctorReport, color: boolean): string {
  const paint = pc.createColors(color);
  const mark = (ok: boolean): string => (ok ? paint.green('✓') : paint.red('✗'));
  const lines = ['Toolchains'];
  for (const [name, version] of Object.entries(report.toolchains)) lines.push(`  ${mark(version !== null)} ${name.padEnd(8)} ${version ?? paint.dim('not found')}`);
  lines.push('', `Sandbox for tests and the shell tool: ${report.sandbox === 'bwrap' ? 'bwrap (no network, only the workdir writable)' : 'none (bwrap not available: processes run unconfined)'}`);
  lines.push('', 'Drivers (--tui)');
  for (const [name, status] of Object.entries(report.tuis)) lines.push(`  ${mark(status.available)} ${name.padEnd(12)} ${status.detail}`);
  if (report.endpoint) {
    const e = report.endpoint;
    lines.push('', `Endpoint ${e.url_host ?? ''}`);
    if (e.headers.length > 0) lines.push(`  extra headers sent (values hidden): ${e.headers.join(', ')}`);
    lines.push(`  ${mark(e.reachable)} reachable`, `  ${mark(e.auth === 'ok' || e.auth === 'not-required')} auth: ${e.auth}`);
    lines.push(`  ${mark(e.models !== null)} /v1/models: ${e.models === null ? 'not listed' : e.models.slice(0, 8).join(', ') || '(empty)'}`);
    if (e.models_error) lines.push(`    ${paint.dim(e.models_error)}`);
    lines.push(`  ${mark(e.native_tools === true)} native tool calls: ${e.native_tools ?? 'unknown'}`);
    lines.push(...toolCallLines(e, mark));
    if (e.streaming_error) lines.push(`  ${mark(false)} streaming: the streamed call failed although the plain ones worked`, `    ${paint.dim(e.streaming_error)}`);
    else lines.push(`  ${mark(e.streaming_usage === true)} streaming usage: ${e.streaming_usage ?? 'unknown'}`);
    lines.push(`  → check would use tool mode: ${e.mode ?? 'unknown'}${e.streaming_error ? ', and needs --no-stream' : ''}`);
    if (e.error) lines.push(`  ${paint.red(e.error)}`);
  } else {
    lines.push('', 'Endpoint: not checked (pass --endpoint <url> --model <id>)');
  }
  return `${lines.join('\n')}\n`;
}

export async function doctorCommand(args: CommandArgs, io: Io): Promise<number> {
  const [toolchains, sandbox, tuis, endpoint] = await Promise.all([detectToolchains(toolchainNames()), sandboxAvailable(), tuiStatus(), probe(args, io)]);
  const report: DoctorReport = { toolchains, sandbox, tuis, endpoint };
  if (flagBool(args, 'json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(render(report, useColor(io, 'stdout', flagBool(args, 'no-color'))));
  // no chat call worked (a gateway's 400 for a missing routing header, say): check could not run either
  if (endpoint && (!endpoint.reachable || endpoint.auth === 'refused' || endpoint.mode === null)) return 3;
  return 0;
}
