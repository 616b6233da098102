// What cli.ts hands each command: the parsed flags and positionals.

export interface CommandArgs {
  command: string;
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export function flagString(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flagBool(args: CommandArgs, name: string): boolean {
  return args.values[name] === true;
}

export function flagList(args: CommandArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The bundle named by --bundle/--sha256/--allow-http (or the shipped one), as a local path. */
export async function bundleFromFlags(args: CommandArgs, io: { signal: AbortSignal; cwd: string }): Promise<string> {
  const { resolveBundle } = await import('../bundle/locate.js');
  return resolveBundle(flagString(args, 'bundle'), { sha256: flagString(args, 'sha256'), allowHttp: flagBool(args, 'allow-http'), signal: io.signal, cwd: io.cwd });
}
