// What a dialect parser returns: calls as the model wrote them, before they are matched against
// the tools we offered (contract.ts does that: names, argument aliases, types).

export interface RawCall {
  name: string;
  /** An object of arguments, a JSON (or Python-literal) string of one, or positional values. */
  args: unknown;
}

export interface Dialect {
  /** What the model wrote, e.g. "hermes", "qwen3-coder". */
  name: string;
  /** vLLM's --tool-call-parser for this family; null when there is none. */
  vllmParser: string | null;
  parse(text: string): RawCall[];
}
