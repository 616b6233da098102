// read_file {path}: a text file's content, head + tail with a note when cut; binary refused.

import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolveInside } from '../../workspace/safe-path.js';
import { capHeadTail } from '../cap.js';
import { AGENT_LIMITS } from '../limits.js';
import { pathArg } from './args.js';
import { fail, ok, type AgentTool } from './types.js';

/** Text as stored, or null when the bytes look binary (a NUL in the first 8 KB). */
export function decodeText(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8192).includes(0)) return null;
  return bytes.toString('utf8');
}

async function readBytes(abs: string, size: number): Promise<Buffer> {
  const handle = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const buf = Buffer.alloc(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(buf, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return buf.subarray(0, at);
  } finally {
    await handle.close();
  }
}

export const readFileTool: AgentTool = {
  name: 'read_file',
  description:
    'Read a text file of the working directory. Long files come back as their beginning and end with a note of how much was cut. Binary files are refused.',
  parameters: {
    type: 'object',
    properties: { path: { type: 'string', description: 'file path relative to the working directory' } },
    required: ['path'],
    additionalProperties: false,
  },
  async run(args, ctx) {
    const rel = pathArg(args, 'path', true);
    const abs = await resolveInside(ctx.workdir, rel, 'read');
    const info = await stat(abs);
    if (info.isDirectory()) return fail(`${rel} is a folder; use list_files to see what it holds`);
    if (!info.isFile()) return fail(`${rel} is not a regular file`);
    if (info.size > AGENT_LIMITS.readFileMaxBytes) return fail(`${rel} is ${info.size} bytes, too large to read (limit ${AGENT_LIMITS.readFileMaxBytes})`);
    const text = decodeText(await readBytes(abs, info.size));
    if (text === null) return fail(`${rel} is a binary file (${info.size} bytes); only text files can be read`);
    if (text === '') return ok(`(${rel} is empty)`);
    const max = AGENT_LIMITS.readFileChars;
    if (text.length <= max) return ok(text);
    const lines = text.split('\n').length;
    return ok(`${capHeadTail(text, max)}\n[note: ${rel} has ${text.length} characters in ${lines} lines; only the beginning and end are shown]`);
  },
};
