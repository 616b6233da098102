// OpenAI-compatible chat shapes, as we send and normalise them.

export interface ToolCall {
  id: string;
  name: string;
  arguments: string; // always a JSON string after normalisation (servers send string or object)
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; name: string; content: string };

export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>; // JSON schema
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools?: ToolDef[]; // omitted in text mode
  max_tokens?: number;
  temperature?: number;
}

/** One record per model call (SPEC §5 "calls"). Retries of the same call are one record. */
export interface CallRecord {
  started_at: string; // ISO
  request_sha256: string;
  prompt_tokens: number;
  completion_tokens: number;
  latency_ms: number;
  finish_reason: string | null;
  status: number | 'network-error' | 'timeout' | 'aborted'; // HTTP status of the last attempt
  retries: number;
  usage_estimated: boolean;
  stream: boolean;
  error?: string; // redacted one-liner when the call failed
}

export interface ChatResult {
  content: string; // "" when the server sent null
  reasoning: string; // reasoning_content / reasoning fields, joined; "" when none
  tool_calls: ToolCall[];
  finish_reason: string | null;
  usage: { prompt_tokens: number; completion_tokens: number; estimated: boolean };
  record: CallRecord;
}

export interface ChatOptions {
  stream: boolean;
  signal?: AbortSignal;
  onDelta?: (text: string) => void;
}

export interface ChatClient {
  chat(request: ChatRequest, options: ChatOptions): Promise<ChatResult>;
  listModels(signal?: AbortSignal): Promise<string[]>;
  readonly calls: CallRecord[]; // every call made through this client, in order
  close?(): Promise<void>; // releases sockets (createChatClient's client has it)
}
