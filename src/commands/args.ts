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
