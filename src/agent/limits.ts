// Every size and time cap of the built-in agent, in one place.

export const AGENT_LIMITS = {
  toolResultChars: 32_000, // any tool result sent back to the model, head + tail
  readFileChars: 24_000, // read_file text, head + tail
  readFileMaxBytes: 8 * 1024 * 1024, // larger files are refused (read the head/tail only)
  writeFileBytes: 1024 * 1024, // write_file / edit_file content
  listFilesEntries: 500, // list_files lines shown
  listFilesScan: 20_000, // entries walked before giving up counting
  testOutputTailChars: 8_000, // per stream, run_tests
  execOutputBytes: 256 * 1024, // what runCommand keeps per stream (head + tail)
  bashTimeoutMs: 120_000,
  bashOutputChars: 16_000,
  defaultTestTimeoutMs: 120_000, // when the task has no verify_timeout_s
  promptFileChars: 16_000, // README.md / AGENTS.md in the first user message
  promptFileList: 200, // paths in the first user message
} as const;
