// `list`: the tasks in the bundle, read from the manifest alone (nothing is unpacked; a repeat
// `list` of the same bundle reads the listing cache).

import { readListing } from '../bundle/listing-cache.js';
import { CabError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { missingToolchains } from '../workspace/toolchains.js';
import { bundleFromFlags, flagBool, flagList, type CommandArgs } from './args.js';
import { byCodePoint } from '../util/compare.js';

export interface ListedTask {
  id: string;
  category: string;
  language: string;
  title: string;
  toolchains: string[];
  missing_toolchains: string[];
}

export async function listTasks(args: CommandArgs, io: Io): Promise<ListedTask[]> {
  const bundlePath = await bundleFromFlags(args, io);
  const listed = await readListing(bundlePath, io.env);
  const categories = flagList(args, 'category');
  const known = new Set(listed.map((t) => t.category));
  const unknown = categories.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new CabError('usage', `unknown category '${unknown[0]}'`, { hint: `categories: ${[...known].sort().join(', ')}` });
  const tasks = listed.filter((t) => categories.length === 0 || categories.includes(t.category)).sort((a, b) => byCodePoint(a.id, b.id));
  const absent = new Set(await missingToolchains([...new Set(tasks.flatMap((t) => t.toolchains))]));
  return tasks.map((t) => ({
    id: t.id,
    category: t.category,
    language: t.language,
    title: t.title,
    toolchains: t.toolchains,
    missing_toolchains: t.toolchains.filter((name) => absent.has(name)),
  }));
}

export async function listCommand(args: CommandArgs, io: Io): Promise<number> {
  const tasks = await listTasks(args, io);
  if (flagBool(args, 'json')) {
    io.stdout(`${JSON.stringify({ tasks }, null, 2)}\n`);
    return 0;
  }
  const color = useColor(io, 'stdout', flagBool(args, 'no-color'));
  const paint = color ? (await import('picocolors')).default : { green: (s: string) => s, red: (s: string) => s }; // picocolors loads node:tty
  const idWidth = Math.max(4, ...tasks.map((t) => t.id.length));
  const langWidth = Math.max(8, ...tasks.map((t) => t.language.length));
  const lines = [`${'TASK'.padEnd(idWidth)}  ${'LANGUAGE'.padEnd(langWidth)}  TOOLCHAINS`];
  for (const t of tasks) {
    const chains = t.toolchains.map((name) => {
      const ok = !t.missing_toolchains.includes(name);
      const text = ok ? name : `${name} (missing)`;
      return ok ? paint.green(text) : paint.red(text);
    });
    lines.push(`${t.id.padEnd(idWidth)}  ${t.language.padEnd(langWidth)}  ${chains.join(', ')}`);
  }
  const categories = new Set(tasks.map((t) => t.category)).size;
  const languages = new Set(tasks.map((t) => t.language)).size;
  io.stdout(`${lines.join('\n')}\n\n${tasks.length} tasks · ${categories} categories · ${languages} languages\n`); // one write
  return 0;
}
