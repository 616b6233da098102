// edit_file {path, old_string, new_string}: replace one exact occurrence. Zero or several
// matches are errors that tell the model what to do next.

import { readFile, stat } from 'node:fs/promises';
import { resolveInside } from '../../workspace/safe-path.js';
import { AGENT_LIMITS } from '../limits.js';
import { pathArg, requiredString } from './args.js';
import { decodeText } from './read-file.js';
import { fail, ok, type AgentTool } from './types.js';
import { writeChecked } from './write-file.js';

/** Start offsets of every non-overlapping occurrence of `needle`. */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = haystack.indexOf(needle, at + needle.length);
  }
  return found;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The file uses CRLF but the model wrote LF: match with CRLF instead. */
function adaptLineEnds(text: string, oldString: string, newString: string): [string, string] {
  if (!text.includes('\r\n') || oldString.includes('\r') || !oldString.includes('\n')) return [oldString, newString];
  return [oldString.replace(/\n/g, '\r\n'), newString.replace(/\r?\n/g, '\r\n')];
}

export const editFileTool: AgentTool = {
  name: 'edit_file',
  description:
    'Replace one exact piece of text in a file. old_string must appear exactly once in the file (copy it verbatim, including indentation; add surrounding lines to make it unique). new_string replaces it.',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'file path relative to the working directory' },
      old_string: { type: 'string', description: 'the exact text to replace; must match exactly once' },
      new_string: { type: 'string', description: 'the replacement text' },
    },
    required: ['path', 'old_string', 'new_string'],
    additionalProperties: false,
  },
  async run(args, ctx) {
    const rel = pathArg(args, 'path', true);
    let oldString = requiredString(args, 'old_string');
    let newString = requiredString(args, 'new_string');
    if (oldString === '') return fail('old_string is empty; to create or replace a whole file use write_file');
    if (oldString === newString) return fail('old_string and new_string are identical; nothing to change');
    const abs = await resolveInside(ctx.workdir, rel, 'write');
    const info = await stat(abs).catch(() => null);
    if (info === null) return fail(`${rel} does not exist; use write_file to create it`);
    if (!info.isFile()) return fail(`${rel} is not a regular file`);
    await resolveInside(ctx.workdir, rel, 'read'); // reading has its own rules (no hard links)
    if (info.size > AGENT_LIMITS.writeFileBytes) return fail(`${rel} is ${info.size} bytes, too large to edit (limit ${AGENT_LIMITS.writeFileBytes})`);
    const text = decodeText(await readFile(abs));
    if (text === null) return fail(`${rel} is a binary file; it cannot be edited`);
    [oldString, newString] = adaptLineEnds(text, oldString, newString);
    const found = occurrences(text, oldString);
    if (found.length === 0) {
      return fail(`old_string not found in ${rel}. Read the file again and copy the text exactly, including whitespace and indentation.`);
    }
    if (found.length > 1) {
      const lines = found.slice(0, 10).map((at) => lineOf(text, at));
      return fail(`old_string matches ${found.length} times in ${rel} (lines ${lines.join(', ')}); include more surrounding lines so it matches exactly once`);
    }
    const at = found[0] as number;
    const next = text.slice(0, at) + newString + text.slice(at + oldString.length);
    const written = await writeChecked(ctx.workdir, rel, next);
    if ('output' in written) return written;
    return ok(`ok: edited ${rel} at line ${lineOf(text, at)}`);
  },
};
