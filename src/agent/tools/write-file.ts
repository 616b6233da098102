// write_file {path, content}: create or replace a file inside the workdir (parent folders are
// created, inside the workdir only), atomically, up to a size cap.

import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../workspace/fs-safe.js';
import { resolveInside } from '../../workspace/safe-path.js';
import { AGENT_LIMITS } from '../limits.js';
import { pathArg, requiredString } from './args.js';
import { fail, ok, type AgentTool, type ToolResult } from './types.js';

async function existing(abs: string): Promise<'file' | 'folder' | 'other' | null> {
  try {
    const info = await stat(abs);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
  } catch {
    return null;
  }
}

/** Writes `content` to a resolved path; shared by write_file and edit_file. */
export async function writeChecked(workdir: string, rel: string, content: string): Promise<ToolResult | { abs: string; bytes: number; created: boolean }> {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > AGENT_LIMITS.writeFileBytes) return fail(`content is ${bytes} bytes; the limit is ${AGENT_LIMITS.writeFileBytes} bytes per file`);
  const abs = await resolveInside(workdir, rel, 'write');
  const kind = await existing(abs);
  if (kind === 'folder') return fail(`${rel} is a folder; give a file path`);
  if (kind === 'other') return fail(`${rel} is not a regular file`);
  if (kind === null) {
    await mkdir(dirname(abs), { recursive: true });
    await resolveInside(workdir, rel, 'write'); // re-check: the folders just made are plain folders
  }
  await writeFileAtomic(abs, content);
  return { abs, bytes, created: kind === null };
}

export const writeFileTool: AgentTool = {
  name: 'write_file',
  description:
    'Create a file or replace its whole content. Parent folders are created. Prefer edit_file for changing part of an existing file.',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'file path relative to the working directory' },
      content: { type: 'string', description: 'the complete new content of the file' },
    },
    required: ['path', 'content'],
    additionalProperties: false,
  },
  async run(args, ctx) {
    const rel = pathArg(args, 'path', true);
    const content = requiredString(args, 'content');
    const written = await writeChecked(ctx.workdir, rel, content);
    if ('output' in written) return written;
    return ok(`ok: ${written.created ? 'created' : 'replaced'} ${rel} (${written.bytes} bytes)`);
  },
};
