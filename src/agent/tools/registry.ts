// The built-in tools (SPEC §4 tool contract v1): a plain record name → tool. `bash` is offered
// only with --shell.

import type { ToolDef } from '../../llm/types.js';
import { bashTool } from './bash.js';
import { editFileTool } from './edit-file.js';
import { listFilesTool } from './list-files.js';
import { readFileTool } from './read-file.js';
import { runTestsTool } from './run-tests.js';
import type { AgentTool } from './types.js';
import { writeFileTool } from './write-file.js';

export const TOOLS: Readonly<Record<string, AgentTool>> = {
  list_files: listFilesTool,
  read_file: readFileTool,
  write_file: writeFileTool,
  edit_file: editFileTool,
  run_tests: runTestsTool,
  bash: bashTool,
};

const SHELL_ONLY = new Set(['bash']);

/** The tools offered to the model for this run, in a stable order. */
export function toolsFor(options: { shell: boolean }): AgentTool[] {
  return Object.values(TOOLS).filter((tool) => options.shell || !SHELL_ONLY.has(tool.name));
}

/** What the model is told about the tools (native `tools` or the text-mode description). */
export function toolDefs(tools: readonly AgentTool[]): ToolDef[] {
  return tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.parameters }));
}
